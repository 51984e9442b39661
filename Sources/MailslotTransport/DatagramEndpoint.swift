#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import Synchronization

/// Receives UDP payloads on the event loop; implemented by the service.
protocol DatagramReceiver: Sendable {
    func receive(_ payload: UnsafeRawBufferPointer)
}

/// The UDP socket of the NetBIOS datagram service: received on a SwiftNIO event loop, sent with
/// plain `sendto` calls.
///
/// Sends never wait for the socket: a write is queued and the caller goes on, unless
/// `maximumOutstandingWrites` are still queued, in which case it waits for room (so a fast writer
/// cannot grow the queue without bound). The queue is drained on the event loop, one drain task
/// for a whole burst, straight to the socket (NIO's write pipeline costs more per datagram than
/// the system call itself).
final class DatagramEndpoint: Sendable {
    static let maximumOutstandingWrites = 1024
    /// Receive buffer per datagram: a mailslot datagram is at most 65,535 + 14 bytes, but legal
    /// ones (424 bytes of data) fit well within 2 KB; longer ones are truncated and then rejected.
    static let receiveBufferSize = 2048
    /// Datagrams taken per recvmmsg call. NIO divides one receive buffer among them.
    static let vectorReadCount = 32
    static let socketBufferSize: CInt = 4 << 20

    let channel: any Channel
    let localAddress: DatagramAddress
    /// The channel's socket; NIO owns it (and closes it). Used only on the event loop while the
    /// channel is active.
    private let descriptor: CInt
    private let outbox = Mutex(Outbox())
    private let statistics: StatisticsRecorder
    private let tap: DatagramTap

    private struct PendingDatagram {
        var bytes: [UInt8]
        var address: sockaddr_in
    }

    private struct Outbox {
        var queue: [PendingDatagram] = []
        /// A drain task is scheduled or running; it clears this when it finds the queue empty.
        var draining = false
        var closed = false
    }

    private init(channel: any Channel, descriptor: CInt, localAddress: DatagramAddress, statistics: StatisticsRecorder,
                 tap: DatagramTap) {
        self.channel = channel
        self.descriptor = descriptor
        self.localAddress = localAddress
        self.statistics = statistics
        self.tap = tap
    }

