import CmdletParser
import PSReadLine

/// Which of PSReadLine's token colours each character of the input takes, decided as PSReadLine
/// 2.0's GetTokenColor decides it: a command name, a comment, a parameter, a variable, a string, a
/// number, a keyword, an operator, a type or a member name; anything else keeps the default colour.
enum SyntaxColouring {
    typealias TokenClass = PSReadLineOptions.TokenClass

    /// Tokens after which a bare word names a command.
    private static let commandStarts: Set<TokenKind> = [
        .pipe, .semi, .newline, .lCurly, .lParen, .dollarParen, .atParen, .andAnd, .orOr, .ampersand,
        .equals, .plusEquals, .minusEquals, .multiplyEquals, .divideEquals, .remainderEquals, .dot,
    ]

    private static let keywords: Set<TokenKind> = [
        .begin, .break, .catch, .class, .continue, .data, .define, .do, .dynamicparam, .else, .elseIf, .end,
        .exit, .filter, .finally, .for, .foreach, .from, .function, .if, .in, .param, .process, .return,
        .switch, .throw, .trap, .try, .until, .using, .var, .while, .workflow, .parallel, .sequence,
        .inlineScript, .configuration, .public, .private, .static, .interface, .enum, .namespace, .module,
        .type, .assembly, .command, .hidden, .base,
    ]

    private static let operators: Set<TokenKind> = [
        .minusMinus, .plusPlus, .dotDot, .exclaim, .multiply, .divide, .rem, .plus, .minus, .comma,
        .equals, .plusEquals, .minusEquals, .multiplyEquals, .divideEquals, .remainderEquals,
        .format, .not, .bnot, .and, .or, .xor, .band, .bor, .bxor, .join,
        .ieq, .ine, .ige, .igt, .ilt, .ile, .ilike, .inotlike, .imatch, .inotmatch, .ireplace,
        .icontains, .inotcontains, .iin, .inotin, .isplit,
        .ceq, .cne, .cge, .cgt, .clt, .cle, .clike, .cnotlike, .cmatch, .cnotmatch, .creplace,
        .ccontains, .cnotcontains, .cin, .cnotin, .csplit, .is, .isNot, .as, .postfixPlusPlus, .postfixMinusMinus,
        .shl, .shr,
    ]

    struct Result {
        /// One class per Unicode scalar of the text.
        var classes: [TokenClass]
        /// The input has a syntax error more input would not fix (PSReadLine then shows the end of
        /// the prompt in the error colour).
        var hasError: Bool
    }

    static func classify(_ text: String) -> Result {
        let parse = Parser.parseInput(text)
        let bytes = Array(text.utf8)
        // Scalar index of each byte offset.
        var scalarAt = [Int](repeating: 0, count: bytes.count + 1)
        var scalar = 0
        for (offset, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80, offset > 0 { scalar += 1 }
            scalarAt[offset] = scalar
        }
        let scalarCount = text.unicodeScalars.count
        scalarAt[bytes.count] = scalarCount
        var classes = [TokenClass](repeating: .defaultToken, count: scalarCount)
        var previous: TokenKind?
        var bracketDepth = 0
        for token in parse.tokens {
            let kind = token.kind
            let start = Swift.min(token.extent.startOffset, bytes.count)
            let end = Swift.min(Swift.max(token.extent.endOffset, start), bytes.count)
            var tokenClass: TokenClass?
            switch kind {
            case .comment: tokenClass = .comment
            case .parameter: tokenClass = .parameter
            case .variable, .splattedVariable: tokenClass = .variable
            case .stringLiteral, .stringExpandable, .hereStringLiteral, .hereStringExpandable: tokenClass = .string
            case .number: tokenClass = .number
            case .generic, .identifier:
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                if previous == .dot || previous == .colonColon, kind == .identifier {
                    tokenClass = .member
                } else if bracketDepth > 0 && kind == .identifier {
                    tokenClass = .type
                } else if previous == nil || commandStarts.contains(previous!) {
                    tokenClass = .command
                } else if text.hasPrefix("--") {
                    tokenClass = .parameter
                }
            default:
                if kind == .rem, previous == nil || commandStarts.contains(previous!) {
                    tokenClass = .command   // `%`, the ForEach-Object alias
                } else if keywords.contains(kind) { tokenClass = .keyword }
                else if operators.contains(kind) { tokenClass = .operator }
            }
            if kind == .lBracket { bracketDepth += 1 }
            if kind == .rBracket { bracketDepth = Swift.max(0, bracketDepth - 1) }
            if let tokenClass {
                for i in scalarAt[start]..<scalarAt[end] where i < classes.count { classes[i] = tokenClass }
            }
            if kind != .comment { previous = kind }
        }
        return Result(classes: classes, hasError: parse.errors.contains { !$0.incompleteInput })
    }
}
