// The effective SMB configuration of a profile: defaults, local settings, Group Policy.

import Synchronization

/// One property's effective value and where it comes from.
public struct PolicyEntry: Sendable, Hashable {
    public let property: PolicyProperty
    public let value: PolicyValue
    public let source: PolicyValueSource
    /// The local setting, when one exists (also when Group Policy overrides it).
    public let localValue: PolicyValue?
}

/// A named registry value, as a registry view lists it.
public struct RegistryValue: Sendable, Hashable {
    public let name: String
    public let data: RegistryData
}

/// The effective configuration of both sides for one OS profile.
public struct PolicySnapshot: Sendable {
    public let profile: OSProfile
    private let client: [PolicyEntry]
    private let server: [PolicyEntry]
    private let policy: [PolicySide: [String: RegistryData]]
    /// The whole registry of the emulated host, resolved when first read (the SMB cmdlets never
    /// read it).
    public var registry: HostRegistry { resolvedRegistry.value }
    private let resolvedRegistry: LazyHostRegistry
    private let services: [String: String]
    private let features: [String: Bool]

    /// Whether a service runs: as it was last started or stopped, else as the release boots
    /// (a changed start mode takes effect at the next boot, as on Windows).
    public func serviceRunning(_ service: ServiceDefinition) -> Bool {
        if let state = services[service.name.lowercased()] { return state == "Running" }
        return service.runsAtBoot
    }

