import FoundationEssentials

/// The integer and floating-point types: MinValue/MaxValue, Parse/TryParse with .NET Framework's
/// errors, ToString(format), CompareTo, Equals.
enum NumericTypes {
    struct Integer {
        let fullName: String
        let aliases: [String]
        let min: Int64
        let max: UInt64
        /// The noun of .NET's overflow text: "an Int32", "an unsigned byte".
        let noun: String
        let make: @Sendable (Int64) -> PSValue
    }

    static let integers: [Integer] = [
        Integer(fullName: "System.Int32", aliases: ["int", "int32"], min: Int64(Int32.min), max: UInt64(Int32.max),
                noun: "an Int32") { .int32(Int32(truncatingIfNeeded: $0)) },
        Integer(fullName: "System.Int64", aliases: ["long", "int64"], min: Int64.min, max: UInt64(Int64.max),
                noun: "an Int64") { .int64($0) },
        Integer(fullName: "System.Int16", aliases: ["short", "int16"], min: -32768, max: 32767,
                noun: "an Int16") { .int32(Int32(truncatingIfNeeded: $0)) },
        Integer(fullName: "System.UInt16", aliases: ["ushort", "uint16"], min: 0, max: 65535,
                noun: "a UInt16") { .int32(Int32(truncatingIfNeeded: $0)) },
        Integer(fullName: "System.UInt32", aliases: ["uint", "uint32"], min: 0, max: UInt64(UInt32.max),
                noun: "a UInt32") { .uint32(UInt32(truncatingIfNeeded: $0)) },
        Integer(fullName: "System.UInt64", aliases: ["ulong", "uint64"], min: 0, max: UInt64.max,
                noun: "a UInt64") { .uint64(UInt64(bitPattern: $0)) },
        Integer(fullName: "System.Byte", aliases: ["byte"], min: 0, max: 255,
                noun: "an unsigned byte") { .byte(UInt8(truncatingIfNeeded: $0)) },
        Integer(fullName: "System.SByte", aliases: ["sbyte"], min: -128, max: 127,
                noun: "a signed byte") { .int32(Int32(truncatingIfNeeded: $0)) },
    ]

    static func all() -> [DotNetType] {
        integers.map(integerType) + [double("System.Double", ["double"]), double("System.Single", ["float", "single"]), decimal]
    }

    /// Parses .NET's NumberStyles.Integer: white space, a sign, decimal digits.
    static func parseInteger(_ text: String?, _ spec: Integer) throws -> PSValue {
        guard let text else { throw DotNetException.argumentNull("String") }
        var body = Substring(text.trimmedWhitespace)
        var negative = false
        if body.first == "-" || body.first == "+" { negative = body.first == "-"; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw DotNetException.format() }
        let digits = body.drop { $0 == "0" }
        guard digits.count <= 20, let magnitude = UInt64(digits.isEmpty ? "0" : String(digits)) else {
            throw DotNetException.overflow(FrameworkText.overflowOf(spec.noun))
        }
        if negative {
            guard magnitude <= UInt64(bitPattern: Int64.min), magnitude == 0 || spec.min < 0 else {
                throw DotNetException.overflow(FrameworkText.overflowOf(spec.noun))
            }
            let value = magnitude == UInt64(bitPattern: Int64.min) ? Int64.min : -Int64(magnitude)
            guard value >= spec.min else { throw DotNetException.overflow(FrameworkText.overflowOf(spec.noun)) }
            return spec.make(value)
        }
        guard magnitude <= spec.max else { throw DotNetException.overflow(FrameworkText.overflowOf(spec.noun)) }
        return spec.make(Int64(bitPattern: magnitude))
    }

    static func integerType(_ spec: Integer) -> DotNetType {
        DotNetType(spec.fullName, aliases: spec.aliases, kind: .valueType,
                   interfaces: ["System.IComparable", "System.IFormattable", "System.IConvertible"]) { t in
            t.staticProperty("MaxValue", spec.aliases[0]) { _ in spec.make(Int64(bitPattern: spec.max)) }
            t.staticProperty("MinValue", spec.aliases[0]) { _ in spec.make(spec.min) }
            t.staticMethod("Parse", spec.aliases[0], "string s") { c in try parseInteger(c.string(0), spec) }
            t.staticMethod("Parse", spec.aliases[0], "string s, System.IFormatProvider provider") { c in
                try parseInteger(c.string(0), spec)
            }
            t.staticMethod("TryParse", "bool", "string s, System.Management.Automation.PSReference result") { c in
                guard let value = try? parseInteger(c.string(0), spec) else {
                    try c.setReference(1, spec.make(0))
                    return .bool(false)
                }
                try c.setReference(1, value)
                return .bool(true)
            }
            declareCommon(t, spec.fullName)
        }
    }

