#!/usr/bin/env python3
"""Pester 3.4 through the built shell: the example compliance suite on the 24H2 and 23H2
profiles, 3.4's console layout, -PassThru, and each command and assertion."""
import argparse, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
failures = 0


def shell(binary, command, profile="Windows11-24H2", cwd=None):
    env = dict(os.environ, SMBCONFIG_HOME=tempfile.mkdtemp(), SMBCONFIG_OS_PROFILE=profile)
    run = subprocess.run([binary, "-Command", command], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    return run.stdout + run.stderr


def normalise(text):
    """Timings vary: 12ms / 1.23s become <t>."""
    return re.sub(r"\b\d+(\.\d+)?m?s\b", "<t>", text)


def check(name, ok, detail=""):
    global failures
    if not ok:
        failures += 1
        print(f"FAIL {name}\n{detail}")
    else:
        print(f"ok {name}")


def run_file(binary, body, extra="", profile="Windows11-24H2"):
    folder = tempfile.mkdtemp()
    with open(os.path.join(folder, "t.Tests.ps1"), "w") as f:
        f.write(body)
    return normalise(shell(binary, f"Invoke-Pester ./t.Tests.ps1 {extra}", profile, cwd=folder))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/smbconfig-shell"))
    binary = os.path.abspath(parser.parse_args().binary)
    suite = os.path.join(ROOT, "examples/compliance")

    out = normalise(shell(binary, "Invoke-Pester ./SmbMailslots.Tests.ps1", cwd=suite))
    check("24H2: every check passes", "Passed: 7 Failed: 0 Skipped: 0 Pending: 0 Inconclusive: 0 " in out, out)
    check("24H2: 3.4 layout", "Executing all tests in './SmbMailslots.Tests.ps1'\nDescribing Remote mailslots\n"
          "   Context SMB client\n    [+] remote mailslots are off <t>\n" in out
          and "\n [+] SMB1 is disabled <t>\n" in out and "\nTests completed in <t>\n" in out, out)
    out = normalise(shell(binary, "Invoke-Pester ./SmbMailslots.Tests.ps1", "Windows11-23H2", cwd=suite))
    check("23H2: the checks fail", "Passed: 2 Failed: 5 Skipped: 0 Pending: 0 Inconclusive: 0 " in out, out)
    check("23H2: failure message and position", "    [-] remote mailslots are off <t>\n      Expected: {False}\n"
          "      But was:  {}\n      at line: 9 in " in out, out)
    out = shell(binary, "$r = Invoke-Pester ./SmbMailslots.Tests.ps1 -Quiet -PassThru; "
                "\"$($r.TotalCount) $($r.PassedCount) $($r.FailedCount) $($r.TestResult.Count)\"; "
                "$r.TestResult[0].Describe; $r.TestResult[0].Context; $r.TestResult[0].Result", "Windows11-23H2", cwd=suite)
    check("-PassThru and -Quiet", out.strip().splitlines() == ["7 2 5 7", "Remote mailslots", "SMB client", "Failed"], out)

    out = run_file(binary, """
Describe 'D' {
    BeforeEach { $each = 1 }
    AfterEach { $script:after += 1 }
    It 'sees BeforeAll written later' { $all | Should Be 'set' }
    It 'sees BeforeEach' { $each | Should Be 1 }
    It 'own scope' { $leak = 1 }
    It 'no leak' { $leak | Should BeNullOrEmpty }
    It 'case <n> of <word>' -TestCases @{ n = 1; word = 'one' }, @{ n = 2; word = 'two' } { param($n, $word) $n | Should BeGreaterThan 0 }
    It 'pending' -Pending { }
    It 'skipped' -Skip { throw 'never' }
    It 'inconclusive' { Set-TestInconclusive }
    It 'breaks' { Get-NoSuchCommand; 'unreached' }
    BeforeAll { $all = 'set' }
}
""")
    check("hooks, scopes and test cases", all(s in out for s in [
        " [+] sees BeforeAll written later", " [+] sees BeforeEach", " [+] no leak", " [+] case 1 of one", " [+] case 2 of two",
        " [?] pending", " [!] skipped", " [-] breaks", "Passed: 6 Failed: 1 Skipped: 1 Pending: 1 Inconclusive: 1 "]), out)

    assertions = [
        ("1 | Should Be 1", True), ("1 | Should Be 2", False), ("'a' | Should Not Be 'b'", True),
        ("'A' | Should BeExactly 'a'", False), ("$null | Should BeNullOrEmpty", True), ("'x' | Should Not BeNullOrEmpty", True),
        ("'abc' | Should Match 'B'", True), ("'abc' | Should MatchExactly 'B'", False), ("{ throw 'bad thing' } | Should Throw 'bad'", True),
        ("{ 1 } | Should Throw", False), ("{ 1 } | Should Not Throw", True), ("'C:\\Windows' | Should Exist", True),
        ("1 | Should BeOfType [int]", True), ("5 | Should BeGreaterThan 3", True), ("5 | Should BeLessThan 3", False),
        ("'abc' | Should BeLike 'a*'", True), ("'abc' | Should BeLikeExactly 'A*'", False),
        ("1 | Should -Be 1", True), ("1 | Should -Not -Be 1", False), ("$true | Should -BeTrue", True), ("$true | Should -BeFalse", False),
        ("@(1,2,3) | Should -HaveCount 3", True), ("2 | Should -BeIn 1,2", True), ("@(1,2) | Should -Contain 2", True),
        ("{ throw 'x' } | Should -Throw -ExpectedMessage 'x'", True), ("3 | Should -BeGreaterOrEqual 3", True),
        ("3 | Should -BeLessOrEqual 2", False),
    ]
    body = "Describe 'A' {\n" + "".join(f"    It 'a{i}' {{ {code} }}\n" for i, (code, _) in enumerate(assertions)) + "}\n"
    out = run_file(binary, body)
    for i, (code, passes) in enumerate(assertions):
        check(f"Should: {code}", f" [{'+' if passes else '-'}] a{i} <t>" in out, out)

    out = run_file(binary, "Describe 'M' { It 'x' { 'abc' | Should Be 'abd' } }")
    check("Be message for strings", "   String lengths are both 3. Strings differ at index 2.\n   Expected: {abd}\n"
          "   But was:  {abc}\n   -------------^\n" in out, out)

    out = normalise(shell(binary, "Describe 'Mocks' { Mock Get-SmbClientConfiguration { 'mocked' }; "
                                  "It 'x' { Get-SmbClientConfiguration | Should Be 'mocked' } }; "
                                  "(Get-SmbClientConfiguration).EnableMailslots"))
    check("Mock shadows a cmdlet inside the Describe only", " [+] x <t>" in out and out.rstrip().endswith("False"), out)

    out = shell(binary, "Get-Module -ListAvailable Pester | ForEach-Object { \"$($_.ModuleType) $($_.Version) $($_.Name)\" }")
    check("Get-Module -ListAvailable lists Pester 3.4.0", "Script 3.4.0 Pester" in out, out)
    out = run_file(binary, """
Describe 'TD' {
    It 'writes' { $global:drive = $TestDrive; Set-Content -Path "$TestDrive\\a.txt" -Value 'hello world'; "$TestDrive\\a.txt" | Should Exist }
    It 'file content (3.4 Contain)' { "$TestDrive\\a.txt" | Should Contain 'wor.d' }
    It 'drive' { 'TestDrive:\\a.txt' | Should Exist }
    It 'in' { In $TestDrive { (Get-Location).Path | Should Be $TestDrive } }
    It 'module scope' { InModuleScope Pester { 1 | Should Be 1 } }
}
""", "; Test-Path $global:drive; Test-Path TestDrive:\\")
    check("TestDrive, In, InModuleScope; the drive is removed after the Describe",
          "Passed: 5 Failed: 0" in out and out.rstrip().endswith("False\nFalse"), out)

    out = shell(binary, "Import-Module Pester; (Import-Module Pester -PassThru).Name; Import-Module NoSuchModule")
    check("Import-Module Pester", out.startswith("Pester\n") and "FullyQualifiedErrorId : Modules_ModuleNotFound,"
          "Microsoft.PowerShell.Commands.ImportModuleCommand" in out, out)

    out = normalise(shell(binary, "./examples/compliance/SmbMailslots.Tests.ps1", cwd=ROOT))
    check("a test file run directly prints its results", out.startswith("Describing Remote mailslots\n")
          and "Tests completed" not in out, out)
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
