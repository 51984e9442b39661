#if canImport(Glibc)
import Glibc
#endif

/// Turning the path text a user types into provider paths (SessionState.Path / LocationGlobber):
/// provider-qualified (`FileSystem::C:\x`, `Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE`),
/// drive-qualified (`C:\x`, `env:PATH`, `HKLM:\SOFTWARE`), rooted in the current drive (`\x`),
/// host paths (`/tmp/x`, which reach the host's file system as in PowerShell on Linux), `~`, and
/// paths relative to the current location.
extension Engine {
    package var fileSystemProvider: (any ItemProvider)? { locations.provider(named: "FileSystem") }

    /// The current location; `C:\` until the first Set-Location.
    package var currentLocation: ItemPath? {
        if let current = locations.current { return current }
        guard let c = locations.drive(named: "C", self) else { return nil }
        return ItemPath(provider: c.provider, drive: c, root: c.root, components: [])
    }

    /// The folder the shell was started from, as a host path.
    package var startDirectory: [String] {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return [] }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return PathText.split(Substring(text))
    }

    /// Resolves path text to one location (wildcards are kept as names).
    package func resolveItemPath(_ text: String) throws(ProviderError) -> ItemPath {
        if let marker = Self.providerMarker(text) {
            let providerName = String(text[..<marker])
            guard let provider = locations.provider(named: providerName) else {
                throw ProviderError(message: Messages.fill(ProviderMessages.providerNotFound, [providerName]),
                                    errorId: "ProviderNotFound", category: .ObjectNotFound,
                                    exceptionType: "System.Management.Automation.ProviderNotFoundException",
                                    target: providerName)
            }
            let (root, rest) = provider.splitRoot(String(text[text.index(marker, offsetBy: 2)...]))
            return ItemPath(provider: provider, drive: nil, root: root, components: PathText.apply(Substring(rest), to: []))
        }
        if text == "~" || text.hasPrefix("~\\") || text.hasPrefix("~/") {
            guard let home = homeLocation else { throw ProviderError.pathNotFound(text) }
            var path = home
            path.components = PathText.apply(text.dropFirst(), to: home.components)
            return path
        }
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains(where: PathText.isSeparator),
           colon != text.startIndex {
            let name = String(text[..<colon])
            guard let drive = locations.drive(named: name, self) else {
                throw ProviderError(message: Messages.fill(ProviderMessages.driveNotFound, [name]), errorId: "DriveNotFound",
                                    category: .ObjectNotFound,
                                    exceptionType: "System.Management.Automation.DriveNotFoundException", target: name)
            }
            let rest = text[text.index(after: colon)...]
            let base = rest.first.map(PathText.isSeparator) == true ? [] : locations.location(in: drive)
            return ItemPath(provider: drive.provider, drive: drive, root: drive.root,
                            components: PathText.apply(rest, to: base))
        }
        guard let current = currentLocation else { throw ProviderError.pathNotFound(text) }
        if text.hasPrefix("/"), current.provider === fileSystemProvider || current.drive == nil {
            return ItemPath(provider: current.provider, drive: nil, root: "/", components: PathText.apply(Substring(text), to: []))
        }
        if text.first.map(PathText.isSeparator) == true {
            return ItemPath(provider: current.provider, drive: current.drive, root: current.root,
                            components: PathText.apply(Substring(text), to: []))
        }
        if locations.current == nil, current.provider === fileSystemProvider {
            // Before the first Set-Location, a relative file path means what it meant to the
            // program that started the shell.
            return ItemPath(provider: current.provider, drive: nil, root: "/",
                            components: PathText.apply(Substring(text), to: startDirectory))
        }
        var path = current
        path.components = PathText.apply(Substring(text), to: current.components)
        return path
    }

    /// Where `::` separates a provider name from its path.
    private static func providerMarker(_ text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == ":", next < text.endIndex, text[next] == ":" { return index }
            if PathText.isSeparator(text[index]) && text[..<index].contains(":") { return nil }
            index = next
        }
        return nil
    }

    /// `~`: the FileSystem provider's home, `C:\Users\<user>`.
    package var homeLocation: ItemPath? {
        guard let c = locations.drive(named: "C", self) else { return nil }
        return ItemPath(provider: c.provider, drive: c, root: c.root, components: ["Users", userName])
    }

    /// The signed-in user of the emulated host: `$env:USERNAME` when the shell was given one.
    package var userName: String {
        configuration.environment["USERNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "Administrator"
    }

    /// Resolves path text with wildcards (`*`, `?`, `[a-z]`; a backtick escapes one) to the
    /// existing items it matches; `literal` takes every character as itself. A path without
    /// wildcards resolves to itself whether or not it exists.
    package func resolvePaths(_ text: String, literal: Bool) throws(ProviderError) -> [ItemPath] {
        let path = try resolveItemPath(text)
        guard !literal, path.components.contains(where: PathText.hasWildcard) else {
            var plain = path
            if !literal { plain.components = path.components.map(PathText.unescape) }
            return [plain]
        }
        var matches = [ItemPath(provider: path.provider, drive: path.drive, root: path.root, components: [])]
        for component in path.components {
            var next: [ItemPath] = []
            for parent in matches {
                guard PathText.hasWildcard(component) else {
                    let child = parent.child(PathText.unescape(component))
                    if path.provider.itemExists(child.providerPath, self) { next.append(child) }
                    continue
                }
                let pattern = WildcardPattern(component)
                let names = (try? path.provider.childNames(parent.providerPath, self)) ?? []
                next += names.filter { pattern.matches($0) }.map { parent.child($0) }
            }
            matches = next
        }
        return matches
    }
}
