import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-SmbShellProfile: the Windows release this shell emulates (a module of this shell).
public enum ShellProfileModule: CommandModule {
    public static let name = "SmbConfigShell"
    public static let version = "1.0.0.0"
    public static let directory: String? = ModuleInfo.programFilesModulesDirectory

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.helpTopic("about_SmbConfigShell_Host", AboutEmulatedHost.text)
        registration.commands { [
            CmdletDefinition(metadata: CommandMetadata(name: "Get-SmbShellProfile", module: ShellProfileModule.name,
                implementation: .function, parameters: [],
                synopsis: "Shows the Windows release this shell emulates (SMBCONFIG_OS_PROFILE).",
                description: "Returns the active OS profile (Name, DisplayName), the Windows PowerShell version it reports, whether remote mailslots are gated by EnableMailslots there (RemoteMailslotsGated), the computer name and the folder that holds the SMB configuration (SMBCONFIG_HOME). The profile is chosen when the shell starts, from the environment variable SMBCONFIG_OS_PROFILE: "
                    + OSProfile.allCases.map { "\($0.rawValue) (\($0.displayName))" }.joined(separator: ", ")
                    + "; unset or unknown means \(OSProfile.defaultProfile.rawValue). Windows11-24H2 and WindowsServer2025 have EnableMailslots (off by default); Windows11-23H2 and WindowsServer2022 have no such setting and remote mailslots work there. The console banner names the same profile.",
                examples: [HelpExample(code: "Get-SmbShellProfile", remarks: "Shows the emulated release and where its state is kept."),
                           HelpExample(code: "(Get-SmbShellProfile).RemoteMailslotsGated",
                                       remarks: "True when Set-SmbClientConfiguration -EnableMailslots decides whether remote mailslots work."),
                           HelpExample(code: "$env:SMBCONFIG_OS_PROFILE = 'WindowsServer2022'; smbconfig-shell",
                                       remarks: "Starts a shell that behaves as Windows Server 2022 (set the variable before the shell starts).")],
                outputType: "SmbConfigShell.OSProfile")) { GetShellProfile() },
            RegTool.definition("reg.exe", module: name, synopsis: "Reads and changes registry keys and values (query, add, delete)."),
            ScTool.definition("sc.exe", module: name, synopsis: "Queries and configures services (query, qc, config, start, stop)."),
            NetTool.definition("net.exe", module: name, synopsis: "Manages services, shares, drive mappings and local accounts (start, stop, config, share, use, session, user, localgroup)."),
            HostnameTool.definition("hostname.exe", module: name, synopsis: "Prints the name of the computer."),
            WhoamiTool.definition("whoami.exe", module: name, synopsis: "Shows the signed-in user, its security identifier and groups (/user, /groups, /all)."),
            SystemInfoTool.definition("systeminfo.exe", module: name, synopsis: "Shows the configuration of the computer (/FO LIST|TABLE|CSV, /NH)."),
            GpupdateTool.definition("gpupdate.exe", module: name, synopsis: "Refreshes Group Policy settings (/force, /target:computer|user)."),
            DismTool.definition("dism.exe", module: name, synopsis: "Lists, enables and disables the optional features of the running system (/Online /Get-Features, /Get-FeatureInfo, /Enable-Feature, /Disable-Feature)."),
            AuditpolTool.definition("auditpol.exe", module: name, synopsis: "Shows and sets the audit policy (/get /category: /subcategory:, /set /subcategory: /success: /failure:)."),
        ].map { $0.withHelp(WindowsHostHelp.table[$0.metadata.name]) } }
        registration.aliases(["reg": "reg.exe", "net": "net.exe", "hostname": "hostname.exe", "whoami": "whoami.exe",
                              "systeminfo": "systeminfo.exe", "gpupdate": "gpupdate.exe", "auditpol": "auditpol.exe", "dism": "dism.exe"])
    }
}

final class GetShellProfile: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let profile = engine.osProfile
        let o = PSCustomObject(typeNames: ["SmbConfigShell.OSProfile", "System.Object"])
        o.add("Name", .string(profile.rawValue))
        o.add("DisplayName", .string(profile.displayName))
        o.add("PSVersion", .string(engine.identity.powerShellVersion))
        o.add("RemoteMailslotsGated", .bool(profile.gatesRemoteMailslots))
        o.add("ComputerName", .string(engine.computerName))
        o.add("StateFolder", .string(engine.configuration.stateFolder))
        try context.writeObject(.object(o))
    }
}
