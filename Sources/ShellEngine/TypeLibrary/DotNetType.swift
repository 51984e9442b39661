import FoundationEssentials

/// One .NET type as the shell knows it: declared once, as data. Casts, `-is`, `catch [T]`,
/// `::new`, `New-Object`, member calls, `Get-Member` and completion all read this declaration.
package final class DotNetType: @unchecked Sendable {
    package enum Kind: Sendable { case referenceType, valueType, enumeration(flags: Bool), interface, staticClass }

    package let fullName: String
    /// PowerShell's type accelerators for the type (`int`, `hashtable`, `regex`).
    package let aliases: [String]
    package let kind: Kind
    /// The base type's full name (nil for System.Object and interfaces).
    package let baseType: String?
    package let interfaces: [String]
    package private(set) var constructors: [DotNetMethod] = []
    package private(set) var staticMethods: [DotNetMethod] = []
    package private(set) var methods: [DotNetMethod] = []
    package private(set) var staticProperties: [DotNetProperty] = []
    package private(set) var properties: [DotNetProperty] = []
    /// Enum members in declaration order.
    package private(set) var enumValues: [(name: String, value: Int64)] = []
    /// The number of generic parameters (`List`1` has one).
    package let genericArity: Int
    /// A cast to this type from a value no constructor takes (`[datetime]'2020-01-01'`); nil: not convertible.
    package private(set) var conversion: Conversion?
    /// How PowerShell converts an instance to a string (`"$x"`, `[string]$x`) when that differs
    /// from `ToString()` (DateTime uses the invariant culture).
    package private(set) var stringConversion: (@Sendable (DotNetCall) -> String)?
    /// The one line Out-Default shows for an instance, for types whose format view is a single
    /// line (DateTime's `DateTime` property).
    package private(set) var display: (@Sendable (DotNetCall) -> String)?
    package typealias Conversion = @Sendable (_ value: PSValue, _ typeArguments: [String], _ engine: Engine) throws -> PSValue?

    package init(_ fullName: String, aliases: [String] = [], kind: Kind = .referenceType, base: String? = "System.Object",
                 interfaces: [String] = [], genericArity: Int = 0, _ declare: (DotNetType) -> Void = { _ in }) {
        self.fullName = fullName
        self.aliases = aliases
        self.kind = kind
        switch kind {
        case .valueType: self.baseType = base == "System.Object" ? "System.ValueType" : base
        case .enumeration: self.baseType = "System.Enum"
        case .interface: self.baseType = nil
        default: self.baseType = fullName == "System.Object" ? nil : base
        }
        self.interfaces = interfaces
        self.genericArity = genericArity
        declare(self)
    }

    package var name: String {
        String(fullName.split(separator: ".").last ?? Substring(fullName))
    }
    package var isValueType: Bool {
        switch kind {
        case .valueType, .enumeration: return true
        default: return false
        }
    }
    package var isEnum: Bool {
        if case .enumeration = kind { return true }
        return false
    }
    package var isFlags: Bool {
        if case .enumeration(let flags) = kind { return flags }
        return false
    }

    // MARK: Declaring members

    package func constructor(_ parameters: String = "", _ body: @escaping DotNetMethod.Body) {
        constructors.append(DotNetMethod(name: ".ctor", returnType: "void", signature: parameters, body: body))
    }
    package func staticMethod(_ name: String, _ returnType: String, _ parameters: String = "",
                              _ body: @escaping DotNetMethod.Body) {
        staticMethods.append(DotNetMethod(name: name, returnType: returnType, signature: parameters, body: body))
    }
    package func method(_ name: String, _ returnType: String, _ parameters: String = "",
                        _ body: @escaping DotNetMethod.Body) {
        methods.append(DotNetMethod(name: name, returnType: returnType, signature: parameters, body: body))
    }
    package func staticProperty(_ name: String, _ type: String, _ get: @escaping DotNetProperty.Getter,
                                set: DotNetProperty.Setter? = nil) {
        staticProperties.append(DotNetProperty(name: name, type: type, get: get, set: set))
    }
    package func property(_ name: String, _ type: String, _ get: @escaping DotNetProperty.Getter,
                          set: DotNetProperty.Setter? = nil) {
        properties.append(DotNetProperty(name: name, type: type, get: get, set: set))
    }
    package func values(_ list: [(String, Int64)]) {
        enumValues = list.map { (name: $0.0, value: $0.1) }
    }
    /// Enum members numbered 0, 1, 2, … in order.
    package func values(_ names: [String]) {
        enumValues = names.enumerated().map { (name: $0.element, value: Int64($0.offset)) }
    }
    package func convertsToString(_ body: @escaping @Sendable (DotNetCall) -> String) { stringConversion = body }
    package func displays(_ body: @escaping @Sendable (DotNetCall) -> String) { display = body }
    package func converts(_ body: @escaping Conversion) {
        conversion = body
    }
}

