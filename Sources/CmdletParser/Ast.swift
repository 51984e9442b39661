// The syntax tree, named and shaped after System.Management.Automation.Language so that anyone who
// knows PowerShell's AST finds their way. Nodes are immutable; every node carries its extent.

/// A half-open range of UTF-8 byte offsets into a `ScriptSource`.
public struct SourceExtent: Sendable, Hashable {
    public var startOffset: Int
    public var endOffset: Int

    public init(_ startOffset: Int, _ endOffset: Int) {
        self.startOffset = startOffset
        self.endOffset = endOffset
    }

    public static let empty = SourceExtent(0, 0)

    /// The smallest extent covering both.
    public func union(_ other: SourceExtent) -> SourceExtent {
        SourceExtent(Swift.min(startOffset, other.startOffset), Swift.max(endOffset, other.endOffset))
    }
}

/// The base of every node.
public class Ast: @unchecked Sendable {
    public let extent: SourceExtent

    init(extent: SourceExtent) {
        self.extent = extent
    }
}

// MARK: - Script blocks

public final class ScriptBlockAst: Ast, @unchecked Sendable {
    /// The text the block was parsed from (shared by every nested block of one parse).
    public let source: ScriptSource
    public let usingStatements: [UsingStatementAst]
    public let attributes: [AttributeAst]
    public let paramBlock: ParamBlockAst?
    public let beginBlock: NamedBlockAst?
    public let processBlock: NamedBlockAst?
    public let endBlock: NamedBlockAst?
    public let dynamicParamBlock: NamedBlockAst?

    public init(extent: SourceExtent, source: ScriptSource, usingStatements: [UsingStatementAst] = [],
                attributes: [AttributeAst] = [], paramBlock: ParamBlockAst?, beginBlock: NamedBlockAst?,
                processBlock: NamedBlockAst?, endBlock: NamedBlockAst?, dynamicParamBlock: NamedBlockAst?) {
        self.source = source
        self.usingStatements = usingStatements
        self.attributes = attributes
        self.paramBlock = paramBlock
        self.beginBlock = beginBlock
        self.processBlock = processBlock
        self.endBlock = endBlock
        self.dynamicParamBlock = dynamicParamBlock
        super.init(extent: extent)
    }
}

public enum BlockKind: String, Sendable {
    case begin, process, end, dynamicparam
}

public final class NamedBlockAst: Ast, @unchecked Sendable {
    public let blockKind: BlockKind
    /// True for the implicit end block of a script without `begin`/`process`/`end`.
    public let unnamed: Bool
    public let statements: [StatementAst]
    public let traps: [TrapStatementAst]

    public init(extent: SourceExtent, blockKind: BlockKind, unnamed: Bool, statements: [StatementAst],
                traps: [TrapStatementAst]) {
        self.blockKind = blockKind
        self.unnamed = unnamed
        self.statements = statements
        self.traps = traps
        super.init(extent: extent)
    }
}

public final class ParamBlockAst: Ast, @unchecked Sendable {
    public let attributes: [AttributeAst]
    public let parameters: [ParameterAst]

    public init(extent: SourceExtent, attributes: [AttributeAst], parameters: [ParameterAst]) {
        self.attributes = attributes
        self.parameters = parameters
        super.init(extent: extent)
    }
}

public final class ParameterAst: Ast, @unchecked Sendable {
    public let name: VariableExpressionAst
    /// Type constraints (`[int]`) and attributes (`[Parameter(Mandatory)]`) in source order.
    public let attributes: [AttributeBaseAst]
    public let defaultValue: ExpressionAst?

    public init(extent: SourceExtent, name: VariableExpressionAst, attributes: [AttributeBaseAst],
                defaultValue: ExpressionAst?) {
        self.name = name
        self.attributes = attributes
        self.defaultValue = defaultValue
        super.init(extent: extent)
    }
}

/// A type name as written: `int`, `System.IO.File`, `string[]`, `System.Collections.Generic.List[string]`.
public struct TypeName: Sendable, Hashable {
    public let name: String
    public let extent: SourceExtent

