import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// What the engine builds on first use (command tables, the type library, overload choices) and
/// ranges taken one number at a time behave as when everything is built up front.
@Suite struct LazyTablesTests {
    /// Every command, looked up first in an engine that has built nothing yet, is the one the
    /// complete table holds.
    @Test func firstLookupFindsTheCommandTheFullTableHas() {
        let (complete, _, folder) = makeEngine()
        defer { complete.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        let all = complete.cmdlets.all
        #expect(all.count > 100)
        for definition in all {
            let (fresh, _, freshFolder) = makeEngine()
            let found = fresh.cmdlets[NameKey(definition.metadata.name)]
            #expect(found?.metadata.module == definition.metadata.module, "\(definition.metadata.name)")
            #expect(found?.metadata.allParameters.map(\.name) == definition.metadata.allParameters.map(\.name),
                    "\(definition.metadata.name)")
            fresh.shutdown()
            try? FileManager.default.removeItem(atPath: freshFolder)
        }
    }

    @Test func laterRegisteredGroupWinsWhateverTheBuildOrder() {
        func definition(_ name: String, module: String) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(name: name, module: module, implementation: .function, parameters: []),
                             make: { fatalError("not run") })
        }
        let table = CommandTable()
        table.registerLater(names: nil) { [definition("Get-Thing", module: "First"), definition("Get-Other", module: "First")] }
        table.registerLater(names: ["Get-Thing"]) { [definition("Get-Thing", module: "Second")] }
        #expect(table[NameKey("get-thing")]?.metadata.module == "Second")
        #expect(table[NameKey("Get-Other")]?.metadata.module == "First")
        #expect(table[NameKey("Get-Thing")]?.metadata.module == "Second")
        #expect(table[NameKey("Get-Nothing")] == nil)
    }

    @Test func scriptClassTakesThePlaceOfALibraryTypeDeclaredBeforeAnyLookup() {
        #expect(run("class Random { [int] $Seed = 7 }; [Random]::new().Seed") == "7\n")
    }

    @Test(arguments: [
        ("foreach ($i in 3..1) { $i }", "3\n2\n1\n"),
        ("foreach ($i in -1..1) { $i.GetType().Name }", "Int32\nInt32\nInt32\n"),
        ("$n = 4; foreach ($i in 1..$n) { if ($i -eq 3) { break }; $i }", "1\n2\n"),
        (":outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; \"$i$j\" } }", "11\n21\n31\n"),
        ("foreach ($i in 5..5) { $i }", "5\n"),
        ("1..3 | ForEach-Object { $_ * 2 }", "2\n4\n6\n"),
        ("(1..100000 | Measure-Object).Count", "100000\n"),
        ("3..1 | Select-Object -First 2", "3\n2\n"),
        ("'2'..'4' | ForEach-Object { $_ }", "2\n3\n4\n"),
        ("$a = 1..3; $a.Count", "3\n"),
        ("try { foreach ($i in 1..'x') { } } catch { $_.FullyQualifiedErrorId }", "RangeOperatorOperandsMustBeIntegers\n"),
        ("try { 1..3000000000 | ForEach-Object { } } catch { $_.FullyQualifiedErrorId }", "RangeOperatorOperandsMustBeIntegers\n"),
        ("try { foreach ($i in 1..60000000) { } } catch { $_.FullyQualifiedErrorId }", "RangeTooLarge\n"),
    ])
    func rangesTakenOneAtATime(_ script: String, _ expected: String) {
        #expect(run(script) == expected)
    }

    /// A chosen overload is reused only for arguments of the same types whose choice did not
    /// depend on their values: each call gives what it gives in an engine of its own.
    @Test func overloadChoiceFollowsEachCallsArguments() {
        let calls = ["[Math]::Abs('5')", "[Math]::Abs('5.5')", "[Math]::Abs('-2')", "[Math]::Max(1, 2.5)", "[Math]::Max(1, 2)",
                     "[Math]::Max([long]1, 2)", "[Math]::Round(2.5)", "[Math]::Round([decimal]2.5)", "'abc'.IndexOf('b')",
                     "'abc'.IndexOf('bc')", "[string]::Join(',', 1, 2)", "[string]::Join(',', @(1, 2))", "[Convert]::ToString(255, 16)",
                     "[Convert]::ToString('x')", "[char]::IsDigit('7')", "[Math]::Abs($null)"]
        func script(_ call: String) -> String { "$r = " + call + "; \"$r $($r.GetType().Name)\"" }
        let alone = calls.map { run(script($0)) }
        let (engine, host, folder) = makeEngine()
        defer { engine.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        for call in calls { _ = engine.execute(script(call)) }
        #expect(host.text == alone.joined())
    }
}

/// Pipelines hold no more than what they write, and bind each object as before.
@Suite struct StreamingPipelineTests {
    @Test(arguments: [
        ("1..10000 | Select-Object -Last 3", "9998\n9999\n10000\n"),
        ("1..10000 | Select-Object -Last 0", ""),
        // -Skip with -Last skips from the end of the kept objects (SelectObjectQueue).
        ("1..10 | Select-Object -Skip 2 -Last 2", "7\n8\n"),
        ("1..10000 | ForEach-Object { $_ % 5000 } | Select-Object -Last 5000 | Measure-Object -Sum | ForEach-Object Sum", "12497500\n"),
        ("$null, 1 | Where-Object { $true } | Measure-Object | ForEach-Object Count", "2\n"),
        ("@{a=1}, [pscustomobject]@{b=2} | ForEach-Object { $_.GetType().Name }", "Hashtable\nPSCustomObject\n"),
    ])
    func pipelines(_ script: String, _ expected: String) {
        #expect(run(script) == expected)
    }
}
