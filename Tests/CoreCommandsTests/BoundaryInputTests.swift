import Foundation
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

    @Test func aFolderMovedIntoItselfIsRefusedAndKept() {
        let output = run("$null = New-Item C:\\cm\\inner -ItemType Directory -Force",
                         "Move-Item C:\\cm C:\\cm\\inner", "Move-Item C:\\cm C:\\cm", "Copy-Item C:\\cm C:\\cm\\inner -Recurse",
                         "(Get-ChildItem C:\\cm -Recurse).FullName", "'after'")
        let refusals = output.components(separatedBy: "Destination path cannot be a subdirectory of the source or the source itself: ")
        #expect(refusals.count == 4)
        #expect(output.contains("Move-Item : Destination path cannot be a subdirectory of the source or the source itself: C:\\cm\\inner\\cm."))
        #expect(output.contains("MoveItemArgumentError,Microsoft.PowerShell.Commands.MoveItemCommand"))
        #expect(output.contains("InvalidArgument: (C:\\cm\\inner\\cm:String) [Move-Item], IOException"))
        #expect(output.hasSuffix("C:\\cm\\inner\nafter\n"))
    }

    @Test func aRegistryKeyCopiedIntoItselfIsRefused() {
        let output = run("$null = New-Item HKCU:\\Software\\CmLoop -Force", "Copy-Item HKCU:\\Software\\CmLoop HKCU:\\Software\\CmLoop\\x -Recurse",
                         "Test-Path HKCU:\\Software\\CmLoop\\x", "'after'")
        #expect(output.contains("Destination path cannot be a subdirectory of the source or the source itself"))
        #expect(output.hasSuffix("False\nafter\n"))
    }

    @Test(arguments: [
        ("Remove-Item ''", "Path", "an empty string", "EmptyString", "RemoveItemCommand"),
        ("Move-Item $null", "Path", "null", "Null", "MoveItemCommand"),
        ("Copy-Item -LiteralPath ''", "LiteralPath", "an empty string", "EmptyString", "CopyItemCommand"),
        ("Test-Path ''", "Path", "an empty string", "EmptyString", "TestPathCommand"),
        ("Get-Item @()", "Path", "an empty array", "EmptyArray", "GetItemCommand"),
        ("Get-Content ''", "Path", "an empty string", "EmptyString", "GetContentCommand"),
        ("Get-ItemProperty $null", "Path", "null", "Null", "GetItemPropertyCommand"),
    ])
    func aMandatoryPathRefusesNullAndEmpty(_ input: String, _ parameter: String, _ what: String, _ id: String, _ className: String) {
        let output = run(input, "'after'")
        let command = String(input.prefix { $0 != " " })
        #expect(output.hasPrefix("\(command) : Cannot bind argument to parameter '\(parameter)' because it is \(what).\n"))
        #expect(output.replacing(" \n   ", with: "").contains("ParameterArgumentValidationError\(id)NotAllowed,Microsoft.PowerShell.Commands.\(className)"))
        #expect(output.hasSuffix("after\n"))
    }

    @Test func anEmptyPathLeavesTheCurrentFolderAlone() {
        let output = run("Set-Location C:\\", "$null = New-Item C:\\keep -ItemType Directory", "Set-Location C:\\keep",
                         "try { Remove-Item '' -Recurse -Force } catch {}", "try { Move-Item '' C:\\elsewhere } catch {}",
                         "Test-Path C:\\keep")
        #expect(output == "True\n")
    }
}

/// A persisted setting that cannot be written is Windows' error, and the setting stays as it was.
struct UnwritableStateTests {
    @Test func anExecutionPolicyThatCannotBeSavedIsAnAccessError() throws {
        let folder = NSTemporaryDirectory() + "smbconfig-engine-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/execution-policy", withIntermediateDirectories: true)
        let (engine, host, _) = makeEngine(folder: folder)
        defer { engine.shutdown() }
        _ = engine.execute("Set-ExecutionPolicy -Scope CurrentUser RemoteSigned -Force; Get-ExecutionPolicy -Scope CurrentUser")
        _ = engine.execute("Set-ExecutionPolicy -Scope Process Bypass -Force; Get-ExecutionPolicy")
        #expect(host.text.replacing(" \n", with: " ").hasPrefix("Set-ExecutionPolicy : Access to the registry key "
            + "'HKEY_CURRENT_USER\\Software\\Microsoft\\PowerShell\\1\\ShellIds\\Microsoft.PowerShell' is denied.\n"))
        #expect(host.text.contains("PermissionDenied: (:) [Set-ExecutionPolicy], UnauthorizedAccessException"))
        #expect(host.text.hasSuffix("Bypass\n"))
        #expect(!host.text.contains("RemoteSigned\n"))
    }
}
