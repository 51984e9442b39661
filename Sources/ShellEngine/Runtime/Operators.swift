import CmdletParser
import FoundationEssentials

/// PowerShell's binary operators: the left operand decides the type, comparisons fold case
/// unless `c`-prefixed, and collections on the left filter.
package enum Operators {

    /// `-f`: a .NET FormatException becomes 5.1's FormatError, with the exception inside.
    private static func format(_ left: PSValue, _ right: PSValue, engine: Engine, extent: SourceExtent) throws -> PSValue {
        let pattern = LanguagePrimitives.toString(left)
        do {
            return .string(try Formatting.compositeFormat(pattern, right.enumerated ?? [right]))
        } catch {
            let message = (error as? ConversionFailure)?.message ?? (error as? DotNetException)?.message ?? "\(error)"
            throw RuntimeError(record: engine.runtimeErrorRecord(
                message: Messages.format("FormatError", message), errorId: "FormatError",
                category: .InvalidOperation, extent: extent, target: .string(pattern),
                innerException: PSExceptionObject(typeName: "System.FormatException", message: message)))
        }
    }

    package static func binary(_ op: TokenKind, _ left: PSValue, _ right: PSValue, engine: Engine,
                       extent: SourceExtent) throws -> PSValue {
        switch op {
        case .plus: return try add(left, right, engine: engine, extent: extent)
        case .minus, .multiply, .divide, .rem:
            return try arithmetic(op, left, right, engine: engine, extent: extent)
        case .dotDot: return try range(left, right, engine: engine, extent: extent)
        case .format: return try format(left, right, engine: engine, extent: extent)
        case .and: return .bool(LanguagePrimitives.isTrue(left) && LanguagePrimitives.isTrue(right))
        case .or: return .bool(LanguagePrimitives.isTrue(left) || LanguagePrimitives.isTrue(right))
        case .xor: return .bool(LanguagePrimitives.isTrue(left) != LanguagePrimitives.isTrue(right))
        case .band, .bor, .bxor, .shl, .shr:
            let a = LanguagePrimitives.toInt64(left) ?? 0, b = LanguagePrimitives.toInt64(right) ?? 0
            let r: Int64
            switch op {
            case .band: r = a & b
            case .bor: r = a | b
            case .bxor: r = a ^ b
            case .shl: r = a << (b & 63)
            default: r = a >> (b & 63)
            }
            // -band, -bor and -bxor keep the left operand's enum type (`Alias, Application`).
            if op != .shl && op != .shr, case .object(let o as DotNetObject) = left, o.type.isEnum {
                return DotNetEnum.value(r, of: o.type, engine: engine)
            }
            return Int32(exactly: r).map { .int32($0) } ?? .int64(r)
        case .join:
            let separator = LanguagePrimitives.toString(right)
            return .string((left.enumerated ?? [left]).map { LanguagePrimitives.toString($0) }.joined(separator: separator))
        case .isplit, .csplit:
            return try RegexOperators.split(left, right, caseSensitive: op == .csplit, engine: engine, extent: extent)
        case .ireplace, .creplace:
            return try RegexOperators.replace(left, right, caseSensitive: op == .creplace, engine: engine, extent: extent)
        case .imatch, .inotmatch, .cmatch, .cnotmatch:
            return try RegexOperators.match(left, right, negated: op == .inotmatch || op == .cnotmatch,
                                            caseSensitive: op == .cmatch || op == .cnotmatch, engine: engine, extent: extent)
        case .is, .isNot:
            let typeName: String
            if case .type(let t) = right { typeName = t.fullName } else { typeName = LanguagePrimitives.toString(right) }
            let matches = isInstance(left, of: typeName, engine: engine)
            return .bool(op == .is ? matches : !matches)
        case .as:
            if case .type(let t) = right {
                return (try? engine.cast(left, to: TypeName(name: t.fullName, extent: extent), extent: extent)) ?? .null
            }
            return .null
        default:
            return try compare(op, left, right, engine: engine)
        }
    }

    // MARK: Arithmetic

    private static func add(_ left: PSValue, _ right: PSValue, engine: Engine, extent: SourceExtent) throws -> PSValue {
        switch left {
        case .string(let s): return .string(s + engine.expandToString(right))
        case .char(let c): return .string(String(c) + engine.expandToString(right))
        case .array(let a):
            return .array(PSArray(a.items + (right.enumerated ?? [right])))
        case .hashtable(let h):
            guard case .hashtable(let other) = right else { break }
            let result = PSHashtable(ordered: h.isOrdered)
            for (k, v) in h.entries { result[k] = v }
            for (k, v) in other.entries {
                if result.containsKey(k) {
                    throw RuntimeError(record: engine.runtimeErrorRecord(
                        message: "Item has already been added. Key in dictionary: '\(LanguagePrimitives.toString(k))'  Key being added: '\(LanguagePrimitives.toString(k))'",
                        errorId: "System.ArgumentException", category: .NotSpecified, extent: extent,
                        exceptionType: "System.ArgumentException"))
                }
                result[k] = v
            }
            return .hashtable(result)
        case .null:
            if case .null = right { return .null }
            if case .array = right { return .array(PSArray(right.enumerated ?? [])) }
            return right
        default: break
        }
        return try arithmetic(.plus, left, right, engine: engine, extent: extent)
    }

    package static func arithmetic(_ op: TokenKind, _ left: PSValue, _ right: PSValue, engine: Engine,
                           extent: SourceExtent) throws -> PSValue {
        if op == .multiply {
            if case .string(let s) = left, let n = LanguagePrimitives.toInt64(right) {
                if s.isEmpty || n <= 0 { return .string("") }
                guard n <= 0 || s.isEmpty || n <= 100_000_000 / Int64(s.utf8.count) else {
                    throw RuntimeError(record: engine.runtimeErrorRecord(
                        message: "The string is too large: at most 100,000,000 characters are supported.",
                        errorId: "StringTooLarge", category: .LimitsExceeded, extent: extent))
                }
                return .string(String(repeating: s, count: Int(max(0, n))))
            }
            if case .array(let a) = left, let n = LanguagePrimitives.toInt64(right) {
                // Nothing to repeat: a new empty array at once, whatever the count.
                if a.items.isEmpty || n <= 0 { return .array(PSArray([])) }
                guard n <= 0 || a.items.isEmpty || n <= 50_000_000 / Int64(a.items.count) else {
                    throw RuntimeError(record: engine.runtimeErrorRecord(
                        message: "The array is too large: at most 50,000,000 elements are supported.",
                        errorId: "ArrayTooLarge", category: .LimitsExceeded, extent: extent))
                }
                var items: [PSValue] = []
                for _ in 0..<max(0, n) { items.append(contentsOf: a.items) }
                return .array(PSArray(items))
            }
        }
        if let result = try engine.operatorOverload(op, left, right, extent: extent) { return result }
        guard let l = LanguagePrimitives.numericOperand(left), let r = LanguagePrimitives.numericOperand(right) else {
            let symbol: String
            switch op { case .plus: symbol = "+"; case .minus: symbol = "-"; case .multiply: symbol = "*"
                        case .divide: symbol = "/"; default: symbol = "%" }
            if LanguagePrimitives.numericOperand(left) != nil, case .string(let s) = right {
                throw RuntimeError(record: engine.runtimeErrorRecord(
                    message: Messages.format("InvalidCastFromStringToInteger", s, "System.Int32",
                                             "Input string was not in a correct format."),
                    errorId: "InvalidCastFromStringToInteger", category: .InvalidArgument, extent: extent))
            }
            throw RuntimeError(record: engine.runtimeErrorRecord(
                message: Messages.format("OperatorNotSupported", left.typeName, symbol, right.typeName),
                errorId: "OperatorNotSupported", category: .InvalidOperation, extent: extent))
        }
        // Integer arithmetic stays integral while it fits; overflow widens to Double, as in PowerShell.
        if case .double = l { return .double(doubleOp(op, LanguagePrimitives.toDouble(l)!, LanguagePrimitives.toDouble(r)!)) }
        if case .double = r { return .double(doubleOp(op, LanguagePrimitives.toDouble(l)!, LanguagePrimitives.toDouble(r)!)) }
        if case .decimal = l { return decimalOp(op, l, r) }
        if case .decimal = r { return decimalOp(op, l, r) }
        guard let a = LanguagePrimitives.toInt64(l), let b = LanguagePrimitives.toInt64(r) else {
            return .double(doubleOp(op, LanguagePrimitives.toDouble(l) ?? 0, LanguagePrimitives.toDouble(r) ?? 0))
        }
        let wide = isWide(l) || isWide(r)
        switch op {
        case .divide:
            if b == 0 {
                throw RuntimeError(record: engine.runtimeErrorRecord(message: Messages.template("RuntimeExceptionDivideByZero"),
                    errorId: "RuntimeException", category: .NotSpecified, extent: extent,
                    exceptionType: "System.Management.Automation.RuntimeException",
                    innerException: DotNetException.divideByZero.object))
            }
            // Int64.MinValue / -1 does not fit: PowerShell answers with the Double quotient.
            if a == .min && b == -1 { return .double(Double(a) / Double(b)) }
            if a % b == 0 { return integral(a / b, wide: wide) }
            return .double(Double(a) / Double(b))
        case .rem:
            if b == 0 {
                throw RuntimeError(record: engine.runtimeErrorRecord(message: Messages.template("RuntimeExceptionDivideByZero"),
                    errorId: "RuntimeException", category: .NotSpecified, extent: extent,
                    exceptionType: "System.Management.Automation.RuntimeException",
                    innerException: DotNetException.divideByZero.object))
            }
            // The CLR overflows on Int64.MinValue % -1; PowerShell hard-codes the result, 0.
            if a == .min && b == -1 { return integral(0, wide: wide) }
            return integral(a % b, wide: wide)
        default:
            let (value, overflow): (Int64, Bool)
            switch op {
            case .plus: (value, overflow) = a.addingReportingOverflow(b)
            case .minus: (value, overflow) = a.subtractingReportingOverflow(b)
            default: (value, overflow) = a.multipliedReportingOverflow(by: b)
            }
            if overflow { return .double(doubleOp(op, Double(a), Double(b))) }
            if !wide, Int32(exactly: value) == nil { return .double(Double(value)) }
            return integral(value, wide: wide)
        }
    }

    private static func isWide(_ v: PSValue) -> Bool {
        switch v { case .int64, .uint32, .uint64: return true; default: return false }
    }

    private static func integral(_ v: Int64, wide: Bool) -> PSValue {
        if !wide, let i = Int32(exactly: v) { return .int32(i) }
        return .int64(v)
    }

    private static func doubleOp(_ op: TokenKind, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .plus: return a + b
        case .minus: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        default: return a.truncatingRemainder(dividingBy: b)
        }
    }

    private static func decimalOp(_ op: TokenKind, _ l: PSValue, _ r: PSValue) -> PSValue {
        let a = LanguagePrimitives.toDecimal(l), b = LanguagePrimitives.toDecimal(r)
        switch op {
        case .plus: return .decimal(a + b)
        case .minus: return .decimal(a - b)
        case .multiply: return .decimal(a * b)
        case .divide: return b.isZero ? .double(.infinity) : .decimal(a / b)
        default: return .double(doubleOp(op, a.doubleValue, b.doubleValue))
        }
    }

    private static func range(_ left: PSValue, _ right: PSValue, engine: Engine, extent: SourceExtent) throws -> PSValue {
        let bounds = try rangeBounds(left, right, engine: engine, extent: extent)
        var items: [PSValue] = []
        items.reserveCapacity(bounds.count)
        for i in bounds { items.append(.int32(i)) }
        return .array(PSArray(items))
    }

    /// The numbers of `a..b` (descending when b < a), with the range operator's checks.
    package static func rangeBounds(_ left: PSValue, _ right: PSValue, engine: Engine,
                                    extent: SourceExtent) throws -> IntegerRange {
        guard let a = LanguagePrimitives.toInt64(left), let b = LanguagePrimitives.toInt64(right),
              Int32(exactly: a) != nil, Int32(exactly: b) != nil else {
            throw RuntimeError(record: engine.runtimeErrorRecord(
                message: "The range operator requires integer operands between -2147483648 and 2147483647.",
                errorId: "RangeOperatorOperandsMustBeIntegers", category: .InvalidOperation, extent: extent))
        }
        if abs(b - a) > 50_000_000 {
            throw RuntimeError(record: engine.runtimeErrorRecord(
                message: "The range is too large: at most 50,000,000 elements are supported.",
                errorId: "RangeTooLarge", category: .LimitsExceeded, extent: extent))
        }
        return IntegerRange(first: Int32(a), last: Int32(b))
    }

    // MARK: Comparison

    package static func compare(_ op: TokenKind, _ left: PSValue, _ right: PSValue, engine: Engine) throws -> PSValue {
        let (base, caseSensitive) = normalize(op)
        switch base {
        case .icontains, .inotcontains:
            let found = (left.enumerated ?? [left]).contains { equals($0, right, caseSensitive: caseSensitive) }
            return .bool(base == .icontains ? found : !found)
        case .iin, .inotin:
            let found = (right.enumerated ?? [right]).contains { equals($0, left, caseSensitive: caseSensitive) }
            return .bool(base == .iin ? found : !found)
        default: break
        }
        if base == .imatch || base == .inotmatch {
            return try RegexOperators.match(left, right, negated: base == .inotmatch, caseSensitive: caseSensitive,
                                            engine: engine)
        }
        if case .array(let a) = left {
            var results: [PSValue] = []
            for item in a.items where LanguagePrimitives.isTrue(try compareScalar(base, item, right, caseSensitive, engine)) {
                results.append(item)
            }
            return .array(PSArray(results))
        }
        return try compareScalar(base, left, right, caseSensitive, engine)
    }

    private static func normalize(_ op: TokenKind) -> (TokenKind, Bool) {
        switch op {
        case .ceq: return (.ieq, true)
        case .cne: return (.ine, true)
        case .cgt: return (.igt, true)
        case .cge: return (.ige, true)
        case .clt: return (.ilt, true)
        case .cle: return (.ile, true)
        case .clike: return (.ilike, true)
        case .cnotlike: return (.inotlike, true)
        case .cmatch: return (.imatch, true)
        case .cnotmatch: return (.inotmatch, true)
        case .ccontains: return (.icontains, true)
        case .cnotcontains: return (.inotcontains, true)
        case .cin: return (.iin, true)
        case .cnotin: return (.inotin, true)
        default: return (op, false)
        }
    }

    private static func compareScalar(_ op: TokenKind, _ left: PSValue, _ right: PSValue, _ caseSensitive: Bool,
                                      _ engine: Engine) throws -> PSValue {
        switch op {
        case .ieq: return .bool(equals(left, right, caseSensitive: caseSensitive))
        case .ine: return .bool(!equals(left, right, caseSensitive: caseSensitive))
        case .igt, .ige, .ilt, .ile:
            guard let order = ordering(left, right, caseSensitive: caseSensitive) else { return .bool(false) }
            switch op {
            case .igt: return .bool(order > 0)
            case .ige: return .bool(order >= 0)
            case .ilt: return .bool(order < 0)
            default: return .bool(order <= 0)
            }
        case .ilike, .inotlike:
            let matched = WildcardPattern(LanguagePrimitives.toString(right), caseSensitive: caseSensitive)
                .matches(LanguagePrimitives.toString(left))
            return .bool(op == .ilike ? matched : !matched)
        default:
            return .bool(false)
        }
    }

    /// `-eq`: the right operand is converted to the left operand's type.
    package static func equals(_ left: PSValue, _ right: PSValue, caseSensitive: Bool) -> Bool {
        switch left {
        case .null: return right.isNull
        case .string(let s):
            if right.isNull { return false }
            let r = LanguagePrimitives.toString(right)
            return caseSensitive ? s == r : s.caseInsensitiveEquals(r)
        case .char(let c):
            let r = LanguagePrimitives.toString(right)
            return caseSensitive ? String(c) == r : String(c).caseInsensitiveEquals(r)
        case .bool(let b), .switchParameter(let b):
            if case .string(let s) = right { return b == !s.isEmpty }
            return b == LanguagePrimitives.isTrue(right)
        case .int32, .int64, .uint32, .uint64, .byte, .double, .decimal:
            if right.isNull { return false }
            if !left.isDouble, let a = LanguagePrimitives.toInt64(left), let b = integralValue(right) { return a == b }
            guard let a = LanguagePrimitives.toDouble(left), let b = LanguagePrimitives.toDouble(right) else { return false }
            return a == b
        case .object(let o):
            if case .object(let p) = right, o === p { return true }
            if let version = o as? VersionObject { return VersionObject.value(of: right).map { version.value.compare($0) == 0 } ?? false }
            if let value = o as? DotNetObject {
                guard value.type.isEnum, let mine = value.payload as? Int64 else { return value.engine.libraryEquals(value, right) }
                if let n = DotNetEnum.numericValue(right) { return n == mine }
                if case .string(let s) = right { return ((try? DotNetEnum.parse(s, value.type)) ?? nil) == mine }
                return false
            }
            // An enum value: the other operand converts to the enum, whose names ignore case.
            if o.typeNames.count > 1, o.typeNames[1] == "System.Enum", !right.isNull {
                return o.toString().caseInsensitiveEquals(LanguagePrimitives.toString(right))
            }
            return false
        case .array(let a):
            if case .array(let b) = right { return a === b }
            return false
        case .hashtable(let a):
            if case .hashtable(let b) = right { return a === b }
            return false
        case .type(let t):
            if case .type(let u) = right { return t == u }
            return t.fullName.caseInsensitiveEquals(LanguagePrimitives.toString(right))
        case .scriptBlock(let a):
            if case .scriptBlock(let b) = right { return a === b }
            return false
        }
    }

    private static func integralValue(_ v: PSValue) -> Int64? {
        switch v {
        case .double(let d): return d == d.rounded() ? LanguagePrimitives.toInt64(v) : nil
        case .string(let s):
            guard let n = LanguagePrimitives.parseNumber(s) else { return nil }
            return integralValue(n)
        default: return LanguagePrimitives.toInt64(v)
        }
    }

    /// -1, 0, 1; nil when the values cannot be ordered.
    package static func ordering(_ left: PSValue, _ right: PSValue, caseSensitive: Bool) -> Int? {
        switch left {
        case .string(let s):
            let r = LanguagePrimitives.toString(right)
            let a = caseSensitive ? s : s.lowercased(), b = caseSensitive ? r : r.lowercased()
            return a == b ? 0 : (a < b ? -1 : 1)
        case .null:
            return right.isNull ? 0 : -1
        case .object(let o as DotNetObject) where !o.type.isEnum:
            return o.engine.libraryOrdering(o, right)
        case .object(let o as VersionObject):
            // `$PSVersionTable.PSVersion -ge [version]'5.1'`: the right operand becomes a Version.
            return VersionObject.value(of: right).map { o.value.compare($0) }
        default:
            guard let a = LanguagePrimitives.toDouble(left), let b = LanguagePrimitives.toDouble(right) else { return nil }
            return a == b ? 0 : (a < b ? -1 : 1)
        }
    }

    /// `-is`: the value's type or one of its base types or interfaces, by the library's hierarchy.
    package static func isInstance(_ value: PSValue, of typeName: String, engine: Engine) -> Bool {
        if value.isNull { return false }
        guard let wanted = engine.types.resolve(typeName)?.fullName else { return false }
        if wanted == "System.Management.Automation.PSObject", case .object = value { return true }
        if case .object(let o) = value, !(o is DotNetObject) {
            return o.typeNames.contains { engine.types.isAssignable(from: $0, to: wanted) }
        }
        return engine.types.isAssignable(from: engine.types.valueTypeName(value), to: wanted)
    }
}

