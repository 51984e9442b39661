import Foundation
import Testing
@testable import CmdletParser

/// Hostile input gives errors, never a crash, a hang or a blown stack.
@Suite struct RobustnessTests {
    @Test func tenThousandOpenParenthesesGiveScriptTooComplicated() {
        let result = parse(String(repeating: "(", count: 10_000))
        #expect(result.errors.first?.errorId == "ScriptTooComplicated")
    }

    @Test func smallThreadStacksAreRespected() async {
        // The parser measures the stack it runs on: on a 256 KB thread it gives up sooner, never crashes.
        let text = String(repeating: "(", count: 10_000) + String(repeating: "{", count: 10_000)
        let ids: [String] = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Parser.parseInput(text).errors.map(\.errorId))
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        #expect(ids.first == "ScriptTooComplicated")
    }

    @Test func deeplyNestedBalancedInputIsRejectedNotCrashed() {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(parse(text).errors.map(\.errorId).contains("ScriptTooComplicated"))
        let blocks = String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000)
        #expect(parse(blocks).errors.map(\.errorId).contains("ScriptTooComplicated"))
        let strings = String(repeating: "\"$(", count: 3_000)
        #expect(!parse(strings).errors.isEmpty)
        let generic = "$x -is [a" + String(repeating: "[b", count: 20_000)
        #expect(parse(generic).errors.first?.errorId == "ScriptTooComplicated")
        let unary = String(repeating: "-not ", count: 10_000) + "1"
        #expect(parse(unary).errors.first?.errorId == "ScriptTooComplicated")
    }

    @Test func unterminatedNestedAttributesAreParsedOnce() {
        // Each open `[A(X = {` is read speculatively more than once; without replaying the
        // unfinished ones from the cache, 16 levels took minutes.
        let text = String(repeating: "function F {\n    [CmdletBinding(SupportsShouldProcess = {\n", count: 40)
        let errors = parse(text).errors.map(\.errorId)
        #expect(errors.contains("MissingEndCurlyBrace"))
        #expect(errors.contains("MissingEndParenthesisInExpression"))
        let typeLiterals = String(repeating: "{ [A(B = { [C(D = $true)].9 ", count: 40)
        #expect(!parse(typeLiterals).errors.isEmpty)
    }

    @Test func longChainsStayWithinTheTreeHeightLimit() {
        // Operator and member chains nest without recursion; the tree height limit bounds them.
        let sum = "1" + String(repeating: "+1", count: 200_000)
        #expect(parse(sum).errors.first?.errorId == "ScriptTooComplicated")
        let members = "$a" + String(repeating: ".b", count: 100_000)
        #expect(parse(members).errors.first?.errorId == "ScriptTooComplicated")
        let moderate = "1" + String(repeating: "+1", count: 500)
        #expect(parse(moderate).errors.isEmpty)
    }

    @Test func nestedAttributesAreParsedInLinearTime() {
        // Attributes are parsed speculatively up to three times; nested ones must not multiply that.
        // Counted, not timed: each character is scanned a bounded number of times.
        let nested = String(repeating: "[a({", count: 150) + "1" + String(repeating: "})]", count: 150) + "$x"
        #expect(parse(nested).scannedCharacters <= 8 * nested.utf8.count)
        let r = parse("[ValidateSet('a')][string]$x = 'a'\n$x")
        #expect(r.errors.isEmpty)
        #expect(r.tokens.filter { $0.kind == .lBracket }.count == 2)
    }

    @Test func tenMegabyteLineParses() {
        let text = "Write-Output " + String(repeating: "a", count: 10_000_000)
        let result = parse(text)
        #expect(result.errors.isEmpty)
        let command = firstElement(text) as? CommandAst
        #expect((command?.commandElements.last as? StringConstantExpressionAst)?.value.utf8.count == 10_000_000)
    }

    @Test func nulBytesAndReplacementCharactersParse() {
        let text = "Get-X \u{0} a\u{0}b \"q\u{0}\" $\u{0} \u{FFFD}\u{FFFE}"
        let result = parse(text)
        // No crash; NUL inside a line is just a character of a bare word.
        #expect(result.ast.extent.endOffset == text.utf8.count)
        let invalid = String(decoding: [0x47, 0xFF, 0xFE, 0x20, 0xC3, 0x28, 0x22, 0xE2, 0x82], as: UTF8.self)
        _ = parse(invalid)
    }

    @Test func unterminatedConstructsAtEveryPrefixNeverCrash() {
        let script = """
        function f([int]$a = 1) { param() begin { "x $($a.b) ${c}" } process { @{ a = @(1, 2) } } }
        switch -regex ($x) { 'a' { break } default { continue } }
        try { [System.IO.File]::Exists('x') } catch [Exception] { $_ } finally { }
        class C : B { [int]$x = 1; C() : base() { } }
        @'
        here
        '@ | Out-Null 2>&1 > $null
        """
        var index = script.startIndex
        while index < script.endIndex {
            _ = parse(String(script[..<index]))
            index = script.index(after: index)
        }
    }

    @Test func errorsStopAtTenPlusTooManyErrors() {
        let text = String(repeating: "1 -foo\n", count: 30)
        let errors = parse(text).errors
        #expect(errors.count == 11)
        #expect(errors.last?.errorId == "TooManyErrors")
        #expect(errors.last?.message == "Not all parse errors were reported.  Correct the reported errors and try again.")
    }
}