    public init(name: String, extent: SourceExtent) {
        self.name = name
        self.extent = extent
    }
}

public class AttributeBaseAst: Ast, @unchecked Sendable {
    public let typeName: TypeName

    init(extent: SourceExtent, typeName: TypeName) {
        self.typeName = typeName
        super.init(extent: extent)
    }
}

/// `[int]` before a parameter or in a cast.
public final class TypeConstraintAst: AttributeBaseAst, @unchecked Sendable {
    public override init(extent: SourceExtent, typeName: TypeName) {
        super.init(extent: extent, typeName: typeName)
    }
}

/// `[Parameter(Mandatory, Position = 0)]`, `[CmdletBinding()]`, `[ValidateSet('a', 'b')]`.
public final class AttributeAst: AttributeBaseAst, @unchecked Sendable {
    public let positionalArguments: [ExpressionAst]
    public let namedArguments: [NamedAttributeArgumentAst]

    public init(extent: SourceExtent, typeName: TypeName, positionalArguments: [ExpressionAst],
                namedArguments: [NamedAttributeArgumentAst]) {
        self.positionalArguments = positionalArguments
        self.namedArguments = namedArguments
        super.init(extent: extent, typeName: typeName)
    }
}

public final class NamedAttributeArgumentAst: Ast, @unchecked Sendable {
    public let argumentName: String
    public let argument: ExpressionAst
    /// `[Parameter(Mandatory)]`: no `= value` was written (the argument is then `$true`).
    public let expressionOmitted: Bool

    public init(extent: SourceExtent, argumentName: String, argument: ExpressionAst, expressionOmitted: Bool) {
        self.argumentName = argumentName
        self.argument = argument
        self.expressionOmitted = expressionOmitted
        super.init(extent: extent)
    }
}

// MARK: - Statements

public class StatementAst: Ast, @unchecked Sendable {
    override init(extent: SourceExtent) { super.init(extent: extent) }
}

public final class StatementBlockAst: Ast, @unchecked Sendable {
    public let statements: [StatementAst]
    public let traps: [TrapStatementAst]

    public init(extent: SourceExtent, statements: [StatementAst], traps: [TrapStatementAst]) {
        self.statements = statements
        self.traps = traps
        super.init(extent: extent)
    }
}

public class PipelineBaseAst: StatementAst, @unchecked Sendable {
    override init(extent: SourceExtent) { super.init(extent: extent) }
}

public final class PipelineAst: PipelineBaseAst, @unchecked Sendable {
    public let pipelineElements: [CommandBaseAst]
    public let background: Bool

    public init(extent: SourceExtent, pipelineElements: [CommandBaseAst], background: Bool = false) {
        self.pipelineElements = pipelineElements
        self.background = background
        super.init(extent: extent)
    }
}

/// `$x = 1`, `$a += 2`. `operatorKind` is one of the assignment token kinds.
public final class AssignmentStatementAst: PipelineBaseAst, @unchecked Sendable {
    public let left: ExpressionAst
    public let operatorKind: TokenKind
    public let right: StatementAst
    /// The operator token, where PowerShell reports errors about the assignment.
    public let errorPosition: SourceExtent

    public init(extent: SourceExtent, left: ExpressionAst, operatorKind: TokenKind, right: StatementAst,
                errorPosition: SourceExtent) {
        self.left = left
        self.operatorKind = operatorKind
        self.right = right
        self.errorPosition = errorPosition
        super.init(extent: extent)
    }
}

/// What the parser leaves where a statement could not be parsed; never executed.
public final class ErrorStatementAst: PipelineBaseAst, @unchecked Sendable {
    public let nestedAst: [Ast]

    public init(extent: SourceExtent, nestedAst: [Ast]) {
        self.nestedAst = nestedAst
        super.init(extent: extent)
    }
}

public struct IfClause: Sendable {
    public let condition: PipelineBaseAst
    public let body: StatementBlockAst

