import FoundationEssentials
import ShellTestSupport
import Testing

/// The classic ways scripts turn SMBv1 off, on every profile, each seen by all the other views.
@Suite struct SMB1SequenceTests {
    static let profiles = ["Windows11-24H2", "WindowsServer2025", "Windows11-23H2", "WindowsServer2022"]
    static let key = #"HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters"#
    /// SMB1 installed first (no release ships it), so there is something to turn off.
    static let install = "Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart | Out-Null"
    /// Cmdlet, registry provider and reg.exe views of the server side.
    static let views = ["(Get-SmbServerConfiguration).EnableSMB1Protocol",
                        "(Get-ItemProperty \(key)).SMB1",
                        #"(reg query HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters /v SMB1)[2].Trim()"#]

    static func sequence(_ profile: String, _ disable: String) -> String {
        runLines([install] + views + [disable] + views, profile: profile)
    }

    static func runLines(_ lines: [String], profile: String) -> String {
        let (engine, host, folder) = makeEngine(profile: profile)
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        for line in lines { _ = engine.execute(line) }
        return host.text
    }

    static let before = "True\n1\nSMB1    REG_DWORD    0x1\n"
    static let after = "False\n0\nSMB1    REG_DWORD    0x0\n"

    @Test(arguments: profiles) func byTheRegistry(profile: String) {
        #expect(Self.sequence(profile, "Set-ItemProperty \(Self.key) -Name SMB1 -Type DWORD -Value 0 -Force") == Self.before + Self.after)
    }

    @Test(arguments: profiles) func byTheCmdlet(profile: String) {
        #expect(Self.sequence(profile, "Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force") == Self.before + Self.after)
    }

    @Test(arguments: profiles) func byTheFeature(profile: String) {
        let disable = profile.contains("Server")
            ? "Uninstall-WindowsFeature -Name FS-SMB1 -WarningAction SilentlyContinue | Out-Null"
            : "Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart | Out-Null"
        #expect(Self.sequence(profile, disable) == Self.before + Self.after)
        #expect(Self.runLines([Self.install, disable, "(Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol).State"],
                              profile: profile) == "Disabled\n")
    }

    @Test(arguments: profiles) func byDismExe(profile: String) {
        let disable = "dism /online /disable-feature /featurename:SMB1Protocol /norestart | Out-Null"
        #expect(Self.sequence(profile, disable) == Self.before + Self.after)
        #expect(Self.runLines([Self.install, disable, "$LASTEXITCODE", "(Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol).State",
                               "(dism /online /get-featureinfo /featurename:SMB1Protocol | Select-String '^State').Line"],
                              profile: profile) == "3010\nDisabled\nState : Disabled\n")
    }

    @Test(arguments: profiles) func byScConfigOfTheClientDriver(profile: String) {
        let output = Self.runLines([Self.install, "sc.exe config mrxsmb10 start= disabled | Out-Null",
                                    "(Get-Service mrxsmb10).StartType.ToString()",
                                    #"(Get-ItemProperty HKLM:\SYSTEM\CurrentControlSet\Services\mrxsmb10).Start"#,
                                    "(sc.exe qc mrxsmb10)[4].Trim()"], profile: profile)
        #expect(output == "Disabled\n4\nSTART_TYPE         : 4   DISABLED\n")
    }
}
