import ShellTestSupport
import Testing
@testable import ShellEngine

/// `[powershell]`, `[Parser]::ParseInput` and script block members, as scripts use them in 5.1.
@Suite struct HostingTypeTests {
    @Test func powerShellRunsScriptsInARunspaceOfItsOwn() {
        #expect(run("$ps = [powershell]::Create(); $ps.AddScript('1; 2').Invoke() -join ','") == "1,2\n")
        // The runspace does not see the caller's variables.
        #expect(run("$mine = 5; [powershell]::Create().AddScript('$null -eq $mine').Invoke()") == "True\n")
        #expect(run("[powershell]::Create().AddScript('param($a) $a * 2').AddParameter('a', 21).Invoke()") == "42\n")
        #expect(run("[powershell]::Create().AddCommand('Write-Output').AddArgument('x').Invoke()") == "x\n")
    }

    @Test func errorsGoToTheStreams() {
        let script = "$ps = [powershell]::Create(); $out = $ps.AddScript('Write-Error oops; 7').Invoke(); "
            + "$out; $ps.HadErrors; $ps.Streams.Error.Count; $ps.Streams.Error[0].Exception.Message"
        #expect(run(script) == "7\nTrue\n1\noops\n")
        let failed = run("try { [powershell]::Create().AddScript('throw \"bad\"').Invoke() } catch { $_.Exception.Message }")
        #expect(failed == "Exception calling \"Invoke\" with \"0\" argument(s): \"bad\"\n")
    }

    @Test func commandsCanBeClearedAndReused() {
        let script = "$ps = [powershell]::Create(); $null = $ps.AddScript('$v = 3').Invoke(); $ps.Commands.Clear(); "
            + "$ps.AddScript('$v + 1').Invoke()"
        #expect(run(script) == "4\n")
    }

    @Test func parseInputReportsErrorsWithPositions() {
        let script = "$errors = $null; $ast = [System.Management.Automation.Language.Parser]::ParseInput('$x = (1', "
            + "[ref]$null, [ref]$errors); $errors.Count; $errors[0].ErrorId; $errors[0].Extent.StartScriptPosition.Offset; "
            + "$ast.Extent.Text"
        #expect(run(script) == "1\nMissingEndParenthesisInExpression\n7\n$x = (1\n")
    }

    @Test func scriptBlockMembers() {
        #expect(run("$sb = [scriptblock]::Create('param($n) $n + 1'); $sb.Invoke(1); $null -eq $sb.File") == "2\nTrue\n")
        #expect(run("$x = 1; $c = { $x }.GetNewClosure(); & $c") == "1\n")
    }
}
