import CmdletParser
import FoundationEssentials

/// PowerShell's .NET adapter over the type library: member lookup (case-insensitive), overload
/// resolution by argument count and conversion cost, argument conversion, and Windows PowerShell
/// 5.1's errors (MethodInvocationException, MethodCountCouldNotFindBest, PropertyAssignmentException…).
extension Engine {

    /// The library type of a value and its generic type arguments.
    package func dotNetType(of value: PSValue) -> (DotNetType, [String])? {
        switch value {
        case .null: return nil
        case .object(let o as DotNetObject): return (o.type, o.typeArguments)
        case .type: return types.type(named: "System.RuntimeType").map { ($0, []) }
        case .array(let a) where a.collectionType != nil:
            let name = a.collectionType ?? ""
            return types.type(named: name).map { ($0, GenericName(name)?.arguments ?? []) }
        case .hashtable(let h) where h.collectionType != nil:
            let name = h.collectionType ?? ""
            return types.type(named: name).map { ($0, GenericName(name)?.arguments ?? []) }
        case .object(let o):
            for name in o.typeNames { if let t = types.type(named: name) { return (t, []) } }
            return types.type(named: "System.Object").map { ($0, []) }
        default:
            return types.type(named: value.typeName).map { ($0, []) } ?? types.type(named: "System.Object").map { ($0, []) }
        }
    }

    // MARK: Static members

    /// `[T]::Name`: a static property, field or enum value; nil when the type has none of that name.
    package func staticMember(_ info: PSTypeInfo, _ name: String) throws -> PSValue? {
        guard let type = types.type(named: info.fullName) else { return nil }
        if let member = type.enumValues.first(where: { $0.name.caseInsensitiveEquals(name) }) {
            return DotNetEnum.value(member.value, of: type, engine: self)
        }
        for typeName in types.typeNames(of: type.fullName) {
            guard let t = types.type(named: typeName) else { continue }
            if let p = t.staticProperties.first(where: { $0.name.caseInsensitiveEquals(name) }) {
                return try p.get(DotNetCall(engine: self, this: .type(info), args: [],
                                            typeArguments: GenericName(info.fullName)?.arguments ?? []))
            }
        }
        return nil
    }

    package func setStaticMember(_ info: PSTypeInfo, _ name: String, _ value: PSValue, extent: SourceExtent) throws -> Bool {
        guard let type = types.type(named: info.fullName),
              let p = type.staticProperties.first(where: { $0.name.caseInsensitiveEquals(name) }) else { return false }
        guard let set = p.set else { throw readOnlyProperty(p.name, extent: extent) }
        let converted = try convertForMember(value, p.type, memberName: p.name, extent: extent)
        try wrapInvocation(name: p.name, count: 1, extent: extent, setter: true) {
            try set(DotNetCall(engine: self, this: .type(info), args: [], typeArguments: []), converted)
        }
        return true
    }

    /// `[T]::Method(…)` and `[T]::new(…)`; nil when the type has no method of that name.
    package func invokeStatic(_ info: PSTypeInfo, _ name: String, _ arguments: [PSValue], extent: SourceExtent) throws -> PSValue? {
        if name.caseInsensitiveEquals("new") {
            return try construct(info, arguments, extent: extent, newObject: false)
        }
        guard let type = types.type(named: info.fullName) else { return nil }
        let overloads = types.staticMethods(of: type, named: name)
        guard !overloads.isEmpty else { return nil }
        return try call(overloads, name: overloads[0].name, this: .type(info), arguments,
                        typeArguments: GenericName(info.fullName)?.arguments ?? [], extent: extent,
                        owner: .staticMember(type.fullName))
    }

