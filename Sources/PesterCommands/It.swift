import ShellEngine

/// It: runs the test (once per -TestCases entry) in its own child scope of the Describe or
/// Context, after the BeforeEach blocks outermost first and before the AfterEach blocks.
final class ItCommand: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let state = PesterState.of(engine)
        guard !state.frames.isEmpty else {
            throw PesterErrors.runtime(engine, "The It command may only be used inside a Describe block.", context)
        }
        let name = context.string("Name") ?? ""
        let cases: [PSHashtable?] = context.value("TestCases").map {
            items($0).compactMap { if case .hashtable(let h) = $0 { return h } else { return nil } }
        } ?? [nil]
        for testCase in cases {
            let shown = testCase.map { Self.expand(name, with: $0) } ?? name
            var outcome = TestOutcome(describe: state.describeName, context: state.contextName, name: shown,
                                      result: .passed, milliseconds: 0)
            outcome.parameterizedSuiteName = testCase == nil ? "" : name
            outcome.parameters = testCase
            guard case .scriptBlock(let test)? = context.value("Test"), !context.switchValue("Pending") else {
                outcome.result = .pending
                state.report(engine, outcome)
                continue
            }
            if context.switchValue("Skip") {
                outcome.result = .skipped
                state.report(engine, outcome)
                continue
            }
            state.testSerial += 1
            let started = ContinuousClock.now
            let record = try run(test, testCase: testCase, engine: engine, state: state)
            let elapsed = milliseconds(ContinuousClock.now - started)
            if let record {
                var failed = failure(record, name: shown, state: state, milliseconds: elapsed)
                failed.parameterizedSuiteName = outcome.parameterizedSuiteName
                failed.parameters = testCase
                state.report(engine, failed)
            } else {
                outcome.milliseconds = elapsed
                state.report(engine, outcome)
            }
        }
    }

    /// The first error that ended the test, its BeforeEach or its AfterEach; nil when it passed.
    private func run(_ test: ScriptBlock, testCase: PSHashtable?, engine: Engine, state: PesterState) throws -> ErrorRecord? {
        try engine.sessionState.withNewScope {
            var record: ErrorRecord?
            func attempt(_ block: ScriptBlock) throws {
                guard record == nil else { return }
                do { _ = try asInTry(engine) { try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: .null, output: { _ in }) } }
                catch EvalError.error(let error) { record = error.record }
                catch EvalError.break, EvalError.continue {}
            }
            for frame in state.frames { for hook in frame.beforeEach { try attempt(hook) } }
            if let testCase {
                for (key, value) in zip(testCase.keys, testCase.values) {
                    engine.sessionState.setLocal(LanguagePrimitives.toString(key), value)
                }
            }
            try attempt(test)
            let failedFirst = record
            record = nil
            for frame in state.frames.reversed() { for hook in frame.afterEach { try attempt(hook) } }
            return failedFirst ?? record
        }
    }

    /// `<name>` in the test name becomes the test case's value of `name`.
    static func expand(_ name: String, with testCase: PSHashtable) -> String {
        var result = name
        for (key, value) in zip(testCase.keys, testCase.values) {
            let token = "<\(LanguagePrimitives.toString(key))>".lowercased()
            let length = token.count
            let replacement = LanguagePrimitives.toString(value)
            let chars = Array(result)
            var out = ""
            var i = 0
            while i < chars.count {
                if i + length <= chars.count, String(chars[i..<(i + length)]).lowercased() == token {
                    out += replacement
                    i += length
                } else {
                    out.append(chars[i])
                    i += 1
                }
            }
            result = out
        }
        return result
    }
}
