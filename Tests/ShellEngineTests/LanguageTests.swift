import ShellTestSupport
import Testing
@testable import ShellEngine

/// Evaluation rules of Windows PowerShell 5.1, checked through the engine with a recording host.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("1 + 2", "3\n"), ("'5' + 1", "51\n"), ("1 + '5'", "6\n"), ("5 / 2", "2.5\n"), ("4 / 2", "2\n"),
        ("(4 / 2).GetType().Name", "Int32\n"), ("[int]::MaxValue + 1", "2147483648\n"),
        ("([int]::MaxValue + 1).GetType().Name", "Double\n"), ("7 % 3", "1\n"), ("'ab' * 3", "ababab\n"),
        ("0x10 + 1KB", "1040\n"), ("1.5 * 2", "3\n"), ("0.1 + 0.2", "0.3\n"), ("-5 - -2", "-3\n"),
        ("2 * 3 + 4", "10\n"), ("(1,2) + 3 -join ','", "1,2,3\n"), ("[uint32]60", "60\n"),
    ])
    func arithmetic(_ input: String, _ expected: String) {
        #expect(run(input) == expected)
    }

    @Test(arguments: [
        ("'abc' -eq 'ABC'", "True\n"), ("'abc' -ceq 'ABC'", "False\n"), ("1 -eq '1'", "True\n"),
        ("'1' -eq 1", "True\n"), ("1 -eq 'abc'", "False\n"), ("$null -eq $null", "True\n"),
        ("1,2,3 -eq 2", "2\n"), ("1,2,3 -contains 2", "True\n"), ("2 -in 1,2,3", "True\n"),
        ("'file.txt' -like '*.txt'", "True\n"), ("'abc' -match 'B'", "True\n"), ("'abc' -cmatch 'B'", "False\n"),
        ("'a-b-c' -replace '-', '+'", "a+b+c\n"), ("('a,b' -split ',').Count", "2\n"), ("3 -gt 2", "True\n"),
        ("'b' -gt 'a'", "True\n"), ("$true -and $false", "False\n"), ("-not $false", "True\n"), ("!1", "False\n"),
        ("$true -xor $true", "False\n"), ("5 -band 3", "1\n"),
    ])
    func comparisonAndLogic(_ input: String, _ expected: String) {
        #expect(run(input) == expected)
    }

    @Test func variablesScopesAndStrings() {
        #expect(run("$x = 'lab'; \"Path: \\\\.\\mailslot\\$x\"") == "Path: \\\\.\\mailslot\\lab\n")
        #expect(run("$a = 1,2,3; \"$a\"") == "1 2 3\n")
        #expect(run("$h = @{ Name = 'x' }; \"$($h.Name)!\"") == "x!\n")
        #expect(run("function f { $script:n = 5 }; f; $n") == "5\n")
        #expect(run("function f { $n = 5 }; $n = 1; f; $n") == "1\n")
        #expect(run("$global:g = 2; $g") == "2\n")
        #expect(run("'it''s'") == "it's\n")
        #expect(run("\"a`tb\"") == "a\tb\n")
    }

    @Test func controlFlow() {
        #expect(run("foreach ($i in 1..3) { if ($i -eq 2) { continue }; $i }") == "1\n3\n")
        #expect(run("$i = 0; while ($true) { $i++; if ($i -ge 3) { break } }; $i") == "3\n")
        #expect(run("for ($i = 0; $i -lt 3; $i++) { $i }") == "0\n1\n2\n")
        #expect(run("$i = 0; do { $i++ } until ($i -eq 4); $i") == "4\n")
        #expect(run("switch (2) { 1 { 'one' } 2 { 'two' } default { 'other' } }") == "two\n")
        #expect(run("switch -wildcard ('abc') { 'a*' { 'A' } '*c' { 'C' } }") == "A\nC\n")
        #expect(run(":outer foreach ($a in 1..2) { foreach ($b in 1..2) { if ($b -eq 2) { continue outer }; \"$a$b\" } }")
                == "11\n21\n")
    }

    @Test func functionsAndParameters() {
        #expect(run("function add($a, $b) { $a + $b }; add 2 3") == "5\n")
        #expect(run("function f { param([int]$n = 4) $n * 2 }; f; f -n 1") == "8\n2\n")
        #expect(run("function f { $args.Count }; f a b c") == "3\n")
        #expect(run("function f { [CmdletBinding()] param([switch]$On) [bool]$On }; f -On; f") == "True\nFalse\n")
        #expect(run("function f { process { $_ * 10 } }; 1..3 | f") == "10\n20\n30\n")
        #expect(run("$p = @{ b = 2; a = 1 }; function g($a, $b) { \"$a-$b\" }; g @p") == "1-2\n")
    }

    @Test func errorsAndTryCatch() {
        #expect(run("try { throw 'boom' } catch { \"caught $_\" } finally { 'done' }") == "caught boom\ndone\n")
        #expect(run("try { 1/0 } catch [System.Management.Automation.RuntimeException] { 'rt' }") == "rt\n")
        #expect(run("try { Get-Nothing } catch { $_.Exception.GetType().FullName }")
                == "System.Management.Automation.CommandNotFoundException\n")
        #expect(run("try { Set-SmbClientConfiguration -Foo 1 } catch { $_.CategoryInfo.Category }") == "InvalidArgument\n")
        #expect(run("Write-Error 'x' -ErrorAction SilentlyContinue; $?; $Error.Count") == "False\n1\n")
    }

    @Test func pipelinesAndCoreCmdlets() {
        #expect(run("1..5 | Where-Object { $_ -gt 3 }") == "4\n5\n")
        #expect(run("1..3 | ForEach-Object { $_ * 2 }") == "2\n4\n6\n")
        #expect(run("3,1,2 | Sort-Object") == "1\n2\n3\n")
        #expect(run("3,1,2 | Sort-Object -Descending | Select-Object -First 2") == "3\n2\n")
        #expect(run("(1..4 | Measure-Object -Sum).Sum") == "10\n")
        #expect(run("'a','b' | % ToUpper") == "A\nB\n")
        #expect(run("Get-SmbClientConfiguration | Select-Object -ExpandProperty KeepConn") == "600\n")
        #expect(run("(Get-SmbServerConfiguration | Where-Object EnableSMB1Protocol -eq $false) -ne $null") == "True\n")
        #expect(run("1..3 | Out-Null") == "")
        #expect(run("'{0:N2} {1,5}|' -f 1234.5, 'ab'") == "1,234.50    ab|\n")
    }
}
