import Testing
@testable import CmdletParser

@Suite struct StatementTests {
    @Test func ifElseIfElse() throws {
        let s = try #require(statements("if ($a) { 1 } elseif ($b) { 2 } else { 3 }").first as? IfStatementAst)
        #expect(s.clauses.count == 2)
        #expect(s.elseClause != nil)
        #expect(parse("if (").errors.first?.errorId == "IfStatementMissingCondition")
        #expect(parse("if ($a)").errors.first?.errorId == "MissingStatementBlock")
        #expect(parse("if ($a)").isIncomplete)
        #expect(parse("if ($a) {} else").errors.first?.errorId == "MissingStatementBlockAfterElse")
        // An `if` inside a hash literal ends at the newline.
        #expect(parse("@{\n a = if (1) {'a'}\n b = 2\n}").errors.isEmpty)
    }

    @Test func loopsWithLabels() throws {
        let sts = statements("""
        :outer foreach ($i in 1..3) { foreach ($j in $list) { break outer } }
        for ($i = 0; $i -lt 3; $i++) { continue }
        for (;;) { break }
        while ($true) { break }
        do { $n++ } while ($n -lt 3)
        do { $n-- } until ($n -eq 0)
        """)
        let outer = try #require(sts[0] as? ForEachStatementAst)
        #expect(outer.label == "outer")
        #expect(outer.variable.variablePath.name == "i")
        let forLoop = try #require(sts[1] as? ForStatementAst)
        #expect(forLoop.initializer != nil && forLoop.condition != nil && forLoop.iterator != nil)
        let empty = try #require(sts[2] as? ForStatementAst)
        #expect(empty.initializer == nil && empty.condition == nil)
        #expect(sts[3] is WhileStatementAst)
        #expect(sts[4] is DoWhileStatementAst)
        #expect(sts[5] is DoUntilStatementAst)
        let inner = try #require(outer.body.statements.first as? ForEachStatementAst)
        let brk = try #require(inner.body.statements.first as? BreakStatementAst)
        #expect((brk.label as? StringConstantExpressionAst)?.value == "outer")
    }

    @Test func foreachErrors() {
        #expect(parse("foreach (").errors.first?.errorId == "MissingVariableNameAfterForeach")
        #expect(parse("foreach ($a").errors.first?.errorId == "MissingInInForeach")
        #expect(parse("foreach ($a in").errors.first?.errorId == "MissingForeachExpression")
        #expect(parse("foreach ($a in $x").errors.first?.errorId == "MissingEndParenthesisAfterForeach")
        #expect(parse("foreach ($a in $x)").errors.first?.errorId == "MissingForeachStatement")
        #expect(parse("for (").errors.first?.errorId == "MissingEndParenthesisAfterStatement")
        #expect(parse("while ($x)").errors.first?.errorId == "MissingLoopStatement")
        #expect(parse("do { }").errors.first?.errorId == "MissingWhileOrUntilInDoWhile")
    }

