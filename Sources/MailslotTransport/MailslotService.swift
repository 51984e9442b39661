import Glibc
import Synchronization

/// The mailslot service of one shell: local mailslots, remote writes over the NetBIOS datagram
/// service (UDP), name resolution through lmhosts, and the policy gate.
///
/// The engine holds one instance for the life of the shell and calls it from any thread.
///
/// ```swift
/// let service = MailslotService(configuration: .fromEnvironment(environment))
/// service.policy = TransportPolicy(outboundRemoteAllowed: clientEnabled, inboundRemoteAllowed: serverEnabled)
/// _ = try service.createMailslot(name: "lab")                          // \\.\mailslot\lab
/// try service.write(path: #"\\.\mailslot\lab"#, data: Array("hi".utf8))
/// let message = try service.read(name: "lab", timeout: 5000, isCancelled: { interrupted })
/// for warning in service.drainWarnings() { host.writeWarning(warning) }
/// ```
///
/// - Nothing starts at `init`: the UDP socket (and NIO's event loop threads) come with the first
///   created mailslot (to receive) or the first remote write. A bind failure never fails a local
///   operation: it is reported through `drainWarnings()` and remote writes then fail with
///   ERROR_BAD_NETPATH.
/// - Names: server-side calls take `\\.\mailslot\[path\]name` or the bare `[path\]name`; `write`
///   takes any client path (`\\.\`, `\\COMPUTER\`, `\\DOMAIN\`, `\\*\`).
/// - Errors are `Win32Error`s with Windows' codes and texts: ERROR_INVALID_NAME (123),
///   ERROR_ALREADY_EXISTS (183), ERROR_FILE_NOT_FOUND (2), ERROR_SEM_TIMEOUT (121),
///   ERROR_INVALID_PARAMETER (87, message larger than the maximum), ERROR_BAD_NETPATH (53, remote
///   message over 424 bytes or unresolvable name), ERROR_REMOTE_MAILSLOTS_DEPRECATED (3025),
///   ERROR_OPERATION_ABORTED (995, cancelled read).
public final class MailslotService: Sendable {
    /// Largest message a remote (datagram) write may carry.
    public static let maximumRemoteMessageSize = 424

    public let configuration: TransportConfiguration
    private let registry = LocalMailslotRegistry()
    private let recorder = StatisticsRecorder()
    private let policyState: Mutex<TransportPolicy>
    private let endpointState = Mutex(EndpointState.notStarted)
    private let lmhostsCache = Mutex(LMHostsCache())
    private let warnings = Mutex(Warnings())
    private let datagramIDs = Atomic<UInt16>(0)
    /// Sees every datagram this service's endpoint sends or receives (packet captures).
    public let tap = DatagramTap()

    private enum EndpointState {
        case notStarted
        case running(DatagramEndpoint)
        case failed(reason: String, at: UInt64)
        case shutDown
    }

    /// Retry a failed bind at most this often (milliseconds).
    static let bindRetryInterval: UInt64 = 1000

    /// Creates the service; `policy` starts as given (the engine applies the SMB policy at once).
    public init(configuration: TransportConfiguration, policy: TransportPolicy = .disabled) {
        self.configuration = configuration
        self.policyState = Mutex(policy)
    }

    private let policySource = Mutex<(@Sendable () -> TransportPolicy)?>(nil)

    /// The remote-mailslot policy: the value last set, or what the source given to `followPolicy`
    /// answers now.
    public var policy: TransportPolicy {
        get {
            if let source = policySource.withLock({ $0 }) { return source() }
            return policyState.withLock { $0 }
        }
        set { policyState.withLock { $0 = newValue } }
    }

    /// Asks `source` for the policy at every remote write and every received datagram, for a
    /// policy that changes outside the engine's own calls (another shell rewriting the shared
    /// configuration). `source` runs on the event loop too, so it must be cheap (a cached value, a
    /// file looked at now and then).
    public func followPolicy(_ source: @escaping @Sendable () -> TransportPolicy) {
        policySource.withLock { $0 = source }
    }

