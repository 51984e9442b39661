import FoundationEssentials

/// System.String: indices and lengths count UTF-16 code units, as in .NET; every argument is
/// checked as .NET Framework 4.8 checks it.
enum StringTypes {
    static func all() -> [DotNetType] { [string, StringStatics.comparer] }

    /// The longest string a member builds; beyond it .NET runs out of memory.
    static let maximumLength = 100_000_000

    static func units(_ c: DotNetCall) -> [UInt16] { Array(LanguagePrimitives.toString(c.this).utf16) }
    static func text<C: Collection>(_ units: C) -> String where C.Element == UInt16 { String(decoding: Array(units), as: UTF16.self) }
    static func required(_ c: DotNetCall, _ i: Int, _ name: String) throws -> [UInt16] {
        guard let s = c.string(i) else { throw DotNetException.argumentNull(name) }
        return Array(s.utf16)
    }

    /// Case folding of one code unit (ordinal-ignore-case).
    static func fold(_ unit: UInt16) -> UInt16 {
        if unit < 128 { return (unit >= 65 && unit <= 90) ? unit + 32 : unit }
        guard let scalar = Unicode.Scalar(unit) else { return unit }
        let lower = Array(String(Character(scalar)).lowercased().utf16)
        return lower.count == 1 ? lower[0] : unit
    }

    static func find(_ needle: [UInt16], in hay: [UInt16], from start: Int, to end: Int, ignoreCase: Bool, last: Bool = false) -> Int {
        guard needle.count <= end - start else { return -1 }
        if needle.isEmpty { return last ? max(start, end - 1) : start }
        let n = ignoreCase ? needle.map(fold) : needle
        let positions = Array(start...(end - needle.count))
        for i in last ? Array(positions.reversed()) : positions {
            var match = true
            for j in 0..<n.count where (ignoreCase ? fold(hay[i + j]) : hay[i + j]) != n[j] { match = false; break }
            if match { return i }
        }
        return -1
    }

    /// StringComparison: the odd values ignore case.
    static func ignoresCase(_ c: DotNetCall, _ i: Int) throws -> Bool {
        let v = c.enumValue(i)
        guard (0...5).contains(v) else {
            throw DotNetException.argument("The string comparison type passed in is currently not supported.", "comparisonType")
        }
        return v % 2 == 1
    }

    static func isWhiteSpace(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isWhitespace || (0x09...0x0D).contains(unit) || unit == 0x85 || unit == 0xA0
    }

    static func trim(_ c: DotNetCall, start: Bool, end: Bool) -> PSValue {
        let u = units(c)
        let set: Set<UInt16> = Set(c.rest(0).flatMap { Array(LanguagePrimitives.toString($0).utf16) })
        func remove(_ unit: UInt16) -> Bool { set.isEmpty ? isWhiteSpace(unit) : set.contains(unit) }
        var a = 0, b = u.count
        if start { while a < b && remove(u[a]) { a += 1 } }
        if end { while b > a && remove(u[b - 1]) { b -= 1 } }
        return .string(text(u[a..<b]))
    }

    static func pad(_ c: DotNetCall, left: Bool) throws -> PSValue {
        let u = units(c)
        let width = c.int64(0)
        guard width >= 0 else { throw DotNetException.outOfRange("totalWidth", FrameworkText.needNonNegative) }
        guard width <= Int64(maximumLength) else { throw DotNetException.outOfMemory }
        let padUnit = c.args.count > 1 ? (Array(String(c.char(1)).utf16).first ?? 32) : 32
        let padding = [UInt16](repeating: padUnit, count: max(0, Int(width) - u.count))
        return .string(text(left ? padding + u : u + padding))
    }

