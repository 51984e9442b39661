// The lexer: a cursor over the UTF-8 bytes of the script that hands the parser one token at a
// time in the mode the parser asks for (command, expression, type name, signature), as
// PowerShell's tokenizer does. Values (strings, numbers) are computed once, into side tables.

struct Lexer {
    let bytes: [UInt8]
    /// End of the text this lexer may read (a nested scan of `$( )` stops at its closing paren).
    let limit: Int
    /// Position of the next character; one past `limit` once end of input has been read.
    var index: Int
    var tokenStart: Int
    var mode: LexMode = .command
    var allowSignedNumbers = false
    var wantSimpleName = false
    var inWorkflowContext = false
    /// Tokens are recorded for `ParseResult.tokens` (not for nested scans of string parts).
    let recording: Bool
    var tokens: [Token] = []
    /// Above zero while scanning the parts of an expandable string (those tokens are not recorded).
    var nestedScanDepth = 0
    var strings: [String] = []
    var numbers: [NumberValue?] = []
    var expandables: [ExpandableScan] = []
    /// Characters scanned into tokens and value bytes stored, rescans included: tests bound both
    /// by the input's length (the lexer must stay linear). A nested scan's are added to its parent's.
    var scannedCharacters = 0
    var storedValueBytes = 0
    /// The token scanned last (PowerShell's `CurrentExtent()`, where ScriptTooComplicated points).
    var lastTokenExtent = SourceExtent(0, 0)
    let sink: DiagnosticSink

    init(bytes: [UInt8], start: Int, limit: Int, recording: Bool, sink: DiagnosticSink) {
        self.bytes = bytes
        self.limit = limit
        self.index = start
        self.tokenStart = start
        self.lastTokenExtent = SourceExtent(start, start)
        self.recording = recording
        self.sink = sink
    }

    // MARK: - Characters

