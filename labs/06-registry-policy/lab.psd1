# Lab 6: the registry is the configuration. A PC whose Group Policy disables remote mailslots; the
# learner turns them on the way old scripts do, through the registry, and sees the policy win.
# A data file: read by Start-Lab, never run; only the Check blocks run, on Test-Lab.
@{
    Title       = 'The registry behind Set-SmbClientConfiguration, and the policy above it'
    Description = 'An old deployment script turns outbound remote mailslots on with reg.exe instead of Set-SmbClientConfiguration. On this Windows 11 24H2 PC a Group Policy disables them. Write the local value through the registry, see which value decides, then remove the policy value and see the local one take effect.'
    OSProfile   = 'Windows11-24H2'

    GroupPolicy = @{
        Client = @{ EnableMailslots = 0 }
    }

    Tasks = @(
        @{
            Title = 'Turn outbound remote mailslots on through the registry only: the local value the SMB client (MUP) reads, set to 1'
            Hint  = 'The client setting lives under HKLM:\SYSTEM\CurrentControlSet\Services\Mup\Parameters, value EnableMailslots (DWORD). reg add HKLM\SYSTEM\CurrentControlSet\Services\Mup\Parameters /v EnableMailslots /t REG_DWORD /d 1 /f, or Set-ItemProperty. Not LanmanWorkstation\Parameters.'
            Check = { (Get-ItemProperty HKLM:\SYSTEM\CurrentControlSet\Services\Mup\Parameters -ErrorAction SilentlyContinue).EnableMailslots -eq 1 }
        }
        @{
            Title = 'Find what decides now: store the Source of the client EnableMailslots in $Winner and its effective value in $Effective'
            Hint  = 'Get-SmbConfigurationSource -Name EnableMailslots -Side Client shows Source and Value; (Get-SmbClientConfiguration).EnableMailslots is the effective value. The policy key is HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider.'
            Check = { $Winner -eq 'GroupPolicy' -and $Effective -eq $false }
        }
        @{
            Title = 'Remove the policy value through the registry, so the local value you wrote takes effect'
            Hint  = 'Remove-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider -Name EnableMailslots (or reg delete ... /v EnableMailslots /f). Then Get-SmbClientConfiguration shows True, source Local.'
            Check = { (Get-SmbClientConfiguration).EnableMailslots -eq $true -and (Get-SmbConfigurationSource -Name EnableMailslots -Side Client).Source -eq 'Local' }
        }
    )
}
