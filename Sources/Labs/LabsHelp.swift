import ShellEngine

/// The lab commands' help beyond what each definition states.
enum LabsHelp {
    private static let labLinks = ["Start-Lab", "Get-LabTask", "Test-Lab", "Reset-Lab", "about_SmbLabs"]
    private static let workloadLinks = ["Start-LegacyMailslotApp", "Get-LegacyMailslotApp", "Get-LabEvent", "about_SmbLabs"]
    private static let captureLinks = ["Start-MailslotCapture", "Stop-MailslotCapture", "Read-MailslotCapture", "about_Mailslots"]

    static let table: [String: CommandHelp] = [
        "Start-Lab": CommandHelp(
            examples: [HelpExample(code: "Start-Lab labs\\03-audit\\lab.psd1; Get-LabTask",
                                   remarks: "Starts lab 3 and lists its tasks.")],
            notes: "Only one lab runs at a time: starting a lab stops the one before. The progress of a lab is kept and resumes when the shell starts again.",
            relatedLinks: labLinks, outputType: "SmbConfigShell.Lab"),
        "Get-LabTask": CommandHelp(
            description: "Lists the tasks of the running lab in order, each with its number, its text and the hint that helps when it is not yet done.",
            examples: [HelpExample(code: "Get-LabTask", remarks: "Lists the tasks of the running lab."),
                       HelpExample(code: "Get-LabTask | Format-List", remarks: "Shows each task with its full hint.")],
            notes: "The tasks belong to the running lab; start one with Start-Lab.",
            relatedLinks: labLinks, outputType: "SmbConfigShell.LabTask"),
        "Test-Lab": CommandHelp(
            description: "Runs the check of every task of the running lab and returns one row per task: its number, whether it passed and, for a task that did not, the hint. A passed task stays passed for the rest of the lab.",
            examples: [HelpExample(code: "Test-Lab", remarks: "Grades every task."),
                       HelpExample(code: "if (Test-Lab -Quiet) { 'All tasks done' }", remarks: "Tests whether the whole lab is done.")],
            notes: "The checks read the emulated computer's state (SMB configuration, registry, services, event logs); they change nothing.",
            relatedLinks: labLinks, outputType: "SmbConfigShell.LabTaskResult, System.Boolean"),
        "Reset-Lab": CommandHelp(
            description: "Stops the workloads and simulated hosts of the running lab, removes its mailslots, restores the lmhosts file it replaced and forgets its progress.",
            examples: [HelpExample(code: "Reset-Lab", remarks: "Stops the running lab."),
                       HelpExample(code: "Reset-Lab; Start-Lab labs\\01-legacy-app\\lab.psd1", remarks: "Starts lab 1 again from the beginning.")],
            notes: "The SMB settings the lab or you changed stay as they are; Start-Lab sets the ones each lab needs.",
            relatedLinks: labLinks, outputType: "None"),
        "Start-LegacyMailslotApp": CommandHelp(
            examples: [HelpExample(code: "Start-LegacyMailslotApp -Kind Messenger -IntervalMilliseconds 5000",
                                   remarks: "Starts a program that broadcasts to \\\\*\\mailslot\\messngr every five seconds.")],
            notes: "The program runs until Stop-LegacyMailslotApp, Reset-Lab or the end of the shell.",
            relatedLinks: workloadLinks, outputType: "SmbConfigShell.LegacyMailslotApp"),
        "Stop-LegacyMailslotApp": CommandHelp(
            description: "Stops the timers of the named simulated programs; their events stay in Get-LabEvent.",
            examples: [HelpExample(code: "Stop-LegacyMailslotApp -Name Orders", remarks: "Stops the program named Orders."),
                       HelpExample(code: "Get-LegacyMailslotApp | Stop-LegacyMailslotApp", remarks: "Stops every simulated program.")],
            notes: "Wildcards select several programs at once.",
            relatedLinks: workloadLinks, outputType: "SmbConfigShell.LegacyMailslotApp"),
        "Get-LegacyMailslotApp": CommandHelp(
            description: "Lists the simulated legacy programs: their kind, target mailslot, interval, whether they run and how many writes succeeded and failed.",
            examples: [HelpExample(code: "Get-LegacyMailslotApp", remarks: "Lists every simulated program."),
                       HelpExample(code: "Get-LegacyMailslotApp | Where-Object Failures -gt 0",
                                   remarks: "Lists the programs whose writes have failed.")],
            notes: "A failing write usually means remote mailslots are disabled on the computer the program runs on.",
            relatedLinks: workloadLinks, outputType: "SmbConfigShell.LegacyMailslotApp"),
        "Invoke-LegacyMailslotApp": CommandHelp(
            description: "Makes the named simulated programs write once now, as their timer would, and returns them with their updated counts.",
            examples: [HelpExample(code: "Invoke-LegacyMailslotApp -Name Orders", remarks: "Writes once with the program Orders."),
                       HelpExample(code: "Invoke-LegacyMailslotApp -Name *; Get-LabEvent -Newest 5",
                                   remarks: "Makes every program write, then shows the newest events.")],
            notes: "Useful right after changing a setting, to see its effect without waiting for the timer.",
            relatedLinks: workloadLinks, outputType: "SmbConfigShell.LegacyMailslotApp"),
        "Get-LabEvent": CommandHelp(
            description: "Returns the events the lab's simulated programs logged: the time, the program, whether the write succeeded and the message, with the Win32 error of a failed write.",
            examples: [HelpExample(code: "Get-LabEvent -Result Failure -Newest 10", remarks: "Shows the ten newest failed writes."),
                       HelpExample(code: "Get-LabEvent -Source Orders", remarks: "Shows the events of the program Orders.")],
            notes: "The events are simulated: they are not in a Windows event log and have no event id.",
            relatedLinks: workloadLinks, outputType: "SmbConfigShell.LabEvent"),
        "Get-LabHost": CommandHelp(
            description: "Lists the simulated computers of the running lab: name, address, Windows version, whether each accepts remote mailslot writes, its mailslots and its counts of datagrams.",
            examples: [HelpExample(code: "Get-LabHost", remarks: "Lists every simulated computer."),
                       HelpExample(code: "Get-LabHost -Name APP*", remarks: "Lists the computers whose names start with APP.")],
            notes: "The simulated computers answer NetBIOS name queries and receive datagrams on this machine's loopback network.",
            relatedLinks: ["Start-Lab", "nbtstat.exe", "about_SmbLabs"], outputType: "SmbConfigShell.LabHost"),
        "Start-MailslotCapture": CommandHelp(
            examples: [HelpExample(code: "Start-MailslotCapture -Path .\\lab.pcap", remarks: "Starts recording to lab.pcap."),
                       HelpExample(code: "Start-MailslotCapture lab.pcap; Send-MailslotMessage \\\\*\\mailslot\\lab 'x'; Stop-MailslotCapture",
                                   remarks: "Records one broadcast.")],
            notes: "One capture runs at a time. Open the file with Wireshark or read it with Read-MailslotCapture.",
            relatedLinks: captureLinks, outputType: "None"),
        "Stop-MailslotCapture": CommandHelp(
            description: "Stops the running capture, closes its file and returns the file's path with the number of datagrams recorded.",
            examples: [HelpExample(code: "Stop-MailslotCapture", remarks: "Stops the capture."),
                       HelpExample(code: "(Stop-MailslotCapture).Path | Read-MailslotCapture",
                                   remarks: "Stops the capture and decodes what it recorded.")],
            notes: "The file is complete once the capture stops; Wireshark and Read-MailslotCapture can read it.",
            relatedLinks: captureLinks, outputType: "SmbConfigShell.MailslotCapture"),
        "Read-MailslotCapture": CommandHelp(
            description: "Reads a pcap file and returns one row per mailslot write in it: time, source and destination addresses and NetBIOS names, the mailslot and the length of the message.",
            examples: [HelpExample(code: "Read-MailslotCapture -Path .\\lab.pcap", remarks: "Decodes lab.pcap."),
                       HelpExample(code: "Read-MailslotCapture lab.pcap | Group-Object Mailslot",
                                   remarks: "Counts the writes to each mailslot.")],
            notes: "A frame that is not a NetBIOS datagram carrying a mailslot write is listed with Valid False.",
            relatedLinks: captureLinks, outputType: "SmbConfigShell.CapturedDatagram"),
        "Get-SmbConfigurationSource": CommandHelp(
            examples: [HelpExample(code: "Get-SmbConfigurationSource -Side Server | Where-Object Source -ne Default",
                                   remarks: "Lists the server settings that Group Policy or a local change decides.")],
            notes: "A Group Policy value wins over the local setting: Set-SmbClientConfiguration changes the local value, which applies again only when the policy is removed.",
            relatedLinks: ["Get-SmbClientConfiguration", "Get-SmbServerConfiguration", "Set-SmbClientConfiguration"],
            outputType: "SmbConfigShell.SmbConfigurationSource"),
        "Get-Transcript": CommandHelp(
            examples: [HelpExample(code: "Get-Transcript | Select-Object Path", remarks: "Shows the file of each running transcript.")],
            notes: "Windows PowerShell 5.1 has no command to list transcripts; this one is part of the shell.",
            relatedLinks: ["Start-Transcript", "Stop-Transcript"], outputType: "SmbConfigShell.TranscriptInfo"),
    ]
}
