// Character classes of PowerShell's tokenizer, over Unicode scalars. ASCII goes through one table;
// the few non-ASCII characters PowerShell treats specially (dashes, smart quotes, separators) are
// checked by value.

struct CharTraits: OptionSet {
    let rawValue: UInt16
    static let identifierStart = CharTraits(rawValue: 1 << 0)
    static let multiplierStart = CharTraits(rawValue: 1 << 1)
    static let typeSuffix = CharTraits(rawValue: 1 << 2)
    static let whitespace = CharTraits(rawValue: 1 << 3)
    static let newline = CharTraits(rawValue: 1 << 4)
    static let hexDigit = CharTraits(rawValue: 1 << 5)
    static let digit = CharTraits(rawValue: 1 << 6)
    static let varNameFirst = CharTraits(rawValue: 1 << 7)
    static let forceStartNewToken = CharTraits(rawValue: 1 << 8)
    static let forceStartNewAssemblyNameSpecToken = CharTraits(rawValue: 1 << 9)
    static let forceStartNewTokenAfterNumber = CharTraits(rawValue: 1 << 10)

    /// Windows PowerShell 5.1's table for the 128 ASCII characters (bits as above), written out
    /// as literals so that it is laid out statically instead of built at first use.
    static let table: [UInt16] = [
        768, 0, 0, 0, 0, 0, 0, 0, 0, 776, 784, 776, 776, 784, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        776, 1024, 0, 1024, 128, 1024, 256, 0, 256, 256, 1024, 1024, 768, 1024, 1024, 1024,
        224, 224, 224, 224, 224, 224, 224, 224, 224, 224, 128, 256, 1024, 1536, 1024, 128,
        0, 161, 161, 161, 165, 161, 161, 131, 129, 129, 129, 131, 133, 131, 129, 129,
        131, 129, 129, 129, 131, 129, 129, 129, 129, 129, 129, 0, 0, 1536, 128, 129,
        0, 161, 161, 161, 165, 161, 161, 131, 129, 129, 129, 131, 133, 131, 129, 129,
        131, 129, 129, 129, 131, 129, 129, 129, 129, 129, 129, 256, 256, 256, 0, 0,
    ]
}

/// Predicates on a character (a Unicode scalar value; 0 stands for end of input as in PowerShell).
enum Char {
    static let noBreakSpace: UInt32 = 0x00A0
    static let nextLine: UInt32 = 0x0085

    @inline(__always) static func has(_ c: UInt32, _ mask: UInt16) -> Bool {
        c < 128 && (CharTraits.table[Int(c)] & mask) != 0
    }

    static let identifierStart: UInt16 = 1 << 0
    static let multiplierStart: UInt16 = 1 << 1
    static let typeSuffix: UInt16 = 1 << 2
    static let whitespace: UInt16 = 1 << 3
    static let hexDigit: UInt16 = 1 << 5
    static let digit: UInt16 = 1 << 6
    static let varNameFirst: UInt16 = 1 << 7
    static let forceStartNewToken: UInt16 = 1 << 8
    static let forceStartNewAssemblyNameSpecToken: UInt16 = 1 << 9
    static let forceStartNewTokenAfterNumber: UInt16 = 1 << 10

    @inline(__always) static func isWhitespace(_ c: UInt32) -> Bool {
        if c < 128 { return has(c, whitespace) }
        if c <= 256 { return c == noBreakSpace || c == nextLine }
        return isSeparator(c)
    }

    /// `char.IsSeparator`: categories Zs, Zl, Zp.
    static func isSeparator(_ c: UInt32) -> Bool {
        guard let s = Unicode.Scalar(c) else { return false }
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    static func isDash(_ c: UInt32) -> Bool { c == 0x2D || c == 0x2013 || c == 0x2014 || c == 0x2015 }
    static func isSingleQuote(_ c: UInt32) -> Bool { c == 0x27 || (c >= 0x2018 && c <= 0x201B) }
    static func isDoubleQuote(_ c: UInt32) -> Bool { c == 0x22 || (c >= 0x201C && c <= 0x201E) }

    static func isLetter(_ c: UInt32) -> Bool {
        if c < 128 { return has(c, identifierStart) && c != 0x5F }
        guard let s = Unicode.Scalar(c) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDigit(_ c: UInt32) -> Bool {
        if c < 128 { return has(c, digit) }
        guard let s = Unicode.Scalar(c) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }

    static func isLetterOrDigit(_ c: UInt32) -> Bool { isLetter(c) || isDigit(c) }

    static func isVariableStart(_ c: UInt32) -> Bool {
        c < 128 ? has(c, varNameFirst) : isLetterOrDigit(c)
    }

    static func isIdentifierStart(_ c: UInt32) -> Bool {
        c < 128 ? has(c, identifierStart) : isLetter(c)
    }

    static func isIdentifierFollow(_ c: UInt32) -> Bool {
        c < 128 ? has(c, identifierStart | digit) : isLetterOrDigit(c)
    }

    static func isHexDigit(_ c: UInt32) -> Bool { has(c, hexDigit) }
    static func isDecimalDigit(_ c: UInt32) -> Bool { has(c, digit) }
    static func isTypeSuffix(_ c: UInt32) -> Bool { has(c, typeSuffix) }
    static func isMultiplierStart(_ c: UInt32) -> Bool { has(c, multiplierStart) }

    /// Characters no statement keyword, label (`:`) or attribute (`[`) starts with, nor a comment
    /// or whitespace: a statement starting with one is a pipeline.
    static func cannotStartStatementKeyword(_ c: UInt32) -> Bool {
        switch c {
        case 0x24, 0x40, 0x22, 0x27, 0x28, 0x2D, 0x2B, 0x2E, 0x21, 0x2C, 0x30...0x39: return true  // $ @ " ' ( - + . ! , digits
        default: return false
        }
    }

    static func forceStartNewToken(_ c: UInt32) -> Bool {
        c < 128 ? has(c, forceStartNewToken) : isWhitespace(c)
    }

    static func forceStartNewTokenAfterNumber(_ c: UInt32) -> Bool { has(c, forceStartNewTokenAfterNumber) }

    static func forceStartNewTokenInAssemblyNameSpec(_ c: UInt32) -> Bool {
        c < 128 ? has(c, forceStartNewAssemblyNameSpecToken) : isWhitespace(c)
    }

    /// The character a backtick escape stands for (Windows PowerShell 5.1 has no `` `e `` or `` `u{} ``).
    static func backtick(_ c: UInt32) -> UInt32 {
        switch c {
        case 0x30: return 0        // `0
        case 0x61: return 7        // `a
        case 0x62: return 8        // `b
        case 0x66: return 12       // `f
        case 0x6E: return 10       // `n
        case 0x72: return 13       // `r
        case 0x74: return 9        // `t
        case 0x76: return 11       // `v
        default: return c
        }
    }
}

extension String {
    mutating func appendScalar(_ c: UInt32) {
        unicodeScalars.append(Unicode.Scalar(c) ?? "\u{FFFD}")
    }
}
