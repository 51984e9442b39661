import Glibc
import Testing
@testable import MailslotTransport

/// Two hosts on 127.0.0.2 and 127.0.0.3 sharing ports, with 127.255.255.255 (the loopback
/// subnet's broadcast address) as their broadcast address: real broadcasts, name registration,
/// queries, node status and defence, without a network.
@Suite(.serialized) struct NetBIOSLoopbackTests {
    let directory = temporaryDirectory()

    /// A port free on every loopback address right now.
    static func freePort() -> UInt16 {
        let probe = UDPSocket()
        return probe.port
    }

    func makeHost(_ name: String, address: String, datagramPort: UInt16, namePort: UInt16,
                  policy: TransportPolicy = .allowed, wins: String? = nil) -> MailslotService {
        MailslotService(configuration: TransportConfiguration(
            computerName: name, endpoint: "\(address):\(datagramPort)", lmhostsPath: directory + "/lmhosts",
            broadcastAddress: "127.255.255.255:\(datagramPort)", nameEndpoint: "\(address):\(namePort)",
            winsServer: wins), policy: policy)
    }

    @Test func broadcastsLeaveWithTheirSourceAndReachEveryHolderOnce() throws {
        let port = Self.freePort(), namePort = Self.freePort()
        let alpha = makeHost("ALPHA", address: "127.0.0.2", datagramPort: port, namePort: namePort)
        let beta = makeHost("BETA", address: "127.0.0.3", datagramPort: port, namePort: namePort)
        defer { alpha.shutdown(); beta.shutdown() }
        try alpha.createMailslot(name: "lab", readTimeout: 3000)
        try beta.createMailslot(name: "lab", readTimeout: 3000)
        let sent = Captured()
        beta.tap.start { datagram in sent.append(datagram) }

        try alpha.write(path: #"\\*\mailslot\lab"#, data: Array("star".utf8))
        #expect(try beta.read(name: "lab") == Array("star".utf8))
        #expect(try alpha.read(name: "lab") == Array("star".utf8))   // it hears its own broadcast
        #expect(try alpha.mailslotInfo(name: "lab").messageCount == 0)
        #expect(alpha.statistics().datagramsSent == 1)
        #expect(alpha.drainWarnings().isEmpty)

        let received = try #require(sent.items.first { $0.direction == .received })
        let datagram = try DatagramCodec.decode(received.payload)
        #expect(datagram.header.sourceIP == 0x7F00_0002)
        #expect(datagram.header.messageType == .directGroup)
        #expect(datagram.header.destinationName == NetBIOSName("WORKGROUP", suffix: 0))
        #expect(datagram.mailslotName == #"\MAILSLOT\LAB"#)
    }

    @Test func namesAreRegisteredResolvedByBroadcastAndStatusIsAnswered() throws {
        let port = Self.freePort(), namePort = Self.freePort()
        let alpha = makeHost("ALPHA", address: "127.0.0.2", datagramPort: port, namePort: namePort)
        let beta = makeHost("BETA", address: "127.0.0.3", datagramPort: port, namePort: namePort)
        defer { alpha.shutdown(); beta.shutdown() }
        #expect(alpha.boundNameEndpoint == nil)   // lazy: nothing before the first use
        try beta.createMailslot(name: "lab", readTimeout: 3000)
        #expect(eventually { beta.localNetBIOSNames().allSatisfy { $0.state == .registered } })
        #expect(beta.localNetBIOSNames().map(\.name.description) == ["BETA<00>", "BETA<20>", "WORKGROUP<00>"])

        // No lmhosts line: BETA is found by a broadcast name query.
        try alpha.write(path: #"\\BETA\mailslot\lab"#, data: [7])
        #expect(try beta.read(name: "lab") == [7])
        #expect(alpha.cachedNetBIOSNames().map(\.name.description) == ["BETA<00>"])
        #expect(alpha.cachedNetBIOSNames().first?.addresses == [0x7F00_0003])
        #expect(alpha.netBIOSNameStatistics().resolvedByBroadcast == 1)
        #expect(alpha.resolveNetBIOSName("beta")?.map(\.ipv4) == [0x7F00_0003])
        alpha.purgeNetBIOSNameCache()
        #expect(alpha.cachedNetBIOSNames().isEmpty)

        let status = try #require(alpha.nodeStatus(of: DatagramAddress(ipv4: 0x7F00_0003, port: namePort)))
        #expect(status.entries.map(\.name) == [NetBIOSName("BETA", suffix: 0), NetBIOSName("BETA", suffix: 0x20),
                                               NetBIOSName("WORKGROUP", suffix: 0)])
        #expect(status.entries.map(\.isGroup) == [false, false, true])

        #expect(throws: Win32Error.badNetPath) { try alpha.write(path: #"\\NOBODY\mailslot\lab"#, data: [1]) }
    }

