#if canImport(Glibc)
import Glibc
#endif

/// One input of the session's history (Microsoft.PowerShell.Commands.HistoryInfo).
package struct HistoryEntry {
    package let id: Int
    package let commandLine: String
    package let succeeded: Bool
    /// Seconds since 1970 when the input started and ended.
    package let start: Int
    package let end: Int
}

extension Engine {
    /// Runs `body` for one input and adds it to the history, as the console host does.
    func recordingHistory(_ text: String, _ body: () -> ExecutionOutcome) -> ExecutionOutcome {
        let start = Int(time(nil))
        let outcome = body()
        let trimmed = text.trimmedWhitespace
        guard !trimmed.isEmpty else { return outcome }
        let succeeded: Bool
        switch outcome {
        case .completed(let ok): succeeded = ok
        case .terminated: succeeded = false
        case .exitRequested: succeeded = true
        }
        let id = (history.last?.id ?? 0) + 1
        history.append(HistoryEntry(id: id, commandLine: trimmed, succeeded: succeeded, start: start, end: Int(time(nil))))
        // $MaximumHistoryCount: 4096.
        if history.count > 4096 { history.removeFirst(history.count - 4096) }
        return outcome
    }
}
