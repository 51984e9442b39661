// Strings, here-strings, variables and generic (bare-word) tokens.

/// Collects the value of an expandable string and the ranges of its `$var` / `$( )` parts.
struct ExpandableBuilder {
    var value = ""
    var parts: [RawPart] = []
    var pending = ""

    mutating func append(_ c: UInt32) {
        value.appendScalar(c)
        pending.appendScalar(c)
    }

    mutating func append(_ s: String) {
        value += s
        pending += s
    }

    mutating func addPart(_ part: RawPart, raw: String) {
        if !pending.isEmpty { parts.append(.literal(pending)); pending = "" }
        parts.append(part)
        value += raw
    }

    mutating func finish() -> ExpandableScan {
        if !pending.isEmpty { parts.append(.literal(pending)); pending = "" }
        return ExpandableScan(value: value, parts: parts)
    }

    var hasParts: Bool { !parts.isEmpty }

    /// Takes back the last `count` characters appended (a here-string's final line break). Only
    /// literal text can follow the last part, so `pending` holds them too.
    mutating func dropLast(_ count: Int) {
        for _ in 0..<count {
            if value.unicodeScalars.popLast() != nil { _ = pending.unicodeScalars.popLast() }
        }
    }
}

extension Lexer {
    // MARK: - Single-quoted

    /// Scans up to and including the closing quote; the opening quote is consumed.
    mutating func scanStringLiteralBody(into sb: inout ExpandableBuilder) -> Bool {
        let errorIndex = index - 1
        var c = getChar()
        while c != 0 || !atEof {
            if Char.isSingleQuote(c) {
                if !Char.isSingleQuote(peekChar()) { return true }
                c = getChar()
            }
            sb.append(c)
            c = getChar()
        }
        ungetChar()
        reportIncompleteInput(at: errorIndex, "TerminatorExpectedAtEndOfString", "'")
        return false
    }

    mutating func scanStringLiteral() -> Tok {
        // Fast path: ASCII up to a lone closing quote.
        var i = index
        while i < limit {
            let b = bytes[i]
            if b >= 0x80 { break }
            if b == 0x27 {
                if i + 1 < limit && (bytes[i + 1] == 0x27 || bytes[i + 1] >= 0x80) { break }
                let value = text(index, i)
                index = i + 1
                return newStringToken(.stringLiteral, value: value)
            }
            i += 1
        }
        var sb = ExpandableBuilder()
        let ok = scanStringLiteralBody(into: &sb)
        return newStringToken(.stringLiteral, value: sb.value, flags: ok ? .plain : .inError)
    }

    // MARK: - Double-quoted

    mutating func scanStringExpandableBody(into sb: inout ExpandableBuilder) -> Bool {
        let errorIndex = index - 1
        var c = getChar()
        while c != 0 || !atEof {
            if Char.isDoubleQuote(c) {
                if !Char.isDoubleQuote(peekChar()) { return true }
                c = getChar()
            } else if c == 0x24 {
                if scanDollarInStringExpandable(into: &sb, hereString: false) { c = getChar(); continue }
            } else if c == 0x60 {
                let c1 = peekChar()
                if c1 != 0 {
                    skipChar()
                    c = Char.backtick(c1)
                }
            }
            sb.append(c)
            c = getChar()
        }
        ungetChar()
        reportIncompleteInput(at: errorIndex, "TerminatorExpectedAtEndOfString", "\"")
        return false
    }

    mutating func scanStringExpandable() -> Tok {
        // Fast path: ASCII with no `$`, backtick or doubled quote up to the closing quote.
        var i = index
        while i < limit {
            let b = bytes[i]
            if b >= 0x80 || b == 0x24 || b == 0x60 { break }
            if b == 0x22 {
                if i + 1 < limit && (bytes[i + 1] == 0x22 || bytes[i + 1] >= 0x80) { break }
                let value = text(index, i)
                index = i + 1
                // No parts: a plain string.
                return newToken(.stringExpandable, payload: storeExpandable(ExpandableScan(value: value, parts: [])))
            }
            i += 1
        }
        var sb = ExpandableBuilder()
        let ok = scanStringExpandableBody(into: &sb)
        return expandableToken(.stringExpandable, sb, flags: ok ? .plain : .inError)
    }

