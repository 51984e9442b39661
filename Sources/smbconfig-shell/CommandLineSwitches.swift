/// powershell.exe's command-line rules, applied before swift-argument-parser sees the arguments:
/// switches start with `-` (or `--`), match case-insensitively and may be shortened down to a
/// documented shortest form (`-nop`, `-noni`, `-c`, `-f`); `-Command` takes the rest of the line,
/// `-File` its path and then the script's arguments; the first argument that is no switch starts
/// the command text, as Windows PowerShell 5.1 treats it.
enum CommandLineSwitches {
    private struct Switch {
        let name: String
        /// The shortest abbreviation powershell.exe accepts.
        let shortest: String
        let takesValue: Bool
    }

    private static let switches: [Switch] = [
        Switch(name: "Help", shortest: "h", takesValue: false),
        Switch(name: "?", shortest: "?", takesValue: false),
        Switch(name: "NoExit", shortest: "noe", takesValue: false),
        Switch(name: "NoProfile", shortest: "nop", takesValue: false),
        Switch(name: "NoLogo", shortest: "nol", takesValue: false),
        Switch(name: "NonInteractive", shortest: "noni", takesValue: false),
        Switch(name: "Command", shortest: "c", takesValue: true),
        Switch(name: "File", shortest: "f", takesValue: true),
        Switch(name: "SyntaxCheck", shortest: "sy", takesValue: false),
        // Accepted for compatibility with scripts written for powershell.exe; they change nothing here.
        Switch(name: "ExecutionPolicy", shortest: "ex", takesValue: true),
        Switch(name: "EP", shortest: "ep", takesValue: true),
        Switch(name: "InputFormat", shortest: "inp", takesValue: true),
        Switch(name: "OutputFormat", shortest: "o", takesValue: true),
        Switch(name: "WindowStyle", shortest: "w", takesValue: true),
        Switch(name: "Sta", shortest: "sta", takesValue: false),
        Switch(name: "Mta", shortest: "mta", takesValue: false),
    ]

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
            switch found.name {
            case "Help", "?":
                out.append("-Help")
            case "Command":
                guard i < arguments.count else {
                    throw Failure(message: "Cannot process the command because of a missing parameter. A command must follow -Command.")
                }
                if arguments[i] == "-" && i + 1 < arguments.count {
                    throw Failure(message: "'-' was specified with the -Command parameter; no other arguments to -Command are permitted.")
                }
                out += ["-Command", words(arguments[i...])]
                return out
            case "File":
                guard i < arguments.count else {
                    throw Failure(message: "The command cannot be run because the File parameter requires a file path. Supply a path for the File parameter and then try the command again.")
                }
                out += ["-File", arguments[i], "--"] + arguments[(i + 1)...]
                return out
            default:
                if found.takesValue {
                    guard i < arguments.count else {
                        throw Failure(message: "Cannot process the command because -\(found.name) requires an argument.")
                    }
                    i += 1
                } else {
                    out.append("-" + found.name)
                }
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
