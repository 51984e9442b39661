import CmdletParser
import FoundationEssentials

/// Member access, method calls and indexing over the shell's values.
extension Engine {

    package func getMember(_ target: PSValue, _ name: String, isStatic: Bool, extent: SourceExtent) throws -> PSValue {
        // A date an object holds reads as the library's System.DateTime, with all its members.
        if case .object(let date as DateTimeObject) = target { return try getMember(libraryDateTime(date), name, isStatic: isStatic, extent: extent) }
        let value = try memberValue(target, name, isStatic: isStatic, extent: extent)
        if case .object(let date as DateTimeObject) = value { return libraryDateTime(date) }
        return value
    }

    private func memberValue(_ target: PSValue, _ name: String, isStatic: Bool, extent: SourceExtent) throws -> PSValue {
        if isStatic, case .type(let type) = target {
            if let value = RegexTypes.staticProperty(type, name) { return value }
            return try staticMember(type, name) ?? .null
        }
        // Every object has the hidden PSTypeNames: its type names, most derived first.
        if name.caseInsensitiveEquals("PSTypeNames"), !target.isNull, !Self.hasKey(target, name) {
            let names: [String]
            if case .object(let o) = target, !(o is DotNetObject) { names = o.typeNames } else { names = types.typeNames(of: target.typeName) }
            return .array(PSArray(names.map { .string($0) }, elementTypeName: "System.String"))
        }
        switch target {
        case .null:
            // `$null.Count` and `$null.Length` are 0 in 5.1.
            if name.caseInsensitiveEquals("Count") || name.caseInsensitiveEquals("Length") { return .int32(0) }
            return .null
        case .hashtable(let h):
            if let value = h[string: name] { return value }
        case .object(let o) where !(o is DotNetObject):
            if let value = o.property(name) { return value }
            if name.caseInsensitiveEquals("PSObject") { return .object(PSObjectView(o)) }
        case .scriptBlock(let b):
            if name.caseInsensitiveEquals("Ast") { return .string(b.ast.source.text(of: b.ast.extent)) }
            if name.caseInsensitiveEquals("File") { return b.ast.source.file.map { .string($0) } ?? .null }
            if name.caseInsensitiveEquals("Module") { return .null }
        default: break
        }
        if let value = try instanceMember(target, name, extent: extent) { return value }
        if case .array(let a) = target {
            // Member enumeration: `$list.Name` collects each element's property.
            var results: [PSValue] = []
            for item in a.items {
                let value = try getMember(item, name, isStatic: false, extent: extent)
                if let inner = value.enumerated { results.append(contentsOf: inner) } else if !value.isNull { results.append(value) }
            }
            return results.count == 1 ? results[0] : .array(PSArray(results))
        }
        // Every scalar has `.Count` and `.Length` of 1 in PowerShell 3 and later.
        if name.caseInsensitiveEquals("Count") || name.caseInsensitiveEquals("Length") { return .int32(1) }
        return .null
    }

    private static func hasKey(_ target: PSValue, _ name: String) -> Bool {
        if case .hashtable(let h) = target { return h[string: name] != nil }
        return false
    }

    package func setMember(_ target: PSValue, _ name: String, _ value: PSValue, extent: SourceExtent) throws {
        switch target {
        case .hashtable(let h):
            h[string: name] = value
            return
        case .type(let type):
            if try setStaticMember(type, name, value, extent: extent) { return }
        case .object(let o) where !(o is DotNetObject):
            if o.setProperty(name, value) { return }
            if let custom = o as? PSCustomObject { custom.add(name, value); return }
        default: break
        }
        if try setInstanceMember(target, name, value, extent: extent) { return }
        // 5.1's set-member binder: PropertyNotFound on $null, PropertyAssignmentException on an object.
        throw RuntimeError(record: runtimeErrorRecord(message: Messages.format("PropertyNotFound", name),
            errorId: target.isNull ? "PropertyNotFound" : "PropertyAssignmentException", category: .InvalidOperation,
            extent: extent))
    }

    package func invokeMethod(_ target: PSValue, _ name: String, _ arguments: [PSValue], isStatic: Bool,
                      extent: SourceExtent) throws -> PSValue {
        if case .object(let date as DateTimeObject) = target {
            return try invokeMethod(libraryDateTime(date), name, arguments, isStatic: isStatic, extent: extent)
        }
        if isStatic, case .type(let type) = target {
            do {
                if let result = try RegexTypes.invokeStatic(type, name, arguments, engine: self) { return result }
            } catch let failure as ConversionFailure {
                throw RuntimeError(record: runtimeErrorRecord(
                    message: Messages.format("MethodInvocationException", name, String(arguments.count), failure.message),
                    errorId: "MethodInvocationException", category: .NotSpecified, extent: extent,
                    exceptionType: "System.Management.Automation.MethodInvocationException"))
            }
            if let result = try invokeStatic(type, name, arguments, extent: extent) { return result }
            throw methodNotFoundError(type.fullName, name, extent: extent)
        }
        if case .null = target {
            throw RuntimeError(record: runtimeErrorRecord(message: Messages.template("InvokeMethodOnNull"),
                errorId: "InvokeMethodOnNull", category: .InvalidOperation, extent: extent))
        }
        if let result = try IntrinsicMethods.invoke(target, name.lowercased(), arguments, engine: self) { return result }
        if case .object(let o) = target, !(o is DotNetObject) {
            do {
                // A .NET exception the method raises is reported as MethodInvocationException.
                var result: PSValue?
                try wrapInvocation(name: name, count: arguments.count, extent: extent, setter: false) { () throws -> PSValue in
                    result = try o.invokeMethod(name, arguments)
                    return .null
                }
                if let result { return result }
            } catch let failure as ConversionFailure {
                throw RuntimeError(record: runtimeErrorRecord(
                    message: Messages.format("MethodInvocationException", name, String(arguments.count), failure.message),
                    errorId: "MethodInvocationException", category: .NotSpecified, extent: extent,
                    exceptionType: "System.Management.Automation.MethodInvocationException"))
            }
        }
        if let result = try invokeInstance(target, name, arguments, extent: extent) { return result }
        throw methodNotFoundError(types.valueTypeName(target), name, extent: extent)
    }

