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
        registration.commands {
            LabCmdlets.definitions() + WorkloadCmdlets.definitions() + SourceCmdlets.definitions()
                + GetTranscript.definitions()
        }
    }
}
