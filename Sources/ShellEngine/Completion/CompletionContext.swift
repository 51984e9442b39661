import CmdletParser

/// Where the cursor sits in a line, read from the parser's tokens: the word being completed and the
/// command element around it. Completion decides what to propose from this alone.
package struct CompletionContext {
    /// The text of the word that ends at (or contains) the cursor; empty after white space.
    package let word: String
    /// Byte range of `word` in the line's UTF-8.
    package let wordStart: Int
    package let wordEnd: Int
    /// The first word of the pipeline element holding the cursor, unless the cursor is on it.
    package let commandName: String?
    /// True when the word is the first of its pipeline element (a command name is expected).
    package let isCommandPosition: Bool
    /// Parameter words (`-Name`, without the dash) of the element, except the one being completed.
    package let parameterWords: [String]
    /// The parameter whose value the word is, when the word follows `-Name` or is `-Name:value`.
    package let parameterForValue: String?
    /// How many arguments precede the word that belong to no parameter (positional arguments).
    package let positionalIndex: Int
    /// The command name of the previous pipeline element, for property completion.
    package let previousCommandName: String?

    /// Tokens that end a pipeline element: a new command name follows them.
    private static let elementBoundaries: Set<TokenKind> = [
        .pipe, .semi, .newline, .lCurly, .rCurly, .lParen, .rParen, .dollarParen, .atParen, .atCurly,
        .andAnd, .orOr, .ampersand, .equals, .plusEquals, .minusEquals, .multiplyEquals, .divideEquals,
        .remainderEquals, .lineContinuation,
    ]

    /// Tokens that never form part of a word.
    private static let nonWords: Set<TokenKind> = [.newline, .endOfInput, .comment, .lineContinuation]

    /// Analyses `source` (the whole line) for a cursor at byte offset `cursor`.
    /// `takesValue(command, parameter)` tells a switch (which takes no value) from the rest.
    package init(source: ScriptSource, tokens: [Token], cursor: Int, takesValue: (String, String) -> Bool = { _, _ in true }) {
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

        // Parameters and positional arguments of the element. A comma continues the argument
        // before it (`-Property A, B`, `Select-Object A, B`); a switch takes no value.
        enum Owner { case positional(Int), parameter(String) }
        var parameters: [String] = []
        var positional = 0
        var pendingParameter: String?
        var lastOwner: Owner?
        var afterComma = false
        let command = commandName ?? ""
        for token in element.dropFirst() {
            let text = source.text(of: token.extent)
            if token.kind == .comma {
                afterComma = lastOwner != nil
                continue
            }
            if afterComma {
                afterComma = false
                continue
            }
            if Self.isParameterWord(text, kind: token.kind) {
                let body = String(text.dropFirst())
                lastOwner = nil
                if let colon = body.firstIndex(of: ":") {
                    // `-Name:` alone takes the next token as its value.
                    parameters.append(String(body[..<colon]))
                    pendingParameter = body.index(after: colon) == body.endIndex ? String(body[..<colon]) : nil
                } else {
                    parameters.append(body)
                    pendingParameter = takesValue(command, body) ? body : nil
                }
            } else if let parameter = pendingParameter {
                lastOwner = .parameter(parameter)
                pendingParameter = nil
            } else {
                lastOwner = .positional(positional)
                positional += 1
            }
        }
        parameterWords = parameters

        let wordIsParameter = Self.isParameterWord(word, kind: wordToken?.kind ?? .generic)
        if wordIsParameter, let colon = word.firstIndex(of: ":") {
            parameterForValue = String(word[word.index(after: word.startIndex)..<colon])
            positionalIndex = positional
        } else if wordIsParameter {
            parameterForValue = nil
            positionalIndex = positional
        } else if afterComma, let owner = lastOwner {
            // The word continues a list: it completes like the list's first element.
            switch owner {
            case .parameter(let name):
                parameterForValue = name
                positionalIndex = positional
            case .positional(let index):
                parameterForValue = nil
                positionalIndex = index
            }
        } else {
            parameterForValue = pendingParameter
            positionalIndex = positional
        }
    }

    /// `-Name` in argument position (not a negative number).
    package static func isParameterWord(_ text: String, kind: TokenKind) -> Bool {
        if kind == .parameter { return true }
        guard text.hasPrefix("-"), kind != .stringLiteral, kind != .stringExpandable else { return false }
        guard let second = text.dropFirst().first else { return true }
        return second.isLetter || second == "_" || second == "?"
    }
}
