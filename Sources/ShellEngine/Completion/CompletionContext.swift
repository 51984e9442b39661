import CmdletParser

/// Where the cursor sits in a line, read from the parser's tokens: the word being completed and the
/// command element around it. Completion decides what to propose from this alone.
struct CompletionContext {
    /// The text of the word that ends at (or contains) the cursor; empty after white space.
    let word: String
    /// Byte range of `word` in the line's UTF-8.
    let wordStart: Int
    let wordEnd: Int
    /// The first word of the pipeline element holding the cursor, unless the cursor is on it.
    let commandName: String?
    /// True when the word is the first of its pipeline element (a command name is expected).
    let isCommandPosition: Bool
    /// Parameter words (`-Name`, without the dash) of the element, except the one being completed.
    let parameterWords: [String]
    /// The parameter whose value the word is, when the word follows `-Name` or is `-Name:value`.
    let parameterForValue: String?
    /// How many arguments precede the word that belong to no parameter (positional arguments).
    let positionalIndex: Int
    /// The command name of the previous pipeline element, for property completion.
    let previousCommandName: String?

    /// Tokens that end a pipeline element: a new command name follows them.
    private static let elementBoundaries: Set<TokenKind> = [
        .pipe, .semi, .newline, .lCurly, .rCurly, .lParen, .rParen, .dollarParen, .atParen, .atCurly,
        .andAnd, .orOr, .ampersand, .equals, .plusEquals, .minusEquals, .multiplyEquals, .divideEquals,
        .remainderEquals, .lineContinuation,
    ]

    /// Tokens that never form part of a word.
    private static let nonWords: Set<TokenKind> = [.newline, .endOfInput, .comment, .lineContinuation]

    /// Analyses `source` (the whole line) for a cursor at byte offset `cursor`.
    init(source: ScriptSource, tokens: [Token], cursor: Int) {
        let bytes = source.utf8
        let before = tokens.filter { $0.extent.startOffset < cursor && !Self.nonWords.contains($0.kind) }

        // The word at the cursor: the last token touching it, or a fresh empty word after blanks.
        var wordToken: Token?
        if let last = before.last, last.extent.endOffset >= cursor,
           !Self.elementBoundaries.contains(last.kind) {
            wordToken = last
        }
        let start = wordToken?.extent.startOffset ?? cursor
        let end = Swift.min(Swift.max(wordToken?.extent.endOffset ?? cursor, cursor), bytes.count)
        wordStart = Swift.min(start, end)
        wordEnd = end
        word = String(decoding: bytes[wordStart..<end], as: UTF8.self)

        // The element: tokens after the last boundary before the word.
        let preceding = before.filter { $0.extent.startOffset < start }
        var elementStart = 0
        var previousElementStart: Int?
        var nesting: [Int] = []
        for (i, token) in preceding.enumerated() where Self.elementBoundaries.contains(token.kind) {
            if token.kind == .pipe {
                previousElementStart = elementStart
            } else {
                previousElementStart = nil
            }
            if [.lCurly, .lParen, .dollarParen, .atParen, .atCurly].contains(token.kind) { nesting.append(elementStart) }
            if [.rCurly, .rParen].contains(token.kind), let outer = nesting.popLast() {
                // After `(…)` the enclosing element continues.
                elementStart = outer
                continue
            }
            elementStart = i + 1
        }
        let element = Array(preceding[elementStart...])
        isCommandPosition = element.isEmpty
        commandName = element.first.map { source.text(of: $0.extent) }

        var previousName: String?
        if let start = previousElementStart,
           let first = preceding[start...].first(where: { !Self.elementBoundaries.contains($0.kind) }) {
            previousName = source.text(of: first.extent)
        }
        previousCommandName = previousName

        // Parameters and positional arguments of the element.
        var parameters: [String] = []
        var positional = 0
        var pendingParameter: String?
        for token in element.dropFirst() {
            let text = source.text(of: token.extent)
            if Self.isParameterWord(text, kind: token.kind) {
                let body = String(text.dropFirst())
                if let colon = body.firstIndex(of: ":") {
                    // `-Name:` alone takes the next token as its value.
                    parameters.append(String(body[..<colon]))
                    pendingParameter = body.index(after: colon) == body.endIndex ? String(body[..<colon]) : nil
                } else {
                    parameters.append(body)
                    pendingParameter = body
                }
            } else if pendingParameter != nil {
                pendingParameter = nil
            } else {
                positional += 1
            }
        }
        parameterWords = parameters
        positionalIndex = positional

        if Self.isParameterWord(word, kind: wordToken?.kind ?? .generic), let colon = word.firstIndex(of: ":") {
            parameterForValue = String(word[word.index(after: word.startIndex)..<colon])
        } else if !Self.isParameterWord(word, kind: wordToken?.kind ?? .generic) {
            parameterForValue = pendingParameter
        } else {
            parameterForValue = nil
        }
    }

    /// `-Name` in argument position (not a negative number).
    static func isParameterWord(_ text: String, kind: TokenKind) -> Bool {
        if kind == .parameter { return true }
        guard text.hasPrefix("-"), kind != .stringLiteral, kind != .stringExpandable else { return false }
        guard let second = text.dropFirst().first else { return true }
        return second.isLetter || second == "_" || second == "?"
    }
}
