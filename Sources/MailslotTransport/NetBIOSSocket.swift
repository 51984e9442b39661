#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A bound IPv4 UDP socket. Sends are plain `sendto` calls on the caller's thread (the socket is
/// blocking for sends, with a send timeout); reads happen on the reactor's thread only.
final class NetBIOSSocket: Sendable {
    let descriptor: CInt
    let localAddress: DatagramAddress
    /// Held while a thread reads and handles this socket's datagrams (the reactor, or a reader
    /// pumping), so they are handled in arrival order.
    let receiveLock = Mutex(())

    static let socketBufferSize: CInt = 4 << 20
    /// A send waiting for room in the socket buffer gives up after this long.
    static let sendTimeoutMicroseconds = 200_000

    private init(descriptor: CInt, localAddress: DatagramAddress) {
        self.descriptor = descriptor
        self.localAddress = localAddress
    }

    /// Binds `address`. `broadcast` sets SO_BROADCAST (sending to a broadcast address fails with
    /// EACCES without it); `shared` sets SO_REUSEADDR so a unicast and a broadcast socket can
    /// share a port with a wildcard one.
    static func bind(_ address: DatagramAddress, broadcast: Bool = true, shared: Bool = false) throws(SocketError) -> NetBIOSSocket {
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(call: "socket", code: errno) }
        var keep = false
        defer { if !keep { Glibc.close(descriptor) } }
        var size = socketBufferSize
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<CInt>.size))
        var on: CInt = 1
        if broadcast {
            guard setsockopt(descriptor, SOL_SOCKET, SO_BROADCAST, &on, socklen_t(MemoryLayout<CInt>.size)) == 0 else {
                throw SocketError(call: "setsockopt(SO_BROADCAST)", code: errno)
            }
        }
        if shared {
            _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<CInt>.size))
        }
        var timeout = timeval(tv_sec: 0, tv_usec: sendTimeoutMicroseconds)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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
        keep = true
        return NetBIOSSocket(descriptor: descriptor, localAddress: DatagramAddress(ipv4: address.ipv4, port: UInt16(bigEndian: raw.sin_port)))
    }

    /// The sockets of one NetBIOS service: `address`, and when that is a unicast address and a
    /// broadcast address is configured, a second socket on the broadcast address and the same port
    /// (a socket bound to a unicast address receives no broadcasts). A broadcast socket that cannot
    /// be bound is reported through `warn` and left out; `sourceIP` is the address to announce.
    static func bindService(_ address: DatagramAddress, broadcast: DatagramAddress?, warn: (String) -> Void)
        throws(SocketError) -> (unicast: NetBIOSSocket, broadcast: NetBIOSSocket?, sourceIP: UInt32) {
        let wildcard = address.ipv4 == 0
        let needsBroadcastSocket = !wildcard && broadcast.map { $0.ipv4 != address.ipv4 } == true
        let socket = try bind(address, shared: needsBroadcastSocket || wildcard)
        var extra: NetBIOSSocket?
        if needsBroadcastSocket, let broadcast {
            let port = socket.localAddress.port
            do {
                extra = try bind(DatagramAddress(ipv4: broadcast.ipv4, port: port), shared: true)
            } catch {
                warn("Cannot bind the broadcast address \(broadcast.host):\(port): \(error); broadcasts to it are not received.")
            }
        }
        return (socket, extra, InterfaceAddress.sourceAddress(boundTo: address.ipv4, broadcast: broadcast?.ipv4))
    }

    /// Sends one datagram; the error when the system refused it.
    func send(_ payload: UnsafeRawBufferPointer, to address: DatagramAddress) -> SocketError? {
        var destination = Self.socketAddress(address)
        while true {
            let result = withUnsafePointer(to: &destination) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, payload.baseAddress, payload.count, Int32(MSG_NOSIGNAL), $0,
                           socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if result >= 0 { return nil }
            let code = errno
            if code == EINTR { continue }
            return SocketError(call: "sendto", code: code)
        }
    }

    func close() { Glibc.close(descriptor) }

    static func socketAddress(_ address: DatagramAddress) -> sockaddr_in {
        var raw = sockaddr_in()
        raw.sin_family = sa_family_t(AF_INET)
        raw.sin_port = address.port.bigEndian
        raw.sin_addr.s_addr = address.ipv4.bigEndian
        return raw
    }
}

/// A failed socket call, described as the system describes its error.
struct SocketError: Error, CustomStringConvertible {
    var call: String
    var code: CInt
    var description: String { "\(call): \(String(cString: strerror(code))) (errno: \(code))" }
}

/// The IPv4 interfaces of this host (address and broadcast address), from `getifaddrs`.
struct InterfaceAddress: Equatable {
    var ipv4: UInt32
    var broadcast: UInt32?
    var isLoopback: Bool

    static func all() -> [InterfaceAddress] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var result: [InterfaceAddress] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let flags = Int32(entry.pointee.ifa_flags)
            guard flags & Int32(IFF_UP) != 0 else { continue }
            let ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
            var broadcast: UInt32?
            if flags & Int32(IFF_BROADCAST) != 0, let raw = entry.pointee.ifa_ifu.ifu_broadaddr {
                broadcast = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
            }
            result.append(InterfaceAddress(ipv4: ipv4, broadcast: broadcast, isLoopback: flags & Int32(IFF_LOOPBACK) != 0))
        }
        return result
    }

    /// The address to send as SOURCE_IP (and to answer name queries with) for a socket bound to
    /// `bound`: the bound address itself, or for the wildcard address the interface on the
    /// broadcast address's subnet, else the first interface that is not loopback.
    static func sourceAddress(boundTo bound: UInt32, broadcast: UInt32?) -> UInt32 {
        guard bound == 0 else { return bound }
        let interfaces = all()
        if let broadcast, let match = interfaces.first(where: { $0.broadcast == broadcast }) { return match.ipv4 }
        return interfaces.first(where: { !$0.isLoopback })?.ipv4 ?? 0x7F00_0001
    }
}
