import CmdletParser
#if canImport(Glibc)
import Glibc
#endif

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
    /// The stack size of the thread the engine runs on, when the host chose it; nil: the size
    /// the system gives a thread (the stack limit).
    public var stackSize: Int?

    public init(environment: [String: String], interactive: Bool = true, stackSize: Int? = nil) {
        self.environment = environment
        self.interactive = interactive
        self.stackSize = stackSize
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
    package let sessionState: SessionState
    /// `$?`.
    package var lastSucceeded = true
    /// `$Error`, newest first.
    package let errorList = PSArray([], collectionType: "System.Collections.ArrayList")
    /// The .NET types scripts can name: the runtime's and those the modules register.
    package let types = TypeLibrary()
    /// The text being run, for error positions.
    package var currentSource: ScriptSource?
    package let cmdlets = CommandTable()
    /// Alias name → command name.
    package var aliases: [NameKey: String] = [:]
    /// Set while a redirection (`2>&1`, `2>$null`) takes a command's error stream; returns true
    /// when it consumed the record.
    package var errorRedirection: ((ErrorRecord) throws -> Bool)?
    /// Table views modules declared for their objects' types.
    package var declaredViews: [String: TableViewDefinition] = [:]
    /// Nested prompts (Suspend) entered; `$NestedPromptLevel` shows it.
    package var nestingLevel = 0 {
        didSet { try? sessionState.set("NestedPromptLevel", .int32(Int32(nestingLevel)), scope: .global) }
    }
    /// Functions and scripts running inside each other.
    package var callDepth = 0
    package static let maximumCallDepth = 3000
    /// The function or script whose code is running, as `Write-Error` reports it.
    package var callerInvocation: InvocationInfo?
    /// The `-ErrorVariable`/`-WarningVariable`/`-InformationVariable` lists of the running
    /// command and the commands around it.
    package var streamCapture: StreamCapture?
    /// Set by a method that returns void (such as `$PSCmdlet.WriteObject`), so the statement
    /// calling it writes nothing.
    package var voidMethodCalled = false
    /// The Out-Default of the input being run; errors go through it to keep their place among
    /// held-back table rows.
    package var outputFormatter: OutputFormatter?
    /// How many `try` blocks are running: inside one, statement-terminating errors go to the catch.
    package var tryDepth = 0
    /// Ends evaluation nested deeper than the thread's stack holds.
    package var stackGuard: StackGuard
    /// How many running blocks have a `trap`: an error in code they run goes to the trap too.
    package var trapDepth = 0
    /// The errors the running catch blocks caught, innermost last (`throw` alone throws it again).
    package var caughtErrors: [CaughtError] = []
    package var strictMode = false
    /// `$ErrorActionPreference` as seen from the running scope.
    package var errorActionPreference: ActionPreference {
        ActionPreference(value: variableValue("ErrorActionPreference")) ?? .Continue
    }
    /// `$ConfirmPreference` as seen from the running scope.
    package var confirmPreference: ConfirmImpact {
        ConfirmImpact(name: LanguagePrimitives.toString(variableValue("ConfirmPreference"))) ?? .high
    }
    /// Services the modules create on first use (no state read, socket or thread at start-up).
    package let services = EngineServices()
    /// The modules registered at start-up, in registration order.
    package private(set) var modules: [ModuleInfo] = []
    /// The module types this engine was built with (a background job's engine gets the same).
    package private(set) var moduleTypes: [any CommandModule.Type] = []
    /// The inputs run in this session, oldest first (Get-History).
    package var history: [HistoryEntry] = []
    /// What the engine reports of the machine; modules that emulate one set it at registration.
    package var identity: HostIdentity
    /// Called with the full path of each file the runtime writes (`> file`), so a service that
    /// caches a file's contents (lmhosts) reads it again.
    package var fileWriteObservers: [(String) -> Void] = []
    /// Set while a region runs that may read state but not change it (`withSandbox`).
    package var sandbox: ExecutionSandbox?
    /// `Get-Help about_…` topics by name.
    package var helpTopics: [NameKey: String] = [:]
    /// Providers, drives and the current location.
    package let locations = LocationState()

    /// A new engine with the commands of `modules`, which register in order (their commands are
    /// built on first use).
    public init(host: PSHostUserInterface, configuration: EngineConfiguration, modules: [any CommandModule.Type] = []) {
        self.host = TranscriptTee(wrapping: host)
        self.configuration = configuration
        self.sessionState = SessionState(environment: configuration.environment)
        self.identity = HostIdentity(environment: configuration.environment)
        self.stackGuard = StackGuard(stackSize: configuration.stackSize)
        self.moduleTypes = modules
        for module in modules {
            let info = ModuleInfo(module)
            self.modules.append(info)
            module.register(in: ModuleRegistration(engine: self, module: info))
        }
        AutomaticVariables.install(in: self)
        WindowsEnvironment.install(in: self)
    }

    /// Parses and runs one unit of input: a console line (or completed multi-line block), a
    /// `-Command` string or one piped line. Output, errors and prompts go to the host.
    public func execute(_ text: String) -> ExecutionOutcome {
        transcribeCommand(text)
        return recordingHistory(text) { run(Parser.parseInput(text), fromFile: false, isolatedScope: false) }
    }

    /// Runs a script file (`-File`), binding `arguments` to its `param()` block or `$args`.
    public func executeFile(path: String, arguments: [String]) -> ExecutionOutcome {
        let full = absolutePath(path)
        guard let text = readTextFile(full) else {
            let exception = PSExceptionObject(typeName: "System.Management.Automation.CommandNotFoundException",
                                              message: Messages.format("CommandNotFoundException", path))
            let record = ErrorRecord(exception: exception, errorId: "CommandNotFoundException", category: .ObjectNotFound,
                                     targetObject: .string(path))
            appendError(record)
            reportError(record)
            return .terminated
        }
        let result = Parser.parseInput(text, file: full)
        if !result.errors.isEmpty { return run(result, fromFile: true, isolatedScope: true) }
        if let record = ScriptRequirements(result).unmet(scriptName: fileName(full), engine: self) {
            appendError(record)
            reportError(record)
            return .terminated
        }
        types.use(result.ast.usingStatements)
        sessionState.setLocal("PSScriptRoot", .string(directoryName(full)))
        sessionState.setLocal("PSCommandPath", .string(full))
        return runScript(result, arguments: Self.scriptArguments(arguments))
    }

    /// `-File` arguments as powershell.exe passes them: `-Name` and `-Name:value` are parameter
    /// names, everything else (negative numbers included) a string argument.
    package static func scriptArguments(_ arguments: [String]) -> [CommandArgument] {
        arguments.map { text in
            guard text.count > 1, text.hasPrefix("-"), LanguagePrimitives.parseNumber(text) == nil else {
                return CommandArgument(value: .string(text))
            }
            let body = text.dropFirst()
            if let colon = body.firstIndex(of: ":") {
                return CommandArgument(parameterName: String(body[..<colon]),
                                       value: .string(String(body[body.index(after: colon)...])), colonForm: true)
            }
            return CommandArgument(parameterName: String(body))
        }
    }

    /// Out-Default's formatter at the console's width, with the modules' views.
    package func makeFormatter(columns: Int? = nil) -> OutputFormatter {
        let formatter = OutputFormatter(width: host.bufferWidth, columns: columns, errorView: errorView)
        formatter.declaredViews = declaredViews
        return formatter
    }

    private func runScript(_ result: ParseResult, arguments: [CommandArgument]) -> ExecutionOutcome {
        let formatter = makeFormatter()
        let saved = currentSource
        currentSource = result.source
        defer { currentSource = saved }
        return guarded(formatter: formatter) { () throws(EvalError) in
            let meta = FunctionMetadata.build(name: result.source.file ?? "", ast: result.ast, outerParameters: nil)
            // Invoked by the host, not from script text: no position of its own.
            let invocation = InvocationInfo(myCommand: result.source.file, commandKind: .externalScript,
                                            source: nil, extent: nil)
            let binder = ParameterBinder(engine: self, metadata: meta, invocation: invocation, commandExtent: .empty)
            let processor = ScriptProcessor(engine: self, block: result.ast, metadata: meta, binder: binder,
                                            arguments: arguments, dotSource: false, isFilter: false, isScript: true)
            // `exit N` in the -File script is the process's exit code.
            processor.rethrowsExit = true
            processor.next = { [unowned self] value in formatter.write(value, to: self.host) }
            try processor.begin()
            try processor.processWithoutInput()
            try processor.end()
        }
    }

    package func run(_ result: ParseResult, fromFile: Bool, isolatedScope: Bool) -> ExecutionOutcome {
        if !result.errors.isEmpty {
            let record = ErrorView.parseErrorRecord(result, fromFile: fromFile)
            appendError(record)
            reportError(record)
            lastSucceeded = false
            return fromFile ? .terminated : .completed(succeeded: false)
        }
        let formatter = makeFormatter()
        let saved = currentSource
        currentSource = result.source
        defer { currentSource = saved }
        // Console input is itself a script block: Write-Error at the prompt names it.
        let savedCaller = callerInvocation
        if nestingLevel == 0 || callerInvocation == nil {
            callerInvocation = InvocationInfo(myCommand: result.source.text, commandKind: .scriptBlock, source: nil, extent: nil)
        }
        defer { callerInvocation = savedCaller }
        return guarded(formatter: formatter) { () throws(EvalError) in
            let sink: OutputSink = { [unowned self] value in formatter.write(value, to: self.host) }
            let ast = result.ast
            types.use(ast.usingStatements)
            for block in [ast.beginBlock, ast.processBlock, ast.endBlock] {
                guard let block else { continue }
                try executeStatements(block.statements, traps: block.traps, output: sink)
            }
        }
    }

    /// Runs top-level code, turning its exits and errors into an outcome.
    private func guarded(formatter: OutputFormatter, _ body: () throws(EvalError) -> Void) -> ExecutionOutcome {
        var outcome = ExecutionOutcome.completed(succeeded: true)
        let savedFormatter = outputFormatter
        outputFormatter = formatter
        defer { outputFormatter = savedFormatter }
        do {
            try body()
            outcome = .completed(succeeded: lastSucceeded)
        } catch {
            switch error {
            case .error(let failure):
                appendError(failure.record)
                reportError(failure.record)
                formatter.finish(to: host)
                lastSucceeded = false
                return .terminated
            case .exit(let code):
                setLastExitCode(code)
                outcome = .exitRequested(code)
            case .stopped:
                lastSucceeded = false
                outcome = .completed(succeeded: false)
            case .break, .continue, .return, .stopUpstream:
                // Outside any loop or function they end the input, as in PowerShell.
                outcome = .completed(succeeded: lastSucceeded)
            }
        }
        formatter.finish(to: host)
        return outcome
    }

    /// `$global:LASTEXITCODE`, which `exit N` sets.
    package func setLastExitCode(_ code: Int32) {
        sessionState.global.variables[NameKey("LASTEXITCODE")] = PSVariable(name: "LASTEXITCODE", value: .int32(code))
    }

    package func writeFormatted(_ text: String) {
        if !text.isEmpty { host.write(text, stream: .output) }
    }

    /// True when the console should read more lines before running `text` (open brace, open
    /// string, trailing pipe or backtick): it then shows the `>> ` prompt.
    public func isIncomplete(_ text: String) -> Bool {
        Parser.parseInput(text).isIncomplete
    }

    /// The prompt text, from the `prompt` function (which a profile may redefine).
    public func promptText() -> String {
        // 5.1's prompt function: `PS <location>> `, one more `>` per nested prompt.
        let location = currentLocation?.path ?? "C:\\"
        let fallback = "PS " + location + (nestingLevel > 0 ? ">> " : "> ")
        guard let prompt = sessionState.function("prompt") else { return fallback }
        // ConsoleHost.EvaluatePrompt: a prompt function that fails or writes nothing shows
        // DefaultPrompt, and its error is not shown.
        let value = try? invokeScriptBlock(ScriptBlock(ast: prompt.definition), arguments: [])
        let text = value.map(expandToString) ?? ""
        return text.isEmpty ? Messages.template("DefaultPrompt") : text
    }

    /// The names of every command (cmdlets, functions, aliases) for completion and `Get-Command`.
    public var commandNames: [String] {
        cmdlets.all.map { $0.metadata.name } + sessionState.visibleFunctions.map { $0.name }
            + aliases.keys.map(\.name).sorted()
    }

    /// The parameters of a command, resolving aliases; nil when the command is unknown.
    public func commandMetadata(_ name: String) -> CommandMetadata? {
        switch resolveCommand(name) {
        case .cmdlet(let c): return c.metadata
        case .function(let f): return f.metadata
        default: return nil
        }
    }

    /// The property names a command's output objects have, for completion after `| Select-Object`.
    public func outputProperties(ofCommand name: String) -> [String] {
        guard case .cmdlet(let definition) = resolveCommand(name) else { return [] }
        return definition.outputProperties?(self) ?? []
    }

    /// Names of the variables currently visible, without `$`.
    public var variableNames: [String] {
        ["true", "false", "null"] + sessionState.visibleVariables.map { $0.name }
    }

    /// Releases sockets and threads before the process exits.
    public func shutdown() {
        stopTranscriptAtExit()
        services.shutdown()
    }

    // MARK: Errors

    package func appendError(_ record: ErrorRecord) {
        streamCapture?.add(.object(record), to: .error)
        if errorList.items.first.map({ if case .object(let o) = $0 { return o === record } else { return false } }) == true {
            return
        }
        errorList.items.insert(.object(record), at: 0)
        if errorList.items.count > 256 { errorList.items.removeLast() }
    }

    package func reportError(_ record: ErrorRecord) {
        sandbox?.reported(record)
        if let formatter = outputFormatter {
            formatter.write(.object(record), stream: .error, to: host)
        } else {
            host.write(ErrorView.render(record, view: errorView, width: host.bufferWidth), stream: .error)
        }
    }

    package var errorView: ErrorViewKind {
        ErrorViewKind(rawValue: LanguagePrimitives.toString(variableValue("ErrorView"))) ?? .normalView
    }

    /// An error raised by the language itself (not by a command): no prefix, the expression's position.
    package func runtimeErrorRecord(message: String, errorId: String, category: ErrorCategory, extent: SourceExtent,
                            exceptionType: String = "System.Management.Automation.RuntimeException",
                            target: PSValue = .null, innerException: PSExceptionObject? = nil) -> ErrorRecord {
        let exception = PSExceptionObject(typeName: exceptionType, message: message, innerException: innerException)
        return ErrorRecord(exception: exception, errorId: errorId, category: category, targetObject: target,
                           invocationInfo: InvocationInfo(myCommand: nil, source: currentSource, extent: extent))
    }

    package func interruptRequested() -> Bool {
        // Waiting commands poll here: a table held for its grouping window is shown once it passed.
        outputFormatter?.flushIfDue(to: host)
        return host.consumeInterrupt()
    }

    /// Waits, in slices that Ctrl-C can stop (Start-Sleep, Thread.Sleep).
    package func sleep(milliseconds: Int64) throws(EvalError) {
        var remaining = milliseconds
        while remaining > 0 {
            if interruptRequested() { throw .stopped }
            let slice = min(remaining, 50)
            usleep(UInt32(slice * 1000))
            remaining -= slice
        }
    }

    // MARK: Variables

    package func variableValue(_ name: String) -> PSValue {
        sessionState.lookup(name)?.value ?? .null
    }

}
