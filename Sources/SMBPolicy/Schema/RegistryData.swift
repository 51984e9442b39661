// Where Windows keeps each SMB setting, so the cmdlets can show the registry writes a change implies.

/// A registry value type.
public enum RegistryValueKind: String, Sendable, Hashable, Codable {
    case dword = "REG_DWORD"
    case qword = "REG_QWORD"
    case string = "REG_SZ"
    case multiString = "REG_MULTI_SZ"
    case expandString = "REG_EXPAND_SZ"
    case binary = "REG_BINARY"
}

/// Data of a registry value.
public enum RegistryData: Sendable, Hashable, Codable {
    case dword(UInt32)
    case qword(UInt64)
    case string(String)
    case multiString([String])
    case expandString(String)
    case binary([UInt8])

    public var kind: RegistryValueKind {
        switch self {
        case .dword: return .dword
        case .qword: return .qword
        case .string: return .string
        case .multiString: return .multiString
        case .expandString: return .expandString
        case .binary: return .binary
        }
    }

    /// The data as `reg query` would show it (`0x1`, `text`, `a\0b`).
    public var displayText: String {
        switch self {
        case .dword(let value): return "0x" + String(value, radix: 16)
        case .qword(let value): return "0x" + String(value, radix: 16)
        case .string(let value), .expandString(let value): return value
        case .multiString(let values): return values.joined(separator: "\\0")
        case .binary(let bytes): return bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
        }
    }
}

/// A registry key the SMB settings live in.
public enum RegistryKey: String, Sendable, Hashable, CaseIterable {
    case lanmanWorkstation = #"HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters"#
    case lanmanServer = #"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters"#
    case mupParameters = #"HKLM\SYSTEM\CurrentControlSet\Services\Mup\Parameters"#
    case bowserParameters = #"HKLM\SYSTEM\CurrentControlSet\Services\Bowser\Parameters"#
    /// Group Policy "Enable remote mailslots" (Lanman Workstation, client side).
    case networkProvider = #"HKLM\Software\Policies\Microsoft\Windows\NetworkProvider"#
    /// Group Policy "Enable remote mailslots" (Lanman Server, server side; reboot required).
    case bowser = #"HKLM\Software\Policies\Microsoft\Windows\Bowser"#

    /// The full path, `HKLM\...`.
    public var path: String { rawValue }

    /// Whether this is a Group Policy key (values there win over local settings).
    public var isPolicyKey: Bool { self == .networkProvider || self == .bowser }
}

/// What it takes for a changed value to take effect.
public enum Activation: Sendable, Hashable {
    /// Takes effect at once (new connections).
    case immediate
    /// Needs the named service restarted.
    case serviceRestart(String)
    /// Needs a reboot.
    case reboot
}

/// The local registry value behind a property.
public struct RegistryLocation: Sendable, Hashable {
    public let key: RegistryKey
    public let valueName: String
    public let kind: RegistryValueKind
    /// True when the value stores the opposite Boolean (`DisableLargeMtu` for EnableLargeMtu).
    public let inverted: Bool
    /// Where the location comes from, or why it is doubtful. Every local location is unconfirmed:
    /// the cmdlets' write targets are not documented (the policy keys are).
    public let note: String?
    public let confirmed: Bool

    init(key: RegistryKey, valueName: String, kind: RegistryValueKind, inverted: Bool, note: String?,
         confirmed: Bool = false) {
        self.key = key
        self.valueName = valueName
        self.kind = kind
        self.inverted = inverted
        self.note = note
        self.confirmed = confirmed
    }

    /// The registry data that stores `value` at this location.
    public func data(for value: PolicyValue, type: PolicyType) -> RegistryData {
        switch value {
        case .bool(let flag):
            return .dword((flag != inverted) ? 1 : 0)
        case .uint32(let number):
            return kind == .qword ? .qword(UInt64(number)) : .dword(number)
        case .uint64(let number):
            return .qword(number)
        case .string(let text):
            if kind == .multiString {
                let items = text.split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
                return .multiString(items)
            }
            return .string(text)
        case .enumeration(let name):
            if case .enumeration(let enumType) = type, let member = enumType.member(named: name) {
                return .dword(member.value)
            }
            return .string(name)
        }
    }
}

/// The Group Policy value that overrides a property (only EnableMailslots has one).
public struct GroupPolicyLocation: Sendable, Hashable {
    public let key: RegistryKey
    public let valueName: String
    public let kind: RegistryValueKind

    /// Client side: `HKLM\Software\Policies\Microsoft\Windows\NetworkProvider\EnableMailslots`.
    public static let networkProvider = GroupPolicyLocation(key: .networkProvider, valueName: "EnableMailslots",
                                                            kind: .dword)
    /// Server side: `HKLM\Software\Policies\Microsoft\Windows\Bowser\EnableMailslots`.
    public static let bowser = GroupPolicyLocation(key: .bowser, valueName: "EnableMailslots", kind: .dword)

    /// The effective Boolean a policy value means: 1 enabled, 0 disabled, anything else (mup.sys
    /// uses 2) or a non-DWORD means "not configured", so the local setting decides.
    public func effectiveBool(_ data: RegistryData) -> Bool? {
        guard case .dword(let number) = data else { return nil }
        switch number {
        case 0: return false
        case 1: return true
        default: return nil
        }
    }
}
