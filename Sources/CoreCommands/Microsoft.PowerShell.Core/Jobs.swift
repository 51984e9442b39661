import CmdletParser
import ShellEngine
#if canImport(Glibc)
import Glibc
#endif

/// What a job's engine writes to its host: kept and shown again by Receive-Job.
final class JobHost: PSHostUserInterface {
    var written: [(text: String, stream: HostStream)] = []
    /// A job runs on the shell's thread: after this many seconds it is stopped, so a job that
    /// never ends (`while ($true) {…}`) cannot hold the session. nil: no limit.
    var timeLimit: Int?
    private var started = 0
    private(set) var timedOut = false

    func write(_ text: String, stream: HostStream) {
        // Errors come back as error records, not as their text.
        guard stream != .error else { return }
        written.append((text, stream))
    }

    func readLine() -> HostInput { .endOfInput }
    var isInteractive: Bool { false }
    var bufferWidth: Int { 120 }
    func consumeInterrupt() -> Bool {
        guard let timeLimit else { return false }
        if !timedOut && Int(time(nil)) - started >= timeLimit { timedOut = true }
        return timedOut
    }

    func clearScreen() {}

    func startClock() {
        started = Int(time(nil))
        timedOut = false
    }
}

/// A script block run in an engine of its own (a job's runspace, a local PSSession).
final class Runspace {
    let engine: Engine
    let host = JobHost()

    init(for parent: Engine) {
        let configuration = EngineConfiguration(environment: parent.configuration.environment, interactive: false)
        engine = Engine(host: host, configuration: configuration, modules: parent.moduleTypes)
        engine.allowUsingVariables()
        RunspaceEngines.of(parent).engines.append(engine)
    }

    /// Runs `block` with `arguments`, `$using:` variables taken from `caller`. Returns the output
    /// and the errors the block wrote, and the terminating error that stopped it, if any.
    func run(_ block: ScriptBlock, arguments: [PSValue], caller: Engine)
        -> (output: [PSValue], errors: [ErrorRecord], failure: ErrorRecord?) {
        block.ast.walk { node in
            guard let using = node as? UsingExpressionAst else { return }
            var inner: ExpressionAst = using.subExpression
            while !(inner is VariableExpressionAst) {
                if let member = inner as? MemberExpressionAst { inner = member.expression }
                else if let index = inner as? IndexExpressionAst { inner = index.target }
                else { return }
            }
            guard let variable = inner as? VariableExpressionAst else { return }
            let name = variable.variablePath.name
            engine.sessionState.global.variables[NameKey(name)] =
                PSVariable(name: name, value: caller.sessionState.lookup(name)?.value ?? .null)
        }
        host.startClock()
        let before = engine.errorList.items.count
        var output: [PSValue] = []
        var failure: ErrorRecord?
        do {
            let result = try engine.invokeScriptBlock(block, arguments: arguments)
            output = result.enumerated ?? (result.isNull ? [] : [result])
        } catch .error(let error) {
            failure = error.record
        } catch {
            // break, return or exit ends the job's script block; its output so far is kept.
        }
        let newErrors = engine.errorList.items.prefix(max(0, engine.errorList.items.count - before)).reversed()
        let errors = newErrors.compactMap { value -> ErrorRecord? in
            if case .object(let record as ErrorRecord) = value, record !== failure { return record }
            return nil
        }
        return (output, errors, failure)
    }
}

/// The engines of the session's jobs and local sessions. The objects they return refer to the
/// engine that made them (their property getters run in it), and those objects outlive the job or
/// session in the caller's variables, so the engines live as long as the session does.
final class RunspaceEngines: EngineService {
    var engines: [Engine] = []

    func shutdown() {}

    static func of(_ engine: Engine) -> RunspaceEngines { engine.service(RunspaceEngines.self) { RunspaceEngines() } }
}

/// A background job (BackgroundJob): it runs, in its own engine, when the session first looks at it
/// after starting it (Get-Job, Wait-Job, Receive-Job or a read of its State), so a script that
/// waits for it never waits forever.
final class BackgroundJob: PSObject {
    let id: Int
    let name: String
    let command: String
    private var block: ScriptBlock?
    private var arguments: [PSValue]
    private weak var parent: Engine?
    private(set) var state = "Running"
    var output: [PSValue] = []
    var errors: [ErrorRecord] = []
    var hostText: [(text: String, stream: HostStream)] = []
    var failure: ErrorRecord?

