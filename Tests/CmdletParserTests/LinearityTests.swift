import Testing
@testable import CmdletParser

/// The lexer is linear in its input for every shape of input: each shape is parsed at two sizes
/// and the characters scanned into tokens (rescans and nested scans included) and the value bytes
/// stored stay within a fixed multiple of the input's length. A rescan of the rest of the input
/// at every token, as a run of `$` once caused, gives about n²/4 and fails at once.
@Suite struct LinearityTests {
    /// Each shape repeats a unit until the text has about `n` bytes.
    static let shapes: [(name: String, prefix: String, unit: String)] = [
        ("dollar run", "", "$"),
        ("dollar run closed by a quote", "", "$$$$$$$$'"),
        ("drive-qualified variables", "", "$a:"),
        ("splatted variables", "", "@a"),
        ("dollars in a string", "\"", "$"),
        ("dollars in a bare word", "Write-Output a", "$"),
        ("dollars in a command's string", "Write-Output \"", "$"),
        ("variables with parentheses", "", "$a("),
        ("variables in a string", "\"", "$a"),
        ("indexed variables in a string", "\"", "$a["),
        ("backtick run", "", "`"),
        ("backticks in a string", "\"", "`"),
        ("quote run", "", "\""),
        ("single-quote run", "", "'"),
        ("doubled quotes", "", "\"a\"\""),
        ("here-string openers", "", "@\"\n"),
        ("literal here-string openers", "", "@'\n"),
        ("here-string lines", "@\"\n", "a\n"),
        ("literal here-string lines", "@'\n", "a\n"),
        ("here-string dollars", "@\"\n", "$"),
        ("comment openers", "", "<#"),
        ("comment lines", "", "#\n"),
        ("long number", "", "1"),
        ("long hex number", "0x", "f"),
        ("numbers with suffixes", "", "1kb"),
        ("dash run", "", "-"),
        ("dashes and spaces", "", "- "),
        ("static member chain", "[a]", "::"),
        ("colon run", "", "::"),
        ("long identifier", "", "a"),
        ("long variable name", "$", "a"),
        ("braced variable", "${", "a"),
        ("curly run", "", "{"),
        ("unterminated string of subexpressions", "\"", "$("),
        ("subexpressions in a bare word", "a", "$("),
        ("at signs", "", "@"),
        ("parameters with colons", "", "-a:"),
        ("dots", "", "."),
        ("redirections", "", ">"),
        ("bracket run", "", "["),
        ("dotted type name", "[", "a."),
    ]

    static func text(_ shape: (name: String, prefix: String, unit: String), _ n: Int) -> String {
        shape.prefix + String(repeating: shape.unit, count: max(1, (n - shape.prefix.utf8.count) / shape.unit.utf8.count))
    }

    @Test(arguments: shapes.indices)
    func lexerWorkIsLinear(_ index: Int) {
        let shape = Self.shapes[index]
        // A few scans per character, and the rest of the input once or twice more for each error
        // message that is still recorded (a bare word's text is part of its message).
        let factor = 8 + 2 * (DiagnosticSink.maxErrors + 1)
        for n in [8_000, 80_000] {
            let input = Self.text(shape, n)
            let result = parse(input)
            let size = input.utf8.count
            #expect(result.scannedCharacters <= factor * size, "\(shape.name) at \(size) bytes: scanned \(result.scannedCharacters)")
            #expect(result.storedValueBytes <= factor * size, "\(shape.name) at \(size) bytes: stored \(result.storedValueBytes)")
        }
    }

    @Test func aHereStringKeepsItsValueWithoutTheLastLineBreak() {
        // The line break before the footer is taken back from the value, not copied around.
        let values = statements("@\"\na\r\nb $x\r\n\"@\n@'\nc\n'@").compactMap {
            (($0 as? PipelineAst)?.pipelineElements.first as? CommandExpressionAst)?.expression
        }
        #expect((values.first as? ExpandableStringExpressionAst)?.value == "a\r\nb $x")
        #expect((values.last as? StringConstantExpressionAst)?.value == "c")
    }
}
