import Foundation
import ShellTestSupport
import Testing
import SMBPolicy
@testable import ShellEngine

/// The common surface of the six SmbShare configuration cmdlets: -Verbose shows the registry
/// values written, -WhatIf changes nothing, -CimSession, -AsJob, -ThrottleLimit, and the profile
/// cmdlet and its help.
@Suite struct SmbShareCmdletTests {
    static let nouns = ["SmbClientConfiguration", "SmbServerConfiguration"]

    /// Runs lines in one engine; returns the text per stream and whether the state file exists.
    static func session(_ lines: [String], answers: [String] = [], profile: String = "WindowsServer2025")
        -> (host: RecordingHost, stateSaved: Bool)
    {
        let (engine, host, folder) = makeEngine(RecordingHost(answers: answers), profile: profile)
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        for line in lines { _ = engine.execute(line) }
        return (host, FileManager.default.fileExists(atPath: folder + "/" + PolicyStore.fileName))
    }

    @Test func verboseSetShowsRegistryValuesAndRebootNote() {
        let (host, _) = Self.session(["Set-SmbServerConfiguration -EnableMailslots $true -Force -Verbose",
                                      "Set-SmbClientConfiguration -KeepConn 5 -RequireSecuritySignature $false -Force -Verbose"])
        #expect(host.text(of: .verbose) == """
            VERBOSE: Performing operation 'Modify' on Target 'SMB Server Configuration'.
            VERBOSE: Registry: HKLM\\SYSTEM\\CurrentControlSet\\Services\\Bowser\\Parameters\\EnableMailslots = REG_DWORD 0x1
            VERBOSE: A restart of the computer is required for this change to take effect.
            VERBOSE: Performing operation 'Modify' on Target 'SMB Client Configuration'.
            VERBOSE: Registry: HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters\\KeepConn = REG_DWORD 0x5
            VERBOSE: Registry: HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanWorkstation\\Parameters\\RequireSecuritySignature = REG_DWORD 0x0

            """)
        #expect(host.text(of: .output).isEmpty)
    }

    @Test func verboseResetShowsTheDefaultWrittenBack() {
        let (host, _) = Self.session(["Set-SmbServerConfiguration -EnableMailslots $true -Force",
                                      "Reset-SmbServerConfiguration -EnableMailslots -Confirm:$false -Verbose"])
        #expect(host.text(of: .verbose).contains(
            "VERBOSE: Registry: HKLM\\SYSTEM\\CurrentControlSet\\Services\\Bowser\\Parameters\\EnableMailslots = REG_DWORD 0x0"))
        #expect(host.text(of: .verbose).contains("VERBOSE: A restart of the computer is required for this change to take effect.\n"))
    }

    @Test func withoutVerboseNothingIsSaidAboutTheRegistry() {
        let (host, saved) = Self.session(["Set-SmbServerConfiguration -EnableMailslots $true -Force"])
        #expect(host.text.isEmpty)
        #expect(saved)
    }

    @Test(arguments: ["Set-SmbClientConfiguration -KeepConn 5", "Set-SmbServerConfiguration -EnableMailslots $true",
                      "Reset-SmbClientConfiguration -All", "Reset-SmbServerConfiguration -EnableMailslots"])
    func whatIfChangesNothing(_ command: String) {
        let noun = command.contains("Client") ? "Client" : "Server"
        let (host, saved) = Self.session([command + " -WhatIf -Verbose", "(Get-Smb\(noun)Configuration).KeepConn",
                                          "(Get-Smb\(noun)Configuration).EnableMailslots"])
        let keepConn = noun == "Client" ? "600\n" : ""
        #expect(host.text == "What if: Performing operation 'Modify' on Target 'SMB \(noun) Configuration'.\n"
                + keepConn + "False\n")
        #expect(!saved, "-WhatIf saved the state")
    }

    @Test(arguments: ["localhost", "LOCALHOST", ".", "127.0.0.1", "TESTHOST", "testhost"])
    func cimSessionToThisComputerWorks(_ name: String) {
        let (host, _) = Self.session([
            "Set-SmbClientConfiguration -KeepConn 7 -Force -CimSession \(name)",
            "(Get-SmbClientConfiguration -CimSession \(name)).KeepConn",
            "Reset-SmbClientConfiguration -KeepConn -Force -Session \(name)",
            "(Get-SmbClientConfiguration -Session \(name)).KeepConn",
        ])
        #expect(host.text == "7\n600\n")
    }

    @Test(arguments: ["$null", "@()"])
    func cimSessionMustNotBeEmpty(_ argument: String) {
        let (host, _) = Self.session([
            "try { Get-SmbClientConfiguration -CimSession \(argument) } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }"])
        #expect(host.text == """
            ParameterArgumentValidationError,Get-SmbClientConfiguration
            Cannot validate argument on parameter 'CimSession'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.

            """)
    }

    @Test func colonFormsAndNumbersBindAsOnWindows() {
        let (host, _) = Self.session([
            "Set-SmbServerConfiguration -EnableSMB1Protocol:$true -EncryptData:1 -MaxMpxCount:'64' -Confirm:$false",
            "$c = Get-SmbServerConfiguration; \"$($c.EnableSMB1Protocol) $($c.EncryptData) $($c.MaxMpxCount)\"",
            "Set-SmbServerConfiguration -MaxMpxCount 2.5 -Force; (Get-SmbServerConfiguration).MaxMpxCount",
            "try { Set-SmbServerConfiguration -EnableSMB1Protocol 'false' -Force } catch { $_.Exception.Message }",
            "try { Set-SmbServerConfiguration -EnableSMB1Protocol $null -Force } catch { $_.Exception.Message }",
        ])
        #expect(host.text == """
            True True 64
            2
            Cannot process argument transformation on parameter 'EnableSMB1Protocol'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.
            Cannot process argument transformation on parameter 'EnableSMB1Protocol'. Cannot convert value "" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.

            """)
    }

    @Test(arguments: ["Get-SmbClientConfiguration", "Set-SmbClientConfiguration -KeepConn 7 -Force",
                      "Reset-SmbServerConfiguration -All -Force", "Get-SmbServerConfiguration"])
    func cimSessionToAnotherComputerFailsClearly(_ command: String) {
        let name = String(command.prefix { $0 != " " })
        let (host, saved) = Self.session([
            "try { \(command) -CimSession OTHERPC } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.CategoryInfo.TargetName; $_.Exception.Message }",
            "(Get-SmbClientConfiguration).KeepConn",
        ])
        #expect(host.text == """
            HRESULT 0x80338126,\(name)
            ConnectionError
            OTHERPC
            WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer. By default, the WinRM firewall exception for public profiles limits access to remote computers within the same local subnet. 
            600

            """)
        #expect(!saved)
    }

    @Test(arguments: ["Get-SmbClientConfiguration", "Set-SmbClientConfiguration -KeepConn 7 -Force",
                      "Reset-SmbClientConfiguration -KeepConn -Force", "Get-SmbServerConfiguration",
                      "Set-SmbServerConfiguration -EnableMailslots $true -Force", "Reset-SmbServerConfiguration -All -Force"])
    func asJobFailsClearlyAndThrottleLimitIsAccepted(_ command: String) {
        let name = String(command.prefix { $0 != " " })
        let (host, _) = Self.session([
            "try { \(command) -AsJob } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
            "(Get-SmbClientConfiguration).KeepConn",
            "\(command) -ThrottleLimit 4 | Out-Null; $?",
            "try { \(command) -ThrottleLimit four } catch { $_.Exception.Message }",
        ])
        #expect(host.text == """
            AsJobNotSupported,\(name)
            The -AsJob parameter is not supported: background jobs are not available in this shell.
            600
            True
            Cannot process argument transformation on parameter 'ThrottleLimit'. Cannot convert value "four" to type "System.Int32". Error: "Input string was not in a correct format."

            """)
    }

    @Test(arguments: nouns)
    func getNeverPrompts(_ noun: String) {
        let (host, _) = Self.session(["(Get-\(noun) -Confirm).EnableMailslots"], answers: ["N"])
        #expect(host.text == "False\n")
    }

    @Test(arguments: nouns)
    func resetPromptsLikeSet(_ noun: String) {
        let target = noun.contains("Client") ? "Client" : "Server"
        let (host, saved) = Self.session(["Reset-\(noun) -All"], answers: ["N"])
        #expect(host.text == "\nConfirm\nAre you sure you want to perform this action?\n"
                + "Performing operation 'Modify' on Target 'SMB \(target) Configuration'.\n"
                + "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): N\n")
        #expect(!saved)
    }

    @Test func objectsShowTheSamePropertiesEverywhere() {
        let (host, _) = Self.session([
            "$c = Get-SmbServerConfiguration",
            "$names = $c.PSObject.Properties.Name",
            "($c | Get-Member -MemberType Property).Count -eq $names.Count",
            "($c | Select-Object *).PSObject.Properties.Name.Count -eq $names.Count",
            "$c.PSObject.TypeNames[0]",
            "($c | Get-Member -Name MaxMpxCount).Definition",
        ])
        #expect(host.text == """
            True
            True
            Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/SMB/MSFT_SmbServerConfiguration
            uint32 MaxMpxCount {get;set;}

            """)
    }

    @Test(arguments: OSProfile.allCases)
    func shellProfileReportsTheActiveProfile(_ profile: OSProfile) {
        let (host, _) = Self.session(["$p = Get-SmbShellProfile", "$p.Name", "$p.DisplayName", "$p.RemoteMailslotsGated"],
                                     profile: profile.rawValue)
        #expect(host.text == "\(profile.rawValue)\n\(profile.displayName)\n\(profile.gatesRemoteMailslots ? "True" : "False")\n")
    }

    @Test func shellProfileIsDocumented() {
        let (host, _) = Self.session(["Get-Help Get-SmbShellProfile -Full"])
        let help = host.text.replacingOccurrences(of: "\n    ", with: " ")
        for name in OSProfile.allCases.map(\.rawValue) + ["SMBCONFIG_OS_PROFILE", "EnableMailslots", "banner"] {
            #expect(help.contains(name), "Get-Help Get-SmbShellProfile does not mention \(name)")
        }
        #expect(host.text.contains("Get-SmbShellProfile\n"))
        #expect(host.text.contains("(Get-SmbShellProfile).RemoteMailslotsGated"))
    }
}
