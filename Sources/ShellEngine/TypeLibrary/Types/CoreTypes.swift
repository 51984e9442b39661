import CmdletParser
import FoundationEssentials

/// System.Object, System.Type, System.Enum, the interfaces scripts test with `-is`, and the
/// small types every script meets (Boolean, Char, Void, ScriptBlock, SwitchParameter, [ref]).
enum CoreTypes {
    static func all() -> [DotNetType] {
        [object, valueType, enumType, type, runtimeType, boolean, char] + interfaces + automation
    }

    static let object = DotNetType("System.Object", aliases: ["object"], base: nil) { t in
        t.constructor { _ in .object(PSCustomObject()) }
        t.method("ToString", "string") { c in
            if case .object(let o as DotNetObject) = c.this { return .string(o.type.fullName) }
            return .string(LanguagePrimitives.toString(c.this))
        }
        t.method("Equals", "bool", "System.Object obj") { c in
            .bool(Operators.equals(c.this, c.value(0), caseSensitive: true)
                  && c.engine.types.valueTypeName(c.this) == c.engine.types.valueTypeName(c.value(0)))
        }
        t.method("GetHashCode", "int") { c in .int32(Int32(truncatingIfNeeded: HashKey(c.this).hashValue)) }
        t.method("GetType", "type") { c in .type(PSTypeInfo(fullName: c.engine.types.valueTypeName(c.this))) }
        t.staticMethod("ReferenceEquals", "bool", "System.Object objA, System.Object objB") { c in
            switch (c.value(0), c.value(1)) {
            case (.null, .null): return .bool(true)
            case (.object(let a), .object(let b)): return .bool(a === b)
            case (.array(let a), .array(let b)): return .bool(a === b)
            case (.hashtable(let a), .hashtable(let b)): return .bool(a === b)
            default: return .bool(false)
            }
        }
    }

    static let valueType = DotNetType("System.ValueType")

