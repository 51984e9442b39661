import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine
@testable import CoreCommands

/// Get-Help of script functions: comment-based help read where Windows PowerShell 5.1 looks for
/// it, as the MamlCommandHelpInfo properties scripts read.
@Suite struct FunctionHelpTests {
    static let documented = """
        # .SYNOPSIS
        #
        #    A relatively useless function.
        #
        # .DESCRIPTION
        #    A description
        #
        #        with indented text.
        #
        # .NOTES
        #    Mostly harmless.
        # .LINK
        #    https://blogs.msdn.com/powershell
        # .LINK
        #    other commands
        # .EXAMPLE
        #    If you need an example, you're hopeless.
        # .INPUTS
        #    Anything you like.
        # .OUTPUTS
        #    Nothing.
        # .COMPONENT
        #    Something
        # .ROLE
        #    CrazyUser
        # .FUNCTIONALITY
        #    Useless
        function helpFunc1 {}

        """

    @Test func sectionsBeforeTheFunction() {
        let script = Self.documented + "$x = Get-Help helpFunc1; "
        #expect(run(script + "$x.Synopsis") == "A relatively useless function.\n")
        #expect(run(script + "$x.Description[0].Text") == "A description\n\n    with indented text.\n")
        #expect(run(script + "$x.alertSet.alert[0].Text") == "Mostly harmless.\n")
        #expect(run(script + "$x.relatedLinks.navigationLink[0].uri") == "https://blogs.msdn.com/powershell\n")
        #expect(run(script + "$x.relatedLinks.navigationLink[1].linkText") == "other commands\n")
        #expect(run(script + "$x.examples.example.code") == "If you need an example, you're hopeless.\n")
        #expect(run(script + "$x.examples.example.introduction[0].Text + '|'") == "PS > |\n")
        #expect(run(script + "$x.examples.example.remarks.Count") == "5\n")
        #expect(run(script + "$x.inputTypes.inputType.type.name") == "Anything you like.\n")
        #expect(run(script + "$x.returnValues.returnValue.type.name") == "Nothing.\n")
        #expect(run(script + "$x.Component, $x.Role, $x.Functionality -join ','") == "Something,CrazyUser,Useless\n")
    }

    @Test func filtersLeaveOutOtherComponents() {
        #expect(run(Self.documented + "(Get-Help helpFunc1 -Component Some*).Name") == "helpFunc1\n")
        #expect(run(Self.documented + "Get-Help helpFunc1 -Role blah -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].FullyQualifiedErrorId")
                == "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand\n")
    }

    @Test func helpInsideTheBodyAndFromAScriptBlock() {
        #expect(run("function f {\n    <#\n    .SYNOPSIS\n        Inside.\n    #>\n    param($a)\n}\n(Get-Help f).Synopsis") == "Inside.\n")
        #expect(run("function f {\n    param($a)\n    # .SYNOPSIS\n    #   At the end.\n}\n(Get-Help f).Synopsis") == "At the end.\n")
        #expect(run("Set-Item function:g -Value {\n    # .SYNOPSIS\n    #   Dynamic.\n    process { }\n}\n(Get-Help g).Synopsis") == "Dynamic.\n")
    }

    @Test func blockTooFarAboveIsNotHelp() {
        #expect(run("<#\n.SYNOPSIS\nNot mine.\n#>\n\n\nfunction missingHelp { param($abc) }\n(Get-Help missingHelp).Synopsis.Trim()")
                == "missingHelp [[-abc] <Object>]\n")
    }

    @Test func unknownDirectiveMeansNoHelp() {
        #expect(CommentHelp.analyze(["", " .SYNOPSIS", "  text", " .BOGUS"]) == nil)
        #expect(CommentHelp.analyze([" just a comment"]) == nil)
        #expect(CommentHelp.analyze([" .SYNOPSIS", "    text"])?.synopsis == "text\n")
    }

    @Test func exampleSplitsPromptCodeAndRemarks() {
        let parts = CommentHelp.exampleParts("PS C:\\> Get-Thing\n\nRemarks here.\n")
        #expect(parts.prompt == "PS C:\\>")
        #expect(parts.code == "Get-Thing")
        #expect(parts.remarks == "Remarks here.\n")
    }
}

@Suite struct HelpRequestTests {
    @Test func questionMarkShowsTheCommandsHelpInsteadOfRunningIt() {
        #expect(run("function helpFunc3 {\n#.Synopsis\n#   A synopsis of helpFunc3.\n'ran' }\n(helpFunc3 -?).Synopsis") == "A synopsis of helpFunc3.\n")
        #expect(run("function f { 'ran' }; $h = f -?; $h.Name, $h.Category -join ','") == "f,Function\n")
    }
}

@Suite struct ScriptHelpTests {
    func withScript(_ text: String, _ command: String) throws -> String {
        let path = NSTemporaryDirectory() + "script-help-" + UUID().uuidString + ".ps1"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return run(command.replacing("PATH", with: path))
    }

    @Test func scriptFileHelpIsItsLeadingBlock() throws {
        let script = "# header\n\n#requires -version 2.0\n\n# .Synopsis\n#   Changes things.\n[CmdletBinding()]\nparam([Parameter(Mandatory=$true)]$live, $test)\n"
        #expect(try withScript(script, "$x = Get-Help 'PATH'; $x.Synopsis; $x.Category; $x.parameters.parameter.Count; $x.parameters.parameter[0].required")
                == "Changes things.\nExternalScript\n2\ntrue\n")
    }

    @Test func leadingBlockNextToTheFirstFunctionIsTheFunctions() throws {
        let script = "# .SYNOPSIS\n#    Function help\nfunction foo {}\nGet-Help foo\n"
        #expect(try withScript(script, "(Get-Help 'PATH').Synopsis.Trim() -like '*PATH*'; (& 'PATH').Synopsis") == "True\nFunction help\n")
    }
}
