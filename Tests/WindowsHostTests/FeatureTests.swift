import ShellTestSupport
import Testing

/// Optional and server features, tied to the registry, the services and the SMB configuration.
@Suite struct FeatureTests {
    static let server = #"HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters"#

    @Test func smb1IsOffOnEveryProfileAndTheFeatureListSaysSo() {
        for profile in ["Windows11-24H2", "WindowsServer2025", "Windows11-23H2", "WindowsServer2022"] {
            let output = run("(Get-SmbServerConfiguration).EnableSMB1Protocol",
                             "(Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol).State",
                             "Test-Path HKLM:\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10", profile: profile)
            #expect(output == "False\nDisabled\nFalse\n", "\(profile)")
        }
    }

    @Test func enablingAndDisablingSMB1IsSeenByEveryView() {
        let output = run("Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart",
                         "(Get-SmbServerConfiguration).EnableSMB1Protocol",
                         "Get-ItemPropertyValue \(Self.server) -Name SMB1",
                         "\"$((Get-Service mrxsmb10).Status)\"",
                         "Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart | Out-Null",
                         "(Get-SmbServerConfiguration).EnableSMB1Protocol",
                         "Get-ItemPropertyValue \(Self.server) -Name SMB1",
                         "Test-Path HKLM:\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10")
        #expect(output == "\n\nPath          : \nOnline        : True\nRestartNeeded : True\n\n\n\nTrue\n1\nRunning\nFalse\n0\nFalse\n")
    }

    @Test func scConfigDisablesTheSMB1ClientDriverInTheRegistryAndGetService() {
        let output = run("Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart | Out-Null",
                         "sc.exe config mrxsmb10 start= disabled",
                         "$LASTEXITCODE",
                         "(Get-ItemProperty HKLM:\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10).Start",
                         "\"$((Get-Service mrxsmb10).StartType)\"")
        #expect(output == "[SC] ChangeServiceConfig SUCCESS\n0\n4\nDisabled\n")
    }

    @Test func serverFeaturesShareTheStateAndClientsRefuseThem() {
        let output = run("Install-WindowsFeature FS-SMB1 -WarningAction SilentlyContinue | Out-Null",
                         "(Get-WindowsFeature FS-SMB1).InstallState",
                         "(Get-SmbServerConfiguration).EnableSMB1Protocol",
                         "Remove-WindowsFeature FS-SMB1 -WarningAction SilentlyContinue | Out-Null",
                         "(Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol-Server).State",
                         "(Get-SmbServerConfiguration).EnableSMB1Protocol", profile: "WindowsServer2022")
        #expect(output == "Installed\nTrue\nDisabled\nFalse\n")
        let client = run("try { Get-WindowsFeature } catch { $_.Exception.Message }")
        #expect(client == "The target of the specified cmdlet cannot be a Windows client-based operating system.\n")
    }

    @Test func getWindowsFeatureShowsServerManagersTree() {
        let output = run("Get-WindowsFeature FS-SMB1*", profile: "WindowsServer2025")
        #expect(output.contains("""
            Display Name                                            Name                       Install State
            ------------                                            ----                       -------------
            [ ] SMB 1.0/CIFS File Sharing Support                   FS-SMB1                        Available
                [ ] SMB 1.0/CIFS Client                             FS-SMB1-CLIENT                 Available
            """))
    }
}
