// The emulated host's shares and drive mappings (`shares.json` beside the policy file), changed
// under the same kind of lock and atomic replace as the policy, so two shells never lose a change.

import Glibc

/// Who may do what on a share: one access control entry of its security descriptor.
public struct ShareAccessEntry: Sendable, Hashable {
    public enum ControlType: String, Sendable, CaseIterable { case allow = "Allow", deny = "Deny" }
    public enum Right: String, Sendable, CaseIterable { case full = "Full", change = "Change", read = "Read", custom = "Custom" }

    public var accountName: String
    public var controlType: ControlType
    public var right: Right

    public init(accountName: String, controlType: ControlType, right: Right) {
        self.accountName = accountName
        self.controlType = controlType
        self.right = right
    }
}

/// One SMB share (MSFT_SmbShare): the settings New-/Set-SmbShare take.
public struct ShareRecord: Sendable, Hashable {
    public enum Kind: String, Sendable { case fileSystemDirectory = "FileSystemDirectory", interprocessCommunication = "InterprocessCommunication" }

    public var name: String
    public var path: String
    public var description: String = ""
    public var scopeName: String = "*"
    public var kind: Kind = .fileSystemDirectory
    public var special = false
    public var temporary = false
    public var encryptData = false
    public var continuouslyAvailable = false
    public var compressData = false
    public var folderEnumerationMode = "Unrestricted"
    public var cachingMode = "Manual"
    public var leasingMode = "Full"
    public var concurrentUserLimit: UInt32 = 0
    public var caTimeout: UInt32 = 0
    public var access: [ShareAccessEntry] = []

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// The administrative shares every Windows has: ADMIN$, C$ and IPC$, open to Administrators,
    /// Backup Operators and interactive users.
    public static let defaults: [ShareRecord] = {
        let administrators = [ShareAccessEntry(accountName: "BUILTIN\\Administrators", controlType: .allow, right: .full),
                              ShareAccessEntry(accountName: "BUILTIN\\Backup Operators", controlType: .allow, right: .full),
                              ShareAccessEntry(accountName: "NT AUTHORITY\\INTERACTIVE", controlType: .allow, right: .full)]
        func special(_ name: String, _ path: String, _ description: String, _ kind: Kind = .fileSystemDirectory) -> ShareRecord {
            var share = ShareRecord(name: name, path: path)
            share.description = description
            share.special = true
            share.kind = kind
            share.access = administrators
            return share
        }
        return [special("ADMIN$", "C:\\Windows", "Remote Admin"), special("C$", "C:\\", "Default share"),
                special("IPC$", "", "Remote IPC", .interprocessCommunication)]
    }()
}

/// A drive mapping of the SMB client (MSFT_SmbMapping): `X:` → `\\server\share`.
public struct MappingRecord: Sendable, Hashable {
    public var localPath: String
    public var remotePath: String
    public var userName: String
    public var persistent: Bool

    public init(localPath: String, remotePath: String, userName: String, persistent: Bool) {
        self.localPath = localPath
        self.remotePath = remotePath
        self.userName = userName
        self.persistent = persistent
    }
}

/// What the share file holds.
public struct ShareState: Sendable, Hashable {
    public var shares: [ShareRecord]
    public var mappings: [MappingRecord]

    public init(shares: [ShareRecord] = ShareRecord.defaults, mappings: [MappingRecord] = []) {
        self.shares = shares
        self.mappings = mappings
    }
}

public struct ShareStoreError: Error, Sendable {
    public let message: String
}

/// The persisted shares of one emulated host. A missing file means a fresh Windows (the
/// administrative shares, no mappings); a damaged one is moved aside and a warning says so.
public final class ShareStore: Sendable {
    public static let fileName = "shares.json"
    public let folder: String

    public var filePath: String { folder + "/" + Self.fileName }
    private var lockPath: String { filePath + ".lock" }

    public init(folder: String) {
        var trimmed = folder
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.folder = trimmed
    }

    /// The shares now, with a warning when the file had to be moved aside or could not be read.
    public func load() -> (state: ShareState, warning: String?) {
        do {
            return try read()
        } catch {
            return (ShareState(), "The share file '\(filePath)' could not be read: \(error.message) The default shares are shown; changes cannot be saved until it is readable.")
        }
    }

    /// Reads the file; a damaged one is moved aside (the warning says where). An unreadable file
    /// throws, so that no change is saved over shares that could not be read.
    private func read() throws(SystemCallError) -> (state: ShareState, warning: String?) {
        switch try FileSystem.read(filePath, limit: PolicyStore.maximumFileSize) {
        case .missing: return (ShareState(), nil)
        case .contents(let bytes, _):
            if let state = try? Self.decode(JSONValue.parse(bytes)) { return (state, nil) }
            let aside = try FileSystem.moveAside(filePath, to: filePath + ".corrupt-" + FileSystem.timestamp())
            return (ShareState(), "The share file '\(filePath)' was damaged and has been moved to '\(aside)'. The default shares are in effect.")
        }
    }

