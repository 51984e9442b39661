import EmulatedHost
import ShellEngine
import SMBPolicy

/// How the registry provider turns a PowerShell value into registry data.
enum RegistryValueConversion {
    static func data(_ value: PSValue, kind: String?, existing: RegistryData?) -> RegistryData? {
        let wanted = kind?.lowercased() ?? existing.map(kindName) ?? inferredKind(value)
        switch wanted {
        case "dword":
            guard let number = integer(value), number >= Int64(Int32.min), number <= Int64(UInt32.max) else { return nil }
            return .dword(UInt32(truncatingIfNeeded: number))
        case "qword":
            guard let number = integer(value) else { return nil }
            return .qword(UInt64(bitPattern: number))
        case "multistring":
            return .multiString((value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) })
        case "string", "expandstring", "unknown":
            return .string(LanguagePrimitives.toString(value))
        default:
            return nil
        }
    }

    private static func kindName(_ data: RegistryData) -> String {
        switch data {
        case .dword: return "dword"
        case .qword: return "qword"
        case .string: return "string"
        case .multiString: return "multistring"
        }
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
