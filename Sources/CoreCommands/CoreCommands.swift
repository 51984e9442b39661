import ShellEngine

/// Windows PowerShell 5.1's own modules, one folder each: Microsoft.PowerShell.Core, .Utility,
/// .Management and .Host (Microsoft.PowerShell.Security has none of its cmdlets here yet).
public enum CoreCommands {
    public static var modules: [any CommandModule.Type] {
        [
            MicrosoftPowerShellCore.self, MicrosoftPowerShellUtility.self, MicrosoftPowerShellManagement.self,
            MicrosoftPowerShellHost.self,
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