/// A method or constructor overload.
package struct DotNetMethod: Sendable {
    package typealias Body = @Sendable (DotNetCall) throws -> PSValue
    package let name: String
    package let returnType: String
    package let parameters: [DotNetParameter]
    /// The last parameter is a `params T[]` array.
    package let isParams: Bool
    package let body: Body

    /// `signature` is C#-like: `"int startIndex, int length"`, `"params object[] args"`.
    init(name: String, returnType: String, signature: String, body: @escaping Body) {
        self.name = name
        self.returnType = returnType
        (parameters, isParams) = Self.parse(signature)
        self.body = body
    }

    /// The parameters of a signature, read over its UTF-8 bytes (the runtime declares hundreds of
    /// overloads when the type library is first used).
    private static func parse(_ signature: String) -> ([DotNetParameter], Bool) {
        var parameters: [DotNetParameter] = []
        var isParams = false
        var signature = signature
        signature.withUTF8 { bytes in
            var words: [String] = []
            var start = 0
            func endWord(_ end: Int) {
                if end > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                start = end + 1
            }
            func endParameter() {
                if words.first == "params" { isParams = true; words.removeFirst() }
                if words.count >= 2 { parameters.append(DotNetParameter(type: words[0], name: words[1])) }
                words.removeAll(keepingCapacity: true)
            }
            for (i, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: " ") {
                    endWord(i)
                } else if byte == UInt8(ascii: ",") {
                    endWord(i)
                    endParameter()
                }
            }
            endWord(bytes.count)
            endParameter()
        }
        return (parameters, isParams)
    }

    /// How Get-Member's Definition column shows the overload: `int IndexOf(char value, int startIndex)`.
    package var definition: String {
        let list = parameters.enumerated().map { i, p in
            (isParams && i == parameters.count - 1 ? "Params " : "") + p.type + " " + p.name
        }
        return "\(returnType) \(name)(\(list.joined(separator: ", ")))"
    }

    package func accepts(count: Int) -> Bool {
        if isParams { return count >= parameters.count - 1 }
        return count == parameters.count
    }
}

package struct DotNetParameter: Sendable {
    /// The C# name of the parameter type (`int`, `string`, `System.StringComparison`, `object[]`).
    package let type: String
    package let name: String
}

package struct DotNetProperty: Sendable {
    package typealias Getter = @Sendable (DotNetCall) throws -> PSValue
    package typealias Setter = @Sendable (DotNetCall, PSValue) throws -> Void
    package let name: String
    package let type: String
    package let get: Getter
    package let set: Setter?

    package var definition: String { "\(type) \(name) {get;\(set == nil ? "" : "set;")}" }
}

