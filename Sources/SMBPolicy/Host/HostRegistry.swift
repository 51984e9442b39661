// The emulated host's registry as one resolved tree: what the release ships, the SMB properties'
// local values in their stored form, the Group Policy values and what was written through the
// registry itself. Each value is kept in exactly one place of the policy file (see PolicyDocument).

/// One key of the resolved registry.
public struct HostRegistryKey: Sendable {
    /// The full path as the key is spelled (`HKEY_LOCAL_MACHINE\SYSTEM\...`).
    public let path: String
    public internal(set) var values: [RegistryValue]

    /// The key's own name (last component).
    public var name: String { String(path.split(separator: "\\").last ?? Substring(path)) }

    public func value(_ name: String) -> RegistryValue? {
        let wanted = name.lowercased()
        return values.first { $0.name.lowercased() == wanted }
    }
}

public struct HostRegistry: Sendable {
    private var keys: [String: HostRegistryKey] = [:]
    private var children: [String: [String]] = [:]

    /// `HKLM\Software\X`, `HKEY_LOCAL_MACHINE/SOFTWARE/X`, `hkcu:\x` → `HKEY_LOCAL_MACHINE\SOFTWARE\X` …
    /// (the hive spelled out, `SOFTWARE` as Windows spells it); nil for another hive.
    public static func normalize(_ path: String) -> String? {
        var parts = components(path)
        guard var hive = parts.first else { return nil }
        if hive.hasSuffix(":") { hive.removeLast() }
        switch hive.lowercased() {
        case "hklm", "hkey_local_machine": parts[0] = "HKEY_LOCAL_MACHINE"
        case "hkcu", "hkey_current_user": parts[0] = "HKEY_CURRENT_USER"
        default: return nil
        }
        if parts.count > 1, parts[0] == "HKEY_LOCAL_MACHINE", parts[1].lowercased() == "software" { parts[1] = "SOFTWARE" }
        return parts.joined(separator: "\\")
    }

    /// The names between `\` and `/` separators, empty ones left out; an ASCII path is cut over
    /// its bytes (the same cut, without grapheme breaking).
    private static func components(_ path: String) -> [String] {
        let utf8 = path.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return path.split(whereSeparator: { $0 == "\\" || $0 == "/" }).map(String.init)
        }
        var parts: [String] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") {
                if start != index { parts.append(String(path[start..<index])) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != index { parts.append(String(path[start..<index])) }
        return parts
    }

    public func key(_ path: String) -> HostRegistryKey? {
        guard let normalized = HostRegistry.normalize(path) else { return nil }
        return keys[normalized.lowercased()]
    }

    /// The names of a key's subkeys, sorted as regedit and Get-ChildItem list them.
    public func subkeyNames(_ path: String) -> [String] {
        guard let normalized = HostRegistry.normalize(path) else { return [] }
        return (children[normalized.lowercased()] ?? []).sorted { $0.lowercased() < $1.lowercased() }
    }

    /// Adds a key and the keys above it; returns its lower-cased normalized path (nil: not a hive
    /// of this registry).
    @discardableResult
    mutating func addKey(_ path: String) -> String? {
        guard let normalized = HostRegistry.normalize(path) else { return nil }
        let id = normalized.lowercased()
        guard keys[id] == nil else { return id }
        let parts = normalized.split(separator: "\\")
        keys[id] = HostRegistryKey(path: normalized, values: [])
        if parts.count > 1 {
            let parent = parts.dropLast().joined(separator: "\\")
            addKey(parent)
            children[parent.lowercased(), default: []].append(String(parts.last!))
        }
        return id
    }

    mutating func removeKey(_ path: String) {
        guard let normalized = HostRegistry.normalize(path) else { return }
        let id = normalized.lowercased()
        for child in children[id] ?? [] { removeKey(normalized + "\\" + child) }
        keys[id] = nil
        children[id] = nil
        let parts = normalized.split(separator: "\\")
        let parent = parts.dropLast().joined(separator: "\\").lowercased()
        children[parent]?.removeAll { $0.lowercased() == parts.last?.lowercased() }
    }

    mutating func set(_ path: String, _ name: String, _ data: RegistryData?) {
        guard let id = addKey(path) else { return }
        let wanted = name.lowercased()
        guard var key = keys[id] else { return }
        if let index = key.values.firstIndex(where: { $0.name.lowercased() == wanted }) {
            if let data { key.values[index] = RegistryValue(name: key.values[index].name, data: data) } else { key.values.remove(at: index) }
        } else if let data {
            key.values.append(RegistryValue(name: name, data: data))
        }
        keys[id] = key
    }

    /// The registry of a profile: shipped keys and values, then the file's layers.
    init(profile: OSProfile, document: PolicyDocument, client: [PolicyEntry], server: [PolicyEntry],
         policy: [PolicySide: [String: RegistryData]]) {
        for key in HostCatalog.baseKeys { addKey(key) }
        for key in RegistryKey.allCases { addKey(key.path) }
        for value in HostCatalog.baseValues { set(value.key, value.name, value.data) }
        for value in HostCatalog.versionValues(profile) {
            addKey(value.key)
            set(value.key, value.name, value.data)
        }
        let features = document.featureStates()
        for service in HostCatalog.services(profile) {
            if let feature = service.feature, !(features[feature.lowercased()] ?? false) { continue }
            let key = service.registryKey
            set(key, "Type", .dword(service.type))
            set(key, "Start", .dword(service.start.rawValue))
            set(key, "ErrorControl", .dword(1))
            set(key, "DisplayName", .string(service.displayName))
            set(key, "ImagePath", .expandString(service.imagePath))
            if !service.dependsOn.isEmpty { set(key, "DependOnService", .multiString(service.dependsOn)) }
            if !service.isDriver { set(key, "ObjectName", .string("LocalSystem")) }
        }
        for entry in client + server {
            guard let local = entry.localValue else { continue }
            let storage = entry.property.storage
            set(storage.key.path, storage.valueName, storage.data(for: local, type: entry.property.type))
        }
        for side in PolicySide.allCases {
            let key = PolicyStore.groupPolicyKey(side: side).path
            for (name, data) in (policy[side] ?? [:]).sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) {
                set(key, name, data)
            }
        }
        for entry in document.registryList() {
            if let name = entry.name { set(entry.key, name, entry.data) } else { addKey(entry.key) }
        }
        for path in document.removedRegistryKeys() { removeKey(path) }
    }
}

extension RegistryLocation {
    /// The property value that registry data stores here, nil when the data does not fit the
    /// property (the property then shows its default, as the service ignores a value it cannot read).
    public func value(from data: RegistryData, type: PolicyType) -> PolicyValue? {
        switch (type, data) {
        case (.boolean, .dword(let number)): return .bool((number != 0) != inverted)
        case (.uint32, .dword(let number)): return .uint32(number)
        case (.uint32, .qword(let number)): return UInt32(exactly: number).map { .uint32($0) }
        case (.uint64, .qword(let number)): return .uint64(number)
        case (.uint64, .dword(let number)): return .uint64(UInt64(number))
        case (.string, .string(let text)), (.string, .expandString(let text)): return .string(text)
        case (.string, .multiString(let items)): return .string(items.joined(separator: ","))
        case (.enumeration(let enumType), .dword(let number)): return enumType.member(value: number).map { .enumeration($0.name) }
        default: return nil
        }
    }
}