    package func index(_ target: PSValue, _ index: PSValue, extent: SourceExtent) throws -> PSValue {
        switch target {
        case .null:
            throw RuntimeError(record: runtimeErrorRecord(message: Messages.template("NullArrayIndex"),
                errorId: "NullArray", category: .InvalidOperation, extent: extent))
        case .hashtable(let h):
            if let keys = index.enumerated { return .array(PSArray(keys.map { h[$0] ?? .null })) }
            return h[index] ?? .null
        case .array(let a):
            if let indices = index.enumerated {
                return .array(PSArray(indices.compactMap { i in element(a.items, i) }))
            }
            return element(a.items, index) ?? .null
        case .string(let s):
            let chars = Array(s)
            if let i = LanguagePrimitives.toInt64(index) {
                let n = i < 0 ? Int64(chars.count) + i : i
                return n >= 0 && n < chars.count ? .char(chars[Int(n)]) : .null
            }
            return .null
        case .object(let o as DotNetObject) where indexer(of: o, "get") != nil:
            return try invokeInstance(target, indexer(of: o, "get")!, [index], extent: extent) ?? .null
        case .object(let o):
            if let value = o.property(LanguagePrimitives.toString(index)) { return value }
            // A single object (not a .NET collection) indexed by 0 or -1 is itself, as any scalar
            // (`$result[0]` when a command wrote one object).
            if !(o is DotNetObject), !index.isDouble, let i = LanguagePrimitives.toInt64(index), i == 0 || i == -1 { return target }
            return .null
        default:
            if let i = LanguagePrimitives.toInt64(index), i == 0 || i == -1 { return target }
            return .null
        }
    }

    /// The accessor of a library type's indexer (its parameterized property, Chars or Item): `get_Item`.
    private func indexer(of object: DotNetObject, _ accessor: String) -> String? {
        ["Chars", "Item"].map { accessor + "_" + $0 }.first { !types.instanceMethods(of: object.type, named: $0).isEmpty }
    }

    private func element(_ items: [PSValue], _ index: PSValue) -> PSValue? {
        guard let i = LanguagePrimitives.toInt64(index) else { return nil }
        let n = i < 0 ? Int64(items.count) + i : i
        return n >= 0 && n < items.count ? items[Int(n)] : nil
    }

    package func setIndex(_ target: PSValue, _ index: PSValue, _ value: PSValue, extent: SourceExtent) throws {
        switch target {
        case .object(let o as DotNetObject) where indexer(of: o, "set") != nil:
            _ = try invokeInstance(target, indexer(of: o, "set")!, [index, value], extent: extent)
        case .hashtable(let h):
            h[index] = value
        case .array(let a):
            guard let i = LanguagePrimitives.toInt64(index), i.magnitude <= UInt64(a.items.count) else { fallthrough }
            let n = Int(i < 0 ? Int64(a.items.count) + i : i)
            guard n >= 0 && n < a.items.count else { fallthrough }
            a.items[n] = value
        default:
            throw RuntimeError(record: runtimeErrorRecord(message: Messages.template("ArgumentOutOfRange"),
                errorId: "System.IndexOutOfRangeException", category: .OperationStopped, extent: extent,
                exceptionType: "System.IndexOutOfRangeException"))
        }
    }
}

/// `$obj.PSObject`: the adapter view (`.Properties`, `.TypeNames`).
package final class PSObjectView: PSObject {
    package let object: PSObject
    package init(_ object: PSObject) {
        self.object = object
        super.init(typeNames: ["System.Management.Automation.PSObject", "System.Object"])
    }
    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Properties", value: .array(PSArray(object.properties.map { p in
            let o = PSCustomObject(typeNames: ["System.Management.Automation.PSProperty", "System.Object"])
            o.add("Name", .string(p.name))
            o.add("Value", p.value)
            o.add("TypeNameOfValue", .string(p.typeName))
            return .object(o)
        }))),
         PSPropertyInfo(name: "TypeNames", value: .array(PSArray(object.typeNames.map { .string($0) })))]
    }
}
