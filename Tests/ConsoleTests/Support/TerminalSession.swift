import Foundation
import Glibc
import Synchronization

/// The shell in a real terminal: a tmux server on a private socket (`tmux -L`, no configuration
/// file) whose pane runs the shell through a small wrapper that records its exit status and then
/// keeps the pane open. Keys go
/// in with `send-keys`, the screen comes back with `capture-pane`; every wait polls for up to ten
/// seconds, so the tests hold on a loaded machine. `close()` always kills the server.
final class TerminalSession {
    let home: String
    private let socket: String
    private let statusFile: String
    private static let counter = Atomic<Int>(0)
    static let timeout: Double = 10

    /// Starts the shell with `arguments`, or `shellCommand` run by /bin/sh (for pipes into the shell).
    init(home: String, arguments: [String] = ["-NoProfile"], shellCommand: String? = nil,
         environment extra: [String: String] = [:], width: Int = 100, height: Int = 30) throws {
        self.home = home
        socket = "smbcons-\(getpid())-\(Self.counter.add(1, ordering: .relaxed).newValue)"
        statusFile = home + "/pane-status-\(socket)"
        let wrapper = home + "/run-\(socket).sh"
        let quotedBinary = Self.quote(TestEnvironment.shellBinary)
        let command = shellCommand ?? ([quotedBinary] + arguments.map(Self.quote)).joined(separator: " ")
        try TestEnvironment.write("""
            #!/bin/sh
            trap : INT
            \(command.replacingOccurrences(of: "$SHELL_BINARY", with: quotedBinary))
            echo $? > \(Self.quote(statusFile))
            exec sleep 600
            """, to: wrapper)
        var environment = TestEnvironment.shellEnvironment(home: home, extra: extra)
        environment["TERM"] = "xterm-256color"
        var tmuxArguments = ["new-session", "-d", "-s", "shell", "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { tmuxArguments += ["-e", "\(key)=\(value)"] }
        // Run by sh rather than executed: a parallel test's fork may still hold the just-written
        // file open for writing, and exec would then fail with ETXTBSY.
        tmuxArguments += ["/bin/sh", wrapper]
        // The wrapper outlives the shell (it sleeps after recording the status), so the pane and
        // its last screen stay until `close()`.
        let started = try tmux(tmuxArguments)
        guard started.status == 0 else { throw TerminalError.tmux(started.output) }
    }

    deinit { close() }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
    }

    // MARK: Keys

    /// Types text literally (`send-keys -l --`, so a leading `-` is not read as a flag).
    func type(_ text: String) throws {
        _ = try tmux(["send-keys", "-t", "shell", "-l", "--", text])
    }

    /// Presses named keys: `Enter`, `Tab`, `BTab`, `Up`, `C-c`, `C-d`, `C-r`, `C-Space`, `BSpace`.
    func press(_ keys: String...) throws {
        _ = try tmux(["send-keys", "-t", "shell"] + keys)
    }

    // MARK: Screen

    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-t", "shell"] + (escapes ? ["-e"] : [])).output
    }

    /// The line the cursor is on, trailing blanks removed.
    func cursorLine() throws -> String {
        let y = try tmux(["display-message", "-p", "-t", "shell", "#{cursor_y}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let line = try tmux(["capture-pane", "-p", "-t", "shell", "-S", y, "-E", y]).output
        return String(line.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    /// Waits until the cursor line reads exactly `expected`; returns what it last read.
    @discardableResult
    func waitForCursorLine(_ expected: String) throws -> String {
        var last = ""
        try poll {
            last = try cursorLine()
            return last == expected
        }
        return last
    }

    /// Waits until the screen holds `text`.
    func waitForScreen(containing text: String, escapes: Bool = false) throws -> Bool {
        var found = false
        try poll {
            found = try screen(escapes: escapes).contains(text)
            return found
        }
        return found
    }

    /// Waits for the shell to end; its exit status, or nil if it is still running.
    func waitForExit() throws -> Int32? {
        var status: Int32?
        try poll {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
               let value = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                status = value
            }
            return status != nil
        }
        return status
    }

    private func poll(_ check: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(Self.timeout)
        while true {
            if try check() { return }
            if Date() > deadline { return }
            usleep(50_000)
        }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> Spawn.Result {
        try Spawn.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments,
                      environment: ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
                                    "TMUX_TMPDIR": home],
                      timeout: 10)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    enum TerminalError: Error {
        case tmux(String)
    }
}
