/// The exception types with their hierarchy, constructors and .NET Framework 4.8's default messages.
extension ExceptionTypes {
    /// Full name, base type, default message (nil: "Exception of type 'X' was thrown.").
    static let table: [(String, String, String?)] = [
        ("System.Exception", "System.Object", nil),
        ("System.SystemException", "System.Exception", "System error."),
        ("System.ApplicationException", "System.Exception", "Error in the application."),
        ("System.ArgumentException", "System.SystemException", "Value does not fall within the expected range."),
        ("System.ArgumentNullException", "System.ArgumentException", "Value cannot be null."),
        ("System.ArgumentOutOfRangeException", "System.ArgumentException", "Specified argument was out of the range of valid values."),
        ("System.InvalidOperationException", "System.SystemException", "Operation is not valid due to the current state of the object."),
        ("System.ObjectDisposedException", "System.InvalidOperationException", "Cannot access a disposed object."),
        ("System.NotSupportedException", "System.SystemException", "Specified method is not supported."),
        ("System.PlatformNotSupportedException", "System.NotSupportedException", "Operation is not supported on this platform."),
        ("System.NotImplementedException", "System.SystemException", "The method or operation is not implemented."),
        ("System.FormatException", "System.SystemException", "One of the identified items was in an invalid format."),
        ("System.UriFormatException", "System.FormatException", "Invalid URI: The format of the URI could not be determined."),
        ("System.ArithmeticException", "System.SystemException", "Overflow or underflow in the arithmetic operation."),
        ("System.OverflowException", "System.ArithmeticException", "Arithmetic operation resulted in an overflow."),
        ("System.DivideByZeroException", "System.ArithmeticException", "Attempted to divide by zero."),
        ("System.IndexOutOfRangeException", "System.SystemException", "Index was outside the bounds of the array."),
        ("System.NullReferenceException", "System.SystemException", "Object reference not set to an instance of an object."),
        ("System.InvalidCastException", "System.SystemException", "Specified cast is not valid."),
        ("System.OutOfMemoryException", "System.SystemException", nil),
        ("System.UnauthorizedAccessException", "System.SystemException", "Attempted to perform an unauthorized operation."),
        ("System.TimeoutException", "System.SystemException", "The operation has timed out."),
        ("System.OperationCanceledException", "System.SystemException", "The operation was canceled."),
        ("System.Collections.Generic.KeyNotFoundException", "System.SystemException", "The given key was not present in the dictionary."),
        ("System.Security.SecurityException", "System.SystemException", "Security error."),
        ("System.IO.IOException", "System.SystemException", "I/O error occurred."),
        ("System.IO.FileNotFoundException", "System.IO.IOException", "Unable to find the specified file."),
        ("System.IO.DirectoryNotFoundException", "System.IO.IOException", "Attempted to access a path that is not on the disk."),
        ("System.IO.PathTooLongException", "System.IO.IOException", "The specified path, file name, or both are too long. The fully qualified file name must be less than 260 characters, and the directory name must be less than 248 characters."),
        ("System.IO.EndOfStreamException", "System.IO.IOException", "Unable to read beyond the end of the stream."),
        ("System.IO.InvalidDataException", "System.SystemException", "Found invalid data while decoding."),
        ("System.Runtime.InteropServices.ExternalException", "System.SystemException", "External component has thrown an exception."),
        ("System.Net.Sockets.SocketException", "System.ComponentModel.Win32Exception", nil),
        ("System.Management.Automation.RuntimeException", "System.SystemException", nil),
        ("System.Management.Automation.ParseException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.ParameterBindingException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.ParameterBindingArgumentTransformationException", "System.Management.Automation.ParameterBindingException", nil),
        ("System.Management.Automation.ParameterBindingValidationException", "System.Management.Automation.ParameterBindingException", nil),
        ("System.Management.Automation.CommandNotFoundException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.MethodException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.MethodInvocationException", "System.Management.Automation.MethodException", nil),
        ("System.Management.Automation.PropertyNotFoundException", "System.Management.Automation.ExtendedTypeSystemException", nil),
        ("System.Management.Automation.ExtendedTypeSystemException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.GetValueException", "System.Management.Automation.ExtendedTypeSystemException", nil),
        ("System.Management.Automation.GetValueInvocationException", "System.Management.Automation.GetValueException", nil),
        ("System.Management.Automation.SetValueException", "System.Management.Automation.ExtendedTypeSystemException", nil),
        ("System.Management.Automation.SetValueInvocationException", "System.Management.Automation.SetValueException", nil),
        ("System.Management.Automation.SessionStateException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.ItemNotFoundException", "System.Management.Automation.SessionStateException", nil),
        ("System.Management.Automation.DriveNotFoundException", "System.Management.Automation.SessionStateException", nil),
        ("System.Management.Automation.ProviderNotFoundException", "System.Management.Automation.SessionStateException", nil),
        ("System.Management.Automation.SessionStateUnauthorizedAccessException", "System.Management.Automation.SessionStateException", nil),
        ("System.Management.Automation.ActionPreferenceStopException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.PipelineStoppedException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.ScriptCallDepthException", "System.SystemException", nil),
        ("System.Management.Automation.ValidationMetadataException", "System.Management.Automation.MetadataException", nil),
        ("System.Management.Automation.MetadataException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.ArgumentTransformationMetadataException", "System.Management.Automation.MetadataException", nil),
        ("System.Management.Automation.PSArgumentException", "System.ArgumentException", nil),
        ("System.Management.Automation.PSArgumentNullException", "System.ArgumentNullException", nil),
        ("System.Management.Automation.PSArgumentOutOfRangeException", "System.ArgumentOutOfRangeException", nil),
        ("System.Management.Automation.PSInvalidOperationException", "System.InvalidOperationException", nil),
        ("System.Management.Automation.PSNotSupportedException", "System.NotSupportedException", nil),
        ("System.Management.Automation.PSNotImplementedException", "System.NotImplementedException", nil),
        ("System.Management.Automation.PSInvalidCastException", "System.InvalidCastException", nil),
        ("System.Management.Automation.PSSecurityException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.ParentContainsErrorRecordException", "System.SystemException", nil),
        ("System.Management.Automation.WildcardPatternException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.Host.HostException", "System.Management.Automation.RuntimeException", nil),
        ("System.Management.Automation.Host.PromptingException", "System.Management.Automation.Host.HostException", nil),
        ("System.Management.Automation.Remoting.PSRemotingTransportException", "System.Management.Automation.RuntimeException", nil),
        ("Microsoft.PowerShell.Commands.HelpNotFoundException", "System.SystemException", nil),
        ("Microsoft.PowerShell.Commands.WriteErrorException", "System.SystemException", "The Write-Error cmdlet reported an error."),
        ("Microsoft.Management.Infrastructure.CimException", "System.SystemException", nil),
    ]

