/// The lab layer's state in one engine: workloads, simulated hosts, the event log, captures and
/// the running lab. Created empty; nothing starts until a lab command needs it.
final class LabServices {
    func shutdown() {}
}
