import ShellEngine

/// Get-Alias: the aliases whose names match -Name (and not -Exclude), or whose definitions
/// match -Definition, in name order.
final class GetAlias: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let list = { (name: String) in context.value(name).map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } } }
        let excluded = (list("Exclude") ?? []).map { WildcardPattern($0) }
        let sorted = context.engine.aliases.sorted { $0.key.name.lowercased() < $1.key.name.lowercased() }
        let keep = { (name: String) in !excluded.contains { $0.matches(name) } }
        if let definitions = list("Definition") {
            for pattern in definitions.map({ WildcardPattern($0) }) {
                for (key, target) in sorted where pattern.matches(target) && keep(key.name) {
                    try context.writeObject(.object(CommandInfoObject.alias(key.name, definition: target)))
                }
            }
            return
        }
        for pattern in (list("Name") ?? ["*"]) {
            let matcher = WildcardPattern(pattern)
            for (key, target) in sorted where matcher.matches(key.name) && keep(key.name) {
                try context.writeObject(.object(CommandInfoObject.alias(key.name, definition: target)))
            }
        }
    }
}

final class GetMember: Cmdlet {
    private var seenTypes = Set<String>()

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject"), !input.isNull else { return }
        let isStatic = context.switchValue("Static")
        var typeName = input.typeName
        if isStatic, case .type(let info) = input { typeName = info.fullName }
        guard seenTypes.insert(typeName).inserted else { return }
        var rows: [(String, String, String)] = []
        if !input.isPropertyBag, let members = context.engine.libraryMembers(of: input, isStatic: isStatic) {
            rows = members.map { ($0.name, $0.memberType, $0.definition) }
        } else {
            rows = Self.adaptedRows(input)
        }
        if let names = context.value("Name").map({ ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }) {
            rows = rows.filter { row in names.contains { WildcardPattern($0).matches(row.0) } }
        }
        if let kinds = Self.memberTypes(context.value("MemberType")) { rows = rows.filter { kinds($0.1) } }
        // MemberComparer: by MemberType's name, then by member name, both ignoring case.
        rows.sort { a, b in
            let kindA = a.1.lowercased(), kindB = b.1.lowercased()
            return kindA != kindB ? kindA < kindB : a.0.lowercased() < b.0.lowercased()
        }
        for row in rows {
            try context.writeObject(.object(MemberDefinition(typeName: typeName, name: row.0, memberType: row.1,
                                                             definition: row.2)))
        }
    }

    /// No object came (`$null | Get-Member`, or no input at all): 5.1's NoObjectInGetMember.
    func end(_ context: CommandContext) throws {
        guard seenTypes.isEmpty else { return }
        try context.writeError(context.errorRecord(message: Messages.template("NoObjectSpecified"),
            errorId: "NoObjectInGetMember", category: .CloseError,
            exceptionType: "System.InvalidOperationException"))
    }

    /// Members of objects the library does not declare: the Object methods and the adapted properties.
    private static func adaptedRows(_ input: PSValue) -> [(String, String, String)] {
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
        return rows
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

    /// -MemberType as PSMemberTypes: one or more names (`Method, Property`, an array, or the
    /// groups Properties, Methods and All); nil when not given.
    static func memberTypes(_ value: PSValue?) -> ((String) -> Bool)? {
        guard let value, !value.isNull else { return nil }
        let groups = ["properties": ["AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty"],
                      "methods": ["Method", "CodeMethod", "ScriptMethod"]]
        var patterns: [WildcardPattern] = []
        for item in value.enumerated ?? [value] {
            for word in LanguagePrimitives.toString(item).split(whereSeparator: { $0 == "," || $0 == " " }) {
                let name = String(word)
                if name.caseInsensitiveEquals("All") { return { _ in true } }
                patterns += (groups[name.lowercased()] ?? [name]).map { WildcardPattern($0) }
            }
        }
        return { kind in patterns.contains { $0.matches(kind) } }
    }
}
