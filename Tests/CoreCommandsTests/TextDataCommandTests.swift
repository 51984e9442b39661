import FoundationEssentials
import Glibc
import ShellTestSupport
import Testing
@testable import ShellEngine
@testable import CoreCommands

/// CSV, Select-String, Measure-Object, time spans, culture and processes as Windows PowerShell
/// 5.1 prints them; files are real files of the fixture's emulated `C:\`.
@Suite struct TextDataCommandTests {
    @Test func convertToCsvQuotesEveryFieldAndWritesTheTypeLine() {
        #expect(run("[pscustomobject]@{a=1;b='x,\"y'} | ConvertTo-Csv") ==
                "#TYPE System.Management.Automation.PSCustomObject\n\"a\",\"b\"\n\"1\",\"x,\"\"y\"\n")
        // The first object fixes the columns; a missing property leaves an empty field.
        #expect(run("[pscustomobject]@{a=1;b=2},[pscustomobject]@{a=3} | ConvertTo-Csv -NoTypeInformation -Delimiter ';'") ==
                "\"a\";\"b\"\n\"1\";\"2\"\n\"3\";\n")
        #expect(run("'ab' | ConvertTo-Csv -NTI") == "\"Length\"\n\"2\"\n")
        #expect(run("$null | ConvertTo-Csv") == "")
    }

    @Test func convertFromCsvReadsQuotesBlanksAndMissingFields() {
        let text = run("$o = 'a, \"b\"', '1,\"x,\"\"y\"', '2' | ConvertFrom-Csv; $o[0].b; $o[1].a; $null -eq $o[1].b; $o.Count")
        #expect(text == "x,\"y\n2\nTrue\n2\n")
        #expect(run("('#TYPE Foo.Bar','x','1' | ConvertFrom-Csv).PSObject.TypeNames -join ','") == "Foo.Bar,CSV:Foo.Bar\n")
        let duplicate = run("'a,A','1,2' | ConvertFrom-Csv")
        #expect(duplicate.contains("The member \"A\" is already present."))
        let unnamed = run("('a,,c','1,2,3' | ConvertFrom-Csv).H1")
        #expect(unnamed.contains("WARNING: One or more headers were not specified. Default names starting with \"H\" have been used in place of any missing headers."))
        #expect(unnamed.hasSuffix("2\n"))
    }

    @Test func exportCsvWritesAsciiAndImportCsvReadsItBack() throws {
        let fixture = ProviderFixture()
        defer { fixture.close() }
        fixture.run("[pscustomobject]@{Name='srv1';Port=445} | Export-Csv C:\\shares.csv -NoTypeInformation")
        #expect(fixture.read("drives/C/shares.csv") == Array("\"Name\",\"Port\"\r\n\"srv1\",\"445\"\r\n".utf8))
        fixture.run("[pscustomobject]@{Port=139;Name='srv2'} | Export-Csv C:\\shares.csv -Append")
        #expect(fixture.run("Import-Csv C:\\shares.csv | ForEach-Object { $_.Name + ':' + $_.Port }") == "srv1:445\nsrv2:139\n")
        let mismatch = fixture.run("[pscustomobject]@{Other=1} | Export-Csv C:\\shares.csv -Append", "$Error[0].Exception.Message")
        #expect(mismatch.contains("FullyQualifiedErrorId : CannotAppendCsvWithMismatchedPropertyNames,"))
        #expect(mismatch.hasSuffix("Cannot append CSV content to the following file: C:\\shares.csv. The appended object does not have a property that corresponds to the following column: Name. To continue with mismatched properties, add the -Force parameter, and then retry the command.\n"))
        let clobber = fixture.run("1 | Export-Csv C:\\shares.csv -NoClobber")
        #expect(clobber.contains("NoClobber,Microsoft.PowerShell.Commands.ExportCsvCommand"))
        // An object with a Path property binds it, not its string form.
        #expect(fixture.run("([pscustomobject]@{ Path = 'C:\\shares.csv' } | Import-Csv).Count") == "2\n")
        let missing = fixture.run("Import-Csv C:\\nope.csv")
        #expect(missing.contains("Cannot find path 'C:\\nope.csv' because it does not exist."))
    }

    @Test func selectStringShowsLinesOfInputAndPathLineTextOfFiles() throws {
        #expect(run("'hello world','foo','bar' | Select-String o") == "\nhello world\nfoo\n\n")
        #expect(run("'a1b2' | Select-String '\\d' -AllMatches | ForEach-Object { $_.Matches.Value -join ',' }") == "1,2\n")
        #expect(run("'x','y' | Select-String x -NotMatch | ForEach-Object Line") == "y\n")
        #expect(run("'Abc' | Select-String a -CaseSensitive -Quiet") == "")
        #expect(run("'Abc' | Select-String a -Quiet") == "True\n")
        #expect(run("'a.c','abc' | Select-String . -SimpleMatch | ForEach-Object LineNumber") == "1\n")
        #expect(run("$m = 'abc' | Select-String b; $m -is [Microsoft.PowerShell.Commands.MatchInfo]; $m[0].Line; $null -eq $m[1]") ==
                "True\nabc\nTrue\n")
        let fixture = ProviderFixture()
        defer { fixture.close() }
        fixture.run("Set-Content C:\\log.txt 'one','two','three','four','two'")
        #expect(fixture.run("Select-String -Path C:\\log.txt -Pattern two") == "\nlog.txt:2:two\nlog.txt:5:two\n\n")
        // ToString() gives the full path; with context, the lines joined.
        #expect(fixture.run("(Select-String two C:\\log.txt)[0].ToString()") == "C:\\log.txt:2:two\n")
        #expect(fixture.run("Select-String -Path C:\\log.txt -Pattern two -List | ForEach-Object { $_.Filename + $_.LineNumber }") == "log.txt2\n")
        #expect(fixture.run("Select-String -Path C:\\log.txt -Pattern three -Context 1,1") ==
                "\n  log.txt:2:two\n> log.txt:3:three\n  log.txt:4:four\n\n")
        let invalid = fixture.run("Select-String -Path C:\\log.txt -Pattern '['")
        #expect(invalid.contains("Select-String : The string [ is not a valid regular expression: parsing \"[\" - Unterminated [] set."))
        #expect(invalid.contains("InvalidRegex,Microsoft.PowerShell.Commands.SelectStringCommand"))
    }

    @Test func measureObjectCountsTextAndNumbers() {
        let lines = ModuleTableTests.lines(run("'a b c',\"d`ne\" | Measure-Object -Line -Word -Character"))
        #expect(lines == ["", "Lines Words Characters Property", "----- ----- ---------- --------",
                          "    3     5          8", "", "", ""])
        #expect(run("(1..4 | Measure-Object -Sum -Average -Maximum -Minimum) | ForEach-Object { \"$($_.Count) $($_.Sum) $($_.Average) $($_.Maximum) $($_.Minimum)\" }") ==
                "4 10 2.5 4 1\n")
        #expect(run("([pscustomobject]@{n=2},[pscustomobject]@{n=5} | Measure-Object n -Maximum).Maximum") == "5\n")
        let notNumeric = run("'x' | Measure-Object -Sum")
        #expect(notNumeric.contains("Input object \"x\" is not numeric."))
        let noProperty = run("1 | Measure-Object -Property Nope")
        #expect(noProperty.contains("The property \"Nope\" cannot be found in the input for any objects."))
        #expect(run("(@() | Measure-Object).Count") == "0\n")
        #expect(run("[pscustomobject]@{A1=1;A2=2;C3=3},[pscustomobject]@{A1=1;A2=2;A3=3} | Measure-Object A* -Sum | ForEach-Object { \"$($_.Property) $($_.Sum) $($_.Count)\" }") ==
                "A1 2 2\nA2 4 2\nA3 3 1\n")
    }

    @Test func timeSpansAndMeasureCommand() {
        #expect(run("(New-TimeSpan -Days 1 -Hours 2 -Minutes 3 -Seconds 4).ToString()") == "1.02:03:04\n")
        #expect(run("(New-TimeSpan -Start '2020-01-01' -End '2020-01-03').TotalDays") == "2\n")
        let overflow = run("New-TimeSpan -Days 2000000000")
        #expect(overflow.contains("TimeSpan overflowed because the duration is too long."))
        #expect(run("$t = Measure-Command { $x = 1; 'not shown' }; $t.GetType().FullName; $t.Ticks -ge 0") == "System.TimeSpan\nTrue\n")
        #expect(run("1,2,3 | Measure-Command { $global:seen += $_ } | Out-Null; $seen") == "6\n")
    }

    @Test func startSleepRangesAreValidatedAsFiveOne() {
        // A positional number is -Seconds, never a prompt for the other parameter set's -Milliseconds.
        #expect(run("Start-Sleep 0; Start-Sleep -Milliseconds 1; 'done'", interactive: false) == "done\n")
        let seconds = run("Start-Sleep -Seconds -1")
        #expect(seconds.contains("Cannot validate argument on parameter 'Seconds'. The -1 argument is less than the minimum allowed range"))
        let milliseconds = run("Start-Sleep -Milliseconds 2147483648")
        #expect(milliseconds.contains("Cannot bind parameter 'Milliseconds'") || milliseconds.contains("Cannot convert value"))
    }

    @Test func cultureHostAndProcessViews() {
        let culture = ModuleTableTests.lines(run("Get-Culture"))
        #expect(culture == ["", "LCID             Name             DisplayName", "----             ----             -----------",
                            "1033             en-US            English (United States)", "", "", ""])
        #expect(run("(Get-Host).Name; (Get-UICulture).Name") == "ConsoleHost\nen-US\n")
        let processes = ModuleTableTests.lines(run("Get-Process -Name lsass"))
        #expect(processes == ["", "Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName",
                              "-------  ------    -----      -----     ------     --  -- -----------",
                              "   1247      26     6720      18376       9.94    672   0 lsass", "", "", ""])
        #expect(run("(Get-Process -Id $PID).ProcessName; (gps svchost).Count -gt 3") == "powershell\nTrue\n")
        #expect(run("(Get-Process -Id 4 -IncludeUserName).UserName; (Get-Process -Id 4 | Get-Process).Name") == "NT AUTHORITY\\SYSTEM\nSystem\n")
        let missing = run("Get-Process nope")
        #expect(missing.contains("Cannot find a process with the name \"nope\". Verify the process name and call the cmdlet again."))
        #expect(missing.contains("NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand"))
    }
}

