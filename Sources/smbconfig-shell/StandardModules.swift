import CimCmdlets
import CoreCommands
import Labs
import MailslotCommands
import PesterCommands
import PSReadLine
import ShellEngine
import SmbShareCommands
import WindowsHost

/// The command modules every engine of the shell registers, in registration order.
enum StandardModules {
    static var all: [any CommandModule.Type] {
        CoreCommands.modules
        + [SmbShareModule.self, MailslotModule.self] + WindowsHost.modules + CimCmdlets.modules + [LabsModule.self, PesterModule.self, PSReadLineModule.self]
    }
}
