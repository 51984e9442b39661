import ShellEngine

/// Microsoft.PowerShell.Commands.HistoryInfo: `Id CommandLine` in its table.
final class HistoryInfoObject: PSObject {
    let entry: HistoryEntry

    init(_ entry: HistoryEntry) {
        self.entry = entry
        super.init(typeNames: ["Microsoft.PowerShell.Commands.HistoryInfo", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Id", value: .int64(Int64(entry.id))),
         PSPropertyInfo(name: "CommandLine", value: .string(entry.commandLine))]
    }

    override func property(_ name: String) -> PSValue? {
        switch name.lowercased() {
        case "executionstatus": return .string(entry.succeeded ? "Completed" : "Failed")
        case "startexecutiontime": return .object(DateTimeObject(seconds: entry.start))
        case "endexecutiontime": return .object(DateTimeObject(seconds: entry.end))
        default: return super.property(name)
        }
    }

    override func toString() -> String { entry.commandLine }
}

final class GetHistory: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let history = context.engine.history
        if let ids = context.value("Id").map({ $0.enumerated ?? [$0] }) {
            for value in ids {
                let id = LanguagePrimitives.toInt64(value) ?? 0
                guard let entry = history.first(where: { Int64($0.id) == id }) else {
                    try context.writeError(context.errorRecord(
                        message: "Cannot locate history for Id \(id).", errorId: "GetHistoryObjectNotFound",
                        category: .ObjectNotFound, exceptionType: "System.ArgumentException", target: .int64(id)))
                    continue
                }
                try context.writeObject(.object(HistoryInfoObject(entry)))
            }
            return
        }
        let count = context.value("Count").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(clamping: $0) } ?? 4096
        for entry in history.suffix(max(0, count)) { try context.writeObject(.object(HistoryInfoObject(entry))) }
    }
}

final class ClearHistory: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        if let ids = context.value("Id").map({ $0.enumerated ?? [$0] }) {
            let remove = Set(ids.compactMap { LanguagePrimitives.toInt64($0) })
            engine.history.removeAll { remove.contains(Int64($0.id)) }
        } else if let count = context.value("Count").flatMap({ LanguagePrimitives.toInt64($0) }) {
            engine.history.removeLast(min(engine.history.count, Int(clamping: max(0, count))))
        } else {
            engine.history.removeAll()
        }
    }
}

/// Invoke-History (`r`): shows the command line, then runs it again.
final class InvokeHistory: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let entry: HistoryEntry?
        if let id = context.string("Id") {
            entry = Int(id).flatMap { n in engine.history.first { $0.id == n } }
                ?? engine.history.last { $0.commandLine.lowercased().hasPrefix(id.lowercased()) }
        } else {
            entry = engine.history.last
        }
        guard let entry else {
            try context.writeError(context.errorRecord(message: "Cannot locate the history for command line.", errorId: "InvokeHistoryNoLastHistoryEntryFound",
                                                       category: .ObjectNotFound, exceptionType: "System.InvalidOperationException"))
            return
        }
        engine.host.write(entry.commandLine + "\n", stream: .host)
        _ = engine.execute(entry.commandLine)
    }
}
