import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A failed conversion, worded as .NET Framework / Windows PowerShell 5.1 words it.
public struct ConversionFailure: Error {
    /// The inner message, e.g. `Cannot convert value "abc" to type "System.UInt32". Error: "Input string was not in a correct format."`
    public let message: String
    public let errorId: String

    public init(_ message: String, errorId: String = "InvalidCastFromStringToInteger") {
        self.message = message
        self.errorId = errorId
    }
}

/// PowerShell's conversion, truth and comparison rules (System.Management.Automation.LanguagePrimitives).
public enum LanguagePrimitives {

    // MARK: Strings

    /// How PowerShell converts a value to a string (string expansion, `[string]`, `-join`).
    public static func toString(_ value: PSValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let b), .switchParameter(let b): return b ? "True" : "False"
        case .int32(let v): return String(v)
        case .int64(let v): return String(v)
        case .uint32(let v): return String(v)
        case .uint64(let v): return String(v)
        case .byte(let v): return String(v)
        case .double(let d): return formatDouble(d)
        case .decimal(let d): return d.description
        case .char(let c): return String(c)
        case .string(let s): return s
        case .array(let a): return a.items.map(elementString).joined(separator: " ")
        case .hashtable(let h): return h.typeName
        case .object(let o): return o.toString()
        case .scriptBlock(let s): return s.text
        case .type(let t): return t.fullName
        }
    }

    /// An array element as an array's string shows it: elements are not unrolled again, so a nested
    /// (or self-containing) array shows its type name, as PSObject.ToString does.
    public static func elementString(_ value: PSValue) -> String {
        if case .array(let inner) = value { return inner.typeName }
        return toString(value)
    }

    /// Double.ToString() of .NET Framework: up to 15 significant digits, `E+XX` exponents.
    public static func formatDouble(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([d]) { vsnprintf(&buffer, 64, "%.15G", $0) }
        // %G and .NET's "G15" agree: at least two exponent digits, no trailing zeros.
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Truth

    /// LanguagePrimitives.IsTrue.
    public static func isTrue(_ value: PSValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b), .switchParameter(let b): return b
        case .int32(let v): return v != 0
        case .int64(let v): return v != 0
        case .uint32(let v): return v != 0
        case .uint64(let v): return v != 0
        case .byte(let v): return v != 0
        case .double(let v): return v != 0
        case .decimal(let v): return !v.isZero
        case .char(let c): return c != "\0"
        case .string(let s): return !s.isEmpty
        case .array(let a):
            if a.items.isEmpty { return false }
            if a.items.count == 1 { return isTrue(a.items[0]) }
            return true
        case .object(let o as DotNetObject) where o.type.isEnum:
            // An enum's type code is its underlying number's: it is true when not zero.
            return (o.payload as? Int64).map { $0 != 0 } ?? true
        default: return true
        }
    }

    // MARK: Numbers

    /// Parses a number the way a cast from string does in Windows PowerShell 5.1 (the .NET integer
    /// converter with `0x` hex, then a Double fallback); nil when the text is not a number.
    /// A string's characters as .NET counts them: one per scalar, so a CR LF pair (one Swift
    /// Character) is two chars.
    package static func chars(of text: String) -> [PSValue] {
        text.unicodeScalars.map { .char(Character($0)) }
    }

    public static func parseNumber(_ text: String) -> PSValue? {
        let t = text.trimmedWhitespace
        if t.isEmpty { return .int32(0) }
        var body = Substring(t)
        var negative = false
        if body.first == "-" || body.first == "+" { negative = body.first == "-"; body = body.dropFirst() }
        if body.lowercased().hasPrefix("0x") {
            guard let v = UInt64(body.dropFirst(2), radix: 16) else { return nil }
            if v <= UInt64(UInt32.max) {
                let i: Int32 = Int32(bitPattern: UInt32(v))
                return .int32(negative ? 0 &- i : i)
            }
            let i: Int64 = Int64(bitPattern: v)
            return .int64(negative ? 0 &- i : i)
        }
        if let v = Int32(t) { return .int32(v) }
        if let v = Int64(t) { return .int64(v) }
        if let v = Decimal(string: t), t.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) {
            return .decimal(v)
        }
        if let d = Double(t), !t.lowercased().contains("n"), !t.lowercased().contains("i") { return .double(d) }
        return nil
    }

    /// The value as a Double, for arithmetic and comparison; nil when not numeric.
    public static func toDouble(_ value: PSValue) -> Double? {
        switch value {
        case .int32(let v): return Double(v)
        case .int64(let v): return Double(v)
        case .uint32(let v): return Double(v)
        case .uint64(let v): return Double(v)
        case .byte(let v): return Double(v)
        case .double(let v): return v
        case .decimal(let v): return (v as NSDecimalNumberLike).doubleValue
        case .bool(let b), .switchParameter(let b): return b ? 1 : 0
        case .null: return 0
        case .char(let c): return Double(c.unicodeScalars.first?.value ?? 0)
        case .string(let s): return parseNumber(s).flatMap { toDouble($0) }
        case .object: return DotNetEnum.numericValue(value).map { Double($0) }
        default: return nil
        }
    }

    /// The value as an exact integer when it is an integer type (or an integral numeric string).
    public static func toInt64(_ value: PSValue) -> Int64? {
        switch value {
        case .int32(let v): return Int64(v)
        case .int64(let v): return v
        case .uint32(let v): return Int64(v)
        case .uint64(let v): return v <= UInt64(Int64.max) ? Int64(v) : nil
        case .byte(let v): return Int64(v)
        case .bool(let b), .switchParameter(let b): return b ? 1 : 0
        case .null: return 0
        case .double(let d): return d.isFinite && abs(d) < 9.2e18 ? Int64(d.rounded(.toNearestOrEven)) : nil
        case .decimal(let d): return toInt64(.double((d as NSDecimalNumberLike).doubleValue))
        case .string(let s): return parseNumber(s).flatMap { toInt64($0) }
        case .char(let c): return Int64(c.unicodeScalars.first?.value ?? 0)
        case .object: return DotNetEnum.numericValue(value)
        default: return nil
        }
    }

    /// Numbers in a string or number, converted for arithmetic (`1 + '5'` is 6).
    package static func numericOperand(_ value: PSValue) -> PSValue? {
        switch value {
        case .int32, .int64, .uint32, .uint64, .byte, .double, .decimal: return value
        case .bool(let b), .switchParameter(let b): return .int32(b ? 1 : 0)
        case .null: return .int32(0)
        case .char(let c): return .int32(Int32(c.unicodeScalars.first?.value ?? 0))
        case .string(let s): return parseNumber(s)
        default: return nil
        }
    }
}

/// Decimal → Double without full Foundation.
package protocol NSDecimalNumberLike { var doubleValue: Double { get } }
extension Decimal: NSDecimalNumberLike {
    package var doubleValue: Double { Double(description) ?? 0 }
}

extension PSHashtable {
    package var typeName: String {
        collectionType ?? (isOrdered ? "System.Collections.Specialized.OrderedDictionary" : "System.Collections.Hashtable")
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line breaks).
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

extension Double {
    /// The value as an Int64, saturating at the ends and 0 for NaN: never a trap on user numbers.
    package var clampedInt64: Int64 {
        if isNaN { return 0 }
        if self >= 9.2e18 { return Int64.max }
        if self <= -9.2e18 { return Int64.min }
        return Int64(self)
    }
}
