// The token dispatcher: which scanner the first character of a token selects, mode by mode.

extension Lexer {
    var inCommandMode: Bool { mode == .command }
    var inExpressionMode: Bool { mode == .expression }

    mutating func next() -> Tok {
        while true {
            tokenStart = index
            let c = getChar()
            switch c {
            case 0x20, 0x09, 0x0C, 0x0B, Char.noBreakSpace, Char.nextLine:
                skipWhiteSpace()
                continue
            case 0x27, 0x2018, 0x2019, 0x201A, 0x201B:
                return scanStringLiteral()
            case 0x22, 0x201C, 0x201D, 0x201E:
                return scanStringExpandable()
            case 0x40:  // @
                let c1 = getChar()
                if c1 == 0x7B { return newToken(.atCurly) }
                if c1 == 0x28 { return newToken(.atParen) }
                if Char.isSingleQuote(c1) { return scanHereStringLiteral() }
                if Char.isDoubleQuote(c1) { return scanHereStringExpandable() }
                ungetChar()
                if Char.isVariableStart(c1) { return scanVariable(splatted: true, inStringExpandable: false) }
                reportError(at: index - 1, "UnrecognizedToken")
                return newToken(.unknown)
            case 0x23:
                scanLineComment()
                continue
            case 0x0A:
                return newToken(.newline)
            case 0x0D:
                normalizeCRLF()
                return newToken(.newline)
            case 0x60:  // `
                let c1 = getChar()
                if c1 == 0x0A || c1 == 0x0D {
                    if c1 == 0x0D { normalizeCRLF() }
                    _ = newToken(.lineContinuation)
                    continue
                }
                if c1 != 0 && Char.isWhitespace(c1) {
                    skipWhiteSpace()
                    continue
                }
                if c1 == 0 && atEof {
                    reportIncompleteInput(at: index - 1, "IncompleteString")
                    ungetChar()
                    continue
                }
                var prefix = ""
                prefix.appendScalar(Char.backtick(c1))
                return scanGenericToken(prefix: prefix)
            case 0x3D:
                return checkOperatorInCommandMode(.equals)
            case 0x2B:  // +
                let c1 = peekChar()
                if c1 == 0x2B { skipChar(); return checkOperatorInCommandMode(.plusPlus) }
                if c1 == 0x3D { skipChar(); return checkOperatorInCommandMode(.plusEquals) }
                if allowSignedNumbers && (Char.isDecimalDigit(c1) || c1 == 0x2E) { return scanNumber(first: c) }
                return checkOperatorInCommandMode(.plus)
            case 0x2D, 0x2013, 0x2014, 0x2015:
                let c1 = peekChar()
                if Char.isDash(c1) { skipChar(); return checkOperatorInCommandMode(.minusMinus) }
                if c1 == 0x3D { skipChar(); return checkOperatorInCommandMode(.minusEquals) }
                if Char.isLetter(c1) || c1 == 0x5F || c1 == 0x3F { return scanParameter() }
                if allowSignedNumbers && (Char.isDecimalDigit(c1) || c1 == 0x2E) { return scanNumber(first: c) }
                return checkOperatorInCommandMode(.minus)
            case 0x2A:  // *
                let c1 = peekChar()
                if c1 == 0x3D { skipChar(); return checkOperatorInCommandMode(.multiplyEquals) }
                if c1 == 0x3E {
                    skipChar()
                    let c2 = peekChar()
                    if c2 == 0x3E { skipChar(); return redirection(RedirectionInfo(from: 0, append: true)) }
                    if c2 == 0x26 {
                        skipChar()
                        if peekChar() == 0x31 { skipChar(); return redirection(RedirectionInfo(from: 0, to: 1, merging: true)) }
                        ungetChar()
                    }
                    return redirection(RedirectionInfo(from: 0))
                }
                return checkOperatorInCommandMode(.multiply)
            case 0x2F:
                if peekChar() == 0x3D { skipChar(); return checkOperatorInCommandMode(.divideEquals) }
                return checkOperatorInCommandMode(.divide)
            case 0x25:
                if peekChar() == 0x3D { skipChar(); return checkOperatorInCommandMode(.remainderEquals) }
                return checkOperatorInCommandMode(.rem)
            case 0x24:  // $
                if peekChar() == 0x28 { skipChar(); return newToken(.dollarParen) }
                return scanVariable(splatted: false, inStringExpandable: false)
            case 0x3C:  // <
                if peekChar() == 0x23 {
                    skipChar()
                    scanBlockComment()
                    continue
                }
                return redirection(RedirectionInfo(from: 0, input: true), kind: .redirectInStd)
            case 0x3E:  // >
                if peekChar() == 0x3E { skipChar(); return redirection(RedirectionInfo(from: 1, append: true)) }
                return redirection(RedirectionInfo(from: 1))
            case 0x28: return newToken(.lParen)
            case 0x29: return newToken(.rParen)
            case 0x5B:
                if inCommandMode && !Char.forceStartNewToken(peekChar()) { return scanGenericToken() }
                return newToken(.lBracket)
            case 0x5D: return newToken(.rBracket)
            case 0x7B: return newToken(.lCurly)
            case 0x7D: return newToken(.rCurly)
            case 0x2E: return scanDot()
            case 0x3B: return newToken(.semi)
            case 0x2C: return newToken(.comma)
            case 0x30, 0x37, 0x38, 0x39:
                return scanNumber(first: c)
            case 0x31...0x36:
                if peekChar() == 0x3E {
                    skipChar()
                    let from = Int(c - 0x30)
                    let c1 = peekChar()
                    if c1 == 0x3E { skipChar(); return redirection(RedirectionInfo(from: from, append: true)) }
                    if c1 == 0x26 {
                        skipChar()
                        let c2 = peekChar()
                        if c2 == 0x31 || c2 == 0x32 {
                            skipChar()
                            return redirection(RedirectionInfo(from: from, to: Int(c2 - 0x30), merging: true))
                        }
                        ungetChar()
                    }
                    return redirection(RedirectionInfo(from: from))
                }
                return scanNumber(first: c)
            case 0x26:
                if peekChar() == 0x26 { skipChar(); return newToken(.andAnd) }
                return newToken(.ampersand)
            case 0x7C:
                if peekChar() == 0x7C { skipChar(); return newToken(.orOr) }
                return newToken(.pipe)
            case 0x21:  // !
                let c1 = peekChar()
                if (inCommandMode && !Char.forceStartNewToken(c1)) || (inExpressionMode && Char.isIdentifierStart(c1)) {
                    return scanGenericToken()
                }
                return newToken(.exclaim)
            case 0x3A:  // :
                if peekChar() == 0x3A {
                    skipChar()
                    if inCommandMode && !wantSimpleName && !Char.forceStartNewToken(peekChar()) {
                        return scanGenericToken()
                    }
                    return newToken(.colonColon)
                }
                if inCommandMode { return scanLabel() }
                return newToken(.colon)
            case 0:
                if atEof {
                    // The end token sits at the end of the text.
                    index = limit + 1
                    let tok = Tok(kind: .endOfInput, start: limit, end: limit)
                    if recording && nestedScanDepth == 0 && tokens.last?.kind != .endOfInput {
                        tokens.append(Token(kind: .endOfInput, extent: tok.extent))
                    }
                    index = limit
                    return tok
                }
                return scanGenericToken()
            default:
                if c < 128 && Char.isIdentifierStart(c) { return scanIdentifier(first: c) }
                if Char.isWhitespace(c) { skipWhiteSpace(); continue }
                if Char.isLetter(c) { return scanIdentifier(first: c) }
                return scanGenericToken()
            }
        }
    }

