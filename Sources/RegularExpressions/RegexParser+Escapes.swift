extension RegexParser {
    var ecma: Bool { options.contains(.ecmaScript) }
    var ignoreCase: Bool { options.contains(.ignoreCase) }

    /// An escape outside a character class; the cursor is just after the backslash.
    mutating func scanBackslash() throws(RegexError) -> RegexNode {
        guard let c = peek() else { throw error(ParseMessage.illegalEndEscape) }
        pos += 1
        switch c {
        case UInt16(ascii: "b"): return .anchor(ecma ? .ecmaBoundary : .boundary)
        case UInt16(ascii: "B"): return .anchor(ecma ? .nonECMABoundary : .nonBoundary)
        case UInt16(ascii: "A"): return .anchor(.beginning)
        case UInt16(ascii: "G"): return .anchor(.start)
        case UInt16(ascii: "Z"): return .anchor(.endZ)
        case UInt16(ascii: "z"): return .anchor(.end)
        case UInt16(ascii: "w"), UInt16(ascii: "W"), UInt16(ascii: "s"), UInt16(ascii: "S"),
             UInt16(ascii: "d"), UInt16(ascii: "D"):
            var builder = CharClassBuilder()
            builder.addShorthand(UInt8(c), ecma: ecma)
            return .set(builder.build(), ignoreCase: false)
        case UInt16(ascii: "p"), UInt16(ascii: "P"):
            var builder = CharClassBuilder()
            try addProperty(&builder, negated: c == UInt16(ascii: "P"))
            return .set(builder.build(), ignoreCase: ignoreCase)
        case UInt16(ascii: "k"):
            guard let open = peek(), open == 0x3C || open == 0x27 else { throw error(ParseMessage.malformedNameRef) }
            pos += 1
            let name = try scanCaptureName()
            guard peek() == (open == 0x3C ? 0x3E : 0x27) else { throw error(ParseMessage.malformedNameRef) }
            pos += 1
            if scanOnly { return .empty }
            guard let slot = slot(forReference: name) else {
                if let n = Int(name) { throw error(ParseMessage.undefinedBackref(n)) }
                throw error(ParseMessage.undefinedNameRef(name))
            }
            return .backreference(slot, ignoreCase: ignoreCase)
        case 0x31...0x39:
            let start = pos - 1
            pos = start
            let n = try scanDecimal()
            if scanOnly { return .empty }
            if let slot = layout.slotForNumber[n] { return .backreference(slot, ignoreCase: ignoreCase) }
            if n <= 9 || pattern[start] > 0x37 { throw error(ParseMessage.undefinedBackref(n)) }
            pos = start
            return literal(scanOctal())
        default:
            return literal(try scanCharEscape(c))
        }
    }

    /// A character escape; `c` (already consumed) is the character after the backslash.
    mutating func scanCharEscape(_ c: UInt16) throws(RegexError) -> UInt16 {
        switch c {
        case 0x30...0x37:
            pos -= 1
            return scanOctal()
        case UInt16(ascii: "x"): return try scanHex(2)
        case UInt16(ascii: "u"): return try scanHex(4)
        case UInt16(ascii: "a"): return 7
        case UInt16(ascii: "b"): return 8
        case UInt16(ascii: "e"): return 27
        case UInt16(ascii: "f"): return 12
        case UInt16(ascii: "n"): return 10
        case UInt16(ascii: "r"): return 13
        case UInt16(ascii: "t"): return 9
        case UInt16(ascii: "v"): return 11
        case UInt16(ascii: "c"):
            guard var d = peek() else { throw error(ParseMessage.missingControl) }
            pos += 1
            if d >= 0x61 && d <= 0x7A { d -= 0x20 }
            let value = Int(d) - 0x40
            if value >= 0 && value < 0x20 { return UInt16(value) }
            throw error(ParseMessage.unrecognizedControl)
        default:
            if !ecma && UnicodeTables.isWordChar(c) {
                throw error(ParseMessage.unrecognizedEscape(String(decoding: [c], as: UTF16.self)))
            }
            return c
        }
    }

    mutating func scanOctal() -> UInt16 {
        var value: UInt16 = 0
        var count = 0
        while count < 3, let d = peek(), d >= 0x30, d <= 0x37 {
            value = value * 8 + (d - 0x30)
            pos += 1
            count += 1
        }
        return value & 0xFF
    }

    mutating func scanHex(_ digits: Int) throws(RegexError) -> UInt16 {
        guard pos + digits <= pattern.count else { throw error(ParseMessage.tooFewHex) }
        var value: UInt16 = 0
        for _ in 0..<digits {
            guard let d = peek(), let h = hexValue(d) else { throw error(ParseMessage.tooFewHex) }
            value = value &* 16 &+ h
            pos += 1
        }
        return value
    }

    func hexValue(_ d: UInt16) -> UInt16? {
        switch d {
        case 0x30...0x39: return d - 0x30
        case 0x41...0x46: return d - 0x41 + 10
        case 0x61...0x66: return d - 0x61 + 10
        default: return nil
        }
    }

    /// `\p{Name}` / `\P{Name}`; the cursor is just after the `p`.
    mutating func addProperty(_ builder: inout CharClassBuilder, negated: Bool) throws(RegexError) {
        guard pattern.count - pos >= 3 else {
            throw error(ParseMessage.incompleteSlashP)
        }
        guard peek() == 0x7B else { throw error(ParseMessage.malformedSlashP) }
        pos += 1
        let start = pos
        while let d = peek(), d != 0x7D {
            guard UnicodeTables.isWordChar(d) || d == 0x2D else { throw error(ParseMessage.malformedSlashP) }
            pos += 1
        }
        guard peek() == 0x7D else { throw error(ParseMessage.incompleteSlashP) }
        let name = String(decoding: pattern[start..<pos], as: UTF16.self)
        pos += 1
        if let block = UnicodeBlocks.table[name] {
            if negated {
                if block.0 > 0 { builder.add(0...(block.0 - 1)) }
                if block.1 < 0xFFFF { builder.add((block.1 + 1)...0xFFFF) }
            } else {
                builder.add(block.0...block.1)
            }
            return
        }
        guard var mask = UnicodeTables.categoryMask(named: name) else {
            throw error(ParseMessage.unknownProperty(name))
        }
        if ignoreCase && (name == "Lu" || name == "Ll" || name == "Lt") { mask = 0b111 }
        builder.items.append(.categories(mask, negated: negated))
    }

    /// A `[...]` class; the cursor is just after the `[`.
    mutating func scanCharClass(depth: Int = 0) throws(RegexError) -> RegexNode {
        if depth > 100 { throw error(ParseMessage.tooComplex) }
        var builder = CharClassBuilder()
        if peek() == 0x5E { builder.negated = true; pos += 1 }
        var first = true
        while true {
            guard let c = peek() else { throw error(ParseMessage.unterminatedBracket) }
            pos += 1
            if c == 0x5D && !first { break }
            if c == 0x2D && !first && peek() == 0x5B {
                pos += 1
                try subtract(&builder, depth: depth)
                break
            }
            first = false
            guard let low = try scanClassChar(c, &builder, inRange: false) else { continue }
            if peek() == 0x2D, let next = peek(1), next != 0x5D {
                if next == 0x5B {
                    builder.add(low)
                    pos += 2
                    try subtract(&builder, depth: depth)
                    break
                }
                pos += 2
                guard let high = try scanClassChar(next, &builder, inRange: true) else { continue }
                if high < low { throw error(ParseMessage.reversedCharRange) }
                builder.add(low...high)
            } else {
                builder.add(low)
            }
        }
        if ignoreCase { builder.addLowercase() }
        return .set(builder.build(), ignoreCase: ignoreCase)
    }

    private mutating func subtract(_ builder: inout CharClassBuilder, depth: Int) throws(RegexError) {
        guard case .set(let sub, _) = try scanCharClass(depth: depth + 1) else { return }
        builder.subtraction = sub
        guard peek() == 0x5D else {
            if atEnd { throw error(ParseMessage.unterminatedBracket) }
            throw error(ParseMessage.subtractionMustBeLast)
        }
        pos += 1
    }

    /// One member of a class: a character (returned), or a class escape added to `builder` (nil).
    private mutating func scanClassChar(_ c: UInt16, _ builder: inout CharClassBuilder,
                                        inRange: Bool) throws(RegexError) -> UInt16? {
        guard c == 0x5C else { return c }
        guard let e = peek() else { throw error(ParseMessage.illegalEndEscape) }
        pos += 1
        switch e {
        case UInt16(ascii: "d"), UInt16(ascii: "D"), UInt16(ascii: "w"), UInt16(ascii: "W"),
             UInt16(ascii: "s"), UInt16(ascii: "S"):
            if inRange { throw error(ParseMessage.badClassInCharRange(String(decoding: [e], as: UTF16.self))) }
            builder.addShorthand(UInt8(e), ecma: ecma)
            return nil
        case UInt16(ascii: "p"), UInt16(ascii: "P"):
            if inRange { throw error(ParseMessage.badClassInCharRange(String(decoding: [e], as: UTF16.self))) }
            try addProperty(&builder, negated: e == UInt16(ascii: "P"))
            return nil
        case UInt16(ascii: "b"): return 8
        case 0x2D: return 0x2D
        default: return try scanCharEscape(e)
        }
    }
}