    @Test func aSecondHostWithTheSameNameIsRefused() throws {
        let port = Self.freePort(), namePort = Self.freePort()
        let first = makeHost("TWIN", address: "127.0.0.2", datagramPort: port, namePort: namePort)
        let second = makeHost("TWIN", address: "127.0.0.3", datagramPort: port, namePort: namePort)
        defer { first.shutdown(); second.shutdown() }
        _ = first.localNetBIOSNames()
        #expect(eventually { first.localNetBIOSNames().allSatisfy { $0.state == .registered } })
        _ = second.localNetBIOSNames()
        #expect(eventually { second.localNetBIOSNames().filter { $0.state == .conflict }.count == 2 })
        #expect(eventually { second.localNetBIOSNames().first { $0.name == NetBIOSName("WORKGROUP", suffix: 0) }?.state == .registered })
        #expect(first.netBIOSNameStatistics().registrationsDefended >= 2)
        #expect(second.drainWarnings().contains { $0.contains("TWIN<00>") && $0.contains("conflict") })
    }

    @Test func theBrowserNameAndAnnouncementsFollowTheComputerBrowser() throws {
        let port = Self.freePort(), namePort = Self.freePort()
        let browser = makeHost("OLDHOST", address: "127.0.0.2", datagramPort: port, namePort: namePort)
        let modern = makeHost("NEWHOST", address: "127.0.0.3", datagramPort: port, namePort: namePort)
        defer { browser.shutdown(); modern.shutdown() }
        browser.computerBrowserRunning = true
        try modern.createMailslot(name: "browse", readTimeout: 300)
        try browser.createMailslot(name: "browse", readTimeout: 3000)
        #expect(browser.localNetBIOSNames().contains { $0.name == NetBIOSName("WORKGROUP", suffix: 0x1E) })
        #expect(!modern.localNetBIOSNames().contains { $0.name == NetBIOSName("WORKGROUP", suffix: 0x1E) })
        #expect(eventually { browser.hostAnnouncementsSent == 1 })

        // An election to WORKGROUP<1E>: the browser hears it, the host without one drops it.
        try modern.write(path: #"\\WORKGROUP\mailslot\browse"#, data: [8, 1], nameType: .browserElection)
        #expect(try browser.read(name: "browse") == [8, 1])
        // The announcement and its own election reach the modern host, which holds neither name.
        #expect(eventually { modern.statistics().droppedNotForThisHost == 2 })
        #expect(browser.statistics().droppedNotForThisHost == 1)   // its announcement to <1D>
        #expect(throws: Win32Error.semTimeout) { try modern.read(name: "browse") }
    }
}

final class Captured: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var stored: [TappedDatagram] = []
    init() { pthread_mutex_init(lock, nil) }
    func append(_ item: TappedDatagram) { pthread_mutex_lock(lock); stored.append(item); pthread_mutex_unlock(lock) }
    var items: [TappedDatagram] { pthread_mutex_lock(lock); defer { pthread_mutex_unlock(lock) }; return stored }
}
