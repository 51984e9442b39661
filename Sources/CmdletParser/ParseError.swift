/// One parse error with PowerShell's error id (the ParserStrings resource key) and message.
public struct ParseError: Sendable, Hashable {
    /// PowerShell reports at most this many parse errors, then one TooManyErrors note.
    public static let maxReported = 10

    public let errorId: String
    public let message: String
    public let extent: SourceExtent
    /// The error sits at the end of the input: more input could complete it (the console then
    /// shows the `>> ` continuation prompt instead of reporting it).
    public let incompleteInput: Bool

    public init(errorId: String, message: String, extent: SourceExtent, incompleteInput: Bool) {
        self.errorId = errorId
        self.message = message
        self.extent = extent
        self.incompleteInput = incompleteInput
    }
}

/// The outcome of one parse.
public struct ParseResult: Sendable {
    public let ast: ScriptBlockAst
    public let tokens: [Token]
    /// In source order, at most as many as PowerShell reports.
    public let errors: [ParseError]
    /// Work done by the lexer (see `Lexer.scannedCharacters`); zero when not measured.
    var scannedCharacters = 0
    var storedValueBytes = 0

    public init(ast: ScriptBlockAst, tokens: [Token], errors: [ParseError]) {
        self.ast = ast
        self.tokens = tokens
        self.errors = errors
    }

    public var source: ScriptSource { ast.source }

    /// True when the console should ask for more input (`>> `): PowerShell decides on the first
    /// error alone (it throws IncompleteParseException when `errors[0].IncompleteInput`).
    public var isIncomplete: Bool {
        errors.first?.incompleteInput ?? false
    }
}
