import MailslotTransport
import SMBPolicy
#if canImport(Glibc)
import Glibc
#endif

/// State the engine creates on first use, so start-up reads no file and opens no socket.
struct EngineServices {
    var store: PolicyStore?
    var snapshot: PolicySnapshot?
    var mailslots: MailslotService?
    /// Lab workloads, simulated hosts, captures and the running lab.
    let labs = LabServices()

    var mailslotNames: [String] {
        mailslots?.listMailslots().map { $0.name.path } ?? []
    }

    func shutdown() {
        labs.shutdown()
        mailslots?.shutdown()
    }
}

extension Engine {

    /// The OS profile from `SMBCONFIG_OS_PROFILE` (unknown values fall back to the default).
    var osProfile: OSProfile {
        OSProfile.resolve(environmentValue: configuration.environment[OSProfile.environmentVariable]).profile
    }

    /// `COMPUTERNAME`, else the host name upper-cased and cut to 15 characters (a NetBIOS name).
    var computerName: String {
        if let name = configuration.environment["COMPUTERNAME"], !name.isEmpty { return name }
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        let host = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let short = host.split(separator: ".").first.map(String.init) ?? host
        return String(short.uppercased().prefix(15))
    }

    var workgroup: String {
        configuration.environment["SMBCONFIG_WORKGROUP"].flatMap { $0.isEmpty ? nil : $0 } ?? "WORKGROUP"
    }

    var policyStore: PolicyStore {
        if let store = services.store { return store }
        let store = PolicyStore(folder: configuration.stateFolder, profile: osProfile)
        services.store = store
        return store
    }

    /// The effective SMB policy, read from the state folder on first use.
    func policySnapshot(warn: (String) -> Void = { _ in }) -> PolicySnapshot {
        if let snapshot = services.snapshot { return snapshot }
        let loaded = policyStore.load()
        for warning in loaded.warnings {
            host.write("WARNING: " + warning + "\n", stream: .warning)
        }
        if let warning = OSProfile.resolve(environmentValue: configuration.environment[OSProfile.environmentVariable]).warning {
            host.write("WARNING: " + warning + "\n", stream: .warning)
        }
        applyPolicy(loaded.snapshot)
        return loaded.snapshot
    }

    /// Records a new policy and applies it to the transport (client → outbound, server → inbound).
    func applyPolicy(_ snapshot: PolicySnapshot) {
        services.snapshot = snapshot
        services.mailslots?.policy = transportPolicy(snapshot)
    }

    private func transportPolicy(_ snapshot: PolicySnapshot) -> TransportPolicy {
        guard snapshot.profile.gatesRemoteMailslots else { return .allowed }
        return TransportPolicy(outboundRemoteAllowed: snapshot.mailslotsEnabled(.client),
                               inboundRemoteAllowed: snapshot.mailslotsEnabled(.server))
    }

    /// The mailslot service, created on first use with the current policy applied.
    var mailslotService: MailslotService {
        if let service = services.mailslots { return service }
        var configuration = TransportConfiguration.fromEnvironment(self.configuration.environment)
        configuration.computerName = computerName
        configuration.workgroup = workgroup
        if self.configuration.environment["SMBCONFIG_LMHOSTS"] == nil {
            configuration.lmhostsPath = self.configuration.stateFolder + "/lmhosts"
        }
        let service = MailslotService(configuration: configuration, policy: transportPolicy(policySnapshot()))
        services.mailslots = service
        return service
    }
}