    public init(condition: PipelineBaseAst, body: StatementBlockAst) {
        self.condition = condition
        self.body = body
    }
}

public final class IfStatementAst: StatementAst, @unchecked Sendable {
    public let clauses: [IfClause]
    public let elseClause: StatementBlockAst?

    public init(extent: SourceExtent, clauses: [IfClause], elseClause: StatementBlockAst?) {
        self.clauses = clauses
        self.elseClause = elseClause
        super.init(extent: extent)
    }
}

public class LabeledStatementAst: StatementAst, @unchecked Sendable {
    /// The loop label without its colon (`outer` for `:outer foreach …`).
    public let label: String?
    /// foreach: the collection; while/do/for: the condition; switch: the value. Absent in `for(;;)`.
    public let condition: PipelineBaseAst?

    init(extent: SourceExtent, label: String?, condition: PipelineBaseAst?) {
        self.label = label
        self.condition = condition
        super.init(extent: extent)
    }
}

public class LoopStatementAst: LabeledStatementAst, @unchecked Sendable {
    public let body: StatementBlockAst

    init(extent: SourceExtent, label: String?, condition: PipelineBaseAst?, body: StatementBlockAst) {
        self.body = body
        super.init(extent: extent, label: label, condition: condition)
    }
}

public final class ForEachStatementAst: LoopStatementAst, @unchecked Sendable {
    public let variable: VariableExpressionAst
    /// `-parallel` (workflow only).
    public let parallel: Bool

    public init(extent: SourceExtent, label: String?, variable: VariableExpressionAst,
                collection: PipelineBaseAst, body: StatementBlockAst, parallel: Bool = false) {
        self.variable = variable
        self.parallel = parallel
        super.init(extent: extent, label: label, condition: collection, body: body)
    }
}

public final class ForStatementAst: LoopStatementAst, @unchecked Sendable {
    public let initializer: PipelineBaseAst?
    public let iterator: PipelineBaseAst?

    public init(extent: SourceExtent, label: String?, initializer: PipelineBaseAst?, condition: PipelineBaseAst?,
                iterator: PipelineBaseAst?, body: StatementBlockAst) {
        self.initializer = initializer
        self.iterator = iterator
        super.init(extent: extent, label: label, condition: condition, body: body)
    }
}

public final class WhileStatementAst: LoopStatementAst, @unchecked Sendable {
    public init(extent: SourceExtent, label: String?, condition: PipelineBaseAst, body: StatementBlockAst) {
        super.init(extent: extent, label: label, condition: condition, body: body)
    }
}

public final class DoWhileStatementAst: LoopStatementAst, @unchecked Sendable {
    public init(extent: SourceExtent, label: String?, condition: PipelineBaseAst, body: StatementBlockAst) {
        super.init(extent: extent, label: label, condition: condition, body: body)
    }
}

public final class DoUntilStatementAst: LoopStatementAst, @unchecked Sendable {
    public init(extent: SourceExtent, label: String?, condition: PipelineBaseAst, body: StatementBlockAst) {
        super.init(extent: extent, label: label, condition: condition, body: body)
    }
}

public struct SwitchFlags: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let regex = SwitchFlags(rawValue: 1)
    public static let wildcard = SwitchFlags(rawValue: 2)
    public static let exact = SwitchFlags(rawValue: 4)
    public static let caseSensitive = SwitchFlags(rawValue: 8)
    public static let file = SwitchFlags(rawValue: 16)
    public static let parallel = SwitchFlags(rawValue: 32)
}

public struct SwitchClause: Sendable {
    public let test: ExpressionAst
    public let body: StatementBlockAst

    public init(test: ExpressionAst, body: StatementBlockAst) {
        self.test = test
        self.body = body
    }
}

/// `switch -regex ($x) { 'a' { … } default { … } }`; with `-file`, `condition` is the path.
public final class SwitchStatementAst: LabeledStatementAst, @unchecked Sendable {
    public let flags: SwitchFlags
    public let clauses: [SwitchClause]
    public let defaultClause: StatementBlockAst?