    /// `[T]::new(…)` or `New-Object T -ArgumentList …`.
    package func construct(_ info: PSTypeInfo, _ arguments: [PSValue], extent: SourceExtent, newObject: Bool) throws -> PSValue {
        if info.fullName.hasSuffix("[]") {
            let element = String(info.fullName.dropLast(2))
            guard arguments.count == 1, let n = LanguagePrimitives.toInt64(arguments[0]), n >= 0, n <= 100_000_000 else {
                throw methodCountError("new", arguments.count, extent: extent)
            }
            let zero = types.defaultValue(of: element, engine: self)
            return .array(PSArray(Array(repeating: zero, count: Int(n)), elementTypeName: element))
        }
        guard let type = types.type(named: info.fullName), !type.constructors.isEmpty else {
            if newObject { throw constructorNotFound(info.fullName, extent: extent) }
            throw methodNotFoundError(info.fullName, "new", extent: extent)
        }
        let typeArguments = GenericName(info.fullName)?.arguments ?? []
        do {
            return try call(type.constructors, name: ".ctor", this: .type(info), arguments, typeArguments: typeArguments,
                            extent: extent, owner: .constructor(type.fullName))
        } catch let error where newObject && error.runtimeError?.record.fullyQualifiedErrorId == "MethodCountCouldNotFindBest" {
            throw constructorNotFound(info.fullName, extent: extent)
        }
    }

    // MARK: Instance members

    /// A property of a library value; nil when the value's type declares none of that name.
    package func instanceMember(_ value: PSValue, _ name: String, extent: SourceExtent) throws -> PSValue? {
        guard let (type, typeArguments) = dotNetType(of: value),
              let p = types.instanceProperties(of: type).first(where: { $0.name.caseInsensitiveEquals(name) })
        else { return nil }
        return try wrapInvocation(name: "get_" + p.name, count: 0, extent: extent, setter: false) {
            try p.get(DotNetCall(engine: self, this: value, args: [], typeArguments: typeArguments))
        }
    }

    /// Sets a property of a library value; false when the type declares no such property.
    package func setInstanceMember(_ value: PSValue, _ name: String, _ newValue: PSValue, extent: SourceExtent) throws -> Bool {
        guard let (type, typeArguments) = dotNetType(of: value),
              let p = types.instanceProperties(of: type).first(where: { $0.name.caseInsensitiveEquals(name) })
        else { return false }
        guard let set = p.set else { throw readOnlyProperty(p.name, extent: extent) }
        let converted = try convertForMember(newValue, p.type, memberName: p.name, extent: extent)
        try wrapInvocation(name: p.name, count: 1, extent: extent, setter: true) {
            try set(DotNetCall(engine: self, this: value, args: [], typeArguments: typeArguments), converted)
        }
        return true
    }

    /// `$value.Method(…)` for a library value; nil when its type has no method of that name.
    package func invokeInstance(_ value: PSValue, _ name: String, _ arguments: [PSValue], extent: SourceExtent) throws -> PSValue? {
        guard let (type, typeArguments) = dotNetType(of: value) else { return nil }
        let overloads = types.instanceMethods(of: type, named: name)
        guard !overloads.isEmpty else { return nil }
        return try call(overloads, name: overloads[0].name, this: value, arguments, typeArguments: typeArguments,
                        extent: extent, owner: .instanceMember(type.fullName))
    }

    // MARK: Overload resolution