    // MARK: Server side

    /// `CreateMailslot`: creates `\\.\mailslot\<name>`. `maxMessageSize` 0 = any size;
    /// `readTimeout` in ms, `MailslotInfo.waitForever` = forever. Also starts the UDP endpoint so
    /// the mailslot can receive remote writes (a bind failure is only a warning).
    @discardableResult
    public func createMailslot(name: String, maxMessageSize: UInt32 = 0,
                               readTimeout: UInt32 = MailslotInfo.waitForever) throws(Win32Error) -> MailslotInfo {
        let parsed = try MailslotName.parse(name)
        let slot = try registry.create(name: parsed, maxMessageSize: maxMessageSize, readTimeout: readTimeout)
        _ = endpoint()
        return try slot.info()
    }

    /// `GetMailslotInfo` for one mailslot. ERROR_FILE_NOT_FOUND when there is none of that name.
    public func mailslotInfo(name: String) throws(Win32Error) -> MailslotInfo {
        try slot(named: name).info()
    }

    /// Every mailslot of this process, sorted by name.
    public func listMailslots() -> [MailslotInfo] {
        registry.all().compactMap { try? $0.info() }
    }

    /// `SetMailslotInfo`: changes the read timeout (ms).
    public func setReadTimeout(name: String, readTimeout: UInt32) throws(Win32Error) {
        try slot(named: name).readTimeout = readTimeout
    }

    /// Closes the mailslot: unread messages are discarded, blocked reads fail.
    public func deleteMailslot(name: String) throws(Win32Error) {
        guard let slot = registry.remove(try MailslotName.parse(name)) else { throw .fileNotFound }
        slot.close()
    }

    /// `ReadFile` on the mailslot: the oldest message. `timeout` nil uses the mailslot's own;
    /// `isCancelled` is polled at least every 50 ms while waiting.
    public func read(name: String, timeout: UInt32? = nil,
                     isCancelled: @Sendable () -> Bool = { false }) throws(Win32Error) -> [UInt8] {
        try slot(named: name).read(timeout: timeout, isCancelled: isCancelled)
    }

    /// The mailslot object itself, for callers that read or write it many times.
    public func mailslot(name: String) throws(Win32Error) -> LocalMailslot {
        try slot(named: name)
    }

    private func slot(named name: String) throws(Win32Error) -> LocalMailslot {
        guard let slot = registry.lookup(try MailslotName.parse(name)) else { throw .fileNotFound }
        return slot
    }

    // MARK: Client side

    /// `CreateFile` + `WriteFile` on a client path: local (`\\.\mailslot\x`) or remote
    /// (`\\COMPUTER\`, `\\DOMAIN\`, `\\*\`). A remote write is checked against the policy first
    /// (3025, nothing sent), then the 424-byte limit and name resolution (53).
    public func write(path: String, data: [UInt8]) throws(Win32Error) {
        let target = try MailslotPath.parse(path)
        guard target.isRemote else {
            guard let slot = registry.lookup(target.name) else { throw .fileNotFound }
            try slot.write(data)
            return
        }
        guard policy.outboundRemoteAllowed else { throw .remoteMailslotsDeprecated }
        guard data.count <= Self.maximumRemoteMessageSize else { throw .badNetPath }
        guard target.name.wireName.utf8.allSatisfy({ $0 < 0x80 }) else { throw .invalidName }
        guard let endpoint = endpoint() else { throw .badNetPath }
        let resolver = NameResolver(
            computerName: configuration.computerName, workgroup: configuration.workgroup,
            ownAddress: endpoint.localAddress,
            broadcast: broadcastAddress())
        guard let resolved = resolver.resolve(target.host, in: lmhosts()), !resolved.addresses.isEmpty else {
            throw .badNetPath
        }
        var header = MailslotWriteHeader(
            messageType: resolved.messageType,
            sourceName: NetBIOSName(configuration.computerName, suffix: 0x00),
            destinationName: resolved.destinationName)
        header.datagramID = datagramIDs.wrappingAdd(1, ordering: .relaxed).newValue
        header.sourceIP = endpoint.localAddress.ipv4
        header.sourcePort = endpoint.localAddress.port
        do {
            try endpoint.send(MailslotWriteDatagram(header: header, mailslotName: target.name.wireName, data: data),
                              to: resolved.addresses)
        } catch {
            throw .invalidName   // only a name with a NUL cannot be encoded (sizes are checked above)
        }
    }

