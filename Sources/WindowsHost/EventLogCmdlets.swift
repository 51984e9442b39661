import EmulatedHost
import ShellEngine

/// Microsoft.PowerShell.Diagnostics: Get-WinEvent over the event logs of a fresh installation,
/// which hold no event an SMB audit looks for.
public enum DiagnosticsModule: CommandModule {
    public static let name = "Microsoft.PowerShell.Diagnostics"
    public static let version = "3.0.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands(named: ["Get-WinEvent"]) { WindowsHostHelp.applied([EventLogCmdlets.getWinEvent()]) }
    }
}

enum EventLogCmdlets {
    /// The logs scripts that audit SMB read, with their maximum sizes.
    static let logs: [(name: String, size: Int64)] = [
        ("Application", 20_971_520), ("Security", 20_971_520), ("Setup", 1_052_672), ("System", 20_971_520),
        ("Microsoft-Windows-SMBClient/Audit", 1_052_672), ("Microsoft-Windows-SMBClient/Connectivity", 1_052_672),
        ("Microsoft-Windows-SMBClient/Operational", 1_052_672), ("Microsoft-Windows-SMBClient/Security", 1_052_672),
        ("Microsoft-Windows-SMBServer/Audit", 1_052_672), ("Microsoft-Windows-SMBServer/Connectivity", 1_052_672),
        ("Microsoft-Windows-SMBServer/Operational", 1_052_672), ("Microsoft-Windows-SMBServer/Security", 1_052_672),
    ]

    static func getWinEvent() -> CmdletDefinition {
        CmdletDefinition(metadata: CommandMetadata(
            name: "Get-WinEvent", module: DiagnosticsModule.name,
            implementation: .compiled(className: "Microsoft.PowerShell.Commands.GetWinEventCommand"),
            parameters: [
                ParameterMetadata("ListLog", .array(.string), position: 0, mandatory: true, parameterSets: ["ListLogSet"],
                                  help: "Specifies the event logs to list (wildcards allowed)."),
                ParameterMetadata("LogName", .array(.string), position: 0, parameterSets: ["GetLogSet"],
                                  help: "Specifies the event logs to read events from."),
                ParameterMetadata("FilterHashtable", .array(.hashtable), mandatory: true, parameterSets: ["HashQuerySet"],
                                  help: "Specifies a query in hash table format (LogName, Id, Level, StartTime, ProviderName)."),
                ParameterMetadata("FilterXPath", .string, parameterSets: ["GetLogSet"], help: "Specifies an XPath query."),
                ParameterMetadata("MaxEvents", .int64, help: "Specifies the maximum number of events returned."),
                ParameterMetadata("Oldest", .switchParameter, help: "Returns the events oldest first."),
                ParameterMetadata("ComputerName", .string, aliases: ["Cn"], help: "Specifies the computer (only this computer is reachable)."),
                ParameterMetadata("Force", .switchParameter, help: "Gets debug and analytic logs too."),
            ],
            defaultParameterSet: "GetLogSet",
            synopsis: "Gets events from event logs and event tracing log files on local and remote computers.",
            description: "Reads the event logs of the computer (Application, System, Security and the SMB client and server logs); a fresh installation has no SMB audit events.",
            examples: [HelpExample(code: "Get-WinEvent -LogName 'Microsoft-Windows-SMBServer/Audit' -MaxEvents 10",
                                   remarks: "Reads the SMB1 access audit events."),
                       HelpExample(code: "Get-WinEvent -ListLog *SMB*", remarks: "Lists the SMB event logs.")],
            outputType: "System.Diagnostics.Eventing.Reader.EventLogRecord")) { GetWinEvent() }
    }
}

final class GetWinEvent: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        if let lists = NetworkCmdlets.texts(context, "ListLog") {
            for text in lists {
                let pattern = WildcardPattern(text)
                let matches = EventLogCmdlets.logs.filter { pattern.matches($0.name) }
                if matches.isEmpty { try noLog(context, text) }
                for log in matches {
                    try context.writeObject(.object(ViewedWindowsObject(
                        typeNames: ["System.Diagnostics.Eventing.Reader.EventLogConfiguration"],
                        properties: [("LogMode", .string("Circular")), ("MaximumSizeInBytes", .int64(log.size)),
                                     ("RecordCount", .int64(0)), ("LogName", .string(log.name)), ("IsEnabled", .bool(true)),
                                     ("LogType", .string(log.name.contains("/") ? "Operational" : "Administrative"))],
                        view: CimTableView(name: "EventLogConfiguration", columns: [
                            .init("LogMode", width: 9), .init("MaximumSizeInBytes", width: 18), .init("RecordCount", width: 11), .init("LogName")]),
                        rightAligned: ["MaximumSizeInBytes", "RecordCount"], text: "System.Diagnostics.Eventing.Reader.EventLogConfiguration")))
                }
            }
            return
        }
        var names = NetworkCmdlets.texts(context, "LogName") ?? []
        if let filters = context.value("FilterHashtable") {
            for filter in filters.enumerated ?? [filters] {
                guard case .hashtable(let table) = filter else { continue }
                for (key, value) in table.entries where LanguagePrimitives.toString(key).caseInsensitiveEquals("LogName") {
                    names += (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) }
                }
            }
        }
        if names.isEmpty && !context.has("FilterHashtable") { names = ["*"] }
        for name in names where !EventLogCmdlets.logs.contains(where: { WildcardPattern(name).matches($0.name) }) {
            return try noLog(context, name)
        }
        // The logs exist and hold no matching event.
        try context.writeError(context.errorRecord(message: "No events were found that match the specified selection criteria.",
            errorId: "NoMatchingEventsFound", category: .ObjectNotFound, exceptionType: "System.Exception"))
    }

    private func noLog(_ context: CommandContext, _ name: String) throws {
        try context.writeError(context.errorRecord(
            message: "There is not an event log on the localhost computer that matches \"\(name)\".",
            errorId: "NoMatchingLogsFound", category: .ObjectNotFound, exceptionType: "System.Exception", target: .string(name)))
    }
}
