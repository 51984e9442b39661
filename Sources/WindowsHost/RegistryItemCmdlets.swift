import ShellEngine
import EmulatedHost
import FoundationEssentials
import SMBPolicy
#if canImport(Glibc)
import Glibc
#endif

/// The *-ItemProperty cmdlets over the `HKLM:` drive (the SMB part of the registry, read-only
/// except the two Group Policy keys).
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