    mutating func expandableToken(_ kind: TokenKind, _ sb: ExpandableBuilder, flags: TokFlags) -> Tok {
        var b = sb
        return newToken(kind, flags: flags, payload: storeExpandable(b.finish()))
    }

    mutating func storeExpandable(_ scan: ExpandableScan) -> Int32 {
        expandables.append(scan)
        storedValueBytes &+= scan.value.utf8.count &+ scan.parts.count
        return Int32(expandables.count - 1)
    }

    /// After a `$` inside an expandable string: scans a variable or `$( )`; false when neither follows.
    mutating func scanDollarInStringExpandable(into sb: inout ExpandableBuilder, hereString: Bool) -> Bool {
        let dollarIndex = index - 1
        let c1 = peekChar()
        let saveTokenStart = tokenStart
        let saveMode = mode
        nestedScanDepth += 1
        mode = .expression
        defer { nestedScanDepth -= 1; tokenStart = saveTokenStart; mode = saveMode }
        if c1 == 0x28 {
            skipChar()
            tokenStart = dollarIndex
            scanSubExpression(hereString: hereString)
            sb.addPart(.subExpression(start: dollarIndex, end: Swift.min(index, limit)), raw: text(dollarIndex, index))
            return true
        }
        if Char.isVariableStart(c1) || c1 == 0x7B {
            tokenStart = dollarIndex
            _ = scanVariable(splatted: false, inStringExpandable: true)
            sb.addPart(.variable(start: dollarIndex, end: Swift.min(index, limit)), raw: text(dollarIndex, index))
            return true
        }
        return false
    }

    /// `$(` has been consumed: finds the matching `)` by counting parentheses, as PowerShell does.
    mutating func scanSubExpression(hereString: Bool) {
        var parens = 1
        while true {
            let c = getChar()
            switch c {
            case 0x28:
                parens += 1
            case 0x29:
                parens -= 1
                if parens == 0 { return }
            case 0x60, 0x22, 0x201C, 0x201D, 0x201E:
                if !hereString && Char.isDoubleQuote(peekChar()) { skipChar() }
            case 0:
                if atEof {
                    ungetChar()
                    reportIncompleteInput(at: tokenStart, "IncompleteDollarSubexpressionReference")
                    return
                }
            default:
                break
            }
        }
    }

    // MARK: - Here-strings

    /// After `@'` or `@"`: only whitespace may follow on the header line.
    mutating func scanAfterHereStringHeader(quote: UInt32) -> Bool {
        let headerOffset = index - 2
        var c: UInt32
        repeat { c = getChar() } while c != 0 && Char.isWhitespace(c)
        if c == 0x0D { normalizeCRLF(); return true }
        if c == 0x0A { return true }
        if c == 0 && atEof {
            ungetChar()
            reportIncompleteInput(at: headerOffset, "TerminatorExpectedAtEndOfString", quote == 0x27 ? "'@" : "\"@")
            return false
        }
        ungetChar()
        reportError(at: index, "UnexpectedCharactersAfterHereStringHeader")
        while true {
            c = getChar()
            if (quote == 0x27 ? Char.isSingleQuote(c) : Char.isDoubleQuote(c)) && peekChar() == 0x40 { skipChar(); break }
            if c == 0x0D || c == 0x0A || (c == 0 && atEof) { ungetChar(); break }
        }
        return false
    }

