import EmulatedHost
import SMBPolicy
import ShellEngine

/// The Registry provider: `HKLM:` is the SMB part of HKEY_LOCAL_MACHINE as the current policy
/// makes it (read-only through the item cmdlets; the *-ItemProperty cmdlets write the two Group
/// Policy keys), `HKCU:` the current user's hive, which holds no key this shell models.
final class RegistryProvider: ItemProvider {
    let name = "Registry"
    let capabilities = "ShouldProcess, Transactions"
    static let hives = [("HKLM", "HKEY_LOCAL_MACHINE", "The configuration settings for the local computer"),
                        ("HKCU", "HKEY_CURRENT_USER", "The software settings for the current user")]

    func initialDrives(_ engine: Engine) -> [PSDriveInfo] {
        Self.hives.map { PSDriveInfo(name: $0.0, provider: self, root: $0.1, description: $0.2) }
    }

    func splitRoot(_ path: String) -> (root: String, rest: String) {
        let head = path.prefix { !PathText.isSeparator($0) }
        let aliases = ["HKLM": "HKEY_LOCAL_MACHINE", "HKCU": "HKEY_CURRENT_USER"]
        if let hive = Self.hives.first(where: { $0.1.caseInsensitiveEquals(String(head)) || $0.0.caseInsensitiveEquals(String(head)) }) {
            return (aliases[hive.0] ?? hive.1, String(path.dropFirst(head.count)))
        }
        return ("", path)
    }

    func normalizeRoot(_ root: String, _ engine: Engine) -> String? {
        guard let path = try? engine.resolveItemPath(root), path.provider === self,
              itemExists(path.providerPath, engine) else { return nil }
        return path.providerPath
    }

    /// The HKLM key a provider path names, nil for another hive.
    private func node(_ path: String, _ engine: Engine) -> (RegistryPath, RegistryView.Node)? {
        let (root, rest) = splitRoot(path)
        guard root == "HKEY_LOCAL_MACHINE" else { return nil }
        let key = RegistryPath(components: PathText.split(Substring(rest)), typed: path)
        return engine.registryView.node(key).map { (key, $0) }
    }

    func itemExists(_ path: String, _ engine: Engine) -> Bool {
        let (root, rest) = splitRoot(path)
        if root == "HKEY_CURRENT_USER" { return PathText.split(Substring(rest)).isEmpty }
        return node(path, engine) != nil
    }

    func isContainer(_ path: String, _ engine: Engine) -> Bool { itemExists(path, engine) }

    func item(_ path: String, _ engine: Engine) throws(ProviderError) -> ProviderItem? {
        guard let (key, node) = node(path, engine) else { return nil }
        return ProviderItem(object: .object(RegistryKeyObject(path: key, node: node)), isContainer: true)
    }

    func childNames(_ path: String, _ engine: Engine) throws(ProviderError) -> [String] {
        guard let (_, node) = node(path, engine) else { return [] }
        return node.children.values.map(\.name).sorted { $0.lowercased() < $1.lowercased() }
    }
}

/// Registry values are the provider's properties; only the two Group Policy keys take writes,
/// which go to the policy store (EnableMailslots there overrides the local setting).
extension RegistryProvider {
    func properties(_ path: String, _ engine: Engine) throws(ProviderError) -> [(String, PSValue)] {
        guard let (_, node) = node(path, engine) else { throw .pathNotFound(path) }
        return node.values.map { ($0.name, $0.data.psValue) }
    }

    func setProperty(_ path: String, name: String, value: PSValue, type: String?, create: Bool, force: Bool,
                     _ engine: Engine) throws(ProviderError) {
        guard let (key, node) = node(path, engine) else { throw .pathNotFound(path) }
        guard let side = node.policySide else { throw RegistryErrors.accessDenied(key) }
        let existing = node.values.first { $0.name.caseInsensitiveEquals(name) }
        if create, existing != nil, !force {
            throw ProviderError(message: ProviderMessages.propertyAlreadyExists, errorId: "System.IO.IOException",
                                category: .ResourceExists, exceptionType: "System.IO.IOException", target: key.keyName)
        }
        guard let data = RegistryValueConversion.data(value, kind: type, existing: existing?.data) else {
            // The registry provider converts with PowerShell's rules: a DWord is an Int32.
            let typeName = (type ?? "").lowercased() == "qword" ? "System.Int64" : "System.Int32"
            throw ProviderError(message: Messages.format("InvalidCastExceptionWithInnerException", LanguagePrimitives.toString(value),
                                                         typeName, "Input string was not in a correct format."),
                                errorId: "System.Management.Automation.PSInvalidCastException", category: .InvalidArgument,
                                exceptionType: "System.Management.Automation.PSInvalidCastException", target: name)
        }
        try commit(engine, side: side) { store throws(PolicyStoreError) in
            try store.setGroupPolicy(side: side, valueName: name, value: data)
        }
    }

    func removeProperty(_ path: String, name: String, _ engine: Engine) throws(ProviderError) {
        guard let (key, node) = node(path, engine) else { throw .pathNotFound(path) }
        guard let side = node.policySide else { throw RegistryErrors.accessDenied(key) }
        guard let existing = node.values.first(where: { $0.name.caseInsensitiveEquals(name) }) else {
            throw RegistryErrors.propertyNotFound(name, key)
        }
        try commit(engine, side: side) { store throws(PolicyStoreError) in
            try store.removeGroupPolicy(side: side, valueName: existing.name)
        }
    }

    /// Saves a Group Policy change and applies the new effective policy to the transport.
    private func commit(_ engine: Engine, side: PolicySide,
                        _ change: (PolicyStore) throws(PolicyStoreError) -> PolicyChangeResult) throws(ProviderError) {
        _ = engine.policySnapshot()
        do {
            let result = try change(engine.policyStore)
            for warning in result.warnings { engine.host.write("WARNING: " + warning + "\n", stream: .warning) }
            engine.applyPolicy(result)
        } catch {
            throw ProviderError(message: error.message, errorId: "PolicyStoreError", category: .WriteError,
                                exceptionType: "System.IO.IOException", target: side.rawValue)
        }
    }
}
