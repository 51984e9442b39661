import CmdletParser

/// Property names after a member dot, when what stands before the dot is the output of a known
/// command: `(Get-SmbClientConfiguration).Ena<Tab>`, or `$_.Ena<Tab>` / `$PSItem.Ena<Tab>` inside the
/// script block of `Where-Object` or `ForEach-Object` after such a command.
package struct MemberCompletion {
    /// The typed member name (possibly empty) and its byte range.
    package let member: String
    package let memberStart: Int
    package let memberEnd: Int
    /// The command whose output objects the member is read from.
    package let command: String

    private static let trivia: Set<TokenKind> = [.newline, .endOfInput, .comment, .lineContinuation]
    private static let scriptBlockCommands: Set<String> = ["where-object", "foreach-object"]

    /// Nil when the cursor is not on a member name of a command's output.
    package init?(source: ScriptSource, tokens: [Token], cursor: Int, resolve: (String) -> CommandMetadata?) {
        let before = tokens.filter { $0.extent.startOffset < cursor && !Self.trivia.contains($0.kind) }
        guard let last = before.last, last.extent.endOffset >= cursor else { return nil }
        var dotIndex: Int
        if last.kind == .dot {
            dotIndex = before.count - 1
            memberStart = last.extent.endOffset
            memberEnd = last.extent.endOffset
        } else if [.identifier, .generic].contains(last.kind), before.count >= 2,
                  before[before.count - 2].kind == .dot,
                  before[before.count - 2].extent.endOffset == last.extent.startOffset {
            dotIndex = before.count - 2
            memberStart = last.extent.startOffset
            memberEnd = Swift.max(last.extent.endOffset, cursor)
        } else {
            return nil
        }
        member = source.text(of: SourceExtent(memberStart, memberEnd))
        guard dotIndex >= 1 else { return nil }
        let target = before[dotIndex - 1]
        guard target.extent.endOffset == before[dotIndex].extent.startOffset else { return nil }
        let text = { (token: Token) in source.text(of: token.extent) }

        switch target.kind {
        case .rParen:
            // `( command … )`: the command right after the matching opening parenthesis.
            guard let open = Self.matchingOpen(before, closeAt: dotIndex - 1, open: [.lParen, .dollarParen], close: .rParen),
                  open + 1 < dotIndex - 1, let metadata = resolve(text(before[open + 1])) else { return nil }
            command = metadata.name
        case .variable where ["$_", "$psitem"].contains(text(target).lowercased()):
            // The innermost open `{`, the command it is an argument of, and the element piped into it.
            guard let brace = Self.enclosingOpen(before, from: dotIndex - 1, open: .lCurly, close: .rCurly),
                  let element = Self.elementStart(before, before: brace),
                  let blockCommand = resolve(text(before[element])),
                  Self.scriptBlockCommands.contains(blockCommand.name.lowercased()),
                  element >= 2, before[element - 1].kind == .pipe,
                  let previous = Self.elementStart(before, before: element - 1),
                  let producer = resolve(text(before[previous])) else { return nil }
            command = producer.name
        default:
            return nil
        }
    }

    /// Index of the opening token matching the closing one at `closeAt`.
    private static func matchingOpen(_ tokens: [Token], closeAt: Int, open: Set<TokenKind>, close: TokenKind) -> Int? {
        var depth = 0
        var i = closeAt
        while i >= 0 {
            if tokens[i].kind == close { depth += 1 }
            if open.contains(tokens[i].kind) {
                depth -= 1
                if depth == 0 { return i }
            }
            i -= 1
        }
        return nil
    }

    /// Index of the innermost `open` token still open at `from`.
    private static func enclosingOpen(_ tokens: [Token], from: Int, open: TokenKind, close: TokenKind) -> Int? {
        var depth = 0
        var i = from
        while i >= 0 {
            if tokens[i].kind == close { depth += 1 }
            if tokens[i].kind == open {
                if depth == 0 { return i }
                depth -= 1
            }
            i -= 1
        }
        return nil
    }

    /// Index of the first token of the pipeline element holding the token before `index`.
    private static func elementStart(_ tokens: [Token], before index: Int) -> Int? {
        let boundaries: Set<TokenKind> = [.pipe, .semi, .newline, .lCurly, .lParen, .dollarParen, .atParen, .andAnd, .orOr]
        var i = index - 1
        while i >= 0 && !boundaries.contains(tokens[i].kind) { i -= 1 }
        return i + 1 < index ? i + 1 : nil
    }
}