    /// ToString(format), CompareTo and Equals, shared by every numeric type.
    static func declareCommon(_ t: DotNetType, _ fullName: String) {
        let short = String(fullName.split(separator: ".").last ?? "")
        t.method("ToString", "string") { c in .string(LanguagePrimitives.toString(c.this)) }
        t.method("ToString", "string", "string format") { c in .string(try Formatting.formatValue(c.this, c.text(0))) }
        t.method("ToString", "string", "System.IFormatProvider provider") { c in .string(LanguagePrimitives.toString(c.this)) }
        t.method("ToString", "string", "string format, System.IFormatProvider provider") { c in
            .string(try Formatting.formatValue(c.this, c.text(0)))
        }
        t.method("CompareTo", "int", "System.Object value") { c in
            let other = c.value(0)
            if other.isNull { return .int32(1) }
            guard other.typeName == fullName else { throw DotNetException.argument("Object must be of type \(short).") }
            return .int32(Int32(Operators.ordering(c.this, other, caseSensitive: true) ?? 0))
        }
        t.method("Equals", "bool", "System.Object obj") { c in
            .bool(c.value(0).typeName == fullName && Operators.equals(c.this, c.value(0), caseSensitive: true))
        }
        t.method("GetTypeCode", "System.TypeCode") { c in .string(short) }
    }

    /// Double.Parse with the invariant culture: thousands separators, exponents, `Infinity`, `NaN`.
    static func parseDouble(_ text: String?) throws -> Double {
        guard let text else { throw DotNetException.argumentNull("s") }
        let t = text.trimmedWhitespace.replacing(",", with: "")
        switch t {
        case "NaN": return .nan
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let d = Double(t) else {
            throw DotNetException.format()
        }
        guard d.isFinite else { throw DotNetException.overflow(FrameworkText.overflowOf("a Double")) }
        return d
    }

    static func double(_ fullName: String, _ aliases: [String]) -> DotNetType {
        DotNetType(fullName, aliases: aliases, kind: .valueType,
                   interfaces: ["System.IComparable", "System.IFormattable", "System.IConvertible"]) { t in
            let single = fullName == "System.Single"
            t.staticProperty("MaxValue", aliases[0]) { _ in .double(single ? Double(Float.greatestFiniteMagnitude) : .greatestFiniteMagnitude) }
            t.staticProperty("MinValue", aliases[0]) { _ in .double(single ? -Double(Float.greatestFiniteMagnitude) : -.greatestFiniteMagnitude) }
            t.staticProperty("Epsilon", aliases[0]) { _ in .double(single ? Double(Float.leastNonzeroMagnitude) : .leastNonzeroMagnitude) }
            t.staticProperty("NaN", aliases[0]) { _ in .double(.nan) }
            t.staticProperty("PositiveInfinity", aliases[0]) { _ in .double(.infinity) }
            t.staticProperty("NegativeInfinity", aliases[0]) { _ in .double(-.infinity) }
            t.staticMethod("Parse", aliases[0], "string s") { c in .double(try parseDouble(c.string(0))) }
            t.staticMethod("Parse", aliases[0], "string s, System.IFormatProvider provider") { c in .double(try parseDouble(c.string(0))) }
            t.staticMethod("TryParse", "bool", "string s, System.Management.Automation.PSReference result") { c in
                guard let d = try? parseDouble(c.string(0)) else { try c.setReference(1, .double(0)); return .bool(false) }
                try c.setReference(1, .double(d))
                return .bool(true)
            }
            t.staticMethod("IsNaN", "bool", "double d") { c in .bool(c.double(0).isNaN) }
            t.staticMethod("IsInfinity", "bool", "double d") { c in .bool(c.double(0).isInfinite) }
            t.staticMethod("IsPositiveInfinity", "bool", "double d") { c in .bool(c.double(0) == .infinity) }
            t.staticMethod("IsNegativeInfinity", "bool", "double d") { c in .bool(c.double(0) == -.infinity) }
            declareCommon(t, fullName)
        }
    }

    static let decimal = DotNetType("System.Decimal", aliases: ["decimal"], kind: .valueType,
                                    interfaces: ["System.IComparable", "System.IFormattable", "System.IConvertible"]) { t in
        t.staticProperty("MaxValue", "decimal") { _ in .decimal(Decimal(string: "79228162514264337593543950335") ?? 0) }
        t.staticProperty("MinValue", "decimal") { _ in .decimal(Decimal(string: "-79228162514264337593543950335") ?? 0) }
        t.staticProperty("Zero", "decimal") { _ in .decimal(0) }
        t.staticProperty("One", "decimal") { _ in .decimal(1) }
        t.staticMethod("Parse", "decimal", "string s") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            let text = s.trimmedWhitespace.replacing(",", with: "")
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.".contains($0)) }),
                  let d = Decimal(string: text) else { throw DotNetException.format() }
            return .decimal(d)
        }
        declareCommon(t, "System.Decimal")
    }
}
