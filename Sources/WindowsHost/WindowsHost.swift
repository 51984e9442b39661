import EmulatedHost
import ShellEngine

/// The emulated Windows machine's own surface: the Registry provider (`HKLM:`, `HKCU:`) under the
/// item cmdlets, and Get-SmbShellProfile.
public enum WindowsHost {
    public static var modules: [any CommandModule.Type] { [RegistryItemCommands.self, ShellProfileModule.self] }
}

/// The Registry provider, which the item and item-property cmdlets of Microsoft.PowerShell.Management
/// reach, and that module's service cmdlets.
public enum RegistryItemCommands: CommandModule {
    public static let name = "Microsoft.PowerShell.Management"
    public static let version = "3.1.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.provider(RegistryProvider())
        registration.commands { ServiceCmdlets.definitions(module: name) }
        registration.aliases(["gsv": "Get-Service", "sasv": "Start-Service", "spsv": "Stop-Service"])
    }
}
