// The persisted SMB policy: one versioned JSON file in SMBCONFIG_HOME, changed only by
// read-modify-write under an advisory lock and replaced atomically.

import Glibc

/// The result of reading the policy file.
public struct PolicyLoadResult: Sendable {
    public let snapshot: PolicySnapshot
    /// Warning texts for the engine to print as `WARNING: <text>` (corrupt file moved aside, …).
    public let warnings: [String]
    /// The file the snapshot was read from; nil when there was none.
    let identity: FileIdentity?
    /// The file exists but could not be read, or is damaged and could not be moved aside (the
    /// defaults are in effect and a warning says so).
    let unusable: Bool
}

/// A registry value a change writes (or deletes), for `-Verbose` output.
public struct RegistryWrite: Sendable, Hashable {
    public let key: RegistryKey
    public let valueName: String
    /// The data written; nil when the value is deleted.
    public let data: RegistryData?
    public let activation: Activation
    /// False where the location is inferred (every local value; see `RegistryLocation.note`).
    public let confirmed: Bool

    /// `HKLM\...\Parameters\ValueName`.
    public var path: String { key.path + "\\" + valueName }

    /// One line for `-Verbose`, e.g. `HKLM\...\Mup\Parameters\EnableMailslots (REG_DWORD) = 0x1`,
    /// with the reboot note.
    public var summary: String {
        var text = data.map { "\(path) (\($0.kind.rawValue)) = \($0.displayText)" } ?? "\(path) deleted"
        switch activation {
        case .immediate: break
        case .reboot: text += "; takes effect after a reboot"
        case .serviceRestart(let service): text += "; takes effect after the \(service) service restarts"
        }
        return text
    }
}

/// The outcome of a change: the new effective state and what Windows would have written.
public struct PolicyChangeResult: Sendable {
    public let snapshot: PolicySnapshot
    public let registryWrites: [RegistryWrite]
    /// Warnings met while reading the old state (e.g. a corrupt file that was moved aside).
    public let warnings: [String]
    /// The file written.
    let identity: FileIdentity?
}

/// Why a change was refused. The old file is left as it was.
public struct PolicyStoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Reading or writing the file failed (read-only folder, disk full, …).
        case io
        /// The file cannot be read safely, so it is not overwritten.
        case unreadable
        /// The file was written by a newer version of the shell.
        case newerVersion
        /// The changed file would be larger than the shell reads back (`PolicyStore.maximumFileSize`).
        case tooLarge
        /// The property does not exist on this side in this profile.
        case unknownProperty
        /// The value does not pass the property's validation.
        case invalidValue(PolicyValidationFailure)
    }

    public let kind: Kind
    public let message: String
    public var description: String { message }
}

/// Reads and changes the policy file `smb-policy.json` in a folder (SMBCONFIG_HOME).
public struct PolicyStore: Sendable {
    public static let fileName = "smb-policy.json"
    /// The largest policy file the shell reads; a change that would write a larger one is refused.
    public static let maximumFileSize = 16 * 1024 * 1024

    public let folder: String
    public let profile: OSProfile

    /// Full path of the policy file.
    public var filePath: String { folder + "/" + PolicyStore.fileName }
    /// Full path of the lock file guarding every change.
    public var lockPath: String { filePath + ".lock" }
    private var temporaryPrefix: String { "." + PolicyStore.fileName + ".tmp-" }

    public init(folder: String, profile: OSProfile) {
        var trimmed = folder
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.folder = trimmed
        self.profile = profile
    }

    // MARK: Reading

    /// Reads the file. A missing folder or file gives the profile defaults (nothing is created).
    /// A corrupt file is moved aside to `smb-policy.json.corrupt-<UTC time>` and the defaults are used;
    /// the warning says so.
    public func load() -> PolicyLoadResult {
        var warnings: [String] = []
        let document: PolicyDocument
        var identity: FileIdentity?
        var unusable = false
        switch readDocument() {
        case .document(let parsed, let read): (document, identity) = (parsed, read)
        case .missing: document = PolicyDocument()
        case .unreadable(let reason):
            unusable = true
            warnings.append("The SMB configuration file '\(filePath)' could not be read: \(reason) "
                + "The \(profile.displayName) defaults are in effect; changes cannot be saved until it is readable.")
            document = PolicyDocument()
        case .corrupt:
            // Re-check under the lock: a writer may have just replaced the file.
            do {
                (document, identity) = try FileLock(path: lockPath).withLock { try recoverCorrupt(&warnings) }
            } catch {
                unusable = true
                warnings.append("The SMB configuration file '\(filePath)' is damaged and could not be moved "
                    + "aside: \(Self.reason(error)) The \(profile.displayName) defaults are in effect.")
                document = PolicyDocument()
            }
        }
        if document.version > PolicyDocument.currentVersion {
            warnings.append(newerVersionMessage(document.version) + " It is read as far as it is understood.")
        }
        let snapshot = PolicySnapshot(profile: profile, document: document, warnings: &warnings)
        return PolicyLoadResult(snapshot: snapshot, warnings: warnings, identity: identity, unusable: unusable)
    }

