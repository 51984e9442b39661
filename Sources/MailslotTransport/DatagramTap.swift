import Glibc
import Synchronization

/// One datagram as it crossed this host's UDP endpoint.
public struct TappedDatagram: Sendable {
    public enum Direction: String, Sendable {
        case sent = "Sent"
        case received = "Received"
    }

    public let direction: Direction
    public let source: DatagramAddress
    public let destination: DatagramAddress
    /// The UDP payload: the NetBIOS datagram from MSG_TYPE on.
    public let payload: [UInt8]
    /// Wall-clock time, seconds and microseconds since 1970 (pcap's resolution).
    public let seconds: UInt32
    public let microseconds: UInt32

    public init(direction: Direction, source: DatagramAddress, destination: DatagramAddress, payload: [UInt8],
                seconds: UInt32, microseconds: UInt32) {
        self.direction = direction
        self.source = source
        self.destination = destination
        self.payload = payload
        self.seconds = seconds
        self.microseconds = microseconds
    }
}

/// A passive observer of every datagram the endpoint sends or receives (before any decoding or
/// policy check), for packet captures. Inactive it costs one relaxed atomic load per datagram.
///
/// A datagram the host sends to itself is observed once, when it is sent.
public final class DatagramTap: Sendable {
    private let active = Atomic<Bool>(false)
    private let observer = Mutex<(@Sendable (TappedDatagram) -> Void)?>(nil)

    public init() {}

    /// Starts observing; replaces any previous observer. The observer runs on the sending thread
    /// or on the thread that reads the socket, and must not block.
    public func start(_ handler: @escaping @Sendable (TappedDatagram) -> Void) {
        observer.withLock { $0 = handler }
        active.store(true, ordering: .releasing)
    }

    /// Stops observing; no call to the observer starts after this returns.
    public func stop() {
        active.store(false, ordering: .releasing)
        observer.withLock { $0 = nil }
    }

    public var isActive: Bool { active.load(ordering: .relaxed) }

    @inline(__always)
    func record(_ direction: TappedDatagram.Direction, from source: DatagramAddress, to destination: DatagramAddress,
                payload: UnsafeRawBufferPointer) {
        guard active.load(ordering: .relaxed) else { return }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let datagram = TappedDatagram(direction: direction, source: source, destination: destination,
                                      payload: Array(payload), seconds: UInt32(truncatingIfNeeded: now.tv_sec),
                                      microseconds: UInt32(truncatingIfNeeded: now.tv_nsec / 1000))
        observer.withLock { $0?(datagram) }
    }
}
