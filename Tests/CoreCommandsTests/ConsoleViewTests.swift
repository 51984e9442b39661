import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// The views a learner meets first (Get-Command, Get-Member, Get-Date, Get-Location, Write-Host)
/// and the console's prompts, as Windows PowerShell 5.1 shows them.
struct ConsoleViewTests {
    @Test func getCommandFiltersByNounVerbModuleAndType() {
        let nouns = run("Get-Command -Noun SmbServerConfiguration | ForEach-Object Name")
        #expect(nouns == "Get-SmbServerConfiguration\nReset-SmbServerConfiguration\nSet-SmbServerConfiguration\n")
        #expect(run("Get-Command -Verb Reset -Noun Smb* | ForEach-Object Name")
                == "Reset-SmbClientConfiguration\nReset-SmbServerConfiguration\n")
        #expect(run("(Get-Command -Module SmbShare | Where-Object { $_.Source -ne 'SmbShare' }).Count") == "0\n")
        #expect(run("(Get-Command -CommandType Alias | Where-Object { $_.CommandType -ne 'Alias' }).Count") == "0\n")
        #expect(run("(Get-Command -CommandType Alias).Count -gt 10") == "True\n")
        #expect(run("Get-Command -TotalCount 2 | Measure-Object | ForEach-Object Count") == "2\n")
    }

    @Test func getCommandSortsByTypeThenNameAndHidesPithyAliasesWithoutName() {
        let kinds = run("Get-Command | ForEach-Object { $_.CommandType }")
            .split(separator: "\n").map(String.init)
        // CommandTypes order: Alias (1) before Function (2) before Cmdlet (8).
        let order = ["Alias": 1, "Function": 2, "Cmdlet": 8]
        #expect(kinds.map { order[$0] ?? 0 } == kinds.map { order[$0] ?? 0 }.sorted())
        #expect(!run("Get-Command | ForEach-Object Name").split(separator: "\n").contains("gcm -> Get-Command"))
        // An AliasInfo's Name is the alias; its DisplayName is what the table shows.
        #expect(run("Get-Command gcm | ForEach-Object Name") == "gcm\n")
        #expect(run("Get-Command gcm | ForEach-Object DisplayName") == "gcm -> Get-Command\n")
        let names = run("Get-Command -CommandType Cmdlet | ForEach-Object Name").split(separator: "\n").map(String.init)
        #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })
    }

    @Test func getCommandTableHasFixedColumns() {
        let table = run("Get-Command Get-SmbServerConfiguration")
        // CommandType 15, Name 50, Version 10, Source the rest of the 119 usable columns.
        func row(_ cells: String...) -> String {
            zip(cells, [15, 50, 10, 41]).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " ")
        }
        #expect(table == "\n" + row("CommandType", "Name", "Version", "Source") + "\n"
                + row("-----------", "----", "-------", "------") + "\n"
                + row("Function", "Get-SmbServerConfiguration", "2.0.0.0", "SmbShare") + "\n\n\n")
    }

    @Test func getMemberSortsByMemberTypeThenNameAndCutsLongDefinitions() {
        let lines = run("'x' | Get-Member").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2] == "   TypeName: System.String")
        let rows = lines.dropFirst(6).filter { !$0.isEmpty }
        let kinds = rows.map { $0.split(separator: " ")[1] }
        #expect(kinds.first == "Method")
        #expect(kinds.last == "Property")
        #expect(rows.allSatisfy { $0.count == 119 })
        #expect(rows.contains { $0.hasSuffix("...") })
        let methods = rows.filter { $0.split(separator: " ")[1] == "Method" }.map { String($0.split(separator: " ")[0]) }
        #expect(methods == methods.sorted { $0.lowercased() < $1.lowercased() })
    }

    @Test func getMemberWithoutAnObjectIsAnError() {
        let text = run("$null | Get-Member")
        #expect(text.hasPrefix("Get-Member : You must specify an object for the Get-Member cmdlet.\n"))
        #expect(text.contains("+ CategoryInfo          : CloseError: (:) [Get-Member], InvalidOperationException\n"))
        #expect(text.contains("+ FullyQualifiedErrorId : NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand\n"))
        #expect(run("Get-Member").contains("NoObjectInGetMember"))
    }

    @Test func dateTimeShowsItsLongFormBetweenBlankLines() {
        // One custom-view document: format start's blank line, each date's line, then the group end's
        // and the format end's blank lines (5.1's OutCommandInner writes both).
        #expect(run("Get-Date -Date '2026-12-02 05:12:25'")
                == "\nWednesday, December 2, 2026 5:12:25 AM\n\n\n")
        #expect(run("[datetime]'2026-12-02 05:12:25', [datetime]'2026-12-03'")
                == "\nWednesday, December 2, 2026 5:12:25 AM\nThursday, December 3, 2026 12:00:00 AM\n\n\n")
    }

    @Test func pathInfoConvertsToItsPath() {
        #expect(run("\"$(Get-Location)\"") == "C:\\\n")
        #expect(run("'' + (Get-Location)") == "C:\\\n")
    }

    @Test func writeHostPassesItsColoursToTheHost() {
        let (engine, host, folder) = makeEngine()
        defer { engine.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        _ = engine.execute("Write-Host -ForegroundColor red -BackgroundColor DarkBlue alert; Write-Host plain")
        #expect(host.coloured.count == 1)
        #expect(host.coloured.first?.text == "alert\n")
        #expect(host.coloured.first?.foreground == .Red)
        #expect(host.coloured.first?.background == .DarkBlue)
        #expect(host.text == "alert\nplain\n")
        let bad = run("Write-Host -ForegroundColor Purple x")
        #expect(bad.hasPrefix("Write-Host : Cannot bind parameter 'ForegroundColor'. Cannot convert value \"Purple\" to type \"System.ConsoleColor\"."))
    }

    @Test func mandatoryArrayParametersArePromptedElementByElement() {
        let text = run("function f { param([Parameter(Mandatory=$true)][string[]]$Name) $Name -join '+' }; f",
                       answers: ["a", "b", ""])
        #expect(text == """

            cmdlet f at command pipeline position 1
            Supply values for the following parameters:
            Name[0]: a
            Name[1]: b
            Name[2]: 
            a+b

            """)
    }

    @Test func nestedPromptLevelCountsSuspendedPrompts() {
        let text = run("$NestedPromptLevel; Set-SmbServerConfiguration -EnableMailslots $true",
                       answers: ["S", "\"level $NestedPromptLevel\"", "exit", "N"])
        #expect(text.hasPrefix("0\n"))
        #expect(text.contains("level 1\n"))
        #expect(run("$NestedPromptLevel") == "0\n")
    }

    @Test func aBareScriptNameIsNotLoadedFromTheCurrentFolder() {
        let setUp = "Set-Location C:\\Users; New-Item t.ps1 -Value \"'ran'\" | Out-Null"
        #expect(run(setUp, "t.ps1").hasPrefix("t.ps1 : The term 't.ps1' is not recognized as the name of a cmdlet"))
        #expect(run(setUp, ".\\t.ps1") == "ran\n")
    }
}

/// Out-Default streams tables as 5.1 does: rows held for the grouping window, then written as
/// they come.
struct StreamingOutputTests {
    @Test func aSlowPipelineShowsItsFirstRowsBeforeItsNextObject() {
        // The sleep outlasts the 300 ms window: the held row is written while the pipeline waits.
        let text = run("1..2 | ForEach-Object { [pscustomobject]@{Id=$_; Name='n' + $_}; "
                       + "if ($_ -eq 1) { Start-Sleep -Milliseconds 700; Write-Host marker } }")
        #expect(text == "\nId Name\n-- ----\n 1 n1  \nmarker\n 2 n2  \n\n\n")
    }

    @Test func rowsAfterTheWindowKeepTheColumnWidthsAndAreCut() {
        let text = run("1..2 | ForEach-Object { [pscustomobject]@{Id=$_; Name='n' * (5 * $_)}; "
                       + "if ($_ -eq 1) { Start-Sleep -Milliseconds 400 } }")
        #expect(text == "\nId Name \n-- ---- \n 1 nnnnn\n 2 nn...\n\n\n")
    }

    @Test func autoSizeWaitsForTheWholeGroup() {
        let text = run("1..2 | ForEach-Object { [pscustomobject]@{Id=$_; Name='n' * (5 * $_)}; "
                       + "if ($_ -eq 1) { Start-Sleep -Milliseconds 400 } } | Format-Table -AutoSize")
        #expect(text == "\nId Name      \n-- ----      \n 1 nnnnn     \n 2 nnnnnnnnnn\n\n\n")
    }
}

/// Get-Help searches and the updatable-help cmdlets.
struct HelpSearchTests {
    @Test func wildcardSearchListsCommandsThenTopicsInTheHelpInfoShortTable() {
        let lines = run("Get-Help *Mailslot*").split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Name                              Category  Module                    Synopsis"))
        #expect(lines.contains { $0.hasPrefix("New-Mailslot                      Cmdlet    SmbConfigShell.Mailslots  Creates a local mailslot") })
        #expect(lines.last?.hasPrefix("about_Mailslots                   HelpFile                            Mailslots, remote") == true)
        #expect(lines.allSatisfy { $0.count <= 119 })
    }

    @Test func aboutSearchListsTheConceptualTopics() {
        let names = run("Get-Help about_* | ForEach-Object Name")
        #expect(names.hasPrefix("about_FileSystem_Provider\nabout_Mailslots\n"))
        #expect(names.contains("about_Profiles\nabout_SmbConfigShell_Host\nabout_SmbLabs\n"))
        #expect(run("(Get-Help about_Mail*)").contains("SHORT DESCRIPTION"))
        #expect(run("Get-Help *zzz*").contains("HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"))
    }

    @Test func updateAndSaveHelpFailAsWithoutNetwork() {
        let update = run("Update-Help -Module SmbShare")
        #expect(update.hasPrefix("Update-Help : Failed to update Help for the module(s) 'SmbShare' with UI culture(s) {en-US} : Unable to connect to \nHelp content."))
        #expect(update.contains("+ FullyQualifiedErrorId : UnableToConnect,Microsoft.PowerShell.Commands.UpdateHelpCommand"))
        let save = run("Save-Help C:\\Help -Module SmbSh*")
        #expect(save.hasPrefix("Save-Help : Failed to save Help for the module(s) 'SmbShare' with UI culture(s) {en-US} :"))
    }
}

/// Get-Help's views of one command.
struct HelpViewTests {
    @Test func theViewsDifferAs5point1s() {
        let standard = run("Get-Help New-Mailslot")
        #expect(!standard.contains("PARAMETERS") && standard.contains("REMARKS") && standard.contains("RELATED LINKS\n    Get-Mailslot"))
        let detailed = run("Get-Help New-Mailslot -Detailed")
        #expect(detailed.contains("PARAMETERS\n    -Name <string>\n        The mailslot name"))
        #expect(!detailed.contains("Required?") && detailed.contains("EXAMPLE 1"))
        let full = run("Get-Help New-Mailslot -Full")
        #expect(full.contains("Required?                    true"))
        #expect(full.contains("INPUTS\n    System.String\n\nOUTPUTS\n"))
        #expect(full.contains("RELATED LINKS\n    Get-Mailslot\n    Remove-Mailslot\n"))
        #expect(!full.contains("REMARKS"))
    }

    @Test func aProgramsRelatedLinksAreItsOwnOnly() {
        // A program's name has no noun, so no other command shares it.
        let full = run("Get-Help net.exe -Full")
        #expect(full.contains("RELATED LINKS\n    Get-Service\n    Get-SmbShare\n    sc.exe\n\n"))
        #expect(!full.contains("    whoami.exe\n") && !full.contains("    Describe\n"))
    }

    @Test func helpIsWrappedAtTheConsoleWidthUnderItsIndentation() {
        let (engine, host, folder) = makeEngine(RecordingHost(width: 60))
        defer { engine.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        _ = engine.execute("Get-Help Set-SmbClientConfiguration")
        let lines = host.text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 59 })
        let syntax = lines.firstIndex { $0 == "SYNTAX" }!
        #expect(lines[syntax + 1].hasPrefix("    Set-SmbClientConfiguration "))
        #expect(lines[syntax + 2].hasPrefix("    ") && !lines[syntax + 2].hasPrefix("     "))
    }
}
