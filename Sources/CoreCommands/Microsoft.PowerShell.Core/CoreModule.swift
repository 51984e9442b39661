import ShellEngine

/// Microsoft.PowerShell.Core: the engine's own cmdlets (a snap-in in Windows PowerShell 5.1, so
/// Get-Module -ListAvailable does not list it).
public enum MicrosoftPowerShellCore: CommandModule {
    public static let name = "Microsoft.PowerShell.Core"
    public static let version = "3.0.0.0"
    public static let directory: String? = nil

    /// The built-in aliases of Windows PowerShell 5.1 that the shell's commands have.
    static let aliases: [String: String] = [
        "select": "Select-Object", "where": "Where-Object", "?": "Where-Object", "%": "ForEach-Object",
        "foreach": "ForEach-Object", "fl": "Format-List", "ft": "Format-Table", "gcm": "Get-Command",
        "gal": "Get-Alias", "cls": "Clear-Host", "clear": "Clear-Host", "echo": "Write-Output", "write": "Write-Output",
        "sort": "Sort-Object", "measure": "Measure-Object", "gm": "Get-Member", "gv": "Get-Variable",
        "sv": "Set-Variable", "set": "Set-Variable", "rv": "Remove-Variable", "nv": "New-Variable", "help": "Get-Help",
        "man": "Get-Help", "sleep": "Start-Sleep", "oh": "Out-Host", "iex": "Invoke-Expression",
    ]

    public static func register(in registration: ModuleRegistration) {
        // Nothing is built before the first command is looked up: `-Command exit` and the first
        // prompt never pay for the parameter tables.
        registration.commands(definitions)
        registration.aliases(aliases)
        registration.provider(SessionTableProvider(.alias))
        registration.provider(SessionTableProvider(.environment))
        registration.provider(FileSystemProvider())
        registration.provider(SessionTableProvider(.function))
        registration.provider(SessionTableProvider(.variable))
    }

    static func definitions() -> [CmdletDefinition] {
        let input = ParameterMetadata("InputObject", .psObject, valueFromPipeline: true, help: "The objects to process.")
        return [
            CmdletDefinition(metadata: compiled("ForEach-Object", "ForEachObjectCommand",
                [input, ParameterMetadata("Process", .array(.scriptBlock), position: 0, parameterSets: ["ScriptBlockSet"]),
                 ParameterMetadata("Begin", .scriptBlock), ParameterMetadata("End", .scriptBlock),
                 ParameterMetadata("MemberName", .string, position: 0, parameterSets: ["PropertyAndMethodSet"]),
                 ParameterMetadata("ArgumentList", .array(.object), aliases: ["Args"])],
                synopsis: "Performs an operation against each item in a collection of input objects.")) { ForEachObject() },
            CmdletDefinition(metadata: compiled("Where-Object", "WhereObjectCommand",
                [input, ParameterMetadata("FilterScript", .scriptBlock, position: 0),
                 ParameterMetadata("Property", .string, position: 0), ParameterMetadata("Value", .object, position: 1)]
                + WhereObject.operators.map { ParameterMetadata($0, .switchParameter) },
                synopsis: "Selects objects from a collection based on their property values.")) { WhereObject() },
            CmdletDefinition(metadata: compiled("Out-Null", "OutNullCommand",
                [input], synopsis: "Hides the output instead of sending it down the pipeline or displaying it.")) { OutNull() },
            CmdletDefinition(metadata: compiled("Out-Default", "OutDefaultCommand",
                [input], synopsis: "Sends the output to the default formatter and to the default output cmdlet.")) { OutDefault() },
            CmdletDefinition(metadata: compiled("Out-Host", "OutHostCommand",
                [input, ParameterMetadata("Paging", .switchParameter)], synopsis: "Sends output to the command line.")) { OutDefault() },
            CmdletDefinition(metadata: compiled("Clear-Host", "ClearHostCommand", [],
                synopsis: "Clears the display in the host program.")) { ClearHost() },
            CmdletDefinition(metadata: compiled("Set-StrictMode", "SetStrictModeCommand",
                [ParameterMetadata("Version", .string, aliases: ["v"]), ParameterMetadata("Off", .switchParameter)],
                synopsis: "Establishes and enforces coding rules in expressions, scripts, and script blocks.")) { SetStrictMode() },
            CmdletDefinition(metadata: compiled("Get-Command", "GetCommandCommand",
                [ParameterMetadata("Name", .array(.string), position: 0), ParameterMetadata("Module", .array(.string)),
                 ParameterMetadata("Syntax", .switchParameter), ParameterMetadata("Noun", .array(.string)),
                 ParameterMetadata("Verb", .array(.string))],
                synopsis: "Gets all commands.")) { GetCommand() },
            CmdletDefinition(metadata: compiled("Get-Module", "GetModuleCommand",
                [ParameterMetadata("Name", .array(.string), position: 0, valueFromPipeline: true),
                 ParameterMetadata("ListAvailable", .switchParameter), ParameterMetadata("All", .switchParameter)],
                synopsis: "Gets the modules that have been imported or that can be imported into the current session.")) { GetModule() },
            CmdletDefinition(metadata: compiled("Import-Module", "ImportModuleCommand",
                [ParameterMetadata("Name", .array(.string), position: 0, mandatory: true, valueFromPipeline: true),
                 ParameterMetadata("PassThru", .switchParameter), ParameterMetadata("Force", .switchParameter),
                 ParameterMetadata("Global", .switchParameter), ParameterMetadata("RequiredVersion", .string),
                 ParameterMetadata("MinimumVersion", .string), ParameterMetadata("DisableNameChecking", .switchParameter)],
                synopsis: "Adds modules to the current session.")) { ImportModule() },
            CmdletDefinition(metadata: compiled("Get-Help", "GetHelpCommand",
                [ParameterMetadata("Name", .string, position: 0), ParameterMetadata("Parameter", .string),
                 ParameterMetadata("Full", .switchParameter), ParameterMetadata("Examples", .switchParameter),
                 ParameterMetadata("Detailed", .switchParameter)],
                synopsis: "Displays information about PowerShell commands and concepts.")) { GetHelp() },
        ]
    }
}
