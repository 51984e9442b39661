/// about_SmbConfigShell_Host: the Windows computer the console emulates.
enum AboutEmulatedHost {
    static let text = """

    TOPIC
        about_SmbConfigShell_Host

    SHORT DESCRIPTION
        Describes the Windows computer this console emulates: its release, name, drives and registry.

    LONG DESCRIPTION
        The console behaves as Windows PowerShell 5.1 on one Windows computer.
        Which release it is comes from SMBCONFIG_OS_PROFILE: Windows11-24H2
        (the default), WindowsServer2025, Windows11-23H2 or WindowsServer2022.
        On Windows 11 24H2 and Windows Server 2025 remote mailslots are off
        until Set-SmbClientConfiguration -EnableMailslots $true (or the server
        side) turns them on; on the older releases they simply work.

        The computer's name is COMPUTERNAME and its workgroup
        SMBCONFIG_WORKGROUP. Get-SmbShellProfile shows both, the release and
        the folder where the computer's state is kept (SMBCONFIG_HOME).

        What the computer keeps between sessions:
            - the SMB client and server settings (Set-SmbClientConfiguration,
              Set-SmbServerConfiguration) and the Group Policy values under
              HKLM:\\SOFTWARE\\Policies;
            - the C: drive, a folder inside the state folder seeded with the
              folders of a fresh Windows;
            - the command history, the profile, the lmhosts file and the
              running lab.

        The registry drives HKLM: and HKCU: show the values the SMB settings
        are stored in, and Get-ItemProperty, Set-ItemProperty and
        New-ItemProperty work on them as on Windows.

        The console never runs programs of the computer it is started on.
        The Windows programs admin scripts call run inside the console over
        the same computer: reg, sc.exe, net (start, stop, config, share, use,
        session, user, localgroup), hostname, whoami and systeminfo.

        Besides SMB, the computer has the local accounts of a fresh
        installation (Get-LocalUser, Get-LocalGroupMember), one network
        adapter (Get-NetAdapter), the File and Printer Sharing firewall rules
        (Get-NetFirewallRule), its installed updates (Get-HotFix) and the
        security descriptors of its folders and registry keys (Get-Acl).
        Test-NetConnection reaches only this computer: port 445 answers while
        the Server service runs.

    SEE ALSO
        about_Mailslots
        about_SmbLabs
        about_Profiles
        Get-SmbShellProfile

    """
}
