import ShellEngine

/// Get-ItemProperty, Get-ItemPropertyValue, Set-, New- and Remove-ItemProperty: the provider's
/// properties of an item (registry values; a file's attributes).
final class ItemPropertyCmdlet: Cmdlet {
    enum Verb { case get, getValue, set, new, remove }
    let verb: Verb
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let (texts, literal) = try context.providerPaths()
        for path in try context.resolveExisting(texts, literal: literal) {
            do {
                switch verb {
                case .get: try get(context, path)
                case .getValue: try getValue(context, path)
                case .set, .new: try write(context, path)
                case .remove: try remove(context, path)
                }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }

    private var names: (CommandContext) -> [String]? { { $0.stringList("Name") } }

    /// The object Get-ItemProperty returns: the values, then PSPath … PSProvider.
    private func propertyObject(_ path: ItemPath, _ values: [(String, PSValue)]) -> PSValue {
        let o = PSCustomObject()
        for (name, value) in values { o.add(name, value) }
        for note in path.notes(isContainer: true) where note.name != "PSIsContainer" { o.add(note.name, note.value) }
        return .object(o)
    }

    private func propertyNotFound(_ context: CommandContext, _ name: String, _ path: ItemPath) throws {
        try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.propertyNotFound, [name, path.providerPath]),
            errorId: "System.Management.Automation.PSArgumentException", category: .InvalidArgument,
            exceptionType: "System.Management.Automation.PSArgumentException", target: .string(name)))
    }

    private func get(_ context: CommandContext, _ path: ItemPath) throws {
        let values = try path.provider.properties(path.providerPath, context.engine)
        guard let wanted = names(context) else {
            if !values.isEmpty { try context.writeObject(propertyObject(path, values)) }
            return
        }
        var selected: [(String, PSValue)] = []
        for name in wanted {
            let pattern = WildcardPattern(name)
            let found = values.filter { pattern.matches($0.0) }
            if found.isEmpty && !PathText.hasWildcard(name) { try propertyNotFound(context, name, path) }
            selected += found.filter { f in !selected.contains { $0.0 == f.0 } }
        }
        if !selected.isEmpty { try context.writeObject(propertyObject(path, selected)) }
    }

    private func getValue(_ context: CommandContext, _ path: ItemPath) throws {
        let values = try path.provider.properties(path.providerPath, context.engine)
        for name in names(context) ?? [] {
            guard let value = values.first(where: { $0.0.caseInsensitiveEquals(name) }) else {
                try propertyNotFound(context, name, path)
                continue
            }
            try context.writeObject(value.1)
        }
    }

    private func write(_ context: CommandContext, _ path: ItemPath) throws {
        let engine = context.engine
        let name = context.string("Name") ?? ""
        let value = context.value("Value") ?? .null
        guard try context.shouldProcess(target: "Item: \(path.providerPath) Property: \(name)",
                                        action: verb == .new ? "New Property" : "Set Property") else { return }
        try path.provider.setProperty(path.providerPath, name: name, value: value,
                                      type: context.string("Type") ?? context.string("PropertyType"), create: verb == .new,
                                      force: context.switchValue("Force"), engine)
        if verb == .new || context.switchValue("PassThru") {
            let values = try path.provider.properties(path.providerPath, engine)
            try context.writeObject(propertyObject(path, values.filter { $0.0.caseInsensitiveEquals(name) }))
        }
    }

    private func remove(_ context: CommandContext, _ path: ItemPath) throws {
        for name in names(context) ?? [] {
            guard try context.shouldProcess(target: "Item: \(path.providerPath) Property: \(name)",
                                            action: "Remove Property") else { continue }
            do throws(ProviderError) {
                try path.provider.removeProperty(path.providerPath, name: name, context.engine)
            } catch {
                try context.writeProviderError(error)
            }
        }
    }

    static func definitions(_ define: (String, [ParameterMetadata], Bool, String, @escaping () -> Cmdlet) -> CmdletDefinition)
        -> [CmdletDefinition] {
        typealias P = ProviderParameters
        let path = P.path(mandatory: true), literal = P.literalPath
        let filters = [P.filter, P.include, P.exclude]
        let kinds = ["String", "ExpandString", "Binary", "DWord", "MultiString", "QWord", "Unknown"]
        let kind = ParameterType.enumeration(typeName: "Microsoft.Win32.RegistryValueKind", values: kinds)
        let name = ParameterMetadata("Name", .string, aliases: ["PSProperty"], position: 1, mandatory: true,
                                     valueFromPipelineByPropertyName: true, help: "The property name.")
        let names = ParameterMetadata("Name", .array(.string), aliases: ["PSProperty"], position: 1,
                                      help: "Property names (wildcards allowed).")
        let value = ParameterMetadata("Value", .object, position: 2, valueFromPipelineByPropertyName: true, help: "The value.")
        return [
            define("Get-ItemProperty", [path, literal, names] + filters + [P.credential], false,
                   "Gets the properties of a specified item.") { ItemPropertyCmdlet(.get) },
            define("Get-ItemPropertyValue", [P.path(), literal, ParameterMetadata("Name", .array(.string), aliases: ["PSProperty"],
                                                                               position: 1, mandatory: true)] + filters + [P.credential],
                   false, "Gets the value for one or more properties of a specified item.") { ItemPropertyCmdlet(.getValue) },
            define("Set-ItemProperty", [path, literal, name, value, ParameterMetadata("Type", kind), P.force, P.passThru]
                   + filters + [P.credential], true,
                   "Creates or changes the value of a property of an item.") { ItemPropertyCmdlet(.set) },
            define("New-ItemProperty", [path, literal, name, value, ParameterMetadata("PropertyType", kind, aliases: ["Type"]),
                                        P.force] + filters + [P.credential], true,
                   "Creates a new property for an item and sets its value.") { ItemPropertyCmdlet(.new) },
            define("Remove-ItemProperty", [path, literal, ParameterMetadata("Name", .array(.string), aliases: ["PSProperty"],
                                                                             position: 1, mandatory: true,
                                                                             valueFromPipelineByPropertyName: true),
                                           P.force] + filters + [P.credential], true,
                   "Deletes the property and its value from an item.") { ItemPropertyCmdlet(.remove) },
        ]
    }
}
