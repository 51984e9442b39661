import Foundation
import Testing
import ShellEngine
@testable import smbconfig_shell

/// `Engine.complete` against the engine's real tables.
@Suite struct CompletionTests {
    final class SilentHost: PSHostUserInterface {
        var text = ""
        func write(_ text: String, stream: HostStream) { self.text += text }
        func readLine() -> HostInput { .endOfInput }
        var isInteractive: Bool { false }
        var bufferWidth: Int { 120 }
        func consumeInterrupt() -> Bool { false }
        func clearScreen() {}
    }

    func engine() -> Engine {
        Engine(host: SilentHost(), configuration: EngineConfiguration(
            environment: ["SMBCONFIG_HOME": "/nonexistent/smbconfig-completion-tests",
                          "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0"], interactive: false),
               modules: StandardModules.all)
    }

    func complete(_ line: String, cursor: Int? = nil) -> CompletionResult {
        engine().complete(line, cursor: cursor ?? line.utf16.count)
    }

    @Test func commandNamesMatchCaseInsensitivelyInCanonicalCase() {
        let result = complete("set-smbcl")
        #expect(result.candidates == ["Set-SmbClientConfiguration"])
        #expect(result.replacementStart == 0)
        #expect(result.replacementLength == 9)
    }

    @Test func commandNamesAreSortedAndWildcardsWork() {
        let result = complete("Get-SmbS")
        #expect(result.candidates.contains("Get-SmbServerConfiguration"))
        #expect(result.candidates == result.candidates.sorted { $0.lowercased() < $1.lowercased() })
        #expect(complete("*ClientConfig").candidates.contains("Set-SmbClientConfiguration"))
    }

    @Test func commandAfterPipeAndSemicolon() {
        #expect(complete("Get-SmbClientConfiguration | Select-O").candidates == ["Select-Object"])
        #expect(complete("'x'; Get-SmbClientC").candidates == ["Get-SmbClientConfiguration"])
    }

    @Test func parameterNamesByPrefix() {
        let result = complete("Set-SmbClientConfiguration -EnableMa")
        #expect(result.candidates == ["-EnableMailslots"])
        #expect(result.replacementStart == 27)
        #expect(result.replacementLength == 9)
    }

    @Test func boundParametersAreNotProposedAndCommonParametersComeLast() throws {
        let all = complete("Set-SmbClientConfiguration -").candidates
        let verbose = try #require(all.firstIndex(of: "-Verbose"))
        let mailslots = try #require(all.firstIndex(of: "-EnableMailslots"))
        #expect(mailslots < verbose)
        #expect(all.contains("-WhatIf"))
        let rest = complete("Set-SmbClientConfiguration -EnableMail $true -").candidates
        #expect(!rest.contains("-EnableMailslots"))
        #expect(rest.count == all.count - 1)
    }

