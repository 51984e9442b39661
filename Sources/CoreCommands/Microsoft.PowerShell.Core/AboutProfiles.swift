/// about_Profiles: what the console runs at start-up.
enum AboutProfiles {
    static let text = """

    TOPIC
        about_Profiles

    SHORT DESCRIPTION
        Describes the profile script the console runs when it starts.

    LONG DESCRIPTION
        A profile is a Windows PowerShell script that runs every time the console
        starts. Use it to define functions, aliases and variables you want in
        every session, or to set preference variables such as $ErrorView.

        This console has one profile: the file profile.ps1 in the state folder
        (SMBCONFIG_HOME). It runs in the global scope, as Windows PowerShell
        dot-sources its profiles, so what it defines stays in the session.

        To create or change it, write the file, for example:

            $path = Join-Path (Get-SmbShellProfile).StateFolder profile.ps1
            Set-Content -Path $path -Value 'Set-Alias gsc Get-SmbClientConfiguration'

        Start the console with -NoProfile to skip the profile, as with
        powershell.exe -NoProfile.

    SEE ALSO
        Get-SmbShellProfile

    """
}
