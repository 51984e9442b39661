import ShellEngine

/// The mailslot commands' help beyond what each definition states.
enum MailslotHelp {
    static let table: [String: CommandHelp] = [
        "New-Mailslot": CommandHelp(
            examples: [HelpExample(code: "New-Mailslot -Name app\\notify -ReadTimeout 2000",
                                   remarks: "Creates \\\\.\\mailslot\\app\\notify; a read waits at most two seconds for a message.")],
            notes: "A mailslot lives as long as the shell that created it.",
            relatedLinks: ["Get-Mailslot", "Remove-Mailslot", "Receive-MailslotMessage", "about_Mailslots"],
            outputType: "SmbConfigShell.MailslotInfo"),
        "Get-Mailslot": CommandHelp(
            description: "Lists the mailslots this shell created, with the largest message they accept, their read timeout, the number of messages waiting and the size of the next one.",
            examples: [HelpExample(code: "Get-Mailslot", remarks: "Lists every local mailslot."),
                       HelpExample(code: "Get-Mailslot -Name lab | Select-Object MessageCount",
                                   remarks: "Shows how many messages wait in \\\\.\\mailslot\\lab.")],
            notes: "Only local mailslots can be listed: a mailslot on another computer accepts writes but cannot be queried.",
            relatedLinks: ["New-Mailslot", "Receive-MailslotMessage", "about_Mailslots"],
            outputType: "SmbConfigShell.MailslotInfo"),
        "Remove-Mailslot": CommandHelp(
            description: "Closes the last handle of a local mailslot, as CloseHandle does: the mailslot and any message still waiting in it are gone.",
            examples: [HelpExample(code: "Remove-Mailslot -Name lab", remarks: "Deletes \\\\.\\mailslot\\lab."),
                       HelpExample(code: "Get-Mailslot | Remove-Mailslot", remarks: "Deletes every local mailslot.")],
            notes: "A mailslot of another computer cannot be removed; only the shell that created a mailslot can.",
            relatedLinks: ["New-Mailslot", "Get-Mailslot", "about_Mailslots"],
            outputType: "None"),
        "Send-MailslotMessage": CommandHelp(
            examples: [HelpExample(code: "Send-MailslotMessage -Path \\\\.\\mailslot\\lab -Message 'hello'",
                                   remarks: "Writes 'hello' to the local mailslot lab."),
                       HelpExample(code: "Send-MailslotMessage -Path \\\\*\\mailslot\\lab -Message 'to everyone'",
                                   remarks: "Broadcasts the message to the mailslot lab of every computer of the primary domain; on Windows 11 24H2 this fails with error 3025 while EnableMailslots is off.")],
            notes: "A mailslot message to another computer is a datagram: delivery is not confirmed, and a successful write only means the datagram was sent. Messages broadcast to a domain (\\\\*\\mailslot\\name or \\\\DOMAIN\\mailslot\\name) are limited to 424 bytes.",
            relatedLinks: ["Receive-MailslotMessage", "Set-SmbClientConfiguration", "about_Mailslots"],
            outputType: "None"),
        "Receive-MailslotMessage": CommandHelp(
            examples: [HelpExample(code: "Receive-MailslotMessage -Name lab", remarks: "Returns the next message of \\\\.\\mailslot\\lab as text."),
                       HelpExample(code: "Receive-MailslotMessage -Name lab -Timeout 500 -AsBytes",
                                   remarks: "Waits half a second for a message and returns its bytes, one number a line.")],
            notes: "Messages are read in the order they arrived; each is read once.",
            relatedLinks: ["Send-MailslotMessage", "Get-Mailslot", "about_Mailslots"],
            outputType: "System.String, System.Byte[]"),
        "Get-MailslotStatistics": CommandHelp(
            description: "Shows how many mailslot datagrams this shell sent and received, how many were delivered, how many incoming ones were dropped (not for this computer, refused by the server policy while EnableMailslots is off, for a mailslot that does not exist) and how many were malformed.",
            examples: [HelpExample(code: "Get-MailslotStatistics", remarks: "Shows the counters."),
                       HelpExample(code: "(Get-MailslotStatistics).DroppedByPolicy",
                                   remarks: "Shows how many incoming datagrams the policy refused.")],
            notes: "The counters start at zero when the shell starts.",
            relatedLinks: ["Send-MailslotMessage", "Get-SmbServerConfiguration", "about_Mailslots"],
            outputType: "SmbConfigShell.MailslotStatistics"),
        "nbtstat.exe": CommandHelp(
            description: "Displays the NetBIOS over TCP/IP name tables of this computer and of other computers, the cache of resolved names, and the statistics of name resolution. The switches are case-sensitive.",
            examples: [HelpExample(code: "nbtstat -n", remarks: "Lists the NetBIOS names this computer has registered."),
                       HelpExample(code: "nbtstat -a SERVER1", remarks: "Lists the name table of SERVER1.")],
            notes: "nbtstat is a program, not a cmdlet: it writes text, and its exit code is in $LASTEXITCODE.",
            relatedLinks: ["Send-MailslotMessage", "about_Mailslots"],
            outputType: "System.String"),
    ]
}