    /// At the start of a body line: true when the footer (`'@` / `"@`) is found there.
    mutating func scanPossibleHereStringFooter(single: Bool, into sb: inout ExpandableBuilder, falseFooter: inout Int) -> Bool {
        func isQuote(_ c: UInt32) -> Bool { single ? Char.isSingleQuote(c) : Char.isDoubleQuote(c) }
        var c = getChar()
        if isQuote(c) && peekChar() == 0x40 { skipChar(); return true }
        while c != 0 && Char.isWhitespace(c) {
            sb.append(c)
            c = getChar()
        }
        if c == 0x0D || c == 0x0A || (c == 0 && atEof) { ungetChar(); return false }
        if isQuote(c) && peekChar() == 0x40 {
            sb.append(c)
            if falseFooter == -1 { falseFooter = index - 1 }
            sb.append(getChar())
        } else {
            ungetChar()
        }
        return false
    }

    mutating func scanHereStringLiteral() -> Tok { scanHereString(single: true) }
    mutating func scanHereStringExpandable() -> Tok { scanHereString(single: false) }

    mutating func scanHereString(single: Bool) -> Tok {
        let headerOffset = index - 2
        let kind: TokenKind = single ? .hereStringLiteral : .hereStringExpandable
        var sb = ExpandableBuilder()
        guard scanAfterHereStringHeader(quote: single ? 0x27 : 0x22) else {
            return single ? newStringToken(kind, value: "", flags: .inError) : expandableToken(kind, sb, flags: .inError)
        }
        var flags: TokFlags = .plain
        var falseFooter = -1
        if !scanPossibleHereStringFooter(single: single, into: &sb, falseFooter: &falseFooter) {
            while true {
                var c = getChar()
                if c == 0x0D || c == 0x0A {
                    // The line break before the footer is not part of the value. (Copying the
                    // builder on every line to undo it would make long here-strings quadratic.)
                    var breakLength = 1
                    sb.append(c)
                    if c == 0x0D && peekChar() == 0x0A { skipChar(); sb.append(0x0A); breakLength = 2 }
                    if scanPossibleHereStringFooter(single: single, into: &sb, falseFooter: &falseFooter) {
                        sb.dropLast(breakLength)
                        break
                    }
                    continue
                }
                if !single {
                    if c == 0x24 {
                        if scanDollarInStringExpandable(into: &sb, hereString: true) { continue }
                    } else if c == 0x60 {
                        let c1 = peekChar()
                        if c1 != 0 { skipChar(); c = Char.backtick(c1) }
                    }
                }
                if c != 0 || !atEof {
                    sb.append(c)
                    continue
                }
                ungetChar()
                if falseFooter != -1 {
                    reportIncompleteInput(at: falseFooter, "WhitespaceBeforeHereStringFooter")
                } else {
                    reportIncompleteInput(at: headerOffset, "TerminatorExpectedAtEndOfString", single ? "'@" : "\"@")
                }
                flags = .inError
                break
            }
        }
        return single ? newStringToken(kind, value: sb.value, flags: flags) : expandableToken(kind, sb, flags: flags)
    }

    // MARK: - Variables

