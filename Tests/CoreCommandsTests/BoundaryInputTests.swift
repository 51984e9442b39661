import ShellTestSupport
import Testing
@testable import ShellEngine

/// Cmdlet arguments at their edges (from the crash matrix): each is answered as Windows
/// PowerShell 5.1 answers it, promptly, and the next statement runs.
struct BoundaryInputTests {
    @Test func getRandomWithAnInfiniteMaximumReturnsANumber() {
        let output = run("$r = Get-Random ([double]::PositiveInfinity); $r -ge 0 -and $r -lt [double]::MaxValue",
                         "$r = Get-Random -Minimum 1.5 -Maximum ([double]::PositiveInfinity); $r -ge 1.5", "'after'")
        #expect(output == "True\nTrue\nafter\n")
    }

    @Test func getRandomWithANaNBoundReturnsNaN() {
        #expect(run("[double]::IsNaN((Get-Random -Maximum ([double]::NaN)))", "'after'") == "True\nafter\n")
    }

    @Test(arguments: ["Get-Variable -Scope ([long]::MaxValue)", "Get-Variable -Scope 2147483647", "Set-Variable x 1 -Scope 99999999999"])
    func aScopeNumberBeyondTheActiveScopesIsAnError(_ input: String) {
        let output = run("try { \(input) } catch { $_.Exception.Message.Split([char]10)[0] }", "'after'")
        #expect(output.hasPrefix("The scope number '"))
        #expect(output.contains("' exceeds the number of active scopes."))
        #expect(output.hasSuffix("after\n"))
    }
}
