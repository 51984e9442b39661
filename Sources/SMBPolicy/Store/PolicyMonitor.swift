// The policy one shell works with, kept current with the file that other shells sharing
// SMBCONFIG_HOME change.

import Glibc
import Synchronization

/// The effective SMB policy of one shell. The first use reads the file (as `PolicyStore.load`
/// does: a damaged file is moved aside); afterwards the file is looked at (one `stat`) at most once
/// per `recheckInterval` and read again when another shell replaced or rewrote it, so a change made
/// elsewhere takes effect within that interval. A file that became damaged or unreadable keeps the
/// last good policy in effect and is reported once.
///
/// Thread-safe: the transport asks for the policy from its event loop for every datagram.
///
/// ```swift
/// let monitor = PolicyMonitor(store: PolicyStore(folder: home, profile: profile))
/// monitor.snapshot().mailslotsEnabled(.server)        // cheap; re-reads only when the file changed
/// monitor.record(try monitor.store.update(side: .client, set: values))
/// for warning in monitor.drainWarnings() { print("WARNING: " + warning) }
/// ```
public final class PolicyMonitor: Sendable {
    /// Look at the file again at most this often (milliseconds), as the lmhosts file is.
    public static let defaultRecheckInterval: UInt64 = 1000

    public let store: PolicyStore
    public let recheckInterval: UInt64
    private let state = Mutex(State())

    private struct State {
        var snapshot: PolicySnapshot?
        /// The file the snapshot stands for (nil: there was none).
        var identity: FileIdentity?
        var checkedAt: UInt64 = 0
        var pending: [String] = []
        /// Every warning already given, so a reload does not repeat one.
        var given: Set<String> = []
        /// The file on disk is damaged or unreadable and that was reported.
        var damaged = false

        mutating func warn(_ texts: [String]) {
            for text in texts where given.insert(text).inserted { pending.append(text) }
        }
    }

    public init(store: PolicyStore, recheckInterval: UInt64 = PolicyMonitor.defaultRecheckInterval) {
        self.store = store
        self.recheckInterval = recheckInterval
    }

    /// The effective policy, re-read when the file changed since it was last looked at.
    public func snapshot() -> PolicySnapshot {
        let now = PolicyMonitor.nowMilliseconds()
        let interval = recheckInterval
        let cached = state.withLock { state -> PolicySnapshot? in
            guard let snapshot = state.snapshot, now &- state.checkedAt < interval else { return nil }
            return snapshot
        }
        if let cached { return cached }
        return state.withLock { state in
            defer { state.checkedAt = now }
            guard let current = state.snapshot else {
                let loaded = store.load()
                state.warn(loaded.warnings)
                state.snapshot = loaded.snapshot
                state.identity = loaded.identity
                state.damaged = loaded.unusable
                return loaded.snapshot
            }
            let identity = store.folder.isEmpty ? nil : FileIdentity.of(store.filePath)
            if identity == state.identity { return current }
            var warnings: [String] = []
            switch store.readDocument() {
            case .document(let document, let read):
                if document.version > PolicyDocument.currentVersion {
                    warnings.append(store.newerVersionMessage(document.version) + " It is read as far as it is understood.")
                }
                state.snapshot = PolicySnapshot(profile: store.profile, document: document, warnings: &warnings)
                state.identity = read
                state.damaged = false
            case .missing:
                state.snapshot = PolicySnapshot(profile: store.profile, document: PolicyDocument(), warnings: &warnings)
                state.identity = nil
                state.damaged = false
            case .corrupt(let reason):
                if !state.damaged {
                    state.pending.append("The SMB configuration file '\(store.filePath)' is damaged (\(reason)). "
                        + "The configuration read from it before stays in effect.")
                }
                state.damaged = true
                state.identity = identity
            case .unreadable(let reason):
                if !state.damaged {
                    state.pending.append("The SMB configuration file '\(store.filePath)' could not be read: \(reason) "
                        + "The configuration read from it before stays in effect.")
                }
                state.damaged = true
                state.identity = identity
            }
            state.warn(warnings)
            return state.snapshot ?? current
        }
    }

    /// Takes the result of a change this shell made: its snapshot is in effect at once, and the
    /// file it wrote is not read again.
    public func record(_ change: PolicyChangeResult) {
        let now = PolicyMonitor.nowMilliseconds()
        state.withLock { state in
            state.snapshot = change.snapshot
            state.identity = change.identity
            state.checkedAt = now
            state.damaged = false
        }
    }

    /// Warnings since the last call (damaged file, values ignored), oldest first; each is given once.
    public func drainWarnings() -> [String] {
        state.withLock { state in
            defer { state.pending.removeAll() }
            return state.pending
        }
    }

    static func nowMilliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1000 &+ UInt64(now.tv_nsec / 1_000_000)
    }
}
