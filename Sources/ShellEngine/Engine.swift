import CmdletParser

/// How one unit of input ended.
public enum ExecutionOutcome: Sendable, Equatable {
    /// Ran to the end; `succeeded` is `$?` afterwards (false after an error).
    case completed(succeeded: Bool)
    /// A terminating error stopped it (powershell.exe then exits 1 under `-Command`/`-File`).
    case terminated
    /// `exit N` was run.
    case exitRequested(Int32)
}

/// What Tab completion proposes for a line.
public struct CompletionResult: Sendable, Equatable {
    /// Where the text to replace starts, in characters of the line.
    public let replacementStart: Int
    public let replacementLength: Int
    /// In the order the console cycles through them.
    public let candidates: [String]

    public init(replacementStart: Int, replacementLength: Int, candidates: [String]) {
        self.replacementStart = replacementStart
        self.replacementLength = replacementLength
        self.candidates = candidates
    }
}

/// Settings the shell reads from its environment.
public struct EngineConfiguration: Sendable {
    /// The process environment (`$env:`, `COMPUTERNAME`, `SMBCONFIG_*`).
    public var environment: [String: String]
    /// False under `-NonInteractive`.
    public var interactive: Bool

    public init(environment: [String: String], interactive: Bool = true) {
        self.environment = environment
        self.interactive = interactive
    }

    /// `SMBCONFIG_HOME`, else `$XDG_STATE_HOME/smbconfig-shell`, else `~/.local/state/smbconfig-shell`.
    public var stateFolder: String {
        if let home = environment["SMBCONFIG_HOME"], !home.isEmpty { return home }
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty { return xdg + "/smbconfig-shell" }
        return (environment["HOME"] ?? "/tmp") + "/.local/state/smbconfig-shell"
    }
}

/// The shell's engine: one per console session or script run. All calls come from one thread.
public final class Engine {
    public let host: PSHostUserInterface
    public let configuration: EngineConfiguration

    public init(host: PSHostUserInterface, configuration: EngineConfiguration) {
        self.host = host
        self.configuration = configuration
    }

    /// Parses and runs one unit of input: a console line (or completed multi-line block), a
    /// `-Command` string or one piped line. Output, errors and prompts go to the host.
    public func execute(_ text: String) -> ExecutionOutcome {
        let result = Parser.parseInput(text)
        return result.errors.isEmpty ? .completed(succeeded: true) : .completed(succeeded: false)
    }

    /// Runs a script file (`-File`), binding `arguments` to its `param()` block or `$args`.
    public func executeFile(path: String, arguments: [String]) -> ExecutionOutcome {
        .completed(succeeded: true)
    }

    /// True when the console should read more lines before running `text` (open brace, open
    /// string, trailing pipe or backtick): it then shows the `>> ` prompt.
    public func isIncomplete(_ text: String) -> Bool {
        Parser.parseInput(text).isIncomplete
    }

    /// The prompt text, from the `prompt` function (which a profile may redefine).
    public func promptText() -> String { "PS C:\\> " }

    /// The names of every command (cmdlets, functions, aliases) for completion and `Get-Command`.
    public var commandNames: [String] { [] }

    /// The parameters of a command, resolving aliases; nil when the command is unknown.
    public func commandMetadata(_ name: String) -> CommandMetadata? { nil }

    /// Names of the variables currently visible, without `$`.
    public var variableNames: [String] { [] }

    /// Names of the local mailslots this shell created (for `-Name` completion).
    public var mailslotNames: [String] { [] }

    /// Releases sockets and threads before the process exits.
    public func shutdown() {}
}