    public init(extent: SourceExtent, label: String?, condition: PipelineBaseAst?, flags: SwitchFlags,
                clauses: [SwitchClause], defaultClause: StatementBlockAst?) {
        self.flags = flags
        self.clauses = clauses
        self.defaultClause = defaultClause
        super.init(extent: extent, label: label, condition: condition)
    }
}

public final class TryStatementAst: StatementAst, @unchecked Sendable {
    public let body: StatementBlockAst
    public let catchClauses: [CatchClauseAst]
    public let finally: StatementBlockAst?

    public init(extent: SourceExtent, body: StatementBlockAst, catchClauses: [CatchClauseAst],
                finally: StatementBlockAst?) {
        self.body = body
        self.catchClauses = catchClauses
        self.finally = finally
        super.init(extent: extent)
    }
}

public final class CatchClauseAst: Ast, @unchecked Sendable {
    /// Empty for a catch-all clause.
    public let catchTypes: [TypeConstraintAst]
    public let body: StatementBlockAst

    public init(extent: SourceExtent, catchTypes: [TypeConstraintAst], body: StatementBlockAst) {
        self.catchTypes = catchTypes
        self.body = body
        super.init(extent: extent)
    }
}

public final class TrapStatementAst: StatementAst, @unchecked Sendable {
    public let trapType: TypeConstraintAst?
    public let body: StatementBlockAst

    public init(extent: SourceExtent, trapType: TypeConstraintAst?, body: StatementBlockAst) {
        self.trapType = trapType
        self.body = body
        super.init(extent: extent)
    }
}

public final class BreakStatementAst: StatementAst, @unchecked Sendable {
    public let label: ExpressionAst?

    public init(extent: SourceExtent, label: ExpressionAst?) {
        self.label = label
        super.init(extent: extent)
    }
}

public final class ContinueStatementAst: StatementAst, @unchecked Sendable {
    public let label: ExpressionAst?

    public init(extent: SourceExtent, label: ExpressionAst?) {
        self.label = label
        super.init(extent: extent)
    }
}

public final class ReturnStatementAst: StatementAst, @unchecked Sendable {
    public let pipeline: PipelineBaseAst?

    public init(extent: SourceExtent, pipeline: PipelineBaseAst?) {
        self.pipeline = pipeline
        super.init(extent: extent)
    }
}

public final class ExitStatementAst: StatementAst, @unchecked Sendable {
    public let pipeline: PipelineBaseAst?

    public init(extent: SourceExtent, pipeline: PipelineBaseAst?) {
        self.pipeline = pipeline
        super.init(extent: extent)
    }
}

public final class ThrowStatementAst: StatementAst, @unchecked Sendable {
    public let pipeline: PipelineBaseAst?

    public init(extent: SourceExtent, pipeline: PipelineBaseAst?) {
        self.pipeline = pipeline
        super.init(extent: extent)
    }
}

public final class FunctionDefinitionAst: StatementAst, @unchecked Sendable {
    public let isFilter: Bool
    public let isWorkflow: Bool
    public let name: String
    /// Parameters written after the name, `function f($a, $b) { }`; nil when absent.
    public let parameters: [ParameterAst]?
    public let body: ScriptBlockAst

    public init(extent: SourceExtent, isFilter: Bool, isWorkflow: Bool, name: String, parameters: [ParameterAst]?,
                body: ScriptBlockAst) {
        self.isFilter = isFilter
        self.isWorkflow = isWorkflow
        self.name = name
        self.parameters = parameters
        self.body = body
        super.init(extent: extent)
    }
}

/// `data [-SupportedCommand …] { … }`.
public final class DataStatementAst: StatementAst, @unchecked Sendable {
    public let variable: String?
    public let commandsAllowed: [ExpressionAst]
    public let body: StatementBlockAst