    init(id: Int, name: String, block: ScriptBlock, arguments: [PSValue], parent: Engine) {
        self.id = id
        self.name = name
        self.command = block.text.trimmedWhitespace
        self.block = block
        self.arguments = arguments
        self.parent = parent
        super.init(typeNames: ["System.Management.Automation.PSRemotingJob", FormatView.jobTypeName, "System.Object"])
    }

    /// Runs the job if it has not run yet.
    func complete() {
        guard let block, let parent else { return }
        self.block = nil
        let runspace = Runspace(for: parent)
        runspace.host.timeLimit = Self.timeLimit
        if let initialization = initialization {
            _ = runspace.run(initialization, arguments: [], caller: parent)
            runspace.host.written.removeAll()
        }
        let result = runspace.run(block, arguments: arguments, caller: parent)
        output = result.output
        errors = result.errors
        failure = result.failure
        hostText = runspace.host.written
        state = runspace.host.timedOut ? "Stopped" : result.failure == nil ? "Completed" : "Failed"
        runspace.engine.shutdown()
    }

    var initialization: ScriptBlock?
    /// Seconds a job may run before it is stopped.
    static let timeLimit = 10

    func stop() {
        guard block != nil else { return }
        block = nil
        state = "Stopped"
    }

    /// A job that has not run yet has data to come, as a running job has.
    var hasMoreData: Bool { block != nil || !output.isEmpty || !errors.isEmpty || failure != nil || !hostText.isEmpty }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Id", value: .int32(Int32(clamping: id))),
         PSPropertyInfo(name: "Name", value: .string(name)),
         PSPropertyInfo(name: "PSJobTypeName", value: .string("BackgroundJob")),
         PSPropertyInfo(name: "State", value: .string(state), typeName: "System.Management.Automation.JobState"),
         PSPropertyInfo(name: "HasMoreData", value: .bool(hasMoreData)),
         PSPropertyInfo(name: "Location", value: .string("localhost")),
         PSPropertyInfo(name: "Command", value: .string(command))]
    }

    override func property(_ name: String) -> PSValue? {
        switch name.lowercased() {
        case "state", "hasmoredata", "output", "error", "childjobs", "jobstateinfo": complete()
        default: break
        }
        switch name.lowercased() {
        case "output": return .array(PSArray(output))
        case "error": return .array(PSArray(errors.map { .object($0) }))
        case "childjobs": return .array(PSArray([]))
        case "jobstateinfo": return .string(state)
        case "instanceid": return .string("00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - min(12, String(id).count)) + String(id))
        default: return super.property(name)
        }
    }

    override func toString() -> String { "System.Management.Automation.PSRemotingJob" }
}

/// The session's jobs. Ids go up by two: each job's child job takes the number after it.
final class JobService: EngineService {
    var jobs: [BackgroundJob] = []
    var nextId = 1

    func shutdown() {}

    static func of(_ engine: Engine) -> JobService { engine.service(JobService.self) { JobService() } }

    /// The jobs a command names by `-Job`, `-Id`, `-Name` or position; all without any.
    func select(_ context: CommandContext) throws -> [BackgroundJob] {
        if let values = context.value("Job").map({ $0.enumerated ?? [$0] }) {
            return values.compactMap { if case .object(let job as BackgroundJob) = $0 { return job }; return nil }
        }
        if let ids = context.value("Id").map({ $0.enumerated ?? [$0] }) {
            var found: [BackgroundJob] = []
            for value in ids {
                let id = LanguagePrimitives.toInt64(value) ?? -1
                if let job = jobs.first(where: { Int64($0.id) == id }) { found.append(job); continue }
                try context.writeError(context.errorRecord(
                    message: "The command cannot find a job with the job ID \(id). Verify the value of the Id parameter and then try the command again.",
                    errorId: "JobWithSpecifiedIdNotFound", category: .ObjectNotFound,
                    exceptionType: "System.ArgumentException", target: .int32(Int32(clamping: id))))
            }
            return found
        }
        if let names = context.value("Name").map({ $0.enumerated ?? [$0] }) {
            var found: [BackgroundJob] = []
            for value in names {
                let name = LanguagePrimitives.toString(value)
                let pattern = WildcardPattern(name)
                let matches = jobs.filter { pattern.matches($0.name) }
                if matches.isEmpty && !WildcardPattern.hasWildcards(name) {
                    try context.writeError(context.errorRecord(
                        message: "The command cannot find the job because the job name \(name) was not found. Verify the value of the Name parameter, and then try the command again.",
                        errorId: "JobWithSpecifiedNameNotFound", category: .ObjectNotFound,
                        exceptionType: "System.ArgumentException", target: .string(name)))
                }
                found += matches
            }
            return found
        }
        return jobs
    }
}