    static func defaultMessage(_ fullName: String) -> String {
        table.first { $0.0 == fullName }?.2 ?? "Exception of type '\(fullName)' was thrown."
    }

    static func make(_ c: DotNetCall, _ fullName: String, message: String?, inner: PSValue = .null,
                     extra: [PSPropertyInfo] = []) -> PSValue {
        var innerException: PSExceptionObject?
        if case .object(let o as PSExceptionObject) = inner { innerException = o }
        return .object(PSExceptionObject(typeName: fullName, message: message ?? defaultMessage(fullName),
                                         innerException: innerException, extraProperties: extra))
    }

    static func declarations() -> [DotNetType] {
        table.map { name, base, _ in
            DotNetType(name, base: base, interfaces: name == "System.Exception" ? ["System.Runtime.Serialization.ISerializable"] : []) { t in
                switch name {
                case "System.ArgumentException", "System.Management.Automation.PSArgumentException":
                    t.constructor { c in make(c, name, message: nil) }
                    t.constructor("string message") { c in make(c, name, message: c.string(0)) }
                    t.constructor("string message, System.Exception innerException") { c in make(c, name, message: c.string(0), inner: c.value(1)) }
                    t.constructor("string message, string paramName") { c in
                        make(c, name, message: c.text(0) + (c.text(1).isEmpty ? "" : "\r\nParameter name: " + c.text(1)),
                             extra: [PSPropertyInfo(name: "ParamName", value: c.value(1), typeName: "System.String")])
                    }
                case "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
                     "System.Management.Automation.PSArgumentNullException", "System.Management.Automation.PSArgumentOutOfRangeException":
                    let fallback = defaultMessage(name.hasSuffix("NullException") ? "System.ArgumentNullException" : "System.ArgumentOutOfRangeException")
                    t.constructor { c in make(c, name, message: fallback) }
                    t.constructor("string paramName") { c in
                        make(c, name, message: fallback + (c.text(0).isEmpty ? "" : "\r\nParameter name: " + c.text(0)),
                             extra: [PSPropertyInfo(name: "ParamName", value: c.value(0), typeName: "System.String")])
                    }
                    t.constructor("string paramName, string message") { c in
                        make(c, name, message: c.text(1) + (c.text(0).isEmpty ? "" : "\r\nParameter name: " + c.text(0)),
                             extra: [PSPropertyInfo(name: "ParamName", value: c.value(0), typeName: "System.String")])
                    }
                    t.constructor("string message, System.Exception innerException") { c in make(c, name, message: c.string(0), inner: c.value(1)) }
                    if name.hasSuffix("RangeException") {
                        t.constructor("string paramName, System.Object actualValue, string message") { c in
                            var text = c.text(2) + (c.text(0).isEmpty ? "" : "\r\nParameter name: " + c.text(0))
                            if !c.value(1).isNull { text += "\r\nActual value was " + c.text(1) + "." }
                            return make(c, name, message: text, extra: [
                                PSPropertyInfo(name: "ParamName", value: c.value(0), typeName: "System.String"),
                                PSPropertyInfo(name: "ActualValue", value: c.value(1), typeName: "System.Object")])
                        }
                    }
                default:
                    t.constructor { c in make(c, name, message: nil) }
                    t.constructor("string message") { c in make(c, name, message: c.string(0)) }
                    t.constructor("string message, System.Exception innerException") { c in
                        make(c, name, message: c.string(0), inner: c.value(1))
                    }
                }
                if name == "System.Exception" {
                    @Sendable func exception(_ c: DotNetCall) -> PSExceptionObject? {
                        if case .object(let o as PSExceptionObject) = c.this { return o }
                        return nil
                    }
                    t.property("Message", "string") { c in .string(exception(c)?.message ?? "") }
                    t.property("InnerException", "System.Exception") { c in exception(c)?.innerException.map { .object($0) } ?? .null }
                    t.property("HResult", "int") { _ in .int32(-2146233088) }
                    t.property("Source", "string") { _ in .null }
                    t.property("StackTrace", "string") { _ in .null }
                    t.property("HelpLink", "string") { _ in .null }
                    t.property("TargetSite", "System.Reflection.MethodBase") { _ in .null }
                    t.property("Data", "System.Collections.IDictionary") { _ in .hashtable(PSHashtable()) }
                    t.method("GetBaseException", "System.Exception") { c in
                        var current = exception(c)
                        while let inner = current?.innerException { current = inner }
                        return current.map { .object($0) } ?? .null
                    }
                    t.method("ToString", "string") { c in .string(exception(c)?.toString() ?? "") }
                }
            }
        }
    }
}
