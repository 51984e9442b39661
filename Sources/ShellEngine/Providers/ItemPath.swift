/// A resolved location: a provider, the drive it was reached through (nil for a
/// provider-qualified path or a host path such as `/tmp/x`), the provider path at the top, and the
/// names below it (`.` and `..` already applied, so no path climbs above its root).
package struct ItemPath {
    package let provider: any ItemProvider
    package let drive: PSDriveInfo?
    /// The provider path of the top: the drive's root, or the root of a provider path.
    package let root: String
    package var components: [String]

    package init(provider: any ItemProvider, drive: PSDriveInfo?, root: String, components: [String]) {
        self.provider = provider
        self.drive = drive
        self.root = root
        self.components = components
    }

    /// The path in the provider's own spelling (`C:\temp\x`, `/tmp/x`, `HKEY_LOCAL_MACHINE\SOFTWARE`).
    package var providerPath: String { components.reduce(root) { provider.join($0, $1) } }

    /// The path as the user sees it: drive-qualified (`C:\temp`, `Env:\PATH`, `HKLM:\SOFTWARE`), or
    /// the provider path when no drive was involved.
    package var path: String {
        guard let drive else { return providerPath }
        return drive.name + ":\\" + components.joined(separator: "\\")
    }

    /// `Microsoft.PowerShell.Core\FileSystem::C:\temp\x`.
    package var psPath: String { provider.qualifiedName + "::" + providerPath }

    package var name: String { components.last ?? "" }

    package var parent: ItemPath? {
        guard !components.isEmpty else { return nil }
        var copy = self
        copy.components.removeLast()
        return copy
    }

    package func child(_ name: String) -> ItemPath {
        var copy = self
        copy.components.append(name)
        return copy
    }

    /// The note properties the framework puts on every item (PSPath … PSIsContainer).
    package func notes(isContainer: Bool) -> [PSPropertyInfo] {
        var list = [PSPropertyInfo(name: "PSPath", value: .string(psPath), typeName: "System.String", isSettable: false)]
        if let parent { list.append(PSPropertyInfo(name: "PSParentPath", value: .string(parent.psPath), isSettable: false)) }
        else { list.append(PSPropertyInfo(name: "PSParentPath", value: .string(""), isSettable: false)) }
        list.append(PSPropertyInfo(name: "PSChildName", value: .string(name), isSettable: false))
        if let drive { list.append(PSPropertyInfo(name: "PSDrive", value: .object(PSDriveObject(drive)), isSettable: false)) }
        list.append(PSPropertyInfo(name: "PSProvider", value: .object(ProviderInfoObject(provider)), isSettable: false))
        list.append(PSPropertyInfo(name: "PSIsContainer", value: .bool(isContainer), isSettable: false))
        return list
    }
}

/// Splitting and normalizing the path text users type: `\` and `/` both separate, `.` stays,
/// `..` goes up (never above the root).
package enum PathText {
    package static func isSeparator(_ c: Character) -> Bool { c == "\\" || c == "/" }

    package static func split(_ text: Substring) -> [String] {
        text.split(whereSeparator: isSeparator).map(String.init)
    }

    /// Applies `text`'s names to `base`.
    package static func apply(_ text: Substring, to base: [String]) -> [String] {
        var result = base
        for part in split(text) {
            if part == "." { continue }
            if part == ".." { if !result.isEmpty { result.removeLast() }; continue }
            result.append(part)
        }
        return result
    }

    /// True when `text` has a wildcard character not escaped by a backtick.
    package static func hasWildcard(_ text: String) -> Bool {
        var escaped = false
        for c in text {
            if escaped { escaped = false; continue }
            if c == "`" { escaped = true; continue }
            if c == "*" || c == "?" || c == "[" { return true }
        }
        return false
    }

    /// Removes the backticks that escape wildcard characters.
    package static func unescape(_ text: String) -> String {
        guard text.contains("`") else { return text }
        var out = ""
        var escaped = false
        for c in text {
            if !escaped && c == "`" { escaped = true; continue }
            escaped = false
            out.append(c)
        }
        return out
    }
}
