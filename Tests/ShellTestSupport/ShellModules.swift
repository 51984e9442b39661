import CimCmdlets
import CoreCommands
import Labs
import MailslotCommands
import ShellEngine
import SmbShareCommands
import WindowsHost

/// The modules the shell registers (as the console does), for tests that run commands.
public var shellModules: [any CommandModule.Type] {
    CoreCommands.modules + [SmbShareModule.self, MailslotModule.self] + WindowsHost.modules + CimCmdlets.modules + [LabsModule.self]
}
