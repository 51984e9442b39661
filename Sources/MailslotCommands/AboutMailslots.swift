import ShellEngine

extension MailslotModule {
    /// about_Mailslots.
    static let aboutMailslots = """

        TOPIC
            about_Mailslots

        SHORT DESCRIPTION
            Mailslots, remote mailslots and their deprecation in Windows 11 24H2 and Windows Server 2025.

        LONG DESCRIPTION
            A mailslot is a one-way, datagram-style IPC channel: a process creates
            \\\\.\\mailslot\\name and reads messages; writers send to it locally or, in the
            SMB1 era, remotely (\\\\COMPUTER\\mailslot\\name, \\\\DOMAIN\\mailslot\\name,
            \\\\*\\mailslot\\name) as NetBIOS datagrams on UDP port 138. Remote mailslots are
            unauthenticated and unencrypted.

            Since Windows 11 24H2 and Windows Server 2025 remote mailslots are disabled by
            default: a write fails with error 3025, "The requested operation failed.
            Remote mailslots have been deprecated." Local mailslots keep working.

            Set-SmbClientConfiguration -EnableMailslots $true re-enables outbound writes;
            Set-SmbServerConfiguration -EnableMailslots $true re-enables inbound ones.
            Both are temporary workarounds.

            A remote write is addressed to a NetBIOS name: \\\\COMPUTER\\ to COMPUTER<00>,
            \\\\DOMAIN\\ and \\\\*\\ to the group DOMAIN<00>, \\\\DOMAIN*\\ to the domain
            controllers (DOMAIN<1C>). The browser's names - the master browser DOMAIN<1D>,
            the election group DOMAIN<1E>, DOMAIN<1B> and __MSBROWSE__<01> - are addressed
            with Send-MailslotMessage -NameType. A computer keeps only datagrams sent to
            names it holds; nbtstat -n lists them. The master browser and election names
            belong to the Computer Browser service, which Windows 11 24H2 and Windows
            Server 2025 no longer have.

            In this shell: New-Mailslot, Get-Mailslot, Send-MailslotMessage,
            Receive-MailslotMessage, Remove-Mailslot, Get-MailslotStatistics and nbtstat.
            Names resolve by NetBIOS name query (broadcast to SMBCONFIG_BROADCAST, or the
            WINS server in SMBCONFIG_WINS), then through the lmhosts file in
            SMBCONFIG_HOME (Windows LMHOSTS syntax; an address may carry :PORT).

        """
}
