import FoundationEssentials

/// System.Convert and System.BitConverter.
package enum ConvertTypes {
    static func all() -> [DotNetType] { [convert, bitConverter] }

    /// The integer targets of Convert.ToXxx: name, bit width, signedness.
    static let targets: [(method: String, spec: NumericTypes.Integer, bits: Int)] = [
        ("ToInt32", NumericTypes.integers[0], 32), ("ToInt64", NumericTypes.integers[1], 64),
        ("ToInt16", NumericTypes.integers[2], 16), ("ToUInt16", NumericTypes.integers[3], 16),
        ("ToUInt32", NumericTypes.integers[4], 32), ("ToUInt64", NumericTypes.integers[5], 64),
        ("ToByte", NumericTypes.integers[6], 8), ("ToSByte", NumericTypes.integers[7], 8),
    ]

    static func checkBase(_ base: Int64) throws {
        guard [2, 8, 10, 16].contains(base) else { throw DotNetException.argument(FrameworkText.badBase) }
    }

    /// Convert.ToXxx(string, fromBase): ParseNumbers' rules (two's complement outside base 10).
    static func parse(_ text: String?, base: Int64, _ spec: NumericTypes.Integer, bits: Int) throws -> PSValue {
        try checkBase(base)
        guard let text else { return spec.make(0) }
        if base == 10 { return try NumericTypes.parseInteger(text, spec) }
        var body = Substring(text)
        guard !body.isEmpty else { throw DotNetException.outOfRange("startIndex", FrameworkText.index) }
        if body.first == "-" { throw DotNetException.argument("String cannot contain a minus sign if the base is not 10.") }
        if body.first == "+" { body = body.dropFirst() }
        if base == 16, body.lowercased().hasPrefix("0x") { body = body.dropFirst(2) }
        var value: UInt64 = 0
        var digits = 0
        for ch in body {
            guard let d = ch.hexDigitValue, d < base else { break }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: UInt64(base))
            guard !overflow, shifted.addingReportingOverflow(UInt64(d)).overflow == false else {
                throw DotNetException.overflow(FrameworkText.overflowOf(spec.noun))
            }
            value = shifted + UInt64(d)
            digits += 1
        }
        guard digits > 0 else { throw DotNetException.format("Could not find any recognizable digits.") }
        guard digits == body.count else { throw DotNetException.format("Additional non-parsable characters are at the end of the string.") }
        if bits < 64 && value >> UInt64(bits) != 0 { throw DotNetException.overflow(FrameworkText.overflowOf(spec.noun)) }
        // Two's complement: "FFFFFFFF" is -1 for a signed 32-bit target.
        if spec.min < 0 && bits < 64 && value >> UInt64(bits - 1) != 0 {
            return spec.make(Int64(bitPattern: value) - (Int64(1) << Int64(bits)))
        }
        return spec.make(Int64(bitPattern: value))
    }

    /// Convert.ToXxx(object): numbers with range checks and banker's rounding, strings parsed,
    /// Booleans as 0/1, null as 0.
    static func toInteger(_ value: PSValue, _ spec: NumericTypes.Integer) throws -> PSValue {
        let overflow = DotNetException.overflow(FrameworkText.overflowOf(spec.noun))
        switch value {
        case .null: return spec.make(0)
        case .string(let s): return try NumericTypes.parseInteger(s, spec)
        case .bool(let b), .switchParameter(let b): return spec.make(b ? 1 : 0)
        case .char(let ch): return try fits(Int64(ch.unicodeScalars.first?.value ?? 0), spec, overflow)
        case .double(let d):
            guard d.isFinite, abs(d) < 9.3e18 else { throw overflow }
            let r = d.rounded(.toNearestOrEven)
            if r >= 9.2e18 {
                guard spec.max == UInt64.max, r < 1.8446744073709552e19 else { throw overflow }
                return spec.make(Int64(bitPattern: UInt64(r)))
            }
            return try fits(Int64(r), spec, overflow)
        case .uint64(let u):
            guard u <= spec.max else { throw overflow }
            return spec.make(Int64(bitPattern: u))
        case .decimal:
            return try toInteger(.double(LanguagePrimitives.toDouble(value) ?? 0), spec)
        case .int32, .int64, .uint32, .byte:
            return try fits(LanguagePrimitives.toInt64(value) ?? 0, spec, overflow)
        default:
            if let n = DotNetEnum.numericValue(value) { return try fits(n, spec, overflow) }
            throw DotNetException("System.InvalidCastException",
                                  "Unable to cast object of type '\(value.typeName)' to type 'System.IConvertible'.")
        }
    }

    static func fits(_ n: Int64, _ spec: NumericTypes.Integer, _ overflow: DotNetException) throws -> PSValue {
        guard n >= spec.min, n < 0 || UInt64(n) <= spec.max else { throw overflow }
        return spec.make(n)
    }

    /// Convert.ToString(value, toBase): base 2, 8 and 16 show the two's complement of the width.
    static func toString(_ c: DotNetCall, bits: Int) throws -> PSValue {
        let base = c.int64(1)
        try checkBase(base)
        let v = c.int64(0)
        if base == 10 { return .string(String(v)) }
        let mask: UInt64 = bits == 64 ? .max : (UInt64(1) << UInt64(bits)) - 1
        return .string(String(UInt64(bitPattern: v) & mask, radix: Int(base)))
    }

    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(base64Alphabet[Int(b0 >> 2)])
            out.append(base64Alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? base64Alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? base64Alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let badBase64 = "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters. "

    static func fromBase64(_ text: String) throws -> [UInt8] {
        let chars = Array(text.utf8).filter { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }
        guard chars.count % 4 == 0 else {
            throw DotNetException.format("Invalid length for a Base-64 char array or string.")
        }
        var lookup = [Int](repeating: -1, count: 256)
        for (i, c) in base64Alphabet.enumerated() { lookup[Int(c)] = i }
        var bytes: [UInt8] = []
        var i = 0
        while i < chars.count {
            var quad = [Int](repeating: 0, count: 4)
            var pads = 0
            for j in 0..<4 {
                let c = chars[i + j]
                if c == UInt8(ascii: "=") {
                    guard i + 4 == chars.count, j >= 2 else { throw DotNetException.format(badBase64) }
                    pads += 1
                } else {
                    guard pads == 0, lookup[Int(c)] >= 0 else { throw DotNetException.format(badBase64) }
                    quad[j] = lookup[Int(c)]
                }
            }
            bytes.append(UInt8(quad[0] << 2 | quad[1] >> 4))
            if pads < 2 { bytes.append(UInt8((quad[1] & 15) << 4 | quad[2] >> 2)) }
            if pads < 1 { bytes.append(UInt8((quad[2] & 3) << 6 | quad[3])) }
            i += 4
        }
        return bytes
    }

    /// A `byte[]` argument (null is ArgumentNullException of `name`).
    package static func byteArgument(_ c: DotNetCall, _ i: Int, _ name: String) throws -> [UInt8] {
        guard !c.value(i).isNull else { throw DotNetException.argumentNull(name) }
        return (c.value(i).enumerated ?? [c.value(i)]).map { UInt8(truncatingIfNeeded: LanguagePrimitives.toInt64($0) ?? 0) }
    }

    /// A `byte[]` value.
    package static func bytes(_ list: [UInt8]) -> PSValue {
        .array(PSArray(list.map { .byte($0) }, elementTypeName: "System.Byte"))
    }

    static let convert = DotNetType("System.Convert", kind: .staticClass) { t in
        for target in targets {
            let alias = target.spec.aliases[0]
            t.staticMethod(target.method, alias, "System.Object value") { c in try toInteger(c.value(0), target.spec) }
            t.staticMethod(target.method, alias, "string value, int fromBase") { c in
                try parse(c.string(0), base: c.int64(1), target.spec, bits: target.bits)
            }
        }
        for (type, bits) in [("byte", 8), ("short", 16), ("int", 32), ("long", 64)] {
            t.staticMethod("ToString", "string", "\(type) value, int toBase") { c in try toString(c, bits: bits) }
        }
        t.staticMethod("ToString", "string", "System.Object value") { c in .string(LanguagePrimitives.toString(c.value(0))) }
        t.staticMethod("ToString", "string", "System.Object value, System.IFormatProvider provider") { c in
            .string(LanguagePrimitives.toString(c.value(0)))
        }
        t.staticMethod("ToBase64String", "string", "byte[] inArray") { c in .string(base64(try byteArgument(c, 0, "inArray"))) }
        t.staticMethod("ToBase64String", "string", "byte[] inArray, int offset, int length") { c in
            let b = try byteArgument(c, 0, "inArray"), offset = c.int64(1), length = c.int64(2)
            guard length >= 0 else { throw DotNetException.outOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.") }
            guard offset >= 0 else { throw DotNetException.outOfRange("offset", "Value must be positive.") }
            guard offset <= Int64(b.count) - length else {
                throw DotNetException.outOfRange("offset", "Offset and length must refer to a position in the string.")
            }
            return .string(base64(Array(b[Int(offset)..<Int(offset + length)])))
        }
        t.staticMethod("FromBase64String", "byte[]", "string s") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            return bytes(try fromBase64(s))
        }
        t.staticMethod("ToBoolean", "bool", "System.Object value") { c in
            switch c.value(0) {
            case .string(let s):
                switch s.trimmedWhitespace.lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: throw DotNetException.format("String was not recognized as a valid Boolean.")
                }
            case .null: return .bool(false)
            default: return .bool(LanguagePrimitives.isTrue(c.value(0)))
            }
        }
        t.staticMethod("ToDouble", "double", "System.Object value") { c in
            if case .string(let s) = c.value(0) { return .double(try NumericTypes.parseDouble(s)) }
            guard let d = LanguagePrimitives.toDouble(c.value(0)) else {
                throw DotNetException("System.InvalidCastException",
                                      "Unable to cast object of type '\(c.value(0).typeName)' to type 'System.IConvertible'.")
            }
            return .double(d)
        }
        t.staticMethod("ToDecimal", "decimal", "System.Object value") { c in
            if case .string(let s) = c.value(0) {
                guard let d = Decimal(string: s.trimmedWhitespace), !s.trimmedWhitespace.isEmpty else { throw DotNetException.format() }
                return .decimal(d)
            }
            return .decimal(LanguagePrimitives.toDecimal(c.value(0)))
        }
        t.staticMethod("ToChar", "char", "System.Object value") { c in
            if case .string(let s) = c.value(0) {
                guard s.count == 1, let ch = s.first else { throw DotNetException.format("String must be exactly one character long.") }
                return .char(ch)
            }
            let n = LanguagePrimitives.toInt64(c.value(0)) ?? -1
            guard n >= 0, n <= 0xFFFF, let scalar = Unicode.Scalar(UInt32(n)) else {
                throw DotNetException.overflow(FrameworkText.overflowOf("a character"))
            }
            return .char(Character(scalar))
        }
        t.staticMethod("ToDateTime", "datetime", "System.Object value") { c in
            if c.value(0).isNull { return c.make("System.DateTime", DateValue(ticks: 0, kind: 0)) }
            if case .string(let s) = c.value(0) { return c.make("System.DateTime", try DateParsing.parse(s)) }
            guard let date = c.payload(0, DateValue.self) else {
                throw DotNetException("System.InvalidCastException", "Invalid cast from '\(c.value(0).shortTypeName)' to 'DateTime'.")
            }
            return c.make("System.DateTime", date)
        }
        t.staticMethod("ChangeType", "System.Object", "System.Object value, type conversionType") { c in
            let target = try c.typeArgument(1)
            do {
                return try c.engine.types.convertArgument(c.value(0), to: target.fullName, engine: c.engine)
            } catch {
                throw DotNetException("System.InvalidCastException",
                                      "Invalid cast from '\(c.value(0).typeName)' to '\(target.fullName)'.")
            }
        }
    }

    static let bitConverter = DotNetType("System.BitConverter", kind: .staticClass) { t in
        t.staticProperty("IsLittleEndian", "bool") { _ in .bool(true) }
        @Sendable func little(_ v: UInt64, _ n: Int) -> PSValue { bytes((0..<n).map { UInt8(truncatingIfNeeded: v >> UInt64(8 * $0)) }) }
        t.staticMethod("GetBytes", "byte[]", "int value") { c in little(UInt64(bitPattern: c.int64(0)), 4) }
        t.staticMethod("GetBytes", "byte[]", "long value") { c in little(UInt64(bitPattern: c.int64(0)), 8) }
        t.staticMethod("GetBytes", "byte[]", "short value") { c in little(UInt64(bitPattern: c.int64(0)), 2) }
        t.staticMethod("GetBytes", "byte[]", "double value") { c in little(c.double(0).bitPattern, 8) }
        t.staticMethod("GetBytes", "byte[]", "bool value") { c in bytes([c.bool(0) ? 1 : 0]) }
        @Sendable func read(_ c: DotNetCall, _ n: Int) throws -> UInt64 {
            let b = try byteArgument(c, 0, "value"), start = c.int64(1)
            guard start >= 0, start < Int64(b.count) else {
                throw DotNetException.outOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.")
            }
            guard start <= Int64(b.count - n) else {
                throw DotNetException.argument("Destination array is not long enough to copy all the items in the collection. Check array index and length.")
            }
            return (0..<n).reduce(UInt64(0)) { $0 | UInt64(b[Int(start) + $1]) << UInt64(8 * $1) }
        }
        t.staticMethod("ToInt32", "int", "byte[] value, int startIndex") { c in .int32(Int32(truncatingIfNeeded: try read(c, 4))) }
        t.staticMethod("ToInt64", "long", "byte[] value, int startIndex") { c in .int64(Int64(bitPattern: try read(c, 8))) }
        t.staticMethod("ToInt16", "short", "byte[] value, int startIndex") { c in .int32(Int32(Int16(truncatingIfNeeded: try read(c, 2)))) }
        t.staticMethod("ToUInt32", "uint", "byte[] value, int startIndex") { c in .uint32(UInt32(truncatingIfNeeded: try read(c, 4))) }
        t.staticMethod("ToDouble", "double", "byte[] value, int startIndex") { c in .double(Double(bitPattern: try read(c, 8))) }
        t.staticMethod("ToString", "string", "byte[] value") { c in
            .string(try byteArgument(c, 0, "value").map { String($0, radix: 16, uppercase: true).leftPadded(to: 2, with: "0") }
                .joined(separator: "-"))
        }
    }
}
