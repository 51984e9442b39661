import ShellEngine

/// Microsoft.PowerShell.Commands.GroupInfo: Count, Name, Values, Group.
final class GroupInfoObject: PSObject {
    let name: String
    let values: [PSValue]
    var group: [PSValue]
    let noElement: Bool

    init(name: String, values: [PSValue], first: PSValue, noElement: Bool) {
        self.name = name
        self.values = values
        self.group = [first]
        self.noElement = noElement
        super.init(typeNames: (noElement ? ["Microsoft.PowerShell.Commands.GroupInfoNoElement"] : [])
                   + [FormatView.groupInfoTypeName, "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        var list = [PSPropertyInfo(name: "Count", value: .int32(Int32(clamping: group.count))),
                    PSPropertyInfo(name: "Name", value: .string(name)),
                    PSPropertyInfo(name: "Values", value: .array(PSArray(values)), typeName: "System.Collections.ArrayList")]
        if !noElement {
            list.append(PSPropertyInfo(name: "Group", value: .array(PSArray(group)),
                                       typeName: "System.Collections.ObjectModel.Collection`1[[System.Management.Automation.PSObject]]"))
        }
        return list
    }

    override func toString() -> String { "Microsoft.PowerShell.Commands.GroupInfo" }
}

/// Group-Object: groups in the order their first member arrived; names join the key values with ", ".
final class GroupObject: Cmdlet {
    private var groups: [GroupInfoObject] = []
    private var index: [String: Int] = [:]

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        let selectors = (context.value("Property").map { $0.enumerated ?? [$0] } ?? []).map(PropertySelector.init)
        var keys: [PSValue] = []
        if selectors.isEmpty { keys = [input] } else {
            for selector in selectors { keys += try selector.resolve(input, engine: context.engine).map(\.value) }
        }
        let name = keys.map { LanguagePrimitives.toString($0) }.joined(separator: ", ")
        let key = context.switchValue("CaseSensitive") ? name : name.lowercased()
        if let i = index[key] {
            groups[i].group.append(input)
        } else {
            index[key] = groups.count
            groups.append(GroupInfoObject(name: name, values: keys, first: input, noElement: context.switchValue("NoElement")))
        }
    }

    func end(_ context: CommandContext) throws {
        if context.switchValue("AsHashTable") {
            let table = PSHashtable()
            for group in groups {
                let key: PSValue = context.switchValue("AsString") || group.values.count != 1 ? .string(group.name) : group.values[0]
                table[key] = .array(PSArray(group.group))
            }
            try context.writeObject(.hashtable(table))
            return
        }
        for group in groups { try context.writeObject(.object(group)) }
    }
}

/// Compare-Object: `InputObject SideIndicator` rows for the objects only one side has (`<=` the
/// reference, `=>` the difference), `==` for equal ones with -IncludeEqual.
final class CompareObject: Cmdlet {
    private var difference: [PSValue] = []

    /// Both sets are mandatory: $null given for either is refused as the binder refuses it.
    func begin(_ context: CommandContext) throws {
        for name in ["ReferenceObject", "DifferenceObject"] where context.value(name)?.isNull == true {
            let binder = ParameterBinder(engine: context.engine, metadata: context.metadata, invocation: context.invocation,
                                         commandExtent: context.invocation.extent ?? .empty)
            throw binder.bindingError("ParameterArgumentValidationErrorNullNotAllowed", parameterName: name,
                                      extent: context.boundExtents[name] ?? context.invocation.extent ?? .empty)
        }
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { difference.append(input) }
    }

