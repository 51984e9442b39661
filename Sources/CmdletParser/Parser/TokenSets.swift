// Named sets of token kinds the grammar rules test against (PowerShell's TokenFlags traits).

extension TokenKind {
    /// Binary operator precedence, 0 for a token that is not a binary operator.
    var binaryPrecedence: Int {
        switch self {
        case .and, .or, .xor: return 1
        case .band, .bor, .bxor: return 2
        case .ieq, .ine, .ige, .igt, .ilt, .ile, .ilike, .inotlike, .imatch, .inotmatch, .ireplace, .icontains,
             .inotcontains, .iin, .inotin, .isplit, .ceq, .cne, .cge, .cgt, .clt, .cle, .clike, .cnotlike, .cmatch,
             .cnotmatch, .creplace, .ccontains, .cnotcontains, .cin, .cnotin, .csplit, .is, .isNot, .as, .join,
             .shl, .shr:
            return 3
        case .plus, .minus: return 4
        case .multiply, .divide, .rem: return 5
        case .format: return 6
        case .dotDot: return 7
        default: return 0
        }
    }

    var isBinaryOperator: Bool { binaryPrecedence != 0 }

    var isUnaryOperator: Bool {
        switch self {
        case .comma, .not, .exclaim, .bnot, .plus, .minus, .plusPlus, .minusMinus, .isplit, .csplit, .join:
            return true
        default:
            return false
        }
    }

    var isAssignmentOperator: Bool {
        switch self {
        case .equals, .plusEquals, .minusEquals, .multiplyEquals, .divideEquals, .remainderEquals: return true
        default: return false
        }
    }

    /// Tokens a command argument can never be (they end the command or are errors there).
    var endsCommandArgument: Bool {
        switch self {
        case .pipe, .rCurly, .rParen, .endOfInput, .newline, .semi, .redirection, .redirectInStd, .andAnd, .orOr,
             .ampersand, .minusMinus, .comma:
            return true
        default:
            return false
        }
    }

    /// Tokens that cannot name a function.
    var cannotBeFunctionName: Bool {
        switch self {
        case .pipe, .lParen, .lCurly, .atParen, .atCurly, .rCurly, .rParen, .endOfInput, .semi, .redirection,
             .redirectInStd, .andAnd, .orOr, .ampersand, .variable, .splattedVariable, .hereStringExpandable,
             .hereStringLiteral, .stringLiteral, .stringExpandable:
            return true
        default:
            return false
        }
    }

    /// Keywords that begin a statement which does not take attributes before it.
    var statementDoesntSupportAttributes: Bool {
        switch self {
        case .if, .switch, .foreach, .for, .while, .do, .return, .throw, .exit, .break, .continue, .trap, .try,
             .data, .begin, .process, .end, .dynamicparam, .else, .elseIf, .catch, .finally, .until, .using,
             .function, .filter, .workflow, .define, .from, .var, .parallel, .sequence, .inlineScript:
            return true
        default:
            return false
        }
    }

    /// The text PowerShell uses for a kind in messages (`TokenKind.Text()`).
    var text: String {
        switch self {
        case .equals: return "="
        case .plusEquals: return "+="
        case .minusEquals: return "-="
        case .multiplyEquals: return "*="
        case .divideEquals: return "/="
        case .remainderEquals: return "%="
        case .comma: return ","
        default: return Keywords.text(self)
        }
    }
}
