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

/// The UDP socket of the NetBIOS datagram service, on SwiftNIO.
///
/// Sends never wait for the socket: a write is handed to the event loop and the caller goes on,
/// unless `maximumOutstandingWrites` are still queued, in which case it waits for this one (so a
/// fast writer cannot grow the queue without bound).
final class DatagramEndpoint: Sendable {
    static let maximumOutstandingWrites = 1024
    /// Receive buffer per datagram: a mailslot datagram is at most 65,535 + 14 bytes, but legal
    /// ones (424 bytes of data) fit well within 2 KB; longer ones are truncated and then rejected.
    static let receiveBufferSize = 2048
    /// Datagrams taken per recvmmsg call. NIO divides one receive buffer among them.
    static let vectorReadCount = 32

    let channel: any Channel
    let localAddress: DatagramAddress
    private let outstanding = Atomic<Int>(0)
    private let flushState = FlushState()
    private let statistics: StatisticsRecorder
    private let tap: DatagramTap

    private init(channel: any Channel, localAddress: DatagramAddress, statistics: StatisticsRecorder, tap: DatagramTap) {
        self.channel = channel
        self.localAddress = localAddress
        self.statistics = statistics
        self.tap = tap
    }

    /// Binds a UDP socket at `address` on NIO's shared event loop group.
    static func bind(_ address: DatagramAddress, receiver: any DatagramReceiver,
                     statistics: StatisticsRecorder, tap: DatagramTap = DatagramTap()) throws -> DatagramEndpoint {
        let bound = LocalAddressBox()
        let bootstrap = DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: receiveBufferSize * vectorReadCount))
            .channelOption(.datagramVectorReadMessageCount, value: vectorReadCount)
            .channelOption(.maxMessagesPerRead, value: 64)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(InboundHandler(receiver: receiver, tap: tap, local: bound))
                }
            }
        let channel = try bootstrap.bind(host: address.host, port: Int(address.port)).wait()
        let port = channel.localAddress?.port.map { UInt16(clamping: $0) } ?? address.port
        let local = DatagramAddress(ipv4: address.ipv4, port: port)
        bound.value.withLock { $0 = local }
        return DatagramEndpoint(channel: channel, localAddress: local, statistics: statistics, tap: tap)
    }

    /// Encodes `datagram` once and sends it to every address.
    ///
    /// The writes are handed to the event loop in one task; flushes are coalesced there, so a burst
    /// of writes leaves in few `sendmmsg` calls instead of one system call each.
    func send(_ datagram: MailslotWriteDatagram, to addresses: [DatagramAddress]) throws(DatagramEncodingError) {
        try DatagramCodec.validate(datagram)
        var buffer = channel.allocator.buffer(capacity: datagram.encodedCount)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: datagram.encodedCount) { raw in
            DatagramCodec.encodeValidated(datagram, into: raw)
        }
        let data = buffer
        if tap.isActive {
            data.withUnsafeReadableBytes { bytes in
                for address in addresses { tap.record(.sent, from: localAddress, to: address, payload: bytes) }
            }
        }
        statistics.record { $0.datagramsSent += addresses.count }
        while outstanding.wrappingAdd(1, ordering: .relaxed).newValue > Self.maximumOutstandingWrites {
            outstanding.wrappingSubtract(1, ordering: .relaxed)
            usleep(50)
        }
        channel.eventLoop.execute { [self] in
            for address in addresses {
                channel.write(AddressedEnvelope(remoteAddress: Self.socketAddress(address), data: data))
                    .whenFailure { [statistics] _ in statistics.record { $0.sendFailures += 1 } }
            }
            scheduleFlush()
            outstanding.wrappingSubtract(1, ordering: .relaxed)
        }
    }

    /// On the event loop: one flush after the writes queued so far. Writes queued before the flush
    /// task run before it and are covered; later ones find no flush pending and schedule another.
    private func scheduleFlush() {
        guard !flushState.pending else { return }
        flushState.pending = true
        channel.eventLoop.execute { [self] in
            flushState.pending = false
            channel.flush()
        }
    }

    /// Built from the numbers, not from text, to keep address parsing off the send path.
    static func socketAddress(_ address: DatagramAddress) -> SocketAddress {
        var raw = sockaddr_in()
        raw.sin_family = sa_family_t(AF_INET)
        raw.sin_port = address.port.bigEndian
        raw.sin_addr.s_addr = address.ipv4.bigEndian
        return SocketAddress(raw, host: "")
    }

    func close(wait: Bool) {
        if wait {
            _ = try? channel.close().wait()
        } else {
            channel.close(promise: nil)
        }
    }
}

/// Touched only on the channel's event loop.
private final class FlushState: @unchecked Sendable {
    var pending = false
}

/// Hands each received payload to the receiver without copying it.
private final class InboundHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let receiver: any DatagramReceiver
    let tap: DatagramTap
    let local: LocalAddressBox

    init(receiver: any DatagramReceiver, tap: DatagramTap, local: LocalAddressBox) {
        self.receiver = receiver
        self.tap = tap
        self.local = local
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        if tap.isActive, let source = DatagramAddress(envelope.remoteAddress) {
            let destination = local.value.withLock { $0 } ?? source
            envelope.data.withUnsafeReadableBytes { tap.record(.received, from: source, to: destination, payload: $0) }
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