    public init(extent: SourceExtent, variable: String?, commandsAllowed: [ExpressionAst], body: StatementBlockAst) {
        self.variable = variable
        self.commandsAllowed = commandsAllowed
        self.body = body
        super.init(extent: extent)
    }
}

/// Workflow `sequence { }`, `parallel { }`, `inlinescript { }`.
public final class BlockStatementAst: StatementAst, @unchecked Sendable {
    public let kind: String
    public let body: StatementBlockAst

    public init(extent: SourceExtent, kind: String, body: StatementBlockAst) {
        self.kind = kind
        self.body = body
        super.init(extent: extent)
    }
}

public enum UsingStatementKind: String, Sendable {
    case namespace, module, assembly, command, type
}

public final class UsingStatementAst: StatementAst, @unchecked Sendable {
    public let usingKind: UsingStatementKind
    public let name: String

    public init(extent: SourceExtent, usingKind: UsingStatementKind, name: String) {
        self.usingKind = usingKind
        self.name = name
        super.init(extent: extent)
    }
}

/// `class`, `enum` and `interface` definitions: parsed and checked, not executed by the engine.
public final class TypeDefinitionAst: StatementAst, @unchecked Sendable {
    public enum Kind: String, Sendable { case `class`, `enum`, interface }
    public let kind: Kind
    public let name: String
    public let attributes: [AttributeAst]
    public let baseTypes: [TypeConstraintAst]
    public let members: [TypeMemberAst]

    public init(extent: SourceExtent, kind: Kind, name: String, attributes: [AttributeAst],
                baseTypes: [TypeConstraintAst], members: [TypeMemberAst]) {
        self.kind = kind
        self.name = name
        self.attributes = attributes
        self.baseTypes = baseTypes
        self.members = members
        super.init(extent: extent)
    }
}

/// A property, method, constructor or enum member of a `TypeDefinitionAst`.
public final class TypeMemberAst: Ast, @unchecked Sendable {
    public let name: String
    public let isMethod: Bool
    public let isStatic: Bool
    public let attributes: [AttributeBaseAst]
    public let initialValue: ExpressionAst?
    public let parameters: [ParameterAst]
    public let body: ScriptBlockAst?

    public init(extent: SourceExtent, name: String, isMethod: Bool, isStatic: Bool, attributes: [AttributeBaseAst],
                initialValue: ExpressionAst?, parameters: [ParameterAst], body: ScriptBlockAst?) {
        self.name = name
        self.isMethod = isMethod
        self.isStatic = isStatic
        self.attributes = attributes
        self.initialValue = initialValue
        self.parameters = parameters
        self.body = body
        super.init(extent: extent)
    }
}

/// `configuration Name { … }` (DSC): parsed, not executed.
public final class ConfigurationDefinitionAst: StatementAst, @unchecked Sendable {
    public let name: ExpressionAst
    public let body: ScriptBlockExpressionAst

    public init(extent: SourceExtent, name: ExpressionAst, body: ScriptBlockExpressionAst) {
        self.name = name
        self.body = body
        super.init(extent: extent)
    }
}

// MARK: - Commands

public class CommandBaseAst: StatementAst, @unchecked Sendable {
    public let redirections: [RedirectionAst]

    init(extent: SourceExtent, redirections: [RedirectionAst]) {
        self.redirections = redirections
        super.init(extent: extent)
    }
}

public final class CommandAst: CommandBaseAst, @unchecked Sendable {
    /// The command name first (a bare word, string or expression), then parameters and arguments.
    public let commandElements: [CommandElementAst]
    /// `.ampersand` for `& cmd`, `.dot` for `. cmd`, `.unknown` otherwise.
    public let invocationOperator: TokenKind

    public init(extent: SourceExtent, commandElements: [CommandElementAst], invocationOperator: TokenKind,
                redirections: [RedirectionAst]) {
        self.commandElements = commandElements
        self.invocationOperator = invocationOperator
        super.init(extent: extent, redirections: redirections)
    }

    /// The command name when the first element is a constant string.
    public var commandName: String? {
        (commandElements.first as? StringConstantExpressionAst)?.value
    }
}