    static let enumType = DotNetType("System.Enum", base: "System.ValueType",
                                     interfaces: ["System.IComparable", "System.IFormattable", "System.IConvertible"]) { t in
        @Sendable func number(_ c: DotNetCall) -> Int64 { DotNetEnum.numericValue(c.this) ?? 0 }
        @Sendable func declared(_ c: DotNetCall) -> DotNetType? {
            if case .object(let o as DotNetObject) = c.this { return o.type }
            return nil
        }
        t.method("ToString", "string") { c in
            guard let type = declared(c) else { return .string(LanguagePrimitives.toString(c.this)) }
            return .string(DotNetEnum.name(number(c), of: type))
        }
        t.method("ToString", "string", "string format") { c in
            guard let type = declared(c) else { return .string(LanguagePrimitives.toString(c.this)) }
            switch c.text(0) {
            case "", "G", "g", "F", "f": return .string(DotNetEnum.name(number(c), of: type))
            case "D", "d": return .string(String(number(c)))
            case "X", "x": return .string(String(String(UInt32(truncatingIfNeeded: number(c)), radix: 16).uppercased()
                .leftPadded(to: 8, with: "0")))
            default: throw DotNetException.format("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".")
            }
        }
        t.method("HasFlag", "bool", "System.Enum flag") { c in
            let flag = DotNetEnum.numericValue(c.value(0)) ?? 0
            return .bool(number(c) & flag == flag)
        }
        t.method("CompareTo", "int", "System.Object target") { c in
            let other = DotNetEnum.numericValue(c.value(0)) ?? 0
            return .int32(number(c) < other ? -1 : number(c) > other ? 1 : 0)
        }
        t.method("GetHashCode", "int") { c in .int32(Int32(truncatingIfNeeded: number(c))) }
        t.property("value__", "int") { c in .int32(Int32(truncatingIfNeeded: number(c))) }
        @Sendable func enumDeclaration(_ c: DotNetCall) throws -> DotNetType {
            let info = try c.typeArgument(0)
            guard let type = c.engine.types.type(named: info.fullName), type.isEnum else {
                throw DotNetException.argument("Type provided must be an Enum.", "enumType")
            }
            return type
        }
        t.staticMethod("GetNames", "string[]", "type enumType") { c in
            .array(PSArray(try enumDeclaration(c).enumValues.map { .string($0.name) }, elementTypeName: "System.String"))
        }
        t.staticMethod("GetValues", "array", "type enumType") { c in
            let type = try enumDeclaration(c)
            return .array(PSArray(type.enumValues.map { DotNetEnum.value($0.value, of: type, engine: c.engine) },
                                  elementTypeName: type.fullName))
        }
        t.staticMethod("GetName", "string", "type enumType, System.Object value") { c in
            let type = try enumDeclaration(c)
            let n = DotNetEnum.numericValue(c.value(1)) ?? LanguagePrimitives.toInt64(c.value(1)) ?? 0
            return type.enumValues.first { $0.value == n }.map { .string($0.name) } ?? .null
        }
        t.staticMethod("IsDefined", "bool", "type enumType, System.Object value") { c in
            let type = try enumDeclaration(c)
            if case .string(let s) = c.value(1) { return .bool(type.enumValues.contains { $0.name == s }) }
            let n = DotNetEnum.numericValue(c.value(1)) ?? 0
            return .bool(type.enumValues.contains { $0.value == n })
        }
        let parse: DotNetMethod.Body = { c in
            let type = try enumDeclaration(c)
            let text = c.text(1)
            let ignoreCase = c.args.count > 2 && c.bool(2)
            let parts = text.split(separator: ",").map { String($0).trimmedWhitespace }
            guard !text.trimmedWhitespace.isEmpty else {
                throw DotNetException.argument("Must specify valid information for parsing in the string.")
            }
            var result: Int64 = 0
            for part in parts {
                if let n = Int64(part) { result |= n; continue }
                guard let match = type.enumValues.first(where: { ignoreCase ? $0.name.caseInsensitiveEquals(part) : $0.name == part })
                else { throw DotNetException.argument("Requested value '\(part)' was not found.") }
                result |= match.value
            }
            return DotNetEnum.value(result, of: type, engine: c.engine)
        }
        t.staticMethod("Parse", "System.Object", "type enumType, string value", parse)
        t.staticMethod("Parse", "System.Object", "type enumType, string value, bool ignoreCase", parse)
        t.staticMethod("ToObject", "System.Object", "type enumType, long value") { c in
            DotNetEnum.value(c.int64(1), of: try enumDeclaration(c), engine: c.engine)
        }
    }

    static let type = DotNetType("System.Type", aliases: ["type"], base: "System.Reflection.MemberInfo") { t in
        @Sendable func info(_ c: DotNetCall) -> PSTypeInfo {
            if case .type(let i) = c.this { return i }
            return PSTypeInfo(fullName: "System.Object")
        }
        @Sendable func declared(_ c: DotNetCall) -> DotNetType? { c.engine.types.type(named: info(c).fullName) }
        t.property("Name", "string") { c in .string(TypeNames.shortName(info(c).fullName)) }
        t.property("FullName", "string") { c in .string(info(c).fullName) }
        t.property("Namespace", "string") { c in
            let name = GenericName(info(c).fullName)?.definition ?? info(c).fullName
            return .string(name.split(separator: ".").dropLast().joined(separator: "."))
        }
        t.property("AssemblyQualifiedName", "string") { c in .string(info(c).fullName + ", " + GenericName.mscorlib) }
        t.property("BaseType", "type") { c in
            let names = c.engine.types.typeNames(of: info(c).fullName)
            return names.count > 1 ? .type(PSTypeInfo(fullName: names[1])) : .null
        }
        t.property("IsValueType", "bool") { c in .bool(declared(c)?.isValueType ?? false) }
        t.property("IsEnum", "bool") { c in .bool(declared(c)?.isEnum ?? false) }
        t.property("IsArray", "bool") { c in .bool(info(c).fullName.hasSuffix("]") && GenericName(info(c).fullName) == nil) }
        t.property("IsGenericType", "bool") { c in .bool(GenericName(info(c).fullName) != nil || (declared(c)?.genericArity ?? 0) > 0) }
        t.property("IsInterface", "bool") { c in
            if case .interface? = declared(c)?.kind { return .bool(true) }
            return .bool(false)
        }
        t.property("IsClass", "bool") { c in
            guard let d = declared(c) else { return .bool(true) }
            if case .interface = d.kind { return .bool(false) }
            return .bool(!d.isValueType)
        }
        t.property("IsPublic", "bool") { _ in .bool(true) }
        t.property("UnderlyingSystemType", "type") { c in .type(info(c)) }
        t.method("ToString", "string") { c in .string(info(c).fullName) }
        t.method("IsAssignableFrom", "bool", "type c") { c in
            guard case .type(let other) = c.value(0) else { return .bool(false) }
            return .bool(c.engine.types.isAssignable(from: other.fullName, to: info(c).fullName))
        }
        t.method("IsSubclassOf", "bool", "type c") { c in
            guard case .type(let other) = c.value(0), other != info(c) else { return .bool(false) }
            return .bool(c.engine.types.typeNames(of: info(c).fullName).contains(other.fullName))
        }
        t.method("IsInstanceOfType", "bool", "System.Object o") { c in
            .bool(!c.value(0).isNull && c.engine.types.isAssignable(from: c.engine.types.valueTypeName(c.value(0)),
                                                                     to: info(c).fullName))
        }
        t.method("GetEnumNames", "string[]") { c in
            .array(PSArray((declared(c)?.enumValues ?? []).map { .string($0.name) }, elementTypeName: "System.String"))
        }
        t.method("GetEnumValues", "array") { c in
            guard let d = declared(c) else { return .array(PSArray([])) }
            return .array(PSArray(d.enumValues.map { DotNetEnum.value($0.value, of: d, engine: c.engine) }, elementTypeName: d.fullName))
        }
        t.method("GetGenericArguments", "type[]") { c in
            .array(PSArray((GenericName(info(c).fullName)?.arguments ?? []).map { .type(PSTypeInfo(fullName: $0)) },
                           elementTypeName: "System.Type"))
        }
        t.method("GetElementType", "type") { c in
            let name = info(c).fullName
            return name.hasSuffix("[]") ? .type(PSTypeInfo(fullName: String(name.dropLast(2)))) : .null
        }
        t.method("MakeArrayType", "type") { c in .type(PSTypeInfo(fullName: info(c).fullName + "[]")) }
        t.method("GetTypeInfo", "System.Reflection.TypeInfo") { c in c.this }
        t.converts { value, _, engine in
            guard case .string(let name) = value else { return nil }
            return engine.types.resolve(name).map { .type($0) }
        }
        t.staticMethod("GetType", "type", "string typeName") { c in
            c.engine.types.resolve(c.text(0)).map { .type($0) } ?? .null
        }
    }
    static let runtimeType = DotNetType("System.RuntimeType", base: "System.Reflection.TypeInfo")

    static let boolean = DotNetType("System.Boolean", aliases: ["bool"], kind: .valueType,
                                    interfaces: ["System.IComparable", "System.IConvertible"]) { t in
        t.staticProperty("TrueString", "string") { _ in .string("True") }
        t.staticProperty("FalseString", "string") { _ in .string("False") }
        @Sendable func parse(_ text: String?) throws -> Bool {
            guard let text else { throw DotNetException.argumentNull("value") }
            switch text.trimmedWhitespace.lowercased() {
            case "true": return true
            case "false": return false
            default: throw DotNetException.format("String was not recognized as a valid Boolean.")
            }
        }
        t.staticMethod("Parse", "bool", "string value") { c in .bool(try parse(c.string(0))) }
        t.staticMethod("TryParse", "bool", "string value, System.Management.Automation.PSReference result") { c in
            guard let b = try? parse(c.string(0)) else { try c.setReference(1, .bool(false)); return .bool(false) }
            try c.setReference(1, .bool(b))
            return .bool(true)
        }
        t.method("CompareTo", "int", "System.Object obj") { c in
            let a = LanguagePrimitives.isTrue(c.this), b = LanguagePrimitives.isTrue(c.value(0))
            return .int32(a == b ? 0 : a ? 1 : -1)
        }
    }

    static let char = DotNetType("System.Char", aliases: ["char"], kind: .valueType,
                                 interfaces: ["System.IComparable", "System.IConvertible"]) { t in
        t.staticProperty("MaxValue", "char") { _ in .char("\u{FFFF}") }
        t.staticProperty("MinValue", "char") { _ in .char("\0") }
        let tests: [(String, @Sendable (Character) -> Bool)] = [
            ("IsDigit", { $0.isASCII ? $0.isNumber : $0.unicodeScalars.first?.properties.numericType == .decimal }),
            ("IsLetter", { $0.isLetter }), ("IsWhiteSpace", { $0.isWhitespace }), ("IsUpper", { $0.isUppercase }),
            ("IsLower", { $0.isLowercase }), ("IsLetterOrDigit", { $0.isLetter || $0.isNumber }),
            ("IsPunctuation", { $0.isPunctuation }), ("IsControl", { $0.unicodeScalars.first?.properties.generalCategory == .control }),
            ("IsNumber", { $0.isNumber }), ("IsSymbol", { $0.isSymbol }), ("IsSeparator", { $0 == " " || $0 == "\u{00A0}" }),
            ("IsSurrogate", { _ in false }), ("IsHighSurrogate", { _ in false }), ("IsLowSurrogate", { _ in false }),
        ]
        for (name, test) in tests {
            t.staticMethod(name, "bool", "char c") { c in .bool(test(c.char(0))) }
            t.staticMethod(name, "bool", "string s, int index") { c in
                guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
                let chars = Array(s)
                guard c.int(1) >= 0, c.int(1) < chars.count else { throw DotNetException.outOfRange("index", FrameworkText.indexString) }
                return .bool(test(chars[c.int(1)]))
            }
        }
        t.staticMethod("ToUpper", "char", "char c") { c in .char(Character(String(c.char(0)).uppercased())) }
        t.staticMethod("ToLower", "char", "char c") { c in .char(Character(String(c.char(0)).lowercased())) }
        t.staticMethod("ToUpperInvariant", "char", "char c") { c in .char(Character(String(c.char(0)).uppercased())) }
        t.staticMethod("ToLowerInvariant", "char", "char c") { c in .char(Character(String(c.char(0)).lowercased())) }
        t.staticMethod("ToString", "string", "char c") { c in .string(String(c.char(0))) }
        t.staticMethod("GetNumericValue", "double", "char c") { c in .double(c.char(0).wholeNumberValue.map(Double.init) ?? -1) }
        t.staticMethod("ConvertFromUtf32", "string", "int utf32") { c in
            guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: c.int64(0))), c.int64(0) >= 0, c.int64(0) <= 0x10FFFF else {
                throw DotNetException.outOfRange("utf32", "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).")
            }
            return .string(String(Character(scalar)))
        }
        t.staticMethod("Parse", "char", "string s") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            guard s.count == 1, let ch = s.first else { throw DotNetException.format("String must be exactly one character long.") }
            return .char(ch)
        }
        t.method("CompareTo", "int", "System.Object value") { c in
            let a = c.this.charCode, b = c.value(0).charCode
            // Any number converts here, so the difference may not fit: its sign is what counts.
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            return .int32(overflow ? (a < b ? Int32.min : Int32.max) : Int32(clamping: difference))
        }
    }

    static let interfaces: [DotNetType] = [
        "System.IComparable", "System.IFormattable", "System.IConvertible", "System.ICloneable", "System.IDisposable",
        "System.IEquatable`1", "System.IFormatProvider", "System.Collections.IEnumerable", "System.Collections.ICollection",
        "System.Collections.IList", "System.Collections.IDictionary", "System.Collections.IEqualityComparer",
        "System.Collections.IComparer", "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IList`1", "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.IEqualityComparer`1", "System.Collections.Generic.IComparer`1",
    ].map { name in
        DotNetType(name, kind: .interface, genericArity: name.contains("`") ? Int(String(name.last ?? "0")) ?? 0 : 0)
    }

    static let automation: [DotNetType] = [
        DotNetType("System.Void", aliases: ["void"], kind: .valueType),
        DotNetType("System.Reflection.MemberInfo"),
        DotNetType("System.Reflection.TypeInfo", base: "System.Type"),
        DotNetType("System.Management.Automation.ScriptBlock", aliases: ["scriptblock"]) { t in
            t.staticMethod("Create", "scriptblock", "string script") { c in
                let parsed = Parser.parseInput(c.text(0))
                if !parsed.errors.isEmpty { throw DotNetException.parse(parsed.errors) }
                return .scriptBlock(ScriptBlock(ast: parsed.ast))
            }
        },
        DotNetType("System.Management.Automation.SwitchParameter", aliases: ["switch"], kind: .valueType) { t in
            t.property("IsPresent", "bool") { c in .bool(LanguagePrimitives.isTrue(c.this)) }
            t.method("ToBool", "bool") { c in .bool(LanguagePrimitives.isTrue(c.this)) }
            t.staticProperty("Present", "switch") { _ in .switchParameter(true) }
        },
        DotNetType("System.Management.Automation.PSReference", aliases: ["ref"]) { t in
            t.constructor("System.Object value") { c in c.make("System.Management.Automation.PSReference", ReferenceBox(value: c.value(0))) }
            t.property("Value", "System.Object", { c in c.payload(ReferenceBox.self)?.get() ?? .null },
                       set: { c, v in try c.payload(ReferenceBox.self)?.set(v) })
        },
        DotNetType("System.Management.Automation.PSObject", aliases: ["psobject", "pscustomobject"]) { t in
            t.constructor { _ in .object(PSCustomObject()) }
        },
        DotNetType("System.Management.Automation.PSCustomObject"),
        DotNetType("System.Management.Automation.Internal.AutomationNull") { t in
            t.staticProperty("Value", "psobject") { _ in .null }
        },
        DotNetType("System.Xml.XmlDocument", aliases: ["xml"]),
        // Regex members are RegexTypes' (Sources/ShellEngine/RegularExpressions); the library knows the name.
        DotNetType("System.Text.RegularExpressions.Regex", aliases: ["regex"]),
    ]
}

extension PSValue {
    /// A char's code (or a number's value) for comparisons.
    var charCode: Int64 {
        if case .char(let ch) = self { return Int64(ch.unicodeScalars.first?.value ?? 0) }
        return LanguagePrimitives.toInt64(self) ?? 0
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character) -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

/// Short names of full type names, generic ones included (``List`1``).
package enum TypeNames {
    package static func shortName(_ fullName: String) -> String {
        let definition = GenericName(fullName)?.definition ?? fullName
        return String(definition.split(separator: ".").last ?? Substring(definition))
    }
}
