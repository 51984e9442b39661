import Foundation
import Glibc
import Testing

/// The policy file under writers killed at random moments: each round starts the built shell
/// setting two properties to the same number in a loop, kills it with SIGKILL, and reads the
/// file back through a second shell. The file must always load without a warning, hold a pair
/// that was committed together, and never go backwards.
@Suite struct PolicyCrashTests {
    @Test func killedWritersLeaveACommittedState() throws {
        let home = try TestEnvironment.makeScratchFolder()
        defer { _ = try? FileManager.default.removeItem(atPath: home) }
        let environment = TestEnvironment.shellEnvironment(home: home)
        var random: UInt64 = 42
        func next() -> UInt64 {   // SplitMix64: the same delays on every run
            random &+= 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let first = try Spawn.run(TestEnvironment.shellBinary, ["-NoProfile", "-NonInteractive", "-Command",
            "Set-SmbClientConfiguration -KeepConn 0 -MaxCmds 0 -Force"], environment: environment)
        #expect(first.status == 0, "\(first.output)")
        var previous: UInt64 = 0
        var progressed = 0
        for round in 0..<30 {
            let start = previous + 1
            let loop = "for ($i = \(start); ; $i++) { Set-SmbClientConfiguration -KeepConn $i -MaxCmds $i -Force }"
            let writer = try Spawn.start(TestEnvironment.shellBinary, ["-NoProfile", "-NonInteractive", "-Command", loop],
                                         environment: environment)
            usleep(useconds_t(40_000 + next() % 160_000))
            kill(writer, SIGKILL)
            var status: Int32 = 0
            while waitpid(writer, &status, 0) < 0 && errno == EINTR {}

            let read = try Spawn.run(TestEnvironment.shellBinary, ["-NoProfile", "-NonInteractive", "-Command",
                "$c = Get-SmbClientConfiguration; '{0} {1}' -f $c.KeepConn, $c.MaxCmds"], environment: environment)
            let fields = read.output.split(whereSeparator: \.isNewline)
            #expect(read.status == 0 && fields.count == 1, "round \(round): \(read.output)")
            let pair = fields.first?.split(separator: " ").compactMap { UInt64($0) } ?? []
            guard pair.count == 2 else { Issue.record("round \(round): \(read.output)"); return }
            #expect(pair[0] == pair[1], "round \(round): a change was torn")
            let committed = pair[0]
            #expect(committed >= previous, "round \(round): went back")
            if committed > previous { progressed += 1 }
            previous = max(previous, committed)
        }
        #expect(progressed > 0)
    }
}
