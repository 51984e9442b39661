import Glibc
import Testing
@testable import SMBPolicy

/// Properties of one profile that take arbitrary UInt32 values, for the concurrency tests.
private let counterProperties: [(PolicySide, String)] = {
    let profile = OSProfile.windowsServer2025
    var list: [(PolicySide, String)] = []
    for side in PolicySide.allCases {
        for property in PolicySchema.properties(side: side, profile: profile)
            where property.type == .uint32 && property.validation == .none {
            list.append((side, property.name))
        }
    }
    return list
}()

@Suite struct ConcurrencyTests {
    /// 8 threads, each with its own store, add 25 Group Policy values each, every one under a name
    /// of its own: all 200 must be in the file at the end.
    @Test func eightWritersKeepEveryGroupPolicyValue() async throws {
        let temp = TempFolder(inMemory: true)
        let folder = temp.path + "/home"
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    try await runOnThread {
                        let store = PolicyStore(folder: folder, profile: .windows11_24H2)
                        for change in 0..<25 {
                            _ = try store.setGroupPolicy(side: writer % 2 == 0 ? .client : .server,
                                                         valueName: "Writer\(writer)Change\(change)",
                                                         value: .dword(UInt32(writer * 1000 + change)))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let snapshot = PolicyStore(folder: folder, profile: .windows11_24H2).load().snapshot
        var present = 0
        for writer in 0..<8 {
            let values = snapshot.groupPolicyValues(side: writer % 2 == 0 ? .client : .server)
            for change in 0..<25 where values["Writer\(writer)Change\(change)"] == .dword(UInt32(writer * 1000 + change)) {
                present += 1
            }
        }
        #expect(present == 200)
    }

    /// 8 threads, each with its own store, make 200 changes each to SMB properties of their own.
    /// After every change the state read back under the lock must still hold all of that writer's
    /// earlier changes (a lost update would revert one), and at the end all 1,600 are accounted for.
    @Test func eightWritersLoseNoneOfSixteenHundredChanges() async throws {
        #expect(counterProperties.count >= 8 * 3)
        let temp = TempFolder(inMemory: true)
        let folder = temp.path + "/home"
        let writers = 8
        let changesPerWriter = 200
        let perWriter = counterProperties.count / writers
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                let mine = Array(counterProperties[(writer * perWriter)..<((writer + 1) * perWriter)])
                group.addTask {
                    try await runOnThread {
                        let store = PolicyStore(folder: folder, profile: .windowsServer2025)
                        var latest: [String: UInt32] = [:]
                        for change in 0..<changesPerWriter {
                            let (side, name) = mine[change % mine.count]
                            let value = UInt32(writer * 100_000 + change)
                            let snapshot = try store.update(side: side, set: [name: .uint32(value)]).snapshot
                            latest[name] = value
                            for (side, name) in mine where latest[name] != nil {
                                if snapshot.value(name, side: side) != .uint32(latest[name]!) {
                                    Issue.record("writer \(writer) lost its change to \(name)")
                                }
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        // Each property's last value is that writer's last change to it; together they account
        // for all 1,600 changes (a lost update would leave an older value behind).
        let snapshot = PolicyStore(folder: folder, profile: .windowsServer2025).load().snapshot
        var accounted = 0
        for writer in 0..<writers {
            let mine = Array(counterProperties[(writer * perWriter)..<((writer + 1) * perWriter)])
            for (index, (side, name)) in mine.enumerated() {
                let last = (0..<changesPerWriter).last { $0 % mine.count == index }!
                #expect(snapshot.value(name, side: side) == .uint32(UInt32(writer * 100_000 + last)), "\(name)")
                #expect(snapshot.entry(name, side: side)?.source == .local)
                accounted += (0..<changesPerWriter).filter { $0 % mine.count == index }.count
            }
        }
        #expect(accounted == writers * changesPerWriter)
        #expect(!temp.names().contains { $0.contains(".tmp-") })
    }

    /// Readers racing a writer only ever see a complete old or new file.
    @Test func readersSeeOnlyWholeFiles() async throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        _ = try store.update(side: .client, set: ["KeepConn": .uint32(0)])
        let path = store.filePath
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                try await runOnThread {
                    for value in 1...150 {
                        _ = try store.update(side: .client, set: ["KeepConn": .uint32(UInt32(value)),
                                                                  "EncryptionCiphers": .string(value % 2 == 0 ? "AES_128_GCM" : "AES_256_GCM, AES_128_GCM")])
                    }
                }
                return 0
            }
            for _ in 0..<2 {
                group.addTask {
                    try await runOnThread {
                        var reads = 0
                        var last: UInt64 = 0
                        while last < 150 {
                            guard case .contents(let bytes, _) = try FileSystem.read(path) else {
                                Issue.record("the file vanished"); return reads
                            }
                            let document = try PolicyDocument(bytes: bytes)
                            guard let value = document.localEntries(.client)["KeepConn"]?.unsignedValue else {
                                Issue.record("KeepConn missing"); return reads
                            }
                            #expect(value >= last)
                            last = value
                            reads += 1
                        }
                        return reads
                    }
                }
            }
            var total = 0
            for try await reads in group { total += reads }
            #expect(total > 0)
        }
    }

    /// A writer killed between creating its temporary file and renaming it leaves a stray
    /// temporary file; it changes nothing and the next change removes it.
    @Test func aStrayTemporaryFileIsHarmless() throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        _ = try store.update(side: .client, set: ["KeepConn": .uint32(5)])
        temp.write(".smb-policy.json.tmp-999-1", "{\"version\": 1, \"client\": {\"KeepConn\": 99}")
        #expect(store.load().snapshot.value("KeepConn", side: .client) == .uint32(5))
        _ = try store.update(side: .client, set: ["MaxCmds": .uint32(60)])
        #expect(!temp.names().contains { $0.contains(".tmp-") })
        #expect(store.load().snapshot.value("KeepConn", side: .client) == .uint32(5))
    }
}

/// Runs blocking work on its own thread (flock blocks), off the cooperative pool.
func runOnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let box = Unmanaged.passRetained(ThreadWork { continuation.resume(with: Result { try body() }) })
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            let work = Unmanaged<ThreadWork>.fromOpaque(raw!).takeRetainedValue()
            work.run()
            return nil
        }, box.toOpaque())
        if status != 0 {
            box.release()
            continuation.resume(throwing: SystemCallError(operation: "Starting a thread", path: "", code: status))
        } else {
            pthread_detach(thread)
        }
    }
}

final class ThreadWork: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
