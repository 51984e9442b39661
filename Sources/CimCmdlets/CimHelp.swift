import ShellEngine

/// The CIM and WMI commands' help beyond what each definition states.
enum CimHelp {
    private static let cim = ["Get-CimInstance", "Invoke-CimMethod", "Remove-CimInstance", "Get-WmiObject"]
    private static let sessionNote = "In this shell only the local computer can be reached."
    private static let sessions = ["New-CimSession", "Get-CimSession", "Remove-CimSession", "Get-CimInstance"]

    static let table: [String: CommandHelp] = [
        "Get-CimInstance": CommandHelp(notes: "The instances are read when the command runs; they do not change when the computer's state changes later. " + sessionNote,
                                       relatedLinks: cim),
        "Invoke-CimMethod": CommandHelp(notes: "A ReturnValue of 0 means success; other values are the method's own error codes (for Win32_Share.Create, 22 means the share name is already in use). " + sessionNote,
                                        relatedLinks: cim),
        "Remove-CimInstance": CommandHelp(notes: "Run the cmdlet in an elevated session. " + sessionNote, relatedLinks: cim,
                                          outputType: "None"),
        "Get-CimClass": CommandHelp(notes: "The class, method, property and qualifier names accept wildcards; a class is returned when it matches every filter given. " + sessionNote,
                                    relatedLinks: ["Get-CimInstance", "Invoke-CimMethod", "New-CimSession"]),
        "New-CimSession": CommandHelp(notes: "The session uses WS-Management unless -SessionOption chooses DCOM. A session stays open until Remove-CimSession closes it or the PowerShell session ends. " + sessionNote,
                                      relatedLinks: sessions),
        "Get-CimSession": CommandHelp(notes: "Only the sessions created with New-CimSession in the current PowerShell session are listed.",
                                      relatedLinks: sessions),
        "Remove-CimSession": CommandHelp(notes: "Removing a session closes its connection; the session object can no longer be used.",
                                         relatedLinks: sessions, outputType: "None"),
        "Get-WmiObject": CommandHelp(notes: "Get-WmiObject uses DCOM; Get-CimInstance, which uses WS-Management, replaces it in later versions of PowerShell.",
                                     relatedLinks: cim),
    ]

    static func applied(_ definitions: [CmdletDefinition]) -> [CmdletDefinition] {
        definitions.map { $0.withHelp(table[$0.metadata.name]) }
    }
}
