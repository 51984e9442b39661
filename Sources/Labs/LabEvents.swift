import ShellEngine
import EmulatedHost
import MailslotTransport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One simulated event a lab workload logged. It imitates what an application log would hold;
/// it is labelled simulated and carries no Windows event id.
struct LabEvent: Sendable {
    enum Result: String, Sendable { case success = "Success", failure = "Failure" }

    let index: Int
    /// Seconds since 1970 with milliseconds.
    let time: Double
    /// The workload that logged it.
    let source: String
    /// The computer the workload runs on.
    let computer: String
    let kind: String
    let target: String
    let result: Result
    /// The Win32 error of a failure (3025 while remote mailslots are disabled), 0 on success.
    let errorCode: UInt32
    let message: String
}

/// The lab's event log, written by workload threads and read by `Get-LabEvent`. Bounded: the
/// oldest entries go first.
final class LabEventLog: Sendable {
    static let capacity = 10_000
    private let state = Mutex<(next: Int, events: [LabEvent])>((1, []))

    func log(source: String, computer: String, kind: String, target: String, error: Win32Error?, bytes: Int) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let time = Double(now.tv_sec) + Double(now.tv_nsec / 1_000_000) / 1000
        let message = error.map { "WriteFile to \(target) failed with error \($0.code): \($0.message)" }
            ?? "Wrote \(bytes) bytes to \(target)."
        state.withLock { state in
            state.events.append(LabEvent(index: state.next, time: time, source: source, computer: computer, kind: kind,
                                         target: target, result: error == nil ? .success : .failure,
                                         errorCode: error?.code ?? 0, message: message))
            state.next += 1
            if state.events.count > Self.capacity { state.events.removeFirst(state.events.count - Self.capacity) }
        }
    }

    var events: [LabEvent] { state.withLock { $0.events } }

    func clear() { state.withLock { $0.events.removeAll() } }
}

extension LabEvent {
    /// The object `Get-LabEvent` returns.
    var psObject: PSValue {
        let o = PSCustomObject(typeNames: ["SmbConfigShell.LabEvent", "System.Object"])
        o.add("Index", .int32(Int32(clamping: index)))
        o.add("TimeCreated", .string(LabEvent.timeText(time)))
        o.add("LogName", .string("Lab (simulated)"))
        o.add("Simulated", .bool(true))
        o.add("Level", .string(result == .success ? "Information" : "Error"))
        o.add("Source", .string(source))
        o.add("Computer", .string(computer))
        o.add("Kind", .string(kind))
        o.add("Target", .string(target))
        o.add("Result", .string(result.rawValue))
        o.add("ErrorCode", .uint32(errorCode))
        o.add("Message", .string("[simulated] " + message))
        return .object(o)
    }

    static func timeText(_ time: Double) -> String {
        var seconds = time_t(time)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = Int((time - Double(Int(time))) * 1000)
        let m = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(m)"
    }
}
