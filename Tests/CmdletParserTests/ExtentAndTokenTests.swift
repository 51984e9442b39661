import Testing
@testable import CmdletParser

@Suite struct ExtentAndTokenTests {
    @Test func everyNodeCoversItsOwnText() throws {
        let script = "$p = @{ Name = 'lab' }\nNew-SmbShare @p -Path \"C:\\$x\" | Out-Null\n"
        let r = parse(script)
        let pipeline = try #require(r.ast.endBlock?.statements.last as? PipelineAst)
        #expect(text(r, pipeline) == "New-SmbShare @p -Path \"C:\\$x\" | Out-Null")
        let command = try #require(pipeline.pipelineElements.first as? CommandAst)
        #expect(command.commandElements.map { text(r, $0) } == ["New-SmbShare", "@p", "-Path", "\"C:\\$x\""])
        // Children lie within their parents, in order.
        r.ast.walk { node in
            var last = node.extent.startOffset
            for child in node.children {
                #expect(child.extent.startOffset >= node.extent.startOffset && child.extent.endOffset <= node.extent.endOffset)
                #expect(child.extent.startOffset >= last)
                last = child.extent.startOffset
            }
        }
    }

    @Test func extentsAreUTF8OffsetsAndColumnsAreUTF16() throws {
        let r = parse("'é€😀' )")
        let error = try #require(r.errors.first)
        #expect(error.extent.startOffset == 12)
        #expect(r.source.characterOffset(at: error.extent.startOffset) == 7)
        #expect(r.source.columnNumber(at: error.extent.startOffset) == 8)
        #expect(r.syntaxCheckLines.first?.hasPrefix("7\tUnexpectedToken\t") == true)
    }

    @Test func lineAndColumnOfErrors() throws {
        let r = parse("Get-X\nif ($a) {\n  1 -foo\n}")
        let error = try #require(r.errors.first)
        #expect(r.source.lineNumber(at: error.extent.startOffset) == 3)
        #expect(r.source.columnNumber(at: error.extent.startOffset) == 5)
    }

    @Test func tokensAreRecordedOnceInOrder() {
        let r = parse("Get-Item -Path 'x' # note\n$a = 1")
        let kinds = r.tokens.map(\.kind)
        #expect(kinds == [.generic, .parameter, .stringLiteral, .comment, .newline, .variable, .equals, .number, .endOfInput])
        var last = -1
        for t in r.tokens {
            #expect(t.extent.startOffset >= last)
            last = t.extent.startOffset
        }
    }

    @Test func endOfInputIsRecordedOnce() {
        for text in ["if (", "foreach ($a in", "Get-X |", "@{ a = ", "function f", "try {} catch", "$x.", "(1"] {
            #expect(parse(text).tokens.filter { $0.kind == .endOfInput }.count == 1, "\(text)")
        }
    }

    @Test func lineContinuationAndComments() {
        #expect(parse("Get-X -A 1 `\n  -B 2").errors.isEmpty)
        #expect((firstElement("Get-X -A 1 `\n  -B 2") as? CommandAst)?.commandElements.count == 5)
        #expect(parse("<# block\ncomment #> Get-X").errors.isEmpty)
        let open = parse("<# open")
        #expect(open.errors.first?.errorId == "MissingTerminatorMultiLineComment")
        #expect(open.errors.first?.message == "The terminator '#>' is missing from the multiline comment.")
        #expect(open.isIncomplete)
        #expect(parse("#Requires -Version 5.1\nGet-X").errors.isEmpty)
        #expect(parse("Get-X `").isIncomplete)
    }

    @Test func aBadNumericConstantIsMarkedFromItsFirstCharacter() {
        // tokenizer.cs ScanNumber reports the whole literal, from the token's start.
        for (text, literal) in [("(0xFFFFFFFFFFFFFFFFFF)", "0xFFFFFFFFFFFFFFFFFF"), ("$x = (1e999)", "1e999"),
                                ("Write-Output (99999999999999999999999999999999d)", "99999999999999999999999999999999d"),
                                ("$x = 1, 2kb, 0x1FFFFFFFFFFFFFFFFkb", "0x1FFFFFFFFFFFFFFFFkb")] {
            let result = parse(text)
            let error = result.errors.first
            #expect(error?.errorId == "BadNumericConstant", "\(text)")
            #expect(error.map { result.source.text(of: $0.extent) } == literal, "\(text)")
            #expect(error?.message == "The numeric constant \(literal) is not valid.")
        }
        // In command mode such a word is an argument, and a word that is no number is a command.
        #expect(parse("Write-Output 1e999 0xZZ").errors.isEmpty)
        #expect(parse("$a = 0xZZ").errors.isEmpty)
    }

    @Test func severalErrorsInOnePassSemanticOnesLast() {
        let r = parse("try {} finally { return }\nGet-X )\n$a,$b += 1")
        #expect(r.errors.map(\.errorId) == ["UnexpectedToken", "ControlLeavingFinally", "InvalidLeftHandSide"])
        #expect(r.syntaxCheckLines.map { $0.split(separator: "\t").first.map(String.init) ?? "" } == ["32", "17", "34"])
    }

    @Test func syntaxCheckFormat() {
        #expect(parse("Get-X").syntaxCheckReport.isEmpty)
        let report = parse("foreach ($a in").syntaxCheckReport
        #expect(report == "14\tMissingForeachExpression\tMissing expression in foreach loop. The correct form is: foreach ($a in $b) {...}\n")
        #expect(ParserStrings.template("UnexpectedToken") == "Unexpected token '{0}' in expression or statement.")
        #expect(ParserStrings.format("IncompleteDollarVariableReference", []) == "${{variable}} reference starting is missing the closing '}}'.")
    }
}
