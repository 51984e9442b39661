import Glibc
import ShellEngine

/// The console's side of PSHostUserInterface: text goes straight to the descriptors (error records
/// to stderr, everything else to stdout), coloured as the Windows console host colours it when the
/// session is at a terminal; prompt answers come from the terminal or the next stdin line.
final class ConsoleHost: PSHostUserInterface {
    private let output: ConsoleOutput
    private let errors: ConsoleOutput
    private let input: InputLineReader
    /// Standard input is a terminal: the terminal echoes what is typed.
    private let inputIsTerminal: Bool
    private let outputIsTerminal: Bool
    /// The console writes colours (a terminal, and NO_COLOR unset).
    var coloursOutput: Bool { output.colours }
    private let fallbackWidth: Int
    let isInteractive: Bool

    init(environment: [String: String], interactive: Bool, input: InputLineReader) {
        inputIsTerminal = isatty(STDIN_FILENO) != 0
        outputIsTerminal = isatty(STDOUT_FILENO) != 0
        // Colours belong to a person at a terminal; piped sessions and NO_COLOR get plain text.
        let colourWanted = inputIsTerminal && environment["NO_COLOR"].map { $0.isEmpty } ?? true
        output = ConsoleOutput(descriptor: STDOUT_FILENO, colours: colourWanted && outputIsTerminal)
        errors = ConsoleOutput(descriptor: STDERR_FILENO, colours: colourWanted && isatty(STDERR_FILENO) != 0)
        self.input = input
        isInteractive = interactive
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0, columns <= 10000 {
            fallbackWidth = Self.usableWidth(columns)
        } else {
            fallbackWidth = Self.defaultBufferWidth
        }
    }

    /// The last text written ended a line. libedit draws its prompt assuming column 0, so the
    /// console starts a new line first when a command left the cursor elsewhere.
    private(set) var atLineStart = true

    func write(_ text: String, stream: HostStream) {
        if let last = text.unicodeScalars.last { atLineStart = last == "\n" }
        switch stream {
        case .error: errors.write(text, colour: ConsoleColours.error)
        case .warning, .verbose, .debug: output.write(text, colour: ConsoleColours.warning)
        case .output, .host: output.write(text)
        }
    }

    func write(_ text: String, foreground: ConsoleColor?, background: ConsoleColor?) {
        if let last = text.unicodeScalars.last { atLineStart = last == "\n" }
        let codes = [foreground.map(ConsoleColours.foreground), background.map(ConsoleColours.background)]
            .compactMap { $0 }.joined(separator: ";")
        output.write(text, colour: codes.isEmpty ? nil : codes)
    }

    func readLine() -> HostInput {
        let answer = input.readLine()
        atLineStart = true
        switch answer {
        case .line(let text):
            // Piped answers are echoed so that the output reads as the console would show it.
            if !inputIsTerminal { output.write(text + "\n") }
        case .interrupted:
            output.write("\n")
        case .endOfInput:
            break
        }
        return answer
    }

    var bufferWidth: Int {
        if outputIsTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                return Self.usableWidth(Int(size.ws_col))
            }
        }
        return fallbackWidth
    }

    /// The Windows default buffer width, which a console keeps when its window is narrower.
    static let defaultBufferWidth = 120
    /// Narrower than this, a window cannot show a table or an error view: 5.1 lays text out in its
    /// buffer (wider than the window), and so does the console here.
    static let minimumUsableWidth = 20

    static func usableWidth(_ columns: Int) -> Int {
        columns >= minimumUsableWidth ? columns : defaultBufferWidth
    }

    func consumeInterrupt() -> Bool {
        let interrupted = InterruptSignal.consume()
        if interrupted { interruptedCommand = true }
        return interrupted
    }

    /// A Ctrl-C stopped (or arrived during) the last command.
    private var interruptedCommand = false

    /// After a command: true once when Ctrl-C was pressed while it ran. The terminal echoed `^C`
    /// without a newline, so the console starts the next prompt on a fresh line.
    func takeCommandInterrupt() -> Bool {
        defer { interruptedCommand = false }
        return InterruptSignal.consume() || interruptedCommand
    }

    func clearScreen() {
        if outputIsTerminal { output.write("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
    }
}

/// The Windows console host's stream colours as SGR codes: ErrorForegroundColor Red,
/// Warning/Verbose/DebugForegroundColor Yellow (the bright console colours).
enum ConsoleColours {
    static let error = foreground(.Red)
    static let warning = foreground(.Yellow)

    /// The SGR foreground code of a console colour (the dark ones are the normal ANSI colours,
    /// the others their bright forms, as the Windows console's palette pairs them).
    static func foreground(_ colour: ConsoleColor) -> String {
        switch colour {
        case .Black: return "30"
        case .DarkRed: return "31"
        case .DarkGreen: return "32"
        case .DarkYellow: return "33"
        case .DarkBlue: return "34"
        case .DarkMagenta: return "35"
        case .DarkCyan: return "36"
        case .Gray: return "37"
        case .DarkGray: return "90"
        case .Red: return "91"
        case .Green: return "92"
        case .Yellow: return "93"
        case .Blue: return "94"
        case .Magenta: return "95"
        case .Cyan: return "96"
        case .White: return "97"
        }
    }

    static func background(_ colour: ConsoleColor) -> String {
        String((Int(foreground(colour)) ?? 30) + 10)
    }
}
