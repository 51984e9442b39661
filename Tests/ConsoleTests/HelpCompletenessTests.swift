import Foundation
import Testing
import ShellEngine
@testable import smbconfig_shell

/// Every command's help, checked from the command table: synopsis, description, a description of
/// each parameter, at least two examples, inputs (from the pipeline parameters), outputs, notes
/// and related links.
@Suite struct HelpCompletenessTests {
    /// Modules whose help is complete; the check holds for each of their commands.
    static let completeModules: Set<String> = ["PSReadLine", "SmbConfigShell.Mailslots", "SmbConfigShell.Labs", "SmbShare", "Dism", "ServerManager", "SmbConfigShell",
                                                      "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Security", "CimCmdlets",
                                                      "Pester"]

    /// Commands of other modules whose help is complete.
    static let completeCommands: Set<String> = [
        "Get-Help", "Get-Command", "ForEach-Object", "Where-Object", "Out-Null", "Out-Default", "Out-Host", "Clear-Host",
        "Get-History", "Invoke-History", "Clear-History", "Set-StrictMode", "Update-Help", "Save-Help", "Get-Module",
    ]

    static func gaps(_ m: CommandMetadata) -> [String] {
        var missing: [String] = []
        if m.synopsis.isEmpty { missing.append("synopsis") }
        if m.description.isEmpty { missing.append("description") }
        for p in m.parameters where p.help.isEmpty { missing.append("-\(p.name)") }
        if m.examples.count < 2 { missing.append("examples (\(m.examples.count))") }
        if m.outputType == nil { missing.append("outputs") }
        if m.notes.isEmpty { missing.append("notes") }
        if m.relatedLinks.isEmpty { missing.append("related links") }
        return missing
    }

    @Test func commandsOfCompleteModulesHaveEveryPartOfHelp() {
        let engine = CompletionTests().engine()
        var checked = 0
        for definition in engine.cmdlets.all where Self.completeModules.contains(definition.metadata.module)
            || Self.completeCommands.contains(definition.metadata.name) {
            checked += 1
            let missing = Self.gaps(definition.metadata)
            #expect(missing.isEmpty, "\(definition.metadata.name) lacks \(missing.joined(separator: ", "))")
        }
        #expect(checked > 0)
    }

    @Test func fullHelpShowsNotesInputsOutputsAndLinks() {
        let host = CompletionTests.SilentHost()
        let engine = Engine(host: host, configuration: EngineConfiguration(
            environment: ["SMBCONFIG_HOME": "/nonexistent/smbconfig-help-tests", "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0"],
            interactive: false), modules: StandardModules.all)
        _ = engine.execute("Get-Help Set-PSReadLineOption -Full")
        for heading in ["SYNOPSIS", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "EXAMPLE 2", "RELATED LINKS"] {
            #expect(host.text.contains(heading), "no \(heading) in:\n\(host.text)")
        }
        #expect(host.text.contains("about_PSReadLine"))
    }
}
