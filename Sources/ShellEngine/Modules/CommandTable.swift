/// The engine's cmdlets by name. Groups are registered unbuilt and built on first lookup, so
/// start-up stays short: a group registered with its names is built when one of them is looked
/// up; groups registered without names are built one at a time, in registration order, until one
/// defines the name looked up (a name not defined anywhere builds them all).
///
/// A name belongs to one group. Should two define it, the one registered later wins, whatever
/// order they were built in.
package final class CommandTable {
    private var built: [NameKey: CmdletDefinition] = [:]
    /// The group each built definition came from (for the later-registered-wins rule).
    private var origin: [NameKey: Int] = [:]
    private var pending: [Int: () -> [CmdletDefinition]] = [:]
    private var pendingNames: [NameKey: Int] = [:]
    /// Unbuilt groups without names, in registration order.
    private var unnamedGroups: [Int] = []
    private var groupCount = 0

    /// Definitions added now, as the latest group.
    package func register(_ definitions: [CmdletDefinition]) {
        let group = groupCount
        groupCount += 1
        enter(definitions, group: group)
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
        if let group = pendingNames[key] {
            materialize(group)
            if let definition = built[key] { return definition }
        }
        while !unnamedGroups.isEmpty {
            let group = unnamedGroups.removeFirst()
            materialize(group)
            if let definition = built[key] { return definition }
        }
        return nil
    }

    /// Every cmdlet, building the pending groups.
    package var all: [CmdletDefinition] {
        for group in pending.keys.sorted() { materialize(group) }
        unnamedGroups = []
        return Array(built.values)
    }

    private func materialize(_ group: Int) {
        guard let build = pending.removeValue(forKey: group) else { return }
        enter(build(), group: group)
        pendingNames = pendingNames.filter { $0.value != group }
    }

    private func enter(_ definitions: [CmdletDefinition], group: Int) {
        for definition in definitions {
            let key = NameKey(definition.metadata.name)
            if let existing = origin[key], existing > group { continue }
            built[key] = definition
            origin[key] = group
        }
    }
}
