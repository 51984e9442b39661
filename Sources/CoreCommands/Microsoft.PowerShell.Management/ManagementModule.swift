import ShellEngine

/// Microsoft.PowerShell.Management: locations, drives, providers, items, content and item properties.
public enum MicrosoftPowerShellManagement: CommandModule {
    public static let name = "Microsoft.PowerShell.Management"
    public static let version = "3.1.0.0"

    public static func register(in registration: ModuleRegistration) {
        registration.commands { (definitions() + [processDefinition]).map { $0.withHelp(ManagementHelp.table[$0.metadata.name]) } }
        registration.aliases(ManagementAliases.table)
        registration.types { [DotNetType("System.Management.Automation.PathInfo")] }
        registration.helpTopic("about_FileSystem_Provider", AboutFileSystem.text)
    }

    static var processDefinition: CmdletDefinition {
        CmdletDefinition(metadata: withDefaultSet("Name", compiled("Get-Process", "GetProcessCommand",
            [ParameterMetadata("Name", .array(.string), aliases: ["ProcessName"], position: 0,
                               valueFromPipelineByPropertyName: true, parameterSets: ["Name"]),
             ParameterMetadata("Id", .array(.int32), aliases: ["PID"], valueFromPipelineByPropertyName: true,
                               validations: [.notNull], parameterSets: ["Id"]),
             ParameterMetadata("InputObject", .array(.psObject), valueFromPipeline: true, validations: [.notNull],
                               parameterSets: ["InputObject"]),
             ParameterMetadata("IncludeUserName", .switchParameter),
             ParameterMetadata("ComputerName", .array(.string), aliases: ["Cn"], valueFromPipelineByPropertyName: true),
             ParameterMetadata("Module", .switchParameter), ParameterMetadata("FileVersionInfo", .switchParameter, aliases: ["FV", "FVI"])],
            synopsis: "Gets the processes that are running on the local computer or a remote computer."))) { GetProcess() }
    }

