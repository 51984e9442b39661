// The entry point and the parser's token plumbing: one token of lookahead (`ungot`), mode
// switches that rescan the lookahead when its meaning depends on the mode, and extents.

/// Parses PowerShell source text into a syntax tree, its tokens and its parse errors.
public enum Parser {
    /// Parses a whole script (a file, a `-Command` string or one console input), as
    /// `[System.Management.Automation.Language.Parser]::ParseInput` does.
    public static func parseInput(_ input: String, file: String? = nil) -> ParseResult {
        let source = ScriptSource(text: input, file: file)
        let sink = DiagnosticSink()
        if source.utf8.count > Int(Int32.max) {
            // Offsets are 32-bit inside the parser; such a text is refused, not truncated.
            sink.report("ScriptTooComplicated", SourceExtent(0, 0), incomplete: false, args: [])
            let end = NamedBlockAst(extent: SourceExtent(0, 0), blockKind: .end, unnamed: true, statements: [], traps: [])
            let ast = ScriptBlockAst(extent: SourceExtent(0, source.utf8.count), source: source, paramBlock: nil,
                                     beginBlock: nil, processBlock: nil, endBlock: end, dynamicParamBlock: nil)
            return ParseResult(ast: ast, tokens: [], errors: sink.errors)
        }
        var parser = ScriptParser(source: source, sink: sink)
        let ast = parser.parseScript()
        sink.flushDeferred()
        var result = ParseResult(ast: ast, tokens: parser.lexer.tokens, errors: sink.errors)
        result.scannedCharacters = parser.lexer.scannedCharacters
        result.storedValueBytes = parser.lexer.storedValueBytes
        return result
    }
}

struct CachedAttribute {
    let ast: AttributeBaseAst
    /// Lexer position after the attribute, the token it gave back (if any), and the tokens it
    /// recorded, to replay them.
    let end: Int
    let pending: Tok?
    let tokens: [Token]
}

/// Where an attribute starts and the lexer mode it was read in.
struct AttributeCacheKey: Hashable {
    let offset: Int
    let mode: LexMode
}

/// The recursive-descent parser. One type, split across files by grammar area.
struct ScriptParser {
    var lexer: Lexer
    var ungot: Tok?
    let source: ScriptSource
    let sink: DiagnosticSink
    /// Set inside method-call argument lists, attribute arguments and parameter defaults, where
    /// the comma separates items instead of building an array.
    var disableCommaOperator = false
    /// Set by a command argument for the primary expression it parses: `@splat` is allowed there.
    var splatAllowed = false
    var finallyContext = FinallyContext()
    /// Attributes already parsed, by the offset of their `[` (see `attributeRule`).
    var attributeCache: [AttributeCacheKey: CachedAttribute] = [:]
    let stackGuard: StackGuard
    /// Rules currently active (recursion) and the height of the tree being built.
    var recursion = 0
    var depth = 0
    var tooDeep = false

    /// Limits past which the parse gives `ScriptTooComplicated` instead of exhausting the stack.
    static let maxRecursion = 400
    static let maxHeight = 1000

    init(source: ScriptSource, sink: DiagnosticSink) {
        self.source = source
        self.sink = sink
        self.stackGuard = StackGuard()
        self.lexer = Lexer(bytes: source.utf8, start: 0, limit: source.utf8.count, recording: true, sink: sink)
        self.lexer.tokens.reserveCapacity(source.utf8.count / 6 + 16)
        self.lexer.strings.reserveCapacity(source.utf8.count / 16 + 16)
    }

    /// A parser for the text of `$( )` inside an expandable string, reading only that range.
    init(nestedIn parent: ScriptParser, start: Int, end: Int) {
        self.source = parent.source
        self.sink = parent.sink
        self.stackGuard = parent.stackGuard
        self.depth = parent.depth
        self.recursion = parent.recursion
        self.finallyContext = parent.finallyContext
        self.lexer = Lexer(bytes: parent.source.utf8, start: start, limit: end, recording: false, sink: parent.sink)
        self.lexer.nestedScanDepth = 1
    }

    mutating func parseScript() -> ScriptBlockAst {
        scriptBlockRule(lCurly: nil, isFilter: false)
    }

    // MARK: - Tokens

    mutating func nextToken() -> Tok {
        if let t = ungot { ungot = nil; return t }
        return lexer.next()
    }

    mutating func peekToken() -> Tok {
        if let t = ungot { return t }
        let t = lexer.next()
        ungot = t
        return t
    }

    mutating func skipToken() { ungot = nil }

    mutating func ungetToken(_ tok: Tok) { ungot = tok }

    var mode: LexMode { lexer.mode }

    mutating func setMode(_ mode: LexMode) {
        if mode != lexer.mode, let t = ungot, !t.kind.isParseModeInvariant {
            resync(t)
        }
        lexer.mode = mode
    }

    mutating func resync(_ tok: Tok) {
        ungot = nil
        lexer.resync(to: tok.start)
    }

    mutating func resync(to offset: Int) {
        ungot = nil
        lexer.resync(to: offset)
    }

    mutating func skipNewlines() {
        if ungot.map({ $0.kind == .newline }) ?? true {
            ungot = nil
            lexer.skipNewlines(skipSemis: false)
        }
    }

    mutating func v3SkipNewlines() { skipNewlines() }

    mutating func skipNewlinesAndSemicolons() {
        if ungot.map({ $0.kind == .newline || $0.kind == .semi }) ?? true {
            ungot = nil
            lexer.skipNewlines(skipSemis: true)
        }
    }

    mutating func nextMemberAccessToken(allowLBracket: Bool) -> Tok? {
        if ungot != nil { return nil }
        return lexer.memberAccessOperator(allowLBracket: allowLBracket)
    }

    mutating func nextInvokeMemberToken() -> Tok? {
        if ungot != nil { return nil }
        return lexer.invokeMemberOpenParen()
    }

    mutating func nextLBracket() -> Tok? {
        if let t = ungot {
            if t.kind == .lBracket { return nextToken() }
            return nil
        }
        return lexer.lBracket()
    }

    /// The text of a token as written.
    func text(_ tok: Tok) -> String { lexer.text(tok.start, tok.end) }

    /// The value of a string, generic or variable token.
    func stringValue(_ tok: Tok) -> String {
        tok.payload >= 0 && Int(tok.payload) < lexer.strings.count ? lexer.strings[Int(tok.payload)] : text(tok)
    }

    /// `-Name` / `-Name:` without the dash and colon.
    func parameterName(_ tok: Tok) -> String {
        var start = tok.start
        start += lexer.width(at: start)
        var end = tok.end
        if tok.flags.contains(.usedColon) { end -= 1 }
        return lexer.text(start, Swift.max(start, end))
    }

    /// `IsSpecificParameter`: the parameter is a prefix of `name`.
    func isSpecificParameter(_ tok: Tok, _ name: String) -> Bool {
        let p = parameterName(tok).lowercased()
        return name.lowercased().hasPrefix(p)
    }

    // MARK: - Extents

    func after(_ e: SourceExtent) -> SourceExtent { SourceExtent(e.endOffset, e.endOffset) }
    func after(_ t: Tok) -> SourceExtent { SourceExtent(t.end, t.end) }
    func after(_ a: Ast) -> SourceExtent { after(a.extent) }

    func before(_ t: Tok) -> SourceExtent {
        let o = Swift.max(0, t.start - 1)
        return SourceExtent(o, o)
    }

    func extentOf(_ a: SourceExtent, _ b: SourceExtent) -> SourceExtent {
        SourceExtent(a.startOffset, Swift.max(a.startOffset, b.endOffset))
    }
}
