/// Get-Member's rows and the completion candidates of a library value or type, from the declarations.
package struct LibraryMember {
    package let name: String
    /// `Method` or `Property`.
    package let memberType: String
    /// 5.1's Definition: the overloads joined by `, ` (`int IndexOf(char value), int IndexOf(string value)`),
    /// `int Length {get;}`, `static datetime Now {get;}`.
    package let definition: String
}

extension Engine {
    /// The members of a value's library type (or, with `isStatic`, of a type literal's type), in
    /// Get-Member's order: methods, then properties, each by name. Nil when the library does not
    /// declare the type.
    package func libraryMembers(of value: PSValue, isStatic: Bool) -> [LibraryMember]? {
        if isStatic {
            guard case .type(let info) = value, let type = types.type(named: info.fullName) else { return nil }
            var methods: [String: [DotNetMethod]] = [:]
            var properties: [String: String] = [:]
            for typeName in types.typeNames(of: type.fullName).reversed() {
                guard let t = types.type(named: typeName) else { continue }
                for m in t.staticMethods where !m.name.hasPrefix("op_") { methods[m.name, default: []].append(m) }
                for p in t.staticProperties { properties[p.name] = "static " + p.definition }
                for e in t.enumValues { properties[e.name] = "static \(type.fullName) \(e.name) {get;}" }
            }
            if !type.constructors.isEmpty && type.fullName != "System.Object" {
                methods["new"] = type.constructors.map { DotNetMethod(name: "new", returnType: TypeNames.shortName(type.fullName), signature: "", body: $0.body, copying: $0) }
            }
            return rows(methods: methods, properties: properties, staticMethods: true)
        }
        // Objects of the shell's own classes (error records, CIM instances) list their adapted properties.
        if case .object(let o) = value, !(o is DotNetObject) { return nil }
        guard let (type, _) = dotNetType(of: value) else { return nil }
        var methods: [String: [DotNetMethod]] = [:]
        var properties: [String: String] = [:]
        for typeName in types.typeNames(of: type.fullName) {
            guard let t = types.type(named: typeName) else { continue }
            for m in t.methods {
                let existing = methods[m.name, default: []]
                if !existing.contains(where: { $0.parameters.map(\.type) == m.parameters.map(\.type) }) {
                    methods[m.name, default: []].append(m)
                }
            }
            for p in t.properties where properties[p.name] == nil { properties[p.name] = p.definition }
        }
        return rows(methods: methods, properties: properties, staticMethods: false)
    }

    private func rows(methods: [String: [DotNetMethod]], properties: [String: String], staticMethods: Bool) -> [LibraryMember] {
        let methodRows = methods.keys.sorted { $0.lowercased() < $1.lowercased() }.map { name in
            LibraryMember(name: name, memberType: "Method",
                          definition: (methods[name] ?? []).map { (staticMethods ? "static " : "") + $0.definition }.joined(separator: ", "))
        }
        let propertyRows = properties.keys.sorted { $0.lowercased() < $1.lowercased() }.map { name in
            LibraryMember(name: name, memberType: "Property", definition: properties[name] ?? "")
        }
        return methodRows + propertyRows
    }
}

extension DotNetMethod {
    /// A constructor shown as `new`.
    init(name: String, returnType: String, signature: String, body: @escaping Body, copying other: DotNetMethod) {
        self.name = name
        self.returnType = returnType
        self.parameters = other.parameters
        self.isParams = other.isParams
        self.body = body
    }
}