/// One call of a member: the target, the arguments already converted to the overload's parameter
/// types, and the engine (for the host, the environment and the file system).
package struct DotNetCall {
    package let engine: Engine
    package let this: PSValue
    package let args: [PSValue]
    /// The type arguments of a generic instantiation (`[List[int]]::new()` has `System.Int32`).
    package let typeArguments: [String]

    package func value(_ i: Int) -> PSValue { i < args.count ? args[i] : .null }
    package func string(_ i: Int) -> String? {
        let v = value(i)
        return v.isNull ? nil : LanguagePrimitives.toString(v)
    }
    package func text(_ i: Int) -> String { LanguagePrimitives.toString(value(i)) }
    package func int(_ i: Int) -> Int { Int(LanguagePrimitives.toInt64(value(i)) ?? 0) }
    package func int64(_ i: Int) -> Int64 { LanguagePrimitives.toInt64(value(i)) ?? 0 }
    package func double(_ i: Int) -> Double { LanguagePrimitives.toDouble(value(i)) ?? 0 }
    package func bool(_ i: Int) -> Bool { LanguagePrimitives.isTrue(value(i)) }
    package func char(_ i: Int) -> Character {
        if case .char(let c) = value(i) { return c }
        return text(i).first ?? "\0"
    }
    /// The trailing `params` arguments from position `i`.
    package func rest(_ i: Int) -> [PSValue] {
        guard i < args.count else { return [] }
        if args.count == i + 1, let items = args[i].enumerated { return items }
        return Array(args[i...])
    }
    /// An enum argument's numeric value.
    package func enumValue(_ i: Int) -> Int64 { DotNetEnum.numericValue(value(i)) ?? 0 }
    /// The native payload of a library object (`this` of a DateTime, a StringBuilder, …).
    package func payload<T>(_ type: T.Type) -> T? {
        if case .object(let o as DotNetObject) = this { return o.payload as? T }
        return nil
    }
    package func payload<T>(_ i: Int, _ type: T.Type) -> T? {
        if case .object(let o as DotNetObject) = value(i) { return o.payload as? T }
        return nil
    }
}

/// An instance of a library type that has no PSValue case of its own: the type and a Swift value.
package final class DotNetObject: PSObject {
    package let type: DotNetType
    package var payload: Any
    package let typeArguments: [String]
    /// Set by the engine that created the object; property getters run with it.
    package unowned(unsafe) let engine: Engine

    package init(_ type: DotNetType, payload: Any, typeArguments: [String] = [], engine: Engine) {
        self.type = type
        self.payload = payload
        self.typeArguments = typeArguments
        self.engine = engine
        super.init(typeNames: engine.types.typeNames(of: type.fullName))
    }

    /// The single line Out-Default shows, for types that have one.
    package var displayText: String? {
        type.display.map { $0(DotNetCall(engine: engine, this: .object(self), args: [], typeArguments: typeArguments)) }
    }

    package override var properties: [PSPropertyInfo] {
        engine.types.instanceProperties(of: type).compactMap { p in
            let call = DotNetCall(engine: engine, this: .object(self), args: [], typeArguments: typeArguments)
            guard let value = try? p.get(call) else { return nil }
            return PSPropertyInfo(name: p.name, value: value, typeName: DotNetTypeNames.fullName(ofCSharp: p.type),
                                  isSettable: p.set != nil)
        }
    }

    package override func property(_ name: String) -> PSValue? {
        guard let p = engine.types.instanceProperties(of: type).first(where: { $0.name.caseInsensitiveEquals(name) })
        else { return nil }
        return try? p.get(DotNetCall(engine: engine, this: .object(self), args: [], typeArguments: typeArguments))
    }

    package override func toString() -> String {
        let call = DotNetCall(engine: engine, this: .object(self), args: [], typeArguments: typeArguments)
        if let convert = type.stringConversion { return convert(call) }
        if let method = engine.types.instanceMethods(of: type, named: "ToString").first(where: { $0.parameters.isEmpty }),
           let text = try? method.body(call) {
            return LanguagePrimitives.toString(text)
        }
        return type.fullName
    }
}

/// C# keyword names and .NET full names.
package enum DotNetTypeNames {
    static let keywords: [String: String] = [
        "int": "System.Int32", "long": "System.Int64", "short": "System.Int16", "byte": "System.Byte",
        "sbyte": "System.SByte", "uint": "System.UInt32", "ulong": "System.UInt64", "ushort": "System.UInt16",
        "double": "System.Double", "float": "System.Single", "decimal": "System.Decimal", "bool": "System.Boolean",
        "string": "System.String", "char": "System.Char", "object": "System.Object", "void": "System.Void",
    ]

    /// `int` → `System.Int32`, `string[]` → `System.String[]`; other names are already full.
    package static func fullName(ofCSharp name: String) -> String {
        if name.hasSuffix("[]") { return fullName(ofCSharp: String(name.dropLast(2))) + "[]" }
        if let full = keywords[name] { return full }
        if name.contains(".") { return name }
        return StandardTypes.accelerator(name) ?? "System." + name
    }
}
