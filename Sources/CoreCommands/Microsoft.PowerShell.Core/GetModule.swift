import ShellEngine

/// A PSModuleInfo as Get-Module writes it.
final class ModuleInfoObject: PSObject {
    let info: ModuleInfo
    let directory: String
    let exportedCommands: [String]

    init(_ info: ModuleInfo, directory: String, exportedCommands: [String], listAvailable: Bool) {
        self.info = info
        self.directory = directory
        self.exportedCommands = exportedCommands
        super.init(typeNames: (listAvailable ? [FormatView.moduleGroupingTypeName] : [])
            + [FormatView.moduleInfoTypeName, "System.Object"])
    }

    private var moduleBase: String { directory + "\\" + info.name }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "ModuleType", value: .string(info.moduleType)),
         PSPropertyInfo(name: "Version", value: .string(info.version)),
         PSPropertyInfo(name: "Name", value: .string(info.name)),
         PSPropertyInfo(name: "ExportedCommands", value: .array(PSArray(exportedCommands.map { .string($0) }))),
         PSPropertyInfo(name: "ModuleBase", value: .string(moduleBase)),
         PSPropertyInfo(name: "Path", value: .string(moduleBase + "\\" + info.name + ".psd1"))]
    }

    override func toString() -> String { info.name }
}

/// Get-Module: the modules the shell registered. Without -ListAvailable, every module with
/// commands loaded in the session (the shell loads them all at start); with it, the same grouped by
/// the folder of `$env:PSModulePath` they are in. Microsoft.PowerShell.Core is a snap-in and is
/// not listed.
final class GetModule: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")])
            .map { WildcardPattern(LanguagePrimitives.toString($0)) }
        var commands: [String: [String]] = [:]
        for definition in engine.cmdlets.all { commands[definition.metadata.module, default: []].append(definition.metadata.name) }
        var seen = Set<String>()
        var listed: [(info: ModuleInfo, directory: String)] = []
        for info in engine.modules where seen.insert(info.name).inserted {
            guard let directory = info.directory, patterns.contains(where: { $0.matches(info.name) }) else { continue }
            listed.append((info, directory))
        }
        let listAvailable = context.switchValue("ListAvailable")
        listed.sort { first, second in
            let order = { (entry: (info: ModuleInfo, directory: String)) in
                ModuleInfo.modulePath.firstIndex(of: entry.directory) ?? ModuleInfo.modulePath.count
            }
            if listAvailable, order(first) != order(second) { return order(first) < order(second) }
            return first.info.name.lowercased() < second.info.name.lowercased()
        }
        for (info, directory) in listed {
            let names = (commands[info.name] ?? []).sorted { $0.lowercased() < $1.lowercased() }
            try context.writeObject(.object(ModuleInfoObject(info, directory: directory, exportedCommands: names,
                                                             listAvailable: listAvailable)))
        }
        guard !listAvailable else { return }
        for module in ScriptModuleService.of(engine).loaded where patterns.contains(where: { $0.matches(module.name) }) {
            try context.writeObject(.object(ScriptModuleInfoObject(module)))
        }
    }
}
