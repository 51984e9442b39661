import ShellEngine
import EmulatedHost
import FoundationEssentials
import SMBPolicy
#if canImport(Glibc)
import Glibc
#endif

/// The item cmdlets over the `HKLM:` drive (the SMB part of the registry, read-only except the
/// two Group Policy keys) and, for `Test-Path`, `Get-Item` and `Get-ChildItem`, the file system.
enum RegistryCmdlets {
    static let module = RegistryItemCommands.name
    static let valueKinds = ["String", "ExpandString", "Binary", "DWord", "MultiString", "QWord", "Unknown"]

    static func definitions() -> [CmdletDefinition] {
        let path = ParameterMetadata("Path", .array(.string), position: 0, valueFromPipelineByPropertyName: true,
                                     parameterSets: ["Path"], help: "A registry path such as HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Mup\\Parameters, or a file path.")
        // -Path or -LiteralPath is required; the command checks it, since the two are alternatives.
        let mandatoryPath = path
        let literal = ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"],
                                        valueFromPipelineByPropertyName: true, parameterSets: ["LiteralPath"],
                                        help: "A path taken literally (no wildcards).")
        func compiled(_ name: String) -> CommandImplementation {
            .compiled(className: "Microsoft.PowerShell.Commands.\(name.replacing("-", with: ""))Command")
        }
        func definition(_ name: String, _ parameters: [ParameterMetadata], shouldProcess: Bool = false,
                        synopsis: String, description: String = "", make: @escaping () -> Cmdlet) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(
                name: name, module: module, implementation: compiled(name), parameters: parameters,
                supportsShouldProcess: shouldProcess, confirmImpact: .medium, defaultParameterSet: "Path",
                synopsis: synopsis, description: description), make: make)
        }
        let valueName = ParameterMetadata("Name", .string, aliases: ["PSProperty"], position: 1, mandatory: true,
                                          valueFromPipelineByPropertyName: true, help: "The registry value name.")
        return [
            definition("Get-Item", [mandatoryPath, literal], synopsis: "Gets the item at the specified location.",
                       description: "On HKLM: returns the registry key (Microsoft.Win32.RegistryKey). Only the keys the SMB settings live in exist in this shell.") { ItemCmdlet(.getItem) },
            definition("Get-ChildItem", [path, literal,
                                         ParameterMetadata("Recurse", .switchParameter, aliases: ["s"], help: "Includes every level below."),
                                         ParameterMetadata("Name", .switchParameter, help: "Returns only the names.")],
                       synopsis: "Gets the items and child items in one or more specified locations.") { ItemCmdlet(.getChildItem) },
            definition("Test-Path", [mandatoryPath, literal,
                                     ParameterMetadata("PathType", .enumeration(typeName: "Microsoft.PowerShell.Commands.TestPathType",
                                                                                values: ["Any", "Container", "Leaf"]),
                                                       aliases: ["Type"], help: "Container, Leaf or Any.")],
                       synopsis: "Determines whether all elements of a path exist.") { ItemCmdlet(.testPath) },
            definition("Get-ItemProperty", [mandatoryPath, literal,
                                            ParameterMetadata("Name", .array(.string), aliases: ["PSProperty"], position: 1,
                                                              help: "Value names (wildcards allowed).")],
                       synopsis: "Gets the properties (registry values) of a specified item.") { PropertyCmdlet(.get) },
            definition("Get-ItemPropertyValue", [mandatoryPath, literal,
                                                 ParameterMetadata("Name", .array(.string), aliases: ["PSProperty"], position: 1,
                                                                   mandatory: true, help: "Value names.")],
                       synopsis: "Gets the value of one or more registry values.") { PropertyCmdlet(.getValue) },
            definition("Set-ItemProperty", [mandatoryPath, literal, valueName,
                                            ParameterMetadata("Value", .object, position: 2, valueFromPipelineByPropertyName: true,
                                                              help: "The data."),
                                            ParameterMetadata("Type", .enumeration(typeName: "Microsoft.Win32.RegistryValueKind", values: valueKinds),
                                                              help: "The registry value type (DWord, QWord, String, MultiString, …)."),
                                            ParameterMetadata("Force", .switchParameter, help: "Accepted."),
                                            ParameterMetadata("PassThru", .switchParameter, help: "Returns the changed values.")],
                       shouldProcess: true, synopsis: "Creates or changes a registry value.",
                       description: "Only the Group Policy keys HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\NetworkProvider (Lanman Workstation, client) and ...\\Bowser (Lanman Server, server) can be written: EnableMailslots there (1 or 0) overrides the local setting, as Group Policy does on Windows. Every other key is read-only: change local settings with Set-SmbClientConfiguration / Set-SmbServerConfiguration.") { PropertyCmdlet(.set) },
            definition("New-ItemProperty", [mandatoryPath, literal, valueName,
                                            ParameterMetadata("Value", .object, position: 2, valueFromPipelineByPropertyName: true,
                                                              help: "The data."),
                                            ParameterMetadata("PropertyType", .enumeration(typeName: "Microsoft.Win32.RegistryValueKind", values: valueKinds),
                                                              aliases: ["Type"], help: "The registry value type."),
                                            ParameterMetadata("Force", .switchParameter, help: "Overwrites an existing value.")],
                       shouldProcess: true, synopsis: "Creates a new registry value.",
                       description: "Writable only under the two Group Policy keys (see Set-ItemProperty).") { PropertyCmdlet(.new) },
            definition("Remove-ItemProperty", [mandatoryPath, literal,
                                               ParameterMetadata("Name", .array(.string), aliases: ["PSProperty"], position: 1,
                                                                 mandatory: true, valueFromPipelineByPropertyName: true,
                                                                 help: "The value names."),
                                               ParameterMetadata("Force", .switchParameter, help: "Accepted.")],
                       shouldProcess: true, synopsis: "Deletes a registry value.",
                       description: "Deleting EnableMailslots under a Group Policy key makes the policy 'Not configured': the local setting decides again.") { PropertyCmdlet(.remove) },
        ]
    }

    // MARK: Errors as the 5.1 providers raise them

    static func driveNotFound(_ context: CommandContext, _ drive: String) -> ErrorRecord {
        context.errorRecord(message: Messages.fill(ProviderMessages.driveNotFound, [drive]), errorId: "DriveNotFound",
                            category: .ObjectNotFound, exceptionType: "System.Management.Automation.DriveNotFoundException",
                            target: .string(drive))
    }

    static func propertyNotFound(_ context: CommandContext, _ name: String, _ key: RegistryPath) -> ErrorRecord {
        context.errorRecord(message: Messages.fill(ProviderMessages.propertyNotFound, [name, key.keyName]),
                            errorId: "System.Management.Automation.PSArgumentException", category: .InvalidArgument,
                            exceptionType: "System.Management.Automation.PSArgumentException", target: .string(name))
    }

    static func accessDenied(_ context: CommandContext, _ key: RegistryPath) -> ErrorRecord {
        context.errorRecord(message: ProviderMessages.registryAccessDenied, errorId: "System.Security.SecurityException",
                            category: .PermissionDenied, exceptionType: "System.Security.SecurityException",
                            target: .string(key.keyName))
    }

    /// The paths a command names (`-Path` with wildcards, or `-LiteralPath`). Without either,
    /// Get-ChildItem uses the current location and the others fail as a missing mandatory -Path.
    static func paths(_ context: CommandContext, defaultsToCurrent: Bool = false) throws -> (texts: [String], literal: Bool) {
        if let literal = context.value("LiteralPath") {
            return ((literal.enumerated ?? [literal]).map { LanguagePrimitives.toString($0) }, true)
        }
        guard let value = context.value("Path") ?? (defaultsToCurrent ? .string(".") : nil) else {
            let binder = ParameterBinder(engine: context.engine, metadata: context.metadata, invocation: context.invocation,
                                         commandExtent: context.invocation.extent ?? .empty)
            throw binder.bindingError("MissingMandatoryParameter", parameterName: " Path",
                                      extent: context.invocation.extent ?? .empty)
        }
        return ((value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) }, false)
    }
}

