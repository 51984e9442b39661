import EmulatedHost
import SMBPolicy
import ShellEngine

/// The Registry provider: `HKLM:` and `HKCU:` over the emulated host's one registry, kept in the
/// policy store. Writes to a value an SMB property lives in change that property, writes under the
/// Group Policy keys change the policy layer, every other key and value is kept as written.
final class RegistryProvider: ItemProvider {
    let name = "Registry"
    let capabilities = "ShouldProcess, Transactions"
    static let hives = [("HKLM", "HKEY_LOCAL_MACHINE", "The configuration settings for the local computer"),
                        ("HKCU", "HKEY_CURRENT_USER", "The software settings for the current user")]

    func initialDrives(_ engine: Engine) -> [PSDriveInfo] {
        Self.hives.map { PSDriveInfo(name: $0.0, provider: self, root: $0.1, description: $0.2) }
    }

    func splitRoot(_ path: String) -> (root: String, rest: String) {
        let head = String(path.prefix { !PathText.isSeparator($0) })
        if let hive = Self.hives.first(where: { $0.1.caseInsensitiveEquals(head) || $0.0.caseInsensitiveEquals(head) }) {
            return (hive.1, String(path.dropFirst(head.count)))
        }
        return ("", path)
    }

    func normalizeRoot(_ root: String, _ engine: Engine) -> String? {
        guard let path = try? engine.resolveItemPath(root), path.provider === self,
              itemExists(path.providerPath, engine) else { return nil }
        return path.providerPath
    }

    /// The registry path a provider path names, nil outside the two hives.
    static func registryPath(_ path: String) -> RegistryPath? {
        let head = String(path.prefix { !PathText.isSeparator($0) })
        guard let hive = hives.first(where: { $0.1.caseInsensitiveEquals(head) || $0.0.caseInsensitiveEquals(head) }) else { return nil }
        return RegistryPath(hive: hive.1, components: PathText.split(Substring(path.dropFirst(head.count))), typed: path)
    }

    private func node(_ path: String, _ engine: Engine) -> (RegistryPath, HostRegistryKey)? {
        guard let key = Self.registryPath(path) else { return nil }
        return engine.registryView.node(key).map { (key, $0) }
    }

    /// `Registry::` alone is the provider's root, whose children are the hives.
    private static func isProviderRoot(_ path: String) -> Bool { path.allSatisfy(PathText.isSeparator) }

    func itemExists(_ path: String, _ engine: Engine) -> Bool { Self.isProviderRoot(path) || node(path, engine) != nil }

    func isContainer(_ path: String, _ engine: Engine) -> Bool { itemExists(path, engine) }

    func item(_ path: String, _ engine: Engine) throws(ProviderError) -> ProviderItem? {
        guard let (key, node) = node(path, engine) else { return nil }
        return Self.item(key, node, engine)
    }

    static func item(_ key: RegistryPath, _ node: HostRegistryKey, _ engine: Engine) -> ProviderItem {
        let object = RegistryKeyObject(path: key, key: node, subkeyNames: engine.registryView.subkeyNames(key))
        return ProviderItem(object: .object(object), isContainer: true)
    }

    func childNames(_ path: String, _ engine: Engine) throws(ProviderError) -> [String] {
        if Self.isProviderRoot(path) { return Self.hives.map(\.1) }
        guard let key = Self.registryPath(path) else { return [] }
        return engine.registryView.subkeyNames(key)
    }

    func newItem(_ path: String, type: String?, value: PSValue?, force: Bool, _ engine: Engine) throws(ProviderError) -> ProviderItem {
        guard let key = Self.registryPath(path), !key.components.isEmpty else { throw RegistryErrors.accessDenied(path) }
        if let (_, node) = node(path, engine) {
            guard force else { throw RegistryErrors.keyAlreadyExists(path) }
            try commit(engine, path) { store throws(PolicyStoreError) in try store.removeRegistryKey(key.keyName) }
            _ = node
        }
        // Only -Force creates missing parent keys, as the provider's CreateIntermediateKeys.
        guard force || engine.registryView.node(key.parent) != nil else { throw RegistryErrors.keyDoesNotExist(key.parent.keyName) }
        try commit(engine, path) { store throws(PolicyStoreError) in try store.createRegistryKey(key.keyName) }
        if let value {
            let data = try RegistryValueConversion.convert(value, kind: type ?? "String", existing: nil, name: "")
            try commit(engine, path) { store throws(PolicyStoreError) in try store.setRegistryValue(key: key.keyName, name: "", data: data) }
        }
        guard let (created, node) = self.node(path, engine) else { throw ProviderError.pathNotFound(path) }
        return Self.item(created, node, engine)
    }

    func removeItem(_ path: String, recurse: Bool, _ engine: Engine) throws(ProviderError) {
        guard let (key, _) = node(path, engine) else { throw ProviderError.pathNotFound(path) }
        guard !key.components.isEmpty else { throw RegistryErrors.accessDenied(path) }
        try commit(engine, path) { store throws(PolicyStoreError) in try store.removeRegistryKey(key.keyName) }
    }

    func properties(_ path: String, _ engine: Engine) throws(ProviderError) -> [(String, PSValue)] {
        guard let (_, node) = node(path, engine) else { throw .pathNotFound(path) }
        return node.values.map { ($0.name.isEmpty ? "(default)" : $0.name, $0.data.psValue) }
    }

    func setProperty(_ path: String, name: String, value: PSValue, type: String?, create: Bool, force: Bool,
                     _ engine: Engine) throws(ProviderError) {
        guard let (key, node) = node(path, engine) else { throw .pathNotFound(path) }
        let existing = node.value(name)
        if create, existing != nil, !force {
            throw ProviderError(message: ProviderMessages.propertyAlreadyExists, errorId: "System.IO.IOException",
                                category: .ResourceExists, exceptionType: "System.IO.IOException", target: key.keyName)
        }
        let data = try RegistryValueConversion.convert(value, kind: type, existing: create ? nil : existing?.data, name: name)
        try commit(engine, path) { store throws(PolicyStoreError) in
            try store.setRegistryValue(key: key.keyName, name: existing?.name ?? name, data: data)
        }
    }

    func removeProperty(_ path: String, name: String, _ engine: Engine) throws(ProviderError) {
        guard let (key, node) = node(path, engine) else { throw .pathNotFound(path) }
        guard let existing = node.value(name) else { throw RegistryErrors.propertyNotFound(name, key) }
        try commit(engine, path) { store throws(PolicyStoreError) in
            try store.removeRegistryValue(key: key.keyName, name: existing.name)
        }
    }

    /// Saves a registry change and puts it in effect (the transport's gates included).
    private func commit(_ engine: Engine, _ path: String,
                        _ change: (PolicyStore) throws(PolicyStoreError) -> PolicyChangeResult) throws(ProviderError) {
        do {
            try engine.emulatedHost.commit(change)
        } catch {
            throw ProviderError(message: error.message, errorId: "System.IO.IOException", category: .WriteError,
                                exceptionType: "System.IO.IOException", target: path)
        }
    }
}
