/// What the command line asks for. `ShellOptions` declares the switches for swift-argument-parser
/// (help text, validation); this reads the canonical argument list `CommandLineSwitches` produces
/// directly, because a shell's start-up cannot afford the parser's reflection on every launch
/// (about two thirds of the time spent in `main`). The tests check that both read the same.
struct LaunchOptions: Equatable {
    var file: String?
    var command: String?
    var nonInteractive = false
    var noProfile = false
    var noLogo = false
    var noExit = false
    var syntaxCheck = false
    var scriptArguments: [String] = []
    var help = false

    /// Reads the canonical form: `-Switch` flags, `-Command TEXT`, `-File PATH -- ARGS...`, `-Help`.
    init(canonical arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            switch argument {
            case "-NonInteractive": nonInteractive = true
            case "-NoProfile": noProfile = true
            case "-NoLogo": noLogo = true
            case "-NoExit": noExit = true
            case "-SyntaxCheck": syntaxCheck = true
            case "-Help": help = true
            case "-Command":
                command = i < arguments.count ? arguments[i] : nil
                i += 1
            case "-File":
                file = i < arguments.count ? arguments[i] : nil
                i += 1
                if i < arguments.count && arguments[i] == "--" { i += 1 }
                scriptArguments = Array(arguments[Swift.min(i, arguments.count)...])
                i = arguments.count
            default:
                scriptArguments.append(argument)
            }
        }
    }

    init(_ options: ShellOptions) {
        file = options.file
        command = options.command
        nonInteractive = options.nonInteractive
        noProfile = options.noProfile
        noLogo = options.noLogo
        noExit = options.noExit
        syntaxCheck = options.syntaxCheck
        scriptArguments = options.scriptArguments
    }
}
