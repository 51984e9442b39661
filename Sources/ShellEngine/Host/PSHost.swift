/// The streams a host shows; the console colours them (errors red, warnings and verbose yellow).
public enum HostStream: Sendable {
    /// Pipeline output after formatting.
    case output
    case error
    case warning
    case verbose
    case debug
    /// `Write-Host`, prompts and other text written straight to the console.
    case host
}

/// What a host read for a prompt.
public enum HostInput: Sendable, Equatable {
    case line(String)
    /// Standard input is exhausted (piped mode) or the user pressed Ctrl-D.
    case endOfInput
    /// Ctrl-C at the prompt.
    case interrupted
}

/// The engine's only way to the console (PSHostUserInterface). The engine never touches stdin or
/// stdout itself; the console host and the tests' recording host implement this.
public protocol PSHostUserInterface: AnyObject {
    /// Writes text as is (no newline added). Output and error text appear in the order written.
    func write(_ text: String, stream: HostStream)

    /// Reads the answer to a prompt (confirmation choice, mandatory parameter, `Read-Host`). The
    /// console shows what is typed; a piped host echoes the line it read, followed by a newline.
    func readLine() -> HostInput

    /// False under `-NonInteractive`: prompting then fails as Windows PowerShell's does.
    var isInteractive: Bool { get }

    /// The console buffer width used for word wrap and tables (Windows default 120).
    var bufferWidth: Int { get }

    /// True once after each Ctrl-C; long-running commands poll it to stop.
    func consumeInterrupt() -> Bool

    /// `Clear-Host`.
    func clearScreen()

    /// `Write-Host -ForegroundColor/-BackgroundColor`: host text in console colours (nil: the
    /// console's own colour).
    func write(_ text: String, foreground: ConsoleColor?, background: ConsoleColor?)
}

/// System.ConsoleColor, in declaration order (the position is the enum's value).
public enum ConsoleColor: String, CaseIterable, Sendable {
    case Black, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray
    case DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White

    /// The name as given, in any case (`red`), or nil.
    public init?(named name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(name) }) else { return nil }
        self = match
    }
}

extension PSHostUserInterface {
    /// Hosts without colours write the text as host output.
    public func write(_ text: String, foreground: ConsoleColor?, background: ConsoleColor?) {
        write(text, stream: .host)
    }

    public func writeLine(_ text: String = "", stream: HostStream = .output) {
        write(text + "\n", stream: stream)
    }
}
