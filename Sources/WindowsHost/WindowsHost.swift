import EmulatedHost
import ShellEngine

/// The emulated Windows machine's own surface: the Registry provider (`HKLM:`, `HKCU:`) under the
/// item cmdlets, and Get-SmbShellProfile.
public enum WindowsHost {
    public static var modules: [any CommandModule.Type] {
        [RegistryItemCommands.self, DismModule.self, ServerManagerModule.self, ShellProfileModule.self, LocalAccountsModule.self,
         NetAdapterModule.self, NetSecurityModule.self, NetTCPIPModule.self, NetConnectionModule.self, SecurityAclCommands.self,
         DiagnosticsModule.self]
    }
}

/// The Registry provider, which the item and item-property cmdlets of Microsoft.PowerShell.Management
/// reach, and that module's service cmdlets, Get-HotFix and Start-Process (for the built-in programs).
public enum RegistryItemCommands: CommandModule {
    public static let name = "Microsoft.PowerShell.Management"
    public static let version = "3.1.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.provider(RegistryProvider())
        HostCimProviders.register(registration.engine)
        registration.commands {
            WindowsHostHelp.applied(ServiceCmdlets.definitions(module: name) + [NetworkCmdlets.getHotFix(), StartProcessCmdlet.definition(module: name),
                                                                               ComputerInfoCmdlet.definition(module: name)])
        }
        registration.aliases(["gsv": "Get-Service", "sasv": "Start-Service", "spsv": "Stop-Service", "saps": "Start-Process", "start": "Start-Process",
                              "gin": "Get-ComputerInfo"])
    }
}

/// Windows' Dism module: the optional features of the running emulated host.
public enum DismModule: CommandModule {
    public static let name = FeatureCmdlets.dism
    public static let version = "3.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied(FeatureCmdlets.dismDefinitions()) }
    }
}

/// Windows Server's ServerManager module: roles and features (client releases refuse them).
public enum ServerManagerModule: CommandModule {
    public static let name = FeatureCmdlets.serverManager
    public static let version = "2.0.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied(FeatureCmdlets.serverManagerDefinitions()) }
        registration.aliases(["Add-WindowsFeature": "Install-WindowsFeature", "Remove-WindowsFeature": "Uninstall-WindowsFeature"])
    }
}