    /// Calls the overload of `overloads` that fits `arguments` best. `owner` names the member's
    /// declaring side (static, constructor or instance, and type) for the resolution cache.
    private func call(_ overloads: [DotNetMethod], name: String, this: PSValue, _ arguments: [PSValue],
                      typeArguments: [String], extent: SourceExtent, owner: TypeLibrary.MemberOwner) throws -> PSValue {
        let shownName = name == ".ctor" ? "new" : name
        let key = TypeLibrary.ResolutionKey(owner: owner, name: name, typeArguments: typeArguments,
                                            argumentTypes: arguments.map { $0.isNull ? "" : types.valueTypeName($0) })
        let chosen: TypeLibrary.Resolution
        if let known = types.resolution(key) {
            chosen = known
        } else {
            let candidates = overloads.filter { $0.accepts(count: arguments.count) }
            guard !candidates.isEmpty else { throw methodCountError(shownName, arguments.count, extent: extent) }
            var best: (method: DotNetMethod, arrayForm: Bool, cost: Int)?
            // Whether every cost depended only on the arguments' types (then the choice is kept).
            var byType = true
            for method in candidates {
                // A `params T[]` parameter takes an array (or a string for `char[]`) as it is, or the
                // remaining arguments one by one.
                let arrayForm = method.isParams && arguments.count == method.parameters.count
                    && types.cost(arguments[arguments.count - 1], to: parameterType(method, arguments.count - 1, typeArguments,
                                                                                   arrayForm: true),
                                  engine: self, byType: &byType) != nil
                var total = 0
                var fits = true
                for (i, argument) in arguments.enumerated() {
                    let type = parameterType(method, i, typeArguments, arrayForm: arrayForm)
                    guard let c = types.cost(argument, to: type, engine: self, byType: &byType) else { fits = false; break }
                    total += c
                }
                if method.isParams && !arrayForm { total += 1 }
                if fits, total < (best?.cost ?? Int.max) { best = (method, arrayForm, total) }
            }
            chosen = TypeLibrary.Resolution(method: best?.method ?? candidates[0], arrayForm: best?.arrayForm ?? false)
            if byType { types.remember(chosen, for: key) }
        }
        let method = chosen.method
        let arrayForm = chosen.arrayForm
        var converted: [PSValue] = []
        for (i, argument) in arguments.enumerated() {
            let type = parameterType(method, i, typeArguments, arrayForm: arrayForm)
            do {
                converted.append(try types.convertArgument(argument, to: type, engine: self))
            } catch {
                let parameter = method.parameters[min(i, method.parameters.count - 1)].name
                throw RuntimeError(record: runtimeErrorRecord(
                    message: Messages.format("MethodArgumentConversionException", parameter, LanguagePrimitives.toString(argument),
                                             shownName, DotNetTypeNames.fullName(ofCSharp: type), error.message),
                    errorId: "MethodArgumentConversionInvalidCastArgument", category: .NotSpecified, extent: extent,
                    exceptionType: "System.Management.Automation.MethodException"))
            }
        }
        return try wrapInvocation(name: name, count: arguments.count, extent: extent, setter: false) {
            try method.body(DotNetCall(engine: self, this: this, args: converted, typeArguments: typeArguments))
        }
    }

    /// The parameter type argument `i` converts to (the element type for `params` arguments), with
    /// a generic type's parameters (`T`, `TKey`, `TValue`) replaced by its type arguments.
    private func parameterType(_ method: DotNetMethod, _ i: Int, _ typeArguments: [String], arrayForm: Bool = false) -> String {
        var type = method.parameters[min(i, method.parameters.count - 1)].type
        if method.isParams && i >= method.parameters.count - 1 && !arrayForm, type.hasSuffix("[]") { type = String(type.dropLast(2)) }
        let array = type.hasSuffix("[]")
        let element = array ? String(type.dropLast(2)) : type
        let substituted: String
        switch element {
        case "T", "TKey": substituted = typeArguments.first ?? "System.Object"
        case "TValue": substituted = typeArguments.count > 1 ? typeArguments[1] : "System.Object"
        default: return type
        }
        return substituted + (array ? "[]" : "")
    }

    private func convertForMember(_ value: PSValue, _ type: String, memberName: String, extent: SourceExtent) throws -> PSValue {
        do {
            return try types.convertArgument(value, to: type, engine: self)
        } catch {
            throw RuntimeError(record: runtimeErrorRecord(
                message: "Exception setting \"\(memberName)\": \"\(error.message)\"", errorId: "ExceptionWhenSetting",
                category: .NotSpecified, extent: extent, exceptionType: "System.Management.Automation.SetValueInvocationException"))
        }
    }

