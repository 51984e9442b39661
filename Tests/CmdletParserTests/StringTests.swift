import Testing
@testable import CmdletParser

@Suite struct StringTests {
    @Test func literalStringsAndEscapes() {
        #expect((expression("'it''s'") as? StringConstantExpressionAst)?.value == "it's")
        #expect((expression("\"say \"\"hi\"\"\"") as? StringConstantExpressionAst)?.value == "say \"hi\"")
        #expect((expression("\"a`tb`n`$x``\"") as? StringConstantExpressionAst)?.value == "a\tb\n$x`")
        #expect((expression("\"`e\"") as? StringConstantExpressionAst)?.value == "e")
        #expect((expression("‘smart’") as? StringConstantExpressionAst)?.value == "smart")
    }

    @Test func expansionSplitsVariablesAndSubexpressions() throws {
        let s = try #require(expression("\"Path: $name\\$($x.Id) of $env:COMPUTERNAME; ${a b}.\"") as? ExpandableStringExpressionAst)
        #expect(s.value == "Path: $name\\$($x.Id) of $env:COMPUTERNAME; ${a b}.")
        var shape: [String] = []
        for part in s.parts {
            switch part {
            case .literal(let t): shape.append("'\(t)'")
            case .expression(let v as VariableExpressionAst): shape.append("$" + v.variablePath.userPath)
            case .expression(let e): shape.append(String(describing: type(of: e)))
            }
        }
        #expect(shape == ["'Path: '", "$name", "'\\'", "SubExpressionAst", "' of '", "$env:COMPUTERNAME", "'; '", "$a b", "'.'"])
    }

    @Test func memberAccessIsNotExpandedInStrings() throws {
        let s = try #require(expression("\"$x.Name\"") as? ExpandableStringExpressionAst)
        #expect(s.parts.count == 2)
        guard case .expression(let v as VariableExpressionAst) = s.parts[0], case .literal(".Name") = s.parts[1] else {
            Issue.record("expected $x then '.Name'")
            return
        }
        #expect(v.variablePath.name == "x")
    }

    @Test func nestedExpressionsPointIntoTheScript() throws {
        let r = parse("\"v: $($_.X)\"")
        let s = try #require((r.ast.endBlock?.statements.first as? PipelineAst).flatMap {
            ($0.pipelineElements.first as? CommandExpressionAst)?.expression } as? ExpandableStringExpressionAst)
        guard case .expression(let sub) = s.parts[1] else { Issue.record("no sub-expression"); return }
        #expect(r.source.text(of: sub.extent) == "$($_.X)")
    }

    @Test func hereStrings() throws {
        let literal = try #require(expression("@'\nline $x\n  two\n'@") as? StringConstantExpressionAst)
        #expect(literal.value == "line $x\n  two")
        #expect(literal.stringConstantType == .singleQuotedHereString)
        let expandable = try #require(expression("@\"\nHello $name\n\"@") as? ExpandableStringExpressionAst)
        #expect(expandable.stringConstantType == .doubleQuotedHereString)
        #expect(expandable.value == "Hello $name")
        #expect(parse("@\"\"@").errors.first?.errorId == "UnexpectedCharactersAfterHereStringHeader")
        let open = parse("@'\nabc")
        #expect(open.errors.first?.errorId == "TerminatorExpectedAtEndOfString")
        #expect(open.errors.first?.message == "The string is missing the terminator: '@.")
        #expect(open.isIncomplete)
        #expect(parse("@'\nabc\n '@").errors.first?.errorId == "WhitespaceBeforeHereStringFooter")
    }

    @Test func unterminatedStringsAreIncomplete() {
        let r = parse("\"This is a test")
        #expect(r.errors.first?.errorId == "TerminatorExpectedAtEndOfString")
        #expect(r.errors.first?.message == "The string is missing the terminator: \".")
        #expect(r.errors.first?.extent.startOffset == 0)
        #expect(r.isIncomplete)
        #expect(parse("Write-Host 'abc").isIncomplete)
    }

    @Test func variablesAndScopes() throws {
        func path(_ t: String) -> VariablePath? { (expression(t) as? VariableExpressionAst)?.variablePath }
        #expect(path("$script:x")?.scope == .script)
        #expect(path("$global:x")?.name == "x")
        #expect(path("$env:PATH")?.scope == .drive("env"))
        #expect(path("${C:\\temp\\x.txt}")?.scope == .drive("C"))
        #expect(path("$_")?.name == "_")
        #expect(path("$?")?.name == "?")
        #expect(path("$args")?.scope == .unqualified)
        #expect(expression("$using:x") is UsingExpressionAst)
        #expect(parse("\"$i:$i\"").errors.first?.errorId == "InvalidVariableReferenceWithDrive")
        #expect(parse("${}").errors.first?.errorId == "EmptyVariableReference")
    }

    @Test func expandableBareWordArgument() throws {
        let command = try #require(firstElement("Get-ChildItem C:\\$dir\\*.txt") as? CommandAst)
        let arg = try #require(command.commandElements[1] as? ExpandableStringExpressionAst)
        #expect(arg.stringConstantType == .bareWord)
        #expect(arg.value == "C:\\$dir\\*.txt")
    }
}
