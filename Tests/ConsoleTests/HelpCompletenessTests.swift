import Foundation
import Testing
import ShellEngine
@testable import smbconfig_shell

/// Every command's help, checked from the command table: synopsis, description, a description of
/// each parameter, at least two examples, inputs (from the pipeline parameters), outputs, notes
/// and related links.
@Suite struct HelpCompletenessTests {
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

    @Test func everyCommandHasEveryPartOfHelp() {
        let engine = CompletionTests().engine()
        var checked = Set<String>()
        for definition in engine.cmdlets.all {
            checked.insert(definition.metadata.module)
            let missing = Self.gaps(definition.metadata)
            #expect(missing.isEmpty, "\(definition.metadata.module)\\\(definition.metadata.name) lacks \(missing.joined(separator: ", "))")
        }
        for module in ["Microsoft.PowerShell.Core", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management",
                       "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Security", "SmbShare", "PSReadLine", "Pester"] {
            #expect(checked.contains(module), "no command of \(module) was checked")
        }
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

    static func helpText(_ command: String) -> String {
        let host = CompletionTests.SilentHost()
        let engine = Engine(host: host, configuration: EngineConfiguration(
            environment: ["SMBCONFIG_HOME": "/nonexistent/smbconfig-help-tests", "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0"],
            interactive: false), modules: StandardModules.all)
        _ = engine.execute(command)
        return host.text
    }

    @Test func everyLineOfAMultiLineExampleIsIndented() {
        let text = Self.helpText("Get-Help Get-Unique -Examples")
        #expect(text.contains("    PS C:\\>$A = $( foreach ($line in Get-Content C:\\Test1\\File1.txt) {\n        $line.ToLower().Split(\" \")\n"),
                "\(text)")
        #expect(text.contains("\n    $A.Count\n"), "\(text)")
    }

    @Test func aFamilysLinksLeaveOutTheCommandItself() {
        let text = Self.helpText("Get-Help Disable-LocalUser -Full")
        #expect(text.contains("OUTPUTS\n    None\n"), "\(text)")
        #expect(text.contains("RELATED LINKS\n    Get-LocalUser\n    Enable-LocalUser\n    Get-LocalGroup\n"), "\(text)")
        let links = text.components(separatedBy: "RELATED LINKS").last ?? ""
        #expect(!links.contains("Disable-LocalUser"), "\(links)")
    }

    @Test func whatIfAndConfirmAreDescribed() {
        let text = Self.helpText("Get-Help Remove-Item -Parameter WhatIf")
        #expect(text.contains("Shows what would happen if the cmdlet runs. The cmdlet is not run."), "\(text)")
        let confirm = Self.helpText("Get-Help Stop-Service -Parameter Confirm")
        #expect(confirm.contains("Prompts you for confirmation before running the cmdlet."), "\(confirm)")
    }
}
