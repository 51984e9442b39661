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
        // The parameter tables are derived from the policy schema: each command's is built when
        // it is first used (Get-SmbClientConfiguration never builds Set-'s).
        let profile = registration.engine.osProfile
        for side in PolicySide.allCases {
            let noun = SmbShareCmdlets.noun(side)
            registration.commands(named: ["Get-" + noun]) { SmbShareHelp.applied([SmbShareCmdlets.getDefinition(side, profile)]) }
            registration.commands(named: ["Set-" + noun]) { SmbShareHelp.applied([SmbShareCmdlets.setDefinition(side, profile)]) }
            registration.commands(named: ["Reset-" + noun]) { SmbShareHelp.applied([SmbShareCmdlets.resetDefinition(side, profile)]) }
        }
        registration.commands(named: ShareCmdlets.names) { SmbShareHelp.applied(ShareCmdlets.definitions()) }
        registration.commands(named: ShareAccess.names) { SmbShareHelp.applied(ShareAccess.definitions()) }
        registration.commands(named: SmbClientCmdlets.names) { SmbShareHelp.applied(SmbClientCmdlets.definitions()) }
    }
}
