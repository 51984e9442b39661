// Error recovery, in one place. PowerShell's parser recovers by (1) reporting the error, (2)
// building an `ErrorStatementAst` / `ErrorExpressionAst` from what it has, and (3) either leaving
// the offending token for the enclosing rule or skipping to a synchronising token
// (`syncOnError`). Errors located at the end of the input are "incomplete input": the console
// asks for more lines instead of reporting them.

extension ScriptParser {
    mutating func reportError(_ extent: SourceExtent, _ id: String, _ args: String...) {
        sink.report(id, extent, incomplete: false, args: args)
    }

    /// Reports an error and marks it incomplete when only whitespace and comments follow it.
    @discardableResult
    mutating func reportIncompleteInput(_ extent: SourceExtent, _ id: String, _ args: String...) -> Bool {
        let incomplete = lexer.isAtEndOfScript(extent.endOffset)
        sink.report(id, extent, incomplete: incomplete, args: args)
        return incomplete
    }

    /// As above, with the end-of-input test made at `detected` rather than at the error's place.
    @discardableResult
    mutating func reportIncompleteInput(_ extent: SourceExtent, detected: SourceExtent, _ id: String,
                                        _ args: String...) -> Bool {
        let incomplete = lexer.isAtEndOfScript(detected.endOffset)
        sink.report(id, extent, incomplete: incomplete, args: args)
        return incomplete
    }

    /// Skips tokens up to one of `kinds` at nesting level zero (never past end of input).
    mutating func syncOnError(consumeClosingToken: Bool, _ kinds: TokenKind...) {
        var parens = kinds.contains(.rParen) ? 1 : 0
        var curlies = kinds.contains(.rCurly) ? 1 : 0
        var brackets = kinds.contains(.rBracket) ? 1 : 0
        while true {
            let tok = nextToken()
            switch tok.kind {
            case .lParen: parens += 1
            case .rParen:
                parens -= 1
                if parens == 0 && kinds.contains(.rParen) {
                    if !consumeClosingToken { ungetToken(tok) }
                    return
                }
            case .lCurly: curlies += 1
            case .rCurly:
                curlies -= 1
                if curlies == 0 && kinds.contains(.rCurly) {
                    if !consumeClosingToken { ungetToken(tok) }
                    return
                }
            case .lBracket: brackets += 1
            case .rBracket:
                brackets -= 1
                if brackets == 0 && kinds.contains(.rBracket) {
                    if !consumeClosingToken { ungetToken(tok) }
                    return
                }
            case .endOfInput:
                ungetToken(tok)
                return
            default:
                break
            }
            if kinds.contains(tok.kind) && parens == 0 && curlies == 0 && brackets == 0 { return }
        }
    }

    /// Guards recursion: past `maxRecursion` nested rules, or a tree taller than `maxHeight`
    /// (long operator or member chains nest without recursion), the parse stops with
    /// `ScriptTooComplicated` (PowerShell's answer when its stack runs short) and the rest of the
    /// input is skipped. Keeping trees shallow also keeps every later tree walk within its stack.
    mutating func enterNesting() -> Bool {
        recursion += 1
        depth += 1
        if recursion <= ScriptParser.maxRecursion && depth <= ScriptParser.maxHeight && !tooDeep
            && !stackGuard.isExhausted() { return true }
        giveUp()
        return false
    }

    mutating func leaveNesting() {
        recursion -= 1
        depth -= 1
    }

    /// One more level of a chain built in a loop (`a + b + c`, `$x.a.b`, `[a][b]$x`).
    mutating func growChain(_ count: inout Int) -> Bool {
        count += 1
        depth += 1
        if depth <= ScriptParser.maxHeight && !tooDeep { return true }
        giveUp()
        return false
    }

    mutating func releaseChain(_ count: Int) { depth -= count }

    mutating func giveUp() {
        if !tooDeep {
            tooDeep = true
            // PowerShell marks the token its tokenizer scanned last (`CurrentExtent()`).
            reportError(lexer.lastTokenExtent, "ScriptTooComplicated")
            sink.freeze()
        }
        ungot = nil
        lexer.index = lexer.limit
    }
}
