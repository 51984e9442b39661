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
    private static let services = ["Get-Service", "Set-Service", "Start-Service", "Stop-Service", "Restart-Service",
                                   "New-Service", "Suspend-Service", "Resume-Service"]
    private static let serviceSelection = [
        "Include": "Acts only on the services whose names match (wildcards allowed).",
        "Exclude": "Leaves out the services whose names match (wildcards allowed).",
        "PassThru": "Returns an object that represents the service. By default this cmdlet generates no output.",
        "Name": "The service names of the services (wildcards allowed).",
        "DisplayName": "The display names of the services (wildcards allowed).",
        "InputObject": "ServiceController objects representing the services. Enter a variable that contains the objects, or a command or expression that gets them.",
    ]
    private static let serverParameters = [
        "ComputerName": "The server to query; this computer when omitted.",
        "IncludeAllSubFeature": "Also installs the role services and features under the named one.",
        "IncludeManagementTools": "Also installs (or uninstalls) the feature's management tools.",
        "Restart": "Restarts the computer when the change needs it.",
        "Source": "A folder or WIM image that holds the feature's files.",
        "Remove": "Also removes the feature's files from the computer.",
    ]
    private static let aclParameters = [
        "Filter": "Specifies a filter in the format or language of the provider. The value of this parameter qualifies the Path parameter. The provider applies the filter when it retrieves the items, which is more efficient than filtering them afterwards.",
        "Exclude": "Omits the specified items. The value of this parameter qualifies the Path parameter. Enter a path element or pattern, such as *.txt. Wildcards are permitted.",
    ]
    private static let localAccounts = ["Get-LocalUser", "Enable-LocalUser", "Disable-LocalUser", "Get-LocalGroup",
                                        "Get-LocalGroupMember", "Add-LocalGroupMember", "Remove-LocalGroupMember"]
    private static let localAccountsNote = "The Microsoft.PowerShell.LocalAccounts module is not available in 32-bit PowerShell on a 64-bit system. The PrincipalSource property of LocalUser, LocalGroup and LocalPrincipal objects describes the source of the object: Local, ActiveDirectory, AzureAD or MicrosoftAccount. PrincipalSource is supported only by Windows 10, Windows Server 2016 and later versions of Windows; on earlier versions the property is blank."
    private static let firewall = ["Get-NetFirewallRule", "Enable-NetFirewallRule", "Disable-NetFirewallRule", "Set-NetFirewallRule",
                                   "Get-NetConnectionProfile"]
    private static let firewallNote = "By default the cmdlets act on the persistent store (PersistentStore), the rules the computer keeps across restarts. The Enabled property is an enumeration, True or False, not a Boolean. The File and Printer Sharing group holds FPS-SMB-In-TCP, the rule that allows inbound SMB on TCP port 445."
    private static let network = ["Get-NetAdapter", "Get-NetIPAddress", "Get-NetTCPConnection", "Get-NetConnectionProfile", "Test-NetConnection"]
    private static let profileNote = "A connection profile represents a network connection. Its NetworkCategory, Public, Private or DomainAuthenticated, selects the firewall profile (Public, Private or Domain) whose rules apply to the connection."

    private static func program(_ name: String, exitCodes: String = "") -> String {
        name + " is a program, not a cmdlet: it writes text, and its exit code is in $LASTEXITCODE" + (exitCodes.isEmpty ? "." : " (" + exitCodes + ").")
    }

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
        "Get-Service": CommandHelp(
            description: "Gets objects that represent the services on a computer, including running and stopped services. By default, when Get-Service is run without parameters, all the local computer's services are returned. You can direct it to get only particular services by specifying the service name or the display name of the services, or pipe service objects to it.",
            examples: [HelpExample(code: "Get-Service", remarks: "Gets all the services on the computer."),
                       HelpExample(code: "Get-Service \"wmi*\"", remarks: "Retrieves the services whose names begin with WMI."),
                       HelpExample(code: "Get-Service | Where-Object {$_.Status -eq \"Running\"}", remarks: "Displays only the services that are running."),
                       HelpExample(code: "Get-Service \"LanmanWorkstation\" -RequiredServices", remarks: "Gets the services that the Workstation service requires.")],
            notes: "gsv is an alias of Get-Service. The Status column shows Running, Stopped or Paused; StartType is Automatic, Manual or Disabled. You can also get services with Get-CimInstance Win32_Service.",
            relatedLinks: services,
            parameters: serviceSelection.merging([
                "ComputerName": "Gets the services running on the specified computers. The default is the local computer.",
                "DependentServices": "Gets only the services that depend upon the specified service.",
                "RequiredServices": "Gets only the services that this service requires.",
            ]) { $1 }),
        "Set-Service": CommandHelp(
            description: "Changes the properties of a service such as the Status, Description, DisplayName, and StartupType. Set-Service can start, stop, or suspend a service. To identify a service, enter its service name or submit a service object, or pipe a service name or service object to Set-Service.",
            examples: [HelpExample(code: "Set-Service -Name LanmanWorkstation -DisplayName \"LanMan Workstation\"", remarks: "Changes the display name of the Workstation service."),
                       HelpExample(code: "Set-Service -Name BITS -StartupType Automatic", remarks: "Makes the BITS service start automatically."),
                       HelpExample(code: "Set-Service -Name WinRM -Status Running -PassThru", remarks: "Starts the WinRM service and returns it.")],
            notes: "Set-Service requires elevated permissions. Use Run as administrator. Set-Service can stop a service only if it has no dependent services running.",
            relatedLinks: services,
            parameters: serviceSelection.merging([
                "Name": "The service name of the service to be changed. Wildcards aren't permitted.",
                "ComputerName": "The computers on which the service is changed. The default is the local computer.",
                "DisplayName": "A new display name for the service.",
                "Description": "A new description for the service.",
                "StartupType": "The start mode of the service: Automatic, Manual or Disabled.",
                "Status": "The status for the service: Running, Stopped or Paused.",
                "InputObject": "A ServiceController object that represents the service to change.",
            ]) { $1 }),
        "Start-Service": CommandHelp(
            description: "Sends a start message to the Windows Service Controller for each of the specified services. If a service is already running, the message is ignored without error. You can specify the services by their service names or display names, or you can use -InputObject to supply a service object.",
            examples: [HelpExample(code: "Start-Service -Name \"eventlog\"", remarks: "Starts the EventLog service on the local computer."),
                       HelpExample(code: "Start-Service -DisplayName *remote* -WhatIf", remarks: "Shows what would happen if the services whose display names include remote were started."),
                       HelpExample(code: "Get-Service LanmanServer | Start-Service -PassThru", remarks: "Starts the Server service and returns it.")],
            notes: "Start-Service requires elevated permissions. A service whose StartType is Disabled cannot be started: set its StartType first with Set-Service. sasv is an alias of Start-Service.",
            relatedLinks: services, parameters: serviceSelection),
        "Stop-Service": CommandHelp(
            description: "Sends a stop message to the Windows Service Controller for each of the specified services. You can specify the services by their service names or display names, or you can use -InputObject to pass a service object that represents the services that you want to stop.",
            examples: [HelpExample(code: "Stop-Service -Name \"sysmonlog\"", remarks: "Stops the Performance Logs and Alerts service on the local computer."),
                       HelpExample(code: "Get-Service -DisplayName \"telnet\" | Stop-Service", remarks: "Stops the Telnet service by its display name."),
                       HelpExample(code: "Stop-Service -Name LanmanServer -Force", remarks: "Stops the Server service and the services that depend on it.")],
            notes: "Stop-Service requires elevated permissions. A service that has dependent services can be stopped only with -Force. spsv is an alias of Stop-Service.",
            relatedLinks: services,
            parameters: serviceSelection.merging(["NoWait": "Returns at once, without waiting for the services to stop."]) { $1 }),
        "Restart-Service": CommandHelp(
            description: "Sends a stop message and then a start message to the Windows Service Controller for a specified service. If a service was already stopped, it is started without notifying you of an error. You can specify the services by their service names or display names, or you can use -InputObject to pass an object that represents each service that you want to restart.",
            examples: [HelpExample(code: "Restart-Service -Name winmgmt", remarks: "Restarts the Windows Management Instrumentation service."),
                       HelpExample(code: "Restart-Service -DisplayName \"net*\" -Exclude \"net logon\"", remarks: "Restarts the services whose display names begin with Net, except Net Logon."),
                       HelpExample(code: "Get-Service -Name LanmanServer | Restart-Service -Force", remarks: "Restarts the Server service and the services that depend on it.")],
            notes: "Restart-Service requires elevated permissions. A service that has dependent services can be restarted only with -Force.",
            relatedLinks: services, parameters: serviceSelection),
        "hostname.exe": CommandHelp(
            description: "Displays the host name portion of the full computer name of the computer. It takes no arguments: the name cannot be set with hostname, and any argument is refused.",
            examples: [HelpExample(code: "hostname", remarks: "Shows the name of the computer."),
                       HelpExample(code: "$name = hostname", remarks: "Stores the name of the computer in a variable.")],
            notes: program("hostname", exitCodes: "0 on success, 1 when an argument is given"),
            relatedLinks: ["whoami.exe", "systeminfo.exe", "Get-ComputerInfo"], outputType: "System.String"),
        "whoami.exe": CommandHelp(
            description: "Displays user, group and privileges information for the user who is currently signed in. Without parameters it displays the domain (or computer) and user name; /user adds the security identifier (SID), /groups lists the groups, /priv the privileges and /all all of them. /fo TABLE, LIST or CSV chooses the format and /nh omits the column headers.",
            examples: [HelpExample(code: "whoami", remarks: "Shows the domain and user name of the current user."),
                       HelpExample(code: "whoami /groups", remarks: "Lists the groups of the current user with their type, SID and attributes.")],
            notes: program("whoami", exitCodes: "0 on success, 1 on failure"),
            relatedLinks: ["hostname.exe", "Get-LocalUser", "Get-LocalGroupMember"], outputType: "System.String"),
        "systeminfo.exe": CommandHelp(
            description: "Displays detailed configuration information about the computer and its operating system: the operating system's name, version and configuration, the product ID, the installation date, the memory, the hotfixes installed and the network cards. /FO TABLE, LIST (the default) or CSV chooses the format and /NH omits the column headers of TABLE and CSV.",
            examples: [HelpExample(code: "systeminfo", remarks: "Shows the configuration of the computer as a list."),
                       HelpExample(code: "systeminfo /FO CSV | ConvertFrom-Csv",
                                   remarks: "Gets the configuration as an object whose properties are the column headers.")],
            notes: program("systeminfo", exitCodes: "0 on success, 1 on failure"),
            relatedLinks: ["Get-ComputerInfo", "Get-HotFix", "hostname.exe"], outputType: "System.String"),
        "gpupdate.exe": CommandHelp(
            description: "Updates Group Policy settings. Without parameters it applies the computer and user settings that changed; /target:computer or /target:user updates only one of them, and /force reapplies every setting.",
            examples: [HelpExample(code: "gpupdate /force", remarks: "Reapplies every Group Policy setting of the computer and the user."),
                       HelpExample(code: "gpupdate /target:computer", remarks: "Updates only the computer's settings.")],
            notes: program("gpupdate", exitCodes: "0 on success, 1 when a parameter is wrong"),
            relatedLinks: ["auditpol.exe", "Get-SmbClientConfiguration", "about_SmbConfigShell_Host"], outputType: "System.String"),
        "dism.exe": CommandHelp(
            description: "Deployment Image Servicing and Management. With /Online it services the running Windows: /Get-Features lists the optional features and their state (/Format:Table as a table), /Get-FeatureInfo /FeatureName:NAME shows one, /Enable-Feature and /Disable-Feature turn one on or off. /All also enables the parent features, /NoRestart does not ask to restart.",
            examples: [HelpExample(code: "dism /Online /Get-FeatureInfo /FeatureName:SMB1Protocol",
                                   remarks: "Shows whether the SMB 1.0/CIFS File Sharing Support feature is enabled."),
                       HelpExample(code: "dism /Online /Disable-Feature /FeatureName:SMB1Protocol /NoRestart",
                                   remarks: "Disables SMB 1.0 support without restarting.")],
            notes: program("dism", exitCodes: "0 on success, 3010 when a restart is needed to complete the operation, 87 when an option is wrong") + " Run it in an elevated session.",
            relatedLinks: optional, outputType: "System.String"),
        "auditpol.exe": CommandHelp(
            description: "Displays and changes the audit policy. /get /category:NAME or /get /subcategory:NAME shows the setting (No Auditing, Success, Failure, Success and Failure) of categories or subcategories, * standing for all of them; /set /subcategory:NAME /success:enable|disable /failure:enable|disable changes a subcategory.",
            examples: [HelpExample(code: "auditpol /get /category:*", remarks: "Shows the setting of every subcategory, grouped by category."),
                       HelpExample(code: "auditpol /set /subcategory:\"File Share\" /success:enable /failure:enable",
                                   remarks: "Audits successful and failed access to the shares of the computer.")],
            notes: program("auditpol", exitCodes: "0 on success, 87 when a parameter is wrong") + " Run it in an elevated session.",
            relatedLinks: ["Get-Acl", "gpupdate.exe", "about_SmbConfigShell_Host"], outputType: "System.String"),
        "Enable-LocalUser": CommandHelp(notes: localAccountsNote, relatedLinks: localAccounts, outputType: "None"),
        "Disable-LocalUser": CommandHelp(notes: localAccountsNote, relatedLinks: localAccounts, outputType: "None"),
        "Get-LocalUser": CommandHelp(notes: localAccountsNote, relatedLinks: localAccounts),
        "Get-LocalGroup": CommandHelp(notes: localAccountsNote, relatedLinks: localAccounts),
        "Get-LocalGroupMember": CommandHelp(notes: localAccountsNote, relatedLinks: localAccounts),
        "Add-LocalGroupMember": CommandHelp(notes: localAccountsNote, relatedLinks: localAccounts, outputType: "None"),
        "Remove-LocalGroupMember": CommandHelp(notes: localAccountsNote, relatedLinks: localAccounts, outputType: "None"),
        "Get-NetFirewallRule": CommandHelp(
            notes: firewallNote + " Without parameters the cmdlet gets every rule; -Enabled True keeps the rules in effect.",
            relatedLinks: firewall),
        "Enable-NetFirewallRule": CommandHelp(
            notes: firewallNote + " Enabling a rule makes it take effect; whether it allows or blocks the traffic is its Action.",
            relatedLinks: firewall),
        "Disable-NetFirewallRule": CommandHelp(
            notes: firewallNote + " A disabled rule is ignored: it neither allows nor blocks traffic.",
            relatedLinks: firewall),
        "Set-NetFirewallRule": CommandHelp(
            notes: firewallNote + " Set-NetFirewallRule -Enabled True does what Enable-NetFirewallRule does.",
            relatedLinks: firewall),
        "Get-NetAdapter": CommandHelp(
            notes: "By default Get-NetAdapter gets the visible adapters, physical and virtual; -IncludeHidden adds the hidden ones and -Physical keeps only the physical ones. The ifIndex (InterfaceIndex) and Name (InterfaceAlias) of an adapter select it in the NetTCPIP and NetConnection cmdlets.",
            relatedLinks: network),
        "Get-NetIPAddress": CommandHelp(
            notes: "Without parameters Get-NetIPAddress gets the IPv4 and IPv6 addresses of every interface, the loopback interface among them; -AddressFamily IPv4 keeps only the IPv4 addresses.",
            relatedLinks: network),
        "Get-NetTCPConnection": CommandHelp(
            notes: "A port waiting for connections is in state Listen, an open connection in state Established. The SMB server listens on TCP port 445; it runs in the kernel, so its OwningProcess is 4, the System process.",
            relatedLinks: network),
        "Get-NetConnectionProfile": CommandHelp(notes: profileNote, relatedLinks: network + ["Set-NetConnectionProfile"]),
        "Set-NetConnectionProfile": CommandHelp(
            notes: profileNote + " The category DomainAuthenticated cannot be set: Windows selects it when the computer authenticates to a domain controller.",
            relatedLinks: network, outputType: "None"),
        "Test-NetConnection": CommandHelp(
            notes: "TNC is an alias of Test-NetConnection. -CommonTCPPort SMB tests TCP port 445; TcpTestSucceeded shows whether the port answered. With -InformationLevel Quiet the cmdlet returns only a Boolean.",
            relatedLinks: network),
        "Get-WinEvent": CommandHelp(
            notes: "Get-WinEvent is designed to replace Get-EventLog on computers running Windows Vista and later versions of Windows: Get-EventLog gets events only in classic event logs. Get-WinEvent is not supported in the Windows Preinstallation Environment (Windows PE). When no event matches, the cmdlet writes the error NoMatchingEventsFound.",
            relatedLinks: ["Where-Object", "Format-Table", "about_Automatic_Variables"]),
        "Get-ComputerInfo": CommandHelp(
            notes: "gin is an alias of Get-ComputerInfo. The properties are named by their source: Windows (the registry), Bios, Cs (Win32_ComputerSystem), Os (Win32_OperatingSystem), HyperV and DeviceGuard.",
            relatedLinks: ["Get-CimInstance", "Get-HotFix", "systeminfo.exe"]),
        "Get-HotFix": CommandHelp(
            notes: "Get-HotFix reads the Win32_QuickFixEngineering WMI class, which represents the small system-wide updates (quick-fix engineering, QFE, updates) applied to the operating system. It returns only the updates supplied by Component Based Servicing (CBS); updates supplied by Windows Installer (MSI) or the Windows Update site are not returned.",
            relatedLinks: ["Get-ComputerInfo", "Get-CimInstance", "systeminfo.exe"]),
        "Start-Process": CommandHelp(
            notes: "saps and start are aliases of Start-Process. Start-Process uses the Start method of the System.Diagnostics.Process class. With -Wait it waits for the process tree, the process and all its descendants, to exit before returning. By default it returns no output; with -PassThru it returns the process, whose ExitCode property holds the program's exit code.",
            relatedLinks: ["Get-Process", "Stop-Process", "Wait-Process", "Debug-Process"]),
        "Get-Acl": CommandHelp(
            notes: "Get-Acl works with the FileSystem and Registry providers: it reads the security descriptors of files, folders and registry keys. By default it shows the path, the owner and the access list (Access, the discretionary access control list, which the owner controls); Format-List also shows the group, the audit list and the SDDL form.",
            relatedLinks: ["Set-Acl", "Get-Item", "Get-ChildItem"],
            parameters: aclParameters.merging([
                "Include": "Gets only the specified items. The value of this parameter qualifies the Path parameter. Enter a path element or pattern, such as *.txt. Wildcards are permitted.",
            ]) { $1 }),
        "Set-Acl": CommandHelp(
            notes: "Set-Acl works with the FileSystem and Registry providers. It replaces the item's security descriptor with the one given: to change one rule, get the descriptor with Get-Acl, change it, and pass it to Set-Acl. With -Passthru it returns the security descriptor it set.",
            relatedLinks: ["Get-Acl", "Get-Item", "Get-ChildItem"],
            parameters: aclParameters.merging([
                "Include": "Changes only the specified items. The value of this parameter qualifies the Path parameter. Enter a path element or pattern, such as *.txt. Wildcards are permitted.",
                "ClearCentralAccessPolicy": "Removes the central access policy from the specified item. Central access policies, set through Active Directory and Group Policy, control access to files and folders in addition to their access lists.",
            ]) { $1 }, outputType: "None"),
    ]

    /// The definitions with their help; the lists shared by a family of commands do not link a command to itself.
    static func applied(_ definitions: [CmdletDefinition]) -> [CmdletDefinition] {
        definitions.map { definition in
            var help = table[definition.metadata.name]
            help?.relatedLinks.removeAll { $0 == definition.metadata.name }
            return definition.withHelp(help)
        }
    }
}
