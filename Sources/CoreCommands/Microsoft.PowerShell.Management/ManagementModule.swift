import ShellEngine

/// Microsoft.PowerShell.Management: locations and paths.
public enum MicrosoftPowerShellManagement: CommandModule {
    public static let name = "Microsoft.PowerShell.Management"
    public static let version = "3.1.0.0"

    public static func register(in registration: ModuleRegistration) {
        registration.commands(definitions)
    }

    static func definitions() -> [CmdletDefinition] {
        return [
            CmdletDefinition(metadata: compiled("Get-Location", "GetLocationCommand",
                [], synopsis: "Gets information about the current working location.")) { GetLocation() },
            CmdletDefinition(metadata: compiled("Join-Path", "JoinPathCommand",
                [ParameterMetadata("Path", .array(.string), aliases: ["PSPath"], position: 0, mandatory: true),
                 ParameterMetadata("ChildPath", .string, position: 1, mandatory: true)],
                synopsis: "Combines a path and a child path into a single path.")) { JoinPath() },
            CmdletDefinition(metadata: compiled("Split-Path", "SplitPathCommand",
                [ParameterMetadata("Path", .array(.string), aliases: ["PSPath"], position: 0, mandatory: true),
                 ParameterMetadata("Leaf", .switchParameter), ParameterMetadata("Parent", .switchParameter)],
                synopsis: "Returns the specified part of a path.")) { SplitPath() },
        ]
    }
}
