import ShellTestSupport
import Testing
@testable import ShellEngine

/// `-match`, `-replace`, `-split`, `switch -regex` and `[regex]` as Windows PowerShell 5.1 runs them.
@Suite struct RegexOperatorTests {
    @Test(arguments: [
        ("'abc' -match '(?<x>b)(c)'; $matches.Count; $matches[1]; $matches.x; $matches[0]", "True\n3\nc\nb\nbc\n"),
        ("'abc' -match '(a)|(z)'; $matches.Count", "True\n2\n"),
        ("'abc' -match 'b' | Out-Null; 'abc' -match 'z'; $matches[0]", "False\nb\n"),
        ("'Abc' -notmatch 'abc'", "False\n"),
        ("'Abc' -cmatch 'abc'", "False\n"),
        ("'Abc' -imatch 'abc'", "True\n"),
        ("'Abc' -cnotmatch 'abc'", "True\n"),
        ("@('a1','b','c2') -match '\\d' -join ','", "a1,c2\n"),
        ("@('a1','b','c2') -notmatch '\\d'", "b\n"),
        ("$matches = $null; @('a1') -match '\\d' | Out-Null; $null -eq $matches", "True\n"),
        ("'x😀ab' -match 'a.'; $matches[0].Length", "True\n2\n"),
        ("'abc' -match ([regex]'B')", "False\n"),
    ])
    func match(_ input: String, _ expected: String) {
        #expect(run(input) == expected)
    }

    @Test(arguments: [
        ("'John Smith' -replace '(\\w+) (\\w+)', '$2, $1'", "Smith, John\n"),
        ("'abc' -replace 'b'", "ac\n"),
        ("'a.b' -replace '\\.', '$$'", "a$b\n"),
        ("'ab' -replace '(?<n>a)', '${n}${n}'", "aab\n"),
        ("'ab' -replace 'a', '$1'", "$1b\n"),
        ("'ABC' -creplace 'b', 'x'", "ABC\n"),
        ("'ABC' -ireplace 'b', 'x'", "AxC\n"),
        ("'ABC' -replace 'b', 'x'", "AxC\n"),
        ("('a1','b2' -replace '\\d', '#') -join ','", "a#,b#\n"),
        ("'abc' -replace '', '-'", "-a-b-c-\n"),
    ])
    func replace(_ input: String, _ expected: String) {
        #expect(run(input) == expected)
    }

    @Test(arguments: [
        ("('a1:b1:c' -split '(1:)').Count", "5\n"),
        ("('a,b,c' -split ',', 2) -join '|'", "a|b,c\n"),
        ("('a,b,c' -split ',', -2) -join '|'", "a,b|c\n"),
        ("('a.b.c' -split '.', 0, 'SimpleMatch') -join '|'", "a|b|c\n"),
        ("('aXbxc' -csplit 'x') -join '|'", "aXb|c\n"),
        ("('aXbxc' -split 'x') -join '|'", "a|b|c\n"),
        ("('aXbxc' -csplit 'x', 0, 'IgnoreCase') -join '|'", "a|b|c\n"),
        ("(-split ' a  b ') -join '|'", "a|b\n"),
        ("(-split ('x y', ' z ')) -join '|'", "x|y|z\n"),
        ("('a1b2' -split {$_ -match '\\d'}) -join '|'", "a|b|\n"),
        ("('a1b2c' -split {$_ -match '\\d'}, 2) -join '|'", "a|b2c\n"),
        ("('a`nb' -split '^', 0, 'Multiline').Count", "2\n"),
        ("('a,b' , 'c,d' -split ',') -join '|'", "a|b|c|d\n"),
    ])
    func split(_ input: String, _ expected: String) {
        #expect(run(input) == expected)
    }

    @Test func splitOptionErrors() {
        #expect(run("'a' -split 'a', 0, 'SimpleMatch,Multiline'")
            .contains("The combination of options with the -split operator is not valid."))
        #expect(run("'a' -split {$_ -eq 'a'}, 0, 'Multiline'")
            .contains("Options are not allowed on the -split operator with a predicate."))
    }

    @Test func invalidPatterns() {
        let replace = run("'abc' -replace '[', 'x'")
        #expect(replace.contains("The regular expression pattern [ is not valid."))
        #expect(replace.contains("InvalidRegularExpression"))
        let match = run("'abc' -match '('")
        #expect(match.contains("parsing \"(\" - Not enough )'s."))
        #expect(match.contains("System.ArgumentException"))
    }

    @Test func switchRegexSetsMatches() {
        #expect(run("switch -regex ('foo42') { '(\\d+)' { $matches[1] } }") == "42\n")
        #expect(run("switch -regex -casesensitive ('ABC') { 'abc' { 'lower' } 'ABC' { 'upper' } }") == "upper\n")
    }

    @Test(arguments: [
        ("[regex]::Matches('a1b22', '\\d+').Count", "2\n"),
        ("[regex]::Match('x😀ab', 'a').Index", "3\n"),
        ("[regex]::Match('abc', '(b)(c)').Groups[2].Value", "c\n"),
        ("[regex]::Match('abc', 'z').Success", "False\n"),
        ("[regex]::Replace('abc', 'b', 'X')", "aXc\n"),
        ("[regex]::Replace('a1b2', '\\d', { param($m) [int]$m.Value * 2 })", "a2b4\n"),
        ("[regex]::Split('a1b2c', '\\d') -join '|'", "a|b|c\n"),
        ("[regex]::Escape('a.b*c d')", "a\\.b\\*c\\ d\n"),
        ("[regex]::Unescape('a\\.b\\t|')", "a.b\t|\n"),
        ("[regex]::IsMatch('ABC', 'b', 'IgnoreCase')", "True\n"),
        ("([regex]'\\d').IsMatch('x1')", "True\n"),
        ("$r = [regex]::new('(?<y>\\d{4})-(\\d\\d)'); $r.GetGroupNames() -join ','", "0,1,y\n"),
        ("$r = [regex]::new('a', 'IgnoreCase, Multiline'); $r.Options", "IgnoreCase, Multiline\n"),
        ("[System.Text.RegularExpressions.RegexOptions]::Singleline", "Singleline\n"),
        ("$m = [regex]::Match('a1b2', '\\d'); $m.NextMatch().Value", "2\n"),
        ("[regex]::Match('aaa', '(a)+').Groups[1].Captures.Count", "3\n"),
    ])
    func regexType(_ input: String, _ expected: String) {
        #expect(run(input) == expected)
    }

    @Test func regexTypeErrors() {
        #expect(run("[regex]::Match('a', '[')").contains(
            "Exception calling \"Match\" with \"2\" argument(s): \"parsing \"[\" - Unterminated [] set.\""))
    }
}
