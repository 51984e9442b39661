import FoundationEssentials
import ShellTestSupport
import Testing

/// The SMB administration scripts of examples/admin-scripts, as admins run them: each runs to
/// its end on every release without an error.
@Suite struct AdminScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/admin-scripts").path
    static let profiles = ["Windows11-24H2", "WindowsServer2025", "Windows11-23H2", "WindowsServer2022"]

    /// Each script and the end of the last line it prints when it ran to its end.
    static let scripts: [(file: String, last: String)] = [
        ("01-Audit-SmbProtocols.ps1", "Audit complete."),
        ("02-Disable-SMB1.ps1", "SMB1 has been disabled."),
        ("03-Enable-SmbSigning.ps1", "Signing is required on both sides."),
        ("04-Get-ShareAclReport.ps1", "9 entries written to share-acl-report.csv"),
        ("05-Test-SmbFirewall.ps1", "Firewall check complete."),
        ("06-Audit-Mailslots.ps1", "PASS: remote mailslots are disabled."),
        ("07-New-SmbHardeningReport.ps1", "checks passed; report: smb-report.html"),
        ("08-Get-ShareInventory.ps1", "Inventory complete."),
        ("09-Audit-LocalAccounts.ps1", "Account audit complete."),
        ("10-Get-SmbServerHealth.ps1", "Health check complete."),
    ]

    static func runScript(_ file: String, profile: String) -> RecordingHost {
        let (engine, host, state) = makeEngine(RecordingHost(interactive: false), profile: profile)
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: state)
        }
        _ = engine.execute("& '\(folder)/\(file)'")
        return host
    }

    @Test(arguments: profiles) func everyScriptRunsToItsEnd(profile: String) {
        for (file, last) in Self.scripts {
            let host = Self.runScript(file, profile: profile)
            #expect(host.text(of: .error) == "", "\(file) on \(profile)")
            let lines = host.text(of: .output).split(separator: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }
            #expect(lines.last { !$0.isEmpty }?.hasSuffix(last) == true, "\(file) on \(profile)")
        }
    }

    @Test func theAuditSeesWhatTheHardeningScriptsChanged() {
        let (engine, host, state) = makeEngine(RecordingHost(interactive: false), profile: "Windows11-23H2")
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: state)
        }
        _ = engine.execute("Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart | Out-Null")
        _ = engine.execute("Set-SmbServerConfiguration -RequireSecuritySignature $false -Force")
        _ = engine.execute("& '\(Self.folder)/02-Disable-SMB1.ps1' | Out-Null")
        _ = engine.execute("& '\(Self.folder)/03-Enable-SmbSigning.ps1' | Out-Null")
        let start = host.text.endIndex
        _ = engine.execute("& '\(Self.folder)/01-Audit-SmbProtocols.ps1'")
        let audit = String(host.text[start...])
        #expect(audit.contains("SMB1 server (cmdlet)    : False\n"))
        #expect(audit.contains("SMB1 server (registry)  : 0\n"))
        #expect(audit.contains("SMB1 feature            : Disabled\n"))
        #expect(audit.contains("Server signing required : True\n"))
        #expect(host.text(of: .error) == "")
    }
}
