import Foundation
import Glibc

/// Runs a program the way a terminal would start it: posix_spawn with an empty signal mask and
/// default dispositions (a test worker thread blocks SIGINT and friends, and children would inherit
/// that), standard input from a file, standard output and error merged into one pipe.
enum Spawn {
    struct Result {
        let status: Int32
        let output: String
        let timedOut: Bool
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdinPath: String = "/dev/null", directory: String? = nil, timeout: Double = 20) throws -> Result {
        var pipeEnds: [Int32] = [0, 0]
        // Close-on-exec, so that a child spawned by a parallel test cannot hold this pipe open.
        guard pipe(&pipeEnds) == 0 else { throw SpawnError.pipe }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)

        // glibc's posix_spawn has no portable chdir action; env(1) changes directory, then execs.
        let command = directory.map { ["/usr/bin/env", "-C", $0, executable] } ?? [executable]
        let pid: pid_t
        do {
            pid = try spawn(command + arguments, environment: environment, actions: &actions)
            close(pipeEnds[1])
        } catch {
            close(pipeEnds[1])
            close(pipeEnds[0])
            throw error
        }

        let deadline = Date().addingTimeInterval(timeout)
        var output: [UInt8] = []
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var descriptor = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(Swift.min(left, 1) * 1000))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        close(pipeEnds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, output: String(decoding: output, as: UTF8.self), timedOut: timedOut)
    }

    /// Starts a program with no input and its output discarded, and returns at once (the caller
    /// waits for it or kills it).
    static func start(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        return try spawn([executable] + arguments, environment: environment, actions: &actions)
    }

    private static func spawn(_ command: [String], environment: [String: String],
                              actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw SpawnError.spawn(command[0], spawned) }
        return pid
    }

    enum SpawnError: Error {
        case pipe
        case spawn(String, Int32)
    }
}

/// Paths and scratch folders shared by the tests.
enum TestEnvironment {
    /// The shell built next to the test bundle (debug or release, any scratch path).
    static var shellBinary: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("smbconfig-shell").path
    }

    /// A fresh folder under the system's temporary directory.
    static func makeScratchFolder() throws -> String {
        var template = Array("/tmp/smbconfig-console-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw Spawn.SpawnError.pipe }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The environment the golden sessions use, with a private state folder.
    static func shellEnvironment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home,
            "LANG": "C.UTF-8",
            "TERM": "dumb",
            "COLUMNS": "120",
            "SMBCONFIG_HOME": home + "/state",
            "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0",
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
