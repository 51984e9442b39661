/// The host's NetBIOS names, the name service calls behind `nbtstat`, and the Computer Browser's
/// host announcements.
extension MailslotService {
    struct BrowserState {
        var running = false
        /// Bumped whenever announcements start or stop, so a timer of an older schedule does nothing.
        var generation = 0
        var announcementsSent = 0
    }

    /// Intervals between host announcements ([MS-BRWS] 3.2.6: 1, 2, 4, 8 and 12 minutes, then
    /// every 12 minutes), in milliseconds.
    static let announcementIntervals: [UInt64] = [60_000, 120_000, 240_000, 480_000, 720_000]

    /// The names this host registers: `COMPUTER<00>`, `COMPUTER<20>`, `WORKGROUP<00>` (group),
    /// and while the Computer Browser runs `WORKGROUP<1E>` (group).
    public var registeredNames: [(name: NetBIOSName, isGroup: Bool)] {
        var names: [(name: NetBIOSName, isGroup: Bool)] = [
            (NetBIOSName(configuration.computerName, suffix: 0x00), false),
            (NetBIOSName(configuration.computerName, suffix: 0x20), false),
            (NetBIOSName(configuration.workgroup, suffix: 0x00), true),
        ]
        if computerBrowserRunning { names.append((NetBIOSName(configuration.workgroup, suffix: 0x1E), true)) }
        return names
    }

    /// True when received datagrams to `name` are for this host.
    func holds(_ name: NetBIOSName) -> Bool {
        if let names = runningNetwork?.names { return names.owns(name) }
        return registeredNames.contains { $0.name == name }
    }

    /// Whether the emulated host runs the Computer Browser service (absent from Windows 11 24H2 and
    /// Server 2025). While it runs, the host holds `WORKGROUP<1E>` (so it hears elections and
    /// master browser announcements) and announces itself to `WORKGROUP<1D>`.
    public var computerBrowserRunning: Bool {
        get { browserState.withLock { $0.running } }
        set {
            let changed = browserState.withLock { state -> Bool in
                guard state.running != newValue else { return false }
                state.running = newValue
                state.generation += 1
                return true
            }
            guard changed, let network = runningNetwork else { return }
            let election = NetBIOSName(configuration.workgroup, suffix: 0x1E)
            if newValue {
                network.names?.register([(election, isGroup: true)])
                scheduleAnnouncement(on: network, index: 0, generation: browserState.withLock { $0.generation }, delay: 0)
            } else {
                network.names?.unregister(election)
            }
        }
    }

    /// Called once the sockets run: registers the names and starts the announcements.
    func networkStarted(_ network: Network) {
        network.names?.register(registeredNames.map { ($0.name, isGroup: $0.isGroup) })
        let (running, generation) = browserState.withLock { ($0.running, $0.generation) }
        if running { scheduleAnnouncement(on: network, index: 0, generation: generation, delay: 0) }
    }

    private func scheduleAnnouncement(on network: Network, index: Int, generation: Int, delay: UInt64) {
        network.reactor.schedule(afterMilliseconds: delay) { [weak self] in
            guard let self, self.browserState.withLock({ $0.running && $0.generation == generation }) else { return }
            let interval = Self.announcementIntervals[min(index, Self.announcementIntervals.count - 1)]
            self.announceHost(on: network, periodicity: interval)
            self.scheduleAnnouncement(on: network, index: index + 1, generation: generation, delay: interval)
        }
    }

