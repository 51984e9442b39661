import CLibEdit
import Glibc
import SMBPolicy
import ShellEngine

/// One run of the shell: picks the mode (interactive console, piped commands, `-Command`, `-File`),
/// runs the profile, and turns outcomes into powershell.exe's exit codes.
final class ConsoleSession {
    private let options: LaunchOptions
    private let environment: [String: String]
    /// The stack size of the thread the session runs on, when it chose one.
    private let stackSize: Int?

    init(options: LaunchOptions, environment: [String: String] = ConsoleSession.processEnvironment(),
         stackSize: Int? = nil) {
        self.options = options
        self.environment = environment
        self.stackSize = stackSize
    }

    /// The process environment, read straight from `environ` (cheaper at start-up than ProcessInfo).
    static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        guard var entry = clibedit_environ() else { return environment }
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(text[..<equals])
                // The first definition wins, as getenv(3) does.
                if environment[key] == nil { environment[key] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return environment
    }

    func run() -> Int32 {
        let reader = InputLineReader(descriptor: STDIN_FILENO)
        if options.syntaxCheck {
            return SyntaxCheck(file: options.file, command: options.command, input: reader).run()
        }
        let atTerminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        if options.command == "-" && isatty(STDIN_FILENO) != 0 {
            return fail("'-' was specified as the argument to -Command but standard input has not been redirected for this process.")
        }
        var scriptPath: String?
        if let file = options.file {
            switch ScriptPath.resolve(file) {
            case .success(let path): scriptPath = path
            case .failure(let failure): return fail(failure.message)
            }
        }
        let runsConsole = atTerminal && options.command != "-"
            && ((options.file == nil && options.command == nil) || options.noExit)
        InterruptSignal.install(exitOnRepeat: !runsConsole)
        if runsConsole { InterruptSignal.ignoreJobControlKeys() }

        let interactive = !options.nonInteractive
        let host = ConsoleHost(environment: environment, interactive: interactive, input: reader)
        let engine = Engine(host: host, configuration: EngineConfiguration(environment: environment, interactive: interactive,
                                                                       stackSize: stackSize),
                            modules: StandardModules.all)
        defer { engine.shutdown() }
        // The process ends with the session (`_exit`, no destructors), which reclaims the engine's
        // memory at once: it is not torn down object by object first.
        _ = Unmanaged.passRetained(engine)

        if runsConsole && !options.noLogo { host.write(banner, stream: .host) }
        if !options.noProfile, case .exitRequested(let code) = runProfile(engine) { return code }

        var status: Int32 = 0
        if let scriptPath {
            switch engine.executeFile(path: scriptPath, arguments: options.scriptArguments) {
            case .exitRequested(let code): return code
            case .terminated: status = 1
            case .completed: status = 0
            }
        } else if let command = options.command {
            if command == "-" { return PipedCommands(engine: engine, input: reader).run() }
            let outcome = engine.execute(command)
            if case .exitRequested(let code) = outcome { return code }
            status = ExitStatus.of(outcome)
        } else if !atTerminal {
            return PipedCommands(engine: engine, input: reader).run()
        }
        guard runsConsole else { return status }
        return InteractiveConsole(engine: engine, host: host).run()
    }

    /// Names the product and the OS profile in effect (an unknown `SMBCONFIG_OS_PROFILE` falls back
    /// to the default; the engine warns about it when it first reads the policy).
    private var banner: String {
        let profile = OSProfile.resolve(environmentValue: environment[OSProfile.environmentVariable]).profile
        return "smbconfig-shell: Windows PowerShell 5.1 for SMB configuration and mailslots\n"
            + "OS profile: \(profile.rawValue) (\(profile.displayName))\n\n"
    }

    /// `SMBCONFIG_HOME/profile.ps1`, run in the global scope as PowerShell dot-sources its profiles.
    private func runProfile(_ engine: Engine) -> ExecutionOutcome? {
        let path = engine.configuration.stateFolder + "/profile.ps1"
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        // A folder, a FIFO or a device is dot-sourced by name, so that the engine answers it as
        // PowerShell answers a profile path that is no script file (and never waits on it).
        guard (info.st_mode & S_IFMT) == S_IFREG else { return engine.execute(". '" + path.replacing("'", with: "''") + "'") }
        guard access(path, R_OK) == 0, let text = SourceFile.read(path) else { return nil }
        return engine.execute(text)
    }

    private func fail(_ message: String) -> Int32 {
        ConsoleOutput(descriptor: STDERR_FILENO, colours: false).write(message + "\n")
        return ExitCodes.badCommandLine
    }
}

enum ExitStatus {
    /// powershell.exe -Command: 0 when the last pipeline left `$?` true, else 1.
    static func of(_ outcome: ExecutionOutcome) -> Int32 {
        switch outcome {
        case .exitRequested(let code): return code
        case .terminated, .completed(succeeded: false): return 1
        case .completed(succeeded: true): return 0
        }
    }
}
