import Foundation
import Testing

/// `exit` as powershell.exe runs it: a called or dot-sourced script ends and sets $LASTEXITCODE,
/// `-File` and `-Command` end the process with the code, piped input stops at it.
extension ScriptModeTests {
    static let exits = "'in'\nexit 5\n'not'\n"

    @Test(arguments: ["& ./s.ps1", ".\\s.ps1", ". ./s.ps1", "./s.ps1"])
    func exitEndsOnlyTheCalledScript(_ call: String) throws {
        let run = try shell(["-NoProfile", "-Command", call + "; \"after $LASTEXITCODE\""], files: ["s.ps1": Self.exits])
        #expect(run.output == "in\nafter 5\n")
    }

    @Test func exitInAFunctionEndsTheScriptThatCalledIt() throws {
        let script = "function f { exit 2 }\nf\n'not'\n"
        let run = try shell(["-NoProfile", "-Command", "& ./s.ps1; \"after $LASTEXITCODE\"; & ./t.ps1; $LASTEXITCODE"],
                            files: ["s.ps1": script, "t.ps1": "exit\n"])
        #expect(run.output == "after 2\n0\n")
    }

    @Test func fileExitCodeIsTheProcessExitCode() throws {
        let run = try shell(["-NoProfile", "-File", "s.ps1"], files: ["s.ps1": Self.exits])
        #expect(run.output == "in\n")
        #expect(run.status == 5)
        // exit in a script the -File script calls ends only that one.
        let nested = try shell(["-NoProfile", "-File", "main.ps1"],
                               files: ["s.ps1": Self.exits, "main.ps1": "& ./s.ps1\n\"main $LASTEXITCODE\"\nexit 9\n"])
        #expect(nested.output == "in\nmain 5\n")
        #expect(nested.status == 9)
    }

    @Test func commandExitCodeIsTheProcessExitCode() throws {
        let run = try shell(["-NoProfile", "-Command", "'a'; exit 3; 'b'"])
        #expect(run.output == "a\n")
        #expect(run.status == 3)
    }

    @Test func exitInPipedInputEndsTheShell() throws {
        let run = try shell(["-NoProfile"], stdin: "'a'\nif ($true) { exit 6 }\n'never'\n")
        #expect(!run.output.contains("never"))
        #expect(run.status == 6)
    }

    @Test func exitInATestFileEndsThatFileOnly() throws {
        let first = "Describe 'A' {\n    It 'one' { 1 | Should -Be 1 }\n    exit 3\n    It 'two' { 1 | Should -Be 1 }\n}\n"
        let second = "Describe 'B' {\n    It 'three' { 1 | Should -Be 1 }\n}\n"
        let run = try shell(["-NoProfile", "-Command", "Invoke-Pester ./t; \"after $LASTEXITCODE\""],
                            files: ["t/a.Tests.ps1": first, "t/b.Tests.ps1": second])
        #expect(run.output.contains(" [+] one "))
        #expect(!run.output.contains(" [+] two "))
        #expect(run.output.contains(" [+] three "))
        #expect(run.output.hasSuffix("after 3\n"))
    }

    @Test func errorsNeverVanish() throws {
        let run = try shell(["-NoProfile", "-Command", "'{5}' -f 1; 'after'; $?"])
        #expect(run.output.hasPrefix("Error formatting a string: Index (zero based)"))
        #expect(run.output.hasSuffix("after\nFalse\n"))
        #expect(run.status == 1)
    }

    @Test func runawayRecursionIsAnErrorNotACrash() throws {
        let run = try shell(["-NoProfile"], stdin: "function f { f }; f\n'next'\nfunction g($n) { g ($n + 1) }; g 0\n'last'\n")
        #expect(run.output.contains("The script failed due to call depth overflow."))
        #expect(run.output.contains("next\n"))
        #expect(run.output.hasSuffix("last\n"))
    }

    /// Recursion is bounded by the stack, not by a count, as in Windows PowerShell: a thousand
    /// nested calls run even under a 1 MiB stack limit, and runaway recursion ends in
    /// CallDepthOverflow with the shell reading on.
    @Test func recursionDepthIsBoundedByTheStackNotACount() throws {
        let home = try TestEnvironment.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try TestEnvironment.write("function f($n) { if ($n) { f ($n - 1) } else { 'bottom' } }; f 1000\n"
                                  + "function g { g }; g\n'after'\n", to: home + "/stdin.txt")
        let result = try Spawn.run("/bin/sh", ["-c", "ulimit -s 1024 && exec \"$0\" -NoProfile", TestEnvironment.shellBinary],
                                   environment: TestEnvironment.shellEnvironment(home: home),
                                   stdinPath: home + "/stdin.txt", directory: home, timeout: 60)
        #expect(result.output.hasPrefix("bottom\nThe script failed due to call depth overflow.\n"))
        #expect(result.output.hasSuffix("after\n"))
        // An exit code, not a signal: the shell ended at the end of its input.
        #expect(result.status == 0 || result.status == 1)
    }
}