public final class CommandExpressionAst: CommandBaseAst, @unchecked Sendable {
    public let expression: ExpressionAst

    public init(extent: SourceExtent, expression: ExpressionAst, redirections: [RedirectionAst]) {
        self.expression = expression
        super.init(extent: extent, redirections: redirections)
    }
}

public enum RedirectionStream: Int, Sendable {
    case all = 0, output = 1, error = 2, warning = 3, verbose = 4, debug = 5, information = 6
}

public class RedirectionAst: Ast, @unchecked Sendable {
    public let fromStream: RedirectionStream

    init(extent: SourceExtent, fromStream: RedirectionStream) {
        self.fromStream = fromStream
        super.init(extent: extent)
    }
}

/// `> file`, `2>> file`, `*> $null`.
public final class FileRedirectionAst: RedirectionAst, @unchecked Sendable {
    public let location: ExpressionAst
    public let append: Bool

    public init(extent: SourceExtent, fromStream: RedirectionStream, location: ExpressionAst, append: Bool) {
        self.location = location
        self.append = append
        super.init(extent: extent, fromStream: fromStream)
    }
}

/// `2>&1`.
public final class MergingRedirectionAst: RedirectionAst, @unchecked Sendable {
    public let toStream: RedirectionStream

    public init(extent: SourceExtent, fromStream: RedirectionStream, toStream: RedirectionStream) {
        self.toStream = toStream
        super.init(extent: extent, fromStream: fromStream)
    }
}

public class CommandElementAst: Ast, @unchecked Sendable {
    override init(extent: SourceExtent) { super.init(extent: extent) }
}

/// `-Name`, `-Name:value`. The extent covers the parameter token (and the colon argument if any).
public final class CommandParameterAst: CommandElementAst, @unchecked Sendable {
    /// The name as typed, without the dash.
    public let parameterName: String
    /// Only for the `-Name:value` form.
    public let argument: ExpressionAst?
    /// The `-Name` token alone, where binding errors point.
    public let errorPosition: SourceExtent

    public init(extent: SourceExtent, parameterName: String, argument: ExpressionAst?, errorPosition: SourceExtent) {
        self.parameterName = parameterName
        self.argument = argument
        self.errorPosition = errorPosition
        super.init(extent: extent)
    }
}

// MARK: - Expressions

public class ExpressionAst: CommandElementAst, @unchecked Sendable {
    override init(extent: SourceExtent) { super.init(extent: extent) }
}

public final class ErrorExpressionAst: ExpressionAst, @unchecked Sendable {
    public let nestedAst: [Ast]

    public init(extent: SourceExtent, nestedAst: [Ast]) {
        self.nestedAst = nestedAst
        super.init(extent: extent)
    }
}

/// A number literal's value with the .NET type PowerShell gives it.
public enum NumberValue: Sendable, Hashable {
    case int32(Int32)
    case int64(Int64)
    case double(Double)
    /// `1.5d`: kept as its canonical text; the engine owns decimal arithmetic.
    case decimal(String)
}

public final class ConstantExpressionAst: ExpressionAst, @unchecked Sendable {
    public let value: NumberValue

    public init(extent: SourceExtent, value: NumberValue) {
        self.value = value
        super.init(extent: extent)
    }
}

public enum StringConstantType: String, Sendable {
    case singleQuoted, singleQuotedHereString, doubleQuoted, doubleQuotedHereString, bareWord
}

/// A string with nothing to expand: `'a'`, `"a"`, or a bare word such as a command name or `\\.\mailslot\lab`.
public final class StringConstantExpressionAst: ExpressionAst, @unchecked Sendable {
    /// The value with quotes removed and escapes (`` `n ``, `''`, `""`) processed.
    public let value: String
    public let stringConstantType: StringConstantType

    public init(extent: SourceExtent, value: String, stringConstantType: StringConstantType) {
        self.value = value
        self.stringConstantType = stringConstantType
        super.init(extent: extent)
    }
}

