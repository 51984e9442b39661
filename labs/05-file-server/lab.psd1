# Lab 5: a file server for the order drop. Windows Server 2025 with a Group Policy that keeps
# inbound remote mailslots off. A data file: read by Start-Lab, never run; only the Check blocks
# run, on Test-Lab.
@{
    Title       = 'The order drop: a share, its permissions, and a policy that wins'
    Description = 'This Windows Server 2025 becomes the order file server: the order clients copy files to \\<this server>\Orders and announce each file to \\.\mailslot\orders on this server. Share the folder with the right permissions, then find out why the announcements are still refused after Set-SmbServerConfiguration, and let them in where the decision is really made.'
    OSProfile   = 'WindowsServer2025'

    Mailslots = @('orders')
    GroupPolicy = @{
        Server = @{ EnableMailslots = 0 }
    }

    Tasks = @(
        @{
            Title = 'Create the folder C:\Orders and share it as Orders'
            Hint  = 'New-Item -ItemType Directory C:\Orders, then New-SmbShare -Name Orders -Path C:\Orders. Get-SmbShare lists the shares (ADMIN$, C$ and IPC$ are the administrative ones).'
            Check = { (Get-SmbShare -Name Orders -ErrorAction SilentlyContinue).Path -eq 'C:\Orders' }
        }
        @{
            Title = 'Let Users change files in Orders and take the default access away from Everyone'
            Hint  = 'A new share grants Everyone Read. Grant-SmbShareAccess -Name Orders -AccountName Users -AccessRight Change -Force, then Revoke-SmbShareAccess -Name Orders -AccountName Everyone -Force; Get-SmbShareAccess -Name Orders shows the result.'
            Check = {
                $access = @(Get-SmbShareAccess -Name Orders -ErrorAction SilentlyContinue)
                @($access | Where-Object { $_.AccountName -eq 'BUILTIN\Users' -and "$($_.AccessRight)" -eq 'Change' -and "$($_.AccessControlType)" -eq 'Allow' }).Count -eq 1 -and
                    @($access | Where-Object { $_.AccountName -eq 'Everyone' }).Count -eq 0
            }
        }
        @{
            Title = 'Find where the server''s EnableMailslots value comes from; store the source in $Source'
            Hint  = 'Get-SmbConfigurationSource -Side Server -Name EnableMailslots names the source of the effective value. $Source = ''<the Source shown>'''
            Check = { $Source -eq 'GroupPolicy' }
        }
        @{
            Title = 'Let the announcements in (inbound) while outbound remote mailslots stay disabled'
            Hint  = 'Group Policy wins over Set-SmbServerConfiguration. The server policy is EnableMailslots under HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser: set it to 1 with Set-ItemProperty. Leave the client side (Set-SmbClientConfiguration) at $false.'
            Check = { ((Get-SmbServerConfiguration).EnableMailslots -eq $true) -and ((Get-SmbClientConfiguration).EnableMailslots -eq $false) }
        }
    )
}
