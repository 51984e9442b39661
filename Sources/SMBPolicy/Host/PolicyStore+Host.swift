// Changes to the rest of the emulated host, each a read-modify-write of the one policy file under
// its lock, like the SMB configuration changes.

extension PolicyStore {
    /// Writes a registry value. A value an SMB property is stored in changes that property (what
    /// Get-Smb*Configuration shows); a value under a Group Policy key changes the policy layer.
    public func setRegistryValue(key: String, name: String, data: RegistryData) throws(PolicyStoreError) -> PolicyChangeResult {
        try writeRegistryValue(key: key, name: name, data: data)
    }

    /// Deletes a registry value (the caller has checked that it exists).
    public func removeRegistryValue(key: String, name: String) throws(PolicyStoreError) -> PolicyChangeResult {
        try writeRegistryValue(key: key, name: name, data: nil)
    }

    public func createRegistryKey(_ key: String) throws(PolicyStoreError) -> PolicyChangeResult {
        let path = try normalized(key)
        return try change { document in
            document.createRegistryKey(path)
            return []
        }
    }

    /// Deletes a key with its subkeys and values, the SMB properties stored there included.
    public func removeRegistryKey(_ key: String) throws(PolicyStoreError) -> PolicyChangeResult {
        let path = try normalized(key)
        let prefix = path.lowercased()
        let profile = self.profile
        let shipped = HostRegistry(profile: profile, document: PolicyDocument(), client: [], server: [], policy: [:])
            .key(path) != nil
        return try change { document in
            for side in PolicySide.allCases {
                for property in PolicySchema.properties(side: side, profile: profile) {
                    let location = HostRegistry.normalize(property.storage.key.path)?.lowercased() ?? ""
                    if location == prefix || location.hasPrefix(prefix + "\\") { document.removeLocal(side, name: property.name) }
                }
                let policyKey = HostRegistry.normalize(PolicyStore.groupPolicyKey(side: side).path)?.lowercased() ?? ""
                if policyKey == prefix || policyKey.hasPrefix(prefix + "\\") {
                    for name in document.groupPolicyEntries(side).keys { document.setGroupPolicy(side, name: name, data: nil) }
                }
            }
            document.removeRegistryKey(path, shipped: shipped)
            return []
        }
    }

    /// Records that a service was started or stopped.
    public func setServiceRunning(_ names: [String], running: Bool) throws(PolicyStoreError) -> PolicyChangeResult {
        try change { document in
            for name in names { document.setServiceState(name, running ? "Running" : "Stopped") }
            return []
        }
    }

    /// Enables or disables optional features (a parent with its sub-features). Turning the SMB1
    /// server off or on writes `SMB1` under LanmanServer\Parameters, so EnableSMB1Protocol reports it.
    public func setFeatures(_ names: [String], enabled: Bool, includeChildren: Bool = true) throws(PolicyStoreError) -> PolicyChangeResult {
        var all: [String] = []
        for name in names {
            let stateName = HostCatalog.stateName(ofServerFeature: name)
            all.append(stateName)
            let feature = HostCatalog.feature(named: stateName, server: false) ?? HostCatalog.feature(named: name, server: true)
            if includeChildren { all += (feature?.children ?? []).map(HostCatalog.stateName(ofServerFeature:)) }
        }
        let profile = self.profile
        return try change { document in
            for name in all { document.setFeatureState(name, enabled: enabled) }
            guard all.contains(where: { $0.lowercased() == "smb1protocol-server" }),
                  let property = PolicySchema.property(named: "EnableSMB1Protocol", side: .server, profile: profile) else { return [] }
            document.setLocal(.server, name: property.name, value: .bool(enabled))
            return [RegistryWrite(key: property.storage.key, valueName: property.storage.valueName,
                                  data: property.storage.data(for: .bool(enabled), type: property.type),
                                  activation: .reboot, confirmed: property.storage.confirmed)]
        }
    }

    // MARK: Internals

    /// The key's full path; only values, not keys, may be written at a hive's root.
    private func normalized(_ key: String, root: Bool = false) throws(PolicyStoreError) -> String {
        guard let path = HostRegistry.normalize(key), root || path.contains("\\") else {
            throw PolicyStoreError(kind: .unknownProperty, message: "'\(key)' is not a registry key of this host.")
        }
        return path
    }

    private func writeRegistryValue(key: String, name: String, data: RegistryData?) throws(PolicyStoreError) -> PolicyChangeResult {
        let path = try normalized(key, root: true)
        let id = path.lowercased()
        for side in PolicySide.allCases where HostRegistry.normalize(PolicyStore.groupPolicyKey(side: side).path)?.lowercased() == id {
            if let data { return try setGroupPolicy(side: side, valueName: name, value: data) }
            return try removeGroupPolicy(side: side, valueName: name)
        }
        let property = PolicySide.allCases.lazy.flatMap { PolicySchema.properties(side: $0, profile: self.profile) }.first {
            HostRegistry.normalize($0.storage.key.path)?.lowercased() == id && $0.storage.valueName.lowercased() == name.lowercased()
        }
        let shipped = HostRegistry(profile: profile, document: PolicyDocument(), client: [], server: [], policy: [:])
            .key(path)?.value(name) != nil
        return try change { document in
            if let property {
                document.removeLocal(property.side, name: property.name)
                if let data, let value = property.storage.value(from: data, type: property.type),
                   case .success(let canonical) = property.validate(value) {
                    document.setLocal(property.side, name: property.name, value: canonical)
                    document.setRegistryValue(key: path, name: name, data: nil, tombstone: false)
                    return [RegistryWrite(key: property.storage.key, valueName: property.storage.valueName, data: data,
                                          activation: property.activation, confirmed: property.storage.confirmed)]
                }
            }
            document.setRegistryValue(key: path, name: name, data: data, tombstone: data == nil && shipped)
            return []
        }
    }
}
