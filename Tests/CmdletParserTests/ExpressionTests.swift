import Testing
@testable import CmdletParser

/// The expression of a statement that is a lone expression.
func expression(_ text: String) -> ExpressionAst? { (firstElement(text) as? CommandExpressionAst)?.expression }

@Suite struct ExpressionTests {
    @Test func numberTyping() {
        func value(_ t: String) -> NumberValue? { (expression(t) as? ConstantExpressionAst)?.value }
        #expect(value("42") == .int32(42))
        #expect(value("2147483648") == .int64(2_147_483_648))
        #expect(value("99999999999999999999") == .double(1e20))
        #expect(value("0x10") == .int32(16))
        #expect(value("0xFFFFFFFF") == .int32(-1))
        #expect(value("0x100000000") == .int64(4_294_967_296))
        #expect(value("0xFFFFFFFFFFFFFFFF") == .int64(-1))
        #expect(value("1kb") == .int32(1024))
        #expect(value("2gb") == .int64(2_147_483_648))
        #expect(value("1.5") == .double(1.5))
        #expect(value("1e3") == .double(1000))
        #expect(value("10L") == .int64(10))
        #expect(value("1.5d") == .decimal("1.5"))
        #expect(value("-0x12") == .int32(-18))
        #expect(value("1lkb") == .int64(1024))
        #expect(parse("$x = -0x8000000000000000").errors.first?.errorId == "BadNumericConstant")
    }

    @Test func binaryPrecedenceAndAssociativity() throws {
        let e = try #require(expression("1 + 2 * 3 -eq 7 -and $true") as? BinaryExpressionAst)
        #expect(e.operatorKind == .and)
        let cmp = try #require(e.left as? BinaryExpressionAst)
        #expect(cmp.operatorKind == .ieq)
        let sum = try #require(cmp.left as? BinaryExpressionAst)
        #expect(sum.operatorKind == .plus)
        #expect((sum.right as? BinaryExpressionAst)?.operatorKind == .multiply)
        let left = try #require(expression("1 - 2 - 3") as? BinaryExpressionAst)
        #expect((left.left as? BinaryExpressionAst)?.operatorKind == .minus)
        #expect((expression("$a -cmatch 'x'") as? BinaryExpressionAst)?.operatorKind == .cmatch)
        #expect((expression("$a -notin $b") as? BinaryExpressionAst)?.operatorKind == .inotin)
        #expect((expression("'a,b' -split ','") as? BinaryExpressionAst)?.operatorKind == .isplit)
        #expect((expression("'{0}' -f 1") as? BinaryExpressionAst)?.operatorKind == .format)
    }

    @Test func rangesAndArrays() throws {
        let range = try #require(expression("1..3") as? BinaryExpressionAst)
        #expect(range.operatorKind == .dotDot)
        let array = try #require(expression("1, 2, 3") as? ArrayLiteralAst)
        #expect(array.elements.count == 3)
        #expect((expression(",1") as? ArrayLiteralAst)?.elements.count == 1)
        #expect(expression("@(1; 2)") is ArrayExpressionAst)
        #expect(expression("$(Get-Date)") is SubExpressionAst)
    }

    @Test func unaryOperators() {
        #expect((expression("-not $x") as? UnaryExpressionAst)?.tokenKind == .not)
        #expect((expression("!$x") as? UnaryExpressionAst)?.tokenKind == .exclaim)
        #expect((expression("-$x") as? UnaryExpressionAst)?.tokenKind == .minus)
        #expect((expression("$i++") as? UnaryExpressionAst)?.tokenKind == .postfixPlusPlus)
        #expect((expression("--$i") as? UnaryExpressionAst)?.tokenKind == .minusMinus)
        #expect((expression("-join $a") as? UnaryExpressionAst)?.tokenKind == .join)
        #expect(parse("-not").errors.first?.errorId == "MissingExpressionAfterOperator")
    }

