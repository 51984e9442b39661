import ShellTestSupport
import Testing
@testable import ShellEngine

/// Members and conversions that admin scripts lean on, with Windows PowerShell 5.1's results.
@Suite struct AdminScriptMemberTests {
    @Test(arguments: [
        // LanguagePrimitives falls back to the type's converter for hexadecimal text the scanner reads as negative.
        ("[uint32]'0x80000002'", "2147483650"), ("[int]'0xFFFFFFFF'", "-1"), ("[uint64]'0xFFFFFFFFFFFFFFFF'", "18446744073709551615"),
        ("[uint32]' 0x10 '", "16"),
        // StringBuilder's Chars indexer.
        ("$sb = [Text.StringBuilder]::new('abc'); $sb[1]", "b"), ("$sb = [Text.StringBuilder]::new('abc'); $sb[0] = 'z'; \"$sb\"", "zbc"),
        // ScriptBlock.Invoke returns Collection<PSObject>, always a collection.
        ("$c = {1..5}.Invoke(); [void]$c.Remove(3); $c -join ','", "1,2,4,5"),
        ("({1}.Invoke()).GetType().Name", "Collection`1"), ("({}.Invoke()).Count", "0"), ("{,@(1,2)}.Invoke().Count", "1"),
        ("({1}.InvokeReturnAsIs()).GetType().Name", "Int32"),
        // Encodings by their concrete types.
        ("(New-Object System.Text.UTF8Encoding $false).GetPreamble().Count", "0"),
        ("(New-Object System.Text.UTF8Encoding $true).GetPreamble().Count", "3"),
        ("[Text.Encoding]::UTF8.GetType().FullName", "System.Text.UTF8Encoding"),
        ("[Text.UnicodeEncoding]::new($true, $false).GetBytes('A')[1]", "65"),
        ("[Text.Encoding]::ASCII -is [Text.Encoding]", "True"),
        // The pipeline thread's culture.
        ("[Threading.Thread]::CurrentThread.CurrentCulture = [Globalization.CultureInfo]'en-GB'; [cultureinfo]::CurrentCulture.Name", "en-GB"),
        ("[Threading.Thread]::CurrentThread.CurrentUICulture.Name", "en-US"),
        ("[Threading.Thread]::Sleep(1); 'slept'", "slept"),
        // Get-Date's field parameters.
        ("Get-Date -Year 2021 -Month 12 -Day 4 -Hour 6 -Minute 43 -Second 7 -Millisecond 0 -Format 'yyyy-MM-dd HH:mm:ss.fff'",
         "2021-12-04 06:43:07.000"),
        ("(Get-Date -Date '2020-01-31' -Month 2).ToString('yyyy-MM-dd')", "2020-02-29"),
        // The file-system drive's Used and Free.
        ("(Get-PSDrive C).Free -gt 0", "True"), ("(Get-PSDrive C).Used + (Get-PSDrive C).Free -gt 100GB", "True"),
        ("$null -eq (Get-PSDrive Env).Used", "True"),
        // A script class member's error reaches the caller as a MethodInvocationException.
        ("class C { C([string]$n) { throw \"bad $n\" } }; try { [C]::new('x') } catch { $_.Exception.GetType().Name; $_.Exception.InnerException.Message; $_.FullyQualifiedErrorId }",
         "MethodInvocationException\nbad x\nRuntimeException"),
        ("class D { [int] M() { throw 'inm' } }; try { [D]::new().M() } catch { $_.Exception.Message }",
         "Exception calling \"M\" with \"0\" argument(s): \"inm\""),
        ("class E { E() { throw 'no' } }; try { New-Object E } catch { $_.FullyQualifiedErrorId }",
         "ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand"),
    ])
    func memberResults(_ script: String, _ expected: String) {
        #expect(run(script) == expected + "\n")
    }

    /// Out-of-range, negative, null and wrong-type input is an error record, never a trap.
    @Test(arguments: [
        ("[Threading.Thread]::Sleep(-5)", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1."),
        ("[Threading.Thread]::Sleep([timespan]::FromMilliseconds(-5))", "Parameter name: timeout"),
        ("$sb = [Text.StringBuilder]::new('abc'); $sb[9]", "Index was outside the bounds of the array."),
        ("$sb = [Text.StringBuilder]::new('abc'); $sb[-1] = 'x'", "Index was out of range."),
        ("[uint32]'0x1FFFFFFFF'", "Value was either too large or too small for a UInt32."),
        ("[uint32]'0xZZ'", "Cannot convert value \"0xZZ\" to type \"System.UInt32\""),
        ("Get-Date -Year 'abc'", "Cannot bind parameter 'Year'. Cannot convert value \"abc\" to type \"System.Int32\"."),
        ("Get-Date -Day $null", "Cannot validate argument on parameter 'Day'"),
        ("[Threading.Thread]::CurrentThread.CurrentCulture = $null", "Value cannot be null."),
    ])
    func badInputIsAnError(_ script: String, _ message: String) {
        let output = run(script).replacing(" \n", with: " ").replacing("\n", with: " ")
        #expect(output.contains(message), "\(output)")
    }

    @Test func getDateValidatesItsFields() {
        #expect(run("Get-Date -Month 13").contains("The 13 argument is greater than the maximum allowed range of"))
    }

    @Test func formatTableGroupsConsecutiveValues() {
        let output = run("@([pscustomobject]@{S='Running';N='a'},[pscustomobject]@{S='Running';N='b'},[pscustomobject]@{S='Stopped';N='c'}) | Format-Table -GroupBy S N")
        #expect(output == "\n\n   S: Running\n\nN\n-\na\nb\n\n\n   S: Stopped\n\nN\n-\nc\n\n\n")
    }
}
