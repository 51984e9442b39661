# Lab 4: the Computer Browser is gone. This Windows 11 24H2 PC no longer hears the browser
# announcements of the older machines, even with remote mailslots let in.
# A data file: read by Start-Lab, never run; only the Check blocks run, on Test-Lab.
@{
    Title       = 'The Computer Browser is gone: announcements nobody receives'
    Description = 'WKS-OLD and FILESRV announce themselves to the master browser of the workgroup every 400 ms, as the Computer Browser service does. This Windows 11 24H2 PC listens on \\.\mailslot\browse and hears nothing - even after letting remote mailslots in. Find out which NetBIOS name the announcements are addressed to, and whether this computer holds it.'
    OSProfile   = 'Windows11-24H2'

    Mailslots = @('browse')
    Hosts = @(
        @{ Name = 'WKS-OLD'; OSProfile = 'Windows11-23H2' }
        @{ Name = 'FILESRV'; OSProfile = 'WindowsServer2022' }
    )
    Lmhosts = @(
        '{SELF}    {COMPUTERNAME}    #PRE    #DOM:{WORKGROUP}    # this PC, on the same subnet'
    )
    Workloads = @(
        @{ Name = 'WksBrowser'; Kind = 'BrowserAnnouncer'; ComputerName = 'WKS-OLD'; Message = 'Accounting PC'; IntervalMilliseconds = 400; NameType = 'MasterBrowser' }
        @{ Name = 'FileBrowser'; Kind = 'BrowserAnnouncer'; ComputerName = 'FILESRV'; Message = 'File server'; IntervalMilliseconds = 400; NameType = 'MasterBrowser' }
    )

    Tasks = @(
        @{
            Title = 'Let remote mailslots in (server side), then find the counter of Get-MailslotStatistics that still grows; store its name in $Counter'
            Hint  = 'Set-SmbServerConfiguration -EnableMailslots $true, then run Get-MailslotStatistics twice a few seconds apart. DroppedByPolicy no longer moves: another counter does. $Counter = ''<the property name>'''
            Check = { $Counter -eq 'DroppedNotForThisHost' -and (Get-SmbServerConfiguration).EnableMailslots -eq $true }
        }
        @{
            Title = 'Find the NetBIOS name the announcements are addressed to; store it in $Name (NAME<xx>)'
            Hint  = 'Capture a few datagrams: Start-MailslotCapture -Path b.pcap; Start-Sleep 1; Stop-MailslotCapture; Read-MailslotCapture b.pcap shows DestinationName.'
            Check = { $Name -eq 'WORKGROUP<1d>' }
        }
        @{
            Title = 'Does this computer hold that name? List its NetBIOS names with nbtstat -n and store $true or $false in $Holds'
            Hint  = 'nbtstat -n lists the names this computer registered. The master browser name <1D> (and the election name <1E>) belong to the Computer Browser service, which Windows 11 24H2 no longer has. $Holds = $false or $true'
            Check = { $Holds -is [bool] -and $Holds -eq $false }
        }
    )
}
