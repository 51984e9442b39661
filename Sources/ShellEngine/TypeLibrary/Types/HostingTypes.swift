import CmdletParser

/// `[powershell]`: the hosting API scripts use to run commands in a runspace of their own
/// (`[powershell]::Create().AddScript(…).Invoke()`). The runspace is an engine of its own in this
/// process, created on the first `Invoke` and kept for the next ones, as a runspace is.
enum HostingTypes {
    static func all() -> [DotNetType] { [powerShell, streams, command, settings, asyncResult, runspaceMode] }

    private static let typeName = "System.Management.Automation.PowerShell"

    static let runspaceMode = DotNetType("System.Management.Automation.RunspaceMode", kind: .enumeration(flags: false)) {
        $0.values(["CurrentRunspace", "NewRunspace"])
    }

    static let powerShell = DotNetType(typeName, aliases: ["powershell"], interfaces: ["System.IDisposable"]) { t in
        t.staticMethod("Create", "powershell") { c in c.make(typeName, HostedPipeline(parent: c.engine, current: false)) }
        t.staticMethod("Create", "powershell", "System.Management.Automation.RunspaceMode runspace") { c in
            c.make(typeName, HostedPipeline(parent: c.engine, current: c.enumValue(0) == 0))
        }
        t.method("AddScript", "powershell", "string script") { c in try add(c) { $0.addScript(c.text(0), local: false) } }
        t.method("AddScript", "powershell", "string script, bool useLocalScope") { c in
            try add(c) { $0.addScript(c.text(0), local: c.bool(1)) }
        }
        t.method("AddCommand", "powershell", "string cmdlet") { c in try add(c) { $0.addCommand(c.text(0), local: false) } }
        t.method("AddCommand", "powershell", "string cmdlet, bool useLocalScope") { c in
            try add(c) { $0.addCommand(c.text(0), local: c.bool(1)) }
        }
        t.method("AddParameter", "powershell", "string parameterName") { c in
            try add(c) { try $0.addParameter(c.text(0), .bool(true)) }
        }
        t.method("AddParameter", "powershell", "string parameterName, System.Object value") { c in
            try add(c) { try $0.addParameter(c.text(0), c.value(1)) }
        }
        t.method("AddParameters", "powershell", "System.Object parameters") { c in try add(c) { try $0.addParameters(c.value(0)) } }
        t.method("AddArgument", "powershell", "System.Object value") { c in try add(c) { try $0.addArgument(c.value(0)) } }
        t.method("AddStatement", "powershell") { c in try add(c) { $0.statements.append([]) } }
        t.method("Invoke", "System.Collections.ObjectModel.Collection[psobject]") { c in
            try pipeline(c).invoke(input: nil)
        }
        t.method("Invoke", "System.Collections.ObjectModel.Collection[psobject]", "System.Collections.IEnumerable input") { c in
            try pipeline(c).invoke(input: c.value(0))
        }
        t.method("Invoke", "System.Collections.ObjectModel.Collection[psobject]",
                 "System.Collections.IEnumerable input, System.Management.Automation.PSInvocationSettings settings") { c in
            try pipeline(c).invoke(input: c.value(0).isNull ? nil : c.value(0),
                                   addToHistory: c.payload(1, InvocationSettings.self)?.addToHistory ?? false)
        }
        t.method("BeginInvoke", "System.IAsyncResult") { c in
            let p = try pipeline(c)
            return c.make("System.Management.Automation.PowerShellAsyncResult", try p.invoke(input: nil))
        }
        t.method("EndInvoke", "System.Management.Automation.PSDataCollection[psobject]", "System.IAsyncResult asyncResult") { c in
            c.payload(0, PSValue.self) ?? .null
        }
        t.method("Stop", "void") { _ in .null }
        t.method("Dispose", "void") { c in
            try pipeline(c).dispose()
            return .null
        }
        t.property("Streams", "System.Management.Automation.PSDataStreams") { c in
            c.make("System.Management.Automation.PSDataStreams", try pipeline(c))
        }
        t.property("HadErrors", "bool") { c in .bool(try pipeline(c).hadErrors) }
        t.property("InvocationStateInfo", "System.Management.Automation.PSInvocationStateInfo") { c in
            let info = PSCustomObject()
            info.add("State", .string(try pipeline(c).state))
            info.add("Reason", .null)
            return .object(info)
        }
        t.property("Commands", "System.Management.Automation.PSCommand") { c in
            c.make("System.Management.Automation.PSCommand", try pipeline(c))
        }
        t.property("Runspace", "System.Management.Automation.Runspaces.Runspace") { _ in .null }
        t.property("IsNested", "bool") { _ in .bool(false) }
    }