    /// The `$` or `@` has been consumed.
    mutating func scanVariable(splatted: Bool, inStringExpandable: Bool) -> Tok {
        let errorStart = index
        var name = ""
        var c = getChar()
        let kind: TokenKind = splatted ? .splattedVariable : .variable
        if c == 0x7B {
            var closed = false
            braced: while true {
                c = getChar()
                switch c {
                case 0x7D:
                    closed = true
                    break braced
                case 0x60:
                    let c1 = getChar()
                    if c1 == 0 && atEof { ungetChar(); break braced }
                    c = Char.backtick(c1)
                case 0x22, 0x201C, 0x201D, 0x201E:
                    if inStringExpandable {
                        let c1 = getChar()
                        if c1 == 0 && atEof { ungetChar(); break braced }
                        if Char.isDoubleQuote(c1) { c = c1 } else { ungetChar() }
                    }
                case 0x7B:
                    reportError(at: index, "OpenBraceNeedsToBeBackTickedInVariableName")
                case 0:
                    if atEof { ungetChar(); break braced }
                default:
                    break
                }
                name.appendScalar(c)
            }
            if !closed { reportIncompleteInput(at: errorStart, "IncompleteDollarVariableReference") }
            if name.isEmpty {
                if closed { reportError(at: index - 1, "EmptyVariableReference") }
                name = ":Error:"
            }
            if inCommandMode {
                let c1 = peekChar()
                if !Char.forceStartNewToken(c1) && c1 != 0x2E && c1 != 0x5B {
                    index = tokenStart
                    return scanGenericToken()
                }
            }
            if VariablePathParser.unqualifiedIsEmpty(name) {
                reportError(SourceExtent(tokenStart, Swift.min(index, limit)), "InvalidBracedVariableReference")
            }
            return newStringToken(kind, value: name)
        }
        if !Char.isVariableStart(c) {
            ungetChar()
            return scanGenericToken()
        }
        // Every character taken into the name is taken as written: the name is a slice.
        if !(c == 0x24 || c == 0x3F || c == 0x5E) {
            scan: while true {
                c = getChar()
                switch c {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3F:
                    continue
                case 0x3A:
                    if peekChar() == 0x3A { ungetChar(); break scan }
                case 0, 0x09, 0x0D, 0x0A, 0x20, 0x26, 0x28, 0x29, 0x2C, 0x3B, 0x7B, 0x7D, 0x7C, 0x2E, 0x5B, 0x3D:
                    ungetChar()
                    break scan
                default:
                    if Char.isLetterOrDigit(c) {
                        continue
                    } else if inCommandMode && !Char.forceStartNewToken(c) {
                        index = tokenStart
                        return scanGenericToken()
                    } else {
                        ungetChar()
                        break scan
                    }
                }
            }
        } else if inCommandMode && !Char.forceStartNewToken(peekChar()) {
            index = tokenStart
            return scanGenericToken()
        }
        name = text(errorStart, index)
        if VariablePathParser.unqualifiedIsEmpty(name) {
            let id = name.contains(":") ? "InvalidVariableReferenceWithDrive" : "InvalidVariableReference"
            reportError(SourceExtent(tokenStart, Swift.min(index, limit)), id)
        }
        return newStringToken(kind, value: name)
    }

    // MARK: - Generic tokens

    /// A bare word whose characters so far (`tokenStart..<index`) are its value as written. The
    /// common case, plain ASCII with no escape, quote or `$`, is scanned over bytes.
    mutating func scanGenericToken() -> Tok {
        var i = index
        while i < limit {
            let b = bytes[i]
            if b >= 0x80 || b == 0x60 || b == 0x27 || b == 0x22 || b == 0x24 {
                index = i
                return scanGenericToken(prefix: text(tokenStart, index))
            }
            if CharTraits.table[Int(b)] & Char.forceStartNewToken != 0 { break }
            i += 1
        }
        index = i
        return newStringToken(.generic, value: text(tokenStart, index))
    }

    /// A bare word: the characters from `tokenStart` to `index` are already in `prefix` (as a value).
    mutating func scanGenericToken(prefix: String) -> Tok {
        var sb = ExpandableBuilder()
        sb.append(prefix)
        var c = getChar()
        while !Char.forceStartNewToken(c) {
            if c == 0x60 {
                let c1 = peekChar()
                if c1 != 0 {
                    skipChar()
                    c = Char.backtick(c1)
                }
            } else if Char.isSingleQuote(c) {
                _ = scanStringLiteralBody(into: &sb)
                c = getChar()
                continue
            } else if Char.isDoubleQuote(c) {
                _ = scanStringExpandableBody(into: &sb)
                c = getChar()
                continue
            } else if c == 0x24 {
                if scanDollarInStringExpandable(into: &sb, hereString: false) {
                    c = getChar()
                    continue
                }
            }
            sb.append(c)
            c = getChar()
        }
        ungetChar()
        if sb.hasParts { return expandableToken(.generic, sb, flags: .expandable) }
        return newStringToken(.generic, value: sb.value)
    }

    // MARK: - Special scans requested by the parser

