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
/// - Nothing starts at `init`: the UDP sockets (datagram service on 138, name service on 137)
///   and their receive thread come with the first created mailslot (to receive), the first remote
///   write or the first name service call. A bind failure never fails a local operation: it is
///   reported through `drainWarnings()` and remote writes then fail with ERROR_BAD_NETPATH (a
///   name service that cannot bind leaves lmhosts as the only resolver).
/// - The host registers `COMPUTER<00>`, `COMPUTER<20>` and `WORKGROUP<00>` (and, while the
///   Computer Browser runs, `WORKGROUP<1E>`); received datagrams addressed to other names are
///   dropped and counted.
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
    let browserState = Mutex(BrowserState())
    private let lmhostsCache = Mutex(LMHostsCache())
    private let warnings = Mutex(Warnings())
    private let datagramIDs = Atomic<UInt16>(0)
    /// Sees every datagram this service's endpoint sends or receives (packet captures).
    public let tap = DatagramTap()

    private enum EndpointState {
        case notStarted
        case running(Network)
        case failed(reason: String, at: UInt64)
        case shutDown
    }

    /// The sockets of a running service and their thread.
    final class Network: Sendable {
        let reactor: SocketReactor
        let datagrams: DatagramEndpoint
        let names: NameService?

        init(reactor: SocketReactor, datagrams: DatagramEndpoint, names: NameService?) {
            self.reactor = reactor
            self.datagrams = datagrams
            self.names = names
        }
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
    /// configuration). `source` runs on the receiving thread too, so it must be cheap (a cached value, a
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
        _ = network()
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
        let slot = try slot(named: name)
        guard let reactor = runningNetwork?.reactor else { return try slot.read(timeout: timeout, isCancelled: isCancelled) }
        return try slot.read(timeout: timeout, isCancelled: isCancelled) { wake, milliseconds in
            reactor.pump(wakeDescriptor: wake, milliseconds: milliseconds)
        }
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
    /// (`\\COMPUTER\`, `\\DOMAIN\`, `\\*\`, `\\DOMAIN*\`). A remote write is checked against the
    /// policy first (3025, nothing sent), then the 424-byte limit and name resolution (53).
    /// `nameType` addresses another name of the host part (`MasterBrowser`: `NAME<1D>`, ...), as
    /// the browser's datagram API does. A datagram the system refuses for every destination fails
    /// with ERROR_UNEXP_NET_ERR (59); refused for some, it is a warning.
    public func write(path: String, data: [UInt8], nameType: MailslotNameType? = nil) throws(Win32Error) {
        let target = try MailslotPath.parse(path)
        guard target.isRemote else {
            guard let slot = registry.lookup(target.name) else { throw .fileNotFound }
            try slot.write(data)
            return
        }
        guard policy.outboundRemoteAllowed else { throw .remoteMailslotsDeprecated }
        guard data.count <= Self.maximumRemoteMessageSize else { throw .badNetPath }
        guard target.name.wireName.utf8.allSatisfy({ $0 < 0x80 }) else { throw .invalidName }
        guard let network = network() else { throw .badNetPath }
        guard let resolved = resolver(network).resolve(target.host, nameType: nameType, in: lmhosts()),
              !resolved.addresses.isEmpty else {
            throw .badNetPath
        }
        try send(resolved, mailslot: target.name.wireName, data: data, on: network)
    }

    func resolver(_ network: Network) -> NameResolver {
        let endpoint = network.datagrams
        var resolver = NameResolver(
            computerName: configuration.computerName, workgroup: configuration.workgroup,
            ownAddress: endpoint.localAddress, broadcast: broadcastAddress())
        resolver.hearsOwnBroadcasts = endpoint.hearsBroadcasts
        resolver.holds = { [unowned self] in self.holds($0) }
        // Names found by query are reached on the datagram port this host uses (138 on a network).
        resolver.datagramPort = endpoint.localAddress.port
        if let names = network.names { resolver.query = { names.resolve($0) } }
        return resolver
    }

    func send(_ target: ResolvedTarget, mailslot: String, data: [UInt8], on network: Network) throws(Win32Error) {
        let endpoint = network.datagrams
        var header = MailslotWriteHeader(
            messageType: target.messageType,
            sourceName: NetBIOSName(configuration.computerName, suffix: 0x00),
            destinationName: target.destinationName)
        header.datagramID = datagramIDs.wrappingAdd(1, ordering: .relaxed).newValue
        header.sourceIP = endpoint.sourceIP
        header.sourcePort = endpoint.localAddress.port
        let failures: [(DatagramAddress, SocketError)]
        do {
            failures = try endpoint.send(MailslotWriteDatagram(header: header, mailslotName: mailslot, data: data),
                                         to: target.addresses)
        } catch {
            throw .invalidName   // only a name with a NUL cannot be encoded (sizes are checked above)
        }
        guard !failures.isEmpty else { return }
        if failures.count == target.addresses.count { throw .unexpectedNetworkError }
        for (address, error) in failures { warn("The datagram to \(address) was not sent: \(error).") }
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
    public var boundEndpoint: DatagramAddress? { runningNetwork?.datagrams.localAddress }

    /// The bound name service endpoint, or nil when it is not running.
    public var boundNameEndpoint: DatagramAddress? { runningNetwork?.names?.localAddress }

    var runningNetwork: Network? {
        endpointState.withLock { state in
            if case .running(let network) = state { return network }
            return nil
        }
    }

    /// Starts the sockets once; later calls return them (or nil while the datagram socket cannot bind).
    func network() -> Network? {
        let started = endpointState.withLock { state -> (Network?, Bool) in
            switch state {
            case .running(let network): return (network, false)
            case .shutDown: return (nil, false)
            case .failed(_, let at) where LocalMailslot.nowMilliseconds() - at < Self.bindRetryInterval: return (nil, false)
            case .notStarted, .failed: break
            }
            guard let address = DatagramAddress.parse(configuration.endpoint, defaultPort: 138) else {
                let reason = "The datagram endpoint '\(configuration.endpoint)' is not ADDRESS:PORT; remote mailslots are unavailable."
                state = .failed(reason: reason, at: LocalMailslot.nowMilliseconds())
                warn(reason)
                return (nil, false)
            }
            do {
                let network = try startNetwork(datagramAddress: address)
                state = .running(network)
                return (network, true)
            } catch {
                let reason = "Cannot bind the datagram endpoint \(address): \(error); remote mailslots are unavailable."
                state = .failed(reason: reason, at: LocalMailslot.nowMilliseconds())
                warn(reason)
                return (nil, false)
            }
        }
        if started.1, let network = started.0 { networkStarted(network) }
        return started.0
    }

    private func startNetwork(datagramAddress: DatagramAddress) throws(SocketError) -> Network {
        let reactor = try SocketReactor()
        let broadcast = broadcastAddress()
        let datagrams: DatagramEndpoint
        do {
            datagrams = try DatagramEndpoint(
                address: datagramAddress, broadcast: broadcast, reactor: reactor,
                receiver: { [weak self] payload, source in self?.receive(payload, from: source) },
                statistics: recorder, tap: tap, warn: { [weak self] in self?.warn($0) })
        } catch {
            reactor.stop()
            throw error
        }
        var names: NameService?
        if let nameAddress = nameEndpointAddress(datagramAddress) {
            let nameBroadcast = broadcast.map { DatagramAddress(ipv4: $0.ipv4, port: nameAddress.port == 0 ? 137 : nameAddress.port) }
            do {
                names = try NameService(address: nameAddress, broadcast: nameBroadcast, wins: winsAddress(), reactor: reactor,
                                        warn: { [weak self] in self?.warn($0) })
            } catch {
                warn("Cannot bind the name service endpoint \(nameAddress): \(error); names resolve through lmhosts only.")
            }
        }
        let network = Network(reactor: reactor, datagrams: datagrams, names: names)
        do {
            try reactor.start()
        } catch {
            reactor.stop()
            throw error
        }
        names?.start()
        return network
    }

    private func nameEndpointAddress(_ datagramAddress: DatagramAddress) -> DatagramAddress? {
        guard let text = configuration.nameEndpoint else {
            // Beside 138 the name service takes 137; beside any other port, a free one.
            return DatagramAddress(ipv4: datagramAddress.ipv4, port: datagramAddress.port == 138 ? 137 : 0)
        }
        guard let address = DatagramAddress.parse(text, defaultPort: 137) else {
            warn("The name service endpoint '\(text)' is not ADDRESS[:PORT]; names resolve through lmhosts only.")
            return nil
        }
        return address
    }

    private func winsAddress() -> DatagramAddress? {
        guard let text = configuration.winsServer else { return nil }
        guard let address = DatagramAddress.parse(text, defaultPort: 137) else {
            warn("The WINS server '\(text)' is not ADDRESS[:PORT]; it is ignored.")
            return nil
        }
        return address
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
    func receive(_ payload: UnsafeRawBufferPointer, from source: DatagramAddress) {
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
        // Only datagrams to a name this host holds are for it (BROADCAST datagrams are for every node).
        guard view.header.messageType == .broadcast || holds(view.header.destinationName) else {
            recorder.record { $0.datagramsReceived += 1; $0.droppedNotForThisHost += 1 }
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
        // A message larger than the mailslot takes is refused before anything counts it delivered,
        // so no reader of the statistics sees it delivered for a moment.
        do throws(Win32Error) {
            try slot.checkSize(view.dataRange.count)
        } catch {
            recorder.record { $0.datagramsReceived += 1; $0.droppedRefusedByMailslot += 1 }
            return
        }
        // Counted before the message becomes readable, so a reader never sees it uncounted.
        recorder.record { $0.datagramsReceived += 1; $0.datagramsDelivered += 1 }
        do throws(Win32Error) {
            try slot.enqueue(Array(payload[view.dataRange]))
        } catch {
            recorder.record { $0.datagramsDelivered -= 1; $0.droppedRefusedByMailslot += 1 }
        }
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
    func lmhosts() -> LMHostsFile {
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

    func warn(_ text: String) {
        warnings.withLock { warnings in
            guard warnings.last != text else { return }
            warnings.last = text
            warnings.pending.append(text)
        }
    }

    /// Closes the UDP endpoint and deletes every mailslot (blocked reads fail). Idempotent; the
    /// service then works for nothing remote. Call it before releasing the service.
    public func shutdown() {
        let network = endpointState.withLock { state -> Network? in
            defer { state = .shutDown }
            if case .running(let network) = state { return network }
            return nil
        }
        network?.names?.releaseAll()
        network?.reactor.stop()
        for slot in registry.removeAll() { slot.close() }
    }

    deinit {
        // The last reference may be dropped on the receive thread, where waiting is not allowed
        // (`stop` does not wait there).
        endpointState.withLock { state in
            if case .running(let network) = state { network.reactor.stop() }
        }
    }
}
