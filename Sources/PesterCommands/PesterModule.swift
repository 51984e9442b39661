import ShellEngine

/// Pester 3.4.0, the test framework Windows 10 and 11 ship in-box under
/// `C:\Program Files\WindowsPowerShell\Modules\Pester\3.4.0`.
public enum PesterModule: CommandModule {
    public static let name = "Pester"
    public static let version = "3.4.0"
    public static let commandType = ModuleCommandType.function
    public static let directory: String? = ModuleInfo.programFilesModulesDirectory
    public static let moduleType = "Script"

    public static func register(in registration: ModuleRegistration) {
        registration.commands(named: PesterCommands.names) {
            PesterCommands.definitions().map { $0.withHelp(PesterHelp.table[$0.metadata.name]) }
        }
        registration.helpTopic("about_Pester", AboutPester.text)
    }
}
