/// A PowerShell module the shell provides (`Microsoft.PowerShell.Utility`, `SmbShare`, …): the
/// one way commands, aliases and per-engine services come into an engine. A Swift target of
/// commands declares one type per PowerShell module it fills; the console passes them to
/// `Engine(host:configuration:modules:)`.
public protocol CommandModule {
    /// The name Get-Command shows as Source and Get-Module as Name.
    static var name: String { get }
    /// The module version Windows PowerShell 5.1 reports (`3.1.0.0`).
    static var version: String { get }
    /// How Get-Command lists the module's commands (CDXML modules such as SmbShare export functions).
    static var commandType: ModuleCommandType { get }
    /// The folder Get-Module -ListAvailable lists the module under; nil for the snap-in
    /// Microsoft.PowerShell.Core, which it does not list.
    static var directory: String? { get }
    /// Get-Module's ModuleType: `Manifest` for Windows' own modules, `Script` for a script module
    /// such as Pester.
    static var moduleType: String { get }
    /// Registers the module in a new engine. Runs at every start-up: build no table here, hand
    /// `registration.commands` a closure that builds them on first use.
    static func register(in registration: ModuleRegistration)
}

extension CommandModule {
    public static var commandType: ModuleCommandType { .cmdlet }
    public static var directory: String? { ModuleInfo.systemModulesDirectory }
    public static var moduleType: String { "Manifest" }
}

/// The CommandType Get-Command shows for a module's commands.
public enum ModuleCommandType: String, Sendable {
    case cmdlet = "Cmdlet"
    case function = "Function"
}

/// A registered module as Get-Command and Get-Module describe it.
public struct ModuleInfo: Sendable {
    /// `$PSHOME\Modules`, where Windows keeps its own modules.
    public static let systemModulesDirectory = #"C:\Windows\system32\WindowsPowerShell\v1.0\Modules"#
    /// Where modules installed for all users go (this shell's own modules).
    public static let programFilesModulesDirectory = #"C:\Program Files\WindowsPowerShell\Modules"#
    /// The folders Get-Module -ListAvailable searches, in `$env:PSModulePath` order.
    public static let modulePath = [programFilesModulesDirectory, systemModulesDirectory]

    public let name: String
    public let version: String
    public let commandType: ModuleCommandType
    public let directory: String?
    public let moduleType: String

    package init(_ module: any CommandModule.Type) {
        name = module.name
        version = module.version
        commandType = module.commandType
        directory = module.directory
        moduleType = module.moduleType
    }
}

/// What a module's `register(in:)` can add to an engine.
public final class ModuleRegistration {
    /// The engine being set up (for modules that keep services in it).
    package unowned let engine: Engine
    public let module: ModuleInfo

    package init(engine: Engine, module: ModuleInfo) {
        self.engine = engine
        self.module = module
    }

    /// Commands built when first looked up: when one of `names` is, or, without names, on the
    /// first lookup of a name not yet known. Their Source is this module.
    package func commands(named names: [String]? = nil, _ build: @escaping () -> [CmdletDefinition]) {
        let moduleName = module.name
        engine.cmdlets.registerLater(names: names) {
            build().map { definition in
                var definition = definition
                definition.metadata.module = moduleName
                return definition
            }
        }
    }

    /// .NET types the module's commands produce or take, declared in the type library (built when
    /// a type name is first looked up).
    package func types(_ build: @escaping () -> [DotNetType]) {
        engine.types.registerLater(build)
    }

    /// Alias name → command name.
    public func aliases(_ table: [String: String]) {
        for (alias, command) in table { engine.aliases[NameKey(alias)] = command }
    }

    /// A namespace provider (FileSystem, Registry, …) and the drives it brings.
    package func provider(_ provider: any ItemProvider) {
        engine.locations.register(provider)
    }

    /// The table view Out-Default shows the module's objects of `typeName` in.
    package func tableView(typeName: String, _ definition: TableViewDefinition) {
        engine.declaredViews[typeName] = definition
    }

    /// A conceptual help topic (`about_Mailslots`) Get-Help shows by name.
    public func helpTopic(_ name: String, _ text: String) {
        engine.helpTopics[NameKey(name)] = text
    }
}