    func end(_ context: CommandContext) throws {
        let reference = context.value("ReferenceObject").map { $0.enumerated ?? [$0] } ?? []
        if difference.isEmpty { difference = context.value("DifferenceObject").map { $0.enumerated ?? [$0] } ?? [] }
        let selectors = (context.value("Property").map { $0.enumerated ?? [$0] } ?? []).map(PropertySelector.init)
        let caseSensitive = context.switchValue("CaseSensitive")
        let engine = context.engine
        func keys(_ value: PSValue) throws -> [PSValue] {
            if selectors.isEmpty { return [value] }
            var result: [PSValue] = []
            for selector in selectors { result += try selector.resolve(value, engine: engine).map(\.value) }
            return result
        }
        func same(_ a: [PSValue], _ b: [PSValue]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { Operators.equals($0, $1, caseSensitive: caseSensitive) }
        }
        let referenceKeys = try reference.map(keys)
        let differenceKeys = try difference.map(keys)
        var unmatchedDifference = Array(difference.indices)
        var equal: [(PSValue, [PSValue], String)] = []
        var referenceOnly: [(PSValue, [PSValue], String)] = []
        for (i, item) in reference.enumerated() {
            if let j = unmatchedDifference.firstIndex(where: { same(referenceKeys[i], differenceKeys[$0]) }) {
                unmatchedDifference.remove(at: j)
                if context.switchValue("IncludeEqual") { equal.append((item, referenceKeys[i], "==")) }
            } else {
                referenceOnly.append((item, referenceKeys[i], "<="))
            }
        }
        var rows = equal
        if !context.switchValue("ExcludeDifferent") {
            rows += unmatchedDifference.map { (difference[$0], differenceKeys[$0], "=>") } + referenceOnly
        }
        for (item, itemKeys, side) in rows {
            if context.switchValue("PassThru") {
                try context.writeObject(item)
                continue
            }
            let row = PSCustomObject()
            if selectors.isEmpty {
                row.add("InputObject", item)
            } else {
                for (selector, value) in zip(selectors, itemKeys) { row.add(selector.label ?? selector.name ?? "", value) }
            }
            row.add("SideIndicator", .string(side))
            try context.writeObject(.object(row))
        }
    }
}

/// Get-Unique: drops each input equal to the one before it (a sorted list's duplicates).
final class GetUnique: Cmdlet {
    private var last: PSValue?

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        if let last {
            let same = context.switchValue("AsString") || {
                if case .string = input { return true }
                return false
            }()
                ? LanguagePrimitives.toString(last) == LanguagePrimitives.toString(input)
                : Operators.equals(last, input, caseSensitive: true)
            if same { return }
        }
        last = input
        try context.writeObject(input)
    }
}

/// Tee-Object: passes each object on and keeps it in a variable or a file.
final class TeeObject: Cmdlet {
    private var collected: [PSValue] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        collected.append(input)
        try context.writeObject(input)
    }

    func end(_ context: CommandContext) throws {
        let engine = context.engine
        if let name = context.string("Variable") {
            let value: PSValue = collected.count == 1 ? collected[0] : .array(PSArray(collected))
            try? engine.sessionState.set(name, value)
        }
        if let path = context.string("FilePath") ?? context.string("LiteralPath") {
            let formatter = OutputFormatter(width: engine.host.bufferWidth)
            var text = ""
            for value in collected { text += formatter.process(value) }
            text += formatter.finish()
            try engine.writeTextFile(path, text, append: context.switchValue("Append"))
        }
    }
}

/// Add-Member: note properties on custom objects (`-NotePropertyName/-NotePropertyValue`,
/// `-NotePropertyMembers`, `-MemberType NoteProperty -Name -Value`), and the type name.
final class AddMember: Cmdlet {
    static let memberAlreadyExists = "Cannot add a member with the name \"{0}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let target = input ?? context.value("InputObject") else { return }
        var members: [(String, PSValue)] = []
        if let table = context.value("NotePropertyMembers"), case .hashtable(let h) = table {
            members = h.entries.map { (LanguagePrimitives.toString($0.0), $0.1) }
        } else if let name = context.string("NotePropertyName") {
            members = [(name, context.value("NotePropertyValue") ?? .null)]
        } else if case .hashtable(let h)? = context.value("MemberType") {
            members = h.entries.map { (LanguagePrimitives.toString($0.0), $0.1) }
        } else if let name = context.string("Name") {
            let kind = context.string("MemberType") ?? "NoteProperty"
            var value = context.value("Value") ?? .null
            if kind.caseInsensitiveEquals("AliasProperty"), case .object(let o) = target {
                value = o.property(LanguagePrimitives.toString(value)) ?? .null
            }
            members = [(name, value)]
        }
        if case .object(let object as PSCustomObject) = target {
            for (name, value) in members {
                if object.property(name) != nil && !context.switchValue("Force") {
                    try context.writeError(context.errorRecord(message: Messages.fill(Self.memberAlreadyExists, [name]),
                        errorId: "MemberAlreadyExists", category: .InvalidOperation,
                        exceptionType: "System.InvalidOperationException", target: target))
                    return
                }
                object.add(name, value)
            }
            if let typeName = context.string("TypeName") { object.typeNames.insert(typeName, at: 0) }
        }
        if context.switchValue("PassThru") { try context.writeObject(target) }
    }
}
