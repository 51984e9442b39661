import CmdletParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import ShellEngine

/// Invoke-Pester: runs the *.Tests.ps1 files of -Script (a file, a folder searched recursively,
/// or @{ Path = …; Parameters = @{…} }), prints 3.4's summary and with -PassThru returns the result.
final class InvokePester: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let state = PesterState.of(engine)
        let saved = (state.quiet, state.invoked, state.outcomes, state.testNames, state.tags, state.excludeTags)
        defer { (state.quiet, state.invoked, state.outcomes, state.testNames, state.tags, state.excludeTags) = saved }
        state.quiet = context.switchValue("Quiet")
        state.invoked = true
        state.outcomes = []
        state.testNames = items(context.value("TestName")).map(LanguagePrimitives.toString)
        state.tags = items(context.value("Tag")).map(LanguagePrimitives.toString)
        state.excludeTags = items(context.value("ExcludeTag")).map(LanguagePrimitives.toString)

        let scripts = context.value("Script").map(items) ?? [.string(".")]
        var runs: [(path: String, arguments: [String])] = []
        for script in scripts {
            var path = LanguagePrimitives.toString(script)
            var arguments: [String] = []
            if case .hashtable(let table) = script {
                path = LanguagePrimitives.toString(table[string: "Path"] ?? .null)
                if case .hashtable(let parameters)? = table[string: "Parameters"] {
                    for (key, value) in zip(parameters.keys, parameters.values) {
                        arguments += ["-\(LanguagePrimitives.toString(key))", LanguagePrimitives.toString(value)]
                    }
                }
            }
            runs += Self.testFiles(engine.absolutePath(path), engine: engine).map { ($0, arguments) }
        }
        var header = "Executing all tests in '\(scripts.map { Self.shownPath($0) }.joined(separator: "', '"))'"
        if !state.testNames.isEmpty { header += " matching test name '\(state.testNames.joined(separator: " "))'" }
        if !state.tags.isEmpty { header += " with Tags \(state.tags.joined(separator: " "))" }
        state.say(engine, header)
        let started = ContinuousClock.now
        for run in runs {
            // A script that does not parse is one failed test, as in 3.4, and the run goes on.
            let parsed = Parser.parseInput(engine.readTextFile(run.path) ?? "", file: run.path)
            guard parsed.errors.isEmpty else {
                let record = ErrorView.parseErrorRecord(parsed, fromFile: true)
                state.report(engine, failure(record, name: "Error occurred in test script '\(run.path)'", state: state, milliseconds: 0))
                continue
            }
            _ = engine.executeFile(path: run.path, arguments: run.arguments)
        }
        let elapsed = milliseconds(ContinuousClock.now - started)
        state.summary(engine, milliseconds: elapsed)
        let failed = state.count(.failed)
        if context.switchValue("PassThru") { try context.writeObject(.object(Self.result(state, milliseconds: elapsed))) }
        if context.switchValue("EnableExit") {
            let exit = Parser.parseInput("exit \(failed)")
            try engine.executeStatements(exit.ast.endBlock?.statements ?? [], output: { _ in })
        }
    }

    static func shownPath(_ script: PSValue) -> String {
        if case .hashtable(let table) = script { return LanguagePrimitives.toString(table[string: "Path"] ?? .null) }
        return LanguagePrimitives.toString(script)
    }

    /// A file itself, or the *.Tests.ps1 files under a folder in name order. The search stays on
    /// the folder's own file system (a mounted /proc or /sys is no drive's folder) and stops on
    /// Ctrl-C.
    static func testFiles(_ path: String, engine: Engine) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        return testFiles(in: path, device: info.st_dev, depth: 0, engine: engine)
    }

    private static func testFiles(in path: String, device: UInt, depth: Int, engine: Engine) -> [String] {
        guard depth < 32, !engine.interruptRequested() else { return [] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        return names.flatMap { name -> [String] in
            let full = path + "/" + name
            var entry = stat()
            guard lstat(full, &entry) == 0 else { return [] }
            if (entry.st_mode & S_IFMT) == S_IFDIR {
                return entry.st_dev == device ? testFiles(in: full, device: device, depth: depth + 1, engine: engine) : []
            }
            return name.lowercased().hasSuffix(".tests.ps1") ? [full] : []
        }
    }

    /// The -PassThru object.
    static func result(_ state: PesterState, milliseconds: Double) -> PSCustomObject {
        let result = PSCustomObject()
        result.add("TagFilter", .array(PSArray(state.tags.map { .string($0) })))
        result.add("ExcludeTagFilter", .array(PSArray(state.excludeTags.map { .string($0) })))
        result.add("TestNameFilter", .array(PSArray(state.testNames.map { .string($0) })))
        result.add("TotalCount", .int32(Int32(clamping: state.outcomes.count)))
        result.add("PassedCount", .int32(Int32(clamping: state.count(.passed))))
        result.add("FailedCount", .int32(Int32(clamping: state.count(.failed))))
        result.add("SkippedCount", .int32(Int32(clamping: state.count(.skipped))))
        result.add("PendingCount", .int32(Int32(clamping: state.count(.pending))))
        result.add("InconclusiveCount", .int32(Int32(clamping: state.count(.inconclusive))))
        result.add("Time", .object(timeSpan(milliseconds)))
        result.add("TestResult", .array(PSArray(state.outcomes.map { .object(testResult($0)) })))
        return result
    }

    static func testResult(_ outcome: TestOutcome) -> PSCustomObject {
        let test = PSCustomObject()
        test.add("Describe", .string(outcome.describe))
        test.add("Context", .string(outcome.context))
        test.add("Name", .string(outcome.name))
        test.add("Result", .string(outcome.result.rawValue))
        test.add("Passed", .bool(outcome.result == .passed))
        test.add("Time", .object(timeSpan(outcome.milliseconds)))
        test.add("FailureMessage", .string(outcome.failureMessage))
        test.add("StackTrace", .string(outcome.stackTrace))
        test.add("ErrorRecord", outcome.errorRecord.map { .object($0) } ?? .null)
        test.add("ParameterizedSuiteName", .string(outcome.parameterizedSuiteName))
        test.add("Parameters", .hashtable(outcome.parameters ?? PSHashtable()))
        return test
    }

    /// A System.TimeSpan's commonly read members.
    static func timeSpan(_ milliseconds: Double) -> PSCustomObject {
        let span = PSCustomObject(typeNames: ["System.TimeSpan", "System.ValueType", "System.Object"])
        let ticks = Int64(clamping: Int64(exactly: (milliseconds * 10_000).rounded()) ?? 0)
        span.add("Ticks", .int64(ticks))
        span.add("Days", .int32(0))
        span.add("Hours", .int32(Int32(clamping: ticks / 36_000_000_000)))
        span.add("Minutes", .int32(Int32(clamping: ticks / 600_000_000 % 60)))
        span.add("Seconds", .int32(Int32(clamping: ticks / 10_000_000 % 60)))
        span.add("Milliseconds", .int32(Int32(clamping: ticks / 10_000 % 1000)))
        span.add("TotalMilliseconds", .double(milliseconds))
        span.add("TotalSeconds", .double(milliseconds / 1000))
        return span
    }
}
