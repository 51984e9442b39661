import ShellEngine
import EmulatedHost
import Dispatch
import MailslotTransport
import Synchronization

/// The kinds of legacy remote-mailslot programs a lab can run.
enum LegacyAppKind: String, CaseIterable, Sendable {
    /// A line-of-business client writing records to `\\SERVER\mailslot\…`.
    case lineOfBusiness = "LineOfBusiness"
    /// A Messenger-style broadcaster writing to `\\*\mailslot\messngr`.
    case messenger = "Messenger"
    /// A Computer Browser host announcer writing HostAnnouncement frames to `\MAILSLOT\BROWSE`.
    case browserAnnouncer = "BrowserAnnouncer"

    init?(name: String) {
        guard let match = LegacyAppKind.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(name) }) else { return nil }
        self = match
    }

    func defaultTarget(workgroup: String) -> String? {
        switch self {
        case .lineOfBusiness: return nil
        case .messenger: return #"\\*\MAILSLOT\MESSNGR"#
        case .browserAnnouncer: return #"\\"# + workgroup + #"\MAILSLOT\BROWSE"#
        }
    }
}

/// A legacy program that writes to a remote mailslot on a timer.
///
/// Threading: each app has its own serial dispatch queue. A tick calls only the thread-safe
/// `MailslotService` (whose policy the engine updates at once on every change) and the
/// thread-safe event log, never the engine. `start` runs the first tick synchronously, so the
/// command that starts an app has already seen its first result; `tickNow` runs one more.
final class LegacyApp: Sendable {
    let name: String
    let kind: LegacyAppKind
    /// The NetBIOS name type the writes address (nil: the one the path implies).
    let nameType: MailslotNameType?
    /// The computer the app runs on (this shell's name or a simulated lab host).
    let computer: String
    let target: String
    let text: String
    let intervalMilliseconds: Int
    private let service: MailslotService
    private let log: LabEventLog
    private let queue: DispatchQueue
    private let state = Mutex(State())

    struct State {
        var running = false
        var generation = 0
        var sequence = 0
        var successes = 0
        var failures = 0
        var lastError: UInt32 = 0
    }

    init(name: String, kind: LegacyAppKind, computer: String, target: String, text: String,
         intervalMilliseconds: Int, service: MailslotService, log: LabEventLog, nameType: MailslotNameType? = nil) {
        self.name = name
        self.nameType = nameType
        self.kind = kind
        self.computer = computer
        self.target = target
        self.text = text
        self.intervalMilliseconds = max(50, intervalMilliseconds)
        self.service = service
        self.log = log
        self.queue = DispatchQueue(label: "smbconfig.legacy-app." + name)
    }

    var snapshot: State { state.withLock { $0 } }

    func start() {
        let generation = state.withLock { s -> Int in
            s.running = true
            s.generation += 1
            return s.generation
        }
        queue.sync { tick() }
        schedule(generation)
    }

    /// Stops the timer and waits for a tick in progress.
    func stop() {
        state.withLock { $0.running = false; $0.generation += 1 }
        queue.sync {}
    }

    func tickNow() { queue.sync { tick() } }

    private func schedule(_ generation: Int) {
        queue.asyncAfter(deadline: .now() + .milliseconds(intervalMilliseconds)) { [self] in
            guard state.withLock({ $0.running && $0.generation == generation }) else { return }
            tick()
            schedule(generation)
        }
    }

    private func tick() {
        let sequence = state.withLock { s -> Int in s.sequence += 1; return s.sequence }
        let payload = LegacyPayload.bytes(kind: kind, computer: computer, text: text, sequence: sequence,
                                          periodicity: UInt32(intervalMilliseconds))
        var failure: Win32Error?
        do throws(Win32Error) {
            try service.write(path: target, data: payload, nameType: nameType)
        } catch {
            failure = error
        }
        _ = service.drainWarnings()
        state.withLock { s in
            if let failure { s.failures += 1; s.lastError = failure.code } else { s.successes += 1 }
        }
        log.log(source: name, computer: computer, kind: kind.rawValue, target: target, error: failure, bytes: payload.count)
    }
}

/// What each kind of legacy program writes.
enum LegacyPayload {
    static func bytes(kind: LegacyAppKind, computer: String, text: String, sequence: Int, periodicity: UInt32) -> [UInt8] {
        switch kind {
        case .lineOfBusiness:
            return Array("\(text) #\(sequence) from \(computer)".utf8.prefix(MailslotService.maximumRemoteMessageSize))
        case .messenger:
            // The Messenger service's format: sender, recipient, text, each NUL-terminated.
            return Array((computer + "\0" + "*" + "\0" + text + "\0").utf8.prefix(MailslotService.maximumRemoteMessageSize))
        case .browserAnnouncer:
            return hostAnnouncement(computer: computer, comment: text, periodicity: periodicity, updateCount: sequence)
        }
    }

    /// [MS-BRWS] 2.2.1 HostAnnouncement: opcode 1, update count, periodicity (ms), server name (16
    /// bytes), OS version 10.0, server type (workstation | server | NT), browser version 15.1,
    /// signature 0xAA55, comment.
    static func hostAnnouncement(computer: String, comment: String, periodicity: UInt32, updateCount: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x01, UInt8(truncatingIfNeeded: updateCount)]
        bytes += withUnsafeBytes(of: periodicity.littleEndian, Array.init)
        var name = Array(computer.uppercased().utf8.prefix(15))
        name += [UInt8](repeating: 0, count: 16 - name.count)
        bytes += name
        bytes += [10, 0]
        let serverType: UInt32 = 0x0000_1003   // SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_NT
        bytes += withUnsafeBytes(of: serverType.littleEndian, Array.init)
        bytes += [0x0F, 0x01, 0x55, 0xAA]
        bytes += Array(comment.utf8.prefix(40)) + [0]
        return bytes
    }
}
