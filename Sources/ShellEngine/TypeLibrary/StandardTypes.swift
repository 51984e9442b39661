/// The .NET types of the runtime, declared once each. Command modules add their own through
/// `ModuleRegistration.types`.
package enum StandardTypes {
    package static let all: [DotNetType] = CoreTypes.all() + NumericTypes.all() + StringTypes.all() + MathTypes.all()
        + ConvertTypes.all() + DateTypes.all() + ValueTypes.all() + CollectionTypes.all() + ExceptionTypes.declarations()
        + EnumTypes.all() + SystemTypes.all() + AutomationTypes.all() + HostingTypes.all()
        + LanguageTypes.all() + DelegateTypes.all()

    private static let parents: [String: String] = {
        var table: [String: String] = [:]
        for type in all { if let base = type.baseType { table[type.fullName] = base } }
        return table
    }()

    private static let byName: [String: DotNetType] = Dictionary(all.map { ($0.fullName, $0) }, uniquingKeysWith: { a, _ in a })

    private static let accelerators: [String: String] = {
        var table: [String: String] = [:]
        for type in all { for alias in type.aliases { table[alias.lowercased()] = type.fullName } }
        return table
    }()

    /// The full name a type accelerator stands for (`datetime` → `System.DateTime`).
    package static func accelerator(_ name: String) -> String? { accelerators[name.lowercased()] }

    /// The declared base type of a runtime type.
    package static func baseType(of fullName: String) -> String? { parents[fullName] }

    /// A runtime type's declaration, for code that has no engine at hand (formatting).
    package static func declaration(of fullName: String) -> DotNetType? { byName[fullName] }
}

/// Helpers the declarations share.
extension DotNetCall {
    /// A library value of a declared type.
    package func make(_ typeName: String, _ payload: Any, typeArguments: [String] = []) -> PSValue {
        guard let type = engine.types.type(named: typeName) else { return .null }
        return .object(DotNetObject(type, payload: payload, typeArguments: typeArguments, engine: engine))
    }
    /// An enum value of a declared enum type.
    package func enumeration(_ typeName: String, _ number: Int64) -> PSValue {
        guard let type = engine.types.type(named: typeName) else { return .int64(number) }
        return DotNetEnum.value(number, of: type, engine: engine)
    }
    /// The type a `Type` argument names.
    package func typeArgument(_ i: Int) throws -> PSTypeInfo {
        if case .type(let t) = value(i) { return t }
        if let name = string(i), let t = engine.types.resolve(name) { return t }
        throw DotNetException.argumentNull("enumType")
    }
    /// Writes through a `[ref]` argument.
    package func setReference(_ i: Int, _ newValue: PSValue) throws {
        guard case .object(let o as DotNetObject) = value(i), let box = o.payload as? ReferenceBox else { return }
        try box.set(newValue)
    }
}
