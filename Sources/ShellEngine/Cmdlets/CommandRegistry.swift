import SMBPolicy

/// Registers every cmdlet and the common Windows PowerShell 5.1 aliases in a new engine.
enum CommandRegistry {
    static let aliases: [String: String] = [
        "select": "Select-Object", "where": "Where-Object", "?": "Where-Object", "%": "ForEach-Object",
        "foreach": "ForEach-Object", "fl": "Format-List", "ft": "Format-Table", "gcm": "Get-Command",
        "gal": "Get-Alias", "cls": "Clear-Host", "clear": "Clear-Host", "echo": "Write-Output", "write": "Write-Output",
        "sort": "Sort-Object", "measure": "Measure-Object", "gm": "Get-Member", "gv": "Get-Variable",
        "sv": "Set-Variable", "set": "Set-Variable", "rv": "Remove-Variable", "nv": "New-Variable", "help": "Get-Help",
        "man": "Get-Help", "sleep": "Start-Sleep", "oh": "Out-Host", "iex": "Invoke-Expression", "pwd": "Get-Location",
        "gl": "Get-Location",
    ]

    static func install(in engine: Engine) {
        // Nothing is built before the first command is looked up: `-Command exit` and the first
        // prompt never pay for the parameter tables.
        engine.cmdlets.registerLater {
            CoreCmdlets.definitions() + UtilityCmdlets.definitions() + MailslotCmdlets.definitions()
                + LabRegistry.definitions()
        }
        // The SmbShare parameter tables are derived from the policy schema: built when one of
        // them is first used.
        let profile = engine.osProfile
        engine.cmdlets.registerLater(names: ["Get", "Set", "Reset"].flatMap { verb in
            PolicySide.allCases.map { "\(verb)-" + SmbShareCmdlets.noun($0) }
        }) { SmbShareCmdlets.definitions(profile: profile) }
        engine.aliases = Dictionary(uniqueKeysWithValues: aliases.map { (NameKey($0.key), $0.value) })
    }
}

/// The engine's cmdlets by name. Groups are registered unbuilt and built on first lookup, so
/// start-up stays short: a group registered with its names is built when one of them is looked
/// up; a group registered without names, on the first lookup of any name not yet known.
final class CommandTable {
    private var built: [NameKey: CmdletDefinition] = [:]
    private var pending: [Int: () -> [CmdletDefinition]] = [:]
    private var pendingNames: [NameKey: Int] = [:]
    private var unnamedGroups: [Int] = []
    private var groupCount = 0

    func register(_ definitions: [CmdletDefinition]) {
        for definition in definitions { built[NameKey(definition.metadata.name)] = definition }
    }

    func registerLater(names: [String]? = nil, _ build: @escaping () -> [CmdletDefinition]) {
        let group = groupCount
        groupCount += 1
        pending[group] = build
        guard let names else { return unnamedGroups.append(group) }
        for name in names { pendingNames[NameKey(name)] = group }
    }

    subscript(key: NameKey) -> CmdletDefinition? {
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
    var all: [CmdletDefinition] {
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
