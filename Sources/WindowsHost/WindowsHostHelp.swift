import ShellEngine

/// The help of the emulated host's commands beyond what each definition states.
enum WindowsHostHelp {
    private static let optional = ["Get-WindowsOptionalFeature", "Enable-WindowsOptionalFeature", "Disable-WindowsOptionalFeature"]
    private static let server = ["Get-WindowsFeature", "Install-WindowsFeature", "Uninstall-WindowsFeature"]
    private static let dismParameters = [
        "PackageName": "Lists the features of this package only.",
        "LogPath": "The log file DISM writes; C:\\Windows\\Logs\\DISM\\dism.log by default.",
        "All": "Also enables the features the named feature depends on.",
        "LimitAccess": "Does not look for the feature's files in Windows Update.",
        "Source": "Folders that hold the files the feature needs.",
        "Remove": "Also removes the feature's files from the computer.",
    ]
    private static let serverParameters = [
        "ComputerName": "The server to query; this computer when omitted.",
        "IncludeAllSubFeature": "Also installs the role services and features under the named one.",
        "IncludeManagementTools": "Also installs (or uninstalls) the feature's management tools.",
        "Restart": "Restarts the computer when the change needs it.",
        "Source": "A folder or WIM image that holds the feature's files.",
        "Remove": "Also removes the feature's files from the computer.",
    ]

