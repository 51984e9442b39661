import CmdletParser
import ShellEngine

/// One Should check: nil when it holds, else the failure message as Pester words it (3.4's
/// wording for the 3.4 operators, the later wording for the operators 3.4 did not have).
final class Assertion {
    let context: CommandContext
    let actual: PSValue
    let expected: PSValue
    let negate: Bool
    let legacy: Bool
    /// The error the script block of `Should -Throw` raised.
    var thrown: ErrorRecord?

    init(context: CommandContext, actual: PSValue, expected: PSValue, negate: Bool, legacy: Bool) {
        self.context = context
        self.actual = actual
        self.expected = expected
        self.negate = negate
        self.legacy = legacy
    }

    var engine: Engine { context.engine }
    var value: String { LanguagePrimitives.toString(actual) }
    var wanted: String { LanguagePrimitives.toString(expected) }
    var because: String {
        guard let reason = context.string("Because"), !reason.isEmpty else { return "" }
        return " because \(reason),"
    }

    func binary(_ op: TokenKind, _ left: PSValue, _ right: PSValue) throws -> Bool {
        LanguagePrimitives.isTrue(try Operators.binary(op, left, right, engine: engine, extent: context.invocation.extent ?? .empty))
    }

    /// Equality as Pester's Be: arrays element by element, otherwise PowerShell's -eq / -ceq.
    func equal(_ a: PSValue, _ b: PSValue, caseSensitive: Bool) throws -> Bool {
        if let left = a.enumerated, let right = b.enumerated, case .array = a {
            guard left.count == right.count else { return false }
            for (x, y) in zip(left, right) where !(try equal(x, y, caseSensitive: caseSensitive)) { return false }
            return true
        }
        if a.isNull || b.isNull { return a.isNull && b.isNull }
        return try binary(caseSensitive ? .ceq : .ieq, a, b)
    }

    /// The result, given whether the positive form held, its message and the negated form's message.
    func verdict(_ holds: Bool, _ message: @autoclosure () -> String, _ negated: @autoclosure () -> String) -> String? {
        if negate { return holds ? negated() : nil }
        return holds ? nil : message()
    }

