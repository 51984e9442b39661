import Glibc
@testable import MailslotTransport

/// A plain blocking UDP socket on 127.0.0.1, the independent peer of the service in tests.
final class UDPSocket: @unchecked Sendable {
    let fd: Int32
    let port: UInt16

    init(port: UInt16 = 0) {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        self.fd = fd
        var address = Self.loopback(port: port)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: Glibc.sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: Glibc.sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: bound.sin_port)
    }

    deinit { close(fd) }

    var address: DatagramAddress { DatagramAddress(ipv4: 0x7F00_0001, port: port) }

    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    @discardableResult
    func send(_ bytes: [UInt8], to port: UInt16) -> Bool {
        var destination = Self.loopback(port: port)
        let sent = bytes.withUnsafeBytes { raw in
            withUnsafePointer(to: &destination) {
                $0.withMemoryRebound(to: Glibc.sockaddr.self, capacity: 1) {
                    sendto(fd, raw.baseAddress, raw.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        return sent == bytes.count
    }

    /// The next datagram, or nil after `timeoutMilliseconds`.
    func receive(timeoutMilliseconds: Int) -> [UInt8]? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeoutMilliseconds)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 70_000)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count >= 0 ? Array(buffer[0..<count]) : nil
    }
}

/// Polls `condition` until it holds or `milliseconds` pass.
func eventually(within milliseconds: UInt64 = 3000, _ condition: () -> Bool) -> Bool {
    let deadline = LocalMailslot.nowMilliseconds() + milliseconds
    while LocalMailslot.nowMilliseconds() < deadline {
        if condition() { return true }
        usleep(2000)
    }
    return condition()
}

/// A fresh temporary directory.
func temporaryDirectory() -> String {
    var template = Array("/tmp/mailslot-tests-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}

func writeFile(_ path: String, _ text: String) {
    let temporary = path + ".tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    rename(temporary, path)
}