    // MARK: Changing

    /// Sets local values (property names, case-insensitive) on one side and saves them.
    public func update(side: PolicySide, set values: [String: PolicyValue]) throws(PolicyStoreError)
        -> PolicyChangeResult
    {
        var validated: [(PolicyProperty, PolicyValue)] = []
        for (name, value) in values {
            let property = try existingProperty(name, side: side)
            switch property.validate(value) {
            case .success(let canonical): validated.append((property, canonical))
            case .failure(let failure):
                throw PolicyStoreError(kind: .invalidValue(failure),
                                       message: "Cannot set \(property.name): \(failure.message)")
            }
        }
        let rank = order(side: side)
        validated.sort { rank[$0.0.name, default: Int.max] < rank[$1.0.name, default: Int.max] }
        return try change { document in
            validated.map { property, value in
                document.setLocal(side, name: property.name, value: value)
                return RegistryWrite(key: property.storage.key, valueName: property.storage.valueName,
                                     data: property.storage.data(for: value, type: property.type),
                                     activation: property.activation, confirmed: property.storage.confirmed)
            }
        }
    }

    /// Removes local values so the profile defaults apply again (Reset-*). The registry writes
    /// report the default value being written back.
    public func reset(side: PolicySide, properties names: [String]) throws(PolicyStoreError) -> PolicyChangeResult {
        var properties: [PolicyProperty] = []
        for name in names {
            let property = try existingProperty(name, side: side)
            if !properties.contains(property) { properties.append(property) }
        }
        let rank = order(side: side)
        properties.sort { rank[$0.name, default: Int.max] < rank[$1.name, default: Int.max] }
        let profile = self.profile
        return try change { document in
            properties.compactMap { property in
                document.removeLocal(side, name: property.name)
                guard let fallback = property.defaultValue(in: profile) else { return nil }
                return RegistryWrite(key: property.storage.key, valueName: property.storage.valueName,
                                     data: property.storage.data(for: fallback, type: property.type),
                                     activation: property.activation, confirmed: property.storage.confirmed)
            }
        }
    }

    /// Sets a value under the side's Group Policy key (client: `...\Windows\NetworkProvider`,
    /// server: `...\Windows\Bowser`). `EnableMailslots` there (1 or 0) overrides the local setting.
    public func setGroupPolicy(side: PolicySide, valueName: String, value: RegistryData) throws(PolicyStoreError)
        -> PolicyChangeResult
    {
        try changeGroupPolicy(side: side, valueName: valueName, value: value)
    }

    /// Deletes a value under the side's Group Policy key; the local setting decides again.
    public func removeGroupPolicy(side: PolicySide, valueName: String) throws(PolicyStoreError) -> PolicyChangeResult {
        try changeGroupPolicy(side: side, valueName: valueName, value: nil)
    }

    /// The Group Policy key of a side.
    public static func groupPolicyKey(side: PolicySide) -> RegistryKey {
        side == .client ? .networkProvider : .bowser
    }

    // MARK: Internals

    private func changeGroupPolicy(side: PolicySide, valueName: String, value: RegistryData?)
        throws(PolicyStoreError) -> PolicyChangeResult
    {
        let name = valueName.trimmingBlanks()
        guard !name.isEmpty, !name.contains("\\") else {
            throw PolicyStoreError(kind: .unknownProperty, message: "'\(valueName)' is not a valid registry value name.")
        }
        // Server policy is documented as needing a reboot (LanmanServer.admx "Enable remote mailslots").
        let activation: Activation = side == .server ? .reboot : .immediate
        let key = PolicyStore.groupPolicyKey(side: side)
        return try change { document in
            document.setGroupPolicy(side, name: name, data: value)
            return [RegistryWrite(key: key, valueName: name, data: value, activation: activation, confirmed: true)]
        }
    }

    private func existingProperty(_ name: String, side: PolicySide) throws(PolicyStoreError) -> PolicyProperty {
        guard let property = PolicySchema.property(named: name, side: side, profile: profile) else {
            throw PolicyStoreError(kind: .unknownProperty,
                                   message: "The SMB \(side.rawValue) configuration of \(profile.displayName) "
                                       + "has no property '\(name)'.")
        }
        return property
    }