    func check(_ op: String) throws -> String? {
        switch op {
        case "Be", "BeExactly":
            let exact = op == "BeExactly"
            // `$expected -eq $actual` (Pester's PesterBe): an object compares with a string as its text.
            let holds: Bool
            if case .array = actual, expected.enumerated == nil {
                holds = try equal(actual, expected, caseSensitive: exact)
            } else {
                holds = try equal(expected, actual, caseSensitive: exact)
            }
            return verdict(holds, beMessage(exact: exact),
                           "Expected: value was {\(value)}, but should not have been \(exact ? "exactly " : "")the same")
        case "BeNullOrEmpty":
            let empty: Bool
            switch actual {
            case .null: empty = true
            case .string(let s): empty = s.isEmpty
            case .array(let a): empty = a.items.isEmpty
            default: empty = false
            }
            return verdict(empty, "Expected: value to be empty but it was {\(value)}", "Expected: value to not be empty")
        case "Match", "MatchExactly":
            let exact = op == "MatchExactly"
            return verdict(try binary(exact ? .cmatch : .imatch, actual, expected),
                           "Expected: {\(value)} to \(exact ? "exactly " : "")match the expression {\(wanted)}",
                           "Expected: \(value) to not match the expression \(wanted)\(exact ? " exactly" : "")")
        case "BeLike", "BeLikeExactly":
            // Pester 3.4 loads BeLikeExactly's messages over BeLike's, so both say "exactly".
            let exact = op == "BeLikeExactly"
            return verdict(try binary(exact ? .clike : .ilike, actual, expected),
                           "Expected: {\(value)} to be exactly like the wildcard {\(wanted)}",
                           "Expected: \(value) to not be exactly like the wildcard \(wanted)")
        case "BeGreaterThan":
            return verdict(try binary(.igt, actual, expected), "Expected {\(value)} to be greater than {\(wanted)}",
                           "Expected {\(value)} to be less than or equal to {\(wanted)}")
        case "BeLessThan":
            return verdict(try binary(.ilt, actual, expected), "Expected {\(value)} to be less than {\(wanted)}",
                           "Expected {\(value)} to be greater than or equal to {\(wanted)}")
        case "BeGreaterOrEqual":
            return verdict(try binary(.ige, actual, expected),
                           "Expected the actual value to be greater than or equal to \(show(expected)),\(because) but got \(show(actual)).",
                           "Expected the actual value to be less than \(show(expected)),\(because) but got \(show(actual)).")
        case "BeLessOrEqual":
            return verdict(try binary(.ile, actual, expected),
                           "Expected the actual value to be less than or equal to \(show(expected)),\(because) but got \(show(actual)).",
                           "Expected the actual value to be greater than \(show(expected)),\(because) but got \(show(actual)).")
        case "BeOfType":
            // In argument mode `[int]` is the string "[int]".
            var type = expected
            if case .string(let text) = expected, text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 {
                type = .string(String(text.dropFirst().dropLast()))
            }
            if case .string(let text) = type, let info = engine.types.resolve(text) { type = .type(info) }
            // 3.4 shows the type as PowerShell turns a [type] into text: its accelerator (`int`), else its full name.
            var typeName = LanguagePrimitives.toString(type)
            if case .type(let info) = type, let alias = engine.types.type(named: info.fullName)?.aliases.first {
                typeName = alias
            }
            return verdict(try binary(.is, actual, type), "Expected: \(value) to be of type [\(typeName)]",
                           "Expected: {\(value)} to be of any type except [\(typeName)], but it's a [\(typeName)]")
        case "BeTrue":
            return verdict(LanguagePrimitives.isTrue(actual), "Expected $true,\(because) but got \(show(actual)).",
                           "Expected $false,\(because) but got \(show(actual)).")
        case "BeFalse":
            return verdict(!LanguagePrimitives.isTrue(actual), "Expected $false,\(because) but got \(show(actual)).",
                           "Expected $true,\(because) but got \(show(actual)).")
        case "HaveCount":
            let count = items(actual).count
            return verdict(try binary(.ieq, .int32(Int32(clamping: count)), expected),
                           "Expected a collection with size \(show(expected)),\(because) but got collection with size \(count) \(show(actual)).",
                           "Expected a collection with size different from \(show(expected)),\(because) but got collection with that size \(show(actual)).")
        case "BeIn":
            return verdict(try binary(.icontains, expected, actual),
                           "Expected collection \(show(expected)) to contain \(show(actual)),\(because) but it was not found.",
                           "Expected collection \(show(expected)) to not contain \(show(actual)),\(because) but it was found.")
        case "Contain", "ContainExactly":
            if legacy { return try fileContains(exact: op == "ContainExactly") }
            return verdict(try binary(op == "Contain" ? .icontains : .ccontains, actual, expected),
                           "Expected \(show(expected)) to be found in collection \(show(actual)),\(because) but it was not found.",
                           "Expected \(show(expected)) to not be found in collection \(show(actual)),\(because) but it was found.")
        case "FileContentMatch", "FileContentMatchExactly":
            return try fileContains(exact: op == "FileContentMatchExactly")
        case "FileContentMatchMultiline":
            let found = LanguagePrimitives.isTrue(try script("param($p, $e) [bool]((Get-Content -Path $p -Raw) -match $e)", [actual, expected]))
            return verdict(found, "Expected: file \(value) to contain {\(wanted)}", "Expected: file \(value) to not contain {\(wanted)} but it did")
        case "Exist":
            return verdict(try testPath(actual), "Expected: {\(value)} to exist", "Expected: \(value) to not exist, but it was found")
        default:
            return try throwCheck()
        }
    }

    /// Pester 3.4's Be message; for two strings it shows where they first differ.
    func beMessage(exact: Bool) -> String {
        let head = exact ? "Expected exactly: {\(wanted)}\nBut was: {\(value)}" : "Expected: {\(wanted)}\nBut was:  {\(value)}"
        guard case .string(let e) = expected, case .string(let a) = actual else { return head }
        let left = Array(e), right = Array(a)
        var index = 0
        while index < left.count, index < right.count,
              exact ? left[index] == right[index] : String(left[index]).lowercased() == String(right[index]).lowercased() {
            index += 1
        }
        let lengths = left.count == right.count ? "String lengths are both \(left.count)."
            : "Expected string length \(left.count) but was \(right.count)."
        let pointer = String(repeating: "-", count: (exact ? 10 : 11) + index) + "^"
        return "\(lengths) Strings differ at index \(index).\n\(head)\n\(pointer)"
    }

