import Synchronization

/// The UDP side of the NetBIOS datagram service: the sockets `NetBIOSSocket.bindService` binds.
///
/// Sends are synchronous `sendto` calls on the caller's thread; a datagram counts as sent (and
/// is shown to the tap) only when the system took it.
final class DatagramEndpoint: Sendable {
    let socket: NetBIOSSocket
    /// The bound address (the real port when 0 was asked for).
    var localAddress: DatagramAddress { socket.localAddress }
    /// SOURCE_IP: the bound address, or for a wildcard bind the interface's address.
    let sourceIP: UInt32
    /// The broadcast socket, if one was bound.
    let broadcastSocket: NetBIOSSocket?
    /// True when this host hears broadcasts sent to the configured broadcast address (so a
    /// broadcast reaches the own mailslots without a separate copy).
    let hearsBroadcasts: Bool
    private let statistics: StatisticsRecorder
    private let tap: DatagramTap

    /// Binds the sockets and registers them on `reactor`.
    init(address: DatagramAddress, broadcast: DatagramAddress?, reactor: SocketReactor,
         receiver: @escaping SocketReactor.Handler, statistics: StatisticsRecorder, tap: DatagramTap,
         warn: (String) -> Void) throws(SocketError) {
        let sockets = try NetBIOSSocket.bindService(address, broadcast: broadcast, warn: warn)
        socket = sockets.unicast
        broadcastSocket = sockets.broadcast
        sourceIP = sockets.sourceIP
        self.statistics = statistics
        self.tap = tap
        let hears = address.ipv4 == 0 || sockets.broadcast != nil
        hearsBroadcasts = hears && broadcast?.port == socket.localAddress.port
        let extra = sockets.broadcast
        let local = socket.localAddress
        // What the host sends to itself is shown once, as sent.
        let own = DatagramAddress(ipv4: sourceIP, port: local.port)
        let tapRef = tap
        reactor.add(socket) { payload, source in
            if source != own { tapRef.record(.received, from: source, to: local, payload: payload) }
            receiver(payload, source)
        }
        if let extra {
            let destination = extra.localAddress
            reactor.add(extra) { payload, source in
                if source != own { tapRef.record(.received, from: source, to: destination, payload: payload) }
                receiver(payload, source)
            }
        }
    }

    /// Encodes `datagram` once and sends it to every address; returns the destinations the
    /// system refused, with its error.
    func send(_ datagram: MailslotWriteDatagram, to addresses: [DatagramAddress])
        throws(DatagramEncodingError) -> [(DatagramAddress, SocketError)] {
        let bytes = try DatagramCodec.encode(datagram)
        return bytes.withUnsafeBytes { send($0, to: addresses) }
    }

    /// Sends an encoded datagram to every address.
    func send(_ payload: UnsafeRawBufferPointer, to addresses: [DatagramAddress]) -> [(DatagramAddress, SocketError)] {
        var failures: [(DatagramAddress, SocketError)] = []
        for address in addresses {
            if let error = socket.send(payload, to: address) {
                failures.append((address, error))
            } else {
                tap.record(.sent, from: DatagramAddress(ipv4: sourceIP, port: localAddress.port), to: address, payload: payload)
            }
        }
        let sent = addresses.count - failures.count
        let failed = failures.count
        statistics.record { $0.datagramsSent += sent; $0.sendFailures += failed }
        return failures
    }
}

/// Thread-safe counters.
final class StatisticsRecorder: Sendable {
    private let counters = Mutex(TransportStatistics())

    @inline(__always) func record(_ update: (inout TransportStatistics) -> Void) {
        counters.withLock { update(&$0) }
    }

    func snapshot() -> TransportStatistics { counters.withLock { $0 } }
}
