// Expressions: constants, strings, variables, operators, members, collections.

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