public enum ExpandableStringPart: Sendable {
    case literal(String)
    /// `$name`, `$env:X`, `$(…)`; string expansion converts its value with PowerShell's rules.
    case expression(ExpressionAst)
}

/// `"Path: $name\$($x.Id)"`.
public final class ExpandableStringExpressionAst: ExpressionAst, @unchecked Sendable {
    /// The text between the quotes, escapes processed, variables unexpanded.
    public let value: String
    public let stringConstantType: StringConstantType
    public let parts: [ExpandableStringPart]

    public init(extent: SourceExtent, value: String, stringConstantType: StringConstantType,
                parts: [ExpandableStringPart]) {
        self.value = value
        self.stringConstantType = stringConstantType
        self.parts = parts
        super.init(extent: extent)
    }
}

public enum VariableScope: Sendable, Hashable {
    case unqualified, global, script, local, `private`, using, workflow
    /// A provider drive: `env`, `function`, `variable`, `alias`, …
    case drive(String)
}

public struct VariablePath: Sendable, Hashable {
    /// As written after `$` (braces removed): `x`, `script:x`, `env:COMPUTERNAME`.
    public let userPath: String
    public let scope: VariableScope
    /// The name without its scope or drive.
    public let name: String

    public init(userPath: String, scope: VariableScope, name: String) {
        self.userPath = userPath
        self.scope = scope
        self.name = name
    }
}

public final class VariableExpressionAst: ExpressionAst, @unchecked Sendable {
    public let variablePath: VariablePath
    /// `@params` in a command.
    public let splatted: Bool

    public init(extent: SourceExtent, variablePath: VariablePath, splatted: Bool) {
        self.variablePath = variablePath
        self.splatted = splatted
        super.init(extent: extent)
    }
}

/// `[System.IO.Path]` used as a value, e.g. before `::`.
public final class TypeExpressionAst: ExpressionAst, @unchecked Sendable {
    public let typeName: TypeName

    public init(extent: SourceExtent, typeName: TypeName) {
        self.typeName = typeName
        super.init(extent: extent)
    }
}

/// `[int]$x`, `[ordered]@{…}`, `[pscustomobject]@{…}`.
public final class ConvertExpressionAst: ExpressionAst, @unchecked Sendable {
    public let type: TypeConstraintAst
    public let child: ExpressionAst

    public init(extent: SourceExtent, type: TypeConstraintAst, child: ExpressionAst) {
        self.type = type
        self.child = child
        super.init(extent: extent)
    }
}

/// An attribute applied to an expression, e.g. `[ValidateNotNull()]$x = 1`.
public final class AttributedExpressionAst: ExpressionAst, @unchecked Sendable {
    public let attribute: AttributeBaseAst
    public let child: ExpressionAst

    public init(extent: SourceExtent, attribute: AttributeBaseAst, child: ExpressionAst) {
        self.attribute = attribute
        self.child = child
        super.init(extent: extent)
    }
}

public final class BinaryExpressionAst: ExpressionAst, @unchecked Sendable {
    public let operatorKind: TokenKind
    public let left: ExpressionAst
    public let right: ExpressionAst
    /// The operator token.
    public let errorPosition: SourceExtent

    public init(extent: SourceExtent, operatorKind: TokenKind, left: ExpressionAst, right: ExpressionAst,
                errorPosition: SourceExtent) {
        self.operatorKind = operatorKind
        self.left = left
        self.right = right
        self.errorPosition = errorPosition
        super.init(extent: extent)
    }
}

/// `-x`, `!x`, `-not x`, `-bnot x`, `++x`, `x++` (`.postfixPlusPlus`), `,x`, `-join x`, `-split x`.
public final class UnaryExpressionAst: ExpressionAst, @unchecked Sendable {
    public let tokenKind: TokenKind
    public let child: ExpressionAst

    public init(extent: SourceExtent, tokenKind: TokenKind, child: ExpressionAst) {
        self.tokenKind = tokenKind
        self.child = child
        super.init(extent: extent)
    }
}

