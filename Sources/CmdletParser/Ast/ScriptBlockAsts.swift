// Script blocks, their named blocks, parameters and attributes.

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
