import ShellTestSupport
import Testing
@testable import ShellEngine

/// Calls of the SmbShare configuration cmdlets copied from public hardening and administration
/// scripts (the source of each is named beside it; "unnamed" means the code index returned the
/// file without its repository). Each must bind, prompt, change and read back, or fail, as it
/// would on Windows Server 2025 (profile WindowsServer2025, defaults of that release).
@Suite struct SmbShareRealWorldTests {

    struct Call: Sendable, CustomTestStringConvertible {
        let source: String
        let lines: [String]
        let answers: [String]
        let expected: String
        var testDescription: String { lines.first ?? source }

        init(_ source: String, _ lines: [String], answers: [String] = [], _ expected: String) {
            self.source = source
            self.lines = lines
            self.answers = answers
            self.expected = expected
        }
    }

    /// The prompt Set-/Reset-SmbServerConfiguration shows before a change, answered with `answer`.
    static func prompt(_ target: String, _ answer: String) -> String {
        "\nConfirm\nAre you sure you want to perform this action?\n"
            + "Performing operation 'Modify' on Target 'SMB \(target) Configuration'.\n"
            + "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): \(answer)\n"
    }
    static func server(_ answer: String = "Y") -> String { prompt("Server", answer) }
    static func client(_ answer: String = "Y") -> String { prompt("Client", answer) }

