/// powershell.exe's command-line rules, applied before swift-argument-parser sees the arguments:
/// switches start with `-` (or `--`), match case-insensitively and may be shortened down to a
/// documented shortest form (`-nop`, `-noni`, `-c`, `-f`); `-Command` takes the rest of the line,
/// `-File` its path and then the script's arguments; the first argument that is no switch starts
/// the command text, as Windows PowerShell 5.1 treats it.
enum CommandLineSwitches {
    /// One switch, declared once: its name, the shortest abbreviation powershell.exe accepts, what
    /// it does, and its `-Help` text (empty: not listed). `ShellOptions` (help) and `LaunchOptions`
    /// (parsing) read this.
    struct Switch: Sendable {
        enum Action: Sendable {
            /// Sets a flag of `LaunchOptions`.
            case flag(WritableKeyPath<LaunchOptions, Bool> & Sendable)
            case command, file, help
            /// Accepted for compatibility with scripts written for powershell.exe; changes nothing here.
            case ignored(takesValue: Bool)
        }

        let name: String
        let shortest: String
        let action: Action
        let help: String

        var takesValue: Bool {
            switch action {
            case .command, .file, .ignored(takesValue: true): return true
            default: return false
            }
        }
    }

    static let file = Switch(name: "File", shortest: "f", action: .file,
        help: "Runs a script file, binding the arguments after it to its param() block or $args, then exits (unless -NoExit).")
    static let command = Switch(name: "Command", shortest: "c", action: .command,
        help: "Runs the rest of the command line as commands, then exits (unless -NoExit). With '-', reads the commands from standard input.")
    static let nonInteractive = Switch(name: "NonInteractive", shortest: "noni", action: .flag(\.nonInteractive),
        help: "Does not present an interactive prompt: confirmation and Read-Host fail instead of asking.")
    static let noProfile = Switch(name: "NoProfile", shortest: "nop", action: .flag(\.noProfile),
        help: "Does not run $SMBCONFIG_HOME/profile.ps1.")
    static let noLogo = Switch(name: "NoLogo", shortest: "nol", action: .flag(\.noLogo),
        help: "Hides the banner at start-up.")
    static let noExit = Switch(name: "NoExit", shortest: "noe", action: .flag(\.noExit),
        help: "Does not exit after running -Command or -File.")
    static let syntaxCheck = Switch(name: "SyntaxCheck", shortest: "sy", action: .flag(\.syntaxCheck),
        help: "Parses the -File script (or standard input) without running it: one line per error, OFFSET<TAB>ERRORID<TAB>MESSAGE; exit status 1 on errors.")
    static let help = Switch(name: "Help", shortest: "h", action: .help, help: "")

    /// Every switch, in the order abbreviations are tried.
    static let switches: [Switch] = [
        help,
        Switch(name: "?", shortest: "?", action: .help, help: ""),
        noExit, noProfile, noLogo, nonInteractive, command, file, syntaxCheck,
        Switch(name: "ExecutionPolicy", shortest: "ex", action: .ignored(takesValue: true), help: ""),
        Switch(name: "EP", shortest: "ep", action: .ignored(takesValue: true), help: ""),
        Switch(name: "InputFormat", shortest: "inp", action: .ignored(takesValue: true), help: ""),
        Switch(name: "OutputFormat", shortest: "o", action: .ignored(takesValue: true), help: ""),
        Switch(name: "WindowStyle", shortest: "w", action: .ignored(takesValue: true), help: ""),
        Switch(name: "Sta", shortest: "sta", action: .ignored(takesValue: false), help: ""),
        Switch(name: "Mta", shortest: "mta", action: .ignored(takesValue: false), help: ""),
    ]

    /// The switch a canonical argument (`-NoProfile`) names exactly.
    static func canonical(_ argument: String) -> Switch? {
        guard argument.hasPrefix("-") else { return nil }
        let name = argument.dropFirst()
        return switches.first { $0.name == name }
    }

    /// A command line powershell.exe would refuse, with its message (CommandLineParameterParserStrings).
    struct Failure: Error, Equatable {
        let message: String
    }

    /// The arguments in the canonical spelling swift-argument-parser is declared with.
    static func canonicalize(_ arguments: [String]) throws(Failure) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            guard let found = match(argument) else {
                // The first argument that is not a switch starts the command (5.1's rule).
                out += ["-Command", words(arguments[i...])]
                return out
            }
            i += 1
            switch found.action {
            case .help:
                out.append("-" + help.name)
            case .command:
                guard i < arguments.count else {
                    throw Failure(message: "Cannot process the command because of a missing parameter. A command must follow -Command.")
                }
                if arguments[i] == "-" && i + 1 < arguments.count {
                    throw Failure(message: "'-' was specified with the -Command parameter; no other arguments to -Command are permitted.")
                }
                out += ["-" + command.name, words(arguments[i...])]
                return out
            case .file:
                guard i < arguments.count else {
                    throw Failure(message: "The command cannot be run because the File parameter requires a file path. Supply a path for the File parameter and then try the command again.")
                }
                out += ["-" + file.name, arguments[i], "--"] + arguments[(i + 1)...]
                return out
            case .ignored(let takesValue):
                if takesValue {
                    guard i < arguments.count else {
                        throw Failure(message: "Cannot process the command because -\(found.name) requires an argument.")
                    }
                    i += 1
                }
            case .flag:
                out.append("-" + found.name)
            }
        }
        return out
    }

    /// The arguments joined by spaces, as powershell.exe rebuilds the command text. (A plain loop:
    /// the generic `joined` costs a measurable share of start-up in metadata instantiation.)
    private static func words(_ list: ArraySlice<String>) -> String {
        var text = ""
        var first = true
        for word in list {
            if !first { text += " " }
            text += word
            first = false
        }
        return text
    }

    private static func match(_ argument: String) -> Switch? {
        var key = Substring(argument)
        if key.hasPrefix("--") { key = key.dropFirst(2) } else if key.hasPrefix("-") { key = key.dropFirst() } else { return nil }
        let lower = key.lowercased()
        guard !lower.isEmpty else { return nil }
        return switches.first { $0.name.lowercased().hasPrefix(lower) && lower.count >= $0.shortest.count }
    }
}
