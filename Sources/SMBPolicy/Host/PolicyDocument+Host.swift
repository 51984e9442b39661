// The parts of the policy file that hold the rest of the emulated host:
//
//   "registry":    [ {"key": "HKEY_CURRENT_USER\\Software\\Contoso"},
//                    {"key": "...", "name": "Level", "type": "REG_DWORD", "data": 2},
//                    {"key": "...", "name": "Shipped", "deleted": true} ]
//                  — keys created and values written through the registry, in the order they were
//                    first written (the order Windows lists values in); never an SMB property's
//                    value, which stays in "client"/"server", nor a Group Policy value ("groupPolicy").
//   "removedKeys": [ "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Browser" ]
//   "services":    { "lanmanserver": "Stopped" }   — run state that differs from the release's
//   "features":    { "smb1protocol": "Enabled" }   — optional feature states that were changed

/// One entry of the "registry" list.
struct RegistryEntry {
    var key: String
    /// nil for an entry that only says the key exists.
    var name: String?
    /// nil with a name: the shipped value was deleted.
    var data: RegistryData?
}

extension PolicyDocument {
    func registryList() -> [RegistryEntry] {
        guard case .array(let items)? = root["registry"] else { return [] }
        return items.compactMap { item in
            guard let object = item.objectValue, case .string(let key)? = object["key"] else { return nil }
            guard case .string(let name)? = object["name"] else { return RegistryEntry(key: key) }
            if object["deleted"] == .bool(true) { return RegistryEntry(key: key, name: name, data: nil) }
            var typed = object
            typed["name"] = nil
            typed["key"] = nil
            return PolicyDocument.registryData(.object(typed)).map { RegistryEntry(key: key, name: name, data: $0) }
        }
    }

    private mutating func setRegistryList(_ entries: [RegistryEntry]) {
        root["registry"] = .array(entries.map { entry in
            var object: [String: JSONValue] = ["key": .string(entry.key)]
            if let name = entry.name {
                object["name"] = .string(name)
                if let data = entry.data, let typed = PolicyDocument.json(data).objectValue {
                    object.merge(typed) { first, _ in first }
                } else {
                    object["deleted"] = .bool(true)
                }
            }
            return .object(object)
        })
    }

    func removedRegistryKeys() -> [String] {
        guard case .array(let items)? = root["removedKeys"] else { return [] }
        return items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
    }

    /// Sets (nil: removes) a written value; `tombstone` records the removal of a shipped value.
    mutating func setRegistryValue(key: String, name: String, data: RegistryData?, tombstone: Bool) {
        var entries = registryList()
        let (wantedKey, wantedName) = (key.lowercased(), name.lowercased())
        let index = entries.firstIndex { $0.key.lowercased() == wantedKey && $0.name?.lowercased() == wantedName }
        if data != nil || tombstone {
            let entry = RegistryEntry(key: index.map { entries[$0].key } ?? key, name: index.flatMap { entries[$0].name } ?? name, data: data)
            if let index { entries[index] = entry } else { entries.append(entry) }
        } else if let index {
            entries.remove(at: index)
        }
        setRegistryList(entries)
        unremoveKey(key)
    }

    /// Records a created key (and brings back a removed one).
    mutating func createRegistryKey(_ key: String) {
        var entries = registryList()
        if !entries.contains(where: { $0.key.lowercased() == key.lowercased() }) { entries.append(RegistryEntry(key: key)) }
        setRegistryList(entries)
        unremoveKey(key)
    }

    /// Removes a key and everything below it: written entries go, shipped ones are listed as removed.
    mutating func removeRegistryKey(_ key: String, shipped: Bool) {
        let prefix = key.lowercased()
        setRegistryList(registryList().filter { !($0.key.lowercased() == prefix || $0.key.lowercased().hasPrefix(prefix + "\\")) })
        if shipped {
            root["removedKeys"] = .array((removedRegistryKeys() + [key]).map { .string($0) })
        }
    }

    private mutating func unremoveKey(_ key: String) {
        let removed = removedRegistryKeys()
        let wanted = key.lowercased()
        // A key written again exists again, and so do its parents.
        let kept = removed.filter { !(wanted == $0.lowercased() || wanted.hasPrefix($0.lowercased() + "\\")) }
        if kept.count != removed.count { root["removedKeys"] = .array(kept.map { .string($0) }) }
    }

    // MARK: Services and features

    func serviceStates() -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in root["services"]?.objectValue ?? [:] {
            if case .string(let state) = value { result[name.lowercased()] = state }
        }
        return result
    }

    mutating func setServiceState(_ name: String, _ state: String?) {
        var services = root["services"]?.objectValue ?? [:]
        services[name.lowercased()] = state.map { .string($0) }
        root["services"] = .object(services)
    }

    /// Feature states by lowercased name (true: enabled), over the catalog defaults.
    func featureStates() -> [String: Bool] {
        var result: [String: Bool] = [:]
        for feature in HostCatalog.optionalFeatures + HostCatalog.serverFeatures.map(\.feature) {
            result[HostCatalog.stateName(ofServerFeature: feature.name).lowercased()] = feature.enabledByDefault
        }
        for (name, value) in root["features"]?.objectValue ?? [:] {
            if case .string(let state) = value { result[name.lowercased()] = state == "Enabled" }
        }
        return result
    }

    mutating func setFeatureState(_ name: String, enabled: Bool) {
        var features = root["features"]?.objectValue ?? [:]
        features[name.lowercased()] = .string(enabled ? "Enabled" : "Disabled")
        root["features"] = .object(features)
    }
}
