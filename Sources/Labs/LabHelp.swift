import ShellEngine
import EmulatedHost
/// The `about_SmbLabs` help topic.
enum LabHelp {
    static let aboutSmbLabs = #"""

    TOPIC
        about_SmbLabs

    SHORT DESCRIPTION
        Training labs for the remote mailslot deprecation: scenarios with grading,
        transcripts, the registry and Group Policy view, legacy workloads and captures.

    LONG DESCRIPTION
        Everything here is a shell extension unless it is named as a Windows cmdlet.

      Scenarios
        A lab is a PowerShell data file (.psd1) with a title, an OS profile, simulated
        hosts, lmhosts entries, workloads and tasks. Start-Lab reads it with the shell's
        own parser and never runs it; only each task's Check script block runs, when
        Test-Lab grades the lab. A check reads the computer's state and cannot change
        it: commands other than Get-, Test-, Read- and the pipeline, formatting and
        output cmdlets, file writes and global functions fail with an error that
        Test-Lab shows, and the task fails.

            Start-Lab labs/01-legacy-app/lab.psd1   # set up hosts, lmhosts, workloads
            Get-LabTask                             # the tasks and their hints
            Test-Lab                                # Passed per task; hints for failed ones
            Test-Lab -Quiet                         # True when every task passes
            Reset-Lab                               # stop it and undo what it changed

        Start-Lab resets EnableMailslots (local settings and Group Policy, both sides)
        to the profile defaults, then applies the lab's settings. It writes lmhosts
        (the file the shell resolves names with) and Reset-Lab restores the old one.
        The lab's OS profile must match SMBCONFIG_OS_PROFILE. Use
        SMBCONFIG_DATAGRAM_ENDPOINT=127.0.0.1:0 when port 138 is not free.

        Data file keys: Title, Description, OSProfile, Settings (@{ Client = @{
        EnableMailslots = $false } }), GroupPolicy (@{ Server = @{ EnableMailslots = 1
        } }), Mailslots (local mailslots to create), Hosts (@{ Name; OSProfile;
        Mailslots; InboundMailslots; OutboundMailslots }), Lmhosts (lines; {HOST},
        {SELF}, {COMPUTERNAME} and {WORKGROUP} are replaced), Workloads (@{ Name;
        Kind; Target; ComputerName; Message; IntervalMilliseconds }), Tasks (@{
        Title; Hint; Check = { ... } }).

      Simulated hosts
        Each lab host is a computer of its own inside the shell: a NetBIOS name, a UDP
        endpoint on 127.0.0.1, its own mailslots and the remote-mailslot policy of its
        Windows version (23H2 and 2022 allow remote mailslots). Get-LabHost lists them.

      Legacy workloads
        Start-LegacyMailslotApp -Kind LineOfBusiness -Target \\SERVER\mailslot\x
        Start-LegacyMailslotApp -Kind Messenger            # \\*\MAILSLOT\MESSNGR
        Start-LegacyMailslotApp -Kind BrowserAnnouncer     # \\WORKGROUP\MAILSLOT\BROWSE
        Get-LegacyMailslotApp, Invoke-LegacyMailslotApp (one write now),
        Stop-LegacyMailslotApp.

        A workload writes once when it starts, then on its own background timer. The
        timer thread calls only the thread-safe mailslot service, whose policy the
        engine updates at once on every Set-Smb*Configuration or Group Policy change,
        and the thread-safe event log; it never runs engine code. Each write is
        logged as a simulated event: Get-LabEvent [-Source] [-Result] [-Newest].
        Every entry says Simulated = True and LogName 'Lab (simulated)'; there are no
        Windows event ids.

      Registry and Group Policy
        HKLM: and HKCU: are the emulated computer's registry. The SMB settings live in:
            HKLM:\SYSTEM\CurrentControlSet\Services\Mup\Parameters
            HKLM:\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters
            HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters
            HKLM:\SYSTEM\CurrentControlSet\Services\Bowser\Parameters
            HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider   (Group Policy)
            HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser            (Group Policy)
        The item and item-property cmdlets and reg.exe read and write every key. A
        value a setting is stored in is that setting: writing it changes what
        Get-Smb*Configuration shows, and Set-Smb*Configuration writes it. Writing the
        policy keys is how a lab plays Group Policy: EnableMailslots there (1 or 0)
        wins over the local setting, as on Windows; removing it gives the decision
        back to the local setting.

        Get-SmbConfigurationSource [-Name] [-Side] tells, for each setting, the
        effective value and whether it comes from the Default of the OS profile, the
        Local setting or GroupPolicy.

      Transcripts
        Start-Transcript [-Path] [-Append] [-NoClobber] [-IncludeInvocationHeader] and
        Stop-Transcript write Windows PowerShell 5.1's format: UTF-8 with BOM, CRLF,
        the 'Windows PowerShell transcript start' header, each command after its
        prompt, everything the console shows including confirmation prompts and the
        answer typed, and the 'transcript end' footer. Get-Transcript lists the
        running transcripts (nothing when none runs).

      Captures
        Start-MailslotCapture -Path x.pcap / Stop-MailslotCapture record every datagram
        this computer sends or receives as pcap: Ethernet, IPv4 and UDP port 138
        around the NetBIOS datagram, so Wireshark shows NBDS, SMB MailSlot and, for
        \MAILSLOT\BROWSE, the browser protocol. The UDP ports are written as 138 even
        when the lab endpoint uses another port. Read-MailslotCapture decodes a
        capture without Wireshark.

    SEE ALSO
        about_Mailslots
        labs/README.md

    """#
}
