import EmulatedHost
import SMBPolicy
import ShellEngine

/// The SmbShare module: the client and server configuration, shares and their access lists
/// (CDXML, so Get-Command lists them as functions).
public enum SmbShareModule: CommandModule {
    public static let name = "SmbShare"
    public static let version = "2.0.0.0"
    public static let commandType = ModuleCommandType.function

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        // The parameter tables are derived from the policy schema: built when one of the
        // commands is first used.
        let profile = registration.engine.osProfile
        registration.commands(named: ["Get", "Set", "Reset"].flatMap { verb in
            PolicySide.allCases.map { "\(verb)-" + SmbShareCmdlets.noun($0) }
        }) { SmbShareHelp.applied(SmbShareCmdlets.definitions(profile: profile)) }
        registration.commands(named: ShareCmdlets.names) { SmbShareHelp.applied(ShareCmdlets.definitions()) }
        registration.commands(named: ShareAccess.names) { SmbShareHelp.applied(ShareAccess.definitions()) }
        registration.commands(named: SmbClientCmdlets.names) { SmbShareHelp.applied(SmbClientCmdlets.definitions()) }
    }
}
