// Token kinds, named after System.Management.Automation.Language.TokenKind.

public enum TokenKind: String, Sendable, Hashable {
    case unknown
    // Values and names
    case variable, splattedVariable, parameter, number, label, identifier, generic
    case newline, lineContinuation, comment, endOfInput
    case stringLiteral, stringExpandable, hereStringLiteral, hereStringExpandable
    // Punctuation
    case lParen, rParen, lCurly, rCurly, lBracket, rBracket
    case atParen, atCurly, dollarParen, semi
    case andAnd, orOr, ampersand, pipe, comma
    case minusMinus, plusPlus, dotDot, colonColon, dot
    /// `:` in a class or enum signature (`class A : B`).
    case colon
    case exclaim, multiply, divide, rem, plus, minus
    case equals, plusEquals, minusEquals, multiplyEquals, divideEquals, remainderEquals
    case redirection, redirectInStd
    case format, not, bnot, and, or, xor, band, bor, bxor, join
    // Comparison operators: i-prefixed forms are the case-insensitive defaults.
    case ieq, ine, ige, igt, ilt, ile, ilike, inotlike, imatch, inotmatch, ireplace
    case icontains, inotcontains, iin, inotin, isplit
    case ceq, cne, cge, cgt, clt, cle, clike, cnotlike, cmatch, cnotmatch, creplace
    case ccontains, cnotcontains, cin, cnotin, csplit
    case `is`, isNot, `as`, postfixPlusPlus, postfixMinusMinus, shl, shr
    // Keywords
    case begin, `break`, `catch`, `class`, `continue`, data, define, `do`, dynamicparam, `else`, elseIf, end
    case exit, filter, `finally`, `for`, foreach, from, function, `if`, `in`, param, process, `return`
    case `switch`, `throw`, trap, `try`, until, using, `var`, `while`, workflow, parallel, sequence
    case inlineScript, configuration, `dynamicKeyword`, `public`, `private`, `static`, interface, `enum`
    case namespace, module, type, assembly, command, hidden, base
}

/// One token with its extent; the completion engine and the REPL read these.
public struct Token: Sendable, Hashable {
    public let kind: TokenKind
    // Offsets are stored in 32 bits (the parser refuses texts over 2 GB): a script's token list
    // is its largest array, and 16-byte tokens halve the memory it touches.
    private let start: Int32
    private let end: Int32

    public init(kind: TokenKind, extent: SourceExtent) {
        self.kind = kind
        self.start = Int32(truncatingIfNeeded: extent.startOffset)
        self.end = Int32(truncatingIfNeeded: extent.endOffset)
    }

    public var extent: SourceExtent { SourceExtent(Int(start), Int(end)) }
}