    /// Sends one HostAnnouncement to `WORKGROUP<1D>` (`\MAILSLOT\BROWSE`) when the outbound
    /// policy allows remote mailslots. Failures are warnings.
    func announceHost(on network: Network, periodicity: UInt64) {
        guard policy.outboundRemoteAllowed else { return }
        let data = BrowserAnnouncement.host(computerName: configuration.computerName,
                                            periodicity: UInt32(clamping: periodicity))
        guard let target = resolver(network).resolve(.named(configuration.workgroup), nameType: .masterBrowser, in: lmhosts())
        else { return }
        do {
            try send(target, mailslot: #"\MAILSLOT\BROWSE"#, data: data, on: network)
            browserState.withLock { $0.announcementsSent += 1 }
        } catch {
            warn("The host announcement was not sent: \(error.message)")
        }
    }

    /// Host announcements sent so far.
    public var hostAnnouncementsSent: Int { browserState.withLock { $0.announcementsSent } }

    // MARK: nbtstat

    /// The local name table (`nbtstat -n`); starts the service. Empty when it cannot run.
    public func localNetBIOSNames() -> [LocalNetBIOSName] {
        network()?.names?.localNames() ?? []
    }

    /// This node's IPv4 address as the name and datagram services report it (`Node IpAddress`);
    /// starts the service. Nil when it cannot run.
    public var nodeAddress: UInt32? { network()?.datagrams.sourceIP }

    /// The remote name cache (`nbtstat -c`).
    public func cachedNetBIOSNames() -> [CachedNetBIOSName] {
        runningNetwork?.names?.cachedNames() ?? []
    }

    /// Empties the remote name cache (`nbtstat -R`).
    public func purgeNetBIOSNameCache() {
        runningNetwork?.names?.purgeCache()
    }

    /// Name service counters (`nbtstat -r`).
    public func netBIOSNameStatistics() -> NameServiceStatistics {
        runningNetwork?.names?.statistics() ?? NameServiceStatistics()
    }

    /// The addresses of a name (cache, WINS, broadcast query, then lmhosts); nil when unknown.
    public func resolveNetBIOSName(_ name: String, suffix: UInt8 = 0x00) -> [DatagramAddress]? {
        guard let network = network() else { return nil }
        let names = network.names
        let port = names?.localAddress.port ?? 137
        if NameResolver.netBIOSKey(name) == NameResolver.netBIOSKey(configuration.computerName) {
            return [DatagramAddress(ipv4: network.datagrams.sourceIP, port: port)]
        }
        if let answer = names?.resolve(NetBIOSName(name, suffix: suffix)) {
            return answer.addresses.map { DatagramAddress(ipv4: $0, port: port) }
        }
        let key = NameResolver.netBIOSKey(name)
        let hosts = lmhosts().entries.filter { $0.name == key }
        return hosts.isEmpty ? nil : hosts.map { DatagramAddress(ipv4: $0.address.ipv4, port: port) }
    }

    /// A node status request (`nbtstat -A`); nil when the node does not answer or the name service
    /// is not running.
    public func nodeStatus(of address: DatagramAddress) -> NodeStatus? {
        network()?.names?.nodeStatus(of: address)
    }
}

/// Browser datagrams ([MS-BRWS] 2.2).
public enum BrowserAnnouncement {
    /// SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_NT | SV_TYPE_POTENTIAL_BROWSER.
    public static let workstationServerType: UInt32 = 0x0001_1003

    /// A HostAnnouncement (opcode 1): update count 0, the periodicity (ms), the 16-byte NUL-padded
    /// server name, OS version 10.0, the server type, browser version 15.1, signature 0xAA55, an
    /// empty comment.
    public static func host(computerName: String, periodicity: UInt32, serverType: UInt32 = workstationServerType,
                            comment: String = "") -> [UInt8] {
        var out: [UInt8] = [0x01, 0x00]
        out += littleEndian(periodicity)
        var name = Array(MailslotName.upperASCII(computerName).utf8.prefix(15))
        name += repeatElement(0, count: 16 - name.count)
        out += name
        out += [10, 0]
        out += littleEndian(serverType)
        out += [15, 1, 0x55, 0xAA]
        out += Array(comment.utf8.prefix(43).filter { $0 != 0 }) + [0]
        return out
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8),
         UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 24)]
    }
}