    /// The configured real broadcast destination; a malformed one is a warning and is left out.
    private func broadcastAddress() -> DatagramAddress? {
        guard let text = configuration.broadcastAddress else { return nil }
        guard let address = DatagramAddress.parse(text) else {
            warn("The broadcast address '\(text)' is not ADDRESS[:PORT]; it is ignored.")
            return nil
        }
        return address
    }

    // MARK: Endpoint

    /// The bound UDP endpoint (with the real port when 0 was asked for), or nil before the first
    /// remote operation or after a bind failure.
    public var boundEndpoint: DatagramAddress? {
        endpointState.withLock { state in
            if case .running(let endpoint) = state { return endpoint.localAddress }
            return nil
        }
    }

    /// Starts the endpoint once; later calls return it (or nil while it cannot bind).
    private func endpoint() -> DatagramEndpoint? {
        endpointState.withLock { state -> DatagramEndpoint? in
            switch state {
            case .running(let endpoint): return endpoint
            case .shutDown: return nil
            case .failed(_, let at) where LocalMailslot.nowMilliseconds() - at < Self.bindRetryInterval: return nil
            case .notStarted, .failed: break
            }
            guard let address = DatagramAddress.parse(configuration.endpoint, defaultPort: 138) else {
                let reason = "The datagram endpoint '\(configuration.endpoint)' is not ADDRESS:PORT; remote mailslots are unavailable."
                state = .failed(reason: reason, at: LocalMailslot.nowMilliseconds())
                warn(reason)
                return nil
            }
            do {
                let endpoint = try DatagramEndpoint.bind(address, receiver: Receiver(service: self), statistics: recorder, tap: tap)
                state = .running(endpoint)
                return endpoint
            } catch {
                let reason = "Cannot bind the datagram endpoint \(address): \(error); remote mailslots are unavailable."
                state = .failed(reason: reason, at: LocalMailslot.nowMilliseconds())
                warn(reason)
                return nil
            }
        }
    }

    /// Why the endpoint is not running, if it failed.
    public var endpointFailure: String? {
        endpointState.withLock { state in
            if case .failed(let reason, _) = state { return reason }
            return nil
        }
    }

    // MARK: Inbound

    /// Decodes a received payload, applies the inbound policy and delivers it. Runs on the event
    /// loop; the only allocation is the message copied out of the receive buffer.
    func receive(_ payload: UnsafeRawBufferPointer) {
        let view: MailslotWriteView
        do {
            view = try DatagramCodec.decode(payload)
        } catch {
            recorder.record {
                $0.datagramsReceived += 1
                $0.rejectedMalformed += 1
                $0.rejectionsByReason[error, default: 0] += 1
            }
            return
        }
        guard policy.inboundRemoteAllowed else {
            recorder.record { $0.datagramsReceived += 1; $0.droppedByPolicy += 1 }
            return
        }
        let pathStart = view.nameRange.lowerBound + DatagramCodec.mailslotPrefix.count
        let path = UnsafeRawBufferPointer(rebasing: payload[pathStart..<view.nameRange.upperBound])
        guard let slot = registry.lookup(wirePath: path) else {
            recorder.record { $0.datagramsReceived += 1; $0.droppedUnknownMailslot += 1 }
            return
        }
        // Counted before the message becomes readable, so a reader never sees it uncounted.
        recorder.record { $0.datagramsReceived += 1; $0.datagramsDelivered += 1 }
        do throws(Win32Error) {
            try slot.checkSize(view.dataRange.count)
            try slot.enqueue(Array(payload[view.dataRange]))
        } catch {
            recorder.record { $0.datagramsDelivered -= 1; $0.droppedRefusedByMailslot += 1 }
        }
    }

