#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One name of this host in the local name table (what `nbtstat -n` lists).
public struct LocalNetBIOSName: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Registration requests are still being broadcast.
        case registering = "Registering"
        case registered = "Registered"
        /// Another node defended the name: it is not used.
        case conflict = "Conflict"
    }

    public var name: NetBIOSName
    public var isGroup: Bool
    public var state: State
}

/// A remote name in the cache (what `nbtstat -c` lists).
public struct CachedNetBIOSName: Sendable, Equatable {
    public var name: NetBIOSName
    public var isGroup: Bool
    public var addresses: [UInt32]
    /// Seconds left before the entry expires.
    public var secondsLeft: Int
}

/// Counters of the name service (what `nbtstat -r` shows).
public struct NameServiceStatistics: Sendable, Equatable {
    public var resolvedByBroadcast = 0
    public var resolvedByNameServer = 0
    public var registeredByBroadcast = 0
    public var registeredByNameServer = 0
    /// Names this host looked up by broadcast, the latest last (at most 32 kept).
    public var broadcastQueries: [NetBIOSName] = []
    public var packetsReceived = 0
    public var rejectedMalformed = 0
    public var rejectionsByReason: [NameServiceRejection: Int] = [:]
    public var queriesAnswered = 0
    public var registrationsDefended = 0
    public var conflicts = 0
    public var sendFailures = 0

    public init() {}
}

/// The NetBIOS name service of a B node (RFC 1001 15, RFC 1002 4.2), optionally with a WINS
/// server: registers, defends and releases this host's names, answers name queries and node
/// status requests for them, and resolves other names by broadcast (and WINS) query.
final class NameService: Sendable {
    /// RFC 1002 defaults: retry interval and count for broadcast requests.
    static let retryInterval: UInt64 = 250
    static let retryCount = 3
    /// TTL given to registered names (Windows' default, seconds).
    static let registrationTTL: UInt32 = 300_000
    /// Cache lifetime of a resolved name (Windows' NetBT default: 10 minutes).
    static let cacheSeconds: UInt64 = 600

    let socket: NetBIOSSocket
    let broadcastSocket: NetBIOSSocket?
    let sourceIP: UInt32
    let broadcast: DatagramAddress?
    let wins: DatagramAddress?
    private let reactor: SocketReactor
    private let state = Mutex(State())
    private let warn: @Sendable (String) -> Void

    private struct Pending {
        var name: NetBIOSName
        var addresses: [UInt32] = []
        var status: NodeStatus?
        var answered = false
        var negative = false
        var isGroup = false
    }

    private struct CacheEntry {
        var isGroup: Bool
        var addresses: [UInt32]
        var expires: UInt64
    }

    private struct State {
        var names: [LocalNetBIOSName] = []
        var cache: [NetBIOSName: CacheEntry] = [:]
        var pending: [UInt16: Pending] = [:]
        var nextID: UInt16 = UInt16(truncatingIfNeeded: getpid() &* 7919)
        var statistics = NameServiceStatistics()
        var released = false

        mutating func takeID() -> UInt16 {
            nextID &+= 1
            return nextID
        }
    }

    init(address: DatagramAddress, broadcast: DatagramAddress?, wins: DatagramAddress?, reactor: SocketReactor,
         warn: @escaping @Sendable (String) -> Void) throws(SocketError) {
        let sockets = try NetBIOSSocket.bindService(address, broadcast: broadcast, warn: warn)
        socket = sockets.unicast
        broadcastSocket = sockets.broadcast
        sourceIP = sockets.sourceIP
        self.broadcast = broadcast
        self.wins = wins
        self.reactor = reactor
        self.warn = warn
    }

    /// Starts receiving (after `init`, so the handlers see a complete service).
    func start() {
        for socket in [socket] + (broadcastSocket.map { [$0] } ?? []) {
            reactor.add(socket) { [weak self] payload, source in self?.receive(payload, from: source) }
        }
    }

    var localAddress: DatagramAddress { socket.localAddress }

    // MARK: Own names

    /// Adds names and registers them: by broadcast (three requests 250 ms apart; a negative
    /// response marks the name in conflict) and with the WINS server when one is set. Without
    /// either, the names are registered at once.
    func register(_ names: [(NetBIOSName, isGroup: Bool)]) {
        let added = state.withLock { state -> [(NetBIOSName, Bool)] in
            var added: [(NetBIOSName, Bool)] = []
            for (name, isGroup) in names where !state.names.contains(where: { $0.name == name }) {
                let registering = broadcast != nil || wins != nil
                state.names.append(LocalNetBIOSName(name: name, isGroup: isGroup, state: registering ? .registering : .registered))
                added.append((name, isGroup))
            }
            return added
        }
        for (name, isGroup) in added where broadcast != nil || wins != nil {
            sendRegistration(name, isGroup: isGroup, attempt: 0)
        }
    }

