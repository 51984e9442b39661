/// about_FileSystem_Provider: how the emulated C: drive and the host's files meet.
enum AboutFileSystem {
    static let text = """
TOPIC
    about_FileSystem_Provider

SHORT DESCRIPTION
    How the C: drive of this emulated Windows host and the files of the
    computer it runs on meet.

LONG DESCRIPTION
    The FileSystem provider gives access to two file systems.

    C:\\ is the disk of the emulated Windows host. It is a folder kept with the
    rest of the host's state (SMBCONFIG_HOME\\drives\\C) and starts with the
    folders a fresh Windows installation has: Windows, Windows\\System32,
    Windows\\Temp, Users\\<user name>, Program Files, ProgramData and so on.
    New-Item C:\\temp -ItemType Directory, Out-File C:\\Windows\\Temp\\x.log and
    Get-ChildItem C:\\Users work as they do on Windows. A path cannot leave
    C:\\ with "..": C:\\..\\.. is still C:\\.

    A path that starts with a forward slash (/tmp/report.csv) names a file of
    the computer the shell runs on, as in PowerShell on Linux or macOS.

    The console starts at C:\\. Until you change location, a relative path
    (labs\\01-legacy-app\\lab.psd1, .\\audit.pcap) is taken from the folder the
    shell was started in. After Set-Location (cd), relative paths start from
    the new location, on either file system.

    Both \\ and / separate folder names. The wildcards *, ? and [a-z] match
    names; a backtick escapes one, and -LiteralPath takes every character as
    it is. ~ is your profile folder, C:\\Users\\<user name>.

    Other drives: Env: (environment variables), Variable:, Function:, Alias:,
    HKLM: and HKCU: (the registry). Get-PSDrive lists them.

SEE ALSO
    Get-PSDrive
    Get-PSProvider
    Set-Location
    Get-ChildItem
"""
}