    static let streams = DotNetType("System.Management.Automation.PSDataStreams") { t in
        for (name, stream) in [("Error", HostedPipeline.Stream.error), ("Warning", .warning), ("Verbose", .verbose),
                               ("Debug", .debug), ("Information", .information), ("Progress", .progress)] {
            t.property(name, "System.Management.Automation.PSDataCollection[psobject]") { c in
                .array(c.payload(HostedPipeline.self)?.collection(stream) ?? PSArray([]))
            }
        }
        t.method("ClearStreams", "void") { c in
            c.payload(HostedPipeline.self)?.clearStreams()
            return .null
        }
    }

    static let command = DotNetType("System.Management.Automation.PSCommand") { t in
        t.property("Commands", "System.Management.Automation.Runspaces.CommandCollection") { c in
            .array(PSArray((c.payload(HostedPipeline.self)?.statements.flatMap { $0 } ?? []).map { .string($0.text) }))
        }
        t.method("Clear", "void") { c in
            c.payload(HostedPipeline.self)?.statements = [[]]
            return .null
        }
    }

    static let settings = DotNetType("System.Management.Automation.PSInvocationSettings") { t in
        t.constructor { c in c.make("System.Management.Automation.PSInvocationSettings", InvocationSettings()) }
        t.property("AddToHistory", "bool", { c in .bool(c.payload(InvocationSettings.self)?.addToHistory ?? false) },
                   set: { c, v in c.payload(InvocationSettings.self)?.addToHistory = LanguagePrimitives.isTrue(v) })
    }

    static let asyncResult = DotNetType("System.Management.Automation.PowerShellAsyncResult",
                                        interfaces: ["System.IAsyncResult"]) { t in
        t.property("IsCompleted", "bool") { _ in .bool(true) }
        t.property("CompletedSynchronously", "bool") { _ in .bool(true) }
    }

    private static func pipeline(_ c: DotNetCall) throws -> HostedPipeline {
        guard let p = c.payload(HostedPipeline.self) else { throw DotNetException("System.ObjectDisposedException", "") }
        return p
    }

    /// The Add* methods return the PowerShell object itself, so calls chain.
    private static func add(_ c: DotNetCall, _ change: (HostedPipeline) throws -> Void) throws -> PSValue {
        try change(try pipeline(c))
        return c.this
    }
}

final class InvocationSettings {
    var addToHistory = false
}

/// The commands of one `[powershell]` object and the streams its invocations filled.
final class HostedPipeline {
    enum Stream: CaseIterable { case error, warning, verbose, debug, information, progress }

    struct Command {
        var text: String
        var isScript: Bool
        var useLocalScope: Bool
        var named: [(String, PSValue)] = []
        var positional: [PSValue] = []
    }

    var statements: [[Command]] = [[]]
    var hadErrors = false
    var state = "NotStarted"
    private var streams: [Stream: PSArray] = [:]
    private unowned(unsafe) let parent: Engine
    private let useCurrent: Bool
    private var runspace: Engine?
    private let host = HostedPipelineHost()

    init(parent: Engine, current: Bool) {
        self.parent = parent
        self.useCurrent = current
    }

    func collection(_ stream: Stream) -> PSArray {
        if let existing = streams[stream] { return existing }
        let created = PSArray([])
        streams[stream] = created
        return created
    }

    func clearStreams() {
        for array in streams.values { array.items.removeAll() }
    }

    func addScript(_ text: String, local: Bool) {
        statements[statements.count - 1].append(Command(text: text, isScript: true, useLocalScope: local))
    }

    func addCommand(_ text: String, local: Bool) {
        statements[statements.count - 1].append(Command(text: text, isScript: false, useLocalScope: local))
    }

    private func lastCommand(_ change: (inout Command) -> Void) throws {
        guard var command = statements[statements.count - 1].last else {
            throw DotNetException("System.InvalidOperationException",
                                  "A command is required to add a parameter. A command must be added to the PowerShell instance before adding a parameter.")
        }
        change(&command)
        statements[statements.count - 1][statements[statements.count - 1].count - 1] = command
    }

    func addParameter(_ name: String, _ value: PSValue) throws { try lastCommand { $0.named.append((name, value)) } }
    func addArgument(_ value: PSValue) throws { try lastCommand { $0.positional.append(value) } }

    func addParameters(_ value: PSValue) throws {
        if case .hashtable(let h) = value {
            for (k, v) in h.entries { try addParameter(LanguagePrimitives.toString(k), v) }
        } else {
            for item in value.enumerated ?? [value] { try addArgument(item) }
        }
    }

    func dispose() {
        runspace?.shutdown()
        runspace = nil
        state = "Stopped"
    }

