/// A compiled character class: ranges, Unicode categories, negation and subtraction.
final class CharClass: Sendable {
    enum Item: Sendable, Equatable {
        case categories(UInt32, negated: Bool)
        case space(negated: Bool)
        case word(negated: Bool)
    }

    let negated: Bool
    let ranges: [ClosedRange<UInt16>]
    let items: [Item]
    let subtraction: CharClass?
    private let asciiLow: UInt64
    private let asciiHigh: UInt64

    init(negated: Bool, ranges: [ClosedRange<UInt16>], items: [Item], subtraction: CharClass?) {
        self.negated = negated
        self.ranges = CharClass.merge(ranges)
        self.items = items
        self.subtraction = subtraction
        var low: UInt64 = 0, high: UInt64 = 0
        for c in 0..<128 {
            let member = CharClass.slowContains(UInt16(c), negated, self.ranges, items, subtraction)
            if member { if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) } }
        }
        asciiLow = low
        asciiHigh = high
    }

    @inline(__always) func contains(_ c: UInt16) -> Bool {
        if c < 64 { return asciiLow & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiHigh & (1 << UInt64(c - 64)) != 0 }
        return CharClass.slowContains(c, negated, ranges, items, subtraction)
    }

    /// The single character this class matches, when it is one.
    var singleCharacter: UInt16? {
        if !negated, items.isEmpty, subtraction == nil, ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound {
            return ranges[0].lowerBound
        }
        return nil
    }

    private static func slowContains(_ c: UInt16, _ negated: Bool, _ ranges: [ClosedRange<UInt16>],
                                     _ items: [Item], _ subtraction: CharClass?) -> Bool {
        var found = false
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if c < ranges[mid].lowerBound { hi = mid - 1 } else if c > ranges[mid].upperBound { lo = mid + 1 } else {
                found = true
                break
            }
        }
        if !found {
            for item in items {
                switch item {
                case .categories(let mask, let neg):
                    if (mask & (1 << UInt32(UnicodeTables.category(c))) != 0) != neg { found = true }
                case .space(let neg):
                    if UnicodeTables.isSpace(c) != neg { found = true }
                case .word(let neg):
                    if UnicodeTables.isWordChar(c) != neg { found = true }
                }
                if found { break }
            }
        }
        if found == negated { return false }
        if let subtraction, subtraction.contains(c) { return false }
        return true
    }

    private static func merge(_ input: [ClosedRange<UInt16>]) -> [ClosedRange<UInt16>] {
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<UInt16>] = []
        for r in sorted {
            if let last = out.last, Int(r.lowerBound) <= Int(last.upperBound) + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}

/// Collects the parts of a class while the parser reads it.
struct CharClassBuilder {
    var negated = false
    var ranges: [ClosedRange<UInt16>] = []
    var items: [CharClass.Item] = []
    var subtraction: CharClass?

    mutating func add(_ c: UInt16) { ranges.append(c...c) }
    mutating func add(_ r: ClosedRange<UInt16>) { ranges.append(r) }

    /// `\d \w \s` and their negations, narrowed to ASCII under ECMAScript.
    mutating func addShorthand(_ letter: UInt8, ecma: Bool) {
        let neg = letter < 0x61  // upper-case letter negates
        switch letter | 0x20 {
        case UInt8(ascii: "d"):
            if ecma { addECMA([0x30...0x39], negated: neg) } else { items.append(.categories(UnicodeTables.digitMask, negated: neg)) }
        case UInt8(ascii: "w"):
            if ecma { addECMA([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A, 0x130...0x130], negated: neg) } else { items.append(.word(negated: neg)) }
        default:
            if ecma { addECMA([0x09...0x0D, 0x20...0x20], negated: neg) } else { items.append(.space(negated: neg)) }
        }
    }

    private mutating func addECMA(_ rs: [ClosedRange<UInt16>], negated neg: Bool) {
        if !neg { ranges += rs; return }
        var prev: UInt32 = 0
        for r in rs {
            if UInt32(r.lowerBound) > prev { ranges.append(UInt16(prev)...(r.lowerBound - 1)) }
            prev = UInt32(r.upperBound) + 1
        }
        if prev <= 0xFFFF { ranges.append(UInt16(prev)...0xFFFF) }
    }

    /// Adds the lower-case forms of the ranges, as .NET does for IgnoreCase before it lower-cases the input.
    mutating func addLowercase() {
        var extra: [ClosedRange<UInt16>] = []
        for r in ranges {
            if r.lowerBound >= 0x41 && r.upperBound <= 0x7A {
                let lo = max(r.lowerBound, 0x41), hi = min(r.upperBound, 0x5A)
                if lo <= hi { extra.append((lo + 32)...(hi + 32)) }
                continue
            }
            if r.count > 0x3000 { continue }
            for c in r {
                let l = UnicodeTables.toLower(c)
                if l != c { extra.append(l...l) }
            }
        }
        ranges += extra
    }

    func build() -> CharClass {
        CharClass(negated: negated, ranges: ranges, items: items, subtraction: subtraction)
    }
}
