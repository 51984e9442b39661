import CmdletParser
import ShellEngine

/// Describe and Context: print the header, run the fixture in a child scope with its BeforeAll
/// blocks first (3.4 finds them before running the block), then its AfterAll blocks.
final class BlockCommand: Cmdlet {
    enum Kind { case describe, context }
    let kind: Kind
    init(kind: Kind) { self.kind = kind }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let state = PesterState.of(engine)
        let name = context.string("Name") ?? ""
        guard case .scriptBlock(let fixture)? = context.value("Fixture") else {
            throw PesterErrors.runtime(engine, "No test script block is provided. (Have you put the open curly brace on the next line?)",
                                       context)
        }
        if kind == .describe, state.frames.isEmpty, !state.selects(name: name, tags: context.value("Tags")) { return }
        let outermost = state.frames.isEmpty
        if outermost && !state.invoked { state.outcomes = [] }
        state.say(engine, kind == .describe ? "Describing \(name)" : "   Context \(name)")
        let frame = Frame(name: name, isContext: kind == .context)
        state.frames.append(frame)
        defer { state.frames.removeLast() }
        let testDrive = outermost ? TestDrive.create(engine) : nil
        defer { if let testDrive { TestDrive.remove(engine, testDrive) } }
        try engine.sessionState.withNewScope {
            if let testDrive { engine.sessionState.setLocal("TestDrive", .string(testDrive)) }
            let started = ContinuousClock.now
            do {
                let body = fixture.ast.processBlock ?? fixture.ast.endBlock
                let hooks = (body?.statements ?? []).filter(Self.isBeforeAll)
                frame.hoisting = true
                try engine.executeStatements(hooks, output: { _ in })
                frame.hoisting = false
                frame.beforeAllDone = true
                _ = try asInTry(engine) { try engine.invokeScriptBlockInCurrentScope(fixture, dollarUnder: .null, output: { _ in }) }
            } catch let error as EvalError {
                guard case .error(let error) = error else { throw error }
                let elapsed = ContinuousClock.now - started
                state.report(engine, failure(error.record, name: "Error occurred in \(kind == .describe ? "Describe" : "Context") block",
                                             state: state, milliseconds: milliseconds(elapsed)))
            }
            for hook in frame.afterAll {
                do { _ = try asInTry(engine) { try engine.invokeScriptBlockInCurrentScope(hook, dollarUnder: .null, output: { _ in }) } }
                catch EvalError.error(let error) {
                    state.report(engine, failure(error.record, name: "Error occurred in AfterAll", state: state, milliseconds: 0))
                }
            }
        }
    }

    /// A `BeforeAll { … }` statement written directly in the fixture.
    static func isBeforeAll(_ statement: StatementAst) -> Bool {
        guard let pipeline = statement as? PipelineAst, pipeline.pipelineElements.count == 1,
              let command = pipeline.pipelineElements.first as? CommandAst,
              let first = command.commandElements.first as? StringConstantExpressionAst else { return false }
        return first.value.caseInsensitiveEquals("BeforeAll")
    }
}

/// BeforeEach, AfterEach, BeforeAll and AfterAll.
final class HookCommand: Cmdlet {
    enum Kind { case beforeEach, afterEach, beforeAll, afterAll }
    let kind: Kind
    init(kind: Kind) { self.kind = kind }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard let frame = PesterState.of(engine).frames.last else {
            throw PesterErrors.runtime(engine, "The \(context.metadata.name) command may only be used inside a Describe block.", context)
        }
        guard case .scriptBlock(let block)? = context.value("Scriptblock") else { return }
        switch kind {
        case .beforeEach: frame.beforeEach.append(block)
        case .afterEach: frame.afterEach.insert(block, at: 0)
        case .afterAll: frame.afterAll.append(block)
        case .beforeAll:
            guard frame.hoisting || !frame.beforeAllDone else { return }
            _ = try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: .null, output: { _ in })
        }
    }
}

/// Set-TestInconclusive.
final class SetInconclusive: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        throw PesterErrors.signal(context, errorId: "PesterTestInconclusive",
                                  message: context.string("Message") ?? "The test result is inconclusive.")
    }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// A test outcome from the error that ended it: Pester's own assertion errors carry the line of
/// the Should; other errors the line of the failing statement.
func failure(_ record: ErrorRecord, name: String, state: PesterState, milliseconds: Double) -> TestOutcome {
    let info = record.invocationInfo
    let line = info?.scriptLineNumber ?? 0
    var trace = "at line: \(line) in \(info?.scriptName ?? "")"
    let text = trimmed(info?.line ?? "")
    if !text.isEmpty { trace += "\n\(line): \(text)" }
    let inconclusive = record.fullyQualifiedErrorId == "PesterTestInconclusive"
    return TestOutcome(describe: state.describeName, context: state.contextName, name: name,
                       result: inconclusive ? .inconclusive : .failed, failureMessage: record.exception.message,
                       stackTrace: trace, errorRecord: record, milliseconds: milliseconds)
}

enum PesterErrors {
    /// A terminating error Pester raises about how it was called.
    static func runtime(_ engine: Engine, _ message: String, _ context: CommandContext) -> RuntimeError {
        RuntimeError(record: engine.runtimeErrorRecord(message: message, errorId: "RuntimeException", category: .OperationStopped,
                                                       extent: context.invocation.extent ?? .empty))
    }

    /// The error a failed Should (or Set-TestInconclusive) ends its test with.
    static func signal(_ context: CommandContext, errorId: String, message: String) -> RuntimeError {
        let exception = PSExceptionObject(typeName: "System.Exception", message: message)
        let record = ErrorRecord(exception: exception, errorId: errorId, category: .InvalidResult, targetObject: .null,
                                 invocationInfo: context.invocation)
        return RuntimeError(record: record)
    }
}

func trimmed(_ text: String) -> String {
    String(text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
}

/// Runs `body` as inside `try { }`: the first terminating error, even one that would end only its
/// statement, ends the block and reaches the caller (Pester runs each block inside try/catch).
func asInTry<T, E: Error>(_ engine: Engine, _ body: () throws(E) -> T) throws(E) -> T {
    engine.tryDepth += 1
    defer { engine.tryDepth -= 1 }
    return try body()
}