    /// Binds a UDP socket at `address` and registers it on NIO's shared event loop group.
    static func bind(_ address: DatagramAddress, receiver: any DatagramReceiver,
                     statistics: StatisticsRecorder, tap: DatagramTap = DatagramTap()) throws -> DatagramEndpoint {
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(call: "socket", code: errno) }
        var handedToNIO = false
        defer { if !handedToNIO { Glibc.close(descriptor) } }
        var size = socketBufferSize
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<CInt>.size))
        var raw = socketAddress(address)
        let bound = withUnsafePointer(to: &raw) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw SocketError(call: "bind", code: errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &raw) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw SocketError(call: "getsockname", code: errno) }
        let local = DatagramAddress(ipv4: address.ipv4, port: UInt16(bigEndian: raw.sin_port))
        let bootstrap = DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: receiveBufferSize * vectorReadCount))
            .channelOption(.datagramVectorReadMessageCount, value: vectorReadCount)
            .channelOption(.maxMessagesPerRead, value: 64)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(InboundHandler(receiver: receiver, tap: tap, local: local))
                }
            }
        // From here NIO owns the socket, whether or not registering it succeeds.
        handedToNIO = true
        let channel = try bootstrap.withBoundSocket(descriptor).wait()
        return DatagramEndpoint(channel: channel, descriptor: descriptor, localAddress: local, statistics: statistics, tap: tap)
    }

    /// Encodes `datagram` once and queues it for every address.
    func send(_ datagram: MailslotWriteDatagram, to addresses: [DatagramAddress]) throws(DatagramEncodingError) {
        let bytes = try DatagramCodec.encode(datagram)
        if tap.isActive {
            bytes.withUnsafeBytes { payload in
                for address in addresses { tap.record(.sent, from: localAddress, to: address, payload: payload) }
            }
        }
        statistics.record { $0.datagramsSent += addresses.count }
        while true {
            enum Outcome { case queued, startDrain, full, closed }
            let outcome = outbox.withLock { box -> Outcome in
                guard !box.closed else { return .closed }
                guard box.queue.count < Self.maximumOutstandingWrites else { return .full }
                for address in addresses { box.queue.append(PendingDatagram(bytes: bytes, address: Self.socketAddress(address))) }
                if box.draining { return .queued }
                box.draining = true
                return .startDrain
            }
            switch outcome {
            case .queued: return
            case .startDrain: return channel.eventLoop.execute { [self] in drain() }
            case .full: usleep(50)
            case .closed: return statistics.record { $0.sendFailures += addresses.count }
            }
        }
    }

    /// On the event loop: sends what is queued, then what was queued meanwhile, until the queue is
    /// empty. A full socket buffer leaves the rest queued and tries again shortly.
    private func drain() {
        var batch: [PendingDatagram] = []
        while true {
            outbox.withLock { box in
                swap(&batch, &box.queue)
                if batch.isEmpty { box.draining = false }
            }
            if batch.isEmpty { return }
            guard channel.isActive else {
                statistics.record { $0.sendFailures += batch.count }
                batch.removeAll()
                continue
            }
            var sent = 0
            var failures = 0
            while sent < batch.count {
                var address = batch[sent].address
                let result = batch[sent].bytes.withUnsafeBytes { payload in
                    withUnsafePointer(to: &address) {
                        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                            sendto(descriptor, payload.baseAddress, payload.count, Int32(MSG_DONTWAIT), $0,
                                   socklen_t(MemoryLayout<sockaddr_in>.size))
                        }
                    }
                }
                if result < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    if code == EAGAIN || code == EWOULDBLOCK { break }
                    failures += 1
                }
                sent += 1
            }
            if failures > 0 { statistics.record { [failures] in $0.sendFailures += failures } }
            if sent < batch.count {
                // The socket buffer is full: put the rest back in front and come back soon.
                let rest = batch[sent...]
                outbox.withLock { box in box.queue.insert(contentsOf: rest, at: 0) }
                channel.eventLoop.scheduleTask(in: .microseconds(100)) { [self] in drain() }
                return
            }
            batch.removeAll(keepingCapacity: true)
        }
    }

    static func socketAddress(_ address: DatagramAddress) -> sockaddr_in {
        var raw = sockaddr_in()
        raw.sin_family = sa_family_t(AF_INET)
        raw.sin_port = address.port.bigEndian
        raw.sin_addr.s_addr = address.ipv4.bigEndian
        return raw
    }

    func close(wait: Bool) {
        outbox.withLock { $0.closed = true }
        if wait {
            _ = try? channel.close().wait()
        } else {
            channel.close(promise: nil)
        }
    }
}

/// A failed socket call, described as the system describes its error.
struct SocketError: Error, CustomStringConvertible {
    var call: String
    var code: CInt
    var description: String { "\(call): \(String(cString: strerror(code))) (errno: \(code))" }
}

/// Hands each received payload to the receiver without copying it.
private final class InboundHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let receiver: any DatagramReceiver
    let tap: DatagramTap
    let local: DatagramAddress

    init(receiver: any DatagramReceiver, tap: DatagramTap, local: DatagramAddress) {
        self.receiver = receiver
        self.tap = tap
        self.local = local
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        if tap.isActive, let source = DatagramAddress(envelope.remoteAddress) {
            envelope.data.withUnsafeReadableBytes { tap.record(.received, from: source, to: local, payload: $0) }
        }
        envelope.data.withUnsafeReadableBytes { receiver.receive($0) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A failed read (e.g. ICMP port unreachable reported on the socket) must not close it.
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
