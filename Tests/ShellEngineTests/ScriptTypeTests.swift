import ShellTestSupport
import Testing
@testable import ShellEngine

/// `class` and `enum` statements as Windows PowerShell 5.1 runs them.
@Suite struct ScriptTypeTests {
    @Test func enumValuesNumberOnFromTheLastInitializer() {
        #expect(run("enum Color { Red; Green = 5; Blue }; [Color]::Blue; [int][Color]::Blue") == "Blue\n6\n")
        #expect(run("enum E { A; B }; [E]'b' -eq [E]::B; ([E]::A).GetType().Name") == "True\nE\n")
        #expect(run("[Flags()] enum F { R = 1; W = 2; X = 4 }; [F]3; [int][F]'R, X'") == "R, W\n5\n")
    }

    @Test func propertiesHaveTypesAndDefaults() {
        let script = "class P { [int]$Count; [string]$Name = 'n'; $Any }; $p = [P]::new(); "
        #expect(run(script + "$p.Count; $p.Name; $null -eq $p.Any") == "0\nn\nTrue\n")
        #expect(run(script + "$p.Count = '42'; $p.Count.GetType().Name; $p.Count") == "Int32\n42\n")
        #expect(run(script + "$p -is [P]; $p.GetType().Name") == "True\nP\n")
    }

    @Test func methodsReturnOnlyTheirReturnValue() {
        let script = """
            class Calc {
                [int] $Base = 10
                [int] Add([int] $x) { 'ignored'; return $this.Base + $x }
                [void] Bump() { $this.Base++ }
                static [string] Hello([string] $who) { return "hi $who" }
            }
            $c = [Calc]::new()
            """
        #expect(run(script + "\n$c.Add('5')") == "15\n")
        #expect(run(script + "\n$c.Bump(); $c.Bump(); $c.Base") == "12\n")
        #expect(run(script + "\n[Calc]::Hello('you')") == "hi you\n")
    }

    @Test func constructorsChainToTheBaseClass() {
        let script = """
            class Animal {
                [string] $Name
                [string] $Sound = 'none'
                Animal([string] $n) { $this.Name = $n }
                [string] Speak() { return "$($this.Name) says $($this.Sound)" }
            }
            class Dog : Animal {
                Dog([string] $n) : base($n.ToUpper()) { $this.Sound = 'woof' }
            }
            $d = [Dog]::new('rex')
            """
        #expect(run(script + "\n$d.Speak(); $d -is [Animal]") == "REX says woof\nTrue\n")
        #expect(run(script + "\n[Animal]::new('cat').Speak()") == "cat says none\n")
    }

    @Test func overridesDispatchOnTheInstancesClass() {
        let script = """
            class Shape { [string] Describe() { return 'shape ' + $this.Kind() }; [string] Kind() { return 'any' } }
            class Square : Shape { [string] Kind() { return 'square' } }
            [Square]::new().Describe()
            """
        #expect(run(script) == "shape square\n")
    }

    @Test func staticPropertiesAndHiddenMembers() {
        let script = """
            class Counter { static [int] $Made = 0; hidden [string] $Secret = 's'; [int] $Id
                Counter() { [Counter]::Made++; $this.Id = [Counter]::Made } }
            $a = [Counter]::new(); $b = [Counter]::new()
            """
        #expect(run(script + "\n[Counter]::Made; $b.Id; $b.Secret") == "2\n2\ns\n")
        #expect(run(script + "\n($b | Get-Member -MemberType Property).Name") == "Id\n")
    }

    @Test func hashtableCastSetsProperties() {
        #expect(run("class Pt { [int]$X; [int]$Y }; $p = [Pt]@{ X = 1; Y = '2' }; $p.X + $p.Y") == "3\n")
    }

    @Test func validationAttributesGuardProperties() {
        let output = run("class V { [ValidateNotNull()]$Name = 'a' }; $v = [V]::new(); "
            + "try { $v.Name = $null } catch { $_.FullyQualifiedErrorId }; $v.Name")
        #expect(output == "ExceptionWhenSetting\na\n")
    }

    @Test func toStringOverrideIsUsedForStrings() {
        #expect(run("class T { [string] ToString() { return 'custom' } }; \"$([T]::new())\"; [T]::new().ToString()")
            == "custom\ncustom\n")
        #expect(run("class U { }; \"$([U]::new())\"") == "U\n")
    }

    @Test func usingVariableOutsideAJobIsRefused() {
        let output = run("$x = 1; try { $using:x } catch { $_.FullyQualifiedErrorId }")
        #expect(output == "UsingWithoutInvokeCommand\n")
    }
}
