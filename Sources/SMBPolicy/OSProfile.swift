// The Windows releases the shell can pretend to be, chosen by SMBCONFIG_OS_PROFILE.

/// A Windows release whose SMB configuration surface and defaults the shell emulates.
public enum OSProfile: String, CaseIterable, Sendable, Hashable {
    case windows11_24H2 = "Windows11-24H2"
    case windowsServer2025 = "WindowsServer2025"
    case windows11_23H2 = "Windows11-23H2"
    case windowsServer2022 = "WindowsServer2022"

    /// The profile used when SMBCONFIG_OS_PROFILE is unset or invalid.
    public static let defaultProfile: OSProfile = .windows11_24H2
    /// The environment variable that selects the profile.
    public static let environmentVariable = "SMBCONFIG_OS_PROFILE"

    /// Parses a profile name case-insensitively (`windows11-24h2`), ignoring surrounding blanks.
    public init?(parsing text: String) {
        let wanted = text.trimmingBlanks().lowercased()
        guard let match = OSProfile.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else {
            return nil
        }
        self = match
    }

    /// The profile for a value of SMBCONFIG_OS_PROFILE. An unset or empty value gives the default
    /// silently; an unknown value gives the default plus a warning text (without `WARNING: `).
    public static func resolve(environmentValue: String?) -> (profile: OSProfile, warning: String?) {
        guard let value = environmentValue, !value.trimmingBlanks().isEmpty else {
            return (defaultProfile, nil)
        }
        if let profile = OSProfile(parsing: value) { return (profile, nil) }
        let known = allCases.map(\.rawValue).joined(separator: ", ")
        return (defaultProfile,
                "The value '\(value)' of \(environmentVariable) is not a known OS profile. "
                + "Valid values are: \(known). Using '\(defaultProfile.rawValue)'.")
    }

    /// The product name, as a banner or `Get-SmbShellProfile` would show it.
    public var displayName: String {
        switch self {
        case .windows11_24H2: return "Windows 11 24H2"
        case .windowsServer2025: return "Windows Server 2025"
        case .windows11_23H2: return "Windows 11 23H2"
        case .windowsServer2022: return "Windows Server 2022"
        }
    }

    /// Whether remote mailslots depend on EnableMailslots. False on 23H2 / 2022: they simply work.
    public var gatesRemoteMailslots: Bool { generation == .v2025 }

    /// Whether this is a server SKU (affects some server-side defaults).
    public var isServer: Bool { self == .windowsServer2025 || self == .windowsServer2022 }

    /// Which documented cmdlet surface applies: the 2025 docs or the 2022 docs.
    public var generation: SchemaGeneration {
        switch self {
        case .windows11_24H2, .windowsServer2025: return .v2025
        case .windows11_23H2, .windowsServer2022: return .v2022
        }
    }
}

/// The documented generation of the SmbShare configuration cmdlets a profile follows.
public enum SchemaGeneration: String, Sendable, Hashable {
    /// winserver2025-ps docs (Windows 11 24H2, Windows Server 2025): EnableMailslots and friends.
    case v2025
    /// winserver2022-ps docs (Windows 11 23H2, Windows Server 2022): no EnableMailslots.
    case v2022
}

extension String {
    func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            scalars = scalars.dropLast()
        }
        return String(scalars)
    }
}
