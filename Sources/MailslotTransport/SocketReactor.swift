#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One thread that waits on a service's UDP sockets with `poll`, reads what arrives with
/// non-blocking `recvfrom` calls and hands each payload to the socket's handler on that thread; it also runs the
/// service's timers (name registration retries, browser announcements).
///
/// A received datagram costs no thread hop: the handler decodes it and queues the message in the
/// mailslot straight from the receive buffer.
final class SocketReactor: Sendable {
    typealias Handler = @Sendable (_ payload: UnsafeRawBufferPointer, _ source: DatagramAddress) -> Void

    /// Receive buffer per datagram: legal NetBIOS datagrams and name service packets fit well
    /// within 2 KB; longer ones are truncated (and then rejected by the decoders).
    static let receiveBufferSize = 2048
    /// Datagrams read from one socket before polling again.
    static let batchCount = 64

    private struct Timer {
        var deadline: UInt64
        var task: @Sendable () -> Void
    }

    private struct State {
        var sockets: [(socket: NetBIOSSocket, handler: Handler)] = []
        var timers: [Timer] = []
        var stopped = false
    }

    private let state = Mutex(State())
    /// A pipe written to wake the thread (a new socket, a sooner timer, a stop).
    private let wakeDescriptor: CInt
    private let wakeWriter: CInt
    private let thread = Mutex<pthread_t?>(nil)
    private let threadID = Atomic<Int>(0)

    init() throws(SocketError) {
        var ends: [CInt] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SocketError(call: "pipe", code: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
    }

    /// Starts the thread (once).
    func start() throws(SocketError) {
        let box = Unmanaged.passRetained(self)
        var handle = pthread_t()
        let created = pthread_create(&handle, nil, { raw in
            let reactor = Unmanaged<SocketReactor>.fromOpaque(raw!).takeRetainedValue()
            reactor.run()
            return nil
        }, box.toOpaque())
        guard created == 0 else {
            box.release()
            throw SocketError(call: "pthread_create", code: created)
        }
        thread.withLock { $0 = handle }
    }

    /// Adds a socket; its datagrams go to `handler` from now on.
    func add(_ socket: NetBIOSSocket, handler: @escaping Handler) {
        state.withLock { $0.sockets.append((socket, handler)) }
        wake()
    }

    /// Runs `task` on the reactor thread after `milliseconds`.
    func schedule(afterMilliseconds milliseconds: UInt64, _ task: @escaping @Sendable () -> Void) {
        let deadline = LocalMailslot.nowMilliseconds() + milliseconds
        let stopped = state.withLock { state -> Bool in
            guard !state.stopped else { return true }
            state.timers.append(Timer(deadline: deadline, task: task))
            return false
        }
        if !stopped { wake() }
    }

    /// True on the reactor's own thread.
    var isCurrentThread: Bool { threadID.load(ordering: .acquiring) == Int(bitPattern: UInt(pthread_self())) }

    /// Stops the thread, closes the sockets and, unless called from the thread itself, waits for it.
    func stop() {
        let alreadyStopped = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return state.stopped
        }
        guard !alreadyStopped else { return }
        guard let handle = thread.withLock({ $0 }) else {
            // Never started: nothing else owns the descriptors.
            let sockets = state.withLock { state in
                defer { state.sockets.removeAll() }
                return state.sockets.map(\.socket)
            }
            for socket in sockets { socket.close() }
            Glibc.close(wakeDescriptor)
            Glibc.close(wakeWriter)
            return
        }
        wake()
        guard !isCurrentThread else { return }
        pthread_join(handle, nil)
    }

