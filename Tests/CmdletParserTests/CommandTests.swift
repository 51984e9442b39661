import Testing
@testable import CmdletParser

@Suite struct CommandTests {
    @Test func namedParametersColonArgumentsAndSwitches() throws {
        let r = parse("Set-SmbClientConfiguration -EnableMailslots:$false -Force -SessionTimeout 60")
        let command = try #require((r.ast.endBlock?.statements.first as? PipelineAst)?.pipelineElements.first as? CommandAst)
        #expect(command.commandName == "Set-SmbClientConfiguration")
        let params = command.commandElements.compactMap { $0 as? CommandParameterAst }
        #expect(params.map(\.parameterName) == ["EnableMailslots", "Force", "SessionTimeout"])
        #expect(text(r, params[0]) == "-EnableMailslots:$false")
        #expect(r.source.text(of: params[0].errorPosition) == "-EnableMailslots:")
        #expect((params[0].argument as? VariableExpressionAst)?.variablePath.name == "false")
        #expect(params[1].argument == nil)
        #expect((command.commandElements.last as? ConstantExpressionAst)?.value == .int32(60))
    }

    @Test func bareWordsAndNativeArguments() throws {
        let command = try #require(firstElement(#"icacls \\.\mailslot\lab /inheritance:e *.* a,b 1.2.3 abc"#) as? CommandAst)
        let values = command.commandElements.map { element -> String in
            if let s = element as? StringConstantExpressionAst { return s.value }
            if let a = element as? ArrayLiteralAst {
                return a.elements.compactMap { ($0 as? StringConstantExpressionAst)?.value }.joined(separator: "|")
            }
            return "?"
        }
        #expect(values == ["icacls", #"\\.\mailslot\lab"#, "/inheritance:e", "*.*", "a|b", "1.2.3", "abc"])
        #expect(command.commandElements.dropFirst().allSatisfy {
            ($0 as? StringConstantExpressionAst)?.stringConstantType ?? .bareWord == .bareWord
        })
    }

    @Test func numbersInCommandModeAreConstants() throws {
        let command = try #require(firstElement("Write-Output 1KB 0x3C 7 12abc") as? CommandAst)
        let elements = Array(command.commandElements.dropFirst())
        #expect((elements[0] as? ConstantExpressionAst)?.value == .int32(1024))
        #expect((elements[1] as? ConstantExpressionAst)?.value == .int32(60))
        #expect((elements[2] as? ConstantExpressionAst)?.value == .int32(7))
        #expect((elements[3] as? StringConstantExpressionAst)?.value == "12abc")
    }

    @Test func splattingAndInvocationOperators() throws {
        let command = try #require(firstElement("New-SmbShare @params -WhatIf") as? CommandAst)
        let splat = try #require(command.commandElements[1] as? VariableExpressionAst)
        #expect(splat.splatted && splat.variablePath.name == "params")
        #expect(parse("New-SmbShare @params").errors.isEmpty)
        let call = try #require(firstElement("& $cmd -x 1") as? CommandAst)
        #expect(call.invocationOperator == .ampersand)
        #expect(call.commandElements.first is VariableExpressionAst)
        let dot = try #require(firstElement(". .\\setup.ps1") as? CommandAst)
        #expect(dot.invocationOperator == .dot)
        #expect(dot.commandName == ".\\setup.ps1")
    }

    @Test func splattingOutsideACommandIsAnError() {
        #expect(parse("@a").errors.first?.errorId == "SplattingNotPermitted")
        #expect(parse("Write-Output @a.b").errors.first?.errorId == "SplattingNotPermitted")
        #expect(parse("Write-Output @a, 1").errors.first?.errorId == "SplattingNotPermitted")
    }

    @Test func redirections() throws {
        let command = try #require(firstElement("Get-Thing 2>&1 > out.txt *>> all.log") as? CommandAst)
        #expect(command.redirections.count == 3)
        let merge = try #require(command.redirections.first { $0 is MergingRedirectionAst } as? MergingRedirectionAst)
        #expect(merge.fromStream == .error && merge.toStream == .output)
        let file = try #require(command.redirections.first { $0.fromStream == .output } as? FileRedirectionAst)
        #expect((file.location as? StringConstantExpressionAst)?.value == "out.txt" && !file.append)
        let all = try #require(command.redirections.first { $0.fromStream == .all } as? FileRedirectionAst)
        #expect(all.append)
        let nullRedirect = try #require(firstElement("$x *>$null") as? CommandExpressionAst)
        #expect(nullRedirect.redirections.count == 1)
        #expect(parse("Get-X > ").errors.first?.errorId == "MissingFileSpecification")
    }

    @Test func verbatimArgument() throws {
        let command = try #require(firstElement(#"cmd /c echo --% a "b" $x | more"#) as? CommandAst)
        #expect((command.commandElements.last as? StringConstantExpressionAst)?.value == #"a "b" $x "#)
        #expect((statements(#"cmd --% a | more"#).first as? PipelineAst)?.pipelineElements.count == 2)
    }

    @Test func pipelinesAndTheirErrors() {
        #expect((statements("Get-SmbShare | Where-Object Name -eq 'x' | Select-Object Name").first as? PipelineAst)?
            .pipelineElements.count == 3)
        let empty = parse("Get-X |")
        #expect(empty.errors.first?.errorId == "EmptyPipeElement")
        #expect(empty.isIncomplete)
        #expect(parse("|gps").errors.first?.errorId == "EmptyPipeElement")
        #expect(parse("1|1").errors.first?.errorId == "ExpressionsMustBeFirstInPipeline")
        #expect(parse("Get-X\n| Get-Y").errors.first?.errorId == "EmptyPipeElement")
    }

    @Test func unexpectedClosingParenthesisIsReportedAtItsOffset() {
        let r = parse("Write-Output 'a' )")
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.errorId == "UnexpectedToken")
        #expect(r.errors.first?.extent == SourceExtent(17, 18))
        #expect(r.errors.first?.message == "Unexpected token ')' in expression or statement.")
        #expect(r.errors.first?.incompleteInput == false)
        #expect(r.syntaxCheckLines == ["17\tUnexpectedToken\tUnexpected token ')' in expression or statement."])
    }

    @Test func parameterErrors() {
        let r = parse("gcm -a:")
        #expect(r.errors.first?.errorId == "ParameterRequiresArgument")
        #expect(r.errors.first?.message == "Parameter -a: requires an argument.")
        #expect(parse("gcm -a: 1,").errors.first?.errorId == "MissingExpression")
        #expect(parse("write-output 2,,1").errors.first?.errorId == "MissingExpression")
    }
}