/// `-like` patterns: `*`, `?`, `[abc]`, `` ` `` escapes.
package struct WildcardPattern {
    private let pattern: [Character]
    private let caseSensitive: Bool

    package init(_ pattern: String, caseSensitive: Bool = false) {
        self.pattern = Array(caseSensitive ? pattern : pattern.lowercased())
        self.caseSensitive = caseSensitive
    }

    package static func hasWildcards(_ s: String) -> Bool { s.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    package func matches(_ input: String) -> Bool {
        let text = Array(caseSensitive ? input : input.lowercased())
        // Iterative matching with backtracking on the last `*`: linear in practice, never recursive.
        var p = 0, t = 0, starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == "*" { starP = p; starT = t; p += 1; continue }
                if let width = matchOne(at: p, text[t]) { p += width; t += 1; continue }
            }
            if starP >= 0 { p = starP + 1; starT += 1; t = starT; continue }
            return false
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Width of the pattern element at `p` when it matches `c`, else nil.
    private func matchOne(at p: Int, _ c: Character) -> Int? {
        let pc = pattern[p]
        if pc == "?" { return 1 }
        if pc == "`" && p + 1 < pattern.count { return pattern[p + 1] == c ? 2 : nil }
        if pc == "[" , let close = pattern[(p + 1)...].firstIndex(of: "]") {
            let set = pattern[(p + 1)..<close]
            var i = set.startIndex
            var found = false
            while i < set.endIndex {
                if i + 2 < set.endIndex && set[i + 1] == "-" {
                    if set[i] <= c && c <= set[i + 2] { found = true }
                    i += 3
                } else {
                    if set[i] == c { found = true }
                    i += 1
                }
            }
            return found ? close - p + 1 : nil
        }
        return pc == c ? 1 : nil
    }
}

/// The numbers of a range `a..b`, first to last in either direction, produced one at a time.
package struct IntegerRange: Sequence {
    package let first: Int32
    package let last: Int32

    package var count: Int { Int(abs(Int64(last) - Int64(first))) + 1 }

    package func makeIterator() -> Iterator { Iterator(upcoming: Int64(first), last: Int64(last), step: first <= last ? 1 : -1) }

    package struct Iterator: IteratorProtocol {
        var upcoming: Int64
        let last: Int64
        let step: Int64
        var done = false

        package mutating func next() -> Int32? {
            guard !done else { return nil }
            let value = upcoming
            if value == last { done = true } else { upcoming += step }
            return Int32(truncatingIfNeeded: value)
        }
    }
}
