import ShellTestSupport
import Testing
@testable import ShellEngine

/// Inputs at the edges of PowerShell's numeric and value rules: each answers as Windows PowerShell
/// 5.1 does, and the statement after it still runs.
@Suite struct ValueEdgeTests {
    @Test(arguments: [
        ("[long]::MinValue / -1", "9.22337203685478E+18\n"),
        ("([long]::MinValue / -1).GetType().Name", "Double\n"),
        ("[long]::MinValue % -1", "0\n"),
        ("0x8000000000000000 % -1", "0\n"),
        ("[int]::MinValue / -1", "2147483648\n"),
        ("$a = @(1); $a[0] = $a; \"$a\"", "System.Object[]\n"),
        ("\"$(1, (2, 3))\"", "1 System.Object[]\n"),
        ("[string](1, (2, 3))", "1 System.Object[]\n"),
        ("$null | Select-Object Name", ""),
        ("$null | Select-Object *", ""),
        ("$null | Select-Object @{ n = 'x'; e = { 1 } }", ""),
        ("(1, $null, 2 | Select-Object -First 5).Count", "2\n"),
    ])
    func edgeAnswersAsWindowsDoes(_ input: String, _ expected: String) {
        #expect(run(input + "; 'after'") == expected + "after\n")
    }

    @Test func formatItemsAtTheirLimits() {
        #expect(run("'{0:D}' -f [long]::MinValue; 'after'") == "-9223372036854775808\nafter\n")
        #expect(run("'[{0,3}]' -f 1; 'after'") == "[  1]\nafter\n")
    }

    @Test func emptyThingsRepeatedAnyNumberOfTimesAreEmptyAtOnce() {
        #expect(run("('' * [int]::MaxValue).Length; ('' * [long]::MaxValue).Length; (@() * [int]::MaxValue).Count",
                    "(@() * [long]::MaxValue).Count; $e = @(); $e *= [int]::MaxValue; $e.Count; 'after'")
                == "0\n0\n0\n0\n0\nafter\n")
    }

    @Test func splitOnAHundredThousandSeparatorsLooksEachCharacterUpOnce() {
        #expect(run("('ab ' * 300).Split('x' * 100000).Count; ('ab ' * 300).Split([string[]](@('zz') * 100000 + 'b'), 'None').Count")
                == "1\n301\n")
        #expect(run("'abcabd'.Split([string[]]('bd', 'b'), 'None') -join '|'") == "a|ca|\n")
    }

    @Test func anIntegerCastToCharIsItsCode() {
        #expect(run("[int][char]0; [int][char]7; [int][char]65535; [int][char]'7'; [int][char][byte]9") == "0\n7\n65535\n55\n9\n")
        #expect(run("try { [char]65536 } catch { $_.Exception.Message }; try { [char]-1 } catch { $_.Exception.Message }")
                == "Cannot convert value \"65536\" to type \"System.Char\". Error: \"Value was either too large or too small for a character.\"\n"
                + "Cannot convert value \"-1\" to type \"System.Char\". Error: \"Value was either too large or too small for a character.\"\n")
    }

    @Test func timeSpanParsesItsOwnExtremes() {
        #expect(run("[timespan]::Parse([timespan]::MinValue).Ticks; [timespan]::Parse([string][timespan]::MaxValue).Ticks",
                    "[timespan]::TryParse([timespan]::MinValue, [ref]$null); 'after'")
                == "-9223372036854775808\n9223372036854775807\nTrue\nafter\n")
    }

    @Test(arguments: ["10675199.02:48:05.4775808", "-9223372036854775807.00:00", "1.-9223372036854775807:00",
                      "00:00:00.12345678", "9999999999999999999999"])
    func timeSpanComponentsOutOfRangeAreOverflowErrors(_ text: String) {
        let output = run("try { [timespan]::Parse('\(text)') } catch { $_.Exception.InnerException.GetType().Name }; 'after'")
        #expect(output == "OverflowException\nafter\n" || output == "FormatException\nafter\n")
    }

    @Test func charCompareToAFarNumberKeepsItsSign() {
        #expect(run("([char]'a').CompareTo([long]::MinValue) -gt 0; ([char]'a').CompareTo([long]::MaxValue) -lt 0; 'after'")
            == "True\nTrue\nafter\n")
    }

    @Test func formatItemsUseTheValuesOwnFormats() {
        #expect(run("'{0:yyyy-MM-dd}|{0:dd}|{0:d}' -f [datetime]'2024-03-05 14:07:09'") == "2024-03-05|05|3/5/2024\n")
        #expect(run("'{0:hh\\:mm}' -f (New-Object TimeSpan 1,2,3)") == "01:02\n")
    }

    @Test(arguments: ["'{0' -f 1", "'a}b' -f 1"])
    func unbalancedBracesAreFormatErrors(_ input: String) {
        #expect(run("try { \(input) } catch { $_.Exception.Message }; 'after'")
            == "Error formatting a string: Input string was not in a correct format..\nafter\n")
    }

    @Test func indexAssignmentFarOutOfRangeIsAnError() {
        let output = run("$a = @(1); $a[[long]::MinValue] = 1; 'after'")
        #expect(output.contains("Index was outside the bounds of the array."))
        #expect(output.hasSuffix("after\n"))
    }

    @Test func arrayTimesHugeCountIsAnError() {
        let output = run("@(1, 2) * [long]::MaxValue; 'after'")
        #expect(!output.hasPrefix("after"))
        #expect(output.hasSuffix("after\n"))
    }

    @Test func deeplyNestedValuesAreReleasedWithoutRecursion() {
        #expect(run("$a = $null; foreach ($i in 1..100000) { $a = ,$a }; $a = $null; 'after'") == "after\n")
        #expect(run("$h = @{}; foreach ($i in 1..100000) { $h = @{ x = $h } }; $h = $null; 'after'") == "after\n")
        #expect(run("$o = $null; foreach ($i in 1..100000) { $o = [pscustomobject]@{ x = $o } }; $o = $null; 'after'")
                == "after\n")
    }

    @Test func psVersionComparesAndPrintsAsAVersion() {
        #expect(run("$PSVersionTable.PSVersion -ge [version]'5.1'", "$PSVersionTable.PSVersion -lt '5.0'",
                    "$PSVersionTable.PSVersion.ToString()", "$PSVersionTable.PSVersion.ToString(2)",
                    "$PSVersionTable.PSVersion.CompareTo([version]'5.0')", "$PSVersionTable.PSVersion -eq '5.1.26100.2161'")
                == "True\nFalse\n5.1.26100.2161\n5.1\n1\nTrue\n")
    }

    @Test func sharedInnerArraysSurviveTheirContainersRelease() {
        #expect(run("$inner = @(7, 8); $outer = ,$inner; $outer = $null; $inner -join ','") == "7,8\n")
    }
}
