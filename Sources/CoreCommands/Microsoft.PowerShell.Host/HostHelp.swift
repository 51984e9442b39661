import ShellEngine

/// Microsoft.PowerShell.Host's help beyond what each definition states.
enum HostHelp {
    static let table: [String: CommandHelp] = [
        "Start-Transcript": CommandHelp(
            examples: [HelpExample(code: "Start-Transcript -Path lab1.txt -Append",
                                   remarks: "Adds this session's record to the end of lab1.txt.")],
            notes: "The transcript ends with Stop-Transcript or when the session ends. Output of programs the session runs is recorded as the console shows it.",
            relatedLinks: ["Stop-Transcript"]),
        "Stop-Transcript": CommandHelp(
            examples: [HelpExample(code: "Stop-Transcript", remarks: "Stops the transcript and shows the file it was written to."),
                       HelpExample(code: "try { Stop-Transcript } catch { }", remarks: "Stops a transcript if one is running.")],
            notes: "Stopping when no transcript runs is an error: The host is not currently transcribing.",
            relatedLinks: ["Start-Transcript"]),
    ]
}
