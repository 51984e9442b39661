import MailslotTransport
import ShellEngine

final class NewObject: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let written = context.string("TypeName") ?? ""
        let arguments = context.value("ArgumentList").map { $0.enumerated ?? [$0] } ?? []
        let engine = context.engine
        guard let type = engine.types.resolve(written) else {
            throw RuntimeError(record: context.errorRecord(
                message: "Cannot find type [\(written)]: verify that the assembly containing this type is loaded.",
                errorId: "TypeNotFound", category: .InvalidType,
                exceptionType: "System.Management.Automation.PSArgumentException"))
        }
        var value: PSValue
        if type.fullName == "System.Management.Automation.PSObject" && arguments.isEmpty {
            value = .object(PSCustomObject())
        } else {
            do {
                value = try engine.construct(type, arguments, extent: context.invocation.extent ?? .empty, newObject: true)
            } catch let error where error.runtimeError != nil {
                let record = error.runtimeError!.record
                let id = record.fullyQualifiedErrorId
                let errorId = id == "CannotFindAppropriateCtor" || id.hasPrefix("MethodArgumentConversion")
                    ? id : "ConstructorInvokedThrowException"
                let rewritten = context.errorRecord(message: record.exception.message, errorId: errorId,
                    category: errorId == "ConstructorInvokedThrowException" ? .InvalidOperation : record.categoryInfo.category,
                    exceptionType: record.exception.typeName, target: record.targetObject)
                throw RuntimeError(record: rewritten)
            }
        }
        if case .hashtable(let properties)? = context.value("Property") {
            for (k, v) in properties.entries {
                try engine.setMember(value, LanguagePrimitives.toString(k), v, extent: context.invocation.extent ?? .empty)
            }
        }
        try context.writeObject(value)
    }
}

/// Types of this module's commands that need Windows' own message table.
enum UtilityTypes {
    static func all() -> [DotNetType] {
        [DotNetType("System.ComponentModel.Win32Exception", base: "System.Runtime.InteropServices.ExternalException") { t in
            t.constructor { c in exception(c, code: 0, message: Win32Messages.text(0)) }
            t.constructor("int error") { c in exception(c, code: c.int(0), message: Win32Messages.text(c.int(0))) }
            t.constructor("string message") { c in exception(c, code: 0, message: c.text(0)) }
            t.constructor("int error, string message") { c in exception(c, code: c.int(0), message: c.text(1)) }
            t.property("NativeErrorCode", "int") { c in
                guard case .object(let o as PSExceptionObject) = c.this else { return .int32(0) }
                return o.property("NativeErrorCode") ?? .int32(0)
            }
        }] + outputTypes + CryptographyTypes.all()
    }

    /// The classes of the objects the Utility and Management commands write, so that `-is`,
    /// `[type]` and `Should -BeOfType` know them; their members are the objects' own.
    private static var outputTypes: [DotNetType] {
        [DotNetType("Microsoft.PowerShell.Commands.MatchInfo"),
         DotNetType("Microsoft.PowerShell.Commands.MatchInfoContext"),
         DotNetType("Microsoft.PowerShell.Commands.GroupInfo"),
         DotNetType("Microsoft.PowerShell.Commands.GroupInfoNoElement", base: "Microsoft.PowerShell.Commands.GroupInfo"),
         DotNetType("Microsoft.PowerShell.Commands.MeasureInfo"),
         DotNetType("Microsoft.PowerShell.Commands.GenericMeasureInfo", base: "Microsoft.PowerShell.Commands.MeasureInfo"),
         DotNetType("Microsoft.PowerShell.Commands.TextMeasureInfo", base: "Microsoft.PowerShell.Commands.MeasureInfo"),
         DotNetType("System.MarshalByRefObject"),
         DotNetType("System.ComponentModel.Component", base: "System.MarshalByRefObject"),
         DotNetType("System.Diagnostics.Process", base: "System.ComponentModel.Component")]
    }

    private static func exception(_ call: DotNetCall, code: Int, message: String) -> PSValue {
        .object(PSExceptionObject(typeName: "System.ComponentModel.Win32Exception", message: message,
            extraProperties: [PSPropertyInfo(name: "NativeErrorCode", value: .int32(Int32(truncatingIfNeeded: code)))]))
    }
}

enum Win32Messages {
    static func text(_ code: Int) -> String {
        Win32Error(code: UInt32(truncatingIfNeeded: code)).message
    }
}
