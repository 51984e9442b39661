import Testing
@testable import CmdletParser

@Suite struct DeclarationTests {
    @Test func advancedFunction() throws {
        let r = parse("""
        function Set-Lab {
            [CmdletBinding(SupportsShouldProcess = $true)]
            [OutputType([string])]
            param(
                [Parameter(Mandatory, Position = 0)][ValidateSet('a', 'b')][string]$Name,
                [switch]$Force,
                [uint32]$Timeout = 30
            )
            begin { $n = 0 }
            process { $n++ }
            end { $n }
        }
        """)
        #expect(r.errors.isEmpty)
        let f = try #require(r.ast.endBlock?.statements.first as? FunctionDefinitionAst)
        #expect(f.name == "Set-Lab")
        let pb = try #require(f.body.paramBlock)
        #expect(pb.attributes.map(\.typeName.name) == ["CmdletBinding", "OutputType"])
        let name = pb.parameters[0]
        #expect(name.attributes.map(\.typeName.name) == ["Parameter", "ValidateSet", "string"])
        let parameter = try #require(name.attributes[0] as? AttributeAst)
        #expect(parameter.namedArguments.map(\.argumentName) == ["Mandatory", "Position"])
        #expect(parameter.namedArguments[0].expressionOmitted)
        #expect(name.attributes[2] is TypeConstraintAst)
        #expect((pb.parameters[2].defaultValue as? ConstantExpressionAst)?.value == .int32(30))
        #expect(f.body.beginBlock != nil && f.body.processBlock != nil && f.body.endBlock?.unnamed == false)
    }

    @Test func functionForms() throws {
        let f = try #require(statements("function f($a, [int]$b = 2) { $a }").first as? FunctionDefinitionAst)
        #expect(f.parameters?.count == 2)
        #expect((statements("filter F { $_ }").first as? FunctionDefinitionAst)?.isFilter == true)
        #expect((statements("workflow W { parallel { 1 } sequence { 2 } }").first as? FunctionDefinitionAst)?.isWorkflow == true)
        #expect(parse("function").errors.first?.errorId == "MissingNameAfterKeyword")
        #expect(parse("function foo").errors.first?.errorId == "MissingFunctionBody")
        #expect(parse("function foo(").errors.first?.errorId == "MissingEndParenthesisInFunctionParameterList")
        #expect(parse("function f($a,[int]$a){}").errors.first?.errorId == "DuplicateFormalParameter")
        #expect(parse("function f($a) { param($b) }").errors.first?.errorId == "OnlyOneParameterListAllowed")
    }

    @Test func scriptLevelParamBlockAndUsing() throws {
        let r = parse("using namespace System.IO\nusing module SmbShare\n[CmdletBinding()]\nparam([string]$Path)\nGet-Item $Path")
        #expect(r.errors.isEmpty)
        #expect(r.ast.usingStatements.map(\.usingKind) == [.namespace, .module])
        #expect(r.ast.usingStatements.first?.name == "System.IO")
        #expect(r.ast.paramBlock?.parameters.count == 1)
        #expect(r.ast.attributes.first?.typeName.name == "CmdletBinding")
        #expect(parse("Get-X\nusing namespace System").errors.first?.errorId == "UsingMustBeAtStartOfScript")
    }

    @Test func classesAndEnums() throws {
        let r = parse("""
        enum Dialect { SMB1 = 1; SMB2
            SMB3 }
        class Share : System.Object {
            [string]$Name = 'x'
            static [int]$Count
            hidden [bool]$Flag
            Share([string]$n) : base() { $this.Name = $n }
            [string] ToString() { return $this.Name }
        }
        """)
        #expect(r.errors.isEmpty)
        let e = try #require(r.ast.endBlock?.statements.first as? TypeDefinitionAst)
        #expect(e.kind == .enum && e.members.map(\.name) == ["SMB1", "SMB2", "SMB3"])
        let c = try #require(r.ast.endBlock?.statements.last as? TypeDefinitionAst)
        #expect(c.kind == .class && c.name == "Share")
        #expect(c.baseTypes.map(\.typeName.name) == ["System.Object"])
        #expect(c.members.map(\.name) == ["Name", "Count", "Flag", "Share", "ToString"])
        #expect(c.members[1].isStatic)
        #expect(c.members[3].isMethod && c.members[3].parameters.count == 1)
    }

    @Test func configurationAndDynamicKeywordsParse() {
        let r = parse("configuration Lab {\n Node localhost {\n  File f { DestinationPath = 'C:\\x'; Ensure = 'Present' }\n }\n}")
        #expect(r.errors.isEmpty)
        #expect(r.ast.endBlock?.statements.first is ConfigurationDefinitionAst)
    }

    @Test func attributesOnStatementsAndExpressions() {
        #expect(parse("[int]$x = 5").errors.isEmpty)
        #expect(parse("[ValidateNotNull()]$x = 5").errors.isEmpty)
        // `function` takes no attributes: a type before it is an expression, and `function` then unexpected.
        #expect(parse("[int] function f {}").errors.first?.errorId == "UnexpectedToken")
        #expect(parse("$x = [int]\nfunction f {}").errors.isEmpty)
        #expect(parse("[int] class C {}").errors.first?.errorId == "TypeNotAllowedBeforeStatement")
        #expect(parse("[int] if ($a) {}").errors.first?.errorId == "UnexpectedToken")
        #expect(parse("[int").errors.first?.errorId != nil)
    }
}
