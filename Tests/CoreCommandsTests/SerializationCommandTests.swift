import FoundationEssentials
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Format-Wide, CLIXML, ConvertTo-Html and Get-Date -UFormat as Windows PowerShell 5.1 writes them.
@Suite struct SerializationCommandTests {
    @Test func formatWideSharesTheWidthBetweenColumns() {
        let lines = ModuleTableTests.lines(run("1..3 | Format-Wide"))
        #expect(lines == ["", "1" + String(repeating: " ", count: 59) + "2", "3", "", "", ""])
        let four = ModuleTableTests.lines(run("'a','b','c','d','e' | Format-Wide -Column 4"))
        #expect(four[1] == "a" + String(repeating: " ", count: 29) + "b" + String(repeating: " ", count: 29) + "c"
                + String(repeating: " ", count: 29) + "d")
        #expect(ModuleTableTests.lines(run("'alpha','be','c' | Format-Wide -AutoSize"))[1] == "alpha be    c")
        #expect(ModuleTableTests.lines(run("[pscustomobject]@{n='x';m=1} | Format-Wide m"))[1] == "1")
        #expect(run("1 | Format-Wide -Column 0").contains("Cannot validate argument on parameter 'Column'. The 0 argument is less than the minimum allowed range"))
    }

    @Test func exportClixmlWritesFiveOneDocumentsAndImportReadsThemBack() throws {
        let fixture = ProviderFixture()
        defer { fixture.close() }
        fixture.run("[pscustomobject]@{a=1;b=\"x`ny\";c=@(1,'2')}, 's' | Export-Clixml C:\\o.xml")
        let bytes = fixture.read("drives/C/o.xml")
        #expect(Array(bytes.prefix(2)) == [0xFF, 0xFE])
        let text = TextEncoding.unicode.decode(bytes)
        #expect(text == """
            <Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\r
              <Obj RefId="0">\r
                <TN RefId="0">\r
                  <T>System.Management.Automation.PSCustomObject</T>\r
                  <T>System.Object</T>\r
                </TN>\r
                <MS>\r
                  <I32 N="a">1</I32>\r
                  <S N="b">x_x000A_y</S>\r
                  <Obj N="c" RefId="1">\r
                    <TN RefId="1">\r
                      <T>System.Object[]</T>\r
                      <T>System.Array</T>\r
                      <T>System.Object</T>\r
                    </TN>\r
                    <LST>\r
                      <I32>1</I32>\r
                      <S>2</S>\r
                    </LST>\r
                  </Obj>\r
                </MS>\r
              </Obj>\r
              <S>s</S>\r
            </Objs>
            """)
        #expect(fixture.run("$o = Import-Clixml C:\\o.xml; $o[0].b; $o[0].c[1]; $o[1]; $o[0].PSObject.TypeNames[0]") ==
                "x\ny\n2\ns\nDeserialized.System.Management.Automation.PSCustomObject\n")
        fixture.run("New-Object System.Management.Automation.PSCredential('dom\\u', (ConvertTo-SecureString 'pw' -AsPlainText -Force)) | Export-Clixml C:\\c.xml")
        #expect(fixture.run("$c = Import-Clixml C:\\c.xml; $c.GetType().Name; $c.GetNetworkCredential().Password") == "PSCredential\npw\n")
        fixture.run("New-TimeSpan -Hours 1 -Seconds 5 | Export-Clixml C:\\t.xml")
        #expect(TextEncoding.unicode.decode(fixture.read("drives/C/t.xml")).contains("<TS>PT1H5S</TS>"))
        #expect(fixture.run("(Import-Clixml C:\\t.xml).TotalSeconds") == "3605\n")
        fixture.run("Set-Content C:\\bad.xml '<Objs><x>'")
        let bad = fixture.run("Import-Clixml C:\\bad.xml")
        #expect(bad.contains("Import-Clixml : Unexpected end of file has occurred. Line 1, position 11."))
        #expect(bad.contains("System.Xml.XmlException,Microsoft.PowerShell.Commands.ImportClixmlCommand"))
    }

    @Test func convertToHtmlWritesAnXhtmlTable() {
        #expect(run("[pscustomobject]@{a=1;b='<x>'} | ConvertTo-Html -Title T") == """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <title>T</title>
            </head><body>
            <table>
            <colgroup><col/><col/></colgroup>
            <tr><th>a</th><th>b</th></tr>
            <tr><td>1</td><td>&lt;x&gt;</td></tr>
            </table>
            </body></html>

            """)
        #expect(run("1,2 | ConvertTo-Html -Fragment -As List -Property @{n='v';e={$_*2}}") ==
                "<table>\n<tr><td>v:</td><td>2</td></tr>\n<tr><td><hr></td></tr>\n<tr><td>v:</td><td>4</td></tr>\n</table>\n")
    }

    @Test func getDateUFormatComputesFiveOnesNumbers() {
        #expect(run("Get-Date -Date '2021-03-07 08:05:09' -UFormat '%Y-%m-%d %H:%M:%S %j %u %w %U %V %C %e %y %G %g'") ==
                "2021-03-07 08:05:09 066 0 0 9 10 20  7 21 2021 21\n")
        #expect(run("Get-Date -Date '1970-01-02' -UFormat %s") == "86400\n")
        // Text around the codes is literal; an unknown code is its letter.
        #expect(run("Get-Date -Date '2021-03-07' -UFormat \"It's %A, Date: %Y %Q 100%\"") == "It's Sunday, Date: 2021 Q 100%\n")
    }

    @Test func exportAliasWritesTheAliasFileAndImportAliasReadsIt() {
        let fixture = ProviderFixture()
        defer { fixture.close() }
        fixture.run("Set-Alias zz Get-Date", "Export-Alias C:\\al.csv -Name zz,gci")
        let lines = TextEncoding.unicode.decode(fixture.read("drives/C/al.csv")).split(separator: "\r\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0] == "# Alias File" && lines[1].hasPrefix("# Exported by : ") && lines[3] == "# Computer : TESTHOST")
        #expect(Array(lines[4...]) == ["\"gci\",\"Get-ChildItem\",\"\",\"None\"", "\"zz\",\"Get-Date\",\"\",\"None\""])
        fixture.run("Export-Alias C:\\s.ps1 -Name zz -As Script")
        #expect(TextEncoding.unicode.decode(fixture.read("drives/C/s.ps1")).contains("set-alias -Name:\"zz\" -Value:\"Get-Date\" -Description:\"\" -Option:\"None\""))
        let imported = fixture.run("Remove-Item alias:zz", "Import-Alias C:\\al.csv", "(Get-Alias zz).Definition")
        #expect(imported.contains("AliasAlreadyExists,Microsoft.PowerShell.Commands.ImportAliasCommand"))
        #expect(imported.hasSuffix("Get-Date\n"))
    }

    @Test func getRandomFollowsDotNetsSeededSequenceAndTheTypesGiven() {
        // System.Random(0): 0.7262432699679598, then 0.8173253595909687.
        #expect(run("Get-Random -SetSeed 0 -Maximum 1.0; Get-Random -Maximum 100") == "0.72624326996796\n81\n")
        #expect(run("(Get-Random -Maximum 1.5).GetType().Name; (Get-Random -Maximum 10L).GetType().Name; (Get-Random).GetType().Name") ==
                "Double\nInt64\nInt32\n")
        #expect(run("(1..10 | Get-Random -Count 20 | Sort-Object) -join ','") == "1,2,3,4,5,6,7,8,9,10\n")
        #expect(run("Get-Random -Minimum 5 -Maximum 5").contains("MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand"))
    }

    @Test func variableCmdletsExpandWildcardsAndFilterIncludeExclude() {
        #expect(run("$a1=1;$a2=2;$b=3; (Get-Variable -Name a* -Exclude a2).Name; (Get-Variable -Include b).Name") == "a1\nb\n")
        #expect(run("$a1=1;$a2=2; Remove-Variable a* -Exclude a2; (Get-Variable a*).Name; Remove-Variable zz*; 'ok'") == "a2\nok\n")
        #expect(run("$a1=1;$a2=2; (Clear-Variable a* -PassThru).Name; $null -eq $a2") == "a1\na2\nTrue\n")
        #expect(run("Remove-Variable nope").contains("VariableNotFound,Microsoft.PowerShell.Commands.RemoveVariableCommand"))
    }
}

/// Execution policies of the machine and the user outlive the session; the Process scope does not.
@Suite struct ExecutionPolicyPersistenceTests {
    @Test func localMachineAndCurrentUserAreKeptWithTheEmulatedHost() {
        let fixture = ProviderFixture()
        defer { fixture.close() }
        fixture.run("Set-ExecutionPolicy RemoteSigned -Force", "Set-ExecutionPolicy AllSigned -Scope CurrentUser -Force",
                    "Set-ExecutionPolicy Bypass -Scope Process -Force")
        let environment = ["SMBCONFIG_HOME": fixture.folder, "COMPUTERNAME": "TESTHOST", "HOME": fixture.folder]
        let host = RecordingHost()
        let next = Engine(host: host, configuration: EngineConfiguration(environment: environment, interactive: false),
                          modules: shellModules)
        defer { next.shutdown() }
        _ = next.execute("Get-ExecutionPolicy; Get-ExecutionPolicy -Scope LocalMachine; Get-ExecutionPolicy -Scope Process")
        #expect(host.text == "AllSigned\nRemoteSigned\nUndefined\n")
    }
}
