import SMBPolicy
import ShellEngine

/// Why the SMB server refuses to create or delete a share; each front end (New-SmbShare, the
/// Win32_Share methods) reports it in its own way.
package enum ShareFailure: Error, Equatable {
    /// Not a valid share name (empty, 80 characters or more, `pipe`/`mailslot`, `\/:*?"<>|`).
    case invalidName
    /// Not a fully qualified path.
    case invalidPath
    /// No such folder on the emulated host.
    case pathNotFound
    case duplicate
    case notFound
    case store(String)
}

extension Engine {
    /// The folder a share may expose: fully qualified (`C:\Data`) and existing on the emulated
    /// host; returned without a trailing separator (except a drive root).
    package func shareablePath(_ text: String) throws(ShareFailure) -> String {
        let chars = Array(text)
        guard chars.count >= 3, chars[0].isLetter, chars[1] == ":", chars[2] == "\\" || chars[2] == "/",
              !WildcardPattern.hasWildcards(text) else { throw .invalidPath }
        var path = text.replacing("/", with: "\\")
        while path.count > 3 && path.hasSuffix("\\") { path.removeLast() }
        guard let item = try? resolveItemPath(path), item.provider.name == "FileSystem",
              item.provider.isContainer(item.providerPath, self) else { throw .pathNotFound }
        return path
    }

    package static func isValidShareName(_ name: String) -> Bool {
        !name.isEmpty && name.count < 80 && !["pipe", "mailslot"].contains(name.lowercased())
            && !name.contains { "\\/:*?\"<>|".contains($0) }
    }

    /// Adds a share whose name and path were checked; `.duplicate` when the scope already has one.
    package func createShare(_ share: ShareRecord) throws(ShareFailure) {
        do {
            let created = try shareStore.update { state -> Bool in
                if state.shares.contains(where: { $0.name.caseInsensitiveEquals(share.name) && $0.scopeName.caseInsensitiveEquals(share.scopeName) }) {
                    return false
                }
                state.shares.append(share)
                return true
            }
            if !created { throw ShareFailure.duplicate }
        } catch let failure as ShareFailure {
            throw failure
        } catch {
            throw .store((error as? ShareStoreError)?.message ?? "\(error)")
        }
    }

    /// Removes a share; `.notFound` when there is none of that name in that scope.
    package func deleteShare(name: String, scopeName: String) throws(ShareFailure) {
        do {
            let removed = try shareStore.update { state -> Bool in
                let before = state.shares.count
                state.shares.removeAll { $0.name.caseInsensitiveEquals(name) && $0.scopeName.caseInsensitiveEquals(scopeName) }
                return state.shares.count < before
            }
            if !removed { throw ShareFailure.notFound }
        } catch let failure as ShareFailure {
            throw failure
        } catch {
            throw .store((error as? ShareStoreError)?.message ?? "\(error)")
        }
    }
}
