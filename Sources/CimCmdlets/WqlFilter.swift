import ShellEngine

/// A WQL query or `-Filter` condition: `SELECT * FROM Win32_Service WHERE Name = 'LanmanServer'`,
/// `State <> 'Running' AND StartMode = "Auto"`, `Name LIKE 'Lanman%'`, `IS [NOT] NULL`, NOT, parentheses.
struct WqlQuery {
    let className: String
    let condition: WqlCondition?

    /// Parses `SELECT <properties> FROM <class> [WHERE <condition>]`; nil when it is not WQL.
    static func parse(_ text: String) -> WqlQuery? {
        var tokens = WqlTokens(text)
        guard tokens.takeKeyword("SELECT") else { return nil }
        while let token = tokens.next(), !(token.isWord && token.text.caseInsensitiveEquals("FROM")) {}
        guard case .word(let name)? = tokens.next() else { return nil }
        if tokens.atEnd { return WqlQuery(className: name, condition: nil) }
        guard tokens.takeKeyword("WHERE"), let condition = WqlCondition.parse(&tokens), tokens.atEnd else { return nil }
        return WqlQuery(className: name, condition: condition)
    }
}

indirect enum WqlCondition {
    case compare(property: String, op: String, value: WqlToken)
    case isNull(property: String, negated: Bool)
    case not(WqlCondition)
    case and(WqlCondition, WqlCondition)
    case or(WqlCondition, WqlCondition)

    /// A whole `-Filter` text; nil when it does not parse.
    static func parse(_ text: String) -> WqlCondition? {
        var tokens = WqlTokens(text)
        guard let condition = parse(&tokens), tokens.atEnd else { return nil }
        return condition
    }

    static func parse(_ tokens: inout WqlTokens, depth: Int = 0) -> WqlCondition? {
        guard depth < 64, var left = term(&tokens, depth) else { return nil }
        while tokens.takeKeyword("OR") {
            guard let right = term(&tokens, depth) else { return nil }
            left = .or(left, right)
        }
        return left
    }

    private static func term(_ tokens: inout WqlTokens, _ depth: Int) -> WqlCondition? {
        guard var left = factor(&tokens, depth) else { return nil }
        while tokens.takeKeyword("AND") {
            guard let right = factor(&tokens, depth) else { return nil }
            left = .and(left, right)
        }
        return left
    }

    private static func factor(_ tokens: inout WqlTokens, _ depth: Int) -> WqlCondition? {
        guard depth < 64 else { return nil }
        if tokens.takeKeyword("NOT") { return factor(&tokens, depth + 1).map { .not($0) } }
        if tokens.takeSymbol("(") {
            guard let inner = parse(&tokens, depth: depth + 1), tokens.takeSymbol(")") else { return nil }
            return inner
        }
        guard case .word(let property)? = tokens.next() else { return nil }
        if tokens.takeKeyword("IS") {
            let negated = tokens.takeKeyword("NOT")
            guard tokens.takeKeyword("NULL") else { return nil }
            return .isNull(property: property, negated: negated)
        }
        var op: String
        if tokens.takeKeyword("LIKE") { op = "LIKE" }
        else if tokens.takeKeyword("NOT") { guard tokens.takeKeyword("LIKE") else { return nil }; op = "NOT LIKE" }
        else if case .symbol(let s)? = tokens.next(), ["=", "<>", "!=", "<", ">", "<=", ">="].contains(s) { op = s }
        else { return nil }
        guard let value = tokens.next() else { return nil }
        if case .symbol = value { return nil }
        return .compare(property: property, op: op, value: value)
    }

    /// Whether an instance with these property values satisfies the condition.
    func matches(_ value: (String) -> PSValue?) -> Bool {
        switch self {
        case .and(let a, let b): return a.matches(value) && b.matches(value)
        case .or(let a, let b): return a.matches(value) || b.matches(value)
        case .not(let c): return !c.matches(value)
        case .isNull(let property, let negated): return ((value(property) ?? .null).isNull) != negated
        case .compare(let property, let op, let literal):
            guard let actual = value(property), !actual.isNull else { return false }
            let text = LanguagePrimitives.toString(actual)
            switch op {
            case "LIKE", "NOT LIKE":
                let pattern = literal.text.replacing("%", with: "*").replacing("_", with: "?")
                return WildcardPattern(pattern).matches(text) == (op == "LIKE")
            default:
                let order: Int
                if case .number(let n) = literal, let a = Double(text), let b = Double(n) {
                    order = a < b ? -1 : a > b ? 1 : 0
                } else if case .word(let w) = literal, ["true", "false"].contains(w.lowercased()) {
                    order = LanguagePrimitives.isTrue(actual) == (w.lowercased() == "true") ? 0 : 1
                } else {
                    let a = text.lowercased(), b = literal.text.lowercased()
                    order = a < b ? -1 : a > b ? 1 : 0
                }
                switch op {
                case "=": return order == 0
                case "<>", "!=": return order != 0
                case "<": return order < 0
                case ">": return order > 0
                case "<=": return order <= 0
                default: return order >= 0
                }
            }
        }
    }
}

enum WqlToken {
    case word(String), string(String), number(String), symbol(String)

    var text: String {
        switch self { case .word(let s), .string(let s), .number(let s), .symbol(let s): return s }
    }
    var isWord: Bool { if case .word = self { return true }; return false }
}

/// The tokens of a WQL text, read on demand.
struct WqlTokens {
    private let chars: [Character]
    private var index = 0
    private var peeked: WqlToken?

    init(_ text: String) { chars = Array(text) }

    var atEnd: Bool { mutating get { peek() == nil } }

    mutating func takeKeyword(_ keyword: String) -> Bool {
        guard case .word(let w)? = peek(), w.caseInsensitiveEquals(keyword) else { return false }
        peeked = nil
        return true
    }

    mutating func takeSymbol(_ symbol: String) -> Bool {
        guard case .symbol(let s)? = peek(), s == symbol else { return false }
        peeked = nil
        return true
    }

    mutating func next() -> WqlToken? {
        let token = peek()
        peeked = nil
        return token
    }

    private mutating func peek() -> WqlToken? {
        if let peeked { return peeked }
        while index < chars.count, chars[index].isWhitespace { index += 1 }
        guard index < chars.count else { return nil }
        let c = chars[index]
        let token: WqlToken
        if c == "'" || c == "\"" {
            var end = index + 1, text = ""
            while end < chars.count, chars[end] != c {
                if chars[end] == "\\", end + 1 < chars.count { end += 1 }
                text.append(chars[end])
                end += 1
            }
            // An unterminated string is not WQL: a lone quote symbol no rule accepts.
            token = end < chars.count ? .string(text) : .symbol(String(c))
            index = min(end + 1, chars.count)
        } else if c.isNumber || (c == "-" && index + 1 < chars.count && chars[index + 1].isNumber) {
            var end = index + 1
            while end < chars.count, chars[end].isNumber || chars[end] == "." { end += 1 }
            token = .number(String(chars[index..<end]))
            index = end
        } else if c.isLetter || c == "_" || c == "*" {
            var end = index + 1
            while end < chars.count, chars[end].isLetter || chars[end].isNumber || chars[end] == "_" { end += 1 }
            token = .word(String(chars[index..<end]))
            index = end
        } else {
            let two = index + 1 < chars.count ? String(chars[index...index + 1]) : ""
            let symbol = ["<>", "!=", "<=", ">="].contains(two) ? two : String(c)
            index += symbol.count
            token = .symbol(symbol)
        }
        peeked = token
        return token
    }
}
