import FoundationEssentials

/// PowerShell's method-argument conversion: what an argument costs to convert to a parameter
/// type (overload resolution picks the cheapest) and the conversion itself.
extension TypeLibrary {
    private static let numericRank: [String: Int] = [
        "System.Byte": 1, "System.SByte": 1, "System.Int16": 2, "System.UInt16": 2, "System.Int32": 3,
        "System.UInt32": 3, "System.Int64": 4, "System.UInt64": 4, "System.Single": 5, "System.Double": 6,
        "System.Decimal": 7,
    ]

    /// The cost of passing `value` as `parameterType` (C# spelling); nil when it does not convert.
    package func cost(_ value: PSValue, to parameterType: String, engine: Engine) -> Int? {
        var byType = true
        return cost(value, to: parameterType, engine: engine, byType: &byType)
    }

    /// The cost, and in `byType` false when it depends on more than the value's type name and
    /// whether it is null (a string's text, a conversion tried on the value).
    package func cost(_ value: PSValue, to parameterType: String, engine: Engine, byType: inout Bool) -> Int? {
        let target = DotNetTypeNames.fullName(ofCSharp: parameterType)
        // Anything is an object, and wraps as a PSObject.
        if target == "System.Object" || target == "System.Management.Automation.PSObject" { return value.isNull ? 0 : 10 }
        if target == "System.Management.Automation.PSReference" {
            byType = false
            if case .object(let o as DotNetObject) = value, o.payload is ReferenceBox { return 0 }
            return nil
        }
        if value.isNull { return isValueTypeName(target) ? 7 : 0 }
        let source = valueTypeName(value)
        if source.caseInsensitiveEquals(target) { return 0 }
        if isAssignable(from: source, to: target) { return 1 }
        if let to = Self.numericRank[target] {
            if let from = Self.numericRank[source] { return from <= to ? 1 + to - from : 4 + from - to }
            if case .string = value {
                byType = false
                return (try? convertArgument(value, to: parameterType, engine: engine)) == nil ? nil : 12
            }
            if case .char = value { return 9 }
            if case .bool = value { return 11 }
            if case .object(let o as DotNetObject) = value, o.type.isEnum { return 6 }
            return nil
        }
        if target == "System.String" { return 13 }
        if target == "System.Char" {
            if case .string(let s) = value {
                byType = false
                if s.count == 1 { return 4 }
            }
            if Self.numericRank[source] != nil { return 9 }
            return nil
        }
        if target == "System.Boolean" { return 11 }
        byType = false
        return (try? convertArgument(value, to: parameterType, engine: engine)) == nil ? nil : 8
    }

    private func isValueTypeName(_ name: String) -> Bool {
        Self.numericRank[name] != nil || name == "System.Char" || name == "System.Boolean"
            || (type(named: name)?.isValueType ?? false)
    }

    /// The .NET type name of a value as the adapter sees it.
    package func valueTypeName(_ value: PSValue) -> String {
        if case .object(let o as DotNetObject) = value {
            return o.typeArguments.isEmpty ? o.type.fullName : GenericName.fullName(o.type.fullName, o.typeArguments)
        }
        return value.typeName
    }

