// One SMB property: its type, validation, per-profile default, storage.

/// Which configuration an SMB property belongs to.
public enum PolicySide: String, Sendable, Hashable, CaseIterable, Codable {
    case client
    case server

    /// The CIM class of the configuration object (`MSFT_SmbClientConfiguration`).
    public var cimClassName: String { self == .client ? "MSFT_SmbClientConfiguration" : "MSFT_SmbServerConfiguration" }

    /// The type name Get-Smb*Configuration documents for its output (first line of Get-Member).
    /// The .NET type of every CIM instance.
    public static let cimInstanceTypeName = "Microsoft.Management.Infrastructure.CimInstance"

    /// The type names of the configuration objects, most specific first (`PSObject.TypeNames`).
    public var cimTypeNames: [String] {
        [cimTypeName, Self.cimInstanceTypeName + "#" + cimClassName, Self.cimInstanceTypeName, "System.Object"]
    }

    public var cimTypeName: String {
        Self.cimInstanceTypeName + "#root/Microsoft/Windows/SMB/" + cimClassName
    }
}

/// A property's default in one OS profile, with where the value comes from.
public struct ProfileDefault: Sendable, Hashable {
    public let value: PolicyValue
    /// Source tags, comma-separated, as listed in `PolicySchema.sources`.
    public let source: String
    /// False where the value is inferred rather than read in a source.
    public let confirmed: Bool

    init(_ value: PolicyValue, source: String, confirmed: Bool) {
        self.value = value
        self.source = source
        self.confirmed = confirmed
    }
}

/// Per-profile defaults; nil means the property does not exist in that profile.
public struct ProfileDefaults: Sendable, Hashable {
    let w24H2: ProfileDefault?
    let s2025: ProfileDefault?
    let w23H2: ProfileDefault?
    let s2022: ProfileDefault?

    public subscript(profile: OSProfile) -> ProfileDefault? {
        switch profile {
        case .windows11_24H2: return w24H2
        case .windowsServer2025: return s2025
        case .windows11_23H2: return w23H2
        case .windowsServer2022: return s2022
        }
    }
}

/// A property of `Get-SmbClientConfiguration` or `Get-SmbServerConfiguration`.
public struct PolicyProperty: Sendable, Hashable {
    public let name: String
    public let side: PolicySide
    public let type: PolicyType
    /// One line for help and completion.
    public let help: String
    public let validation: PolicyValidation
    public let defaults: ProfileDefaults
    /// The local registry value Set-* writes (all unconfirmed except where `storage.confirmed`).
    public let storage: RegistryLocation
    public let activation: Activation
    /// The Group Policy value that overrides the local setting, if any.
    public let groupPolicy: GroupPolicyLocation?

    /// Whether the property exists (in Get-*, and as a Set-* parameter or reset target) in a profile.
    public func exists(in profile: OSProfile) -> Bool { defaults[profile] != nil }

    /// The default value in a profile, or nil if the property does not exist there.
    public func defaultValue(in profile: OSProfile) -> PolicyValue? { defaults[profile]?.value }

    /// The details of this property that are not confirmed for Windows, one sentence each, for help
    /// texts ("Mark clearly where a Windows detail is not confirmed").
    public func unconfirmedDetails(in profile: OSProfile) -> [String] {
        var notes: [String] = []
        if let fallback = defaults[profile], !fallback.confirmed {
            notes.append("The default \(fallback.value.displayText) is inferred, not confirmed.")
        }
        if !type.isDotNetTypeNameConfirmed {
            notes.append("The type name \(type.dotNetTypeName) is not confirmed.")
        }
        if !storage.confirmed {
            let place = storage.key.path + "\\" + storage.valueName
            notes.append("The registry value \(place) is not confirmed" + (storage.note.map { " (\($0))." } ?? "."))
        }
        if validation != .none && name != "SmbServerNameHardeningLevel" {
            notes.append("Whether Windows enforces this validation when binding is not confirmed.")
        }
        return notes
    }

    /// Checks that a value has this property's type and passes its validation, and returns it in
    /// canonical form (enum names in their declared case).
    public func validate(_ value: PolicyValue) -> Result<PolicyValue, PolicyValidationFailure> {
        PolicyValidator(type: type, validation: validation).validate(value)
    }
}
