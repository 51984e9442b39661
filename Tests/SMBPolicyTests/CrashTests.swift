import Glibc
import Testing
@testable import SMBPolicy

@Suite struct CrashTests {
    /// 200 rounds: a child process loops over changes that each set two properties to the same
    /// number, and is killed with SIGKILL at a random moment. The file must always load without a
    /// warning, hold a pair that was committed together, and never go backwards.
    @Test func killedWritersLeaveACommittedState() throws {
        let temp = TempFolder(inMemory: true)
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        _ = try store.update(side: .client, set: ["KeepConn": .uint32(0), "MaxCmds": .uint32(0)])
        var generator = SplitMix64(seed: 42)
        var previous: UInt32 = 0
        var progressed = 0
        for round in 0..<200 {
            let start = previous + 1
            let child = fork()
            if child == 0 {
                // Child: only the store's own code runs here, then _exit (no test machinery).
                var value = start
                while true {
                    _ = try? store.update(side: .client, set: ["KeepConn": .uint32(value), "MaxCmds": .uint32(value)])
                    value &+= 1
                }
            }
            #expect(child > 0)
            usleep(useconds_t(generator.next() % 8000))
            kill(child, SIGKILL)
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}

            let result = store.load()
            #expect(result.warnings.isEmpty, "round \(round)")
            let keep = result.snapshot.value("KeepConn", side: .client)
            let cmds = result.snapshot.value("MaxCmds", side: .client)
            #expect(keep == cmds, "round \(round): a change was torn")
            guard case .uint32(let committed)? = keep else { Issue.record("round \(round): no value"); return }
            #expect(committed >= previous, "round \(round): went back")
            if committed > previous { progressed += 1 }
            previous = committed
        }
        #expect(progressed > 0)
    }
}