    /// A reader's wait (`LocalMailslot.Pump`): polls the sockets and `wakeDescriptor` for at most
    /// `milliseconds` and handles what the sockets hold on the calling thread. Both this and the
    /// reactor thread wake for a datagram; the per-socket lock makes one of them handle it.
    func pump(wakeDescriptor: CInt, milliseconds: Int32) {
        let entries = state.withLock { $0.stopped ? [] : $0.sockets }
        var pollSet = [pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        for entry in entries { pollSet.append(pollfd(fd: entry.socket.descriptor, events: Int16(POLLIN), revents: 0)) }
        guard poll(&pollSet, nfds_t(pollSet.count), milliseconds) > 0 else { return }
        guard pollSet.dropFirst().contains(where: { $0.revents != 0 }) else { return }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.receiveBufferSize, alignment: 16)
        defer { buffer.deallocate() }
        for (index, entry) in entries.enumerated() where pollSet[index + 1].revents != 0 {
            Self.drain(entry.socket, handler: entry.handler, buffer: buffer)
        }
    }

    private func wake() {
        var one: UInt8 = 1
        _ = Glibc.write(wakeWriter, &one, 1)
    }

    private func run() {
        threadID.store(Int(bitPattern: UInt(pthread_self())), ordering: .releasing)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.receiveBufferSize, alignment: 16)
        defer {
            buffer.deallocate()
            let sockets = state.withLock { state in
                defer { state.sockets.removeAll() }
                return state.sockets.map(\.socket)
            }
            for socket in sockets { socket.close() }
            Glibc.close(wakeDescriptor)
            Glibc.close(wakeWriter)
        }
        var pollSet: [pollfd] = []
        while true {
            let (stopped, entries, due, nextDeadline) = state.withLock { state in
                let now = LocalMailslot.nowMilliseconds()
                var due: [@Sendable () -> Void] = []
                var next: UInt64?
                if !state.timers.isEmpty {
                    state.timers.removeAll { timer in
                        guard timer.deadline <= now else { return false }
                        due.append(timer.task)
                        return true
                    }
                    next = state.timers.lazy.map(\.deadline).min()
                }
                return (state.stopped, state.sockets, due, next)
            }
            if stopped { return }
            for task in due { task() }
            if !due.isEmpty { continue }
            pollSet.removeAll(keepingCapacity: true)
            pollSet.append(pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0))
            for entry in entries { pollSet.append(pollfd(fd: entry.socket.descriptor, events: Int16(POLLIN), revents: 0)) }
            var timeout: CInt = -1
            if let nextDeadline {
                let now = LocalMailslot.nowMilliseconds()
                timeout = nextDeadline <= now ? 0 : CInt(clamping: nextDeadline - now)
            }
            let ready = poll(&pollSet, nfds_t(pollSet.count), timeout)
            if ready <= 0 { continue }
            if pollSet[0].revents != 0 {
                var drained = [UInt8](repeating: 0, count: 64)
                while Glibc.read(wakeDescriptor, &drained, 64) > 0 {}
            }
            for (index, entry) in entries.enumerated() where pollSet[index + 1].revents != 0 {
                Self.drain(entry.socket, handler: entry.handler, buffer: buffer)
            }
        }
    }

    /// Reads what the socket holds, up to `batchCount` datagrams (then polls again so one busy
    /// socket cannot starve the others or the timers).
    private static func drain(_ socket: NetBIOSSocket, handler: Handler, buffer: UnsafeMutableRawPointer) {
        socket.receiveLock.withLock { _ in drainLocked(socket, handler: handler, buffer: buffer) }
    }

    private static func drainLocked(_ socket: NetBIOSSocket, handler: Handler, buffer: UnsafeMutableRawPointer) {
        var address = sockaddr_in()
        for _ in 0..<Self.batchCount {
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let count = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(socket.descriptor, buffer, Self.receiveBufferSize, Int32(MSG_DONTWAIT), $0, &length)
                }
            }
            if count < 0 {
                if errno == EINTR { continue }
                return   // EAGAIN: empty; other errors (ICMP reports) leave the socket as it is
            }
            let source = DatagramAddress(ipv4: UInt32(bigEndian: address.sin_addr.s_addr), port: UInt16(bigEndian: address.sin_port))
            handler(UnsafeRawBufferPointer(start: buffer, count: count), source)
        }
    }
}
