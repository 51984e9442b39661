import CmdletParser
import FoundationEssentials

/// `class` and `enum` statements: each defines a type in the engine's type library, so casts,
/// `-is`, `::new`, `New-Object`, member calls and Get-Member reach it through the one adapter.
extension Engine {

    package func defineType(_ ast: TypeDefinitionAst) throws {
        switch ast.kind {
        case .enum: try defineEnum(ast)
        case .class: try defineClass(ast)
        case .interface: break
        }
    }

    private func defineEnum(_ ast: TypeDefinitionAst) throws {
        var values: [(String, Int64)] = []
        var next: Int64 = 0
        for member in ast.members {
            if let initial = member.initialValue {
                let value = try evaluate(initial)
                guard let number = LanguagePrimitives.toInt64(DotNetEnum.numericValue(value).map { .int64($0) } ?? value) else {
                    throw RuntimeError(record: runtimeErrorRecord(
                        message: Messages.format("InvalidCastException", LanguagePrimitives.toString(value), "System.Int32", ""),
                        errorId: "InvalidCastFromStringToInteger", category: .InvalidArgument, extent: initial.extent))
                }
                next = number
            }
            values.append((member.name, next))
            next &+= 1
        }
        let flags = ast.attributes.contains { $0.typeName.name.caseInsensitiveEquals("Flags")
            || $0.typeName.name.caseInsensitiveEquals("System.FlagsAttribute") }
        let type = DotNetType(ast.name, kind: .enumeration(flags: flags)) { $0.values(values) }
        types.register([type])
    }

    private func defineClass(_ ast: TypeDefinitionAst) throws {
        let registry = scriptTypes
        var baseName = "System.Object"
        var interfaces: [String] = []
        for (i, base) in ast.baseTypes.enumerated() {
            let resolved = try resolveType(base.typeName)
            if i == 0, let t = types.type(named: resolved.fullName), case .interface = t.kind {
                interfaces.append(resolved.fullName)
            } else if i == 0 {
                baseName = resolved.fullName
            } else {
                interfaces.append(resolved.fullName)
            }
        }
        let definition = ScriptClass(ast: ast, baseName: baseName)
        registry.classes[ast.name.lowercased()] = definition
        for member in ast.members where member.isMethod {
            registry.methodReturns.formUnion(Self.ownReturnStatements(member.body))
        }
        let type = DotNetType(ast.name, base: baseName, interfaces: interfaces) { t in
            declareMembers(of: definition, on: t)
        }
        types.register([type])
        // Static properties get their initial values when the class is defined.
        for member in ast.members where !member.isMethod && member.isStatic {
            let value = try member.initialValue.map { try evaluate($0) } ?? defaultValue(of: member)
            definition.statics[member.name.lowercased()] = try convertProperty(value, member, validate: false)
        }
        // The static constructor runs once the statics have their initial values.
        if let typeInitializer = ast.members.first(where: { $0.isMethod && $0.isStatic && $0.name.caseInsensitiveEquals(ast.name) }) {
            _ = try runMember(typeInitializer, this: nil, [])
        }
    }

