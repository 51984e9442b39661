import EmulatedHost
import FoundationEssentials
import MailslotTransport
import SMBPolicy
import ShellEngine
#if canImport(Glibc)
import Glibc
#endif

/// A simulated computer of a lab: its own NetBIOS name, mailslot service and UDP endpoint on
/// loopback, and the remote-mailslot policy its Windows version implies.
final class LabHost {
    let name: String
    let profile: OSProfile
    let service: MailslotService
    let mailslots: [String]

    init(name: String, profile: OSProfile, policy: TransportPolicy, workgroup: String, lmhostsPath: String?,
         mailslots: [String]) throws(Win32Error) {
        self.name = name
        self.profile = profile
        self.mailslots = mailslots
        let configuration = TransportConfiguration(computerName: name, workgroup: workgroup, endpoint: "127.0.0.1:0",
                                                   lmhostsPath: lmhostsPath)
        service = MailslotService(configuration: configuration, policy: policy)
        for slot in mailslots { try service.createMailslot(name: slot) }
    }

    /// The bound endpoint (binding it now if no mailslot did).
    var address: DatagramAddress? { service.boundEndpoint }
}

/// The lab layer's state in one engine: workloads, simulated hosts, the event log, the capture
/// and the running lab. Created empty; nothing starts until a lab command needs it.
final class LabServices: EngineService {
    let events = LabEventLog()
    private(set) var apps: [LegacyApp] = []
    private(set) var hosts: [LabHost] = []
    var capture: (writer: PcapWriter, tap: DatagramTap)?
    var lab: RunningLab?
    /// Set while Test-Lab runs the checks, so a check cannot start, reset or grade a lab.
    var checking = false

    func app(named name: String) -> LegacyApp? { apps.first { $0.name.caseInsensitiveEquals(name) } }
    func host(named name: String) -> LabHost? { hosts.first { $0.name.caseInsensitiveEquals(name) } }

    func add(_ app: LegacyApp) { apps.append(app) }

    func remove(_ app: LegacyApp) {
        app.stop()
        apps.removeAll { $0 === app }
    }

    func add(_ host: LabHost) { hosts.append(host) }

    func stopCapture() -> PcapWriter? {
        guard let capture else { return nil }
        capture.tap.stop()
        capture.writer.close()
        self.capture = nil
        return capture.writer
    }

    /// Stops every workload and simulated host (before the engine's own transport shuts down).
    func stopAll() {
        for app in apps { app.stop() }
        apps.removeAll()
        for host in hosts { host.service.shutdown() }
        hosts.removeAll()
    }

    /// Puts back the lmhosts file the running lab replaced (or removes the lab's one).
    func restoreLmhosts() {
        guard let lab, let path = lab.lmhostsPath else { return }
        if let saved = lab.savedLmhosts {
            _ = FileSystemHelpers.write(path, saved)
        } else {
            unlink(path)
        }
        MailslotService.lmhostsMayHaveChanged()
    }

    /// At exit: the simulated hosts vanish, so their lmhosts entries go too.
    func shutdown() {
        _ = stopCapture()
        stopAll()
        restoreLmhosts()
    }
}

extension Engine {
    /// The lab layer's state in this engine, created on first use. The emulated host comes first,
    /// so the labs' workloads stop before its transport does.
    var labServices: LabServices {
        _ = emulatedHost
        return service(LabServices.self) { LabServices() }
    }
}