    /// Removes a name (released on the network).
    func unregister(_ name: NetBIOSName) {
        let removed = state.withLock { state -> LocalNetBIOSName? in
            guard let index = state.names.firstIndex(where: { $0.name == name }) else { return nil }
            return state.names.remove(at: index)
        }
        if let removed, removed.state == .registered { sendRelease(removed) }
    }

    private func sendRegistration(_ name: NetBIOSName, isGroup: Bool, attempt: Int) {
        let current = state.withLock { state in state.names.first { $0.name == name } }
        guard let current, current.state == .registering else { return }
        if attempt >= Self.retryCount {
            state.withLock { state in
                guard let index = state.names.firstIndex(where: { $0.name == name }),
                      state.names[index].state == .registering else { return }
                state.names[index].state = .registered
                if broadcast != nil { state.statistics.registeredByBroadcast += 1 }
                if wins != nil { state.statistics.registeredByNameServer += 1 }
            }
            return
        }
        let id = state.withLock { $0.takeID() }
        let record = ownRecord(name, isGroup: isGroup)
        if let broadcast {
            let packet = NameServicePacket(transactionID: id, isResponse: false, opcode: .registration,
                                           flags: [.recursionDesired, .broadcast],
                                           questions: [.init(name: name, type: NameServicePacket.RecordType.nb)],
                                           additionals: [record])
            send(packet, to: broadcast)
        }
        if let wins {
            let packet = NameServicePacket(transactionID: id, isResponse: false, opcode: .registration,
                                           flags: [.recursionDesired],
                                           questions: [.init(name: name, type: NameServicePacket.RecordType.nb)],
                                           additionals: [record])
            send(packet, to: wins)
        }
        reactor.schedule(afterMilliseconds: Self.retryInterval) { [weak self] in
            self?.sendRegistration(name, isGroup: isGroup, attempt: attempt + 1)
        }
    }

    private func ownRecord(_ name: NetBIOSName, isGroup: Bool) -> NameServicePacket.ResourceRecord {
        .init(name: name, type: NameServicePacket.RecordType.nb, ttl: Self.registrationTTL,
              data: NameAddressEntry.encode([NameAddressEntry(isGroup: isGroup, ipv4: sourceIP)]))
    }

    private func sendRelease(_ entry: LocalNetBIOSName) {
        let id = state.withLock { $0.takeID() }
        let packet = NameServicePacket(transactionID: id, isResponse: false, opcode: .release,
                                       flags: broadcast != nil ? [.broadcast] : [],
                                       questions: [.init(name: entry.name, type: NameServicePacket.RecordType.nb)],
                                       additionals: [ownRecord(entry.name, isGroup: entry.isGroup)])
        if let broadcast { send(packet, to: broadcast) }
        if let wins { send(packet, to: wins) }
    }

    /// Releases every registered name (on exit).
    func releaseAll() {
        let names = state.withLock { state -> [LocalNetBIOSName] in
            guard !state.released else { return [] }
            state.released = true
            return state.names.filter { $0.state == .registered }
        }
        for name in names { sendRelease(name) }
    }

    /// The local name table.
    func localNames() -> [LocalNetBIOSName] { state.withLock { $0.names } }

    /// True when datagrams to `name` are for this host: a registered name, or the wildcard.
    func owns(_ name: NetBIOSName) -> Bool {
        state.withLock { state in state.names.contains { $0.name == name && $0.state != .conflict } }
    }

    // MARK: Resolution