    /// Converts an argument to a parameter type with PowerShell's rules.
    package func convertArgument(_ value: PSValue, to parameterType: String, engine: Engine) throws(ConversionFailure) -> PSValue {
        let target = DotNetTypeNames.fullName(ofCSharp: parameterType)
        if target == "System.Object" || target == "System.Management.Automation.PSObject"
            || target == "System.Management.Automation.PSReference" { return value }
        if target.hasSuffix("[]") {
            let element = String(parameterType.dropLast(2))
            if case .string(let text) = value, DotNetTypeNames.fullName(ofCSharp: element) == "System.Char" {
                return .array(PSArray(LanguagePrimitives.chars(of: text), elementTypeName: "System.Char"))
            }
            let items = value.enumerated ?? (value.isNull ? [] : [value])
            var converted: [PSValue] = []
            for item in items { converted.append(try convertArgument(item, to: element, engine: engine)) }
            return .array(PSArray(converted, elementTypeName: DotNetTypeNames.fullName(ofCSharp: element)))
        }
        switch target {
        case "System.String":
            return value.isNull ? .null : .string(LanguagePrimitives.toString(value))
        case "System.Boolean":
            return .bool(LanguagePrimitives.isTrue(value))
        case "System.Char":
            return try Conversion.convert(value, to: .char)
        case "System.Int32", "System.Int16", "System.SByte", "System.UInt16":
            let v = try Conversion.convert(enumUnwrapped(value), to: .int32)
            let bounds: ClosedRange<Int64> = target == "System.Int16" ? -32768...32767
                : target == "System.SByte" ? -128...127 : target == "System.UInt16" ? 0...65535 : Int64(Int32.min)...Int64(Int32.max)
            guard let i = LanguagePrimitives.toInt64(v), bounds.contains(i) else {
                throw ConversionFailure(Messages.format("InvalidCastException", LanguagePrimitives.toString(value), target,
                    FrameworkText.overflowOf("an " + (target.split(separator: ".").last.map(String.init) ?? ""))),
                    errorId: "InvalidCastIConvertible")
            }
            return v
        case "System.Int64": return try Conversion.convert(enumUnwrapped(value), to: .int64)
        case "System.UInt32": return try Conversion.convert(enumUnwrapped(value), to: .uint32)
        case "System.UInt64": return try Conversion.convert(enumUnwrapped(value), to: .uint64)
        case "System.Byte": return try Conversion.convert(enumUnwrapped(value), to: .byte)
        case "System.Double", "System.Single": return try Conversion.convert(value, to: .double)
        case "System.Decimal":
            if case .decimal = value { return value }
            let d = try Conversion.convert(value, to: .double)
            return .decimal(LanguagePrimitives.toDecimal(d))
        default:
            if let converted = try convert(value, toTypeNamed: target, engine: engine) { return converted }
            throw ConversionFailure(Messages.format("ConvertToFinalInvalidCastException", LanguagePrimitives.toString(value),
                valueTypeName(value), target), errorId: "ConvertToFinalInvalidCastException")
        }
    }

    private func enumUnwrapped(_ value: PSValue) -> PSValue {
        if case .object(let o as DotNetObject) = value, o.type.isEnum, let n = o.payload as? Int64 { return .int64(n) }
        return value
    }

    /// A cast to a library type: the value itself when it already is one, an enum from its name or
    /// number, the type's own conversion, or a one-argument constructor. Nil: not a library type.
    package func convert(_ value: PSValue, toTypeNamed target: String, engine: Engine) throws(ConversionFailure) -> PSValue? {
        if Self.numericRank[target] != nil || target == "System.Char" || target == "System.String" {
            return try convertArgument(value, to: target, engine: engine)
        }
        guard let type = type(named: target) else { return nil }
        if isAssignable(from: valueTypeName(value), to: target) { return value }
        if value.isNull && !type.isValueType { return .null }
        if type.isEnum { return try DotNetEnum.convert(value, to: type, engine: engine) }
        let generic = GenericName(target)?.arguments ?? []
        do {
            if let conversion = type.conversion, let converted = try conversion(value, generic, engine) { return converted }
        } catch let failure as ConversionFailure {
            throw failure
        } catch let error as DotNetException {
            throw ConversionFailure(Messages.format("InvalidCastException", LanguagePrimitives.toString(value), target,
                                                    error.message), errorId: "InvalidCastParseTargetInvocation")
        } catch {
            throw ConversionFailure(Messages.format("ConvertToFinalInvalidCastException", LanguagePrimitives.toString(value),
                                                    valueTypeName(value), target), errorId: "ConvertToFinalInvalidCastException")
        }
        for ctor in type.constructors where ctor.parameters.count == 1 && !ctor.isParams {
            guard let argument = try? convertArgument(value, to: ctor.parameters[0].type, engine: engine) else { continue }
            if ctor.parameters[0].type == "object" && !value.isNull && type.fullName != "System.Exception" { continue }
            do {
                return try ctor.body(DotNetCall(engine: engine, this: .null, args: [argument], typeArguments: generic))
            } catch let error as DotNetException {
                throw ConversionFailure(Messages.format("InvalidCastException", LanguagePrimitives.toString(value), target,
                                                        error.message), errorId: "InvalidCastConstructorException")
            } catch {
                continue
            }
        }
        if value.isNull && !type.isValueType { return .null }
        throw ConversionFailure(Messages.format("ConvertToFinalInvalidCastException", LanguagePrimitives.toString(value),
                                                valueTypeName(value), target), errorId: "ConvertToFinalInvalidCastException")
    }
}

/// `[ref]$x`: reads and writes the variable it was made from.
package final class ReferenceBox {
    package let get: () -> PSValue
    package let set: (PSValue) throws -> Void
    package init(get: @escaping () -> PSValue, set: @escaping (PSValue) throws -> Void) {
        self.get = get
        self.set = set
    }
    /// A reference to a value that belongs to no variable.
    package convenience init(value: PSValue) {
        var stored = value
        self.init(get: { stored }, set: { stored = $0 })
    }
}
