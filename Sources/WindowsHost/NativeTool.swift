import EmulatedHost
import SMBPolicy
import ShellEngine

/// What the emulated Windows programs (reg.exe, sc.exe, net.exe) share: they run in process over
/// the emulated host (nothing on the machine is run), print their console lines as output strings
/// and set `$LASTEXITCODE` and `$?` as a native program does.
protocol NativeTool {
    /// Runs the program with its arguments and returns its exit code.
    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32
}

extension NativeTool {
    static func definition(_ name: String, module: String, synopsis: String) -> CmdletDefinition {
        CmdletDefinition(metadata: CommandMetadata(name: name, module: module, implementation: .function, parameters: [],
                                                   cmdletBinding: false, synopsis: synopsis)) { NativeToolCommand(Self.self) }
    }
}

final class NativeToolCommand: Cmdlet {
    let tool: NativeTool.Type
    init(_ tool: NativeTool.Type) { self.tool = tool }

    func process(_ context: CommandContext, input: PSValue?) throws {
        // An array argument (`/GRANT:Everyone,READ`) reaches the program as one argument whose
        // elements are joined with commas, as PowerShell writes it on the command line.
        let arguments = context.remainingArguments.map { value in
            (value.enumerated ?? [value]).map(LanguagePrimitives.toString).joined(separator: ",")
        }
        // A program runs to its end and sets its exit code even when the command after it has
        // all the lines it wants (Select-Object -First); the pipeline then stops as asked.
        let downstream = context.output
        var stop: EvalError?
        context.output = { (value: PSValue) throws(EvalError) in
            guard stop == nil else { return }
            do throws(EvalError) { try downstream(value) } catch {
                guard case .stopUpstream = error else { throw error }
                stop = error
            }
        }
        defer { context.output = downstream }
        let code = try tool.run(arguments, context)
        let engine = context.engine
        engine.sessionState.global.variables[NameKey("LASTEXITCODE")] = PSVariable(name: "LASTEXITCODE", value: .int32(code))
        if code != 0 { engine.lastSucceeded = false }
        if let stop { throw stop }
    }
}

extension CommandContext {
    /// Writes console lines of a native program.
    func writeLines(_ lines: [String]) throws {
        for line in lines { try writeObject(.string(line)) }
    }

    /// Asks a yes/no question as the Windows tools do (`(Yes/No)?`); no answer means no.
    func askYesNo(_ question: String) -> Bool {
        engine.host.write(question + " ", stream: .host)
        guard case .line(let answer) = engine.host.readLine() else { return false }
        return answer.trimmedWhitespace.lowercased().hasPrefix("y")
    }

    /// Saves a change to the emulated host; a failure is written as the tool's error text.
    func saveHost(_ change: (PolicyStore) throws(PolicyStoreError) -> PolicyChangeResult) throws -> Bool {
        do {
            try engine.emulatedHost.commit(change)
            return true
        } catch {
            try writeLines(["ERROR: " + error.message])
            return false
        }
    }
}

/// Win32 error texts the tools print (FormatMessage of the code).
enum Win32Text {
    static let texts: [Int32: String] = [
        2: "The system cannot find the file specified.",
        1051: "A stop control has been sent to a service that other running services are dependent on.",
        1052: "The requested control is not valid for this service.",
        1056: "An instance of the service is already running.",
        1058: "The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.",
        1060: "The specified service does not exist as an installed service.",
        1062: "The service has not been started.",
    ]

    /// `[SC] OpenService FAILED 1060:`, a blank line, the text, a blank line.
    static func scFailure(_ operation: String, _ code: Int32) -> [String] {
        ["[SC] \(operation) FAILED \(code):", "", texts[code] ?? "", ""]
    }
}