    /// The services and drivers that exist now (installed with their features), sorted by name.
    public func installedServices() -> [ServiceDefinition] {
        HostCatalog.services(profile).filter { service in
            registry.key(service.registryKey) != nil
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    public func service(_ name: String) -> ServiceDefinition? {
        installedServices().first { $0.name.lowercased() == name.lowercased() }
    }

    /// The start mode, read from the `Start` value of the service's key.
    public func startMode(_ service: ServiceDefinition) -> ServiceStartMode {
        if case .dword(let number)? = registry.key(service.registryKey)?.value("Start")?.data,
           let mode = ServiceStartMode(rawValue: number) { return mode }
        return service.start
    }

    /// The services a service needs, read from the `DependOnService` value of its key.
    public func dependencies(_ service: ServiceDefinition) -> [String] {
        switch registry.key(service.registryKey)?.value("DependOnService")?.data {
        case .multiString(let names)?: return names.filter { !$0.isEmpty }
        case .string(let name)?: return name.isEmpty ? [] : [name]
        default: return []
        }
    }

    public func featureEnabled(_ name: String) -> Bool { features[name.lowercased()] ?? false }

    /// Every property of a side in Get-* Format-List order.
    public func entries(side: PolicySide) -> [PolicyEntry] {
        side == .client ? client : server
    }

    /// The entry of a property (case-insensitive name), nil if it does not exist in the profile.
    public func entry(_ name: String, side: PolicySide) -> PolicyEntry? {
        let key = name.lowercased()
        return entries(side: side).first { $0.property.name.lowercased() == key }
    }

    /// The effective value of a property.
    public func value(_ name: String, side: PolicySide) -> PolicyValue? { entry(name, side: side)?.value }

    /// The values stored under the side's Group Policy key (client: NetworkProvider, server: Bowser).
    public func groupPolicyValues(side: PolicySide) -> [String: RegistryData] { policy[side] ?? [:] }

    /// Whether remote mailslots are allowed on a side: outbound (client) or inbound (server).
    /// Always true on profiles that do not gate remote mailslots (23H2 / 2022).
    public func mailslotsEnabled(_ side: PolicySide) -> Bool {
        guard profile.gatesRemoteMailslots else { return true }
        return entry("EnableMailslots", side: side)?.value == .bool(true)
    }

    /// The values a registry view shows under a key, sorted by name: the local settings that were
    /// set, in their stored form (`DisableLargeMtu` = 1 for EnableLargeMtu False), and, under the two
    /// policy keys, the Group Policy values. Defaults are not shown as values (which ones Windows
    /// writes at install time is not documented).
    public func registryValues(key: RegistryKey) -> [RegistryValue] {
        var values: [RegistryValue] = []
        if key.isPolicyKey {
            let side: PolicySide = key == PolicyStore.groupPolicyKey(side: .client) ? .client : .server
            values = groupPolicyValues(side: side).map { RegistryValue(name: $0.key, data: $0.value) }
        } else {
            for entry in client + server where entry.property.storage.key == key {
                guard let local = entry.localValue else { continue }
                values.append(RegistryValue(name: entry.property.storage.valueName,
                                            data: entry.property.storage.data(for: local, type: entry.property.type)))
            }
        }
        return values.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    init(profile: OSProfile, document: PolicyDocument, warnings: inout [String]) {
        self.profile = profile
        var policy: [PolicySide: [String: RegistryData]] = [:]
        for side in PolicySide.allCases {
            var values: [String: RegistryData] = [:]
            for (name, json) in document.groupPolicyEntries(side) {
                if let data = PolicyDocument.registryData(json) {
                    values[name] = data
                } else {
                    warnings.append("The Group Policy value '\(name)' (\(side.rawValue)) in the SMB policy file "
                        + "is not valid registry data and is ignored.")
                }
            }
            policy[side] = values
        }
        self.policy = policy
        let client = PolicySnapshot.resolve(.client, profile, document, policy[.client] ?? [:], &warnings)
        let server = PolicySnapshot.resolve(.server, profile, document, policy[.server] ?? [:], &warnings)
        self.client = client
        self.server = server
        resolvedRegistry = LazyHostRegistry { [policy] in
            HostRegistry(profile: profile, document: document, client: client, server: server, policy: policy)
        }
        services = document.serviceStates()
        features = document.featureStates()
    }

    private static func resolve(_ side: PolicySide, _ profile: OSProfile, _ document: PolicyDocument,
                                _ policy: [String: RegistryData], _ warnings: inout [String]) -> [PolicyEntry] {
        var local: [String: PolicyValue] = [:]
        for (name, json) in document.localEntries(side) {
            // Names of other profiles or later versions stay in the file, unused.
            guard let property = PolicySchema.property(named: name, side: side, profile: profile) else { continue }
            if let raw = PolicyDocument.policyValue(json, type: property.type),
               case .success(let value) = property.validate(raw) {
                local[property.name] = value
            } else {
                warnings.append("The stored \(side.rawValue) setting '\(name)' in the SMB policy file is not a "
                    + "valid \(property.type.dotNetTypeName) value and is ignored.")
            }
        }
        return PolicySchema.properties(side: side, profile: profile).compactMap { property in
            guard let fallback = property.defaultValue(in: profile) else { return nil }
            let localValue = local[property.name]
            if profile.gatesRemoteMailslots, let location = property.groupPolicy,
               let data = policy.first(where: { $0.key.lowercased() == location.valueName.lowercased() })?.value,
               let enforced = location.effectiveBool(data) {
                return PolicyEntry(property: property, value: .bool(enforced), source: .groupPolicy,
                                   localValue: localValue)
            }
            if let localValue {
                return PolicyEntry(property: property, value: localValue, source: .local, localValue: localValue)
            }
            return PolicyEntry(property: property, value: fallback, source: .default, localValue: nil)
        }
    }
}

/// A snapshot's registry, built once on first use by whichever thread reads it first.
private final class LazyHostRegistry: Sendable {
    private let build: @Sendable () -> HostRegistry
    private let built = Mutex<HostRegistry?>(nil)

    init(_ build: @escaping @Sendable () -> HostRegistry) { self.build = build }

    var value: HostRegistry {
        built.withLock { built in
            if let built { return built }
            let registry = build()
            built = registry
            return registry
        }
    }
}