    private func declareMembers(of definition: ScriptClass, on t: DotNetType) {
        let ast = definition.ast
        for member in ast.members where !member.isMethod {
            let key = member.name.lowercased()
            if member.isStatic {
                t.staticProperty(member.name, "object", { _ in definition.statics[key] ?? .null }, set: { call, value in
                    definition.statics[key] = try call.engine.convertProperty(value, member)
                })
            } else {
                t.property(member.name, "object", { call in
                    guard case .object(let o as ScriptClassInstance) = call.this else { return .null }
                    return o.values[key] ?? .null
                }, set: { call, value in
                    guard case .object(let o as ScriptClassInstance) = call.this else { return }
                    o.values[key] = try call.engine.convertProperty(value, member)
                })
            }
        }
        var hasConstructor = false
        for member in ast.members where member.isMethod {
            let signature = methodSignature(member)
            let returnType = Self.typeConstraint(member)?.name ?? "void"
            if member.name.caseInsensitiveEquals(ast.name) && !member.isStatic {
                hasConstructor = true
                t.constructor(signature) { call in
                    try Self.raising { try call.engine.instantiate(definition, constructor: member, call.args) }
                }
            } else if member.isStatic {
                if member.name.caseInsensitiveEquals(ast.name) { continue }
                t.staticMethod(member.name, returnType, signature) { call in
                    try Self.raising { try call.engine.runMember(member, this: nil, call.args) }
                }
            } else {
                t.method(member.name, returnType, signature) { call in
                    try Self.raising { try call.engine.runMember(member, this: call.this, call.args) }
                }
            }
        }
        if !hasConstructor {
            t.constructor("") { call in try call.engine.instantiate(definition, constructor: nil, []) }
        }
        t.converts { value, _, engine in
            // `[C]@{ Name = 'x' }`: the default constructor, then each key set as a property.
            guard case .hashtable(let h) = value else { return nil }
            let created = try engine.instantiate(definition, constructor: nil, [])
            for (k, v) in h.entries {
                try engine.setMember(created, LanguagePrimitives.toString(k), v, extent: ast.extent)
            }
            return created
        }
    }

    /// An error escaping a member's script reaches the caller as the member's .NET exception, which
    /// the adapter wraps as 5.1 does (`Exception calling "M" with "0" argument(s): "…"`).
    private static func raising(_ body: () throws -> PSValue) throws -> PSValue {
        do {
            return try body()
        } catch {
            guard let runtime = error.runtimeError else { throw error }
            throw DotNetException(raised: runtime.record.exception)
        }
    }

    /// The C#-like signature the adapter resolves overloads with.
    private func methodSignature(_ member: TypeMemberAst) -> String {
        member.parameters.map { p in
            var type = "object"
            if let constraint = p.attributes.first(where: { $0 is TypeConstraintAst }),
               let full = types.resolve(constraint.typeName.name)?.fullName, !full.contains(","), !full.contains(" ") {
                type = full
            }
            return type + " " + p.name.variablePath.name
        }.joined(separator: ", ")
    }

    private static func typeConstraint(_ member: TypeMemberAst) -> TypeName? {
        member.attributes.first { $0 is TypeConstraintAst }?.typeName
    }

    /// The `return` statements of a method body itself (not of script blocks or functions inside it).
    private static func ownReturnStatements(_ ast: Ast?) -> Set<ObjectIdentifier> {
        guard let ast else { return [] }
        var found: Set<ObjectIdentifier> = []
        var stack: [Ast] = ast.children
        while let node = stack.popLast() {
            if node is ScriptBlockExpressionAst || node is FunctionDefinitionAst { continue }
            if node is ReturnStatementAst { found.insert(ObjectIdentifier(node)) }
            stack.append(contentsOf: node.children)
        }
        return found
    }

    private func defaultValue(of member: TypeMemberAst) throws -> PSValue {
        guard let constraint = Self.typeConstraint(member), let info = types.resolve(constraint.name) else { return .null }
        return types.defaultValue(of: info.fullName, engine: self)
    }

    /// A value stored in a typed property: converted to the property's type, then validated.
    fileprivate func convertProperty(_ value: PSValue, _ member: TypeMemberAst, validate: Bool = true) throws -> PSValue {
        var converted = value
        if let constraint = Self.typeConstraint(member) {
            // A reference-type property holds $null as it is ([string] too, as .NET stores it).
            let isValueType = types.resolve(constraint.name).flatMap { types.type(named: $0.fullName) }?.isValueType ?? false
            if !value.isNull || isValueType {
                converted = try cast(value, to: constraint, extent: member.extent)
            }
        }
        if validate, let failure = try propertyValidationFailure(converted, member) {
            throw DotNetException("System.Management.Automation.ValidationMetadataException", failure)
        }
        return converted
    }