final class StartJob: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let block: ScriptBlock
        if case .scriptBlock(let given)? = context.value("ScriptBlock") {
            block = given
        } else if let path = context.string("FilePath") {
            block = ScriptBlock(ast: try context.engine.loadScript(path, extent: .empty).ast)
        } else {
            return
        }
        let arguments = context.value("ArgumentList").map { $0.enumerated ?? [$0] } ?? []
        let job = try Self.start(block, arguments: arguments, name: context.string("Name"), context: context)
        if case .scriptBlock(let initialization)? = context.value("InitializationScript") { job.initialization = initialization }
    }

    /// Registers a new job and writes it.
    @discardableResult
    static func start(_ block: ScriptBlock, arguments: [PSValue], name: String?, context: CommandContext) throws -> BackgroundJob {
        let service = JobService.of(context.engine)
        let id = service.nextId
        service.nextId += 2
        let job = BackgroundJob(id: id, name: name ?? "Job\(id)", block: block, arguments: arguments, parent: context.engine)
        service.jobs.append(job)
        try context.writeObject(.object(job))
        return job
    }
}

final class GetJob: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let jobs = try JobService.of(context.engine).select(context)
        let state = context.string("State")
        for job in jobs {
            job.complete()
            if let state, !job.state.caseInsensitiveEquals(state) { continue }
            try context.writeObject(.object(job))
        }
    }
}

final class WaitJob: Cmdlet {
    private var jobs: [BackgroundJob] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        if case .object(let job as BackgroundJob)? = input { jobs.append(job); return }
        jobs += try JobService.of(context.engine).select(context)
    }

    func end(_ context: CommandContext) throws {
        for job in jobs { job.complete() }
        let written = context.switchValue("Any") ? Array(jobs.prefix(1)) : jobs
        for job in written { try context.writeObject(.object(job)) }
    }
}

final class ReceiveJob: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var jobs: [BackgroundJob]
        if case .object(let job as BackgroundJob)? = input { jobs = [job] } else {
            jobs = try JobService.of(context.engine).select(context)
        }
        if context.value("Job") == nil && context.value("Id") == nil && context.value("Name") == nil && input == nil { jobs = [] }
        for job in jobs {
            job.complete()
            for (text, stream) in job.hostText { context.engine.host.write(text, stream: stream) }
            for record in job.errors { try context.writeError(record) }
            for value in job.output { try context.writeObject(value) }
            if let failure = job.failure { try context.writeError(failure) }
            if !context.switchValue("Keep") {
                job.output = []
                job.errors = []
                job.hostText = []
                job.failure = nil
            }
            if context.switchValue("AutoRemoveJob") {
                JobService.of(context.engine).jobs.removeAll { $0 === job }
            }
        }
    }
}

final class StopJob: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var jobs = try JobService.of(context.engine).select(context)
        if case .object(let job as BackgroundJob)? = input { jobs = [job] }
        for job in jobs {
            job.stop()
            if context.switchValue("PassThru") { try context.writeObject(.object(job)) }
        }
    }
}

final class RemoveJob: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let service = JobService.of(context.engine)
        var jobs = try service.select(context)
        if case .object(let job as BackgroundJob)? = input { jobs = [job] }
        if context.value("Job") == nil && context.value("Id") == nil && context.value("Name") == nil
            && context.value("State") == nil && input == nil { return }
        if let state = context.string("State") { jobs = jobs.filter { $0.state.caseInsensitiveEquals(state) } }
        for job in jobs {
            job.complete()
            service.jobs.removeAll { $0 === job }
        }
    }
}
