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

            In this shell: New-Mailslot, Get-Mailslot, Send-MailslotMessage,
            Receive-MailslotMessage, Remove-Mailslot and Get-MailslotStatistics. Names
            resolve through the lmhosts file in SMBCONFIG_HOME (Windows LMHOSTS syntax; an
            address may carry :PORT).

        """
}
