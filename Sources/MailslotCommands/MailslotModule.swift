import EmulatedHost
import ShellEngine

/// New-, Get-, Remove-Mailslot, Send- and Receive-MailslotMessage and Get-MailslotStatistics (a
/// module of this shell, not of Windows), and the emulated `nbtstat` program.
public enum MailslotModule: CommandModule {
    public static let name = "SmbConfigShell.Mailslots"
    public static let version = "1.0.0.0"
    public static let directory: String? = ModuleInfo.programFilesModulesDirectory

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.helpTopic("about_Mailslots", aboutMailslots)
        registration.commands {
            MailslotCmdlets.definitions().map { definition in
                var definition = definition
                if ["New-Mailslot", "Get-Mailslot"].contains(definition.metadata.name) {
                    definition.outputProperties = { _ in MailslotCmdlets.infoProperties }
                }
                definition.completeArgument = MailslotCmdlets.completeName
                return definition.withHelp(MailslotHelp.table[definition.metadata.name])
            } + [Nbtstat.definition().withHelp(MailslotHelp.table["nbtstat.exe"])]
        }
        registration.aliases(["nbtstat": "nbtstat.exe"])
    }
}
