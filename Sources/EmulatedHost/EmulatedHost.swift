import MailslotTransport
import SMBPolicy
import ShellEngine

/// The emulated Windows machine of one engine, shared by the modules that act on it: its OS
/// profile, name and workgroup, the SMB policy store and the effective policy, and the mailslot
/// service that policy gates. Created on first use, so start-up reads no file and opens no socket.
/// The policy follows changes other shells sharing SMBCONFIG_HOME make (`PolicyMonitor`: the file
/// is looked at no more than once a second).
package final class EmulatedHost: EngineService {
    package let profile: OSProfile
    /// The warning an unknown `SMBCONFIG_OS_PROFILE` value gives, shown once with the policy.
    private let profileWarning: String?
    package let computerName: String
    package let workgroup: String
    private let configuration: EngineConfiguration
    private let host: PSHostUserInterface
    private var monitor: PolicyMonitor?
    private var mailslots: MailslotService?

    package init(configuration: EngineConfiguration, host: PSHostUserInterface) {
        let resolved = OSProfile.resolve(environmentValue: configuration.environment[OSProfile.environmentVariable])
        profile = resolved.profile
        profileWarning = resolved.warning
        computerName = HostIdentity.computerName(environment: configuration.environment)
        workgroup = configuration.environment["SMBCONFIG_WORKGROUP"].flatMap { $0.isEmpty ? nil : $0 } ?? "WORKGROUP"
        self.configuration = configuration
        self.host = host
    }

    /// Makes `engine` report this machine (name, workgroup, Windows build) and tells the mailslot
    /// services when the runtime writes a file (it may be lmhosts). Every module that acts on the
    /// emulated host calls this from its `register(in:)`; it is cheap and runs once per engine.
    package static func attach(to registration: ModuleRegistration) {
        let engine = registration.engine
        guard engine.existingService(EmulatedHost.self) == nil else { return }
        let emulated = engine.emulatedHost
        engine.identity = HostIdentity(computerName: emulated.computerName, workgroup: emulated.workgroup,
                                       windowsBuild: emulated.profile.windowsBuild)
        engine.fileWriteObservers.append { _ in MailslotService.lmhostsMayHaveChanged() }
    }

    /// The policy of this shell, created on first use (an unknown profile's warning is given then).
    private var policyMonitor: PolicyMonitor {
        if let monitor { return monitor }
        let monitor = PolicyMonitor(store: PolicyStore(folder: configuration.stateFolder, profile: profile))
        self.monitor = monitor
        if let profileWarning {
            host.write("WARNING: " + profileWarning + "\n", stream: .warning)
        }
        return monitor
    }

    package var policyStore: PolicyStore { policyMonitor.store }

    /// The effective SMB policy: read from the state folder on first use, read again when another
    /// shell changed the file. Warnings about the file go to the host, each once.
    package func policySnapshot() -> PolicySnapshot {
        let monitor = policyMonitor
        let snapshot = monitor.snapshot()
        for warning in monitor.drainWarnings() {
            host.write("WARNING: " + warning + "\n", stream: .warning)
        }
        return snapshot
    }

    /// A change this shell saved takes effect at once, in Get-* output and in both gates.
    package func applyPolicy(_ change: PolicyChangeResult) {
        policyMonitor.record(change)
    }

    /// Saves a change to the host (registry, services, features) and puts it in effect at once;
    /// warnings met reading the old file go to the host.
    @discardableResult
    package func commit(_ change: (PolicyStore) throws(PolicyStoreError) -> PolicyChangeResult)
        throws(PolicyStoreError) -> PolicyChangeResult {
        _ = policySnapshot()
        let result = try change(policyStore)
        for warning in result.warnings { host.write("WARNING: " + warning + "\n", stream: .warning) }
        applyPolicy(result)
        return result
    }

    private static func transportPolicy(_ snapshot: PolicySnapshot) -> TransportPolicy {
        guard snapshot.profile.gatesRemoteMailslots else { return .allowed }
        return TransportPolicy(outboundRemoteAllowed: snapshot.mailslotsEnabled(.client),
                               inboundRemoteAllowed: snapshot.mailslotsEnabled(.server))
    }

    /// The mailslot service, created on first use. It asks the policy at every remote write
    /// (client → outbound) and every received datagram (server → inbound), so a change another
    /// shell makes reaches both gates within a second even while this shell is busy or waiting.
    package var mailslotService: MailslotService {
        if let mailslots { return mailslots }
        var transport = TransportConfiguration.fromEnvironment(configuration.environment)
        transport.computerName = computerName
        transport.workgroup = workgroup
        if configuration.environment["SMBCONFIG_LMHOSTS"] == nil {
            transport.lmhostsPath = configuration.stateFolder + "/lmhosts"
        }
        let monitor = policyMonitor
        let service = MailslotService(configuration: transport, policy: Self.transportPolicy(policySnapshot()))
        service.followPolicy { Self.transportPolicy(monitor.snapshot()) }
        service.computerBrowserRunning = profile.runsComputerBrowser
        mailslots = service
        return service
    }

    /// Names of the local mailslots this shell created (for `-Name` completion); none before the
    /// service starts.
    package var mailslotNames: [String] {
        mailslots?.listMailslots().map { $0.name.path } ?? []
    }

    package func shutdown() {
        mailslots?.shutdown()
    }
}

extension Engine {
    /// The emulated machine of this engine.
    package var emulatedHost: EmulatedHost {
        service(EmulatedHost.self) { EmulatedHost(configuration: configuration, host: host) }
    }

    /// The emulated machine's OS profile (`SMBCONFIG_OS_PROFILE`).
    package var osProfile: OSProfile { emulatedHost.profile }
    package var computerName: String { emulatedHost.computerName }
    package var workgroup: String { emulatedHost.workgroup }
    package var policyStore: PolicyStore { emulatedHost.policyStore }
    package func policySnapshot() -> PolicySnapshot { emulatedHost.policySnapshot() }
    package func applyPolicy(_ change: PolicyChangeResult) { emulatedHost.applyPolicy(change) }
    package var mailslotService: MailslotService { emulatedHost.mailslotService }
}

extension OSProfile {
    /// Whether the release still runs the Computer Browser service (it announces the host and
    /// holds the browser election name); Windows 11 24H2 and Windows Server 2025 have none.
    package var runsComputerBrowser: Bool { !gatesRemoteMailslots }

    /// The Windows build the profile reports (`$PSVersionTable.BuildVersion`).
    package var windowsBuild: WindowsBuild {
        WindowsBuild(number: windowsVersion.build, revision: windowsVersion.revision)
    }
}

/// The subcommands of the emulated `net` program by name (`start`, `share`, …): each module that
/// owns a part of the host adds its own; the handler gets the arguments after the subcommand and
/// returns the program's exit code.
package final class NetSubcommands: EngineService {
    package typealias Handler = (CommandContext, [String]) throws -> Int32
    package private(set) var handlers: [String: Handler] = [:]

    package init() {}
    package func shutdown() {}

    package func add(_ name: String, _ handler: @escaping Handler) { handlers[name.lowercased()] = handler }
}

extension Engine {
    package var netSubcommands: NetSubcommands { service(NetSubcommands.self) { NetSubcommands() } }
}
