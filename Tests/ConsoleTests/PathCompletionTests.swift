import Foundation
import Testing
import ShellEngine
@testable import smbconfig_shell

/// Tab completion of provider paths and module names, through a real state folder.
@Suite struct PathCompletionTests {
    func withEngine(_ body: (Engine) throws -> Void) throws {
        let home = NSTemporaryDirectory() + "smbconfig-path-completion-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let engine = Engine(host: CompletionTests.SilentHost(), configuration: EngineConfiguration(
            environment: ["SMBCONFIG_HOME": home, "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0"], interactive: false),
            modules: StandardModules.all)
        defer { engine.shutdown() }
        try body(engine)
    }

    func candidates(_ engine: Engine, _ line: String) -> [String] {
        engine.complete(line, cursor: line.utf16.count).candidates
    }

    @Test func fileSystemPathsCompleteFromTheTypedFolder() throws {
        try withEngine { engine in
            _ = engine.execute("New-Item C:\\Users\\Public\\lab-notes.txt -Force | Out-Null; New-Item 'C:\\Users\\Public\\my lab' -ItemType Directory | Out-Null")
            #expect(candidates(engine, "Get-ChildItem C:\\Us") == ["C:\\Users"])
            #expect(candidates(engine, "Get-Content -Path C:\\Users\\Public\\lab") == ["C:\\Users\\Public\\lab-notes.txt"])
            #expect(candidates(engine, "Get-ChildItem C:\\Users\\Public\\my") == ["'C:\\Users\\Public\\my lab'"])
            _ = engine.execute("Set-Location C:\\Users\\Public")
            #expect(candidates(engine, "Get-Content lab") == [".\\lab-notes.txt"])
            #expect(candidates(engine, ".\\lab").contains(".\\lab-notes.txt"))
        }
    }

    @Test func registryPathsAndDrivesComplete() throws {
        try withEngine { engine in
            #expect(candidates(engine, "Get-ChildItem HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Lanman").contains(
                "HKLM:\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation"))
            #expect(candidates(engine, "Get-ChildItem HKLM:").contains("HKLM:\\SYSTEM"))
        }
    }

    @Test func moduleNamesComplete() throws {
        try withEngine { engine in
            #expect(candidates(engine, "Import-Module SmbSh") == ["SmbShare"])
            #expect(candidates(engine, "Get-Command -Module SmbConfigShell.M") == ["SmbConfigShell.Mailslots"])
        }
    }

    @Test func startLabOffersTheLabsOfTheLabsFolder() throws {
        try withEngine { engine in
            _ = engine.execute("Set-Location C:\\Users\\Public; New-Item labs\\01-first\\lab.psd1 -Force | Out-Null; New-Item labs\\02-second\\lab.psd1 -Force | Out-Null; New-Item labs\\notes -ItemType Directory | Out-Null")
            #expect(candidates(engine, "Start-Lab ") == ["labs\\01-first\\lab.psd1", "labs\\02-second\\lab.psd1"])
            #expect(candidates(engine, "Start-Lab -Path la") == ["labs\\01-first\\lab.psd1", "labs\\02-second\\lab.psd1"])
            #expect(candidates(engine, "Start-Lab labs\\01-first\\la") == ["labs\\01-first\\lab.psd1"])
        }
    }

    @Test func membersOfAVariablesValue() throws {
        try withEngine { engine in
            _ = engine.execute("$s = 'abc'; $o = [pscustomobject]@{ Alpha = 1; Beta = 2 }")
            #expect(candidates(engine, "$s.Le") == ["Length"])
            #expect(candidates(engine, "$s.ToUpp").contains("ToUpper("))
            #expect(candidates(engine, "$o.") == ["Alpha", "Beta"])
            #expect(candidates(engine, "$nothing.").isEmpty)
        }
    }
}