    /// `--%`: the rest of the line, verbatim, up to a pipe or `&&` outside double quotes.
    mutating func verbatimCommandArgument() -> Tok {
        skipWhiteSpace()
        tokenStart = index
        var inQuotes = false
        while true {
            let c = getChar()
            if c == 0x0D || c == 0x0A || (c == 0 && atEof) { ungetChar(); break }
            if Char.isDoubleQuote(c) { inQuotes.toggle(); continue }
            if !inQuotes && (c == 0x7C || (c == 0x26 && !atEof && peekChar() == 0x26)) { ungetChar(); break }
        }
        return newStringToken(.generic, value: text(tokenStart, index))
    }

    /// `.`, `::` or `[` directly after an expression (no whitespace allowed before it).
    mutating func memberAccessOperator(allowLBracket: Bool) -> Tok? {
        var c = peekChar()
        while c == 0x3C {
            tokenStart = index
            skipChar()
            if peekChar() == 0x23 {
                skipChar()
                scanBlockComment()
                c = peekChar()
            } else {
                ungetChar()
                return nil
            }
        }
        if c == 0x2E {
            tokenStart = index
            skipChar()
            let c1 = peekChar()
            if c1 != 0x2E {
                if inCommandMode && (c1 == 0 || c1 == 0x0D || c1 == 0x0A || Char.isWhitespace(c1)) {
                    ungetChar()
                    return nil
                }
                return newToken(.dot)
            }
            ungetChar()
            return nil
        }
        if c == 0x3A {
            tokenStart = index
            skipChar()
            if peekChar() == 0x3A {
                skipChar()
                let c1 = peekChar()
                if inCommandMode && (c1 == 0 || c1 == 0x0D || c1 == 0x0A || Char.isWhitespace(c1)) {
                    ungetChar(); ungetChar()
                    return nil
                }
                return newToken(.colonColon)
            }
            ungetChar()
            return nil
        }
        if c == 0x5B && allowLBracket {
            tokenStart = index
            skipChar()
            return newToken(.lBracket)
        }
        return nil
    }

    /// `(` or `{` directly after a member name: a method call.
    mutating func invokeMemberOpenParen() -> Tok? {
        let c = peekChar()
        if c == 0x28 || c == 0x7B {
            tokenStart = index
            skipChar()
            return newToken(c == 0x28 ? .lParen : .lCurly)
        }
        return nil
    }

    /// A `[` after optional whitespace and comments (for attributes and type constraints), else nil.
    mutating func lBracket() -> Tok? {
        let resyncPoint = index
        var resyncIfMemberAccess = false
        while true {
            tokenStart = index
            let c = getChar()
            switch c {
            case 0x23:
                resyncIfMemberAccess = true
                scanLineComment()
                continue
            case 0x3C:
                if peekChar() == 0x23 {
                    resyncIfMemberAccess = false
                    skipChar()
                    scanBlockComment()
                    continue
                }
                ungetChar()
            case 0x5B:
                return newToken(.lBracket)
            case 0x2E, 0x3A:
                if resyncIfMemberAccess { resync(to: resyncPoint) } else { ungetChar() }
            default:
                if c != 0 && Char.isWhitespace(c) {
                    resyncIfMemberAccess = true
                    skipWhiteSpace()
                    continue
                }
                ungetChar()
            }
            return nil
        }
    }

    /// The assembly name after `[Type, Assembly]`.
    mutating func assemblyNameSpec() -> String {
        var result = ""
        func token(_ lexer: inout Lexer) {
            lexer.skipWhiteSpace()
            let start = lexer.index
            while true {
                let c = lexer.getChar()
                if Char.forceStartNewTokenInAssemblyNameSpec(c) { lexer.ungetChar(); break }
            }
            result += lexer.text(start, lexer.index)
            lexer.skipWhiteSpace()
        }
        token(&self)
        while peekChar() == 0x2C {
            result += ", "
            skipChar()
            token(&self)
            if peekChar() == 0x3D {
                result += "="
                skipChar()
                token(&self)
            }
        }
        return result
    }
}
