/// The engine's cmdlets by name. Groups are registered unbuilt and built on first lookup, so
/// start-up stays short: a group registered with its names is built when one of them is looked
/// up; a group registered without names, on the first lookup of any name not yet known.
package final class CommandTable {
    private var built: [NameKey: CmdletDefinition] = [:]
    private var pending: [Int: () -> [CmdletDefinition]] = [:]
    private var pendingNames: [NameKey: Int] = [:]
    private var unnamedGroups: [Int] = []
    private var groupCount = 0

    package func register(_ definitions: [CmdletDefinition]) {
        for definition in definitions { built[NameKey(definition.metadata.name)] = definition }
    }

    package func registerLater(names: [String]? = nil, _ build: @escaping () -> [CmdletDefinition]) {
        let group = groupCount
        groupCount += 1
        pending[group] = build
        guard let names else { return unnamedGroups.append(group) }
        for name in names { pendingNames[NameKey(name)] = group }
    }

    package subscript(key: NameKey) -> CmdletDefinition? {
        if let definition = built[key] { return definition }
        if !unnamedGroups.isEmpty {
            for group in unnamedGroups { materialize(group) }
            unnamedGroups = []
            if let definition = built[key] { return definition }
        }
        guard let group = pendingNames[key] else { return nil }
        materialize(group)
        return built[key]
    }

    /// Every cmdlet, building the pending groups.
    package var all: [CmdletDefinition] {
        for group in Array(pending.keys) { materialize(group) }
        unnamedGroups = []
        return Array(built.values)
    }

    private func materialize(_ group: Int) {
        guard let build = pending.removeValue(forKey: group) else { return }
        register(build())
        pendingNames = pendingNames.filter { $0.value != group }
    }
}