/// `$x.Name`, `$x.$prop`, `[Math]::PI`.
public class MemberExpressionAst: ExpressionAst, @unchecked Sendable {
    public let expression: ExpressionAst
    /// Usually a `StringConstantExpressionAst` (bare-word member name); any expression otherwise.
    public let member: CommandElementAst
    public let isStatic: Bool

    public init(extent: SourceExtent, expression: ExpressionAst, member: CommandElementAst, isStatic: Bool) {
        self.expression = expression
        self.member = member
        self.isStatic = isStatic
        super.init(extent: extent)
    }
}

/// `$s.ToUpper()`, `[IO.Path]::Combine($a, $b)`.
public final class InvokeMemberExpressionAst: MemberExpressionAst, @unchecked Sendable {
    public let arguments: [ExpressionAst]

    public init(extent: SourceExtent, expression: ExpressionAst, member: CommandElementAst, isStatic: Bool,
                arguments: [ExpressionAst]) {
        self.arguments = arguments
        super.init(extent: extent, expression: expression, member: member, isStatic: isStatic)
    }
}

public final class IndexExpressionAst: ExpressionAst, @unchecked Sendable {
    public let target: ExpressionAst
    public let index: ExpressionAst

    public init(extent: SourceExtent, target: ExpressionAst, index: ExpressionAst) {
        self.target = target
        self.index = index
        super.init(extent: extent)
    }
}

/// `1, 2, 3`.
public final class ArrayLiteralAst: ExpressionAst, @unchecked Sendable {
    public let elements: [ExpressionAst]

    public init(extent: SourceExtent, elements: [ExpressionAst]) {
        self.elements = elements
        super.init(extent: extent)
    }
}

/// `@( … )`.
public final class ArrayExpressionAst: ExpressionAst, @unchecked Sendable {
    public let subExpression: StatementBlockAst

    public init(extent: SourceExtent, subExpression: StatementBlockAst) {
        self.subExpression = subExpression
        super.init(extent: extent)
    }
}

/// `$( … )`.
public final class SubExpressionAst: ExpressionAst, @unchecked Sendable {
    public let subExpression: StatementBlockAst

    public init(extent: SourceExtent, subExpression: StatementBlockAst) {
        self.subExpression = subExpression
        super.init(extent: extent)
    }
}

/// `( … )`.
public final class ParenExpressionAst: ExpressionAst, @unchecked Sendable {
    public let pipeline: PipelineBaseAst

    public init(extent: SourceExtent, pipeline: PipelineBaseAst) {
        self.pipeline = pipeline
        super.init(extent: extent)
    }
}

public struct HashtableEntry: Sendable {
    public let key: ExpressionAst
    public let value: StatementAst

    public init(key: ExpressionAst, value: StatementAst) {
        self.key = key
        self.value = value
    }
}

/// `@{ a = 1; 'b' = 2 }`. Bare-word keys are `StringConstantExpressionAst`s.
public final class HashtableAst: ExpressionAst, @unchecked Sendable {
    public let keyValuePairs: [HashtableEntry]

    public init(extent: SourceExtent, keyValuePairs: [HashtableEntry]) {
        self.keyValuePairs = keyValuePairs
        super.init(extent: extent)
    }
}

/// `{ … }` as a value.
public final class ScriptBlockExpressionAst: ExpressionAst, @unchecked Sendable {
    public let scriptBlock: ScriptBlockAst

    public init(extent: SourceExtent, scriptBlock: ScriptBlockAst) {
        self.scriptBlock = scriptBlock
        super.init(extent: extent)
    }
}

/// `$using:x`-style expressions wrapped for remoting/workflows.
public final class UsingExpressionAst: ExpressionAst, @unchecked Sendable {
    public let subExpression: ExpressionAst

    public init(extent: SourceExtent, subExpression: ExpressionAst) {
        self.subExpression = subExpression
        super.init(extent: extent)
    }
}
