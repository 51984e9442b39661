import ShellEngine

/// One test's outcome, as the -PassThru TestResult array shows it.
struct TestOutcome {
    enum Result: String { case passed = "Passed", failed = "Failed", skipped = "Skipped", pending = "Pending",
                          inconclusive = "Inconclusive" }
    var describe: String
    var context: String
    var name: String
    var result: Result
    var failureMessage = ""
    var stackTrace = ""
    var errorRecord: ErrorRecord?
    var parameterizedSuiteName = ""
    var parameters: PSHashtable?
    var milliseconds: Double
}

/// A Describe or Context being run: its hooks.
final class Frame {
    let name: String
    let isContext: Bool
    var beforeEach: [ScriptBlock] = []
    var afterEach: [ScriptBlock] = []
    var afterAll: [ScriptBlock] = []
    /// Running the BeforeAll blocks found before the fixture runs; afterwards they are not run again.
    var hoisting = false
    var beforeAllDone = false
    var mocks: [MockBehaviour] = []
    init(name: String, isContext: Bool) {
        self.name = name
        self.isContext = isContext
    }
}

/// The run in progress (Invoke-Pester, or a Describe started from a script).
final class PesterState: EngineService {
    var frames: [Frame] = []
    var outcomes: [TestOutcome] = []
    var calls: [MockCall] = []
    /// Counts the Its run, so that calls made in the current one can be told apart.
    var testSerial = 0
    var quiet = false
    var testNames: [String] = []
    var tags: [String] = []
    var excludeTags: [String] = []
    /// Set while Invoke-Pester runs: Describe then leaves the summary to it.
    var invoked = false

    func shutdown() {}

    /// Invoke-Pester's -TestName (wildcards), -Tag and -ExcludeTag against a top-level Describe.
    func selects(name: String, tags: PSValue?) -> Bool {
        if !testNames.isEmpty, !testNames.contains(where: { WildcardPattern($0).matches(name) }) {
            return false
        }
        let own = items(tags).map { LanguagePrimitives.toString($0).lowercased() }
        if excludeTags.contains(where: { own.contains($0.lowercased()) }) { return false }
        if !self.tags.isEmpty, !self.tags.contains(where: { own.contains($0.lowercased()) }) { return false }
        return true
    }

    static func of(_ engine: Engine) -> PesterState { engine.service(PesterState.self) { PesterState() } }

    var describeName: String { frames.first?.name ?? "" }
    var contextName: String { frames.dropFirst().last(where: { $0.isContext })?.name ?? "" }

    func say(_ engine: Engine, _ text: String) {
        if !quiet { engine.host.write(text + "\n", stream: .host) }
    }

    /// Pester 3.4's Get-HumanTime.
    static func humanTime(milliseconds: Double) -> String {
        if milliseconds >= 990 {
            let hundredths = Int((milliseconds / 10).rounded())
            return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)s"
        }
        return "\(Int(milliseconds.rounded()))ms"
    }

    func report(_ engine: Engine, _ outcome: TestOutcome) {
        outcomes.append(outcome)
        let margin = frames.count > 1 ? "    " : " "
        let marks: [TestOutcome.Result: String] = [.passed: "[+]", .failed: "[-]", .skipped: "[!]", .pending: "[?]",
                                                   .inconclusive: "[?]"]
        say(engine, "\(margin)\(marks[outcome.result] ?? "[?]") \(outcome.name) \(Self.humanTime(milliseconds: outcome.milliseconds))")
        guard outcome.result == .failed || outcome.result == .inconclusive else { return }
        let errorMargin = margin + "  "
        for text in [outcome.failureMessage, outcome.stackTrace] where !text.isEmpty {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { say(engine, errorMargin + line) }
        }
    }

    func count(_ result: TestOutcome.Result) -> Int { outcomes.filter { $0.result == result }.count }

    func summary(_ engine: Engine, milliseconds: Double) {
        say(engine, "Tests completed in \(Self.humanTime(milliseconds: milliseconds))")
        say(engine, "Passed: \(count(.passed)) Failed: \(count(.failed)) Skipped: \(count(.skipped)) "
            + "Pending: \(count(.pending)) Inconclusive: \(count(.inconclusive)) ")
    }
}


/// A parameter value as a list: an array's elements, a scalar alone, nothing for $null.
func items(_ value: PSValue?) -> [PSValue] {
    guard let value, !value.isNull else { return [] }
    return value.enumerated ?? [value]
}
