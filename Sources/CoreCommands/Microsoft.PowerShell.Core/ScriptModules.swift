import CmdletParser
import ShellEngine

/// A script or manifest module imported into the session (`Import-Module .\Tools.psm1`).
final class ScriptModule {
    let name: String
    let path: String
    var version = "0.0"
    var moduleType = "Script"
    var description = ""
    /// The module's own scope (its `$script:` scope), a child of the global scope.
    let scope: Scope
    /// The names the module exported into the session, as imported (with any `-Prefix`).
    var importedFunctions: [String] = []
    /// What `Export-ModuleMember` asked for while the module ran; nil: every function.
    var exportRequest: [String]?
    var exportVariables: [String] = []
    var exportAliases: [String] = []

    init(name: String, path: String, scope: Scope) {
        self.name = name
        self.path = path
        self.scope = scope
    }

    var base: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}

/// The script modules of one engine and the one being loaded (for `Export-ModuleMember`).
final class ScriptModuleService: EngineService {
    var loaded: [ScriptModule] = []
    var loading: [ScriptModule] = []

    func shutdown() {}

    static func of(_ engine: Engine) -> ScriptModuleService {
        engine.service(ScriptModuleService.self) { ScriptModuleService() }
    }

    func module(named name: String) -> ScriptModule? {
        loaded.first { $0.name.caseInsensitiveEquals(name) || $0.path == name }
    }
}

/// A PSModuleInfo of a script or manifest module, in Get-Module's table.
final class ScriptModuleInfoObject: PSObject {
    let module: ScriptModule

    init(_ module: ScriptModule) {
        self.module = module
        super.init(typeNames: [FormatView.moduleInfoTypeName, "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "ModuleType", value: .string(module.moduleType)),
         PSPropertyInfo(name: "Version", value: .string(module.version)),
         PSPropertyInfo(name: "Name", value: .string(module.name)),
         PSPropertyInfo(name: "ExportedCommands", value: .array(PSArray(module.importedFunctions.map { .string($0) }))),
         PSPropertyInfo(name: "ExportedFunctions", value: .array(PSArray(module.importedFunctions.map { .string($0) }))),
         PSPropertyInfo(name: "Description", value: .string(module.description)),
         PSPropertyInfo(name: "ModuleBase", value: .string(module.base)),
         PSPropertyInfo(name: "Path", value: .string(module.path))]
    }

    override func toString() -> String { module.name }
}

/// Finding and loading module files: `.psm1`, `.ps1`, `.psd1` manifests and module folders,
/// by path or by name in the folders of `$env:PSModulePath`.
enum ModuleLoader {
    static let extensions = [".psd1", ".psm1", ".ps1"]

    /// The module file `name` designates, or nil.
    static func resolve(_ name: String, engine: Engine) -> String? {
        let isPath = name.contains("/") || name.contains("\\") || extensions.contains { name.lowercased().hasSuffix($0) }
        if isPath {
            let full = engine.absolutePath(name)
            return fileIn(full, engine: engine)
        }
        let separators: Set<Character> = [";", ":"]
        let folders = (engine.sessionState.environment["PSModulePath"] ?? "").split(whereSeparator: { separators.contains($0) })
        for folder in folders where folder.hasPrefix("/") {
            if let file = fileIn(String(folder) + "/" + name, engine: engine) { return file }
        }
        return nil
    }

    /// A module file at `path`, or in the module folder `path` (`Folder/Folder.psd1` or `.psm1`).
    private static func fileIn(_ path: String, engine: Engine) -> String? {
        let lower = path.lowercased()
        if extensions.contains(where: { lower.hasSuffix($0) }) {
            return engine.readTextFile(path) != nil ? path : nil
        }
        let leaf = engine.fileName(path)
        for ext in [".psd1", ".psm1"] {
            if engine.readTextFile(path + "/" + leaf + ext) != nil { return path + "/" + leaf + ext }
        }
        for ext in [".psd1", ".psm1"] where engine.readTextFile(path + ext) != nil { return path + ext }
        return nil
    }

    static func moduleName(of path: String, engine: Engine) -> String {
        let leaf = engine.fileName(path)
        guard let dot = leaf.lastIndex(of: ".") else { return leaf }
        return String(leaf[..<dot])
    }

    /// Reads a manifest (a hashtable literal); nil when the file is not one.
    static func manifest(_ path: String, engine: Engine) throws -> PSHashtable? {
        let parsed = try engine.loadScript(path, extent: .empty)
        let value = try engine.invokeScriptBlock(ScriptBlock(ast: parsed.ast), arguments: [])
        if case .hashtable(let table) = value { return table }
        return nil
    }

    static func strings(_ value: PSValue?) -> [String] {
        guard let value, !value.isNull else { return [] }
        return (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) }
    }

    /// Runs a `.psm1`/`.ps1` in the module's scope, as a dot-sourced script there.
    static func run(_ path: String, in module: ScriptModule, arguments: [PSValue], engine: Engine,
                    output: @escaping OutputSink) throws {
        let parsed = try engine.loadScript(path, extent: .empty)
        let saved = engine.sessionState.current
        engine.sessionState.current = module.scope
        defer { engine.sessionState.current = saved }
        engine.sessionState.setLocal("PSScriptRoot", .string(engine.directoryName(path)))
        engine.sessionState.setLocal("PSCommandPath", .string(path))
        engine.sessionState.setLocal("args", .array(PSArray(arguments)))
        for (parameter, value) in zip(parsed.ast.paramBlock?.parameters ?? [], arguments) {
            engine.sessionState.setLocal(parameter.name.variablePath.name, value)
        }
        _ = try engine.invokeScriptBlockInCurrentScope(ScriptBlock(ast: parsed.ast), dollarUnder: .null, output: output)
    }
}
