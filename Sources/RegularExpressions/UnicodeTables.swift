/// General categories in `System.Globalization.UnicodeCategory` order, for one UTF-16 code unit.
enum UnicodeTables {
    static let categoryNames = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl",
                                "Zp", "Cc", "Cf", "Cs", "Co", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm",
                                "Sc", "Sk", "So", "Cn"]

    /// The category index of every code unit; surrogate halves are `Cs` as in .NET.
    static let categories: [UInt8] = {
        var table = [UInt8](repeating: 29, count: 65536)
        for unit in 0..<65536 {
            guard let scalar = Unicode.Scalar(UInt32(unit)) else { table[unit] = 16; continue }
            table[unit] = index(of: scalar.properties.generalCategory)
        }
        return table
    }()

    /// Culture-invariant lower case of each code unit (single-unit mappings only).
    static let lower: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 65536)
        for unit in 0..<65536 {
            table[unit] = UInt16(unit)
            guard unit >= 0x41, let scalar = Unicode.Scalar(UInt32(unit)) else { continue }
            if unit < 0x80 { if unit <= 0x5A { table[unit] = UInt16(unit + 32) }; continue }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            if mapped.count == 1, let m = mapped.first, m.value < 0x10000 { table[unit] = UInt16(m.value) }
        }
        table[0x130] = 0x69  // İ lowers to i under the invariant culture's simple mapping
        return table
    }()

    @inline(__always) static func toLower(_ c: UInt16) -> UInt16 {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
        return lower[Int(c)]
    }

    @inline(__always) static func category(_ c: UInt16) -> Int { Int(categories[Int(c)]) }

    static func index(of category: Unicode.GeneralCategory) -> UInt8 {
        switch category {
        case .uppercaseLetter: return 0
        case .lowercaseLetter: return 1
        case .titlecaseLetter: return 2
        case .modifierLetter: return 3
        case .otherLetter: return 4
        case .nonspacingMark: return 5
        case .spacingMark: return 6
        case .enclosingMark: return 7
        case .decimalNumber: return 8
        case .letterNumber: return 9
        case .otherNumber: return 10
        case .spaceSeparator: return 11
        case .lineSeparator: return 12
        case .paragraphSeparator: return 13
        case .control: return 14
        case .format: return 15
        case .surrogate: return 16
        case .privateUse: return 17
        case .connectorPunctuation: return 18
        case .dashPunctuation: return 19
        case .openPunctuation: return 20
        case .closePunctuation: return 21
        case .initialPunctuation: return 22
        case .finalPunctuation: return 23
        case .otherPunctuation: return 24
        case .mathSymbol: return 25
        case .currencySymbol: return 26
        case .modifierSymbol: return 27
        case .otherSymbol: return 28
        case .unassigned: return 29
        @unknown default: return 29
        }
    }

    /// The category mask a `\p{name}` names: one category, or a major class (`L`, `N`, …).
    static func categoryMask(named name: String) -> UInt32? {
        if let i = categoryNames.firstIndex(of: name) { return 1 << UInt32(i) }
        var mask: UInt32 = 0
        for (i, n) in categoryNames.enumerated() where n.count == 2 && name.count == 1 && n.hasPrefix(name) {
            mask |= 1 << UInt32(i)
        }
        return mask == 0 ? nil : mask
    }

    static let wordMask: UInt32 = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 8) | (1 << 18)
    static let digitMask: UInt32 = 1 << 8

    @inline(__always) static func isWordChar(_ c: UInt16) -> Bool {
        if c < 0x80 {
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
        }
        if c == 0x200C || c == 0x200D { return true }
        return wordMask & (1 << UInt32(category(c))) != 0
    }

    @inline(__always) static func isECMAWordChar(_ c: UInt16) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
            || c == 0x130
    }

    /// `char.IsWhiteSpace`.
    @inline(__always) static func isSpace(_ c: UInt16) -> Bool {
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        if c == 0x85 || c == 0xA0 { return true }
        let k = category(c)
        return k == 11 || k == 12 || k == 13
    }
}

extension UInt16 {
    init(ascii scalar: Unicode.Scalar) { self = UInt16(truncatingIfNeeded: scalar.value) }
}