    /// The validation attributes of a property (`[ValidateNotNull()]`, `[ValidateSet(…)]`, …), read
    /// the way a parameter's are.
    private func propertyValidationFailure(_ value: PSValue, _ member: TypeMemberAst) throws -> String? {
        guard member.attributes.contains(where: { $0 is AttributeAst }) else { return nil }
        let parameter = ParameterAst(extent: member.extent,
                                     name: VariableExpressionAst(extent: member.extent, variablePath: VariablePath(
                                        userPath: member.name, scope: .unqualified, name: member.name), splatted: false),
                                     attributes: member.attributes, defaultValue: nil)
        let holder = ScriptBlockAst(extent: member.extent, source: currentSource ?? ScriptSource(text: ""), paramBlock: nil,
                                    beginBlock: nil, processBlock: nil, endBlock: nil, dynamicParamBlock: nil)
        let metadata = FunctionMetadata.build(name: "", ast: holder, outerParameters: [parameter])
        for validation in metadata.parameters.first?.validations ?? [] {
            if let failure = try validation.failure(value, engine: self) { return failure }
        }
        return nil
    }

    /// A new instance: the base class's part first (its initializers and constructor), then this
    /// class's property initializers, then the constructor's body.
    fileprivate func instantiate(_ definition: ScriptClass, constructor: TypeMemberAst?, _ arguments: [PSValue]) throws -> PSValue {
        let instance = ScriptClassInstance(className: definition.ast.name, engine: self)
        let value = PSValue.object(instance)
        try initialize(value, instance, definition, constructor: constructor, arguments)
        return value
    }

    private func initialize(_ value: PSValue, _ instance: ScriptClassInstance, _ definition: ScriptClass,
                            constructor: TypeMemberAst?, _ arguments: [PSValue]) throws {
        if let base = scriptTypes.classes[definition.baseName.lowercased()] {
            var baseArguments: [PSValue] = []
            if let expressions = constructor?.baseArguments, let constructor {
                baseArguments = try sessionState.withNewScope {
                    try bindMemberParameters(constructor, this: value, arguments)
                    return try expressions.map { try evaluate($0) }
                }
            }
            let candidates = base.ast.members.filter {
                $0.isMethod && !$0.isStatic && $0.name.caseInsensitiveEquals(base.ast.name)
                    && $0.parameters.count == baseArguments.count
            }
            if candidates.isEmpty && !baseArguments.isEmpty {
                throw methodCountError("new", baseArguments.count, extent: definition.ast.extent)
            }
            try initialize(value, instance, base, constructor: candidates.first, baseArguments)
        }
        for member in definition.ast.members where !member.isMethod && !member.isStatic {
            let initial = try member.initialValue.map { try evaluate($0) } ?? defaultValue(of: member)
            instance.values[member.name.lowercased()] = try convertProperty(initial, member, validate: false)
        }
        if let constructor { _ = try runMember(constructor, this: value, arguments) }
    }

    private func bindMemberParameters(_ member: TypeMemberAst, this: PSValue?, _ arguments: [PSValue]) throws {
        if let this { sessionState.setLocal("this", this) }
        for (i, parameter) in member.parameters.enumerated() {
            var argument = i < arguments.count ? arguments[i] : .null
            if let constraint = parameter.attributes.first(where: { $0 is TypeConstraintAst }) {
                argument = try cast(argument, to: constraint.typeName, extent: parameter.extent)
            }
            sessionState.setLocal(parameter.name.variablePath.name, argument)
        }
    }