    @Test func switchStatement() throws {
        let s = try #require(statements("switch -regex -casesensitive ($x) { '^a' { 'A' } 1 { 'one' } default { 'd' } }").first
                             as? SwitchStatementAst)
        #expect(s.flags.contains(.regex) && s.flags.contains(.caseSensitive))
        #expect(s.clauses.count == 2)
        #expect(s.defaultClause != nil)
        let file = try #require(statements("switch -file a.txt { x { 1 } }").first as? SwitchStatementAst)
        #expect(file.flags.contains(.file))
        #expect(parse("switch -abc").errors.map(\.errorId) == ["InvalidSwitchFlag", "PipelineValueRequired"])
        #expect(parse("switch (1) {default {9} default{2}}").errors.first?.errorId == "MultipleSwitchDefaultClauses")
    }

    @Test func tryCatchFinallyAndTrap() throws {
        let t = try #require(statements("try { 1 } catch [System.IO.IOException], [Exception] { 2 } catch { 3 } finally { 4 }").first
                             as? TryStatementAst)
        #expect(t.catchClauses.count == 2)
        #expect(t.catchClauses[0].catchTypes.map(\.typeName.name) == ["System.IO.IOException", "Exception"])
        #expect(t.finally != nil)
        #expect(parse("try").errors.first?.errorId == "MissingTryStatementBlock")
        #expect(parse("try {}").errors.first?.errorId == "MissingCatchOrFinally")
        #expect(parse("try {} catch").errors.first?.errorId == "MissingCatchHandlerBlock")
        #expect(parse("try {} finally { return }").errors.first?.errorId == "ControlLeavingFinally")
        #expect(parse("try {} finally { foreach ($a in $b) { break } }").errors.isEmpty)
        #expect(parse("try {} finally { & { return } }").errors.isEmpty)
        let r = parse("trap [Exception] { continue }\n'x'")
        #expect(r.ast.endBlock?.traps.count == 1)
        #expect(r.ast.endBlock?.statements.count == 1)
    }

    @Test func flowControlAndData() throws {
        #expect(statements("return 1").first is ReturnStatementAst)
        #expect(statements("exit 3").first is ExitStatementAst)
        #expect((statements("throw 'x'").first as? ThrowStatementAst)?.pipeline != nil)
        let data = try #require(statements("data texts { 'a' }").first as? DataStatementAst)
        #expect(data.variable == "texts")
        #expect(parse("data -SupportedCommand Format-X { 'a' }").errors.isEmpty)
    }

    @Test func missingBraceIsIncompleteAtTheOpeningBrace() {
        let r = parse("function foo { function bar { if (1) {} }")
        #expect(r.errors.first?.errorId == "MissingEndCurlyBrace")
        #expect(r.errors.first?.extent.startOffset == 13)
        #expect(r.isIncomplete)
        #expect(parse("   }").errors.first?.extent.startOffset == 3)
    }

    @Test func incompleteInputWhereTheConsoleShowsContinuation() {
        for text in ["Get-X {", "(1 +", "'abc", "@'\nx", "Get-X `", "Get-X |", "if ($a)", "foreach ($a in $b)",
                     "function f {", "$x = @(", "@{ a = 1", "Get-X | # more to come", "Get-X { <# c #>  "] {
            #expect(parse(text).isIncomplete, "\(text.debugDescription) should ask for more input")
        }
        // A newline after the error is not whitespace to PowerShell: that input is complete (wrong).
        for text in ["Get-X )", "1 -foo 2", "@\"\"@", "Get-X )\n{", "Get-X |\n"] {
            #expect(!parse(text).isIncomplete, "\(text.debugDescription) is wrong, not incomplete")
        }
    }

    @Test func reservedKeywords() {
        #expect(parse("var x").errors.first?.errorId == "ReservedKeywordNotAllowed")
        #expect(parse("from x").errors.first?.message == "The 'from' keyword is not supported in this version of the language.")
    }
}

/// `[type]$auto = …`: an automatic variable takes no constraint but its own type (SemanticChecks).
@Suite struct AutomaticVariableConstraintTests {
    @Test(arguments: ["[datetime]$_ = 1", "[int]$args = 1", "[notexist]$input = 1", "[string]$MyInvocation = 1",
                      "[object]$PSCmdlet = 1", "[object][datetime]$this = 1", "[int]$local:_ = 1"])
    func wrongConstraintIsAnError(_ text: String) {
        #expect(parse(text).errors.map(\.errorId) == ["AssignmentStatementToAutomaticNotSupported"])
    }

    @Test(arguments: ["[object]$_ = 1", "[System.Object[]]$args = 1", "[Object]$this = 1", "[string]$PSScriptRoot = 1",
                      "[System.String]$PSCommandPath = 1", "[Management.Automation.InvocationInfo]$MyInvocation = 1",
                      "[datetime][object]$_ = 1", "[datetime]$script:_ = 1", "[datetime]$other = 1"])
    func ownTypeOrOtherVariableIsAccepted(_ text: String) {
        #expect(parse(text).errors.isEmpty)
    }

    @Test func messageNamesTheVariableAndItsType() {
        #expect(parse("[int]$args = 1").errors.first?.message == "Cannot assign automatic variable 'args' with type 'System.Object[]'")
    }
}
