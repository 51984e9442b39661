// Values of SMB properties, as the CIM provider hands them to PowerShell.

/// The value of one SMB client or server property.
public enum PolicyValue: Sendable, Hashable, Codable {
    case bool(Bool)
    case uint32(UInt32)
    case uint64(UInt64)
    case string(String)
    /// An enum member, by its canonical name (`SMB311`).
    case enumeration(String)

    /// The text Windows PowerShell prints for the value: `True`/`False`, decimal numbers,
    /// strings as they are, enum member names.
    public var displayText: String {
        switch self {
        case .bool(let value): return value ? "True" : "False"
        case .uint32(let value): return String(value)
        case .uint64(let value): return String(value)
        case .string(let value): return value
        case .enumeration(let name): return name
        }
    }
}

extension PolicyValue: CustomStringConvertible {
    public var description: String { displayText }
}

/// Where an effective value comes from.
public enum PolicyValueSource: String, Sendable, Hashable, Codable {
    /// The OS profile's default; nothing was set.
    case `default`
    /// Set locally (Set-Smb*Configuration) and persisted.
    case local
    /// A Group Policy value under `HKLM\Software\Policies\...`, which wins over the local setting.
    case groupPolicy
}