    static let table: [String: CommandHelp] = [
        "Get-WindowsOptionalFeature": CommandHelp(
            description: "Lists the optional features of the running Windows (with -Online) and whether each is enabled, disabled, or disabled with its files removed.",
            examples: [HelpExample(code: "Get-WindowsOptionalFeature -Online", remarks: "Lists every optional feature."),
                       HelpExample(code: "Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol",
                                   remarks: "Shows whether the SMB 1.0/CIFS File Sharing Support feature is enabled.")],
            notes: "Run the cmdlet in an elevated session. The feature names are case-insensitive.",
            relatedLinks: optional, parameters: dismParameters, outputType: "Microsoft.Dism.Commands.BasicFeatureObject"),
        "Enable-WindowsOptionalFeature": CommandHelp(
            description: "Enables optional features of the running Windows. A feature that needs a restart reports RestartNeeded True.",
            examples: [HelpExample(code: "Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart",
                                   remarks: "Enables SMB 1.0 support without restarting."),
                       HelpExample(code: "Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -All",
                                   remarks: "Enables SMB 1.0 support and the features it depends on.")],
            notes: "Run the cmdlet in an elevated session. Enabling SMB 1.0 is not recommended: it lacks the protections of SMB 2 and 3.",
            relatedLinks: optional, parameters: dismParameters, outputType: "Microsoft.Dism.Commands.ImageObject"),
        "Disable-WindowsOptionalFeature": CommandHelp(
            description: "Disables optional features of the running Windows; with -Remove their files are removed too.",
            examples: [HelpExample(code: "Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol",
                                   remarks: "Disables SMB 1.0 support."),
                       HelpExample(code: "Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -Remove -NoRestart",
                                   remarks: "Disables SMB 1.0 support, removes its files and does not restart.")],
            notes: "Run the cmdlet in an elevated session.",
            relatedLinks: optional, parameters: dismParameters, outputType: "Microsoft.Dism.Commands.ImageObject"),
        "Get-WindowsFeature": CommandHelp(
            description: "Lists the roles, role services and features of Windows Server and whether each is installed.",
            examples: [HelpExample(code: "Get-WindowsFeature", remarks: "Lists every role, role service and feature."),
                       HelpExample(code: "Get-WindowsFeature -Name FS-SMB1", remarks: "Shows whether SMB 1.0 support is installed.")],
            notes: "The cmdlet exists on Windows Server only.",
            relatedLinks: server, parameters: serverParameters, outputType: "Microsoft.Windows.ServerManager.Commands.Feature"),
        "Install-WindowsFeature": CommandHelp(
            description: "Installs roles, role services and features of Windows Server and reports whether a restart is needed.",
            examples: [HelpExample(code: "Install-WindowsFeature -Name FS-SMB1", remarks: "Installs SMB 1.0 support."),
                       HelpExample(code: "Install-WindowsFeature -Name FS-FileServer -IncludeManagementTools",
                                   remarks: "Installs the File Server role service with its management tools.")],
            notes: "The cmdlet exists on Windows Server only; run it in an elevated session.",
            relatedLinks: server, parameters: serverParameters,
            outputType: "Microsoft.Windows.ServerManager.Commands.FeatureOperationResult"),
        "Uninstall-WindowsFeature": CommandHelp(
            description: "Uninstalls roles, role services and features of Windows Server; with -Remove their files are removed too.",
            examples: [HelpExample(code: "Uninstall-WindowsFeature -Name FS-SMB1", remarks: "Uninstalls SMB 1.0 support."),
                       HelpExample(code: "Uninstall-WindowsFeature -Name FS-SMB1 -Remove",
                                   remarks: "Uninstalls SMB 1.0 support and removes its files.")],
            notes: "The cmdlet exists on Windows Server only; run it in an elevated session.",
            relatedLinks: server, parameters: serverParameters,
            outputType: "Microsoft.Windows.ServerManager.Commands.FeatureOperationResult"),
        "Get-SmbShellProfile": CommandHelp(
            notes: "The profile is chosen when the shell starts and cannot change while it runs.",
            relatedLinks: ["Get-SmbClientConfiguration", "about_SmbConfigShell_Host"]),
        "reg.exe": CommandHelp(
            description: "Reads and changes the registry from the command line: reg query lists a key's values and subkeys, reg add creates a key or sets a value, reg delete removes them. Keys are written as HKLM\\... or HKCU\\...",
            examples: [HelpExample(code: "reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Bowser /v EnableMailslots /t REG_DWORD /d 1 /f",
                                   remarks: "Sets the EnableMailslots policy value without asking."),
                       HelpExample(code: "reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Bowser",
                                   remarks: "Lists the values of the policy key.")],
            notes: "reg is a program, not a cmdlet: it writes text, and its exit code is in $LASTEXITCODE (0 on success, 1 on failure).",
            relatedLinks: ["Get-ItemProperty", "Set-ItemProperty", "about_SmbConfigShell_Host"], outputType: "System.String"),
        "sc.exe": CommandHelp(
            description: "Queries and configures services from the command line: sc query shows their state, sc qc their configuration, sc config changes the start type, sc start and sc stop start and stop them. In PowerShell type sc.exe: sc alone is the alias of Set-Content.",
            examples: [HelpExample(code: "sc.exe query LanmanWorkstation", remarks: "Shows the state of the Workstation service."),
                       HelpExample(code: "sc.exe qc LanmanServer", remarks: "Shows the configuration of the Server service: start type, path and dependencies.")],
            notes: "sc is a program, not a cmdlet: it writes text, and its exit code is in $LASTEXITCODE.",
            relatedLinks: ["Get-Service", "Set-Service", "net.exe"], outputType: "System.String"),
        "net.exe": CommandHelp(
            description: "Starts and stops services (net start, net stop), shows the configuration of the Server and Workstation services (net config) and the shares and connections of this computer (net share, net use).",
            examples: [HelpExample(code: "net start LanmanServer", remarks: "Starts the Server service."),
                       HelpExample(code: "net config workstation", remarks: "Shows the configuration of the Workstation service.")],
            notes: "net is a program, not a cmdlet: it writes text, and its exit code is in $LASTEXITCODE.",
            relatedLinks: ["Get-Service", "Get-SmbShare", "sc.exe"], outputType: "System.String"),
    ]

    static func applied(_ definitions: [CmdletDefinition]) -> [CmdletDefinition] {
        definitions.map { $0.withHelp(table[$0.metadata.name]) }
    }
}
