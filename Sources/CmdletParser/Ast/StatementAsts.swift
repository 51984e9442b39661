// Statements: pipelines, assignments, flow control, loops, functions and type definitions.

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
    /// `hidden`: left out of Get-Member, formatting and completion.
    public let isHidden: Bool
    /// A constructor's `: base(…)` arguments; nil when it calls the base's default constructor.
    public let baseArguments: [ExpressionAst]?

    public init(extent: SourceExtent, name: String, isMethod: Bool, isStatic: Bool, attributes: [AttributeBaseAst],
                initialValue: ExpressionAst?, parameters: [ParameterAst], body: ScriptBlockAst?, isHidden: Bool = false,
                baseArguments: [ExpressionAst]? = nil) {
        self.isHidden = isHidden
        self.baseArguments = baseArguments
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
