extension RegexParser {
    /// Reads what follows `(` and pushes the frames it opens (none for `(?imnsx)`).
    mutating func openGroup(_ stack: inout [Frame]) throws(RegexError) {
        let saved = options
        guard isChar(0, "?") else {
            if options.contains(.explicitCapture) {
                stack.append(Frame(kind: .group, options: saved))
            } else {
                unnamedCount += 1
                let slot = scanOnly ? 0 : (layout.slotForNumber[unnamedCount] ?? 0)
                stack.append(Frame(kind: .capture(number: slot, uncapture: -1), options: saved))
            }
            return
        }
        pos += 1
        guard let c = peek() else { throw error(ParseMessage.unrecognizedGrouping) }
        switch c {
        case 0x3A:  // :
            pos += 1
            stack.append(Frame(kind: .group, options: saved))
        case 0x3D, 0x21:  // = !
            pos += 1
            stack.append(Frame(kind: .lookaround(behind: false, negative: c == 0x21, conditionTest: false), options: saved))
        case 0x3E:  // >
            pos += 1
            stack.append(Frame(kind: .atomic, options: saved))
        case 0x3C, 0x27:  // < '
            pos += 1
            if c == 0x3C, let d = peek(), d == 0x3D || d == 0x21 {
                pos += 1
                stack.append(Frame(kind: .lookaround(behind: true, negative: d == 0x21, conditionTest: false), options: saved))
                return
            }
            let close: UInt16 = c == 0x3C ? 0x3E : 0x27
            var number = -1
            if peek() != 0x2D {
                let name = try scanCaptureName()
                number = noteName(name)
            }
            var uncapture = -1
            if peek() == 0x2D {
                pos += 1
                let other = try scanCaptureName()
                if !scanOnly {
                    guard let slot = slot(forReference: other) else {
                        if let n = Int(other) { throw error(ParseMessage.undefinedBackref(n)) }
                        throw error(ParseMessage.undefinedNameRef(other))
                    }
                    uncapture = slot
                }
            }
            guard peek() == close else { throw error(ParseMessage.unrecognizedGrouping) }
            pos += 1
            if number == -1 && uncapture == -1 && !scanOnly { throw error(ParseMessage.unrecognizedGrouping) }
            stack.append(Frame(kind: .capture(number: number, uncapture: uncapture), options: saved))
        case 0x28:  // (
            try openConditional(&stack, saved: saved)
        default:
            try scanInlineOptions(&stack, saved: saved)
        }
    }

    private mutating func scanInlineOptions(_ stack: inout [Frame], saved: RegexOptions) throws(RegexError) {
        var on = true
        var updated = options
        while let c = peek() {
            pos += 1
            switch c {
            case 0x2D: on = false
            case 0x2B: on = true
            case 0x29:  // )
                options = updated
                let top = stack.count - 1
                stack[top].canQuantify = false
                stack[top].lastWasQuantifier = false
                return
            case 0x3A:  // :
                options = updated
                stack.append(Frame(kind: .group, options: saved))
                return
            default:
                let option: RegexOptions
                switch c | 0x20 {
                case 0x69: option = .ignoreCase
                case 0x6D: option = .multiline
                case 0x6E: option = .explicitCapture
                case 0x73: option = .singleline
                case 0x78: option = .ignorePatternWhitespace
                default: throw error(ParseMessage.unrecognizedGrouping)
                }
                if on { updated.insert(option) } else { updated.remove(option) }
            }
        }
        throw error(ParseMessage.unrecognizedGrouping)
    }

    /// `(?(name)yes|no)` or `(?(expression)yes|no)`; the cursor is on the inner `(`.
    private mutating func openConditional(_ stack: inout [Frame], saved: RegexOptions) throws(RegexError) {
        var i = pos + 1
        while i < pattern.count, UnicodeTables.isWordChar(pattern[i]) { i += 1 }
        if i > pos + 1, i < pattern.count, pattern[i] == 0x29 {
            let name = String(decoding: pattern[(pos + 1)..<i], as: UTF16.self)
            let isNumber = pattern[pos + 1] >= 0x30 && pattern[pos + 1] <= 0x39
            if isNumber && Int(name) == nil { throw error(ParseMessage.malformedReference(name)) }
            if scanOnly || slot(forReference: name) != nil || isNumber {
                guard scanOnly || slot(forReference: name) != nil else {
                    throw error(ParseMessage.undefinedReference(name))
                }
                pos = i + 1
                stack.append(Frame(kind: .conditionalGroup(scanOnly ? 0 : slot(forReference: name) ?? 0), options: saved))
                return
            }
        }
        stack.append(Frame(kind: .conditionalExpression(nil), options: saved))
        pos += 1
        var behind = false, negative = false
        if isChar(0, "?") {
            switch peek(1) {
            case 0x3D: pos += 2
            case 0x21: pos += 2; negative = true
            case 0x3C where isChar(2, "=") || isChar(2, "!"):
                negative = isChar(2, "!")
                behind = true
                pos += 3
            case 0x3C, 0x27: throw error(ParseMessage.alternationCantCapture)
            case 0x23: throw error(ParseMessage.alternationCantHaveComment)
            default: break
            }
        }
        stack.append(Frame(kind: .lookaround(behind: behind, negative: negative, conditionTest: true), options: saved))
    }

    /// A group name or number after `(?<`, `(?'`, `\k<` or the `-` of a balancing group.
    mutating func scanCaptureName() throws(RegexError) -> String {
        guard let c = peek() else { throw error(ParseMessage.invalidGroupName) }
        if c >= 0x30 && c <= 0x39 {
            let n = try scanDecimal()
            if n == 0 { throw error(ParseMessage.capnumNotZero) }
            return String(n)
        }
        guard UnicodeTables.isWordChar(c) else { throw error(ParseMessage.invalidGroupName) }
        let start = pos
        while let d = peek(), UnicodeTables.isWordChar(d) { pos += 1 }
        return String(decoding: pattern[start..<pos], as: UTF16.self)
    }
}
