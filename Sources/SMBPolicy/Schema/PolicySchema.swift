// The one schema of SMB client and server properties; the SmbShare cmdlets derive everything from it.

/// Lookup into the SMB property schema for an OS profile.
public enum PolicySchema {
    /// Every property of both sides, in all profiles (filter with `exists(in:)`).
    public static var allProperties: [PolicyProperty] { table }

    /// The four cipher names the docs list for EncryptionCiphers.
    public static let encryptionCipherNames = ["AES_128_GCM", "AES_128_CCM", "AES_256_GCM", "AES_256_CCM"]

    /// The property with this name on a side (case-insensitive), whether or not it exists in a profile.
    public static func property(named name: String, side: PolicySide) -> PolicyProperty? {
        let key = name.lowercased()
        return index[side]?[key]
    }

    /// The property with this name if it exists in the profile.
    public static func property(named name: String, side: PolicySide, profile: OSProfile) -> PolicyProperty? {
        guard let property = property(named: name, side: side), property.exists(in: profile) else { return nil }
        return property
    }

    /// The properties of Get-Smb*Configuration in Format-List order: the documented example first,
    /// then the properties it omits, in the Set-* syntax order. Where a real listing places them is
    /// not confirmed.
    public static func properties(side: PolicySide, profile: OSProfile) -> [PolicyProperty] {
        let names: [String]
        switch (side, profile.generation) {
        case (.client, .v2025): names = getClient2025
        case (.client, .v2022): names = getClient2022
        case (.server, .v2025): names = getServer2025
        case (.server, .v2022): names = getServer2022
        }
        return names.compactMap { property(named: $0, side: side, profile: profile) }
    }

    /// The value parameters of Set-Smb*Configuration in the docs' syntax order (without -Force,
    /// -CimSession, -ThrottleLimit, -AsJob, -WhatIf, -Confirm, which the cmdlets add).
    public static func setParameters(side: PolicySide, profile: OSProfile) -> [BoundSetParameter] {
        let list: [PolicySetParameter]
        switch (side, profile.generation) {
        case (.client, .v2025): list = setClient2025
        case (.client, .v2022): list = setClient2022
        case (.server, .v2025): list = setServer2025
        case (.server, .v2022): list = setServer2022
        }
        return list.compactMap { parameter in
            property(named: parameter.propertyName, side: side, profile: profile)
                .map { BoundSetParameter(parameter: parameter, property: $0) }
        }
    }

    /// The switches of Reset-Smb*Configuration in the docs' syntax order, starting with `All`
    /// (which resets every property any other switch resets; whether Windows' -All also resets
    /// properties without a switch, such as RequireSecuritySignature, is not documented).
    public static func resetSwitches(side: PolicySide, profile: OSProfile) -> [BoundResetSwitch] {
        let list: [PolicyResetSwitch]
        switch (side, profile.generation) {
        case (.client, .v2025): list = resetClient2025
        case (.client, .v2022): list = resetClient2022
        case (.server, .v2025): list = resetServer2025
        case (.server, .v2022): list = resetServer2022
        }
        let switches = list.map { entry in
            BoundResetSwitch(name: entry.name, properties: entry.propertyNames.compactMap {
                property(named: $0, side: side, profile: profile)
            })
        }.filter { !$0.properties.isEmpty }
        var seen = Set<String>()
        var all: [PolicyProperty] = []
        for property in switches.flatMap(\.properties) where seen.insert(property.name).inserted {
            all.append(property)
        }
        return [BoundResetSwitch(name: "All", properties: all)] + switches
    }

    /// The Set-* parameters that set a property in a profile (two for AutoDisconnectTimeout on 2025).
    public static func setParameters(for property: PolicyProperty, profile: OSProfile) -> [BoundSetParameter] {
        setParameters(side: property.side, profile: profile).filter { $0.property == property }
    }

    /// The Reset-* switch (other than `All`) that resets a property in a profile, if any.
    public static func resetSwitch(for property: PolicyProperty, profile: OSProfile) -> BoundResetSwitch? {
        resetSwitches(side: property.side, profile: profile).dropFirst().first { $0.properties.contains(property) }
    }

    /// The source tags used in `ProfileDefault.source`.
    public static let sources: [String: String] = [
        "S1": "winserver2025-ps Set-SmbClientConfiguration.md (1bf2d8f3)",
        "S2": "winserver2025-ps Get-SmbClientConfiguration.md example (1195b28a); same list in winserver2022-ps",
        "S4": "winserver2025-ps Set-SmbServerConfiguration.md (580c21b8)",
        "S5": "winserver2025-ps Get-SmbServerConfiguration.md example (7464dec3)",
        "S6": "winserver2025-ps Reset-SmbServerConfiguration.md (10d2f08d)",
        "S8": "winserver2022-ps Get-SmbServerConfiguration.md example (051914e4)",
        "S11": "winserver2012r2-ps Get-SmbClientConfiguration.md example (0ffd3b84)",
        "S19": "policy-csp-lanmanserver.md (AuthRateLimiterDelayInMs default 2000)",
        "S22": "windowsserverdocs smb-security-hardening.md",
        "S25": "Ned Pyle, SMB security hardening in Windows Server 2025 & Windows 11",
        "S27": "Tech Community 3715014, insecure guest auth off by default",
        "L24H2": "a real Windows 11 24H2 Get-SmbClientConfiguration / Get-SmbServerConfiguration listing "
            + "in a public transcript (stored GitHub index)",
        "inferred": "no source; inferred",
    ]

    private static let index: [PolicySide: [String: PolicyProperty]] = {
        var result: [PolicySide: [String: PolicyProperty]] = [.client: [:], .server: [:]]
        for property in table { result[property.side, default: [:]][property.name.lowercased()] = property }
        return result
    }()
}
