import ArgumentParser
import Glibc

/// Entry point: powershell.exe's command-line rules, then one console session.
@main
struct SmbConfigShell {
    static func main() {
        let arguments: [String]
        do {
            arguments = try CommandLineSwitches.canonicalize(Array(CommandLine.arguments.dropFirst()))
        } catch {
            ConsoleOutput(descriptor: STDERR_FILENO, colours: false).write(error.message + "\n")
            exit(ExitCodes.badCommandLine)
        }
        let options = LaunchOptions(canonical: arguments)
        if options.help {
            do {
                _ = try ShellOptions.parse(arguments)
            } catch {
                ShellOptions.exit(withError: error)
            }
        }
        let status = SessionThread.run { stackSize in ConsoleSession(options: options, stackSize: stackSize).run() }
        // Everything is written (unbuffered writes; libedit's stdio flushed here) and the engine is
        // shut down: skip the exit-time destructors of a large static binary.
        fflush(nil)
        _exit(status)
    }
}

enum ExitCodes {
    /// PowerShell's ExitCodeBadCommandLineParameter on Unix (EX_USAGE).
    static let badCommandLine: Int32 = 64
}