    static let calls: [Call] = [
        // mttmm/Powershell Operational/Disable_SMBv1.ps1
        Call("mttmm/Powershell Operational/Disable_SMBv1.ps1",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol $False -Force", "(Get-SmbServerConfiguration).EnableSMB1Protocol"],
             "False\n"),
        Call("mttmm/Powershell Operational/Disable_SMBv1.ps1",
             ["$r = Get-SmbServerConfiguration | select enablesmb1protocol", "$r.PSObject.Properties.Name", "$r.EnableSMB1Protocol"],
             "EnableSMB1Protocol\nFalse\n"),
        // devil8ball/sysadmin Windows/Scripts/Security/disable-smb1.ps1
        Call("devil8ball/sysadmin Windows/Scripts/Security/disable-smb1.ps1",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force", "$?"], "True\n"),
        // TUTARI-LATAM/Powershell-Internal-Scripts SMB2Enable.ps1 (no -Force: the prompt appears)
        Call("TUTARI-LATAM/Powershell-Internal-Scripts SMB2Enable.ps1",
             ["Set-SmbServerConfiguration -EnableSMB2Protocol $true", "(Get-SmbServerConfiguration).EnableSMB2Protocol"],
             answers: ["Y"], server() + "True\n"),
        Call("TUTARI-LATAM/Powershell-Internal-Scripts SMB2Enable.ps1",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol $false", "(Get-SmbServerConfiguration).EnableSMB1Protocol"],
             answers: ["N"], server("N") + "False\n"),
        // sdaaish/MyModule MyModule/Public/Disable-SMBv1.ps1
        Call("sdaaish/MyModule MyModule/Public/Disable-SMBv1.ps1",
             ["$r = Get-SmbServerConfiguration | Select EnableSMB1Protocol, EnableSMB2Protocol",
              "\"$($r.EnableSMB1Protocol) $($r.EnableSMB2Protocol)\"", "$r.PSObject.Properties.Name -join ','"],
             "False True\nEnableSMB1Protocol,EnableSMB2Protocol\n"),
        // microsoft/WindowsProtocolTestSuites TestSuites/FileServer/Setup/Scripts/Set-RequireSigning.ps1
        Call("microsoft/WindowsProtocolTestSuites TestSuites/FileServer/Setup/Scripts/Set-RequireSigning.ps1",
             ["Set-SmbServerConfiguration -RequireSecuritySignature $true -Confirm:$false",
              "(Get-SmbServerConfiguration).RequireSecuritySignature"], "True\n"),
        // unnamed: community remediation script ("Disables SMBv1 via registry key", remediate-fastboot.ps1 header)
        Call("unnamed remediate script: Set-SmbServerConfiguration -EnableSMB1Protocol 0",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol 0", "(Get-SmbServerConfiguration).EnableSMB1Protocol"],
             answers: [""], server("") + "False\n"),
        // unnamed: "6.1 - Setting Up and Securing your SMB file Server" (splatted hashtables)
        Call("unnamed cookbook 6.1: $CHT splat",
             ["$CHT = @{\n  EnableSMB1Protocol = $false \n  Confirm            = $false\n}", "Set-SmbServerConfiguration @CHT", "$?"],
             "True\n"),
        Call("unnamed cookbook 6.1: $SHT1 splat",
             ["$SHT1 = @{\n    RequireSecuritySignature = $true\n    EnableSecuritySignature  = $true\n    EncryptData              = $true\n    Confirm                  = $false\n}",
              "Set-SmbServerConfiguration @SHT1",
              "$c = Get-SmbServerConfiguration; \"$($c.RequireSecuritySignature) $($c.EnableSecuritySignature) $($c.EncryptData)\""],
             "True True True\n"),
        Call("unnamed cookbook 6.1: $SHT2 splat",
             ["$SHT2 = @{\n    AutoShareServer       = $false\n    AutoShareWorkstation  = $false\n    Confirm               = $false\n}",
              "Set-SmbServerConfiguration @SHT2",
              "$c = Get-SmbServerConfiguration; \"$($c.AutoShareServer) $($c.AutoShareWorkstation)\""],
             "False False\n"),
        Call("unnamed cookbook 6.1: $SHT3 splat",
             ["$SHT3 = @{\n    ServerHidden   = $true\n    AnnounceServer = $false\n    Confirm        = $false\n}",
              "Set-SmbServerConfiguration @SHT3",
              "$c = Get-SmbServerConfiguration; \"$($c.ServerHidden) $($c.AnnounceServer)\""],
             "True False\n"),
        // unnamed: "Recipe 11-1 - Secure SMB Server" (backtick continuations)
        Call("unnamed recipe 11-1: multi-line with backticks",
             ["Set-SmbServerConfiguration -RequireSecuritySignature $true `\n                           -EnableSecuritySignature $true `\n                           -EncryptData $true `\n                           -Confirm:$false",
              "(Get-SmbServerConfiguration).EncryptData"], "True\n"),
        Call("unnamed recipe 11-1: undo block",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol $true `\n                           -RequireSecuritySignature $false `\n                           -EnableSecuritySignature $false `\n                           -EncryptData $False `\n                           -AutoShareServer $true `\n                           -AutoShareWorkstation $false `\n                           -ServerHidden $False `\n                           -AnnounceServer $True",
              "$c = Get-SmbServerConfiguration; \"$($c.EnableSMB1Protocol) $($c.AnnounceServer) $($c.ServerHidden)\""],
             answers: ["y"], server("y") + "True True False\n"),
        // Dudcom/Light-Weight-WMI-C2 pushsys/scripts/win-main/win-main/modules/Iamkms.ps1
        Call("Dudcom/Light-Weight-WMI-C2 pushsys/scripts/win-main/win-main/modules/Iamkms.ps1",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force | Out-Null", "'done'"], "done\n"),
        // unnamed: "Server 2012, Windows 8 and later support SMB encryption."
        Call("unnamed SMB encryption notes: -EncryptData $True",
             ["Set-SmbServerConfiguration -EncryptData $True", "(Get-SmbServerConfiguration).EncryptData"],
             answers: ["Y"], server() + "True\n"),
        Call("unnamed SMB encryption notes: -RejectUnencryptedAccess $False",
             ["Set-SmbServerConfiguration -RejectUnencryptedAccess $False", "(Get-SmbServerConfiguration).RejectUnencryptedAccess"],
             answers: ["A"], server("A") + "False\n"),
        Call("unnamed SMB encryption notes: -EnableSMB2Protocol $False",
             ["Set-SmbServerConfiguration -EnableSMB2Protocol $False", "(Get-SmbServerConfiguration).EnableSMB2Protocol"],
             answers: ["yes"], server("yes") + "False\n"),
        // Cipher-Daemon/Windows Auditing/SMBv1.md (an en dash before the parameter name, as published)
        Call("Cipher-Daemon/Windows Auditing/SMBv1.md",
             ["Set-SmbServerConfiguration \u{2013}AuditSmb1Access $true", "(Get-SmbServerConfiguration).AuditSmb1Access"],
             answers: ["Y"], server() + "True\n"),
        // unnamed: SMB1 audit monitoring script ($i = (Get-SmbServerConfiguration).AuditSMB1Access ...)
        Call("unnamed SMB1 audit monitor",
             ["$i = (Get-SmbServerConfiguration).AuditSMB1Access",
              "if ($i -eq $True){\n  Write-Host \"SMB Audit Enabled is $($i)\"\n}else{\n  Set-SmbServerConfiguration \u{2013}AuditSmb1Access $true -Force\n}",
              "(Get-SmbServerConfiguration).AuditSMB1Access"], "True\n"),
        // unnamed: SMB guest access notes (client, prompts)
        Call("unnamed SMB guest notes: -RequireSecuritySignature $false",
             ["Set-SmbClientConfiguration -RequireSecuritySignature $false", "(Get-SmbClientConfiguration).RequireSecuritySignature"],
             answers: ["Y"], client() + "False\n"),
        Call("unnamed SMB guest notes: -EnableInsecureGuestLogons $true",
             ["Set-SmbClientConfiguration -EnableInsecureGuestLogons $true", "(Get-SmbClientConfiguration).EnableInsecureGuestLogons"],
             answers: ["Y"], client() + "True\n"),
        // unnamed: performance tuning script ("Write-Output \"SMB\"" then Set-ItemProperty lines)
        Call("unnamed tuning: -EnableMultiChannel $true -Force (server)",
             ["Set-SmbServerConfiguration -EnableMultiChannel $true -Force", "(Get-SmbServerConfiguration).EnableMultiChannel"], "True\n"),
        Call("unnamed tuning: -MaxChannelPerSession 16 -Force",
             ["Set-SmbServerConfiguration -MaxChannelPerSession 16 -Force", "(Get-SmbServerConfiguration).MaxChannelPerSession",
              "(Get-SmbServerConfiguration).MaxChannelPerSession.GetType().Name"], "16\nUInt32\n"),
        Call("unnamed tuning: -ServerHidden $False -AnnounceServer $False -Force",
             ["Set-SmbServerConfiguration -ServerHidden $False -AnnounceServer $False -Force",
              "$c = Get-SmbServerConfiguration; \"$($c.ServerHidden) $($c.AnnounceServer)\""], "False False\n"),
        Call("unnamed tuning: -EnableLeasing $false -Force",
             ["Set-SmbServerConfiguration -EnableLeasing $false -Force", "(Get-SmbServerConfiguration).EnableLeasing"], "False\n"),
        Call("unnamed tuning: -EnableLargeMtu $true -Force (client)",
             ["Set-SmbClientConfiguration -EnableLargeMtu $true -Force", "(Get-SmbClientConfiguration).EnableLargeMtu"], "True\n"),
        Call("unnamed tuning: -EnableMultiChannel $true -Force (client)",
             ["Set-SmbClientConfiguration -EnableMultiChannel $true -Force", "(Get-SmbClientConfiguration).EnableMultiChannel"], "True\n"),
        // yellowpluto/Layer-8-PowerShell-Administration Scripts/SMBv1Off.ps1
        Call("yellowpluto/Layer-8-PowerShell-Administration Scripts/SMBv1Off.ps1",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force",
              "$test = (Get-SmbServerConfiguration).EnableSMB1Protocol ",
              "if($test -eq $false){\n    Write-Host \"Success\"\n} else {\n    Write-Host \"Failure\"\n}"], "Success\n"),
        // patrickolvera/Scripts Powershell/Disable_SMBv1_on_Windows_Servers.ps1
        Call("patrickolvera/Scripts Powershell/Disable_SMBv1_on_Windows_Servers.ps1",
             ["$SMB2ProtocolEnabled = (Get-SmbServerConfiguration).EnableSMB2Protocol",
              "if ($SMB2ProtocolEnabled) { 'SMB2 on' }"], "SMB2 on\n"),
        // unnamed: function Test-SMB1Enabled (Where-Object -FilterScript)
        Call("unnamed Test-SMB1Enabled",
             ["if (Get-SMBServerConfiguration | Where-Object -FilterScript { $_.EnableSMB1Protocol -eq $true }) { 'SMB1 is Enabled' }\nelseif (Get-SMBServerConfiguration | Where-Object -FilterScript { $_.EnableSMB1Protocol -eq $false }) { 'SMB1 is Disabled' }"],
             "SMB1 is Disabled\n"),
        // MicrosoftDocs/windows-powershell-docs docset/winserver2012-ps/smbshare/Set-SmbClientConfiguration.md, example 1
        Call("MicrosoftDocs Set-SmbClientConfiguration example",
             ["Set-SmbClientConfiguration -ConnectionCountPerRssNetworkInterface 8",
              "(Get-SmbClientConfiguration).ConnectionCountPerRssNetworkInterface"], answers: ["Y"], client() + "8\n"),
        // MicrosoftDocs/windows-powershell-docs docset/winserver2025-ps/smbshare/Reset-SmbClientConfiguration.md
        Call("MicrosoftDocs Reset-SmbClientConfiguration example",
             ["Set-SmbClientConfiguration -EnableLargeMtu $false -Force", "Reset-SmbClientConfiguration -EnableLargeMtu -Confirm:$false",
              "(Get-SmbClientConfiguration).EnableLargeMtu"], "True\n"),
        // MicrosoftDocs/windows-powershell-docs docset/winserver2025-ps/smbshare/Reset-SmbServerConfiguration.md
        Call("MicrosoftDocs Reset-SmbServerConfiguration example",
             ["Set-SmbServerConfiguration -RejectUnencryptedAccess $false -Force",
              "Reset-SmbServerConfiguration -RejectUnencryptedAccess -Confirm:$false",
              "(Get-SmbServerConfiguration).RejectUnencryptedAccess"], "True\n"),
        // MicrosoftDocs/windowsserverdocs WindowsServerDocs/storage/file-server/manage-smb-dialects.md
        Call("MicrosoftDocs manage-smb-dialects.md",
             ["Set-SmbServerConfiguration -Smb2DialectMax SMB311 -Smb2DialectMin SMB300",
              "$c = Get-SmbServerConfiguration; \"$($c.Smb2DialectMin)..$($c.Smb2DialectMax)\"",
              "$c.Smb2DialectMin.GetType().Name"], answers: ["Y"], server() + "SMB300..SMB311\nSmb2DialectMin\n"),
        // unnamed: NTLM-blocking lint examples ("# https://learn.microsoft.com/.../smb-ntlm-blocking")
        Call("unnamed smb-ntlm-blocking examples: lower-case names, -Smb2DialectMin None",
             ["Set-SmbServerConfiguration -Smb2DialectMin None -encryptdata $false -rejectunencryptedaccess $false -Force",
              "$c = Get-SmbServerConfiguration; \"$($c.Smb2DialectMin) $($c.EncryptData) $($c.RejectUnencryptedAccess)\""],
             "None False False\n"),
        Call("unnamed smb-ntlm-blocking examples: Set-SMbClientConfiguration -BlockNTLM ... -Smb2DialectMin SMB210",
             ["Set-SMbClientConfiguration -BlockNTLM $false -RequireEncryption $false -Smb2DialectMin SMB210 -Force",
              "(Get-SmbClientConfiguration).Smb2DialectMin"], "SMB210\n"),
        Call("unnamed smb-ntlm-blocking examples: -BlockNTLM $true",
             ["Set-SMbClientConfiguration -BlockNTLM $true ", "(Get-SmbClientConfiguration).BlockNTLM"],
             answers: ["Y"], client() + "True\n"),
        // unnamed: 2025 hardening script ("Written by Logan Bennett")
        Call("unnamed 2025 hardening: SMB1 off, SMB2 on, QUIC off",
             ["Set-SmbServerConfiguration -EnableSMB1Protocol $False -EnableSMB2Protocol $True -EnableSMBQUIC $False",
              "(Get-SmbServerConfiguration).EnableSMBQUIC"], answers: ["Y"], server() + "False\n"),
        Call("unnamed 2025 hardening: EncryptionCiphers",
             ["Set-SmbServerConfiguration -EncryptionCiphers 'AES_128_GCM, AES_256_GCM' -Confirm:$false",
              "(Get-SmbServerConfiguration).EncryptionCiphers"], "AES_128_GCM, AES_256_GCM\n"),
        Call("unnamed 2025 hardening: audit switches",
             ["Set-SmbServerConfiguration -AuditInsecureGuestLogon $True -AuditClientDoesNotSupportEncryption $True -AuditSmb1Access $True -AuditClientDoesNotSupportSigning $True -Force",
              "$c = Get-SmbServerConfiguration; \"$($c.AuditInsecureGuestLogon) $($c.AuditClientDoesNotSupportSigning)\""],
             "True True\n"),
        Call("unnamed 2025 hardening: client turns off mailslots",
             ["Set-SmbClientConfiguration -EnableMailslots $False", "(Get-SmbClientConfiguration).EnableMailslots"],
             answers: ["Y"], client() + "False\n"),
        Call("unnamed 2025 hardening: RequireSecuritySignature $True (client)",
             ["Set-SmbClientConfiguration -RequireSecuritySignature $True -Force", "(Get-SmbClientConfiguration).RequireSecuritySignature"],
             "True\n"),
    ]

    @Test(arguments: calls)
    func bindsAsOnWindowsServer2025(_ call: Call) {
        let output = run(call.lines.joined(separator: "\n"), answers: call.answers, profile: "WindowsServer2025")
        #expect(output == call.expected, "\(call.source)")
    }

    /// The audit monitor as stored with its en dash decoded as Windows-1252 (`â€“`): U+201C is a
    /// double quote to PowerShell, so the line does not parse on Windows either, and nothing changes.
    @Test func misDecodedDashIsAParseError() {
        let output = run("Set-SmbServerConfiguration \u{E2}\u{20AC}\u{201C}AuditSmb1Access $true -Force",
                         "(Get-SmbServerConfiguration).AuditSmb1Access", profile: "WindowsServer2025")
        #expect(output.contains("The string is missing the terminator: \".\n"))
        #expect(output.contains("    + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString\n"))
        #expect(output.hasSuffix(" \nFalse\n"))
    }

    @Test func atLeastThirtyDistinctCalls() {
        #expect(Set(Self.calls.map { $0.lines.joined(separator: "\n") }).count >= 30)
    }
}
