import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Paths, locations, content, aliases, variables, cultures and the types of what commands write,
/// as Windows PowerShell 5.1 has them.
struct SessionAndPathCommandTests {
    @Test func pathParametersTakePipedValuesAndRefuseNull() {
        #expect(run(#"'C:\Windows', 'C:\Nope' | Test-Path"#) == "True\nFalse\n")
        let refused = run(#"Set-Content -Path $null -Value 1"#)
        #expect(refused.contains("Cannot bind argument to parameter 'Path' because it is null."))
        #expect(refused.contains("FullyQualifiedErrorId : ParameterArgumentValidationErrorNullNotAllowed"))
        #expect(run(#"Set-Location C:\Windows; Push-Location; (Get-Location).Path; Set-Location; (Get-Location).Path"#) ==
            "C:\\Windows\nC:\\Windows\n")
    }

    @Test func getContentRefusesTailWithTotalCountAndOutsideTheFileSystem() {
        let both = run(#"Set-Content C:\t.txt 'a','b'; Get-Content C:\t.txt -Tail 1 -TotalCount 1"#)
        #expect(both.contains("The parameters TotalCount and Tail cannot be used together. Please specify only one parameter."))
        #expect(both.contains("TailAndHeadCannotCoexist,Microsoft.PowerShell.Commands.GetContentCommand"))
        let provider = run(#"Get-Content Variable:\PSHOME -Tail 1"#)
        #expect(provider.contains("The Tail parameter currently is supported only for the FileSystem provider."))
        #expect(run(#"Set-Content C:\t.txt 'a','b','c'; Get-Content C:\t.txt -Tail 2"#) == "b\nc\n")
        let miss = run(#"Get-Content -Path C:\NoSuch*.txt"#)
        #expect(miss.contains("An object at the specified path System.String[] does not exist, or has been filtered by the -Include or"))
        #expect(miss.contains("ItemNotFound,Microsoft.PowerShell.Commands.GetContentCommand"))
    }

    @Test func hiddenItemsShowOnlyWithForceHiddenOrAttributes() {
        let script = """
            New-Item C:\\d\\sub -ItemType Directory | Out-Null; New-Item C:\\d\\a.txt -ItemType File | Out-Null
            (New-Item C:\\d\\h.txt -ItemType File).Attributes = 'Hidden'
            (New-Item C:\\d\\sub\\inner.txt -ItemType File) | Out-Null; (Get-Item C:\\d\\sub).Attributes = 'Hidden'
            (Get-ChildItem C:\\d -Recurse).Name -join ','
            (Get-ChildItem C:\\d -Hidden).Name -join ','
            (Get-ChildItem C:\\d -Attributes Hidden+!Directory).Name -join ','
            (Get-ChildItem C:\\d -Recurse -Force -Name) -join ','
            (Get-Item C:\\d\\h.txt -Force).Mode
            """
        #expect(run(script) == "a.txt\nh.txt,sub\nh.txt\na.txt,h.txt,sub,sub\\inner.txt\n-a-h--\n")
    }

    @Test func testPathComparesLastWriteTimeWithOlderThanAndNewerThan() {
        let script = """
            $f = New-Item C:\\o.txt -ItemType File; $f.LastWriteTime = (Get-Date).AddDays(-1)
            Test-Path C:\\o.txt -NewerThan (Get-Date).AddHours(-1)
            Test-Path C:\\o.txt -OlderThan (Get-Date).AddHours(-1)
            Test-Path C:\\o.txt -NewerThan (Get-Date).AddDays(-2) -OlderThan (Get-Date)
            """
        #expect(run(script) == "False\nTrue\nTrue\n")
    }

    @Test func aSwitchGivenNullIsNotPresent() {
        #expect(run("function f([switch]$s) { $s.IsPresent }; f -s:$null") == "False\n")
    }

    @Test func aliasesHaveTheirOwnNameAndADisplayName() {
        #expect(run("(Get-Alias ls).Name; (Get-Alias ls).DisplayName; (Get-Command ls).Definition") ==
            "ls\nls -> Get-ChildItem\nGet-ChildItem\n")
        #expect(run("(Get-Alias -Definition Get-Command).Name") == "gcm\n")
        #expect(run("(Get-Alias -Name gc* -Exclude gcm, gci, gcb, gcs, gcim, gcls, gcms).Name") == "gc\n")
        #expect(run("Get-Alias ls").contains("Alias           ls -> Get-ChildItem"))
    }

    @Test func setVariableExpandsWildcardsWithIncludeAndExclude() {
        let script = """
            Set-Variable abcaVar bar; Set-Variable bcdaVar other; Set-Variable aVarfoo bogus
            Set-Variable -Name '*aV*' -Value 'overwrite' -Include '*Var*' -Exclude 'bcd*'
            $abcaVar; $bcdaVar; $aVarfoo
            Set-Variable -Name foo1, foo2 -Value hello -Exclude foo2
            $foo1; $null -eq $foo2
            """
        #expect(run(script) == "overwrite\nother\noverwrite\nhello\nTrue\n")
        #expect(run("Compare-Object -ReferenceObject $null -DifferenceObject 1").contains(
            "Cannot bind argument to parameter 'ReferenceObject' because it is null."))
    }

    @Test func theCurrentCultureKeepsItsListSeparatorForTheCsvCommands() {
        let script = """
            [cultureinfo]::CurrentCulture.TextInfo.ListSeparator
            [cultureinfo]::CurrentCulture.TextInfo.ListSeparator = ';'
            [pscustomobject]@{a=1; b=2} | ConvertTo-Csv -UseCulture -NoTypeInformation
            [cultureinfo]::new('en-US').TextInfo.ListSeparator
            """
        #expect(run(script) == ",\n\"a\";\"b\"\n\"1\";\"2\"\n,\n")
        #expect(run(#"Import-Csv -Path C:\x.csv -UseCulture ','"#).contains(
            "A positional parameter cannot be found that accepts argument ','."))
    }

    @Test func theObjectsCommandsWriteHaveKnownTypes() {
        let script = """
            (Get-Item C:\\Windows) -is [System.IO.DirectoryInfo]
            (Get-Item C:\\Windows) -is [System.IO.FileSystemInfo]
            (Get-Location) -is [System.Management.Automation.PathInfo]
            (Get-Command Get-Item) -is [System.Management.Automation.CmdletInfo]
            (1, 1 | Group-Object) -is [Microsoft.PowerShell.Commands.GroupInfo]
            (1, 1 | Group-Object).psobject.TypeNames -join ','
            """
        #expect(run(script) == "True\nTrue\nTrue\nTrue\nTrue\nMicrosoft.PowerShell.Commands.GroupInfo,System.Object\n")
    }

    @Test func formatCommandsTakeADictionaryEntryByEntry() {
        #expect(run("@{a=1} | Format-List | Out-String").hasPrefix("\r\n\r\nName  : a\r\nValue : 1\r\n"))
        // Out-String ends its lines with CR LF, and leaves a CR LF inside a string alone.
        #expect(run("[int[]][char[]]('a', \"b`r`nc\" | Out-String) -join ','") == "97,13,10,98,13,10,99,13,10\n")
        #expect(run("@{b=2} | Format-Table | Out-String").contains("Name                           Value"))
        #expect(run("(@{} | Format-Table -Property foo, bar | Out-String).Length") == "0\n")
    }
}