/// Get-FileHash against the published test vectors of each algorithm.
@Suite struct FileHashTests {
    @Test func digestsMatchTheStandardVectors() {
        let abc = Array("abc".utf8)
        func hex(_ a: HashAlgorithm, _ bytes: [UInt8]) -> String {
            a.digest(bytes).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
        #expect(hex(.md5, abc) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(hex(.sha1, abc) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(.sha256, []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(.sha384, abc) == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(hex(.sha512, abc).hasPrefix("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"))
        // Two blocks: the length goes into a block of its own.
        #expect(hex(.sha256, Array(repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }

    @Test func getFileHashHashesTheFileAsUpperCaseHex() {
        let fixture = ProviderFixture()
        defer { fixture.close() }
        fixture.run("Set-Content C:\\abc.txt abc -NoNewline")
        #expect(fixture.run("Get-FileHash C:\\abc.txt | ForEach-Object { $_.Algorithm + ' ' + $_.Hash + ' ' + $_.Path }") ==
                "SHA256 BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD C:\\abc.txt\n")
        #expect(fixture.run("(Get-FileHash C:\\abc.txt -Algorithm md5).Hash") == "900150983CD24FB0D6963F7D28E17F72\n")
        let missing = fixture.run("Get-FileHash C:\\nope.txt")
        #expect(missing.contains("Cannot find path 'C:\\nope.txt' because it does not exist."))
        #expect(fixture.run("Get-FileHash C:\\abc.txt -Algorithm CRC").contains("does not belong to the set"))
    }
}

/// Writes that fail on the device: 5.1's IOException, the command named, and the shell goes on.
@Suite struct FailedWriteTests {
    @Test func aFullDeviceIsAnIOExceptionOfTheCommand() {
        let text = run("'x' | Out-File /dev/full; 'after'")
        #expect(text.hasPrefix("Out-File : There is not enough space on the disk."))
        #expect(text.contains("System.IO.IOException,Microsoft.PowerShell.Commands.OutFileCommand"))
        #expect(text.hasSuffix("after\n"))
        #expect(run("Set-Content /dev/full x").contains("System.IO.IOException,Microsoft.PowerShell.Commands.SetContentCommand"))
    }

    @Test func aFifoWithoutReaderFailsInsteadOfBlocking() throws {
        let path = "/tmp/smbconfig-fifo-" + UUID().uuidString
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let text = run("'x' | Out-File '\(path)'; 'after'")
        #expect(text.hasPrefix("Out-File : The pipe is being closed."))
        #expect(text.hasSuffix("after\n"))
    }
}