    static func indexOf(_ c: DotNetCall, needle: [UInt16], startArg: Int?, countArg: Int?, ignoreCase: Bool, last: Bool) throws -> PSValue {
        let u = units(c)
        if last {
            let startIndex = startArg.map { c.int64($0) } ?? Int64(u.count - 1)
            if u.isEmpty { return .int32(needle.isEmpty ? 0 : -1) }
            guard startIndex >= 0, startIndex < Int64(u.count) else {
                throw DotNetException.outOfRange("startIndex", FrameworkText.indexString)
            }
            let count = countArg.map { c.int64($0) } ?? startIndex + 1
            guard count >= 0, startIndex - count + 1 >= 0 else {
                throw DotNetException.outOfRange("count", "Count must be positive and count must refer to a location within the string/array/collection.")
            }
            let from = Int(startIndex - count + 1), to = Int(startIndex) + 1
            return .int32(Int32(find(needle, in: u, from: from, to: to, ignoreCase: ignoreCase, last: true)))
        }
        let startIndex = startArg.map { c.int64($0) } ?? 0
        guard startIndex >= 0, startIndex <= Int64(u.count) else {
            throw DotNetException.outOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.")
        }
        let count = countArg.map { c.int64($0) } ?? Int64(u.count) - startIndex
        guard count >= 0, startIndex <= Int64(u.count) - count else {
            throw DotNetException.outOfRange("count", "Count must be positive and count must refer to a location within the string/array/collection.")
        }
        let found = find(needle, in: u, from: Int(startIndex), to: Int(startIndex + count), ignoreCase: ignoreCase)
        return .int32(Int32(found))
    }

    static func charUnits(_ c: DotNetCall, _ i: Int) -> [UInt16] { Array(String(c.char(i)).utf16) }

    static func anyOf(_ c: DotNetCall, last: Bool) throws -> PSValue {
        guard !c.value(0).isNull else { throw DotNetException.argumentNull("anyOf") }
        let set = Set(c.rest(0).flatMap { Array(LanguagePrimitives.toString($0).utf16) })
        let u = units(c)
        let start = c.args.count > 1 ? c.int64(1) : (last ? Int64(u.count - 1) : 0)
        if last {
            if u.isEmpty { return .int32(-1) }
            guard start >= 0, start < Int64(u.count) else { throw DotNetException.outOfRange("startIndex", FrameworkText.indexString) }
            return .int32(Int32((0...Int(start)).reversed().first { set.contains(u[$0]) } ?? -1))
        }
        guard start >= 0, start <= Int64(u.count) else { throw DotNetException.outOfRange("startIndex", FrameworkText.indexString) }
        return .int32(Int32((Int(start)..<u.count).first { set.contains(u[$0]) } ?? -1))
    }

    static func split(_ c: DotNetCall, strings: Bool, countIndex: Int?, optionsIndex: Int?) throws -> PSValue {
        let s = LanguagePrimitives.toString(c.this)
        let count = countIndex.map { c.int64($0) } ?? Int64(Int32.max)
        guard count >= 0 else { throw DotNetException.outOfRange("count", FrameworkText.negativeCount) }
        let options = optionsIndex.map { c.enumValue($0) } ?? 0
        guard options == 0 || options == 1 else { throw DotNetException.argument("Illegal enum value: \(options).", "options") }
        let removeEmpty = options == 1
        var separators: [[UInt16]]
        if strings {
            separators = (c.value(0).enumerated ?? (c.value(0).isNull ? [] : [c.value(0)]))
                .map { Array(LanguagePrimitives.toString($0).utf16) }.filter { !$0.isEmpty }
        } else {
            separators = c.rest(0).flatMap { Array(LanguagePrimitives.toString($0).utf16) }.map { [$0] }
        }
        if separators.isEmpty { separators = [] }
        let u = Array(s.utf16)
        var parts: [[UInt16]] = []
        var current: [UInt16] = []
        var i = 0
        if count == 0 { return .array(PSArray([], elementTypeName: "System.String")) }
        // The separators by their first unit, in their given order (the first that matches wins),
        // so that a long separator list costs a lookup per character, not a scan.
        var byFirst: [UInt16: [[UInt16]]] = [:]
        var seen = Set<[UInt16]>()
        for sep in separators where seen.insert(sep).inserted { byFirst[sep[0], default: []].append(sep) }
        func matches(_ sep: [UInt16], at i: Int) -> Bool {
            guard i + sep.count <= u.count else { return false }
            for k in 1..<max(1, sep.count) where u[i + k] != sep[k] { return false }
            return true
        }
        while i < u.count {
            if Int64(parts.count) == count - 1 { break }
            let matched = separators.isEmpty
                ? (isWhiteSpace(u[i]) ? 1 : 0)
                : (byFirst[u[i]]?.first { matches($0, at: i) }?.count ?? 0)
            if matched > 0 {
                if !(removeEmpty && current.isEmpty) { parts.append(current) }
                current = []
                i += matched
            } else {
                current.append(u[i])
                i += 1
            }
        }
        current += u[min(i, u.count)...]
        if !(removeEmpty && current.isEmpty) { parts.append(current) }
        return .array(PSArray(parts.map { .string(text($0)) }, elementTypeName: "System.String"))
    }