    @Test func switchesTakeNoValueAndListsContinue() {
        #expect(complete("Set-SmbClientConfiguration -Force -Smb2DialectMin SMB3").candidates == ["SMB300", "SMB302", "SMB311"])
        #expect(complete("Get-Mailslot -Name a, ").candidates.isEmpty)
        #expect(complete("Get-SmbServerConfiguration | Select-Object -Property EnableMailslots, EnableSMB1").candidates
                == ["EnableSMB1Protocol"])
    }

    @Test func booleanValues() {
        #expect(complete("Set-SmbClientConfiguration -EnableMailslots ").candidates == ["$true", "$false"])
        #expect(complete("Set-SmbClientConfiguration -EnableMailslots $fa").candidates == ["$false"])
    }

    @Test func enumValuesInDeclarationOrder() {
        let result = complete("Set-SmbClientConfiguration -Smb2DialectMin S")
        #expect(result.candidates == ["SMB202", "SMB210", "SMB300", "SMB302", "SMB311"])
        #expect(complete("Set-SmbClientConfiguration -Smb2DialectMin:smb3").candidates == ["SMB300", "SMB302", "SMB311"])
    }

    @Test func variables() {
        let result = complete("$t")
        #expect(result.candidates.first == "$true")
        #expect(result.replacementStart == 0)
        #expect(complete("Set-SmbClientConfiguration -EnableMailslots $tr").candidates == ["$true"])
    }

    @Test func propertyNamesAfterSelectObject() {
        let result = complete("Get-SmbClientConfiguration | Select-Object EnableMa")
        #expect(result.candidates == ["EnableMailslots"])
        #expect(complete("Get-SmbServerConfiguration | Format-List -Property EnableMa").candidates == ["EnableMailslots"])
        #expect(complete("Get-SmbClientConfiguration | Where-Object EnableMa").candidates == ["EnableMailslots"])
        #expect(complete("Get-SmbClientConfiguration | Sort-Object EnableMa").candidates == ["EnableMailslots"])
        #expect(complete("Get-SmbClientConfiguration | Format-Table EnableMailslots, RequireSec").candidates
                == ["RequireSecuritySignature"])
    }

    @Test func membersOfAParenthesisedCommand() {
        let result = complete("(Get-SmbClientConfiguration).EnableMa")
        #expect(result.candidates == ["EnableMailslots"])
        #expect(result.replacementStart == 29)
        #expect(result.replacementLength == 8)
        let all = complete("(Get-SmbServerConfiguration).")
        #expect(all.candidates.contains("EnableMailslots"))
        #expect(all.replacementLength == 0)
        #expect(complete("(Get-NoSuchCommand).E").candidates.isEmpty)
    }

    @Test func membersOfThePipelineObjectInWhereAndForEach() {
        #expect(complete("Get-SmbClientConfiguration | Where-Object { $_.EnableMa").candidates == ["EnableMailslots"])
        #expect(complete("Get-SmbServerConfiguration | ForEach-Object { $PSItem.EnableMa").candidates == ["EnableMailslots"])
        #expect(complete("Get-SmbServerConfiguration | Sort-Object { $_.EnableMa").candidates.isEmpty)
    }

    @Test func mailslotNamesForTheMailslotCmdlets() {
        let shell = engine()
        _ = shell.execute("New-Mailslot -Name demo | Out-Null")
        _ = shell.execute("New-Mailslot -Name other | Out-Null")
        #expect(shell.complete("Get-Mailslot -Name d", cursor: 20).candidates == ["demo"])
        #expect(shell.complete("Remove-Mailslot d", cursor: 17).candidates == ["demo"])
        let path = "Get-Mailslot -Name \\\\.\\mailslot\\o"
        #expect(shell.complete(path, cursor: path.utf16.count).candidates == ["\\\\.\\mailslot\\other"])
        shell.shutdown()
    }

    @Test func positionalArgumentsCompleteAsTheirParameter() {
        #expect(complete("Get-SmbClientConfiguration | Select-Object EnableMa").candidates == complete("Get-SmbClientConfiguration | Select-Object -Property EnableMa").candidates)
    }

    @Test func nothingFitsGivesNoCandidates() {
        #expect(complete("Get-NoSuchCommandAtAll").candidates.isEmpty)
        #expect(complete("Get-NoSuchCommandAtAll -X").candidates.isEmpty)
        #expect(complete("").candidates.isEmpty)
        #expect(complete("'unterminated -").candidates.isEmpty)
    }

    @Test func cursorInsideTheLineCompletesTheWordThere() {
        let line = "set-smbcl -EnableMailslots $true"
        #expect(complete(line, cursor: 9).candidates == ["Set-SmbClientConfiguration"])
    }

    @Test func oddInputNeverTraps() {
        for line in ["$", "-", "|", "((", "{ -", "Get-SmbShare -Name:", "\u{1F600} -E", "`", "@{a=", "\"$t"] {
            for cursor in 0...line.utf16.count {
                _ = complete(line, cursor: cursor)
            }
            _ = complete(line, cursor: 999)
            _ = complete(line, cursor: -3)
        }
    }

    /// Every position of every parser-corpus source (valid and broken PowerShell): completion must
    /// answer with a range inside the line, never trap.
    @Test func everyCursorOfTheParserCorpus() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Conformance/parser-corpus.jsonl").standardizedFileURL
        let lines = try String(contentsOf: corpus, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 100)
        let shell = engine()
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard let source = object?["source"] as? String else { continue }
            let length = source.utf16.count
            for cursor in 0...length {
                let result = shell.complete(source, cursor: cursor)
                #expect(result.replacementStart >= 0 && result.replacementStart + result.replacementLength <= length,
                        "\(source) at \(cursor)")
            }
        }
    }
}