    /// Runs every statement; output is returned, errors and other records go to the streams, a
    /// terminating error fails the call (the adapter reports it as `Exception calling "Invoke"`).
    func invoke(input: PSValue?, addToHistory: Bool = false) throws -> PSValue {
        guard statements.contains(where: { !$0.isEmpty }) else {
            throw DotNetException("System.InvalidOperationException", "No commands are specified.")
        }
        let engine = useCurrent ? parent : (runspace ?? makeRunspace())
        var script = ""
        for (s, statement) in statements.enumerated() where !statement.isEmpty {
            var elements: [String] = []
            for (i, command) in statement.enumerated() {
                let name = "__PowerShellCommand\(s)_\(i)"
                let named = PSHashtable()
                for (k, v) in command.named { named[string: k] = v }
                let target: PSValue
                if command.isScript {
                    let parsed = Parser.parseInput(command.text)
                    if !parsed.errors.isEmpty { throw DotNetException.parse(parsed.errors) }
                    target = .scriptBlock(ScriptBlock(ast: parsed.ast))
                } else {
                    target = .string(command.text)
                }
                engine.sessionState.global.variables[NameKey(name)] = PSVariable(name: name, value: target)
                engine.sessionState.global.variables[NameKey(name + "n")] = PSVariable(name: name + "n", value: .hashtable(named))
                engine.sessionState.global.variables[NameKey(name + "p")] =
                    PSVariable(name: name + "p", value: .array(PSArray(command.positional)))
                // A script without useLocalScope runs dot-sourced into the runspace's global scope.
                elements.append("\(command.useLocalScope ? "&" : ".") $\(name) @\(name)n @\(name)p")
            }
            let head = input != nil && s == 0 ? "$__PowerShellInput | " : ""
            script += head + elements.joined(separator: " | ") + "\n"
        }
        if let input {
            engine.sessionState.global.variables[NameKey("__PowerShellInput")] = PSVariable(name: "__PowerShellInput", value: input)
        }
        let before = engine.errorList.items.count
        host.written.removeAll()
        state = "Running"
        var output: PSValue = .null
        var failure: RuntimeError?
        let run = { () -> ExecutionOutcome in
            do {
                output = try engine.invokeScriptBlockInCurrentScope(ScriptBlock(ast: Parser.parseInput(script).ast),
                                                                    dollarUnder: .null)
            } catch {
                // `exit` and a stopped pipeline end the script quietly; an error is the run's failure.
                failure = error.runtimeError
            }
            return .completed(succeeded: failure == nil)
        }
        if addToHistory {
            // The history line is the commands as added: a script's text, a command's name.
            _ = engine.recordingHistory(statements.map { $0.map(\.text).joined(separator: " | ") }.joined(separator: "; "), run)
        } else {
            _ = run()
        }
        let added = engine.errorList.items.prefix(max(0, engine.errorList.items.count - before)).reversed()
        for record in added {
            if case .object(let r as ErrorRecord) = record, r === failure?.record { continue }
            collection(.error).items.append(record)
            hadErrors = true
        }
        for (text, stream) in host.written {
            let target: Stream
            switch stream {
            case .warning: target = .warning
            case .verbose: target = .verbose
            case .debug: target = .debug
            default: continue
            }
            for line in text.split(separator: "\n") {
                // The stream holds the message; the console's "WARNING: " label is the host's.
                var message = Substring(line)
                if let colon = message.firstIndex(of: ":"), message[..<colon].allSatisfy(\.isUppercase) {
                    message = message[message.index(after: colon)...].drop { $0 == " " }
                }
                collection(target).items.append(.string(String(message)))
            }
        }
        if let failure {
            hadErrors = true
            state = "Failed"
            let exception = failure.record.exception
            throw DotNetException(exception.typeName, exception.message)
        }
        state = "Completed"
        let items = output.enumerated ?? (output.isNull ? [] : [output])
        return .array(PSArray(items))
    }

    private func makeRunspace() -> Engine {
        let configuration = EngineConfiguration(environment: parent.configuration.environment, interactive: false)
        let engine = Engine(host: host, configuration: configuration, modules: parent.moduleTypes)
        runspace = engine
        return engine
    }
}

/// The host of a `[powershell]` runspace: nothing reaches the console; warnings, verbose and
/// debug text are kept for the streams.
final class HostedPipelineHost: PSHostUserInterface {
    var written: [(String, HostStream)] = []
    func write(_ text: String, stream: HostStream) {
        if stream == .warning || stream == .verbose || stream == .debug { written.append((text, stream)) }
    }
    func readLine() -> HostInput { .endOfInput }
    var isInteractive: Bool { false }
    var bufferWidth: Int { 120 }
    func consumeInterrupt() -> Bool { false }
    func clearScreen() {}
}