    /// Reads, changes and saves the shares under the lock; `change` may refuse by throwing.
    @discardableResult
    public func update<T>(_ change: (inout ShareState) throws -> T) throws -> T {
        do {
            try FileSystem.makeFolder(folder)
            return try FileLock(path: lockPath).withLock {
                var state = try read().state
                let result = try change(&state)
                try FileSystem.replaceAtomically(filePath, with: Self.encode(state).serialized(),
                                                 temporaryName: "." + Self.fileName + ".tmp-" + String(getpid()))
                return result
            }
        } catch let error as SystemCallError {
            throw ShareStoreError(message: error.message)
        }
    }

    // MARK: JSON

    static func encode(_ state: ShareState) -> JSONValue {
        .object(["version": .unsigned(1),
                 "shares": .array(state.shares.map(encode)),
                 "mappings": .array(state.mappings.map { m in
                     .object(["localPath": .string(m.localPath), "remotePath": .string(m.remotePath),
                              "userName": .string(m.userName), "persistent": .bool(m.persistent)])
                 })])
    }

    private static func encode(_ s: ShareRecord) -> JSONValue {
        .object(["name": .string(s.name), "path": .string(s.path), "description": .string(s.description),
                 "scopeName": .string(s.scopeName), "shareType": .string(s.kind.rawValue), "special": .bool(s.special),
                 "temporary": .bool(s.temporary), "encryptData": .bool(s.encryptData),
                 "continuouslyAvailable": .bool(s.continuouslyAvailable), "compressData": .bool(s.compressData),
                 "folderEnumerationMode": .string(s.folderEnumerationMode), "cachingMode": .string(s.cachingMode),
                 "leasingMode": .string(s.leasingMode),
                 "concurrentUserLimit": .unsigned(UInt64(s.concurrentUserLimit)), "caTimeout": .unsigned(UInt64(s.caTimeout)),
                 "access": .array(s.access.map { .object(["accountName": .string($0.accountName),
                                                          "controlType": .string($0.controlType.rawValue),
                                                          "right": .string($0.right.rawValue)]) })])
    }

    private struct Malformed: Error {}

    static func decode(_ value: JSONValue) throws -> ShareState {
        guard let root = value.objectValue, case .array(let shares)? = root["shares"] else { throw Malformed() }
        var state = ShareState(shares: [], mappings: [])
        for item in shares {
            guard let o = item.objectValue, case .string(let name)? = o["name"], case .string(let path)? = o["path"] else {
                throw Malformed()
            }
            var share = ShareRecord(name: name, path: path)
            func text(_ key: String) -> String? { if case .string(let s)? = o[key] { return s }; return nil }
            func flag(_ key: String) -> Bool { if case .bool(let b)? = o[key] { return b }; return false }
            func number(_ key: String) -> UInt32 { o[key]?.unsignedValue.flatMap { UInt32(exactly: $0) } ?? 0 }
            share.description = text("description") ?? ""
            share.scopeName = text("scopeName") ?? "*"
            share.kind = text("shareType").flatMap(ShareRecord.Kind.init(rawValue:)) ?? .fileSystemDirectory
            share.special = flag("special")
            share.temporary = flag("temporary")
            share.encryptData = flag("encryptData")
            share.continuouslyAvailable = flag("continuouslyAvailable")
            share.compressData = flag("compressData")
            share.folderEnumerationMode = text("folderEnumerationMode") ?? "Unrestricted"
            share.cachingMode = text("cachingMode") ?? "Manual"
            share.leasingMode = text("leasingMode") ?? "Full"
            share.concurrentUserLimit = number("concurrentUserLimit")
            share.caTimeout = number("caTimeout")
            if case .array(let entries)? = o["access"] {
                share.access = entries.compactMap { entry in
                    guard let e = entry.objectValue, case .string(let account)? = e["accountName"],
                          case .string(let type)? = e["controlType"], let controlType = ShareAccessEntry.ControlType(rawValue: type),
                          case .string(let right)? = e["right"], let accessRight = ShareAccessEntry.Right(rawValue: right)
                    else { return nil }
                    return ShareAccessEntry(accountName: account, controlType: controlType, right: accessRight)
                }
            }
            state.shares.append(share)
        }
        if case .array(let mappings)? = root["mappings"] {
            for item in mappings {
                guard let o = item.objectValue, case .string(let local)? = o["localPath"],
                      case .string(let remote)? = o["remotePath"] else { throw Malformed() }
                var user = ""
                if case .string(let u)? = o["userName"] { user = u }
                var persistent = true
                if case .bool(let p)? = o["persistent"] { persistent = p }
                state.mappings.append(MappingRecord(localPath: local, remotePath: remote, userName: user, persistent: persistent))
            }
        }
        return state
    }
}
