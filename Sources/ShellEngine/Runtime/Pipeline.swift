import CmdletParser

/// One argument of a command as written: `-Name`, `-Name:value`, a positional value, or an entry
/// spread from `@splat`.
package struct CommandArgument {
    /// The parameter name as typed, without the dash; nil for a positional argument.
    package var parameterName: String?
    package var parameterExtent: SourceExtent?
    package var value: PSValue?
    package var valueExtent: SourceExtent?
    /// `-Name:value`: the value belongs to the parameter even for switches.
    package var colonForm: Bool = false
}

/// One element of a running pipeline: begin, then process per input object, then end.
package class CommandProcessor {
    package var next: OutputSink = { _ in }
    /// The first element of its pipeline receives no input (mandatory pipeline parameters are then prompted for).
    package var isFirst = true
    /// The last element writes to where its pipeline's output goes.
    package var isLast = true
    /// Objects written to this element by the `begin` of the one before it, before its own `begin` ran.
    private var pending: [PSValue] = []
    package private(set) var begun = false
    /// The command a `stopUpstream` names, for the pipeline to find where it ends.
    package var stopIdentity: ObjectIdentifier? { nil }
    package func begin() throws(EvalError) {}
    /// Called once for the first element of a pipeline, which receives no input.
    package func processWithoutInput() throws(EvalError) {}
    package func process(_ input: PSValue) throws(EvalError) {}
    package func end() throws(EvalError) {}

    /// Runs `begin`, then processes what arrived before it.
    package final func start() throws(EvalError) {
        try begin()
        begun = true
        let early = pending
        pending = []
        for value in early { try process(value) }
    }

    /// Takes an object from the element before: processed now, or held until `begin` has run.
    package final func receive(_ value: PSValue) throws(EvalError) {
        if begun { try process(value) } else { pending.append(value) }
    }
}

/// An expression at the head of a pipeline: its value is enumerated into the pipeline.
package final class ExpressionProcessor: CommandProcessor {
    package let engine: Engine
    package let expression: ExpressionAst

    package init(engine: Engine, expression: ExpressionAst) {
        self.engine = engine
        self.expression = expression
    }

    package override func processWithoutInput() throws(EvalError) {
        if let range = try engine.rangeItems(expression) {
            // `1..N | …` streams its numbers: a pipeline of any length runs in constant memory.
            for i in range { try next(.int32(i)) }
            return
        }
        try Engine.enumerate(try engine.evaluate(expression), into: next)
    }
}

extension Engine {

    /// Writes a value to a pipeline, unrolling arrays one level as PowerShell does.
    package static func enumerate(_ value: PSValue, into sink: OutputSink) throws(EvalError) {
        if case .array(let a) = value {
            for item in a.items { try sink(item) }
        } else {
            try sink(value)
        }
    }

