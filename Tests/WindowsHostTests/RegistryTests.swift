import FoundationEssentials
import EmulatedHost
import SMBPolicy
import ShellTestSupport
import Testing

/// The registry provider over the emulated host's one registry, in a real state folder.
@Suite struct RegistryTests {
    static let server = #"HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters"#

    @Test func theClassicRegistryWayToTurnSMB1OffIsSeenByTheCmdlet() {
        let output = run("Set-SmbServerConfiguration -EnableSMB1Protocol $true -Force",
                         "(Get-SmbServerConfiguration).EnableSMB1Protocol",
                         "Set-ItemProperty \(Self.server) -Name SMB1 -Value 0",
                         "(Get-SmbServerConfiguration).EnableSMB1Protocol",
                         "(Get-ItemProperty \(Self.server)).SMB1",
                         "Get-ItemPropertyValue \(Self.server) -Name SMB1")
        #expect(output == "True\nFalse\n0\n0\n")
    }

    @Test func theCmdletWritesTheRegistryValue() {
        let output = run("Set-SmbServerConfiguration -EnableSMB2Protocol $false -Force",
                         "Get-ItemPropertyValue \(Self.server) -Name SMB2",
                         "(Get-Item \(Self.server)).GetValueKind('SMB2')")
        #expect(output == "0\nDWord\n")
    }

    @Test func keysAndValuesOfEveryTypeAreCreatedListedAndRemoved() {
        let output = run(#"New-Item HKCU:\Software\Contoso | Out-Null"#,
                         #"New-ItemProperty HKCU:\Software\Contoso -Name S -PropertyType String -Value text | Out-Null"#,
                         #"New-ItemProperty HKCU:\Software\Contoso -Name E -PropertyType ExpandString -Value '%TEMP%' | Out-Null"#,
                         #"New-ItemProperty HKCU:\Software\Contoso -Name B -PropertyType Binary -Value 1,2,255 | Out-Null"#,
                         #"New-ItemProperty HKCU:\Software\Contoso -Name D -PropertyType DWord -Value 7 | Out-Null"#,
                         #"New-ItemProperty HKCU:\Software\Contoso -Name M -PropertyType MultiString -Value a,b | Out-Null"#,
                         #"New-ItemProperty HKCU:\Software\Contoso -Name Q -PropertyType QWord -Value 5000000000 | Out-Null"#,
                         #"$k = Get-Item HKCU:\Software\Contoso; $k.Property -join ','"#,
                         #"'S','E','B','D','M','Q' | ForEach-Object { $k.GetValueKind($_) }"#,
                         #"Remove-ItemProperty HKCU:\Software\Contoso -Name D"#,
                         #"(Get-Item HKCU:\Software\Contoso).Property -join ','"#,
                         #"Remove-Item HKCU:\Software\Contoso"#,
                         #"Test-Path HKCU:\Software\Contoso"#)
        #expect(output == "S,E,B,D,M,Q\nString\nExpandString\nBinary\nDWord\nMultiString\nQWord\nS,E,B,M,Q\nFalse\n")
    }

    @Test func getChildItemShowsTheHiveHeaderAndTheValues() {
        let output = run(#"New-Item HKCU:\Software\Contoso | Out-Null"#,
                         #"Set-ItemProperty HKCU:\Software\Contoso -Name Level -Value 2"#,
                         #"Set-ItemProperty HKCU:\Software\Contoso -Name Owner -Value ops"#,
                         #"Get-ChildItem HKCU:\Software"#)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        #expect(lines.prefix(9) == ["", "", "    Hive: HKEY_CURRENT_USER\\Software", "", "",
                                    "Name                           Property",
                                    "----                           --------",
                                    "Contoso                        Level : 2",
                                    "                               Owner : ops"])
    }

    @Test func errorsAreThoseOf51() {
        let output = run(#"Get-ItemProperty HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters -Name Nope -ErrorAction SilentlyContinue; $Error[0].Exception.Message"#,
                         #"New-Item HKCU:\Software\A\B -ErrorAction SilentlyContinue; $Error[0].Exception.Message"#,
                         #"New-Item HKCU:\Software -ErrorAction SilentlyContinue; $Error[0].Exception.Message"#,
                         #"New-ItemProperty HKCU:\Software -Name X -PropertyType DWord -Value abc -ErrorAction SilentlyContinue; $Error[0].Exception.Message"#,
                         #"Get-Item HKLM:\SOFTWARE\Nothing -ErrorAction SilentlyContinue; $Error[0].Exception.Message"#)
        #expect(output == """
            Property Nope does not exist at path HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters.
            The registry key at the specified path does not exist.
            A key in this path already exists.
            Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."
            Cannot find path 'HKLM:\\SOFTWARE\\Nothing' because it does not exist.

            """)
    }

    @Test func aRegistryWriteOpensTheOutboundMailslotGateAndThePolicyKeyWins() {
        let (engine, _, folder) = makeEngine()
        defer { engine.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        #expect(!engine.mailslotService.policy.outboundRemoteAllowed)
        _ = engine.execute(#"reg add HKLM\SYSTEM\CurrentControlSet\Services\Mup\Parameters /v EnableMailslots /t REG_DWORD /d 1 /f"#)
        #expect(engine.mailslotService.policy.outboundRemoteAllowed)
        _ = engine.execute(#"New-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider -Name EnableMailslots -Value 0 -PropertyType DWord"#)
        #expect(!engine.mailslotService.policy.outboundRemoteAllowed)
        #expect(engine.policySnapshot().entry("EnableMailslots", side: .client)?.localValue == .bool(true))
    }

    @Test func theProviderRootListsTheHives() {
        let output = run("(Get-ChildItem Registry::).Name -join ','", "(Get-Item HKCU:\\).PSParentPath", "Test-Path Registry::")
        #expect(output == "HKEY_LOCAL_MACHINE,HKEY_CURRENT_USER\nMicrosoft.PowerShell.Core\\Registry::\nTrue\n")
    }

    @Test func writesArePersistedInThePolicyFile() throws {
        let (engine, _, folder) = makeEngine()
        defer { engine.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        _ = engine.execute(#"New-Item HKLM:\SOFTWARE\Contoso -Force | Out-Null; Set-ItemProperty HKLM:\SOFTWARE\Contoso -Name Level -Value 3"#)
        let store = PolicyStore(folder: folder, profile: .windows11_24H2)
        let key = try #require(store.load().snapshot.registry.key(#"HKLM\Software\Contoso"#))
        #expect(key.values.map(\.name) == ["Level"] && key.values.first?.data == .dword(3))
    }
}