    /// Runs a member body; a .NET exception becomes 5.1's MethodInvocationException (or
    /// GetValueInvocationException / SetValueInvocationException for properties).
    @discardableResult
    func wrapInvocation(name: String, count: Int, extent: SourceExtent, setter: Bool,
                        _ body: () throws -> PSValue) throws -> PSValue {
        do {
            return try body()
        } catch let error as DotNetException {
            let inner = error.object
            let message: String
            let exceptionType: String
            if setter {
                message = "Exception setting \"\(name)\": \"\(error.message)\""
                exceptionType = "System.Management.Automation.SetValueInvocationException"
            } else if name.hasPrefix("get_") {
                message = "Exception getting \"\(name.dropFirst(4))\": \"\(error.message)\""
                exceptionType = "System.Management.Automation.GetValueInvocationException"
            } else {
                message = Messages.format("MethodInvocationException", name, String(count), error.message)
                exceptionType = "System.Management.Automation.MethodInvocationException"
            }
            let exception = PSExceptionObject(typeName: exceptionType, message: message, innerException: inner)
            let record = ErrorRecord(exception: exception, errorId: setter ? "ExceptionWhenSetting" : inner.shortName,
                                     category: .NotSpecified,
                                     targetObject: .null,
                                     invocationInfo: InvocationInfo(myCommand: nil, source: currentSource, extent: extent))
            throw RuntimeError(record: record)
        }
    }

    private func wrapInvocation(name: String, count: Int, extent: SourceExtent, setter: Bool,
                                _ body: () throws -> Void) throws {
        try wrapInvocation(name: name, count: count, extent: extent, setter: setter) { () throws -> PSValue in
            try body()
            return .null
        }
    }

    // MARK: Errors

    package func methodCountError(_ name: String, _ count: Int, extent: SourceExtent) -> RuntimeError {
        RuntimeError(record: runtimeErrorRecord(message: Messages.format("MethodCountCouldNotFindBest", name, String(count)),
            errorId: "MethodCountCouldNotFindBest", category: .InvalidOperation, extent: extent,
            exceptionType: "System.Management.Automation.MethodException"))
    }

    package func methodNotFoundError(_ typeName: String, _ name: String, extent: SourceExtent) -> RuntimeError {
        RuntimeError(record: runtimeErrorRecord(message: Messages.format("MethodNotFound", typeName, name),
            errorId: "MethodNotFound", category: .InvalidOperation, extent: extent,
            exceptionType: "System.Management.Automation.RuntimeException", target: .string(name)))
    }

    private func readOnlyProperty(_ name: String, extent: SourceExtent) -> RuntimeError {
        RuntimeError(record: runtimeErrorRecord(message: Messages.format("ReadOnlyProperty", name),
            errorId: "PropertyAssignmentException", category: .InvalidOperation, extent: extent,
            exceptionType: "System.Management.Automation.SetValueException"))
    }

    private func constructorNotFound(_ typeName: String, extent: SourceExtent) -> RuntimeError {
        RuntimeError(record: runtimeErrorRecord(message: Messages.format("CannotFindAppropriateCtor", typeName),
            errorId: "CannotFindAppropriateCtor", category: .ObjectNotFound, extent: extent,
            exceptionType: "System.Management.Automation.PSArgumentException", target: .string(typeName)))
    }
}

extension TypeLibrary {
    /// `default(T)`: 0 for numbers, `False`, `[char]0`, a zero value of a library value type, else null.
    package func defaultValue(of typeName: String, engine: Engine) -> PSValue {
        switch typeName {
        case "System.Int32", "System.Int16", "System.SByte", "System.UInt16": return .int32(0)
        case "System.Int64": return .int64(0)
        case "System.UInt32": return .uint32(0)
        case "System.UInt64": return .uint64(0)
        case "System.Byte": return .byte(0)
        case "System.Double", "System.Single": return .double(0)
        case "System.Decimal": return .decimal(0)
        case "System.Boolean": return .bool(false)
        case "System.Char": return .char("\0")
        default:
            guard let type = type(named: typeName), type.isValueType else { return .null }
            if type.isEnum { return DotNetEnum.value(0, of: type, engine: engine) }
            if let zero = type.constructors.first(where: { $0.parameters.isEmpty }),
               let value = try? zero.body(DotNetCall(engine: engine, this: .null, args: [], typeArguments: [])) {
                return value
            }
            return .null
        }
    }
}
