import FoundationEssentials

/// Conversions to the types scripts name in casts and parameter declarations.
package enum Conversion {

    /// Resolves a type name as written in a cast or constraint (`int`, `System.Int32`, `uint32[]`).
    package static func parameterType(named raw: String) -> ParameterType? {
        var name = raw.lowercased()
        if name.hasPrefix("system.") { name.removeFirst(7) }
        if name.hasSuffix("[]") {
            return parameterType(named: String(raw.dropLast(2))).map { .array($0) }
        }
        switch name {
        case "bool", "boolean": return .boolean
        case "switch", "management.automation.switchparameter", "switchparameter": return .switchParameter
        case "int", "int32": return .int32
        case "long", "int64": return .int64
        case "uint32", "uint": return .uint32
        case "uint64", "ulong": return .uint64
        case "double", "float", "single": return .double
        case "string": return .string
        case "char": return .char
        case "byte": return .byte
        case "scriptblock", "management.automation.scriptblock": return .scriptBlock
        case "hashtable", "collections.hashtable": return .hashtable
        case "object": return .object
        case "psobject", "management.automation.psobject": return .psObject
        case "array": return .array(.object)
        default: return nil
        }
    }

    /// Converts for a parameter or cast. Errors carry .NET Framework's wording.
    package static func convert(_ value: PSValue, to type: ParameterType) throws(ConversionFailure) -> PSValue {
        switch type {
        case .object, .psObject: return value
        case .boolean, .switchParameter: return try toBoolean(value, type: type)
        case .int32, .int64, .uint32, .uint64, .byte, .double:
            return try toNumber(value, type: type)
        case .string:
            if value.isNull { return .null }
            return .string(LanguagePrimitives.toString(value))
        case .char:
            let s = LanguagePrimitives.toString(value)
            // An integer is a UTF-16 code (`[char]7` is BEL, not '7').
            let code: UInt64?
            switch value {
            case .int32(let n): code = n < 0 ? UInt64.max : UInt64(n)
            case .int64(let n): code = n < 0 ? UInt64.max : UInt64(n)
            case .uint32(let n): code = UInt64(n)
            case .uint64(let n): code = n
            case .byte(let n): code = UInt64(n)
            default: code = nil
            }
            if let code {
                guard code <= 0xFFFF else {
                    throw ConversionFailure(Messages.format("InvalidCastException", s, "System.Char",
                        "Value was either too large or too small for a character."), errorId: "InvalidCastIConvertible")
                }
                return .char(Unicode.Scalar(UInt32(code)).map(Character.init) ?? "\u{FFFD}")
            }
            if s.count == 1, let c = s.first { return .char(c) }
            if let n = LanguagePrimitives.toInt64(value), let scalar = Unicode.Scalar(UInt32(clamping: n)) {
                return .char(Character(scalar))
            }
            throw ConversionFailure(Messages.format("InvalidCastException", s, "System.Char",
                "String must be exactly one character long."), errorId: "InvalidCastParseTargetInvocation")
        case .enumeration(let typeName, let values):
            let text = LanguagePrimitives.toString(value)
            if let match = values.first(where: { $0.caseInsensitiveEquals(text.trimmedWhitespace) }) {
                return .string(match)
            }
            // A number names the member with that value (`-ErrorAction 0` is SilentlyContinue).
            if value.isNumeric, let number = LanguagePrimitives.toInt64(value),
               let member = StandardTypes.declaration(of: typeName)?.enumValues.first(where: { $0.value == number }),
               let match = values.first(where: { $0.caseInsensitiveEquals(member.name) }) {
                return .string(match)
            }
            if !value.isNumeric, let match = try DotNetEnum.disambiguate(text, names: values, typeName: typeName) {
                return .string(match)
            }
            // .NET Framework's Enum.Parse text, as Windows PowerShell 5.1 wraps it.
            throw ConversionFailure(Messages.format("InvalidCastException", text, typeName,
                "Unable to match the identifier name \(text) to a valid enumerator name. Specify one of the following enumerator names and try again:\n"
                + values.joined(separator: ", ")), errorId: "InvalidCastFromStringToEnum")
        case .scriptBlock:
            if case .scriptBlock = value { return value }
            if value.isNull { return .null }  // null converts to any reference type as null
            throw ConversionFailure(Messages.format("ConvertToFinalInvalidCastException",
                LanguagePrimitives.toString(value), value.typeName, type.dotNetName), errorId: "ConvertToFinalInvalidCastException")
        case .hashtable:
            if case .hashtable = value { return value }
            if value.isNull { return .null }
            throw ConversionFailure(Messages.format("ConvertToFinalInvalidCastException",
                LanguagePrimitives.toString(value), value.typeName, type.dotNetName), errorId: "ConvertToFinalInvalidCastException")
        case .array(let element):
            // `[char[]]'abc'` is the string's characters: .NET's one per code unit, so "`r`n" is two.
            if element == .char, case .string(let text) = value {
                return .array(PSArray(LanguagePrimitives.chars(of: text), elementTypeName: "System.Char"))
            }
            let items = value.enumerated ?? (value.isNull ? [] : [value])
            var converted: [PSValue] = []
            converted.reserveCapacity(items.count)
            for item in items { converted.append(try convert(item, to: element)) }
            return .array(PSArray(converted, elementTypeName: element == .object ? "System.Object"
                                                               : String(element.dotNetName)))
        }
    }

    /// `[bool]` parameters accept only Booleans and numbers (ArgumentTypeConverterAttribute.CheckBoolValue).
    package static func toBoolean(_ value: PSValue, type: ParameterType) throws(ConversionFailure) -> PSValue {
        let result: Bool
        switch value {
        case .bool(let b), .switchParameter(let b): result = b
        case .int32, .int64, .uint32, .uint64, .byte, .double, .decimal:
            result = LanguagePrimitives.isTrue(value)
        case .array(let a) where a.items.count == 1:
            return try toBoolean(a.items[0], type: type)
        case .null where type == .switchParameter:
            // CheckBoolValue refuses $null only for [bool]; $null converts to a switch that is not present.
            result = false
        default:
            throw ConversionFailure(Messages.format("InvalidCastExceptionForBooleanArgumentValue",
                value.isNull ? "" : value.typeName, type.dotNetName), errorId: "InvalidCastExceptionUnsupportedParameterType")
        }
        return type == .switchParameter ? .switchParameter(result) : .bool(result)
    }

    /// Numeric conversion with .NET's range checks and banker's rounding of doubles.
    package static func toNumber(_ value: PSValue, type: ParameterType) throws(ConversionFailure) -> PSValue {
        var source = value
        if case .array(let a) = value, a.items.count == 1 { source = a.items[0] }
        if case .string(let s) = source {
            guard let parsed = LanguagePrimitives.parseNumber(s) else {
                throw ConversionFailure(Messages.format("InvalidCastFromStringToInteger", s, type.dotNetName,
                    "Input string was not in a correct format."))
            }
            source = parsed
        }
        if case .null = source { source = .int32(0) }
        do {
            return try toNumber(source, original: value, type: type)
        } catch {
            // A hexadecimal text the number scanner reads as a negative signed value falls back, as
            // in LanguagePrimitives, to the type's TypeConverter: `[uint32]'0x80000002'` is 2147483650.
            if case .string(let s) = value, let bits = hexadecimalBits(s) {
                switch type {
                case .uint32: if let v = UInt32(exactly: bits) { return .uint32(v) }
                case .uint64: return .uint64(bits)
                case .int32: if let v = UInt32(exactly: bits) { return .int32(Int32(bitPattern: v)) }
                case .int64: return .int64(Int64(bitPattern: bits))
                case .byte: if let v = UInt8(exactly: bits) { return .byte(v) }
                default: break
                }
            }
            throw error
        }
    }

    /// The value of `0x…` text (at most 16 hexadecimal digits), as .NET's integer converters read it.
    private static func hexadecimalBits(_ text: String) -> UInt64? {
        let t = text.trimmedWhitespace
        guard t.count > 2, t.hasPrefix("0x") || t.hasPrefix("0X") else { return nil }
        return UInt64(String(t.dropFirst(2)), radix: 16)
    }

    private static func toNumber(_ source: PSValue, original value: PSValue, type: ParameterType) throws(ConversionFailure) -> PSValue {
        func tooBig() -> ConversionFailure {
            ConversionFailure(Messages.format("InvalidCastException", LanguagePrimitives.toString(value),
                type.dotNetName, "Value was either too large or too small for \(overflowNoun(type))."),
                errorId: "InvalidCastIConvertible")
        }
        if type == .double {
            guard let d = LanguagePrimitives.toDouble(source) else { throw notNumeric(value, type) }
            return .double(d)
        }
        let integer: Int64
        var unsignedLarge: UInt64? = nil
        switch source {
        case .double(let d):
            guard d.isFinite, abs(d) < 1.8e19 else { throw tooBig() }
            let r = d.rounded(.toNearestOrEven)
            if r >= 9.2e18 { unsignedLarge = UInt64(r); integer = 0 } else if r <= -9.2e18 { throw tooBig() } else { integer = Int64(r) }
        case .decimal(let d):
            let r = d.doubleValue.rounded(.toNearestOrEven)
            guard abs(r) < 9.2e18 else { throw tooBig() }
            integer = Int64(r)
        case .uint64(let u):
            if u > UInt64(Int64.max) { unsignedLarge = u; integer = 0 } else { integer = Int64(u) }
        default:
            guard let i = LanguagePrimitives.toInt64(source) else { throw notNumeric(value, type) }
            integer = i
        }
        switch type {
        case .int32:
            guard unsignedLarge == nil, let v = Int32(exactly: integer) else { throw tooBig() }
            return .int32(v)
        case .int64:
            guard unsignedLarge == nil else { throw tooBig() }
            return .int64(integer)
        case .uint32:
            guard unsignedLarge == nil, let v = UInt32(exactly: integer) else { throw tooBig() }
            return .uint32(v)
        case .uint64:
            if let u = unsignedLarge { return .uint64(u) }
            guard let v = UInt64(exactly: integer) else { throw tooBig() }
            return .uint64(v)
        case .byte:
            guard unsignedLarge == nil, let v = UInt8(exactly: integer) else { throw tooBig() }
            return .byte(v)
        default:
            return .int64(integer)
        }
    }

    /// .NET's Overflow_* texts: "an Int32", "a UInt32", "an unsigned byte".
    private static func overflowNoun(_ type: ParameterType) -> String {
        switch type {
        case .int32: return "an Int32"
        case .int64: return "an Int64"
        case .uint32: return "a UInt32"
        case .uint64: return "a UInt64"
        case .byte: return "an unsigned byte"
        default: return "a " + type.syntaxName
        }
    }

    private static func notNumeric(_ value: PSValue, _ type: ParameterType) -> ConversionFailure {
        ConversionFailure(Messages.format("ConvertToFinalInvalidCastException", LanguagePrimitives.toString(value),
            value.typeName, type.dotNetName), errorId: "ConvertToFinalInvalidCastException")
    }
}