    package func runPipeline(_ pipeline: PipelineAst, output: @escaping OutputSink) throws(EvalError) {
        // An expression alone is no command: it leaves `$?` as the last command set it.
        let elements = pipeline.pipelineElements
        if elements.count == 1, let head = elements[0] as? CommandExpressionAst, head.redirections.isEmpty {
            if let unary = head.expression as? UnaryExpressionAst,
               [.plusPlus, .minusMinus, .postfixPlusPlus, .postfixMinusMinus].contains(unary.tokenKind) {
                // `$i++` as a statement writes nothing; `($i++)` does.
                _ = try evaluate(unary)
                return
            }
            if let cast = head.expression as? ConvertExpressionAst, cast.type.typeName.name.caseInsensitiveEquals("void") {
                // `[void](…)` writes nothing, not even $null.
                _ = try evaluate(cast.child)
                return
            }
            if head.expression is InvokeMemberExpressionAst {
                // A void method writes nothing.
                voidMethodCalled = false
                let value = try evaluate(head.expression)
                if voidMethodCalled && value.isNull { return }
                try Engine.enumerate(value, into: output)
                return
            }
            try Engine.enumerate(try evaluate(head.expression), into: output)
            return
        }
        var processors: [CommandProcessor] = []
        processors.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            switch element {
            case let e as CommandExpressionAst:
                let processor = ExpressionProcessor(engine: self, expression: e.expression)
                processors.append(try applyRedirections(e.redirections, to: processor))
            case let c as CommandAst:
                let processor = try makeProcessor(for: c, pipelinePosition: position + 1, pipelineLength: elements.count)
                processors.append(try applyRedirections(c.redirections, to: processor))
            default:
                continue
            }
        }
        for i in processors.indices {
            processors[i].isFirst = i == 0
            processors[i].isLast = i + 1 == processors.count
            processors[i].next = i + 1 < processors.count ? processors[i + 1].receive : output
        }
        lastSucceeded = true
        var index = 0
        do throws(EvalError) {
            for p in processors { try p.start() }
            try processors.first?.processWithoutInput()
        } catch {
            guard case .stopUpstream(let id) = error,
                  let stopping = processors.firstIndex(where: { $0.stopIdentity == id }) else { throw error }
            for p in processors[(stopping + 1)...] where !p.begun { try p.start() }
            index = stopping
        }
        // A command that stops the commands before it ends the pipeline from itself on.
        while index < processors.count {
            do throws(EvalError) {
                try processors[index].end()
                index += 1
            } catch {
                guard case .stopUpstream(let id) = error,
                      let stopping = processors.firstIndex(where: { $0.stopIdentity == id }) else { throw error }
                index = max(index + 1, stopping)
            }
        }
    }

    /// `> file`, `>> file`, `*> $null`, `2>&1`, `2> $null`.
    private func applyRedirections(_ redirections: [RedirectionAst], to processor: CommandProcessor) throws(EvalError) -> CommandProcessor {
        guard !redirections.isEmpty else { return processor }
        let redirected = RedirectingProcessor(inner: processor, engine: self)
        for r in redirections {
            switch r {
            case let m as MergingRedirectionAst:
                if m.fromStream == .error || m.fromStream == .all { redirected.mergeErrors = true }
            case let f as FileRedirectionAst:
                let target = try evaluate(f.location)
                let toNull = target.isNull
                let path = toNull ? nil : LanguagePrimitives.toString(target)
                switch f.fromStream {
                case .output: redirected.outputTarget = .some(path.map { ($0, f.append) })
                case .error: redirected.errorTarget = .some(path.map { ($0, f.append) })
                case .all:
                    redirected.outputTarget = .some(path.map { ($0, f.append) })
                    redirected.errorTarget = .some(path.map { ($0, f.append) })
                    redirected.silenceOtherStreams = true
                default:
                    redirected.silenceOtherStreams = toNull
                }
            default: break
            }
        }
        return redirected
    }
}

/// Applies redirections around one pipeline element.
package final class RedirectingProcessor: CommandProcessor {
    package let inner: CommandProcessor
    package unowned let engine: Engine
    /// nil: not redirected; .some(nil): to `$null`; .some((path, append)): to a file.
    package var outputTarget: (String, Bool)?? = nil
    package var errorTarget: (String, Bool)?? = nil
    package var mergeErrors = false
    package var silenceOtherStreams = false
    private var fileText: [String: String] = [:]
    /// One Out-File formatter per target, so one set of blank lines frames the whole output.
    private var fileFormatters: [String: OutputFormatter] = [:]

    package init(inner: CommandProcessor, engine: Engine) {
        self.inner = inner
        self.engine = engine
    }

    private func withStreams(_ body: () throws(EvalError) -> Void) throws(EvalError) {
        let saved = engine.errorRedirection
        engine.errorRedirection = { [unowned self] record in
            if self.mergeErrors {
                try self.deliver(.object(record))
                return true
            }
            switch self.errorTarget {
            case .none: return false
            case .some(.none): return true
            case .some(.some(let (path, _))):
                self.fileText[path, default: ""] += ErrorView.render(record, view: .normalView, width: 120)
                return true
            }
        }
        defer { engine.errorRedirection = saved }
        try body()
    }

    private func deliver(_ value: PSValue) throws(EvalError) {
        switch outputTarget {
        case .none: try next(value)
        case .some(.none): break
        case .some(.some(let (path, _))):
            let formatter = fileFormatters[path] ?? OutputFormatter(width: 120)
            fileFormatters[path] = formatter
            fileText[path, default: ""] += formatter.process(value)
        }
    }

    package override func begin() throws(EvalError) {
        inner.isFirst = isFirst
        inner.isLast = isLast
        inner.next = { [unowned self] (value: PSValue) throws(EvalError) in try self.deliver(value) }
        try withStreams { () throws(EvalError) in try inner.begin() }
    }
    package override var stopIdentity: ObjectIdentifier? { inner.stopIdentity }
    package override func processWithoutInput() throws(EvalError) { try withStreams { () throws(EvalError) in try inner.processWithoutInput() } }
    package override func process(_ input: PSValue) throws(EvalError) { try withStreams { () throws(EvalError) in try inner.process(input) } }
    package override func end() throws(EvalError) {
        try withStreams { () throws(EvalError) in try inner.end() }
        for (path, formatter) in fileFormatters { fileText[path, default: ""] += formatter.finish() }
        for (path, text) in fileText {
            let append = (outputTarget??.0 == path ? outputTarget??.1 : errorTarget??.1) ?? false
            try converting { try engine.writeTextFile(path, text, append: append) }
        }
    }
}