    /// Runs a method or constructor body in its own scope. Only `return` gives a method's value
    /// (converted to its return type); the rest of its output is discarded, as in 5.1.
    fileprivate func runMember(_ member: TypeMemberAst, this: PSValue?, _ arguments: [PSValue]) throws -> PSValue {
        guard let body = member.body else { return .null }
        let registry = scriptTypes
        let collector = OutputCollector()
        let savedSink = registry.returnSink
        let savedSource = currentSource
        registry.returnSink = collector.sink
        currentSource = body.source
        defer {
            registry.returnSink = savedSink
            currentSource = savedSource
        }
        try sessionState.withNewScope {
            try bindMemberParameters(member, this: this, arguments)
            for block in [body.beginBlock, body.processBlock, body.endBlock].compactMap({ $0 }) {
                do {
                    try executeStatements(block.statements, traps: block.traps, output: { _ in })
                } catch EvalError.return {
                    break
                }
            }
        }
        guard let returnType = Self.typeConstraint(member), !returnType.name.caseInsensitiveEquals("void") else {
            voidMethodCalled = true
            return .null
        }
        return try cast(collector.asValue, to: returnType, extent: member.extent)
    }

    /// The sink a `return` statement writes to: a class method's result, or the pipeline.
    package func returnSink(for statement: ReturnStatementAst, default output: @escaping OutputSink) -> OutputSink {
        guard let registry = existingService(ScriptTypeRegistry.self), let sink = registry.returnSink,
              registry.methodReturns.contains(ObjectIdentifier(statement)) else { return output }
        return sink
    }

    var scriptTypes: ScriptTypeRegistry { service(ScriptTypeRegistry.self) { ScriptTypeRegistry() } }
}

/// The classes a session defined: their syntax, static property values, and the `return`
/// statements that give a method's value.
package final class ScriptTypeRegistry: EngineService {
    var classes: [String: ScriptClass] = [:]
    var methodReturns: Set<ObjectIdentifier> = []
    var returnSink: OutputSink?
    package func shutdown() {}
}

// @unchecked: the engine runs on one thread; member closures read and write the statics there.
final class ScriptClass: @unchecked Sendable {
    let ast: TypeDefinitionAst
    let baseName: String
    var statics: [String: PSValue] = [:]
    init(ast: TypeDefinitionAst, baseName: String) {
        self.ast = ast
        self.baseName = baseName
    }
}

/// An instance of a script class: its property values, read and written through the adapter.
final class ScriptClassInstance: PSObject {
    var values: [String: PSValue] = [:]
    unowned(unsafe) let engine: Engine
    let className: String

    init(className: String, engine: Engine) {
        self.engine = engine
        self.className = className
        super.init(typeNames: engine.types.typeNames(of: className))
    }

    deinit {
        var items = Array(values.values)
        values.removeAll()
        ValueRelease.releaseLater(&items)
    }

    /// The visible properties, the class's own first, then those it inherits (as .NET lists them).
    override var properties: [PSPropertyInfo] {
        var result: [PSPropertyInfo] = []
        var seen: Set<String> = []
        for name in typeNames {
            guard let definition = engine.scriptTypes.classes[name.lowercased()] else { continue }
            for member in definition.ast.members where !member.isMethod && !member.isStatic {
                let key = member.name.lowercased()
                guard !member.isHidden, seen.insert(key).inserted else { continue }
                let typeName = member.attributes.first { $0 is TypeConstraintAst }
                    .flatMap { engine.types.resolve($0.typeName.name)?.fullName } ?? "System.Object"
                result.append(PSPropertyInfo(name: member.name, value: values[key] ?? .null, typeName: typeName))
            }
        }
        return result
    }

    override func property(_ name: String) -> PSValue? { values[name.lowercased()] }

    /// Assignments go through the adapter, which converts and validates.
    override func setProperty(_ name: String, _ value: PSValue) -> Bool { false }

    /// A class's own `ToString()` when it declares one, else the class name (Object.ToString()).
    override func toString() -> String {
        for name in typeNames {
            guard let definition = engine.scriptTypes.classes[name.lowercased()],
                  let own = definition.ast.members.first(where: {
                      $0.isMethod && !$0.isStatic && $0.parameters.isEmpty && $0.name.caseInsensitiveEquals("ToString")
                  }) else { continue }
            return (try? engine.runMember(own, this: .object(self), [])).map { LanguagePrimitives.toString($0) } ?? className
        }
        return className
    }
}
