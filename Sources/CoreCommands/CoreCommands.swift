import ShellEngine

/// Windows PowerShell 5.1's own modules, one folder each: Microsoft.PowerShell.Core, .Utility,
/// .Management and .Host and .Security.
public enum CoreCommands {
    public static var modules: [any CommandModule.Type] {
        [
            MicrosoftPowerShellCore.self, MicrosoftPowerShellUtility.self, MicrosoftPowerShellManagement.self,
            MicrosoftPowerShellHost.self, MicrosoftPowerShellSecurity.self,
        ]
    }
}

/// The metadata of a compiled cmdlet (`Microsoft.PowerShell.Commands.<className>`); its module is
/// the one that registers it.
func compiled(_ name: String, _ className: String, _ parameters: [ParameterMetadata], synopsis: String,
              shouldProcess: Bool = false) -> CommandMetadata {
    CommandMetadata(name: name, module: "", implementation: .compiled(className: "Microsoft.PowerShell.Commands." + className),
                    parameters: parameters, supportsShouldProcess: shouldProcess, synopsis: synopsis)
}

/// Metadata with its default parameter set named.
func withDefaultSet(_ name: String, _ metadata: CommandMetadata) -> CommandMetadata {
    var copy = metadata
    copy.defaultParameterSet = name
    return copy
}