    /// Width in bytes of the character starting at `i`.
    @inline(__always) func width(at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return 1 }
        if b >= 0xF0 { return Swift.min(4, limit - i) }
        if b >= 0xE0 { return Swift.min(3, limit - i) }
        if b >= 0xC0 { return Swift.min(2, limit - i) }
        return 1
    }

    /// The scalar at `i` (0 past the end).
    @inline(__always) func char(at i: Int) -> UInt32 {
        guard i < limit else { return 0 }
        let b = bytes[i]
        if b < 0x80 { return UInt32(b) }
        return decode(at: i)
    }

    func decode(at i: Int) -> UInt32 {
        let b = bytes[i]
        let w = width(at: i)
        var v: UInt32
        switch w {
        case 2: v = UInt32(b & 0x1F)
        case 3: v = UInt32(b & 0x0F)
        case 4: v = UInt32(b & 0x07)
        default: return 0xFFFD
        }
        for k in 1..<w {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return 0xFFFD }
            v = v << 6 | UInt32(c & 0x3F)
        }
        return v
    }

    @inline(__always) func peekChar() -> UInt32 { char(at: index) }

    @inline(__always) mutating func getChar() -> UInt32 {
        if index >= limit { index += 1; return 0 }
        let b = bytes[index]
        if b < 0x80 { index += 1; return UInt32(b) }
        let c = decode(at: index)
        index += width(at: index)
        return c
    }

    @inline(__always) mutating func skipChar() { _ = getChar() }

    mutating func ungetChar() {
        if index > limit { index -= 1; return }
        index -= 1
        while index > 0 && bytes[index] & 0xC0 == 0x80 && bytes[index - 1] >= 0x80 { index -= 1 }
    }

    @inline(__always) var atEof: Bool { index > limit }

    /// Character offset at which a restore point puts the scan back.
    var restorePoint: Int { index }

    // MARK: - Tokens

    mutating func newToken(_ kind: TokenKind, flags: TokFlags = .plain, payload: Int32 = -1) -> Tok {
        let tok = Tok(kind: kind, start: tokenStart, end: Swift.min(index, limit), flags: flags, payload: payload)
        scannedCharacters &+= tok.end &- tok.start
        lastTokenExtent = tok.extent
        if recording && nestedScanDepth == 0 { tokens.append(Token(kind: kind, extent: tok.extent)) }
        return tok
    }

    mutating func newStringToken(_ kind: TokenKind, value: String, flags: TokFlags = .plain) -> Tok {
        strings.append(value)
        storedValueBytes &+= value.utf8.count
        return newToken(kind, flags: flags, payload: Int32(strings.count - 1))
    }

    mutating func absorbCounts(of nested: Lexer) {
        scannedCharacters &+= nested.scannedCharacters
        storedValueBytes &+= nested.storedValueBytes
    }

    /// Rescans from `offset`: forgets the tokens recorded from there on.
    mutating func resync(to offset: Int) {
        index = offset
        if recording {
            while let last = tokens.last, last.extent.startOffset >= offset { tokens.removeLast() }
        }
    }

    // MARK: - Errors

    /// An error at one character (PowerShell's tokenizer marks `offset ..< offset + 1`).
    mutating func reportError(at offset: Int, _ id: String, _ args: String...) {
        let o = Swift.min(offset, limit)
        sink.report(id, SourceExtent(o, Swift.min(o + 1, limit)), incomplete: false, args: args)
    }

    mutating func reportError(_ extent: SourceExtent, _ id: String, _ args: String...) {
        sink.report(id, extent, incomplete: false, args: args)
    }

    mutating func reportIncompleteInput(at offset: Int, _ id: String, _ args: String...) {
        let extent = SourceExtent(Swift.min(offset, limit), Swift.min(index, limit))
        sink.report(id, extent, incomplete: isAtEndOfScript(extent.endOffset), args: args)
    }

    /// True when the end of the text is reached from `offset` across whitespace and comments only
    /// (PowerShell's `IsAtEndOfScript(extent, checkCommentsAndWhitespace: true)`: a newline is
    /// not whitespace, so an error followed by another line is not incomplete input).
    func isAtEndOfScript(_ offset: Int) -> Bool {
        var i = offset
        while i < limit {
            let b = bytes[i]
            if b == 0x23 {  // # line comment, up to the line end
                i += 1
                while i < limit && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
                if i < limit { return false }
                continue
            }
            if b == 0x3C && i + 1 < limit && bytes[i + 1] == 0x23 {  // <# block comment #>
                i += 2
                while i < limit && !(bytes[i] == 0x23 && i + 1 < limit && bytes[i + 1] == 0x3E) { i += 1 }
                i += 2
                continue
            }
            let c = char(at: i)
            if c == 0 || !Char.isWhitespace(c) { return false }
            i += b < 0x80 ? 1 : width(at: i)
        }
        return true
    }

    // MARK: - Whitespace, newlines, comments

    mutating func skipWhiteSpace() {
        // Indentation is spaces and tabs: skip those over bytes first.
        while index < limit, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        while true {
            let c = peekChar()
            if c == 0 || !Char.isWhitespace(c) { return }
            skipChar()
        }
    }

    mutating func normalizeCRLF() {
        if peekChar() == 0x0A { skipChar() }
    }

    mutating func scanLineComment() {
        while true {
            let c = getChar()
            if c == 0x0A || c == 0x0D || (c == 0 && atEof) { ungetChar(); break }
        }
        _ = newToken(.comment)
    }

    mutating func scanBlockComment() {
        let start = tokenStart
        while true {
            let c = getChar()
            if c == 0x23 && peekChar() == 0x3E { skipChar(); break }
            if c == 0 && atEof {
                ungetChar()
                reportIncompleteInput(at: start, "MissingTerminatorMultiLineComment")
                break
            }
        }
        _ = newToken(.comment)
    }

    /// Skips newlines, whitespace, comments and line continuations (and `;` when asked).
    mutating func skipNewlines(skipSemis: Bool) {
        while true {
            tokenStart = index
            let c = getChar()
            switch c {
            case 0x0A:
                _ = newToken(.newline)
            case 0x0D:
                normalizeCRLF()
                _ = newToken(.newline)
            case 0x3B where skipSemis:
                _ = newToken(.semi)
            case 0x23:
                scanLineComment()
            case 0x3C where peekChar() == 0x23:
                skipChar()
                scanBlockComment()
            case 0x60:
                let c1 = getChar()
                if c1 == 0x0A || c1 == 0x0D {
                    if c1 == 0x0D { normalizeCRLF() }
                    _ = newToken(.lineContinuation)
                } else if c1 != 0 && Char.isWhitespace(c1) {
                    skipWhiteSpace()
                } else {
                    ungetChar(); ungetChar(); return
                }
            default:
                if c != 0 && Char.isWhitespace(c) { skipWhiteSpace(); continue }
                ungetChar()
                return
            }
        }
    }
}
