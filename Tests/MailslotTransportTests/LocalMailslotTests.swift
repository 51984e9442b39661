import Glibc
import Synchronization
import Testing
@testable import MailslotTransport

@Suite struct LocalMailslotTests {
    let service = MailslotService(configuration: TransportConfiguration(computerName: "LOCALTEST", endpoint: "127.0.0.1:0"))

    @Test func createReportsInfoAndRejectsDuplicatesInAnyCase() throws {
        defer { service.shutdown() }
        let info = try service.createMailslot(name: #"\\.\mailslot\Lab\Deep\Name"#, maxMessageSize: 64, readTimeout: 250)
        #expect(info.maxMessageSize == 64)
        #expect(info.readTimeout == 250)
        #expect(info.messageCount == 0)
        #expect(info.nextSize == MailslotInfo.noMessage)
        #expect(throws: Win32Error.alreadyExists) { try service.createMailslot(name: #"\\.\MAILSLOT\lab\deep\name"#) }
        #expect(throws: Win32Error.alreadyExists) { try service.createMailslot(name: #"LAB\DEEP\NAME"#) }
        #expect(throws: Win32Error.invalidName) { try service.createMailslot(name: #"\\HOST\mailslot\x"#) }
        #expect(service.listMailslots().map(\.name.path) == [#"Lab\Deep\Name"#])
    }

    @Test func fifoZeroLengthAndInfo() throws {
        defer { service.shutdown() }
        try service.createMailslot(name: "q", readTimeout: 0)
        for message in [[1, 2, 3], [], [4]] as [[UInt8]] {
            try service.write(path: #"\\.\mailslot\Q"#, data: message)
        }
        var info = try service.mailslotInfo(name: "q")
        #expect(info.messageCount == 3)
        #expect(info.nextSize == 3)
        #expect(try service.read(name: "q") == [1, 2, 3])
        info = try service.mailslotInfo(name: #"\\.\mailslot\q"#)
        #expect(info.nextSize == 0)   // a queued empty message is not MAILSLOT_NO_MESSAGE
        #expect(try service.read(name: "q") == [])
        #expect(try service.read(name: "q") == [4])
        #expect(throws: Win32Error.semTimeout) { try service.read(name: "q") }
        #expect(try service.mailslotInfo(name: "q").nextSize == MailslotInfo.noMessage)
    }

    @Test func maxMessageSizeIsEnforcedOnWrite() throws {
        defer { service.shutdown() }
        try service.createMailslot(name: "small", maxMessageSize: 4)
        try service.write(path: #"\\.\mailslot\small"#, data: [1, 2, 3, 4])
        #expect(throws: Win32Error.invalidParameter) { try service.write(path: #"\\.\mailslot\small"#, data: [1, 2, 3, 4, 5]) }
        try service.createMailslot(name: "any", maxMessageSize: 0)
        try service.write(path: #"\\.\mailslot\any"#, data: [UInt8](repeating: 7, count: 100_000))
        #expect(try service.read(name: "any").count == 100_000)
    }

    @Test func timeoutsZeroFiniteForeverAndSet() throws {
        defer { service.shutdown() }
        try service.createMailslot(name: "t", readTimeout: 0)
        var start = LocalMailslot.nowMilliseconds()
        #expect(throws: Win32Error.semTimeout) { try service.read(name: "t") }
        #expect(LocalMailslot.nowMilliseconds() - start < 50)
        try service.setReadTimeout(name: "t", readTimeout: 120)
        #expect(try service.mailslotInfo(name: "t").readTimeout == 120)
        start = LocalMailslot.nowMilliseconds()
        #expect(throws: Win32Error.semTimeout) { try service.read(name: "t") }
        let waited = LocalMailslot.nowMilliseconds() - start
        #expect(waited >= 115 && waited < 1000)
        start = LocalMailslot.nowMilliseconds()
        #expect(throws: Win32Error.semTimeout) { try service.read(name: "t", timeout: 30) }
        #expect(LocalMailslot.nowMilliseconds() - start >= 28)

        // Forever: a writer on another thread ends the wait.
        let shared = service
        let writer = Thread.start {
            usleep(50_000)
            try? shared.write(path: #"\\.\mailslot\t"#, data: [9])
        }
        #expect(try service.read(name: "t", timeout: MailslotInfo.waitForever) == [9])
        writer.join()
    }

    @Test func blockedReadIsCancellable() throws {
        defer { service.shutdown() }
        try service.createMailslot(name: "c")   // waits forever by default
        let cancelled = Flag()
        let start = LocalMailslot.nowMilliseconds()
        let canceller = Thread.start {
            usleep(100_000)
            cancelled.set()
        }
        #expect(throws: Win32Error.operationAborted) {
            try service.read(name: "c", isCancelled: { cancelled.isSet })
        }
        let waited = LocalMailslot.nowMilliseconds() - start
        #expect(waited >= 100 && waited < 400)   // polled every 20 ms; slack for a loaded machine
        canceller.join()
    }

    @Test func deleteDiscardsMessagesAndWakesReaders() throws {
        defer { service.shutdown() }
        let slot = try service.createMailslot(name: "d")
        #expect(slot.messageCount == 0)
        try service.write(path: #"\\.\mailslot\d"#, data: [1])
        let handle = try service.mailslot(name: "d")
        _ = try handle.read()
        let shared = service
        let deleter = Thread.start {
            usleep(50_000)
            try? shared.deleteMailslot(name: "D")
        }
        #expect(throws: Win32Error.invalidHandle) { try handle.read(timeout: MailslotInfo.waitForever) }
        deleter.join()
        #expect(throws: Win32Error.fileNotFound) { try service.write(path: #"\\.\mailslot\d"#, data: [1]) }
        #expect(throws: Win32Error.fileNotFound) { try service.read(name: "d") }
        #expect(throws: Win32Error.fileNotFound) { try service.deleteMailslot(name: "d") }
        #expect(throws: Win32Error.fileNotFound) { try service.mailslotInfo(name: "d") }
        try service.createMailslot(name: "d")   // the name is free again
    }

    @Test func writeToMissingLocalMailslotIsFileNotFound() {
        defer { service.shutdown() }
        #expect(throws: Win32Error.fileNotFound) { try service.write(path: #"\\.\mailslot\nobody"#, data: [1]) }
        #expect(throws: Win32Error.invalidName) { try service.write(path: #"\\.\mailslot\"#, data: [1]) }
    }

    @Test func concurrentWritersAndReadersLoseNothingAndKeepEachWritersOrder() throws {
        defer { service.shutdown() }
        try service.createMailslot(name: "many", readTimeout: 2000)
        let writers = 4, perWriter = 5000
        let shared = service
        let results = Mutex<[[[UInt8]]]>([])
        let readers = (0..<2).map { _ in
            Thread.start {
                var got: [[UInt8]] = []
                while let message = try? shared.read(name: "many", timeout: 500) { got.append(message) }
                results.withLock { $0.append(got) }
            }
        }
        let threads = (0..<writers).map { writer in
            Thread.start {
                for index in 0..<perWriter {
                    try? shared.write(path: #"\\.\mailslot\many"#, data: [UInt8(writer), UInt8(index >> 8), UInt8(index & 0xFF)])
                }
            }
        }
        threads.forEach { $0.join() }
        readers.forEach { $0.join() }
        let received = results.withLock { $0 }
        #expect(received.map(\.count).reduce(0, +) == writers * perWriter)
        for list in received {
            var last = [Int](repeating: -1, count: writers)
            for message in list {
                let index = Int(message[1]) << 8 | Int(message[2])
                #expect(index > last[Int(message[0])])
                last[Int(message[0])] = index
            }
        }
    }

    @Test func queueQuotaRefusesInsteadOfGrowingWithoutBound() throws {
        defer { service.shutdown() }
        let slot = try service.createMailslot(name: "quota", readTimeout: 0)
        #expect(slot.messageCount == 0)
        let big = [UInt8](repeating: 0, count: 1 << 20)
        var accepted = 0
        do {
            while accepted < 1000 {
                try service.write(path: #"\\.\mailslot\quota"#, data: big)
                accepted += 1
            }
        } catch {
            #expect(error == .notEnoughQuota)
        }
        #expect(accepted == LocalMailslot.queueQuota / (big.count + LocalMailslot.perMessageOverhead))
        _ = try service.read(name: "quota")
        try service.write(path: #"\\.\mailslot\quota"#, data: big)
    }

    @Test func localMailslotsNeedNoSocket() throws {
        let service = MailslotService(configuration: TransportConfiguration(computerName: "X", endpoint: "not an endpoint"))
        defer { service.shutdown() }
        #expect(service.boundEndpoint == nil)
        try service.createMailslot(name: "lab")
        try service.write(path: #"\\.\mailslot\lab"#, data: Array("hi".utf8))
        #expect(try service.read(name: "lab") == Array("hi".utf8))
        #expect(service.drainWarnings().count == 1)
        #expect(service.drainWarnings().isEmpty)
    }
}

/// A flag one thread sets and another polls (as Ctrl-C's handler and a blocked read do).
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}

/// A joinable POSIX thread running a closure (tests need real threads that block).
final class Thread: @unchecked Sendable {
    private var thread = pthread_t()
    private let body: @Sendable () -> Void

    private init(_ body: @escaping @Sendable () -> Void) { self.body = body }

    static func start(_ body: @escaping @Sendable () -> Void) -> Thread {
        let box = Thread(body)
        let context = Unmanaged.passRetained(box).toOpaque()
        pthread_create(&box.thread, nil, { raw in
            let box = Unmanaged<Thread>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        return box
    }

    func join() { pthread_join(thread, nil) }
}
