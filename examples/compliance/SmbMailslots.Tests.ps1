# Compliance checks for the SMB remote-mailslot deprecation (Windows 11 24H2 / Server 2025).
# Run with:  Invoke-Pester .\SmbMailslots.Tests.ps1
# Every check passes on a 24H2 host with its defaults; on 23H2 mailslots cannot be switched off,
# SMB1 is still on and signing is not required.

Describe 'Remote mailslots' {
    Context 'SMB client' {
        It 'remote mailslots are off' {
            (Get-SmbClientConfiguration).EnableMailslots | Should Be $false
        }
    }
    Context 'SMB server' {
        It 'remote mailslots are off' {
            (Get-SmbServerConfiguration).EnableMailslots | Should Be $false
        }
    }
}

Describe 'SMB hardening' {
    BeforeAll {
        $server = Get-SmbServerConfiguration
        $client = Get-SmbClientConfiguration
    }
    It 'SMB1 is disabled' {
        $server.EnableSMB1Protocol | Should Be $false
    }
    It 'the <Side> requires signing' -TestCases @(
        @{ Side = 'client'; Required = 'Client' }
        @{ Side = 'server'; Required = 'Server' }
    ) {
        param($Side, $Required)
        $configuration = if ($Required -eq 'Client') { $client } else { $server }
        $configuration.RequireSecuritySignature | Should -BeTrue
    }
}

Describe 'Remediation' {
    # The fix a scheduled task would apply; the mocks keep the test from changing the host.
    function Disable-RemoteMailslots {
        if ((Get-SmbClientConfiguration).EnableMailslots -eq $true) {
            Set-SmbClientConfiguration -EnableMailslots $false -Force
        }
    }
    Mock Set-SmbClientConfiguration { } -Verifiable -ParameterFilter { $EnableMailslots -eq $false }

    It 'leaves a compliant host alone' {
        Mock Get-SmbClientConfiguration { [pscustomobject]@{ EnableMailslots = $false } }
        Disable-RemoteMailslots
        Assert-MockCalled Set-SmbClientConfiguration -Times 0 -Exactly -Scope It
    }

    Context 'a host with remote mailslots on' {
        Mock Get-SmbClientConfiguration { [pscustomobject]@{ EnableMailslots = $true } }

        It 'switches them off' {
            Disable-RemoteMailslots
            Assert-MockCalled Set-SmbClientConfiguration -Times 1 -Exactly -Scope It
            Assert-VerifiableMocks
        }
    }
}
