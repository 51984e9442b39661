import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// JSON, grouping and comparison, secure strings and execution policies as Windows PowerShell 5.1
/// writes them.
struct DataCommandTests {
    @Test func convertToJsonUsesTheLayoutOfWindowsPowerShell51() {
        let text = run("[ordered]@{a=1; b=@(1,2); c=[ordered]@{d='x'}} | ConvertTo-Json")
        #expect(text == """
            {
                "a":  1,
                "b":  [
                          1,
                          2
                      ],
                "c":  {
                          "d":  "x"
                      }
            }

            """)
    }

    @Test func convertToJsonEscapesAsJavaScriptSerializerAndStopsAtDepthTwo() {
        #expect(run("ConvertTo-Json \"it's <a> & b\" ") == "\"it\\u0027s \\u003ca\\u003e \\u0026 b\"\n")
        #expect(run("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress") == "{\"a\":{\"b\":{\"c\":\"System.Collections.Hashtable\"}}}\n")
        #expect(run("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress -Depth 5") == "{\"a\":{\"b\":{\"c\":{\"d\":1}}}}\n")
        #expect(run("1,2 | ConvertTo-Json -Compress") == "[1,2]\n")
    }

    @Test func convertFromJsonMakesCustomObjectsAndKeepsArraysWhole() {
        #expect(run("$o = '{\"name\":\"srv\",\"ports\":[445,139],\"ok\":true}' | ConvertFrom-Json; $o.name; $o.ports[1]; $o.ok") == "srv\n139\nTrue\n")
        #expect(run("('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count") == "1\n")
        #expect(run("('{\"v\":1.5}' | ConvertFrom-Json).v.GetType().Name") == "Decimal\n")
        let error = run("'{bad' | ConvertFrom-Json")
        #expect(error.contains("+ FullyQualifiedErrorId : System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand"))
    }

    @Test func groupObjectWritesTheGroupInfoTable() {
        let lines = ModuleTableTests.lines(run("'a','b','a' | Group-Object"))
        #expect(lines == ["", "Count Name                      Group", "----- ----                      -----",
                          "    2 a                         {a, a}", "    1 b                         {b}", "", "", ""])
        #expect(run("$h = 1,2,3,4 | Group-Object { $_ % 2 } -AsHashTable; $h[1].Count") == "2\n")
    }

    @Test func compareObjectListsEachSide() {
        let text = run("Compare-Object 1,2,3 2,3,4 | ForEach-Object { \"$($_.InputObject)$($_.SideIndicator)\" }")
        #expect(text == "4=>\n1<=\n")
    }

    @Test func addMemberAddsNotePropertiesAndRefusesDuplicates() {
        #expect(run("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName b -NotePropertyValue 2; $o.b") == "2\n")
        let error = run("$o = [pscustomobject]@{a=1}; $o | Add-Member NoteProperty a 2")
        #expect(error.contains("Cannot add a member with the name \"a\" because a member with that name already exists."))
        #expect(error.contains("MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"))
    }

    @Test func convertToSecureStringNeedsForceForPlainText() {
        let error = run("ConvertTo-SecureString 'P@ss' -AsPlainText")
        #expect(error.contains("The system cannot protect plain text input."))
        #expect(error.contains("+ FullyQualifiedErrorId : ImportSecureString_ForceRequired,Microsoft.PowerShell.Commands.ConvertToSecureStringComm"))
        #expect(run("ConvertTo-SecureString 'P@ss' -AsPlainText -Force") == "System.Security.SecureString\n")
        #expect(run("$s = ConvertTo-SecureString 'P@ss' -AsPlainText -Force | ConvertFrom-SecureString; (ConvertTo-SecureString $s).Length") == "4\n")
    }

    @Test func executionPolicyIsKeptPerScope() {
        #expect(run("Get-ExecutionPolicy") == "Restricted\n")
        #expect(run("Set-ExecutionPolicy RemoteSigned -Scope Process -Force", "Get-ExecutionPolicy; Get-ExecutionPolicy -Scope CurrentUser")
                == "RemoteSigned\nUndefined\n")
        let error = run("Set-ExecutionPolicy Bypass -Scope Process -Force", "Set-ExecutionPolicy AllSigned -Force")
        #expect(error.contains("Windows PowerShell updated your execution policy successfully, but the setting is overridden"))
        #expect(error.contains("ExecutionPolicyOverride,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand"))
    }

    @Test func historyListsEarlierInputs() {
        let text = run("1+1", "Get-History | ForEach-Object { \"$($_.Id) $($_.CommandLine)\" }")
        #expect(text == "2\n1 1+1\n")
    }

    @Test func aliasesCanBeSetButNotCreatedTwice() {
        #expect(run("Set-Alias gx Get-Date; (Get-Alias gx).Definition") == "Get-Date\n")
        let error = run("New-Alias gx Get-Date; New-Alias gx Get-Date")
        #expect(error.contains("Alias not allowed because an alias with the name 'gx' already exists."))
    }
}

/// Script modules, background jobs and local remoting.
struct ModuleAndJobTests {
    static func folder() -> String {
        let path = NSTemporaryDirectory() + "smbconfig-module-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func importModuleLoadsAScriptModuleWithItsOwnScriptScope() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            $script:count = 0
            function Add-Tick { $script:count++; $script:count }
            function Hidden-Helper { 'hidden' }
            Export-ModuleMember -Function Add-Tick
            """.write(toFile: dir + "/Ticks.psm1", atomically: true, encoding: .utf8)
        let text = run("Import-Module '\(dir)/Ticks.psm1'; Add-Tick; Add-Tick; $count; (Get-Command Hidden-Helper -ErrorAction SilentlyContinue) -eq $null",
                       "(Get-Module Ticks).Name")
        #expect(text == "1\n2\nTrue\nTicks\n")
    }

