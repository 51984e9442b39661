import ShellEngine

final class GetAlias: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")]).map { LanguagePrimitives.toString($0) }
        for pattern in patterns {
            let matcher = WildcardPattern(pattern)
            for (key, target) in context.engine.aliases.sorted(by: { $0.key.name < $1.key.name }) where matcher.matches(key.name) {
                let alias = key.name
                try context.writeObject(.object(CommandInfoObject(name: "\(alias) -> \(target)", kind: "Alias", module: "",
                                                                  definition: target)))
            }
        }
    }
}

final class GetMember: Cmdlet {
    private var seenTypes = Set<String>()

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        let typeName = input.typeName
        guard seenTypes.insert(typeName).inserted else { return }
        var rows: [(String, String, String)] = []
        for method in ["Equals", "GetHashCode", "GetType", "ToString"] {
            rows.append((method, "Method", method == "ToString" ? "string ToString()" : method == "GetType" ? "type GetType()"
                         : method == "Equals" ? "bool Equals(System.Object obj)" : "int GetHashCode()"))
        }
        for p in ObjectProperties.list(input) {
            let short = GetMember.shortType(p.typeName)
            let kind = input.isPropertyBag ? "NoteProperty" : "Property"
            let definition = kind == "NoteProperty" ? "\(short) \(p.name)=\(LanguagePrimitives.toString(p.value))"
                                                    : "\(short) \(p.name) {get;\(p.isSettable ? "set;" : "")}"
            rows.append((p.name, kind, definition))
        }
        if let names = context.value("Name").map({ ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }) {
            rows = rows.filter { row in names.contains { WildcardPattern($0).matches(row.0) } }
        }
        if let kind = context.string("MemberType") { rows = rows.filter { WildcardPattern(kind).matches($0.1) } }
        for row in rows {
            try context.writeObject(.object(MemberDefinition(typeName: typeName, name: row.0, memberType: row.1,
                                                             definition: row.2)))
        }
    }

    /// `bool`, `uint32`, `string`: the short names Get-Member's definitions use.
    static func shortType(_ full: String) -> String {
        switch full {
        case "System.Boolean": return "bool"
        case "System.UInt32": return "uint32"
        case "System.UInt64": return "uint64"
        case "System.Int32": return "int"
        case "System.Int64": return "long"
        case "System.String": return "string"
        case "System.Double": return "double"
        default: return full
        }
    }
}