    mutating func redirection(_ info: RedirectionInfo, kind: TokenKind = .redirection) -> Tok {
        newToken(kind, payload: info.packed)
    }

    /// An operator character in command mode is only an operator when a token break follows.
    mutating func checkOperatorInCommandMode(_ kind: TokenKind) -> Tok {
        if inCommandMode && !Char.forceStartNewToken(peekChar()) {
            return scanGenericToken()
        }
        return newToken(kind)
    }

    func text(_ start: Int, _ end: Int) -> String {
        let s = Swift.max(0, Swift.min(start, limit)), e = Swift.max(s, Swift.min(end, limit))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    mutating func scanDot() -> Tok {
        let c = peekChar()
        if c == 0x2E {
            skipChar()
            if inCommandMode && !Char.forceStartNewToken(peekChar()) {
                ungetChar()
                return scanGenericToken()
            }
            return newToken(.dotDot)
        }
        if Char.isDecimalDigit(c) { return scanNumber(first: 0x2E) }
        if inCommandMode && !Char.forceStartNewToken(c) && c != 0x24 && !Char.isDoubleQuote(c) && !Char.isSingleQuote(c) {
            return scanGenericToken()
        }
        return newToken(.dot)
    }

    /// The first character is a letter: a keyword, a command name or argument, or a member name.
    mutating func scanIdentifier(first: UInt32) -> Tok {
        var c: UInt32
        repeat { c = getChar() } while Char.isIdentifierFollow(c)
        ungetChar()
        if mode == .typeName { return scanTypeName() }
        if !wantSimpleName && inCommandMode && !Char.forceStartNewToken(c) {
            return scanGenericToken()
        }
        if !wantSimpleName && (inCommandMode || mode == .signature) {
            if let kind = Keywords.lookup(bytes, tokenStart, index), kind != .inlineScript || inWorkflowContext {
                return newToken(kind, flags: .keyword)
            }
        }
        return newToken(.identifier)
    }

    mutating func scanTypeName() -> Tok {
        while true {
            let c = getChar()
            switch c {
            case 0x2E, 0x60, 0x5F, 0x2B, 0x23, 0x5C: continue
            default:
                if c != 0 && Char.isLetterOrDigit(c) { continue }
            }
            ungetChar()
            break
        }
        return newToken(.identifier)
    }

    mutating func scanLabel() -> Tok {
        let c = getChar()
        if !Char.isIdentifierStart(c) {
            if c == 0 { ungetChar(); return newStringToken(.generic, value: ":") }
            ungetChar()
            return scanGenericToken()
        }
        var c1 = c
        while Char.isIdentifierFollow(c1) { c1 = getChar() }
        if inCommandMode && !Char.forceStartNewToken(c1) {
            return scanGenericToken()
        }
        ungetChar()
        return newToken(.label)
    }

    /// A parameter (`-Name`, `-Name:`) or, in expression mode, an operator (`-eq`).
    mutating func scanParameter() -> Tok {
        let nameStart = index
        var sawColon = false
        scan: while true {
            let c = getChar()
            if c != 0 && Char.isWhitespace(c) { ungetChar(); break }
            switch c {
            case 0x7B, 0x7D, 0x28, 0x29, 0x3B, 0x2C, 0x7C, 0x26, 0x2E, 0x5B, 0x0D, 0x0A, 0:
                ungetChar()
                break scan
            case 0x3A:
                sawColon = true
                if !inCommandMode { ungetChar() }
                break scan
            default:
                if c < 128 && Char.isLetter(c) { continue }
                if Char.isSingleQuote(c) || Char.isDoubleQuote(c) {
                    ungetChar()
                    if inCommandMode { return scanGenericToken() }
                    break scan
                }
                if inCommandMode { continue }
                ungetChar()
                break scan
            }
        }
        let nameEnd = sawColon && inCommandMode ? index - 1 : index
        if inExpressionMode, let op = Operators.lookup(bytes, nameStart, nameEnd) {
            return newToken(op)
        }
        if nameEnd == nameStart { return newToken(.minus) }
        return newToken(.parameter, flags: sawColon ? .usedColon : .plain)
    }
}
