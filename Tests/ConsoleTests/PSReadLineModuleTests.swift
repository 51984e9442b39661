import Foundation
import Testing
import ShellEngine
@testable import smbconfig_shell

/// The PSReadLine module's cmdlets against the shell's modules.
@Suite struct PSReadLineModuleTests {
    func run(_ command: String) -> String {
        let host = CompletionTests.SilentHost()
        let engine = Engine(host: host, configuration: EngineConfiguration(
            environment: ["SMBCONFIG_HOME": "/nonexistent/smbconfig-psreadline-tests",
                          "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0"], interactive: false),
                            modules: StandardModules.all)
        _ = engine.execute(command)
        return host.text
    }

    @Test func optionsShowPSReadLineDefaults() {
        let text = run("$o = Get-PSReadLineOption; $o.EditMode; $o.ContinuationPrompt; $o.HistoryNoDuplicates; $o.MaximumHistoryCount; $o.CommandColor -eq \"$([char]27)[93m\"")
        #expect(text == "Windows\n>> \nTrue\n4096\nTrue\n")
    }

    @Test func theListShowsEachColourInItsOwnColourAndResets() {
        let text = run("Get-PSReadLineOption")
        #expect(text.contains("CommandColor                           : \u{1B}[93m\"`e[93m\"\u{1B}[0m\n"))
        #expect(text.contains("ContinuationPrompt                     : >> \n"))
    }

    @Test func setChangesWhatGetReturns() {
        let text = run("Set-PSReadLineOption -ContinuationPrompt '.. ' -Colors @{ String = 'Red'; Number = '#ff8000' }; $o = Get-PSReadLineOption; $o.ContinuationPrompt; $o.StringColor -eq \"$([char]27)[91m\"; $o.NumberColor -eq \"$([char]27)[38;2;255;128;0m\"")
        #expect(text == ".. \nTrue\nTrue\n")
    }

    @Test func anUnknownColourIsRefused() {
        let text = run("Set-PSReadLineOption -Colors @{ Nothing = 'Red' }")
        #expect(text.contains("'Nothing' is not a valid color property"))
        let value = run("Set-PSReadLineOption -Colors @{ Command = 'Mauve' }")
        #expect(value.contains("'Mauve' is not a valid color value."))
    }

    @Test func keyHandlersListTheBoundKeys() {
        let text = run("Get-PSReadLineKeyHandler | Where-Object Key -eq 'Ctrl+z' | ForEach-Object { $_.Function + '|' + $_.Description }")
        #expect(text == "Undo|Undo a previous edit\n")
        #expect(run("(Get-Command Get-PSReadLineOption).Source") == "PSReadLine\n")
    }
}