    /// Resolves a name: the cache, else a query (WINS first, then broadcast), three tries 250 ms
    /// apart. Nil when no node answered or there is nowhere to ask. Must not run on the reactor.
    func resolve(_ name: NetBIOSName) -> (addresses: [UInt32], isGroup: Bool)? {
        let now = LocalMailslot.nowMilliseconds()
        if let hit = state.withLock({ state -> CacheEntry? in
            guard let entry = state.cache[name] else { return nil }
            if entry.expires <= now { state.cache[name] = nil; return nil }
            return entry
        }) { return (hit.addresses, hit.isGroup) }
        for (destination, isBroadcast) in [(wins, false), (broadcast, true)] {
            guard let destination else { continue }
            let question = NameServicePacket.Question(name: name, type: NameServicePacket.RecordType.nb)
            guard let answer = ask(question, to: destination, broadcast: isBroadcast), !answer.addresses.isEmpty else { continue }
            let entries = answer.addresses
            let isGroup = answer.isGroup
            state.withLock { state in
                state.cache[name] = CacheEntry(isGroup: isGroup, addresses: entries, expires: now + Self.cacheSeconds * 1000)
                if isBroadcast {
                    state.statistics.resolvedByBroadcast += 1
                    state.statistics.broadcastQueries.append(name)
                    if state.statistics.broadcastQueries.count > 32 { state.statistics.broadcastQueries.removeFirst() }
                } else {
                    state.statistics.resolvedByNameServer += 1
                }
            }
            return (entries, isGroup)
        }
        return nil
    }

    /// A node status request to `address` (`nbtstat -A`); nil when it does not answer.
    func nodeStatus(of address: DatagramAddress) -> NodeStatus? {
        let question = NameServicePacket.Question(name: NetBIOSName("*", suffix: 0), type: NameServicePacket.RecordType.nbstat)
        return ask(question, to: address, broadcast: false)?.status
    }

    private func ask(_ question: NameServicePacket.Question, to destination: DatagramAddress, broadcast: Bool)
        -> (addresses: [UInt32], isGroup: Bool, status: NodeStatus?)? {
        let id = state.withLock { state -> UInt16 in
            let id = state.takeID()
            state.pending[id] = Pending(name: question.name)
            return id
        }
        defer { _ = state.withLock { $0.pending.removeValue(forKey: id) } }
        let packet = NameServicePacket(transactionID: id, isResponse: false, opcode: .query,
                                       flags: broadcast ? [.recursionDesired, .broadcast] : [.recursionDesired],
                                       questions: [question])
        var collected: [UInt32] = []
        var isGroup = false
        for _ in 0..<Self.retryCount {
            send(packet, to: destination)
            let deadline = LocalMailslot.nowMilliseconds() + Self.retryInterval
            while LocalMailslot.nowMilliseconds() < deadline {
                let result = state.withLock { $0.pending[id] }
                if let result, result.answered {
                    if let status = result.status { return ([], false, status) }
                    if result.negative && result.addresses.isEmpty { return nil }
                    collected = result.addresses
                    isGroup = result.isGroup
                    // A unique name has one owner; a group name collects answers until the timeout.
                    if !isGroup { return (collected, false, nil) }
                }
                usleep(1000)
            }
            if !collected.isEmpty { return (collected, isGroup, nil) }
        }
        return nil
    }

    /// Forgets every cached remote name (`nbtstat -R`).
    func purgeCache() { state.withLock { $0.cache.removeAll() } }

    func cachedNames() -> [CachedNetBIOSName] {
        let now = LocalMailslot.nowMilliseconds()
        return state.withLock { state in
            state.cache.compactMap { name, entry in
                guard entry.expires > now else { return nil }
                return CachedNetBIOSName(name: name, isGroup: entry.isGroup, addresses: entry.addresses,
                                         secondsLeft: Int((entry.expires - now) / 1000))
            }
        }.sorted { $0.name.description < $1.name.description }
    }

    func statistics() -> NameServiceStatistics { state.withLock { $0.statistics } }

    // MARK: Receiving

    private func receive(_ payload: UnsafeRawBufferPointer, from source: DatagramAddress) {
        let packet: NameServicePacket
        do {
            packet = try NameServicePacket.decode(payload)
        } catch {
            state.withLock { state in
                state.statistics.packetsReceived += 1
                state.statistics.rejectedMalformed += 1
                state.statistics.rejectionsByReason[error, default: 0] += 1
            }
            return
        }
        // Our own broadcasts come back to the broadcast socket; a unicast to ourselves is answered.
        if packet.flags.contains(.broadcast) && source.ipv4 == sourceIP && source.port == socket.localAddress.port { return }
        state.withLock { $0.statistics.packetsReceived += 1 }
        if packet.isResponse { return handleResponse(packet) }
        guard let question = packet.questions.first else { return }
        switch packet.opcode {
        case .query where question.type == NameServicePacket.RecordType.nb:
            answerQuery(packet, question: question, from: source)
        case .query where question.type == NameServicePacket.RecordType.nbstat:
            answerStatus(packet, question: question, from: source)
        case .registration, .multiHomedRegistration:
            defend(packet, question: question, from: source)
        default:
            break
        }
    }