    private struct Receiver: DatagramReceiver {
        // Weak: the endpoint must not keep the service alive.
        weak let service: MailslotService?
        func receive(_ payload: UnsafeRawBufferPointer) { service?.receive(payload) }
    }

    // MARK: lmhosts

    private struct LMHostsCache {
        var identity: FileIdentity?
        var file = LMHostsFile()
        /// When the file was last looked at, and the in-process change count then.
        var checkedAt: UInt64?
        var generation: UInt64 = 0
    }

    private struct FileIdentity: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, modified: Int, modifiedNanoseconds: Int
    }

    /// Look at the lmhosts file again at most this often (milliseconds), as resolvers do with
    /// /etc/hosts: a stream of writes then costs no file-system call per message. Writes made by
    /// this process announce themselves (`lmhostsMayHaveChanged()`) and are seen at once.
    static let lmhostsRecheckInterval: UInt64 = 1000
    private static let lmhostsGeneration = Atomic<UInt64>(0)

    /// Tells every service in the process that the lmhosts file may have been rewritten, so the
    /// next name lookup reads it again.
    public static func lmhostsMayHaveChanged() {
        lmhostsGeneration.add(1, ordering: .relaxed)
    }

    /// The parsed lmhosts file, re-read when the file changes; its issues become warnings once.
    private func lmhosts() -> LMHostsFile {
        guard let path = configuration.lmhostsPath else { return LMHostsFile() }
        let now = LocalMailslot.nowMilliseconds()
        let generation = Self.lmhostsGeneration.load(ordering: .relaxed)
        let fresh = lmhostsCache.withLock { cache -> LMHostsFile? in
            guard let checkedAt = cache.checkedAt, cache.generation == generation,
                  now - checkedAt < Self.lmhostsRecheckInterval else { return nil }
            return cache.file
        }
        if let fresh { return fresh }
        var info = stat()
        let identity: FileIdentity? = stat(path, &info) == 0
            ? FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                           modified: info.st_mtim.tv_sec, modifiedNanoseconds: info.st_mtim.tv_nsec)
            : nil
        return lmhostsCache.withLock { cache in
            cache.checkedAt = now
            cache.generation = generation
            if let identity, cache.identity == identity { return cache.file }
            cache.identity = identity
            cache.file = identity == nil ? LMHostsFile() : (LMHostsFile.load(path: path) ?? LMHostsFile())
            for issue in cache.file.issues { warn("\(path): \(issue)") }
            return cache.file
        }
    }

    // MARK: Reporting

    /// Statistics of the datagram service (thread-safe snapshot).
    public func statistics() -> TransportStatistics { recorder.snapshot() }

    /// Warnings since the last call (bind failures, skipped lmhosts lines), oldest first. A
    /// warning equal to the previous one is not repeated (a failing bind is retried quietly).
    public func drainWarnings() -> [String] {
        warnings.withLock { warnings in
            defer { warnings.pending.removeAll() }
            return warnings.pending
        }
    }

    private struct Warnings {
        var pending: [String] = []
        var last: String?
    }

    private func warn(_ text: String) {
        warnings.withLock { warnings in
            guard warnings.last != text else { return }
            warnings.last = text
            warnings.pending.append(text)
        }
    }

    /// Closes the UDP endpoint and deletes every mailslot (blocked reads fail). Idempotent; the
    /// service then works for nothing remote. Call it before releasing the service.
    public func shutdown() {
        let endpoint = endpointState.withLock { state -> DatagramEndpoint? in
            defer { state = .shutDown }
            if case .running(let endpoint) = state { return endpoint }
            return nil
        }
        endpoint?.close(wait: true)
        for slot in registry.removeAll() { slot.close() }
    }

    deinit {
        // The last reference may be dropped on the event loop, where waiting is not allowed.
        endpointState.withLock { state in
            if case .running(let endpoint) = state { endpoint.close(wait: false) }
        }
    }
}
