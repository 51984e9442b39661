import ShellTestSupport
import Testing
@testable import ShellEngine

/// Get-Command and Get-Module read their Source, Version and listing from the modules' registration,
/// and print in the 5.1 views (CommandInfo: 15/50/10/rest; PSModuleInfo: 10/10/35/rest, grouped by
/// directory for -ListAvailable).
struct ModuleTableTests {
    /// The lines of `text` without the padding of the last column.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " }.reversed())
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    @Test func getCommandShowsTheRegisteringModuleAndItsVersion() {
        let text = run("Get-Command Get-Command, Get-SmbClientConfiguration, New-Mailslot, gcm")
        let lines = Self.lines(text)
        #expect(lines.contains(Self.pad("CommandType", 16) + Self.pad("Name", 51) + Self.pad("Version", 11) + "Source"))
        #expect(lines.contains(Self.pad("Cmdlet", 16) + Self.pad("Get-Command", 51) + Self.pad("3.0.0.0", 11)
            + "Microsoft.PowerShell.Core"))
        #expect(lines.contains(Self.pad("Function", 16) + Self.pad("Get-SmbClientConfiguration", 51)
            + Self.pad("2.0.0.0", 11) + "SmbShare"))
        #expect(lines.contains(Self.pad("Cmdlet", 16) + Self.pad("New-Mailslot", 51) + Self.pad("1.0.0.0", 11)
            + "SmbConfigShell.Mailslots"))
        #expect(lines.contains("Alias           gcm -> Get-Command"))
    }

    @Test func getCommandModuleFiltersBySource() {
        let text = run("(Get-Command -Module SmbShare).Name -join ','")
        #expect(text == "Block-SmbShareAccess,Close-SmbOpenFile,Close-SmbSession,Get-SmbClientConfiguration,Get-SmbClientNetworkInterface,Get-SmbConnection,"
            + "Get-SmbMapping,Get-SmbOpenFile,Get-SmbServerConfiguration,Get-SmbServerNetworkInterface,Get-SmbSession,"
            + "Get-SmbShare,Get-SmbShareAccess,Grant-SmbShareAccess,New-SmbMapping,New-SmbShare,Remove-SmbMapping,"
            + "Remove-SmbShare,Reset-SmbClientConfiguration,Reset-SmbServerConfiguration,Revoke-SmbShareAccess,"
            + "Set-SmbClientConfiguration,Set-SmbServerConfiguration,Set-SmbShare,Unblock-SmbShareAccess\n")
    }

    @Test func listAvailableGroupsByDirectoryWithoutTheSnapIn() {
        let text = run("Get-Module -ListAvailable")
        let lines = Self.lines(text)
        let system = #"    Directory: C:\Windows\system32\WindowsPowerShell\v1.0\Modules"#
        let programFiles = #"    Directory: C:\Program Files\WindowsPowerShell\Modules"#
        let systemAt = lines.firstIndex(of: system)
        let programFilesAt = lines.firstIndex(of: programFiles)
        #expect(systemAt != nil && programFilesAt != nil)
        #expect((programFilesAt ?? .max) < (systemAt ?? .min))
        if let systemAt, systemAt + 4 < lines.count {
            #expect(Array(lines[(systemAt + 1)...(systemAt + 4)]) == [
                "", "", Self.pad("ModuleType", 11) + Self.pad("Version", 11) + Self.pad("Name", 36) + "ExportedCommands",
                Self.pad("----------", 11) + Self.pad("-------", 11) + Self.pad("----", 36) + "----------------",
            ])
        }
        #expect(lines.contains(Self.pad("Manifest", 11) + Self.pad("2.0.0.0", 11) + Self.pad("SmbShare", 36)
            + "{Block-SmbShareAccess, Close-SmbOpenFile, Close-SmbSession..."))
        #expect(lines.contains(Self.pad("Manifest", 11) + Self.pad("1.0.0.0", 11) + Self.pad("CimCmdlets", 36)
            + "{Get-CimClass, Get-CimInstance, Get-CimSession, Invoke-Cim..."))
        #expect(!text.contains("Microsoft.PowerShell.Core"))
    }

    @Test func moduleObjectsCarryTheirCommands() {
        let text = run("$m = Get-Module Microsoft.PowerShell.Host; $m.Version; $m.ExportedCommands -join ','; $m.Path")
        #expect(text == "3.0.0.0\nStart-Transcript,Stop-Transcript\n"
            + #"C:\Windows\system32\WindowsPowerShell\v1.0\Modules\Microsoft.PowerShell.Host\Microsoft.PowerShell.Host.psd1"#
            + "\n")
    }
}
