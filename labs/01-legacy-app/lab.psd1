# Lab 1: Windows 11 24H2 broke the legacy order client.
# A data file: read by Start-Lab, never run; only the Check blocks run, on Test-Lab.
@{
    Title       = '24H2 broke the legacy app'
    Description = 'The order client on this PC writes every order to \\APPSRV\mailslot\orders. Since the upgrade to Windows 11 24H2 no order arrives. Find out why, apply the temporary workaround, verify it, and undo it.'
    OSProfile   = 'Windows11-24H2'

    Hosts = @(
        @{ Name = 'APPSRV'; OSProfile = 'WindowsServer2022'; Mailslots = @('orders') }
    )
    Lmhosts = @(
        '{APPSRV}    APPSRV    #PRE    # the order server'
    )
    Workloads = @(
        @{ Name = 'OrderClient'; Kind = 'LineOfBusiness'; Target = '\\APPSRV\mailslot\orders'; Message = 'ORDER'; IntervalMilliseconds = 500 }
    )

    Tasks = @(
        @{
            Title = 'Diagnose: store the Win32 error code the order client logs in $ErrorCode'
            Hint  = 'Get-LabEvent -Source OrderClient -Newest 1 shows Result, ErrorCode and Message; then $ErrorCode = <the number>.'
            Check = { $ErrorCode -eq 3025 }
        }
        @{
            Title = 'Re-enable outbound remote mailslots temporarily so the order client works again'
            Hint  = 'The order client writes OUT of this PC: that is the SMB client side. Set-SmbClientConfiguration -EnableMailslots $true (the server side, Set-SmbServerConfiguration, only governs what this PC receives).'
            Check = { @(Get-LabEvent -Source OrderClient -Result Success).Count -gt 0 }
        }
        @{
            Title = 'Verify that APPSRV received orders'
            Hint  = 'Get-LabHost APPSRV shows MessagesWaiting; Invoke-LegacyMailslotApp OrderClient writes one order now.'
            Check = { (Get-LabHost APPSRV).MessagesWaiting -gt 0 }
        }
        @{
            Title = 'Disable remote mailslots again: the workaround is temporary'
            Hint  = 'Set-SmbClientConfiguration -EnableMailslots $false -Force (or Reset-SmbClientConfiguration -EnableMailslots -Force), after the orders got through.'
            Check = { ((Get-SmbClientConfiguration).EnableMailslots -eq $false) -and (@(Get-LabEvent -Source OrderClient -Result Success).Count -gt 0) }
        }
    )
}
