import CmdletParser
import FoundationEssentials

/// The .NET types an engine knows: the runtime's own and those the command modules register.
/// Names resolve as PowerShell resolves them: type accelerators, full names, names under `System.`,
/// arrays (`int[]`) and generic instantiations (`List[string]`, ``List`1[string]``).
package final class TypeLibrary {
    private var byName: [String: DotNetType] = [:]
    private var accelerators: [String: String] = [:]
    private var pending: [() -> [DotNetType]] = []
    /// Namespaces of `using namespace` statements, searched for names not found otherwise.
    private var namespaces: [String] = []
    /// What member calls and conversions ask again and again, by the names as they were asked
    /// (emptied whenever a type is entered).
    private var lookups: [String: Lookup] = [:]
    private var hierarchies: [String: [String]] = [:]
    private var assignability: [NamePair: Bool] = [:]
    private var methodLists: [MethodListKey: [DotNetMethod]] = [:]
    /// Overload resolution by member and argument types, kept where the choice depended on
    /// nothing else.
    private var resolutions: [ResolutionKey: Resolution] = [:]

    /// The type whose members a call chooses among, and which of them.
    package enum MemberOwner: Hashable {
        case staticMember(String), constructor(String), instanceMember(String)
    }
    package struct ResolutionKey: Hashable {
        package let owner: MemberOwner
        package let name: String
        package let typeArguments: [String]
        /// Each argument's type name ("" for null).
        package let argumentTypes: [String]
    }
    package struct Resolution {
        package let method: DotNetMethod
        package let arrayForm: Bool
    }

    package func resolution(_ key: ResolutionKey) -> Resolution? {
        loadPending()
        return resolutions[key]
    }

    package func remember(_ resolution: Resolution, for key: ResolutionKey) {
        if resolutions.count >= 4096 { resolutions = [:] }
        resolutions[key] = resolution
    }

    private enum Lookup { case found(DotNetType), missing }
    private struct NamePair: Hashable { let from: String, to: String }
    private struct MethodListKey: Hashable { let type: String, name: String, isStatic: Bool }

    /// The runtime's own types are entered on the first lookup: `-Command exit` and a command that
    /// names no type never build the declarations.
    package init() {
        pending.append { StandardTypes.all }
    }

    /// A script's `using namespace X` statements: type names also resolve under X from then on.
    package func use(_ statements: [UsingStatementAst]) {
        for statement in statements where statement.usingKind == .namespace {
            let key = statement.name.lowercased()
            if !namespaces.contains(key) { namespaces.append(key) }
        }
    }

    /// Types added by a module (built when a name is first looked up).
    package func registerLater(_ build: @escaping () -> [DotNetType]) {
        pending.append(build)
    }

    /// Types declared now (script classes and enums): entered after the pending declarations, so
    /// a script's type of the same name takes the place of a library one.
    package func register(_ types: [DotNetType]) {
        loadPending()
        enter(types)
    }

    private func enter(_ types: [DotNetType]) {
        lookups = [:]
        hierarchies = [:]
        assignability = [:]
        methodLists = [:]
        resolutions = [:]
        for type in types {
            byName[type.fullName.lowercased()] = type
            for alias in type.aliases { accelerators[alias.lowercased()] = type.fullName }
        }
    }

    private func loadPending() {
        guard !pending.isEmpty else { return }
        let builds = pending
        pending = []
        for build in builds { enter(build()) }
    }

    /// Every declared type (completion, `Get-Member`).
    package var allTypes: [DotNetType] {
        loadPending()
        return Array(byName.values)
    }

    /// The declaration of a full name (for a generic instantiation, of its definition).
    package func type(named fullName: String) -> DotNetType? {
        loadPending()
        switch lookups[fullName] {
        case .found(let type): return type
        case .missing: return nil
        case nil:
            let type = find(fullName)
            lookups[fullName] = type.map { .found($0) } ?? .missing
            return type
        }
    }

    private func find(_ fullName: String) -> DotNetType? {
        let key = fullName.lowercased()
        if let t = byName[key] { return t }
        if key.hasSuffix("[]") || key.hasSuffix("[,]") { return byName["system.array"] }
        if let parsed = GenericName(fullName) { return byName[parsed.definition.lowercased()] }
        return nil
    }

    /// Resolves a name as written in a type literal or cast; nil when unknown (`TypeNotFound`).
    package func resolve(_ written: String) -> PSTypeInfo? {
        loadPending()
        let name = written.trimmedWhitespace
        if name.hasSuffix("[]") {
            return resolve(String(name.dropLast(2))).map { PSTypeInfo(fullName: $0.fullName + "[]") }
        }
        if name.hasSuffix("[,]") {
            return resolve(String(name.dropLast(3))).map { PSTypeInfo(fullName: $0.fullName + "[,]") }
        }
        if let generic = GenericName(name) {
            guard let definition = resolveDefinition(generic.definition, arity: generic.arguments.count) else { return nil }
            var arguments: [String] = []
            for argument in generic.arguments {
                guard let resolved = resolve(argument) else { return nil }
                arguments.append(resolved.fullName)
            }
            return PSTypeInfo(fullName: GenericName.fullName(definition, arguments))
        }
        return resolveDefinition(name, arity: 0).map { PSTypeInfo(fullName: $0) }
    }

    private func resolveDefinition(_ name: String, arity: Int) -> String? {
        var key = name.lowercased()
        if arity > 0 && !key.contains("`") { key += "`\(arity)" }
        if arity == 0, let full = accelerators[key] { return full }
        if let t = byName[key] { return t.fullName }
        if let t = byName["system." + key] { return t.fullName }
        for namespace in namespaces {
            if let t = byName[namespace + "." + key] { return t.fullName }
        }
        return nil
    }

    // MARK: Hierarchy

    /// The type's name and its base types' names, most specific first, then its interfaces.
    package func typeNames(of fullName: String) -> [String] {
        loadPending()
        if let names = hierarchies[fullName] { return names }
        let names = hierarchy(of: fullName)
        hierarchies[fullName] = names
        return names
    }

    private func hierarchy(of fullName: String) -> [String] {
        var names: [String] = []
        var current: String? = fullName
        while let name = current, names.count < 16 {
            names.append(name)
            if name.hasSuffix("[]") { current = "System.Array"; continue }
            current = type(named: name)?.baseType ?? (name == "System.Object" ? nil : "System.Object")
        }
        return names
    }

    /// True when a value of type `from` is a `to` (base types and interfaces).
    package func isAssignable(from: String, to: String) -> Bool {
        loadPending()
        let pair = NamePair(from: from, to: to)
        if let known = assignability[pair] { return known }
        let result = assignable(from: from, to: to)
        assignability[pair] = result
        return result
    }

    private func assignable(from: String, to: String) -> Bool {
        let target = to.lowercased()
        for name in typeNames(of: from) {
            if name.lowercased() == target { return true }
            if let t = type(named: name), t.interfaces.contains(where: { $0.lowercased() == target }) { return true }
        }
        if from.hasSuffix("[]") && ["system.collections.ienumerable", "system.collections.ilist",
                                     "system.collections.icollection"].contains(target) { return true }
        return false
    }

    /// Instance methods named `name`, the type's own first, then those it inherits.
    package func instanceMethods(of type: DotNetType, named name: String) -> [DotNetMethod] {
        loadPending()
        let key = MethodListKey(type: type.fullName, name: name, isStatic: false)
        if let methods = methodLists[key] { return methods }
        var result: [DotNetMethod] = []
        for typeName in typeNames(of: type.fullName) {
            guard let t = self.type(named: typeName) else { continue }
            let own = t.methods.filter { $0.name.caseInsensitiveEquals(name) }
            // An overload with the same parameter count hides the inherited one.
            result += own.filter { m in !result.contains { $0.parameters.count == m.parameters.count } }
        }
        methodLists[key] = result
        return result
    }

    /// Static methods named `name`: those of the nearest type in the hierarchy that has any.
    package func staticMethods(of type: DotNetType, named name: String) -> [DotNetMethod] {
        loadPending()
        let key = MethodListKey(type: type.fullName, name: name, isStatic: true)
        if let methods = methodLists[key] { return methods }
        var result: [DotNetMethod] = []
        for typeName in typeNames(of: type.fullName) {
            guard let t = self.type(named: typeName) else { continue }
            result += t.staticMethods.filter { $0.name.caseInsensitiveEquals(name) }
            if !result.isEmpty { break }
        }
        methodLists[key] = result
        return result
    }

    package func instanceProperties(of type: DotNetType) -> [DotNetProperty] {
        var result: [DotNetProperty] = []
        for typeName in typeNames(of: type.fullName) {
            guard let t = self.type(named: typeName) else { continue }
            result += t.properties.filter { p in !result.contains { $0.name.caseInsensitiveEquals(p.name) } }
        }
        return result
    }
}

