/// What the command line asks for. It reads the canonical argument list `CommandLineSwitches`
/// produces, through the same switch table, directly: a shell's start-up cannot afford
/// swift-argument-parser's reflection on every launch (about two thirds of the time spent in
/// `main`), so `ShellOptions` only prints `-Help`. The tests check that both read the same.
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
            switch CommandLineSwitches.canonical(argument)?.action {
            case .flag(let option)?: self[keyPath: option] = true
            case .help?: help = true
            case .command?:
                command = i < arguments.count ? arguments[i] : nil
                i += 1
            case .file?:
                file = i < arguments.count ? arguments[i] : nil
                i += 1
                if i < arguments.count && arguments[i] == "--" { i += 1 }
                scriptArguments = Array(arguments[Swift.min(i, arguments.count)...])
                i = arguments.count
            case .ignored?, nil:
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