    static func definitions() -> [CmdletDefinition] {
        typealias P = ProviderParameters
        let path = P.path(mandatory: true), literal = P.literalPath, force = P.force, passThru = P.passThru
        let filters = [P.filter, P.include, P.exclude]
        let stackName = ParameterMetadata("StackName", .string, valueFromPipelineByPropertyName: true,
                                          help: "The location stack to use.")
        let byValue = P.path(byValue: true), mandatoryByValue = P.path(mandatory: true, byValue: true)
        let pathPassThru = [byValue, literal, passThru]
        func define(_ name: String, _ parameters: [ParameterMetadata], shouldProcess: Bool = false, synopsis: String,
                    make: @escaping () -> Cmdlet) -> CmdletDefinition {
            CmdletDefinition(metadata: P.compiledMetadata(name, parameters, shouldProcess: shouldProcess, synopsis: synopsis),
                             make: make)
        }
        let value = ParameterMetadata("Value", .array(.object), position: 1, mandatory: true, valueFromPipeline: true,
                                      valueFromPipelineByPropertyName: true, help: "The content.")
        let encoding = ParameterMetadata("Encoding", .enumeration(typeName: "Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding",
                                                                  values: TextEncoding.names), help: "The text encoding.")
        let contentWrite = [path, literal, value, passThru] + filters + [force, P.credential,
            ParameterMetadata("NoNewline", .switchParameter, help: "Writes no newline after the values."), encoding,
            ParameterMetadata("Stream", .string, help: "Specifies an alternative data stream for content. If the stream does not exist, it is created. Wildcard characters are not supported. Dynamic parameter of the FileSystem provider.")]
        return [
            define("Get-Location", [ParameterMetadata("PSProvider", .array(.string)), ParameterMetadata("PSDrive", .array(.string)),
                                    ParameterMetadata("Stack", .switchParameter), stackName],
                   synopsis: "Gets information about the current working location or a location stack.") { LocationCmdlet(.get) },
            define("Set-Location", pathPassThru + [stackName],
                   synopsis: "Sets the current working location to a specified location.") { LocationCmdlet(.set) },
            define("Push-Location", pathPassThru + [stackName],
                   synopsis: "Adds the current location to the top of a location stack.") { LocationCmdlet(.push) },
            define("Pop-Location", [passThru, stackName],
                   synopsis: "Changes the current location to the location most recently pushed onto the stack.") { LocationCmdlet(.pop) },
            define("Get-PSDrive", [ParameterMetadata("Name", .array(.string), position: 0, valueFromPipelineByPropertyName: true),
                                   ParameterMetadata("LiteralName", .array(.string), mandatory: false),
                                   ParameterMetadata("Scope", .string), ParameterMetadata("PSProvider", .array(.string))],
                   synopsis: "Gets drives in the current session.") { DriveCmdlet(.get) },
            define("New-PSDrive", [ParameterMetadata("Name", .string, position: 0, mandatory: true, valueFromPipelineByPropertyName: true),
                                   ParameterMetadata("PSProvider", .string, position: 1, mandatory: true, valueFromPipelineByPropertyName: true),
                                   ParameterMetadata("Root", .string, position: 2, mandatory: true, valueFromPipelineByPropertyName: true),
                                   ParameterMetadata("Description", .string), ParameterMetadata("Scope", .string),
                                   ParameterMetadata("Persist", .switchParameter), P.credential],
                   shouldProcess: true, synopsis: "Creates temporary and persistent mapped network drives.") { DriveCmdlet(.new) },
            define("Remove-PSDrive", [ParameterMetadata("Name", .array(.string), position: 0, mandatory: true, valueFromPipelineByPropertyName: true),
                                      ParameterMetadata("LiteralName", .array(.string)), ParameterMetadata("PSProvider", .array(.string)),
                                      ParameterMetadata("Scope", .string), force],
                   shouldProcess: true, synopsis: "Deletes temporary PowerShell drives and disconnects mapped network drives.") { DriveCmdlet(.remove) },
            define("Get-PSProvider", [ParameterMetadata("PSProvider", .array(.string), position: 0)],
                   synopsis: "Gets information about the specified PowerShell provider.") { DriveCmdlet(.providers) },
            define("Get-Item", [mandatoryByValue, literal] + filters + [force, P.credential, ParameterMetadata("Stream", .array(.string))],
                   synopsis: "Gets the item at the specified location.") { GetItem(children: false) },
            define("Get-ChildItem", [byValue] + [literal, P.filter, P.include, P.exclude,
                        ParameterMetadata("Recurse", .switchParameter, aliases: ["s"]), ParameterMetadata("Depth", .uint32),
                        force, ParameterMetadata("Name", .switchParameter),
                        ParameterMetadata("Attributes", .string), ParameterMetadata("Directory", .switchParameter, aliases: ["ad", "d"]),
                        ParameterMetadata("File", .switchParameter, aliases: ["af"]), ParameterMetadata("Hidden", .switchParameter, aliases: ["ah", "h"]),
                        ParameterMetadata("ReadOnly", .switchParameter, aliases: ["ar"]), ParameterMetadata("System", .switchParameter, aliases: ["as"])],
                   synopsis: "Gets the items and child items in one or more specified locations.") { GetItem(children: true) },
            define("New-Item", [P.path(), ParameterMetadata("Name", .string, valueFromPipelineByPropertyName: true),
                                ParameterMetadata("ItemType", .string, aliases: ["Type"], valueFromPipelineByPropertyName: true),
                                ParameterMetadata("Value", .object, aliases: ["Target"], valueFromPipeline: true, valueFromPipelineByPropertyName: true),
                                force, P.credential],
                   shouldProcess: true, synopsis: "Creates a new item.") { NewItem() },
            CmdletDefinition(metadata: CommandMetadata(name: "mkdir", module: "", implementation: .function,
                parameters: [P.path(), ParameterMetadata("Name", .string, valueFromPipelineByPropertyName: true),
                             ParameterMetadata("Value", .object, valueFromPipeline: true), force, P.credential],
                supportsShouldProcess: true, synopsis: "Creates a new directory (New-Item -ItemType Directory).")) { NewItem(directory: true) },
            define("Remove-Item", [mandatoryByValue, literal] + filters + [ParameterMetadata("Recurse", .switchParameter), force, P.credential,
                                                            ParameterMetadata("Stream", .array(.string))],
                   shouldProcess: true, synopsis: "Deletes the specified items.") { RemoveItem() },
            define("Copy-Item", [path, literal, ParameterMetadata("Destination", .string, position: 1, valueFromPipelineByPropertyName: true),
                                 ParameterMetadata("Container", .switchParameter), force] + filters
                                + [ParameterMetadata("Recurse", .switchParameter), passThru, P.credential],
                   shouldProcess: true, synopsis: "Copies an item from one location to another.") { CopyItem(move: false) },
            define("Move-Item", [path, literal, ParameterMetadata("Destination", .string, position: 1, valueFromPipelineByPropertyName: true),
                                 force] + filters + [passThru, P.credential],
                   shouldProcess: true, synopsis: "Moves an item from one location to another.") { CopyItem(move: true) },
            define("Rename-Item", [ParameterMetadata("Path", .string, position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ["ByPath"]),
                                   ParameterMetadata("LiteralPath", .string, aliases: ["PSPath"], mandatory: true,
                                                     valueFromPipelineByPropertyName: true, parameterSets: ["ByLiteralPath"]),
                                   ParameterMetadata("NewName", .string, position: 1, mandatory: true, valueFromPipelineByPropertyName: true),
                                   force, passThru, P.credential],
                   shouldProcess: true, synopsis: "Renames an item in a PowerShell provider namespace.") { RenameItem() },
            define("Set-Item", [path, literal, ParameterMetadata("Value", .object, position: 1, valueFromPipeline: true,
                                                                 valueFromPipelineByPropertyName: true), force, passThru] + filters,
                   shouldProcess: true, synopsis: "Changes the value of an item to the value specified in the command.") { ItemValueCmdlet(.set) },
            define("Clear-Item", [path, literal, force] + filters,
                   shouldProcess: true, synopsis: "Clears the contents of an item, but does not delete the item.") { ItemValueCmdlet(.clear) },
            define("Invoke-Item", [mandatoryByValue, literal] + filters,
                   shouldProcess: true, synopsis: "Performs the default action on the specified item.") { ItemValueCmdlet(.invoke) },
            define("Test-Path", [mandatoryByValue, literal] + filters + [
                        ParameterMetadata("PathType", .enumeration(typeName: "Microsoft.PowerShell.Commands.TestPathType",
                                                                   values: ["Any", "Container", "Leaf"]), aliases: ["Type"]),
                        ParameterMetadata("IsValid", .switchParameter), ParameterMetadata("OlderThan", .object),
                        ParameterMetadata("NewerThan", .object), P.credential],
                   synopsis: "Determines whether all elements of a path exist.") { TestPath() },
            define("Resolve-Path", [mandatoryByValue, literal, ParameterMetadata("Relative", .switchParameter), P.credential],
                   synopsis: "Resolves the wildcard characters in a path, and displays the path contents.") { ResolvePath(convert: false) },
            define("Convert-Path", [mandatoryByValue, literal],
                   synopsis: "Converts a path from a PowerShell path to a PowerShell provider path.") { ResolvePath(convert: true) },
            define("Join-Path", [ParameterMetadata("Path", .array(.string), aliases: ["PSPath"], position: 0, mandatory: true,
                                                   valueFromPipeline: true, valueFromPipelineByPropertyName: true),
                                 ParameterMetadata("ChildPath", .string, position: 1, mandatory: true, valueFromPipelineByPropertyName: true),
                                 ParameterMetadata("Resolve", .switchParameter), P.credential],
                   synopsis: "Combines a path and a child path into a single path.") { JoinPath() },
            define("Split-Path", [ParameterMetadata("Path", .array(.string), position: 0, mandatory: true, valueFromPipeline: true,
                                                    valueFromPipelineByPropertyName: true, parameterSets: ["Path"]),
                                  literal, ParameterMetadata("Parent", .switchParameter), ParameterMetadata("Leaf", .switchParameter),
                                  ParameterMetadata("Qualifier", .switchParameter), ParameterMetadata("NoQualifier", .switchParameter),
                                  ParameterMetadata("IsAbsolute", .switchParameter), ParameterMetadata("Resolve", .switchParameter),
                                  P.credential],
                   synopsis: "Returns the specified part of a path.") { SplitPath() },
            define("Get-Content", [path, literal, ParameterMetadata("ReadCount", .int64),
                                   ParameterMetadata("TotalCount", .int64, aliases: ["First", "Head"]),
                                   ParameterMetadata("Tail", .int32, aliases: ["Last"])] + filters
                                  + [force, P.credential, ParameterMetadata("Delimiter", .string), ParameterMetadata("Wait", .switchParameter),
                                     ParameterMetadata("Raw", .switchParameter), encoding, ParameterMetadata("Stream", .string)],
                   synopsis: "Gets the content of the item at the specified location.") { GetContent() },
            define("Set-Content", contentWrite, shouldProcess: true,
                   synopsis: "Writes new content or replaces existing content in a file.") { SetContent(.set) },
            define("Add-Content", contentWrite, shouldProcess: true,
                   synopsis: "Adds content to the specified items, such as adding words to a file.") { SetContent(.add) },
            define("Clear-Content", [path, literal] + filters + [force, P.credential, ParameterMetadata("Stream", .string)],
                   shouldProcess: true, synopsis: "Deletes the contents of an item, but does not delete the item.") { SetContent(.clear) },
        ] + ItemPropertyCmdlet.definitions { name, parameters, shouldProcess, synopsis, make in
            define(name, parameters, shouldProcess: shouldProcess, synopsis: synopsis, make: make)
        }
    }
}
