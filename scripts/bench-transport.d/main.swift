// Transport benchmark, compiled together with the MailslotTransport sources by
// scripts/bench-transport (release, whole-module). Prints one line per figure.
import Glibc
import Synchronization

@inline(__always) func nowNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

final class BenchThread: @unchecked Sendable {
    private var thread = pthread_t()
    private let body: @Sendable () -> Void
    private init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    static func start(_ body: @escaping @Sendable () -> Void) -> BenchThread {
        let box = BenchThread(body)
        pthread_create(&box.thread, nil, { raw in
            Unmanaged<BenchThread>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, Unmanaged.passRetained(box).toOpaque())
        return box
    }
    func join() { pthread_join(thread, nil) }
}

func percentile(_ sorted: [UInt64], _ p: Double) -> Double {
    Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1000
}

func report(_ label: String, _ value: Double, _ unit: String) {
    let number = unit == "x" || (unit == "us" && value < 10) ? String(Double(Int((value * 100).rounded())) / 100)
        : String(Int(value.rounded()))
    let paddedLabel = label + String(repeating: " ", count: max(1, 50 - label.count))
    print(paddedLabel + String(repeating: " ", count: max(0, 10 - number.count)) + number + " " + unit)
}

let arguments = CommandLine.arguments
let localCount = arguments.count > 1 ? Int(arguments[1])! : 2_000_000
let remoteCount = arguments.count > 2 ? Int(arguments[2])! : 200_000
let latencyCount = 20_000
let window = 128

// MARK: Local

func benchLocal() throws {
    let service = MailslotService(configuration: TransportConfiguration(computerName: "BENCH", endpoint: "127.0.0.1:0"))
    defer { service.shutdown() }
    try service.createMailslot(name: "bench", readTimeout: 0)
    let slot = try service.mailslot(name: "bench")
    let message = [UInt8](repeating: 0x41, count: 16)
    var start = nowNanoseconds()
    for _ in 0..<localCount {
        try slot.write(message)
        _ = try slot.read(timeout: 0)
    }
    var seconds = Double(nowNanoseconds() - start) / 1e9
    report("local write+read (mailslot handle)", Double(localCount) / seconds, "msgs/s")

    start = nowNanoseconds()
    let pathCount = localCount / 4
    for _ in 0..<pathCount {
        try service.write(path: #"\\.\mailslot\bench"#, data: message)
        _ = try service.read(name: "bench", timeout: 0)
    }
    seconds = Double(nowNanoseconds() - start) / 1e9
    report("local write+read (by path, parsed each time)", Double(pathCount) / seconds, "msgs/s")

    // Writer and reader on two threads.
    let reader = BenchThread.start {
        for _ in 0..<localCount { _ = try? slot.read(timeout: 10_000) }
    }
    start = nowNanoseconds()
    for _ in 0..<localCount {
        // The queue is bounded by Windows' quota: a writer ahead of its reader waits for room.
        var written = false
        while !written {
            do {
                try slot.write(message)
                written = true
            } catch {
                guard error == .notEnoughQuota else { throw error }
                sched_yield()
            }
        }
    }
    reader.join()
    seconds = Double(nowNanoseconds() - start) / 1e9
    report("local write | read on two threads", Double(localCount) / seconds, "msgs/s")
}

// MARK: Remote over loopback

func temporaryDirectory() -> String {
    var template = Array("/tmp/bench-transport-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}

func benchRemote() throws -> (rate: Double, p50: Double, p99: Double) {
    let directory = temporaryDirectory()
    let lmhosts = directory + "/lmhosts"
    let sender = MailslotService(configuration: TransportConfiguration(
        computerName: "SENDER", endpoint: "127.0.0.1:0", lmhostsPath: lmhosts), policy: .allowed)
    let receiver = MailslotService(configuration: TransportConfiguration(
        computerName: "RECEIVER", endpoint: "127.0.0.1:0", lmhostsPath: lmhosts), policy: .allowed)
    defer { sender.shutdown(); receiver.shutdown() }
    try sender.createMailslot(name: "unused")
    try receiver.createMailslot(name: "bench", readTimeout: 2000)
    let fd = open(lmhosts, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let line = "\(receiver.boundEndpoint!) RECEIVER\n"
    _ = Array(line.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    let slot = try receiver.mailslot(name: "bench")
    let path = #"\\RECEIVER\mailslot\bench"#

    // Throughput, with at most `window` messages in flight so the socket buffer never overflows.
    let received = Atomic<Int>(0)
    let count = remoteCount
    let reader = BenchThread.start {
        while received.load(ordering: .relaxed) < count {
            guard (try? slot.read(timeout: 2000)) != nil else { break }
            received.wrappingAdd(1, ordering: .relaxed)
        }
    }
    let message = [UInt8](repeating: 0x42, count: 100)
    let start = nowNanoseconds()
    for sent in 0..<count {
        while sent - received.load(ordering: .relaxed) >= window { sched_yield() }
        try sender.write(path: path, data: message)
    }
    reader.join()
    let seconds = Double(nowNanoseconds() - start) / 1e9
    let rate = Double(received.load(ordering: .relaxed)) / seconds

    // One-way latency: one message at a time, send time stamped in the message.
    var latencies: [UInt64] = []
    latencies.reserveCapacity(latencyCount)
    var stamped = message
    for _ in 0..<latencyCount {
        let sentAt = nowNanoseconds()
        withUnsafeBytes(of: sentAt) { for (index, byte) in $0.enumerated() { stamped[index] = byte } }
        try sender.write(path: path, data: stamped)
        let got = try slot.read(timeout: 2000)
        let arrived = nowNanoseconds()
        let stamp = got[0..<8].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        latencies.append(arrived - stamp)
    }
    latencies.sort()
    return (rate, percentile(latencies, 0.5), percentile(latencies, 0.99))
}

// MARK: Plain UDP floor

func udpSocket() -> (fd: Int32, port: UInt16) {
    let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
            _ = bind(fd, pointer, length)
            return getsockname(fd, pointer, &length)
        }
    }
    return (fd, UInt16(bigEndian: address.sin_port))
}

func benchPlainUDP(payloadSize: Int) -> (rate: Double, p50: Double, p99: Double) {
    let (senderFD, _) = udpSocket()
    let (receiverFD, port) = udpSocket()
    defer { close(senderFD); close(receiverFD) }
    var destination = sockaddr_in()
    destination.sin_family = sa_family_t(AF_INET)
    destination.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    destination.sin_port = port.bigEndian
    let destinationCopy = destination
    func send(_ payload: [UInt8]) {
        var target = destinationCopy
        _ = payload.withUnsafeBytes { raw in
            withUnsafePointer(to: &target) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(senderFD, raw.baseAddress, raw.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }
    let received = Atomic<Int>(0)
    let count = remoteCount
    let reader = BenchThread.start {
        var buffer = [UInt8](repeating: 0, count: 2048)
        while received.load(ordering: .relaxed) < count {
            let n = buffer.withUnsafeMutableBytes { recvfrom(receiverFD, $0.baseAddress, $0.count, 0, nil, nil) }
            if n < 0 { break }
            _ = Array(buffer[0..<n])   // the copy a mailslot queue would make
            received.wrappingAdd(1, ordering: .relaxed)
        }
    }
    let payload = [UInt8](repeating: 0x42, count: payloadSize)
    let start = nowNanoseconds()
    for sent in 0..<count {
        while sent - received.load(ordering: .relaxed) >= window { sched_yield() }
        send(payload)
    }
    reader.join()
    let rate = Double(count) / (Double(nowNanoseconds() - start) / 1e9)

    var latencies: [UInt64] = []
    var stamped = payload
    var buffer = [UInt8](repeating: 0, count: 2048)
    for _ in 0..<latencyCount {
        let sentAt = nowNanoseconds()
        withUnsafeBytes(of: sentAt) { for (index, byte) in $0.enumerated() { stamped[index] = byte } }
        send(stamped)
        _ = buffer.withUnsafeMutableBytes { recvfrom(receiverFD, $0.baseAddress, $0.count, 0, nil, nil) }
        let arrived = nowNanoseconds()
        latencies.append(arrived - buffer[0..<8].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    }
    latencies.sort()
    return (rate, percentile(latencies, 0.5), percentile(latencies, 0.99))
}

/// The plain floor without flow control, as the shells run: the sender sends as fast as it can, the
/// receiver (with the shell endpoint's 4 MB receive buffer) takes what arrives; the rate is what the
/// receiver got between its first and last datagram.
func benchPlainBlast(payloadSize: Int, count: Int) -> (rate: Double, lost: Int, cpuPerMessage: Double) {
    let cpuStart = cpuNanoseconds()
    let (senderFD, _) = udpSocket()
    let (receiverFD, port) = udpSocket()
    defer { close(senderFD); close(receiverFD) }
    var size: Int32 = 4 << 20
    setsockopt(receiverFD, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    var idle = timeval(tv_sec: 0, tv_usec: 300_000)
    setsockopt(receiverFD, SOL_SOCKET, SO_RCVTIMEO, &idle, socklen_t(MemoryLayout<timeval>.size))
    let result = Mutex((received: 0, first: UInt64(0), last: UInt64(0)))
    let reader = BenchThread.start {
        var buffer = [UInt8](repeating: 0, count: 2048)
        var received = 0, first: UInt64 = 0, last: UInt64 = 0
        while received < count {
            let n = buffer.withUnsafeMutableBytes { recvfrom(receiverFD, $0.baseAddress, $0.count, 0, nil, nil) }
            if n < 0 { break }
            _ = Array(buffer[0..<n])   // the copy a mailslot queue would make
            last = nowNanoseconds()
            if received == 0 { first = last }
            received += 1
        }
        result.withLock { $0 = (received, first, last) }
    }
    var destination = sockaddr_in()
    destination.sin_family = sa_family_t(AF_INET)
    destination.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    destination.sin_port = port.bigEndian
    let payload = [UInt8](repeating: 0x42, count: payloadSize)
    payload.withUnsafeBytes { raw in
        withUnsafePointer(to: &destination) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { target in
                for _ in 0..<count {
                    _ = sendto(senderFD, raw.baseAddress, raw.count, 0, target, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }
    reader.join()
    let (received, first, last) = result.withLock { $0 }
    return (Double(received - 1) / (Double(max(last - first, 1)) / 1e9), count - received,
            Double(cpuNanoseconds() - cpuStart) / 1000 / Double(max(received, 1)))
}

/// CPU time of the whole process (every thread), which a loaded machine does not inflate.
func cpuNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Round trips between two plain UDP sockets on two threads, one payload in flight: the floor of a
/// ping-pong between two hosts.
func benchPlainPingPong(payloadSize: Int, count: Int) -> (p50: Double, p99: Double) {
    let (pingFD, pingPort) = udpSocket()
    let (echoFD, echoPort) = udpSocket()
    defer { close(pingFD); close(echoFD) }
    func address(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = port.bigEndian
        return address
    }
    @Sendable func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ count: Int, to target: sockaddr_in) {
        var target = target
        _ = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, buffer.baseAddress, count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }
    let toPing = address(pingPort), toEcho = address(echoPort)
    let echo = BenchThread.start {
        var buffer = [UInt8](repeating: 0, count: 2048)
        buffer.withUnsafeMutableBytes { raw in
            for _ in 0..<count {
                let n = recvfrom(echoFD, raw.baseAddress, raw.count, 0, nil, nil)
                if n < 0 { return }
                send(echoFD, UnsafeRawBufferPointer(raw), n, to: toPing)
            }
        }
    }
    var rtts: [UInt64] = []
    rtts.reserveCapacity(count)
    var payload = [UInt8](repeating: 0x42, count: payloadSize)
    var buffer = [UInt8](repeating: 0, count: 2048)
    payload.withUnsafeMutableBytes { out in
        buffer.withUnsafeMutableBytes { input in
            for _ in 0..<count {
                let start = nowNanoseconds()
                send(pingFD, UnsafeRawBufferPointer(out), out.count, to: toEcho)
                _ = recvfrom(pingFD, input.baseAddress, input.count, 0, nil, nil)
                rtts.append(nowNanoseconds() - start)
            }
        }
    }
    echo.join()
    rtts.sort()
    return (percentile(rtts, 0.5), percentile(rtts, 0.99))
}

/// One line per figure, `label  value unit`; scripts/bench-transport.d/bench.py reads them by label.
@main
struct BenchTransport {
    static func main() throws {
        try benchLocal()
        let remote = try benchRemote()
        let payload = 152 + #"\MAILSLOT\bench"#.utf8.count + 100
        let plain = benchPlainUDP(payloadSize: payload)
        let pingPong = benchPlainPingPong(payloadSize: payload, count: latencyCount)
        let blast = benchPlainBlast(payloadSize: payload, count: remoteCount)
        report("remote 100-byte messages, two services in one process", remote.rate, "msgs/s")
        report("plain UDP sendto/recvfrom, \(payload)-byte payload", plain.rate, "msgs/s")
        report("plain UDP sendto/recvfrom without flow control", blast.rate, "msgs/s")
        report("plain UDP datagrams lost without flow control", Double(blast.lost), "datagrams")
        report("plain UDP CPU time per message, both ends", blast.cpuPerMessage, "us")
        report("in-process remote / plain throughput ratio", remote.rate / plain.rate, "x")
        report("in-process remote one-way latency p50", remote.p50, "us")
        report("in-process remote one-way latency p99", remote.p99, "us")
        report("plain UDP one-way latency p50", plain.p50, "us")
        report("plain UDP one-way latency p99", plain.p99, "us")
        report("plain UDP ping-pong round trip p50", pingPong.p50, "us")
        report("plain UDP ping-pong round trip p99", pingPong.p99, "us")
    }
}
