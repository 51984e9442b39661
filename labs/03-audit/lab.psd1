# Lab 3: audit before switching remote mailslots off. Group Policy still enables them on this PC.
# A data file: read by Start-Lab, never run; only the Check blocks run, on Test-Lab.
@{
    Title       = 'Audit: who still uses remote mailslots?'
    Description = 'A Group Policy keeps remote mailslots enabled on this PC, both ways. Before the policy is changed, find every computer and program that still uses remote mailslots - from the statistics, the events and a capture - and then switch them off by Group Policy.'
    OSProfile   = 'Windows11-24H2'

    GroupPolicy = @{
        Client = @{ EnableMailslots = 1 }
        Server = @{ EnableMailslots = 1 }
    }
    Mailslots = @('messngr', 'browse')
    Hosts = @(
        @{ Name = 'WKS01'; OSProfile = 'Windows11-23H2' }
        @{ Name = 'WKS02'; OSProfile = 'WindowsServer2022' }
        @{ Name = 'FILESRV'; OSProfile = 'WindowsServer2022'; Mailslots = @('inventory') }
    )
    Lmhosts = @(
        '{SELF}       {COMPUTERNAME}    #PRE    #DOM:{WORKGROUP}'
        '{FILESRV}    FILESRV           #PRE'
    )
    Workloads = @(
        @{ Name = 'Inventory'; Kind = 'LineOfBusiness'; Target = '\\FILESRV\mailslot\inventory'; Message = 'INVENTORY'; IntervalMilliseconds = 300 }
        @{ Name = 'NetSend'; Kind = 'Messenger'; ComputerName = 'WKS01'; Message = 'Backup starts at 22:00'; IntervalMilliseconds = 300 }
        @{ Name = 'Announcer'; Kind = 'BrowserAnnouncer'; ComputerName = 'WKS02'; Message = 'Scanner PC'; IntervalMilliseconds = 300 }
    )

    Tasks = @(
        @{
            Title = 'Capture mailslot traffic to audit.pcap (in the current folder) for a few seconds'
            Hint  = 'Start-MailslotCapture -Path audit.pcap; Start-Sleep -Seconds 3; Stop-MailslotCapture. Read-MailslotCapture audit.pcap decodes it (Wireshark too).'
            Check = { (Test-Path audit.pcap) -and (@(Read-MailslotCapture audit.pcap).Count -ge 3) }
        }
        @{
            Title = 'Store the names of the remote computers that send mailslot datagrams to this PC in $Senders'
            Hint  = 'Read-MailslotCapture audit.pcap shows SourceName (NAME<00>) of every datagram; leave out this PC itself. $Senders = ''NAME1'', ''NAME2'''
            Check = { (@($Senders | ForEach-Object { "$_".ToUpper() } | Sort-Object) -join ',') -eq 'WKS01,WKS02' }
        }
        @{
            Title = 'Store the name of the program on this PC that writes to a remote mailslot in $LocalApp'
            Hint  = 'Get-MailslotStatistics shows DatagramsSent; Get-LabEvent lists each writer as Source with its Computer.'
            Check = { $LocalApp -eq 'Inventory' }
        }
        @{
            Title = 'Switch remote mailslots off by Group Policy on both sides, and check the effective source'
            Hint  = 'Group Policy wins over Set-SmbClientConfiguration. Set-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider -Name EnableMailslots -Value 0 (client) and ...\Windows\Bowser (server); Get-SmbConfigurationSource -Name EnableMailslots shows Source GroupPolicy.'
            Check = { @(Get-SmbConfigurationSource -Name EnableMailslots | Where-Object { $_.Source -eq 'GroupPolicy' -and $_.Value -eq $false }).Count -eq 2 }
        }
    )
}
