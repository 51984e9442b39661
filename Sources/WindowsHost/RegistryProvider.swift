import EmulatedHost
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