    @Test func importModuleReadsAManifestAndAppliesThePrefix() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/Tools", withIntermediateDirectories: true)
        try "function Get-Thing { 'thing' }\nfunction Set-Thing { }".write(toFile: dir + "/Tools/Tools.psm1", atomically: true, encoding: .utf8)
        try "@{ RootModule = 'Tools.psm1'; ModuleVersion = '1.2.0'; FunctionsToExport = 'Get-*' }"
            .write(toFile: dir + "/Tools/Tools.psd1", atomically: true, encoding: .utf8)
        let text = run("$m = Import-Module '\(dir)/Tools' -Prefix My -PassThru; Get-MyThing; $m.Version; [bool](Get-Command Set-MyThing -ErrorAction SilentlyContinue)")
        #expect(text == "thing\n1.2.0\nFalse\n")
    }

    @Test func importingAModuleTheMachineLacksFails() {
        let text = run("Import-Module ActiveDirectory").replacingOccurrences(of: "any \nmodule", with: "any module")
        #expect(text.contains("Import-Module : The specified module 'ActiveDirectory' was not loaded because no valid module file was found in any module directory."))
        #expect(text.contains("+ CategoryInfo          : ResourceUnavailable: (ActiveDirectory:String) [Import-Module], FileNotFoundException"))
        #expect(text.contains("+ FullyQualifiedErrorId : Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"))
    }

    @Test func aJobRunsInItsOwnEngineAndReturnsItsOutput() {
        let text = run("$x = 21; $j = Start-Job { param($n) $n * $using:x } -ArgumentList 2",
                       "$j.Id; Wait-Job $j | Out-Null; $j.State; Receive-Job $j; $j.HasMoreData")
        #expect(text == "1\nCompleted\n42\nFalse\n")
    }

    @Test func objectsOfARemovedJobOrLocalSessionStayUsable() {
        let text = run("$d = Start-Job { Get-Date -Year 2020 -Month 1 -Day 2 } | Receive-Job -Wait -AutoRemoveJob",
                       "$e = Invoke-Command -ComputerName localhost { Get-Date -Year 2021 -Month 3 -Day 4 }",
                       "1..20 | ForEach-Object { Start-Job { Get-Date } | Receive-Job -Wait -AutoRemoveJob } | Out-Null",
                       "$d.Year; $d.DayOfWeek; $e.Year; $e.DayOfWeek")
        #expect(text == "2020\nThursday\n2021\nThursday\n")
    }

    @Test func jobsShowTheJobTable() {
        let text = run("Start-Job { 1 } | Out-Null; Get-Job")
        #expect(text.contains("Id     Name            PSJobTypeName   State         HasMoreData     Location             Command"))
        #expect(text.contains("1      Job1            BackgroundJob   Completed     True            localhost            1"))
    }

    @Test func aFailingJobIsFailed() {
        let text = run("$j = Start-Job { throw 'boom' }; Wait-Job $j | Out-Null; $j.State")
        #expect(text == "Failed\n")
    }

    @Test func invokeCommandRunsLocallyAndFailsForUnreachableComputers() {
        #expect(run("Invoke-Command { param($a) $a + 1 } -ArgumentList 4") == "5\n")
        #expect(run("Invoke-Command -ComputerName localhost { 'here' }") == "here\n")
        let error = run("Invoke-Command -ComputerName server01 { 1 }")
        #expect(error.hasPrefix("[server01] Connecting to remote server server01 failed with the following error message : WinRM cannot complete the \noperation."))
        #expect(error.contains("+ CategoryInfo          : OpenError: (server01:String) [], PSRemotingTransportException"))
        #expect(error.contains("+ FullyQualifiedErrorId : WinRMOperationTimeout,PSSessionStateBroken"))
    }
}
