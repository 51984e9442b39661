import EmulatedHost
import ShellEngine
import SMBPolicy

/// How the registry provider turns a PowerShell value into registry data (RegistryProvider's
/// ConvertValueToKind): DWord is an Int32, QWord an Int64, Binary a Byte[].
enum RegistryValueConversion {
    static func convert(_ value: PSValue, kind: String?, existing: RegistryData?, name: String) throws(ProviderError) -> RegistryData {
        let wanted = kind?.lowercased() ?? existing.map { RegistryValueKindName.of($0).lowercased() } ?? inferredKind(value)
        switch wanted {
        case "dword":
            guard let number = integer(value), number >= Int64(Int32.min), number <= Int64(UInt32.max) else {
                throw castError(value, "System.Int32", name)
            }
            return .dword(UInt32(truncatingIfNeeded: number))
        case "qword":
            guard let number = integer(value) else { throw castError(value, "System.Int64", name) }
            return .qword(UInt64(bitPattern: number))
        case "multistring":
            return .multiString((value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) })
        case "binary":
            var bytes: [UInt8] = []
            for item in value.enumerated ?? [value] {
                guard let number = integer(item), let byte = UInt8(exactly: number) else { throw castError(value, "System.Byte[]", name) }
                bytes.append(byte)
            }
            return .binary(bytes)
        case "expandstring":
            return .expandString(LanguagePrimitives.toString(value))
        default:
            return .string(LanguagePrimitives.toString(value))
        }
    }

    private static func castError(_ value: PSValue, _ typeName: String, _ name: String) -> ProviderError {
        ProviderError(message: Messages.format("InvalidCastExceptionWithInnerException", LanguagePrimitives.toString(value),
                                               typeName, "Input string was not in a correct format."),
                      errorId: "System.Management.Automation.PSInvalidCastException", category: .InvalidArgument,
                      exceptionType: "System.Management.Automation.PSInvalidCastException", target: name)
    }

    /// No -Type and no existing value: Int32 → DWord, Int64 → QWord, arrays → MultiString, else String.
    private static func inferredKind(_ value: PSValue) -> String {
        switch value {
        case .int32, .uint32, .byte, .bool, .switchParameter: return "dword"
        case .int64, .uint64: return "qword"
        case .array: return "multistring"
        default: return "string"
        }
    }

    private static func integer(_ value: PSValue) -> Int64? {
        switch value {
        case .bool(let b), .switchParameter(let b): return b ? 1 : 0
        case .string(let s):
            let text = s.trimmedWhitespace.lowercased()
            if text.hasPrefix("0x") { return Int64(text.dropFirst(2), radix: 16) }
            return Int64(text)
        default: return LanguagePrimitives.toInt64(value)
        }
    }
}
