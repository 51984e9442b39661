# Lab 2: inbound vs outbound. This server (Windows Server 2025) keeps the browse list of the
# workgroup; since the upgrade it no longer hears the browser announcements of older machines.
# A data file: read by Start-Lab, never run; only the Check blocks run, on Test-Lab.
@{
    Title       = 'Inbound vs outbound: the server that stopped hearing announcements'
    Description = 'WKS-OLD and PRN-SRV announce themselves to \MAILSLOT\BROWSE of the workgroup every second. This Windows Server 2025 listens on \\.\mailslot\browse but its list stays empty. Find where the announcements go, let them in, and read one - without opening outbound remote mailslots.'
    OSProfile   = 'WindowsServer2025'

    Mailslots = @('browse')
    Hosts = @(
        @{ Name = 'WKS-OLD'; OSProfile = 'Windows11-23H2' }
        @{ Name = 'PRN-SRV'; OSProfile = 'WindowsServer2022' }
    )
    Lmhosts = @(
        '{SELF}    {COMPUTERNAME}    #PRE    #DOM:{WORKGROUP}    # this server, the master browser'
    )
    Workloads = @(
        @{ Name = 'WksAnnouncer'; Kind = 'BrowserAnnouncer'; ComputerName = 'WKS-OLD'; Message = 'Accounting PC'; IntervalMilliseconds = 400 }
        @{ Name = 'PrnAnnouncer'; Kind = 'BrowserAnnouncer'; ComputerName = 'PRN-SRV'; Message = 'Print server'; IntervalMilliseconds = 400 }
    )

    Tasks = @(
        @{
            Title = 'Find the counter of Get-MailslotStatistics that grows while the announcements arrive; store its name in $Counter'
            Hint  = 'Run Get-MailslotStatistics twice a few seconds apart: which count goes up? The datagrams reach this server and are thrown away. $Counter = ''<the property name>'''
            Check = { $Counter -eq 'DroppedByPolicy' }
        }
        @{
            Title = 'Let the announcements in (inbound) while outbound remote mailslots stay disabled'
            Hint  = 'Announcements come INTO this server: that is the SMB server side, Set-SmbServerConfiguration -EnableMailslots $true. Set-SmbClientConfiguration governs what this computer sends and must stay $false.'
            Check = { ((Get-MailslotStatistics).DatagramsDelivered -gt 0) -and ((Get-SmbServerConfiguration).EnableMailslots -eq $true) -and ((Get-SmbClientConfiguration).EnableMailslots -eq $false) }
        }
        @{
            Title = 'Read one announcement from \\.\mailslot\browse and store the announcing computer in $Announcer'
            Hint  = 'Receive-MailslotMessage -Name browse -Timeout 2000 -Encoding Ascii shows the HostAnnouncement as text: the computer name is readable in it. Get-LabEvent also shows which Computer announces. $Announcer = ''<name>'''
            Check = { @('WKS-OLD', 'PRN-SRV') -contains $Announcer }
        }
    )
}