    private func handleResponse(_ packet: NameServicePacket) {
        let id = packet.transactionID
        switch packet.opcode {
        case .query:
            state.withLock { state in
                guard var pending = state.pending[id] else { return }
                pending.answered = true
                if packet.resultCode != 0 {
                    pending.negative = true
                } else if let answer = packet.answers.first {
                    if answer.type == NameServicePacket.RecordType.nbstat {
                        pending.status = NodeStatus.decode(answer.data)
                        if pending.status == nil { pending.answered = false }
                    } else if answer.type == NameServicePacket.RecordType.nb, answer.name == pending.name {
                        let entries = NameAddressEntry.decode(answer.data)
                        for entry in entries where !pending.addresses.contains(entry.ipv4) { pending.addresses.append(entry.ipv4) }
                        if entries.contains(where: \.isGroup) { pending.isGroup = true }
                        if entries.isEmpty { pending.answered = false }
                    } else {
                        pending.answered = false
                    }
                }
                state.pending[id] = pending
            }
        case .registration:
            // A negative response to our registration: another node owns the name.
            guard packet.resultCode != 0, let answer = packet.answers.first else { return }
            let conflicted = state.withLock { state -> Bool in
                guard let index = state.names.firstIndex(where: { $0.name == answer.name && !$0.isGroup }),
                      state.names[index].state != .conflict else { return false }
                state.names[index].state = .conflict
                state.statistics.conflicts += 1
                return true
            }
            if conflicted { warn("The name \(answer.name) is in conflict with another computer on the network.") }
        default:
            break
        }
    }

    private func answerQuery(_ packet: NameServicePacket, question: NameServicePacket.Question, from source: DatagramAddress) {
        guard let own = state.withLock({ state in state.names.first { $0.name == question.name && $0.state == .registered } })
        else { return }
        // Broadcast queries are answered only for unique names, and never to ourselves.
        if packet.flags.contains(.broadcast) && own.isGroup { return }
        let response = NameServicePacket(
            transactionID: packet.transactionID, isResponse: true, opcode: .query,
            flags: [.authoritative, .recursionDesired],
            answers: [ownRecord(own.name, isGroup: own.isGroup)])
        state.withLock { $0.statistics.queriesAnswered += 1 }
        send(response, to: source)
    }

    private func answerStatus(_ packet: NameServicePacket, question: NameServicePacket.Question, from source: DatagramAddress) {
        let names = localNames()
        guard question.name == NetBIOSName("*", suffix: 0) || names.contains(where: { $0.name == question.name }) else { return }
        let status = NodeStatus(
            entries: names.map { NodeStatus.Entry(name: $0.name, isGroup: $0.isGroup, isConflicted: $0.state == .conflict,
                                                  isActive: $0.state != .conflict) },
            unitID: [0, 0, 0, 0, 0, 0])
        let response = NameServicePacket(
            transactionID: packet.transactionID, isResponse: true, opcode: .query, flags: [.authoritative],
            answers: [.init(name: question.name, scope: question.scope, type: NameServicePacket.RecordType.nbstat, ttl: 0,
                            data: status.encode())])
        send(response, to: source)
    }

    /// Another node registers a name: a unique name of ours is defended with a negative response
    /// (ACT_ERR); group names are shared.
    private func defend(_ packet: NameServicePacket, question: NameServicePacket.Question, from source: DatagramAddress) {
        let claimsGroup = packet.additionals.first.map { NameAddressEntry.decode($0.data).first?.isGroup == true } ?? false
        guard !claimsGroup,
              let own = state.withLock({ state in state.names.first { $0.name == question.name && !$0.isGroup } }),
              own.state == .registered else { return }
        let response = NameServicePacket(
            transactionID: packet.transactionID, isResponse: true, opcode: .registration,
            flags: [.authoritative, .recursionDesired, .recursionAvailable],
            resultCode: NameServicePacket.ResultCode.active,
            answers: [ownRecord(own.name, isGroup: false)])
        state.withLock { $0.statistics.registrationsDefended += 1 }
        send(response, to: source)
    }

    private func send(_ packet: NameServicePacket, to destination: DatagramAddress) {
        let bytes = packet.encode()
        let error = bytes.withUnsafeBytes { socket.send($0, to: destination) }
        if let error {
            state.withLock { $0.statistics.sendFailures += 1 }
            warn("Cannot send a name service packet to \(destination): \(error).")
        }
    }
}
