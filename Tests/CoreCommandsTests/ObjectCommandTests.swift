import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Select-Object, Sort-Object, Where-Object and Get-Random as Windows PowerShell 5.1 runs them.
struct ObjectCommandTests {
    @Test func selectObjectFirstStopsTheCommandsBeforeIt() {
        #expect(run("function f { foreach ($i in 1..5) { $i; Write-Host \"made $i\" } }; f | Select-Object -First 2") ==
            "1\nmade 1\n2\n")
        #expect(run("$n = 0; 1..10 | ForEach-Object { $n++; $_ } | Select-Object -First 3 | Out-Null; $n") == "3\n")
        #expect(run("$n = 0; 1..10 | ForEach-Object { $n++; $_ } | Select-Object -First 3 -Wait | Out-Null; $n") == "10\n")
        #expect(run("1..10 | Select-Object -Index 1, 3 | Select-Object -First 1") == "2\n")
        #expect(run("'after'") == "after\n")
    }

    @Test func selectObjectCombinesFirstLastSkipAndSkipLast() {
        #expect(run("(1..4 | Select-Object -First 2 -Last 3) -join ','") == "1,2,3,4\n")
        #expect(run("(1..4 | Select-Object -First 2 -Last 1) -join ','") == "1,2,4\n")
        #expect(run("(1..5 | Select-Object -Skip 1 -Last 2) -join ','") == "3,4\n")
        #expect(run("(1..5 | Select-Object -SkipLast 2) -join ','") == "1,2,3\n")
        #expect(run("(1..5 | Select-Object -Skip 1 -First 2) -join ','") == "2,3\n")
    }

    @Test func selectObjectUniqueComparesTheSelectedValues() {
        let script = """
            $e = @([pscustomobject]@{F='a'; L='smith'; Y=15}, [pscustomobject]@{F='b'; L='smith'; Y=15},
                   [pscustomobject]@{F='c'; L='soe'; Y=5})
            ($e | Select-Object -Property Y, L -Unique | ForEach-Object { $_.L }) -join ','
            ('a', 'A', 'a' | Select-Object -Unique) -join ','
            """
        #expect(run(script) == "smith,soe\na,A\n")
    }

    @Test func selectObjectReportsAnEmptyScriptBlockAndMarksSelectedObjects() {
        let text = run("'bar' | Select-Object -Property {}")
        #expect(text.contains("A property is an empty script block and does not provide a name."))
        #expect(text.contains("EmptyScriptBlockAndNoName,Microsoft.PowerShell.Commands.SelectObjectCommand"))
        #expect(run("([pscustomobject]@{a=1} | Select-Object).psobject.TypeNames[0]") ==
            "Selected.System.Management.Automation.PSCustomObject\n")
        #expect(run("(@{a=10; b=20} | Select-Object -Property Count).Count") == "2\n")
        #expect(run("'x' | Select-Object -ExpandProperty Nope").contains("Property \"Nope\" cannot be found."))
    }

    @Test func sortObjectHonoursOrderEntryKeysAndDotNetOrderForEqualKeys() {
        let script = """
            $e = @([pscustomobject]@{F='john'; L='smith'; Y=5}, [pscustomobject]@{F='joesph'; L='smith'; Y=15},
                   [pscustomobject]@{F='john'; L='smyth'; Y=2})
            ($e | Sort-Object -Property @{e='Y'; descending=$false; ascending=$true} -Descending | ForEach-Object { $_.Y }) -join ','
            ($e | Sort-Object -Property L -Descending -Unique | ForEach-Object { $_.F }) -join ','
            ($e | Sort-Object -Property @{e='F'; asc=$true}, L -Descending | ForEach-Object { $_.Y }) -join ','
            """
        #expect(run(script) == "2,5,15\njohn,joesph\n15,2,5\n")
    }

    @Test func sortObjectPlacesNullBetweenNegativeAndPositiveNumbers() {
        #expect(run("(8, $null, -2, 1 | Sort-Object | ForEach-Object { \"[$_]\" }) -join ','") == "[-2],[],[1],[8]\n")
        #expect(run("('b', 'B', 'a', 'A' | Sort-Object -CaseSensitive) -join ','") == "a,A,b,B\n")
    }

    @Test func whereObjectOperatorsAndTheirErrors() {
        #expect(run("('a','B','c' | Where-Object Length -CEQ 1) -join ','") == "a,B,c\n")
        // -Not came with PowerShell 6.1; in 5.1 it is a prefix of -NotLike, -NotMatch, -NotContains and -NotIn.
        #expect(run("1 | Where-Object -Not v").contains("Parameter cannot be processed because the parameter name 'Not' is ambiguous."))
        let missingOperator = run("1 | Where-Object -Property Length -EQ:$false -Value 1")
        #expect(missingOperator.contains("An operator is required to compare the two specified values."))
        #expect(missingOperator.contains("OperatorNotSpecified,Microsoft.PowerShell.Commands.WhereObjectCommand"))
        #expect(run("1 | Where-Object -Property Length -GT").contains("ValueNotSpecifiedForWhereObject"))
    }

    @Test func getRandomTakesTheWholeInt64RangeAndMultipliers() {
        #expect(run("(Get-Random -Maximum ([int64]::MaxValue) -Minimum ([int64]::MinValue)).GetType().Name") == "Int64\n")
        #expect(run("$r = Get-Random -Maximum ([double]::MaxValue) -Minimum ([double]::MinValue); $r -lt [double]::MaxValue") == "True\n")
        #expect(run("$r = Get-Random -Minimum '1mb' -Maximum ([int64]1048585); $r -ge 1048576 -and $r -lt 1048585") == "True\n")
    }
}