extension Engine {
    /// The registry as the current SMB policy makes it.
    var registryView: RegistryView { RegistryView(snapshot: policySnapshot()) }

    /// Resolves a registry path with wildcards in any component; empty when nothing matches.
    func resolveRegistry(_ path: RegistryPath, literal: Bool, view: RegistryView) -> [(RegistryPath, RegistryView.Node)] {
        var matches: [(RegistryPath, RegistryView.Node)] = [(RegistryPath(components: [], typed: path.typed), view.root)]
        for component in path.components {
            var next: [(RegistryPath, RegistryView.Node)] = []
            let wildcard = !literal && component.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
            for (parent, node) in matches {
                if wildcard {
                    let pattern = WildcardPattern(component)
                    for child in node.children.values.sorted(by: { $0.name.lowercased() < $1.name.lowercased() })
                    where pattern.matches(child.name) {
                        next.append((parent.child(child.name), child))
                    }
                } else if let child = node.children[component.lowercased()] {
                    next.append((parent.child(component), child))
                }
            }
            matches = next
        }
        return matches
    }
}

/// Get-Item, Get-ChildItem, Test-Path.
final class ItemCmdlet: Cmdlet {
    enum Verb { case getItem, getChildItem, testPath }
    let verb: Verb
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let (texts, literal) = try RegistryCmdlets.paths(context, defaultsToCurrent: verb == .getChildItem)
        for text in texts {
            if let registry = RegistryPath.parse(text) {
                let matches = engine.resolveRegistry(registry, literal: literal, view: engine.registryView)
                try registryItems(context, registry, matches)
            } else if let drive = RegistryPath.driveName(text), !drive.caseInsensitiveEquals("HKLM") {
                if verb == .testPath { try context.writeObject(.bool(false)); continue }
                try context.writeError(RegistryCmdlets.driveNotFound(context, drive))
            } else {
                try fileItems(context, text)
            }
        }
    }

    private func registryItems(_ context: CommandContext, _ path: RegistryPath,
                               _ matches: [(RegistryPath, RegistryView.Node)]) throws {
        switch verb {
        case .testPath:
            let type = context.string("PathType")?.lowercased() ?? "any"
            try context.writeObject(.bool(!matches.isEmpty && type != "leaf"))
        case .getItem:
            if matches.isEmpty { return try context.writeError(context.pathNotFoundError(path.typed)) }
            for (p, node) in matches { try context.writeObject(.object(RegistryKeyObject(path: p, node: node))) }
        case .getChildItem:
            if matches.isEmpty { return try context.writeError(context.pathNotFoundError(path.typed)) }
            for (p, node) in matches { try children(context, p, node) }
        }
    }

    private func children(_ context: CommandContext, _ path: RegistryPath, _ node: RegistryView.Node) throws {
        for child in node.children.values.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            let childPath = path.child(child.name)
            if context.switchValue("Name") {
                try context.writeObject(.string(child.name))
            } else {
                try context.writeObject(.object(RegistryKeyObject(path: childPath, node: child)))
            }
            if context.switchValue("Recurse") { try children(context, childPath, child) }
        }
    }

    /// The file system side, enough for scripts and labs: existence, names, sizes.
    private func fileItems(_ context: CommandContext, _ text: String) throws {
        let full = context.engine.absolutePath(text)
        var info = stat()
        let exists = stat(full, &info) == 0
        let isDirectory = exists && (info.st_mode & S_IFMT) == S_IFDIR
        switch verb {
        case .testPath:
            let type = context.string("PathType")?.lowercased() ?? "any"
            try context.writeObject(.bool(exists && (type == "any" || (type == "container") == isDirectory)))
        case .getItem:
            guard exists else { return try context.writeError(context.pathNotFoundError(text)) }
            try context.writeObject(.object(FileItemObject(path: full, info: info)))
        case .getChildItem:
            guard exists else { return try context.writeError(context.pathNotFoundError(text)) }
            guard isDirectory else { return try context.writeObject(.object(FileItemObject(path: full, info: info))) }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []).sorted { $0.lowercased() < $1.lowercased() }
            for name in names {
                var childInfo = stat()
                guard stat(full + "/" + name, &childInfo) == 0 else { continue }
                if context.switchValue("Name") { try context.writeObject(.string(name)); continue }
                try context.writeObject(.object(FileItemObject(path: full + "/" + name, info: childInfo)))
            }
        }
    }
}

/// A file or folder as `Get-Item` returns it (the members scripts use most).
final class FileItemObject: PSObject {
    let path: String
    let isDirectory: Bool
    let length: Int64

    init(path: String, info: stat) {
        self.path = path
        self.isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        self.length = Int64(info.st_size)
        super.init(typeNames: [isDirectory ? "System.IO.DirectoryInfo" : "System.IO.FileInfo",
                               "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        let name = String(path.split(separator: "/").last ?? "")
        var list = [PSPropertyInfo(name: "Mode", value: .string(isDirectory ? "d-----" : "-a----"), isSettable: false),
                    PSPropertyInfo(name: "Name", value: .string(name), isSettable: false)]
        if !isDirectory { list.append(PSPropertyInfo(name: "Length", value: .int64(length), isSettable: false)) }
        list.append(PSPropertyInfo(name: "FullName", value: .string(path), isSettable: false))
        list.append(PSPropertyInfo(name: "PSIsContainer", value: .bool(isDirectory), isSettable: false))
        return list
    }

    override func toString() -> String { path }
}
