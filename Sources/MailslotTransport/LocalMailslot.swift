import Glibc

/// What `GetMailslotInfo` reports about a mailslot.
public struct MailslotInfo: Sendable, Equatable {
    /// `MAILSLOT_NO_MESSAGE`: the next-size value of an empty mailslot.
    public static let noMessage: UInt32 = .max
    /// `MAILSLOT_WAIT_FOREVER`: a read timeout that never expires.
    public static let waitForever: UInt32 = .max

    public let name: MailslotName
    /// Largest message accepted, in bytes; 0 means any size.
    public let maxMessageSize: UInt32
    /// Size of the next message, or `MailslotInfo.noMessage` when the queue is empty.
    public let nextSize: UInt32
    /// Messages waiting to be read.
    public let messageCount: UInt32
    /// Read timeout in milliseconds (`MailslotInfo.waitForever` = forever).
    public let readTimeout: UInt32

    public init(name: MailslotName, maxMessageSize: UInt32, nextSize: UInt32, messageCount: UInt32, readTimeout: UInt32) {
        self.name = name
        self.maxMessageSize = maxMessageSize
        self.nextSize = nextSize
        self.messageCount = messageCount
        self.readTimeout = readTimeout
    }
}

/// One local mailslot: a FIFO of messages with `CreateMailslot` semantics.
///
/// Thread-safe. Writers never block; readers wait on a condition variable in slices of at most
/// `LocalMailslot.cancellationPollInterval` so a cancelled read (Ctrl-C) returns promptly.
public final class LocalMailslot: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `mutex`.

    /// Upper bound on the bytes queued in one mailslot (message bytes plus bookkeeping), standing in
    /// for the nonpaged pool quota Windows charges; writes beyond it fail with ERROR_NOT_ENOUGH_QUOTA.
    public static let queueQuota = 64 << 20
    /// How often a blocked read checks its cancellation callback, in milliseconds.
    public static let cancellationPollInterval: UInt32 = 20
    static let perMessageOverhead = 32

    public let name: MailslotName
    public let maxMessageSize: UInt32

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue = MessageQueue()
    private var queuedBytes = 0
    private var readTimeoutValue: UInt32
    private var waiters = 0
    /// Readers waiting in a `Pump` (on the sockets and `wakePipe`) rather than on the condition.
    private var pumpingReaders = 0
    /// Written to when a message arrives while a reader pumps: read end, write end.
    private var wakePipe: (CInt, CInt)?
    private var closed = false

    init(name: MailslotName, maxMessageSize: UInt32, readTimeout: UInt32) {
        self.name = name
        self.maxMessageSize = maxMessageSize
        self.readTimeoutValue = readTimeout
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        if let wakePipe {
            Glibc.close(wakePipe.0)
            Glibc.close(wakePipe.1)
        }
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    @inline(__always) private func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// The read timeout in milliseconds; setting it is `SetMailslotInfo`.
    public var readTimeout: UInt32 {
        get { locked { readTimeoutValue } }
        set { locked { readTimeoutValue = newValue } }
    }

    /// `GetMailslotInfo`. Fails with ERROR_INVALID_HANDLE once the mailslot is deleted.
    public func info() throws(Win32Error) -> MailslotInfo {
        try locked { () throws(Win32Error) -> MailslotInfo in
            guard !closed else { throw .invalidHandle }
            return MailslotInfo(
                name: name, maxMessageSize: maxMessageSize,
                nextSize: queue.first.map { UInt32(truncatingIfNeeded: $0.count) } ?? MailslotInfo.noMessage,
                messageCount: UInt32(clamping: queue.count), readTimeout: readTimeoutValue)
        }
    }

    /// Checks a message size against `maxMessageSize` (ERROR_INVALID_PARAMETER when larger).
    @inline(__always) func checkSize(_ count: Int) throws(Win32Error) {
        if maxMessageSize != 0 && count > Int(maxMessageSize) { throw .invalidParameter }
    }

    /// Queues one message (a client `WriteFile`). The array is stored as is, without a copy.
    public func write(_ message: [UInt8]) throws(Win32Error) {
        try checkSize(message.count)
        try enqueue(message)
    }

    func enqueue(_ message: [UInt8]) throws(Win32Error) {
        let cost = message.count + Self.perMessageOverhead
        let wake = try locked { () throws(Win32Error) -> Bool in
            guard !closed else { throw .fileNotFound }
            guard queuedBytes + cost <= Self.queueQuota else { throw .notEnoughQuota }
            queue.append(message)
            queuedBytes += cost
            if pumpingReaders > 0, let wakePipe {
                var one: UInt8 = 1
                _ = Glibc.write(wakePipe.1, &one, 1)
            }
            return waiters > 0
        }
        if wake { pthread_cond_signal(condition) }
    }

    /// Takes the oldest message (a server `ReadFile`).
    ///
    /// - Parameters:
    ///   - timeout: milliseconds to wait on an empty queue; `nil` uses the mailslot's read timeout,
    ///     `MailslotInfo.waitForever` waits until a message arrives.
    ///   - isCancelled: polled while waiting; when it returns true the read fails with
    ///     ERROR_OPERATION_ABORTED.
    /// - Throws: ERROR_SEM_TIMEOUT when the wait expires; ERROR_INVALID_HANDLE when the mailslot is
    ///   deleted.
    /// Waits for input on the caller's thread: polls the service's sockets and `wakeDescriptor`
    /// for at most the given milliseconds, handling what the sockets hold. A reader that pumps
    /// receives a remote message without waiting for another thread to hand it over.
    public typealias Pump = (_ wakeDescriptor: CInt, _ milliseconds: Int32) -> Void

    public func read(timeout: UInt32? = nil, isCancelled: @Sendable () -> Bool = { false },
                     pump: Pump? = nil) throws(Win32Error) -> [UInt8] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let message = try takeLocked() { return message }
        let wait = timeout ?? readTimeoutValue
        guard wait != 0 else { throw .semTimeout }
        let deadline: UInt64? = wait == MailslotInfo.waitForever ? nil : Self.nowMilliseconds() + UInt64(wait)
        waiters += 1
        defer { waiters -= 1 }
        while true {
            // The callback runs unlocked: it may be slow or touch this mailslot.
            pthread_mutex_unlock(mutex)
            let cancelled = isCancelled()
            pthread_mutex_lock(mutex)
            if cancelled { throw .operationAborted }
            if let message = try takeLocked() { return message }
            var slice = UInt64(Self.cancellationPollInterval)
            if let deadline {
                let now = Self.nowMilliseconds()
                guard now < deadline else { throw .semTimeout }
                slice = min(slice, deadline - now)
            }
            if let pump, let wake = pumpWakeDescriptor() {
                pumpingReaders += 1
                pthread_mutex_unlock(mutex)
                pump(wake, Int32(slice))
                var drained = [UInt8](repeating: 0, count: 16)
                while Glibc.read(wake, &drained, 16) > 0 {}
                pthread_mutex_lock(mutex)
                pumpingReaders -= 1
                if let message = try takeLocked() { return message }
                continue
            }
            var until = timespec()
            clock_gettime(CLOCK_MONOTONIC, &until)
            let nanoseconds = Int(until.tv_nsec) + Int(slice) * 1_000_000
            until.tv_sec += nanoseconds / 1_000_000_000
            until.tv_nsec = nanoseconds % 1_000_000_000
            pthread_cond_timedwait(condition, mutex, &until)
            if let message = try takeLocked() { return message }
        }
    }

    /// The read end of the wake pipe, created on first use; nil if no pipe can be made (the reader
    /// then waits on the condition). Caller holds the mutex.
    private func pumpWakeDescriptor() -> CInt? {
        if let wakePipe { return wakePipe.0 }
        var ends: [CInt] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakePipe = (ends[0], ends[1])
        return ends[0]
    }

    /// Caller holds the mutex.
    @inline(__always) private func takeLocked() throws(Win32Error) -> [UInt8]? {
        guard !closed else { throw .invalidHandle }
        guard let message = queue.popFirst() else { return nil }
        queuedBytes -= message.count + Self.perMessageOverhead
        return message
    }

    /// Deletes the mailslot: unread messages are discarded and blocked readers fail.
    func close() {
        locked {
            closed = true
            queue = MessageQueue()
            queuedBytes = 0
            if pumpingReaders > 0, let wakePipe {
                var one: UInt8 = 1
                _ = Glibc.write(wakePipe.1, &one, 1)
            }
        }
        pthread_cond_broadcast(condition)
    }

    static func nowMilliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec) / 1_000_000
    }
}

/// A FIFO of messages over one array with a moving head, compacted when the head passes half.
struct MessageQueue {
    private var storage: ContiguousArray<[UInt8]> = []
    private var head = 0

    var count: Int { storage.count - head }
    var first: [UInt8]? { head < storage.count ? storage[head] : nil }

    mutating func append(_ message: [UInt8]) { storage.append(message) }

    mutating func popFirst() -> [UInt8]? {
        guard head < storage.count else { return nil }
        let message = storage[head]
        storage[head] = []
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return message
    }
}
