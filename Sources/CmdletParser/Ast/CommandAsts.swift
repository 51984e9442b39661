// Commands, their parameters and redirections.

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
