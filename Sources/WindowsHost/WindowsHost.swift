import EmulatedHost
import ShellEngine

/// The emulated Windows machine's own surface: the `HKLM:` registry view with the item
/// cmdlets of Microsoft.PowerShell.Management over it, and Get-SmbShellProfile.
public enum WindowsHost {
    public static var modules: [any CommandModule.Type] { [RegistryItemCommands.self, ShellProfileModule.self] }
}

/// Get-Item, Get-ChildItem, Test-Path and the *-ItemProperty cmdlets over the registry view (and,
/// for the first three, the file system): Microsoft.PowerShell.Management commands on Windows.
public enum RegistryItemCommands: CommandModule {
    public static let name = "Microsoft.PowerShell.Management"
    public static let version = "3.1.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands(RegistryCmdlets.definitions)
    }
}
