import EmulatedHost
import ShellEngine

/// The training-lab layer (a module of this shell): lab scenarios, legacy workloads, simulated
/// hosts, events, captures, configuration sources and Get-Transcript.
public enum LabsModule: CommandModule {
    public static let name = "SmbConfigShell.Labs"
    public static let version = "1.0.0.0"
    public static let directory: String? = ModuleInfo.programFilesModulesDirectory

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.helpTopic("about_SmbLabs", LabHelp.aboutSmbLabs)
        // Hints are whole sentences: they wrap inside their column instead of being cut.
        registration.tableView(typeName: LabCmdlets.taskTypeName, TableViewDefinition(columns: [
            ("Id", 3, .right), ("Task", 30, .left), ("Hint", 0, .left)], wrap: true))
        registration.tableView(typeName: LabCmdlets.resultTypeName, TableViewDefinition(columns: [
            ("Id", 3, .right), ("Task", 30, .left), ("Passed", 6, .right), ("Hint", 0, .left)], wrap: true))
        registration.commands {
            (LabCmdlets.definitions() + WorkloadCmdlets.definitions() + SourceCmdlets.definitions()
                + GetTranscript.definitions()).map { $0.withHelp(LabsHelp.table[$0.metadata.name]) }
        }
    }
}