    /// How the later Pester shows a value: `$null`, `$true`, `'text'`, `@(1, 2)`, numbers as they are.
    func show(_ v: PSValue) -> String {
        switch v {
        case .null: return "$null"
        case .bool(let b): return b ? "$true" : "$false"
        case .string(let s): return "'\(s)'"
        case .array(let a): return "@(" + a.items.map(show).joined(separator: ", ") + ")"
        default: return LanguagePrimitives.toString(v)
        }
    }

    /// Runs a small script of the shell's own with arguments (path tests read through the providers).
    func script(_ text: String, _ arguments: [PSValue]) throws -> PSValue {
        let parsed = Parser.parseInput(text)
        return try engine.invokeScriptBlock(ScriptBlock(ast: parsed.ast), arguments: arguments)
    }

    func testPath(_ path: PSValue) throws -> Bool {
        LanguagePrimitives.isTrue(try script("param($p) Test-Path -Path $p", [path]))
    }

    /// 3.4's Contain and ContainExactly: the file's content matches the regular expression.
    func fileContains(exact: Bool) throws -> String? {
        let found = LanguagePrimitives.isTrue(try script("param($p, $e) @((Get-Content -Path $p) -\(exact ? "c" : "")match $e).Count -gt 0",
                                                         [actual, expected]))
        return verdict(found, "Expected: file \(value) to contain \(exact ? "exactly " : ""){\(wanted)}",
                       exact ? "Expected: file {\(value)} to not contain exactly \(wanted) but it did"
                             : "Expected: file \(value) to not contain {\(wanted)} but it did")
    }

    /// Should Throw: the script block must raise a terminating error, whose message contains the
    /// expected text (3.4), and with the dash syntax the -ErrorId and -ExceptionType given.
    func throwCheck() throws -> String? {
        guard case .scriptBlock(let block) = actual else {
            return negate ? nil : "Expected: the expression to throw an exception"
        }
        do { _ = try asInTry(engine) { try engine.invokeScriptBlock(block, arguments: []) } }
        catch EvalError.error(let error) { thrown = error.record }
        let message = expected.isNull ? (context.string("ExpectedMessage") ?? "") : wanted
        guard let record = thrown else {
            if negate { return nil }
            return message.isEmpty ? "Expected: the expression to throw an exception"
                : "Expected: the expression to throw an exception with message {\(message)}, an exception was not raised"
        }
        let actualMessage = record.exception.message
        // 3.4 adds where the error was raised: its PositionMessage with "At" turned into "from".
        let line = record.invocationInfo.map { info -> String in
            let lines = ErrorView.positionMessage(info).split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
            var text = lines.joined(separator: "\r\n")
            if text.hasPrefix("At ") { text = "from " + text.dropFirst(3) }
            return text.replacing("\n", with: "\n    ")
        } ?? ""
        if negate {
            if !message.isEmpty {
                return "Expected: the expression not to throw an exception with message {\(message)}, an exception was raised, message was {\(actualMessage)}\n    \(line)"
            }
            return "Expected: the expression not to throw an exception. Message was {\(actualMessage)}\n    \(line)"
        }
        // 3.4 compares the message with String.Contains: case-sensitive.
        if !message.isEmpty, !actualMessage.contains(message) {
            return "Expected: the expression to throw an exception with message {\(message)}, an exception was raised, message was {\(actualMessage)}\n    \(line)"
        }
        if let id = context.string("ErrorId"), !record.fullyQualifiedErrorId.lowercased().contains(id.lowercased()) {
            return "Expected an exception, with FullyQualifiedErrorId '\(id)' to be thrown,\(because) but got '\(record.fullyQualifiedErrorId)'."
        }
        if let type = context.value("ExceptionType"), !(try binary(.is, .object(record.exception), type)) {
            return "Expected an exception, of type [\(LanguagePrimitives.toString(type))] to be thrown,\(because) but got [\(record.exception.typeName)]."
        }
        return nil
    }
}
