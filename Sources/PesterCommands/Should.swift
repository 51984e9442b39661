import CmdletParser
import ShellEngine

/// Should in Pester 3.4's syntax (`Should Be 1`, `Should Not Match 'x'`) and in the later dash
/// syntax (`Should -Be 1 -Because …`). The piped values are collected and tested at the end.
final class ShouldCommand: Cmdlet {
    static let valueOperators = ["Be", "BeExactly", "Match", "MatchExactly", "BeOfType", "BeGreaterThan", "BeLessThan",
                                 "BeLike", "BeLikeExactly", "HaveCount", "BeIn", "Contain", "ContainExactly",
                                 "BeGreaterOrEqual", "BeLessOrEqual", "FileContentMatch", "FileContentMatchExactly",
                                 "FileContentMatchMultiline"]
    static let switchOperators = ["BeNullOrEmpty", "BeTrue", "BeFalse", "Exist", "Throw"]
    /// The operators Pester registers with -SupportsArrayInput: they test the piped objects as one collection.
    static let arrayInputOperators: Set<String> = ["Be", "BeExactly", "BeNullOrEmpty", "Contain", "ContainExactly", "HaveCount", "Throw"]
    static var parameters: [ParameterMetadata] {
        [ParameterMetadata("ActualValue", .object, valueFromPipeline: true)]
            + (0..<4).map { (index: Int) in ParameterMetadata("Argument\(index)", .object, position: index) }
            + valueOperators.map { ParameterMetadata($0, .object) }
            + (switchOperators + ["Not", "PassThru"]).map { ParameterMetadata($0, .switchParameter) }
            + ["ExpectedMessage", "ErrorId", "ExceptionType", "Because"].map { ParameterMetadata($0, .object) }
    }

    private var values: [PSValue] = []
    private var piped = false

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { values.append(input); piped = true }
        else if let actual = context.value("ActualValue") { values.append(actual); piped = true }
    }

    func end(_ context: CommandContext) throws {
        let actual: PSValue = values.count == 1 ? values[0] : (values.isEmpty ? .null : .array(PSArray(values)))
        var positional = (0..<4).compactMap { context.value("Argument\($0)") }
        var negate = context.switchValue("Not")
        var op: String?
        var expected: PSValue = .null
        if let dashed = Self.valueOperators.first(where: { context.value($0) != nil }) {
            op = dashed
            expected = context.value(dashed) ?? .null
        } else if let dashed = Self.switchOperators.first(where: { context.switchValue($0) }) {
            op = dashed
            if let first = positional.first { expected = first }
        } else {
            if let first = positional.first, LanguagePrimitives.toString(first).caseInsensitiveEquals("Not") {
                negate = true
                positional.removeFirst()
            }
            if let first = positional.first {
                let name = LanguagePrimitives.toString(first)
                op = (Self.valueOperators + Self.switchOperators).first { $0.caseInsensitiveEquals(name) }
                if op == nil {
                    throw PesterErrors.runtime(context.engine, "'\(name)' is not a valid Should operator.", context)
                }
                if positional.count > 1 { expected = positional[1] }
            }
        }
        guard let op else {
            throw PesterErrors.runtime(context.engine, "The Should command requires an assertion operator.", context)
        }
        let legacy = context.value("Argument0") != nil && context.value(op) == nil && !context.switchValue(op)
        // An operator that does not take a whole collection (Add-AssertionOperator without
        // -SupportsArrayInput) tests each piped object in turn.
        let subjects = !legacy && values.count > 1 && !Self.arrayInputOperators.contains(op) ? values : [actual]
        var assertion = Assertion(context: context, actual: actual, expected: expected, negate: negate, legacy: legacy)
        for subject in subjects {
            assertion = Assertion(context: context, actual: subject, expected: expected, negate: negate, legacy: legacy)
            if let message = try assertion.check(op) {
                throw PesterErrors.signal(context, errorId: "PesterAssertionFailed", message: message)
            }
        }
        if op == "Throw", context.switchValue("PassThru"), let record = assertion.thrown {
            try context.writeObject(.object(record))
        }
    }
}