    /// Each property's position in Get-* order, worked out once per change.
    private func order(side: PolicySide) -> [String: Int] {
        Dictionary(PolicySchema.properties(side: side, profile: profile).enumerated().map { ($1.name, $0) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// Read-modify-write under the lock. The folder is created here, on the first change.
    func change(_ mutate: (inout PolicyDocument) -> [RegistryWrite]) throws(PolicyStoreError)
        -> PolicyChangeResult
    {
        guard !folder.isEmpty else {
            throw PolicyStoreError(kind: .io, message: "Cannot save the SMB configuration: no folder is set "
                + "(SMBCONFIG_HOME is empty).")
        }
        do {
            try FileSystem.makeFolder(folder)
        } catch {
            throw PolicyStoreError(kind: .io, message: "Cannot save the SMB configuration: \(error.message)")
        }
        do {
            return try FileLock(path: lockPath).withLock {
                var warnings: [String] = []
                var document: PolicyDocument
                switch readDocument() {
                case .document(let parsed, _): document = parsed
                case .missing: document = PolicyDocument()
                case .unreadable(let reason):
                    throw PolicyStoreError(kind: .unreadable, message: "Cannot save the SMB configuration: "
                        + "the file '\(filePath)' could not be read (\(reason)) and is left unchanged.")
                case .corrupt:
                    document = try recoverCorrupt(&warnings).document
                }
                if document.version > PolicyDocument.currentVersion {
                    throw PolicyStoreError(kind: .newerVersion, message: "Cannot save the SMB configuration: "
                        + newerVersionMessage(document.version) + " It is left unchanged.")
                }
                let writes = mutate(&document)
                let bytes = document.serialized()
                guard bytes.count <= PolicyStore.maximumFileSize else {
                    throw PolicyStoreError(kind: .tooLarge, message: "Cannot save the SMB configuration: the file "
                        + "'\(filePath)' would grow to \(bytes.count) bytes, more than the \(PolicyStore.maximumFileSize) "
                        + "bytes it may hold. The previous configuration is unchanged.")
                }
                FileSystem.removeFiles(in: folder, prefix: temporaryPrefix)
                let identity = try FileSystem.replaceAtomically(filePath, with: bytes,
                    temporaryName: temporaryPrefix + "\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
                let snapshot = PolicySnapshot(profile: profile, document: document, warnings: &warnings)
                return PolicyChangeResult(snapshot: snapshot, registryWrites: writes, warnings: warnings,
                                          identity: identity)
            }
        } catch let error as PolicyStoreError {
            throw error
        } catch {
            throw PolicyStoreError(kind: .io, message: "Cannot save the SMB configuration: \(Self.reason(error)) "
                + "The previous configuration is unchanged.")
        }
    }

    enum ReadOutcome {
        /// The parsed file and the identity of what was read.
        case document(PolicyDocument, FileIdentity?)
        case missing
        case corrupt(String)
        case unreadable(String)
    }

    /// Reads and parses the file without the lock and without changing anything.
    func readDocument() -> ReadOutcome {
        guard !folder.isEmpty else { return .missing }
        let bytes: [UInt8]
        let identity: FileIdentity?
        do {
            switch try FileSystem.read(filePath, limit: PolicyStore.maximumFileSize) {
            case .missing: return .missing
            case .contents(let contents, let read):
                bytes = contents
                identity = read
            }
        } catch {
            if error.code == ENOTDIR { return .missing }   // SMBCONFIG_HOME names a file: nothing stored yet.
            return .unreadable(error.reason + ".")
        }
        do {
            return .document(try PolicyDocument(bytes: bytes), identity)
        } catch {
            switch error { case .corrupt(let reason): return .corrupt(reason) }
        }
    }

    /// Called with the lock held: re-reads, and if the file is still corrupt moves it aside.
    private func recoverCorrupt(_ warnings: inout [String]) throws
        -> (document: PolicyDocument, identity: FileIdentity?)
    {
        switch readDocument() {
        case .document(let parsed, let identity): return (parsed, identity)
        case .missing: return (PolicyDocument(), nil)
        case .unreadable(let reason): throw PolicyStoreError(kind: .unreadable, message: reason)
        case .corrupt(let reason):
            let aside = try FileSystem.moveAside(filePath, to: filePath + ".corrupt-" + FileSystem.timestamp())
            warnings.append("The SMB configuration file '\(filePath)' is damaged (\(reason)). It was moved to "
                + "'\(aside)' and the \(profile.displayName) defaults are in effect.")
            return (PolicyDocument(), nil)
        }
    }

    func newerVersionMessage(_ version: UInt64) -> String {
        "The SMB configuration file '\(filePath)' has format version \(version), newer than this shell's "
            + "version \(PolicyDocument.currentVersion)."
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? SystemCallError { return error.message }
        if let error = error as? PolicyStoreError { return error.message }
        return String(describing: error)
    }
}