    @Test func memberAccessMethodsAndIndexing() throws {
        let r = parse("(Get-SmbShare).Name")
        let member = try #require((r.ast.endBlock?.statements.first as? PipelineAst)?.pipelineElements.first
            .flatMap { ($0 as? CommandExpressionAst)?.expression } as? MemberExpressionAst)
        #expect(member.expression is ParenExpressionAst)
        #expect((member.member as? StringConstantExpressionAst)?.value == "Name")
        let call = try #require(expression("$s.ToUpper().Trim('x')[0]") as? IndexExpressionAst)
        let trim = try #require(call.target as? InvokeMemberExpressionAst)
        #expect(trim.arguments.count == 1)
        #expect(trim.expression is InvokeMemberExpressionAst)
        let stat = try #require(expression("[System.IO.File]::Exists($p)") as? InvokeMemberExpressionAst)
        #expect(stat.isStatic)
        #expect((stat.expression as? TypeExpressionAst)?.typeName.name == "System.IO.File")
        #expect((expression("[Math]::PI") as? MemberExpressionAst)?.isStatic == true)
        #expect(parse("$x.").errors.first?.errorId == "MissingPropertyName")
        #expect(parse("$a[").errors.first?.errorId == "MissingArrayIndexExpression")
        #expect(parse("$a.f(1,").errors.first?.errorId == "MissingExpressionAfterToken")
    }

    @Test func castsAndTypeLiterals() throws {
        let cast = try #require(expression("[int]'42'") as? ConvertExpressionAst)
        #expect(cast.type.typeName.name == "int")
        let ordered = try #require(expression("[ordered]@{ a = 1 }") as? ConvertExpressionAst)
        #expect(ordered.child is HashtableAst)
        #expect((expression("[string[]]$x") as? ConvertExpressionAst)?.type.typeName.name == "string[]")
        let generic = try #require(expression("[System.Collections.Generic.List[string]]::new()") as? InvokeMemberExpressionAst)
        #expect((generic.expression as? TypeExpressionAst)?.typeName.name == "System.Collections.Generic.List[string]")
        #expect((expression("[uint32]1") as? ConvertExpressionAst)?.child is ConstantExpressionAst)
    }

    @Test func hashtables() throws {
        let hash = try #require(expression("@{ Name = 'lab'; 'Path' = \"C:\\x\"\n Count = 1 + 1 }") as? HashtableAst)
        #expect(hash.keyValuePairs.count == 3)
        #expect((hash.keyValuePairs[0].key as? StringConstantExpressionAst)?.stringConstantType == .bareWord)
        #expect((hash.keyValuePairs[1].key as? StringConstantExpressionAst)?.stringConstantType == .singleQuoted)
        let r = parse("@{ a=1;b=2;c=3;")
        #expect(r.errors.first?.errorId == "MissingEndCurlyBrace")
        #expect(r.errors.first?.extent.startOffset == 2)
        #expect(r.isIncomplete)
        #expect(parse("@{ a }").errors.first?.errorId == "MissingEqualsInHashLiteral")
        #expect(parse("@{ a = 1; A = 2 }").errors.first?.errorId == "DuplicateKeyInHashLiteral")
    }

    @Test func scriptBlocks() throws {
        let block = try #require(expression("{ $_ * 2 }") as? ScriptBlockExpressionAst)
        let statement = try #require(block.scriptBlock.endBlock?.statements.first as? PipelineAst)
        #expect((statement.pipelineElements.first as? CommandExpressionAst)?.expression is BinaryExpressionAst)
        let withParams = try #require(expression("{ param($a, [int]$b = 2) $a + $b }") as? ScriptBlockExpressionAst)
        #expect(withParams.scriptBlock.paramBlock?.parameters.count == 2)
    }

    @Test func assignments() throws {
        for op in ["=", "+=", "-=", "*=", "/=", "%="] {
            let a = try #require(statements("$x \(op) 5").first as? AssignmentStatementAst)
            #expect(a.operatorKind.isAssignmentOperator)
        }
        let multi = try #require(statements("$a, $b = 1, 2").first as? AssignmentStatementAst)
        #expect(multi.left is ArrayLiteralAst)
        #expect(statements("$env:X = 'y'").first is AssignmentStatementAst)
        #expect(statements("$h.Key = Get-Value -Name x").first is AssignmentStatementAst)
        #expect(parse("$a,$b += 1,2").errors.first?.errorId == "InvalidLeftHandSide")
        let missing = parse("$a=")
        #expect(missing.errors.first?.errorId == "ExpectedValueExpression")
        #expect(missing.errors.first?.extent.startOffset == 3)
        #expect(missing.isIncomplete)
        #expect(parse("1+").errors.first?.message == "You must provide a value expression following the '+' operator.")
    }

    @Test func parameterInExpressionIsUnexpected() {
        let r = parse("1 -foo 2")
        #expect(r.errors.first?.errorId == "UnexpectedToken")
        #expect(r.errors.first?.extent == SourceExtent(2, 6))
    }
}