    static let string = DotNetType("System.String", aliases: ["string"],
                                   interfaces: ["System.IComparable", "System.ICloneable", "System.IConvertible",
                                                "System.Collections.IEnumerable", "System.IEquatable`1"]) { t in
        t.property("Length", "int") { c in .int32(Int32(clamping: units(c).count)) }
        t.method("Substring", "string", "int startIndex") { c in
            let u = units(c), start = c.int64(0)
            guard start >= 0 else { throw DotNetException.outOfRange("startIndex", FrameworkText.startIndexLess) }
            guard start <= Int64(u.count) else { throw DotNetException.outOfRange("startIndex", FrameworkText.startIndexLarger) }
            return .string(text(u[Int(start)...]))
        }
        t.method("Substring", "string", "int startIndex, int length") { c in
            let u = units(c), start = c.int64(0), length = c.int64(1)
            guard start >= 0 else { throw DotNetException.outOfRange("startIndex", FrameworkText.startIndexLess) }
            guard start <= Int64(u.count) else { throw DotNetException.outOfRange("startIndex", FrameworkText.startIndexLarger) }
            guard length >= 0 else { throw DotNetException.outOfRange("length", FrameworkText.negativeLength) }
            guard start <= Int64(u.count) - length else { throw DotNetException.outOfRange("length", FrameworkText.indexLength) }
            return .string(text(u[Int(start)..<Int(start + length)]))
        }
        t.method("Remove", "string", "int startIndex") { c in
            let u = units(c), start = c.int64(0)
            guard start >= 0 else { throw DotNetException.outOfRange("startIndex", FrameworkText.startIndexLess) }
            guard start < Int64(u.count) else {
                throw DotNetException.outOfRange("startIndex", "startIndex must be less than length of string.")
            }
            return .string(text(u[..<Int(start)]))
        }
        t.method("Remove", "string", "int startIndex, int count") { c in
            let u = units(c), start = c.int64(0), count = c.int64(1)
            guard start >= 0 else { throw DotNetException.outOfRange("startIndex", FrameworkText.startIndexLess) }
            guard count >= 0 else { throw DotNetException.outOfRange("count", FrameworkText.negativeCount) }
            guard count <= Int64(u.count) - start else { throw DotNetException.outOfRange("count", FrameworkText.indexLengthBuffer) }
            return .string(text(u[..<Int(start)] + u[Int(start + count)...]))
        }
        t.method("Insert", "string", "int startIndex, string value") { c in
            let u = units(c), start = c.int64(0)
            let value = try required(c, 1, "value")
            guard start >= 0, start <= Int64(u.count) else {
                throw DotNetException.outOfRange("startIndex", "Specified argument was out of the range of valid values.")
            }
            guard u.count + value.count <= maximumLength else { throw DotNetException.outOfMemory }
            return .string(text(u[..<Int(start)] + value + u[Int(start)...]))
        }
        t.method("Replace", "string", "string oldValue, string newValue") { c in
            let old = try required(c, 0, "oldValue")
            guard !old.isEmpty else { throw DotNetException.argument(FrameworkText.emptyString, "oldValue") }
            let s = LanguagePrimitives.toString(c.this)
            let result = s.replacing(text(old), with: c.string(1) ?? "")
            guard result.utf16.count <= maximumLength else { throw DotNetException.outOfMemory }
            return .string(result)
        }
        t.method("Replace", "string", "char oldChar, char newChar") { c in
            let old = charUnits(c, 0), new = charUnits(c, 1)
            return .string(text(units(c).map { [$0] == old ? (new.first ?? $0) : $0 }))
        }
        t.method("Split", "string[]", "params char[] separator") { c in try split(c, strings: false, countIndex: nil, optionsIndex: nil) }
        t.method("Split", "string[]", "char[] separator, int count") { c in try split(c, strings: false, countIndex: 1, optionsIndex: nil) }
        t.method("Split", "string[]", "char[] separator, System.StringSplitOptions options") { c in
            try split(c, strings: false, countIndex: nil, optionsIndex: 1)
        }
        t.method("Split", "string[]", "char[] separator, int count, System.StringSplitOptions options") { c in
            try split(c, strings: false, countIndex: 1, optionsIndex: 2)
        }
        t.method("Split", "string[]", "string[] separator, System.StringSplitOptions options") { c in
            try split(c, strings: true, countIndex: nil, optionsIndex: 1)
        }
        t.method("Split", "string[]", "string[] separator, int count, System.StringSplitOptions options") { c in
            try split(c, strings: true, countIndex: 1, optionsIndex: 2)
        }
        t.method("Trim", "string") { c in trim(c, start: true, end: true) }
        t.method("Trim", "string", "params char[] trimChars") { c in trim(c, start: true, end: true) }
        t.method("TrimStart", "string", "params char[] trimChars") { c in trim(c, start: true, end: false) }
        t.method("TrimEnd", "string", "params char[] trimChars") { c in trim(c, start: false, end: true) }
        t.method("PadLeft", "string", "int totalWidth") { c in try pad(c, left: true) }
        t.method("PadLeft", "string", "int totalWidth, char paddingChar") { c in try pad(c, left: true) }
        t.method("PadRight", "string", "int totalWidth") { c in try pad(c, left: false) }
        t.method("PadRight", "string", "int totalWidth, char paddingChar") { c in try pad(c, left: false) }
        for (name, last) in [("IndexOf", false), ("LastIndexOf", true)] {
            t.method(name, "int", "char value") { c in try indexOf(c, needle: charUnits(c, 0), startArg: nil, countArg: nil, ignoreCase: false, last: last) }
            t.method(name, "int", "char value, int startIndex") { c in
                try indexOf(c, needle: charUnits(c, 0), startArg: 1, countArg: nil, ignoreCase: false, last: last)
            }
            t.method(name, "int", "char value, int startIndex, int count") { c in
                try indexOf(c, needle: charUnits(c, 0), startArg: 1, countArg: 2, ignoreCase: false, last: last)
            }
            t.method(name, "int", "string value") { c in
                try indexOf(c, needle: required(c, 0, "value"), startArg: nil, countArg: nil, ignoreCase: false, last: last)
            }
            t.method(name, "int", "string value, int startIndex") { c in
                try indexOf(c, needle: required(c, 0, "value"), startArg: 1, countArg: nil, ignoreCase: false, last: last)
            }
            t.method(name, "int", "string value, int startIndex, int count") { c in
                try indexOf(c, needle: required(c, 0, "value"), startArg: 1, countArg: 2, ignoreCase: false, last: last)
            }
            t.method(name, "int", "string value, System.StringComparison comparisonType") { c in
                try indexOf(c, needle: required(c, 0, "value"), startArg: nil, countArg: nil, ignoreCase: ignoresCase(c, 1), last: last)
            }
            t.method(name, "int", "string value, int startIndex, System.StringComparison comparisonType") { c in
                try indexOf(c, needle: required(c, 0, "value"), startArg: 1, countArg: nil, ignoreCase: ignoresCase(c, 2), last: last)
            }
        }
        t.method("IndexOfAny", "int", "char[] anyOf") { c in try anyOf(c, last: false) }
        t.method("IndexOfAny", "int", "char[] anyOf, int startIndex") { c in try anyOf(c, last: false) }
        t.method("LastIndexOfAny", "int", "char[] anyOf") { c in try anyOf(c, last: true) }
        t.method("LastIndexOfAny", "int", "char[] anyOf, int startIndex") { c in try anyOf(c, last: true) }
        for (name, atEnd) in [("StartsWith", false), ("EndsWith", true)] {
            let test: @Sendable (DotNetCall, Bool) throws -> PSValue = { c, ignoreCase in
                let u = units(c), v = try required(c, 0, "value")
                guard v.count <= u.count else { return .bool(false) }
                let part = atEnd ? Array(u[(u.count - v.count)...]) : Array(u[..<v.count])
                return .bool(ignoreCase ? part.map(fold) == v.map(fold) : part == v)
            }
            t.method(name, "bool", "string value") { c in try test(c, false) }
            t.method(name, "bool", "string value, System.StringComparison comparisonType") { c in try test(c, ignoresCase(c, 1)) }
            t.method(name, "bool", "string value, bool ignoreCase, System.Globalization.CultureInfo culture") { c in try test(c, c.bool(1)) }
        }
        t.method("Contains", "bool", "string value") { c in
            .bool(find(try required(c, 0, "value"), in: units(c), from: 0, to: units(c).count, ignoreCase: false) >= 0)
        }
        t.method("ToUpper", "string") { c in .string(LanguagePrimitives.toString(c.this).uppercased()) }
        t.method("ToUpper", "string", "System.Globalization.CultureInfo culture") { c in .string(LanguagePrimitives.toString(c.this).uppercased()) }
        t.method("ToLower", "string") { c in .string(LanguagePrimitives.toString(c.this).lowercased()) }
        t.method("ToLower", "string", "System.Globalization.CultureInfo culture") { c in .string(LanguagePrimitives.toString(c.this).lowercased()) }
        t.method("ToUpperInvariant", "string") { c in .string(LanguagePrimitives.toString(c.this).uppercased()) }
        t.method("ToLowerInvariant", "string") { c in .string(LanguagePrimitives.toString(c.this).lowercased()) }
        t.method("ToString", "string") { c in c.this }
        t.method("Clone", "System.Object") { c in c.this }
        t.method("Normalize", "string") { c in c.this }
        t.method("IsNormalized", "bool") { _ in .bool(true) }
        t.method("Equals", "bool", "string value") { c in
            .bool(c.string(0).map { Array($0.utf16) == units(c) } ?? false)
        }
        t.method("Equals", "bool", "string value, System.StringComparison comparisonType") { c in
            let ignoreCase = try ignoresCase(c, 1)
            guard let v = c.string(0) else { return .bool(false) }
            return .bool(ignoreCase ? Array(v.utf16).map(fold) == units(c).map(fold) : Array(v.utf16) == units(c))
        }
        t.method("CompareTo", "int", "System.Object value") { c in
            if c.value(0).isNull { return .int32(1) }
            guard case .string(let other) = c.value(0) else { throw DotNetException.argument("Object must be of type String.") }
            return .int32(StringStatics.cultureCompare(LanguagePrimitives.toString(c.this), other, ignoreCase: false))
        }
        t.method("ToCharArray", "char[]") { c in
            .array(PSArray(LanguagePrimitives.chars(of: LanguagePrimitives.toString(c.this)), elementTypeName: "System.Char"))
        }
        t.method("ToCharArray", "char[]", "int startIndex, int length") { c in
            let u = units(c), start = c.int64(0), length = c.int64(1)
            guard start >= 0, start <= Int64(u.count), start <= Int64(u.count) - length else {
                throw DotNetException.outOfRange("startIndex", FrameworkText.index)
            }
            guard length >= 0 else { throw DotNetException.outOfRange("length", FrameworkText.index) }
            return .array(PSArray(LanguagePrimitives.chars(of: text(u[Int(start)..<Int(start + length)])), elementTypeName: "System.Char"))
        }
        t.method("GetHashCode", "int") { c in
            // A stable hash (the same string always gives the same code in one session).
            var hash: Int32 = 5381
            for unit in units(c) { hash = (hash &<< 5) &+ hash ^ Int32(unit) }
            return .int32(hash)
        }
        StringStatics.declare(t)
    }
}
