import ShellEngine

/// Microsoft.PowerShell.Host: transcripts.
public enum MicrosoftPowerShellHost: CommandModule {
    public static let name = "Microsoft.PowerShell.Host"
    public static let version = "3.0.0.0"

    public static func register(in registration: ModuleRegistration) {
        registration.commands { definitions().map { $0.withHelp(HostHelp.table[$0.metadata.name]) } }
    }

    static func definitions() -> [CmdletDefinition] {
        [
            CmdletDefinition(metadata: CommandMetadata(
                name: "Start-Transcript", module: "",
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.StartTranscriptCommand"),
                parameters: [
                    ParameterMetadata("Path", .string, position: 0, parameterSets: ["ByPath"],
                                      help: "The transcript file. Default: PowerShell_transcript.<computer>.<random>.<time>.txt in the Documents folder of the user profile."),
                    ParameterMetadata("LiteralPath", .string, aliases: ["PSPath"], parameterSets: ["ByLiteralPath"],
                                      help: "The transcript file, taken literally."),
                    ParameterMetadata("OutputDirectory", .string, parameterSets: ["ByOutputDirectory"],
                                      help: "A folder for a transcript with the default file name."),
                    ParameterMetadata("Append", .switchParameter, help: "Adds to the end of an existing file."),
                    ParameterMetadata("Force", .switchParameter, help: "Overwrites a read-only file."),
                    ParameterMetadata("NoClobber", .switchParameter, aliases: ["NoOverwrite"],
                                      help: "Does not overwrite an existing file."),
                    ParameterMetadata("IncludeInvocationHeader", .switchParameter,
                                      help: "Writes a 'Command start time' block before each command."),
                ],
                supportsShouldProcess: true, confirmImpact: .medium, defaultParameterSet: "ByPath",
                synopsis: "Creates a record of all or part of a session to a text file.",
                description: "Records the commands typed and everything the console shows (output, errors, warnings, prompts and the answers given) in Windows PowerShell 5.1's transcript format: UTF-8 with BOM, CRLF, the 'Windows PowerShell transcript start' header and 'transcript end' footer.",
                examples: [HelpExample(code: "Start-Transcript -Path lab1.txt", remarks: "Records the session in lab1.txt.")],
                outputType: "System.String")) { StartTranscript() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Stop-Transcript", module: "",
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.StopTranscriptCommand"),
                parameters: [], synopsis: "Stops a transcript.",
                description: "Stops the most recently started transcript and writes its footer.",
                outputType: "System.String")) { StopTranscript() },
        ]
    }
}
