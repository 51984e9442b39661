// The lexer's own token: a kind, a byte range and an index into the lexer's value tables. The
// public `Token` (kind + extent) is made from it at the end of a parse.

struct TokFlags: OptionSet, Sendable {
    let rawValue: UInt16
    init(rawValue: UInt16) { self.rawValue = rawValue }
    /// No flag (spelled out: an empty array literal goes through the generic `SetAlgebra` path).
    static var plain: TokFlags { TokFlags(rawValue: 0) }
    /// `-Name:` (the colon is part of the parameter token).
    static let usedColon = TokFlags(rawValue: 1 << 0)
    /// The token could not be scanned completely (an error was reported).
    static let inError = TokFlags(rawValue: 1 << 1)
    /// A generic token holding `$var` or `$( )`: an expandable bare word.
    static let expandable = TokFlags(rawValue: 1 << 2)
    /// A keyword token (scanned in command or signature mode).
    static let keyword = TokFlags(rawValue: 1 << 3)
}

struct Tok: Sendable {
    var kind: TokenKind
    var flags: TokFlags
    /// Index into `Lexer.strings`, `.numbers` or `.expandables`; redirection data for redirections.
    var payload: Int32
    // Offsets are kept in 32 bits (texts over 2 GB are refused up front): a token is 16 bytes.
    private var start32: Int32
    private var end32: Int32

    init(kind: TokenKind, start: Int, end: Int, flags: TokFlags = .plain, payload: Int32 = -1) {
        self.kind = kind
        self.flags = flags
        self.payload = payload
        self.start32 = Int32(truncatingIfNeeded: start)
        self.end32 = Int32(truncatingIfNeeded: end)
    }

    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    var extent: SourceExtent { SourceExtent(start, end) }
}

/// One piece of an expandable string as scanned: literal text or the byte range of a `$var` / `$(...)`.
enum RawPart: Sendable {
    case literal(String)
    case variable(start: Int, end: Int)
    case subExpression(start: Int, end: Int)
}

struct ExpandableScan: Sendable {
    var value: String
    var parts: [RawPart]
}

/// Redirection data packed into `Tok.payload`.
struct RedirectionInfo {
    var from: Int
    var to: Int
    var append: Bool
    var merging: Bool
    var input: Bool

    var packed: Int32 {
        Int32(from) | Int32(to) << 4 | (append ? 1 << 8 : 0) | (merging ? 1 << 9 : 0) | (input ? 1 << 10 : 0)
    }

    init(from: Int, to: Int = 0, append: Bool = false, merging: Bool = false, input: Bool = false) {
        self.from = from; self.to = to; self.append = append; self.merging = merging; self.input = input
    }

    init(packed p: Int32) {
        from = Int(p & 0xF); to = Int((p >> 4) & 0xF)
        append = p & (1 << 8) != 0; merging = p & (1 << 9) != 0; input = p & (1 << 10) != 0
    }
}

enum LexMode: Sendable {
    case command, expression, typeName, signature
}

extension TokenKind {
    /// Tokens scanned the same way in command and expression mode, so a mode switch needs no rescan.
    var isParseModeInvariant: Bool {
        switch self {
        case .endOfInput, .newline, .lineContinuation, .comment, .lParen, .rParen, .lCurly, .rCurly, .semi,
             .comma, .atParen, .atCurly, .dollarParen, .pipe, .ampersand, .andAnd, .orOr, .stringLiteral,
             .stringExpandable, .hereStringLiteral, .hereStringExpandable:
            return true
        default:
            return false
        }
    }
}
