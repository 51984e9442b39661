// Types of SMB properties and their .NET names.

/// The type of an SMB property or Set-* parameter.
public enum PolicyType: Sendable, Hashable {
    case boolean
    case uint32
    case uint64
    case string
    case enumeration(PolicyEnumType)

    /// The .NET type name `GetType().FullName` reports.
    public var dotNetTypeName: String {
        switch self {
        case .boolean: return "System.Boolean"
        case .uint32: return "System.UInt32"
        case .uint64: return "System.UInt64"
        case .string: return "System.String"
        case .enumeration(let type): return type.fullName
        }
    }

    /// The short name the docs print in syntax lines (`Boolean`, `UInt32`, `Smb2DialectMax`).
    public var syntaxName: String {
        switch self {
        case .boolean: return "Boolean"
        case .uint32: return "UInt32"
        case .uint64: return "UInt64"
        case .string: return "String"
        case .enumeration(let type): return type.name
        }
    }

    /// False where the .NET name is a plausible guess (the generated enum types).
    public var isDotNetTypeNameConfirmed: Bool {
        if case .enumeration = self { return false }
        return true
    }
}

/// One member of an SMB enum type.
public struct PolicyEnumMember: Sendable, Hashable {
    public let name: String
    /// The underlying number (the SMB dialect code; 0 for None).
    public let value: UInt32
}

/// An enum type of the SmbShare CDXML module (`Smb2DialectMin`, `Smb2DialectMax`).
public struct PolicyEnumType: Sendable, Hashable {
    public let name: String
    /// Full .NET name. CDXML enums live in `Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare`
    /// (seen for ShareState and ShareAccessRight); these two names are NOT confirmed.
    public let fullName: String
    public let members: [PolicyEnumMember]

    /// The member with this name, compared case-insensitively (`smb311` → `SMB311`).
    public func member(named text: String) -> PolicyEnumMember? {
        let wanted = text.trimmingBlanks().lowercased()
        return members.first { $0.name.lowercased() == wanted }
    }

    /// The member with this underlying value.
    public func member(value: UInt32) -> PolicyEnumMember? {
        members.first { $0.value == value }
    }

    /// Member names in declaration order, as PowerShell lists them in conversion errors.
    public var memberNames: [String] { members.map(\.name) }

    static let dialects: [PolicyEnumMember] = [
        .init(name: "None", value: 0), .init(name: "SMB202", value: 0x202), .init(name: "SMB210", value: 0x210),
        .init(name: "SMB300", value: 0x300), .init(name: "SMB302", value: 0x302), .init(name: "SMB311", value: 0x311),
    ]

    /// Lowest negotiated SMB 2/3 dialect. Underlying values follow the dialect codes (the policy CSP
    /// uses 514 for SMB 2.0.2 and 785 for SMB 3.1.1); not confirmed for the CIM enum.
    public static let smb2DialectMin = PolicyEnumType(
        name: "Smb2DialectMin",
        fullName: "Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare.Smb2DialectMin",
        members: dialects)
    /// Highest negotiated SMB 2/3 dialect.
    public static let smb2DialectMax = PolicyEnumType(
        name: "Smb2DialectMax",
        fullName: "Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare.Smb2DialectMax",
        members: dialects)
}