/// A generic type name: `System.Collections.Generic.List[string]`, ``List`1[[System.String, mscorlib]]``.
package struct GenericName {
    package let definition: String
    package let arguments: [String]

    package init?(_ name: String) {
        guard name.hasSuffix("]"), let open = name.firstIndex(of: "["), open != name.startIndex else { return nil }
        let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        guard !inner.isEmpty, inner != "," else { return nil }
        var parts: [String] = []
        var depth = 0, current = ""
        for c in inner {
            if c == "[" { depth += 1 }
            if c == "]" { depth -= 1 }
            if c == "," && depth == 0 { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        // `[[System.String, mscorlib, …]]`: the assembly-qualified form PowerShell prints.
        arguments = parts.map { part in
            var p = part.trimmedWhitespace
            if p.hasPrefix("[") && p.hasSuffix("]") {
                p = String(p.dropFirst().dropLast())
                var depth = 0
                if let comma = p.firstIndex(where: { c in
                    if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
                    return c == "," && depth == 0
                }) { p = String(p[..<comma]) }
            }
            return p.trimmedWhitespace
        }
        guard !arguments.contains(where: \.isEmpty) else { return nil }
        definition = String(name[..<open])
    }

    static let mscorlib = "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"

    /// .NET's full name of an instantiation, as `[List[string]].FullName` shows it.
    package static func fullName(_ definition: String, _ arguments: [String]) -> String {
        definition + "[" + arguments.map { "[\($0), \(mscorlib)]" }.joined(separator: ",") + "]"
    }
}
