import FoundationEssentials

/// String's static members and constructors, and StringComparer.
enum StringStatics {
    /// String.Compare with a culture: letters compare alphabetically ignoring case, then lower
    /// case sorts before upper case.
    static func cultureCompare(_ a: String, _ b: String, ignoreCase: Bool) -> Int32 {
        let la = a.lowercased(), lb = b.lowercased()
        if la != lb { return la < lb ? -1 : 1 }
        if ignoreCase || a == b { return 0 }
        for (x, y) in zip(a, b) where x != y { return x.isLowercase ? -1 : 1 }
        return 0
    }

    static func ordinalCompare(_ a: String, _ b: String, ignoreCase: Bool) -> Int32 {
        let ua = Array(a.utf16).map { ignoreCase ? StringTypes.fold($0) : $0 }
        let ub = Array(b.utf16).map { ignoreCase ? StringTypes.fold($0) : $0 }
        for (x, y) in zip(ua, ub) where x != y { return Int32(x) - Int32(y) }
        return Int32(clamping: ua.count - ub.count)
    }

    static func compare(_ a: String?, _ b: String?, _ comparison: Int64) -> Int32 {
        guard let a else { return b == nil ? 0 : -1 }
        guard let b else { return 1 }
        if comparison >= 4 { return ordinalCompare(a, b, ignoreCase: comparison == 5) }
        return cultureCompare(a, b, ignoreCase: comparison % 2 == 1)
    }

    static func declare(_ t: DotNetType) {
        t.staticProperty("Empty", "string") { _ in .string("") }
        t.constructor("char c, int count") { c in
            guard c.int64(1) >= 0 else { throw DotNetException.outOfRange("count", FrameworkText.negativeCount) }
            guard c.int64(1) <= Int64(StringTypes.maximumLength) else { throw DotNetException.outOfMemory }
            return .string(String(repeating: c.char(0), count: c.int(1)))
        }
        t.constructor("char[] value") { c in .string(c.rest(0).map { LanguagePrimitives.toString($0) }.joined()) }
        t.staticMethod("IsNullOrEmpty", "bool", "string value") { c in .bool(c.string(0)?.isEmpty ?? true) }
        t.staticMethod("IsNullOrWhiteSpace", "bool", "string value") { c in
            .bool(c.string(0).map { Array($0.utf16).allSatisfy(StringTypes.isWhiteSpace) } ?? true)
        }
        t.staticMethod("Format", "string", "string format, params System.Object[] args") { c in
            guard let format = c.string(0) else { throw DotNetException.argumentNull("format") }
            do {
                return .string(try Formatting.compositeFormat(format, c.rest(1)))
            } catch let failure as ConversionFailure {
                throw DotNetException.format(failure.message)
            }
        }
        t.staticMethod("Join", "string", "string separator, params System.Object[] values") { c in
            .string(c.rest(1).map { LanguagePrimitives.toString($0) }.joined(separator: c.text(0)))
        }
        t.staticMethod("Concat", "string", "params System.Object[] args") { c in
            .string(c.rest(0).map { LanguagePrimitives.toString($0) }.joined())
        }
        t.staticMethod("Copy", "string", "string str") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("str") }
            return .string(s)
        }
        t.staticMethod("Compare", "int", "string strA, string strB") { c in .int32(compare(c.string(0), c.string(1), 0)) }
        t.staticMethod("Compare", "int", "string strA, string strB, bool ignoreCase") { c in
            .int32(compare(c.string(0), c.string(1), c.bool(2) ? 1 : 0))
        }
        t.staticMethod("Compare", "int", "string strA, string strB, System.StringComparison comparisonType") { c in
            .int32(compare(c.string(0), c.string(1), c.enumValue(2)))
        }
        t.staticMethod("CompareOrdinal", "int", "string strA, string strB") { c in .int32(compare(c.string(0), c.string(1), 4)) }
        t.staticMethod("Equals", "bool", "string a, string b") { c in .bool(c.string(0) == c.string(1)) }
        t.staticMethod("Equals", "bool", "string a, string b, System.StringComparison comparisonType") { c in
            .bool(c.value(0).isNull && c.value(1).isNull || (!c.value(0).isNull && !c.value(1).isNull
                && compare(c.string(0), c.string(1), c.enumValue(2)) == 0))
        }
    }

    /// StringComparer.Ordinal, OrdinalIgnoreCase, CurrentCulture…: the payload is its StringComparison value.
    static let comparer = DotNetType("System.StringComparer",
                                     interfaces: ["System.Collections.IComparer", "System.Collections.IEqualityComparer"]) { t in
        for (name, value) in [("CurrentCulture", 0), ("CurrentCultureIgnoreCase", 1), ("InvariantCulture", 2),
                              ("InvariantCultureIgnoreCase", 3), ("Ordinal", 4), ("OrdinalIgnoreCase", 5)] as [(String, Int64)] {
            t.staticProperty(name, "System.StringComparer") { c in c.make("System.StringComparer", value) }
        }
        t.method("Compare", "int", "string x, string y") { c in
            .int32(compare(c.string(0), c.string(1), c.payload(Int64.self) ?? 4))
        }
        t.method("Equals", "bool", "string x, string y") { c in
            .bool(compare(c.string(0), c.string(1), c.payload(Int64.self) ?? 4) == 0)
        }
        t.method("GetHashCode", "int", "string obj") { c in
            let folded = (c.payload(Int64.self) ?? 4) % 2 == 1 ? c.text(0).lowercased() : c.text(0)
            return .int32(Int32(truncatingIfNeeded: folded.hashValue))
        }
        t.method("ToString", "string") { c in
            let names = ["System.CultureAwareComparer", "System.CultureAwareComparer", "System.CultureAwareComparer",
                         "System.CultureAwareComparer", "System.OrdinalComparer", "System.OrdinalComparer"]
            return .string(names[Int(min(max(c.payload(Int64.self) ?? 4, 0), 5))])
        }
    }
}
