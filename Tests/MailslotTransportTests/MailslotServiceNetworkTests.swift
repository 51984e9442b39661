import Glibc
import Synchronization
import Testing
@testable import MailslotTransport

/// Two services (and plain UDP sockets) on loopback ports, talking real UDP.
@Suite struct MailslotServiceNetworkTests {
    let directory = temporaryDirectory()
    var lmhosts: String { directory + "/lmhosts" }

    func makeService(_ name: String, policy: TransportPolicy = .allowed) -> MailslotService {
        MailslotService(configuration: TransportConfiguration(computerName: name, endpoint: "127.0.0.1:0",
                                                              lmhostsPath: lmhosts), policy: policy)
    }

    @Test func twoHostsExchangeBothWaysAndTheStarReachesBoth() throws {
        let alpha = makeService("ALPHA"), beta = makeService("beta")
        defer { alpha.shutdown(); beta.shutdown() }
        #expect(alpha.boundEndpoint == nil)   // nothing bound before the first mailslot
        try alpha.createMailslot(name: "lab", readTimeout: 3000)
        try beta.createMailslot(name: #"\\.\mailslot\LAB"#, readTimeout: 3000)
        let a = try #require(alpha.boundEndpoint), b = try #require(beta.boundEndpoint)
        #expect(a.port != 0 && b.port != 0 && a != b)
        writeFile(lmhosts, "\(a) ALPHA #PRE #DOM:WORKGROUP\n\(b) BETA #PRE #DOM:WORKGROUP\n")

        try alpha.write(path: #"\\BETA\mailslot\lab"#, data: Array("to beta".utf8))
        #expect(try beta.read(name: "lab") == Array("to beta".utf8))
        try beta.write(path: #"\\alpha\MAILSLOT\Lab"#, data: Array("to alpha".utf8))
        #expect(try alpha.read(name: "lab") == Array("to alpha".utf8))
        try alpha.write(path: #"\\ALPHA\mailslot\lab"#, data: [1])   // the own name is the own endpoint
        #expect(try alpha.read(name: "lab") == [1])

        try alpha.write(path: #"\\*\mailslot\lab"#, data: Array("everyone".utf8))
        #expect(try alpha.read(name: "lab") == Array("everyone".utf8))
        #expect(try beta.read(name: "lab") == Array("everyone".utf8))
        try beta.write(path: #"\\WORKGROUP\mailslot\lab"#, data: [2])
        #expect(try alpha.read(name: "lab") == [2])
        #expect(try beta.read(name: "lab") == [2])
        #expect(try alpha.mailslotInfo(name: "lab").messageCount == 0)

        #expect(alpha.statistics().datagramsSent == 4)   // BETA, itself, and both for the star
        #expect(beta.statistics().datagramsDelivered == 3)
        #expect(alpha.drainWarnings().isEmpty)
    }

    @Test func eachSideObeysItsOwnPolicy() throws {
        let alpha = makeService("ALPHA"), beta = makeService("BETA")
        defer { alpha.shutdown(); beta.shutdown() }
        try alpha.createMailslot(name: "lab", readTimeout: 0)
        try beta.createMailslot(name: "lab", readTimeout: 0)
        let a = try #require(alpha.boundEndpoint), b = try #require(beta.boundEndpoint)
        writeFile(lmhosts, "\(a) ALPHA\n\(b) BETA\n")

        // Beta refuses inbound: alpha's send succeeds, beta drops and counts.
        beta.policy = TransportPolicy(outboundRemoteAllowed: true, inboundRemoteAllowed: false)
        try alpha.write(path: #"\\BETA\mailslot\lab"#, data: [1])
        #expect(eventually { beta.statistics().droppedByPolicy == 1 })
        #expect(try beta.mailslotInfo(name: "lab").messageCount == 0)
        // ... while beta may still send to alpha.
        try beta.write(path: #"\\ALPHA\mailslot\lab"#, data: [2])
        #expect(try alpha.read(name: "lab", timeout: 3000) == [2])

        // Alpha refuses outbound: 3025, nothing leaves, local use goes on.
        alpha.policy = TransportPolicy(outboundRemoteAllowed: false, inboundRemoteAllowed: true)
        beta.policy = .allowed
        #expect(throws: Win32Error.remoteMailslotsDeprecated) { try alpha.write(path: #"\\BETA\mailslot\lab"#, data: [3]) }
        #expect(throws: Win32Error.remoteMailslotsDeprecated) { try alpha.write(path: #"\\*\mailslot\lab"#, data: [3]) }
        #expect(throws: Win32Error.remoteMailslotsDeprecated) { try alpha.write(path: #"\\NOWHERE\mailslot\lab"#, data: [3]) }
        try alpha.write(path: #"\\.\mailslot\lab"#, data: [4])
        #expect(try alpha.read(name: "lab") == [4])
        try beta.write(path: #"\\ALPHA\mailslot\lab"#, data: [5])   // alpha still receives
        #expect(try alpha.read(name: "lab", timeout: 3000) == [5])
        usleep(100_000)
        #expect(beta.statistics().datagramsReceived == 1)
        #expect(alpha.statistics().datagramsSent == 1)   // only the write made before the refusal
    }

    /// A followed policy is asked at each write and each received datagram, so a change made
    /// outside the service's callers applies to the very next one.
    @Test func aFollowedPolicyGatesEachWriteAndDatagram() throws {
        let alpha = makeService("ALPHA"), beta = makeService("BETA")
        defer { alpha.shutdown(); beta.shutdown() }
        try alpha.createMailslot(name: "lab", readTimeout: 0)
        try beta.createMailslot(name: "lab", readTimeout: 0)
        let a = try #require(alpha.boundEndpoint), b = try #require(beta.boundEndpoint)
        writeFile(lmhosts, "\(a) ALPHA\n\(b) BETA\n")
        let current = Mutex(TransportPolicy.disabled)
        beta.policy = .allowed
        beta.followPolicy { current.withLock { $0 } }
        #expect(throws: Win32Error.remoteMailslotsDeprecated) { try beta.write(path: #"\\ALPHA\mailslot\lab"#, data: [1]) }
        try alpha.write(path: #"\\BETA\mailslot\lab"#, data: [2])
        #expect(eventually { beta.statistics().droppedByPolicy == 1 })
        current.withLock { $0 = .allowed }
        try alpha.write(path: #"\\BETA\mailslot\lab"#, data: [3])
        #expect(try beta.read(name: "lab", timeout: 3000) == [3])
        try beta.write(path: #"\\ALPHA\mailslot\lab"#, data: [4])
        #expect(try alpha.read(name: "lab", timeout: 3000) == [4])
        #expect(beta.policy == .allowed)
    }

    @Test func deprecatedWriteSendsNothingOnTheWire() throws {
        let listener = UDPSocket()
        writeFile(lmhosts, "\(listener.address) LISTENER\n")
        let service = makeService("SENDER", policy: .disabled)
        defer { service.shutdown() }
        #expect(throws: Win32Error.remoteMailslotsDeprecated) {
            try service.write(path: #"\\LISTENER\mailslot\lab"#, data: Array("secret".utf8))
        }
        #expect(listener.receive(timeoutMilliseconds: 200) == nil)
        #expect(service.boundEndpoint == nil)   // a refused write does not even open the socket

        service.policy = TransportPolicy(outboundRemoteAllowed: true, inboundRemoteAllowed: false)
        try service.write(path: #"\\LISTENER\mailslot\App\Notify"#, data: Array("allowed".utf8))
        let bytes = try #require(listener.receive(timeoutMilliseconds: 2000))
        let datagram = try DatagramCodec.decode(bytes)
        #expect(datagram.mailslotName == #"\MAILSLOT\App\Notify"#)
        #expect(datagram.data == Array("allowed".utf8))
        #expect(datagram.header.messageType == .directUnique)
        #expect(datagram.header.sourceName == NetBIOSName("SENDER", suffix: 0))
        #expect(datagram.header.destinationName == NetBIOSName("LISTENER", suffix: 0))
        #expect(datagram.header.sourcePort == service.boundEndpoint?.port)
        #expect(datagram.header.sourceIP == 0x7F00_0001)
        #expect(datagram.header.timeout == 1000)
        #expect(bytes.count == 152 + #"\MAILSLOT\App\Notify"#.utf8.count + 7)
    }

    @Test func remoteLimitsAndResolutionFailures() throws {
        let listener = UDPSocket()
        writeFile(lmhosts, "\(listener.address) LISTENER #DOM:CORP\n")
        let service = makeService("SENDER")
        defer { service.shutdown() }
        try service.write(path: #"\\LISTENER\mailslot\x"#, data: [UInt8](repeating: 1, count: 424))
        #expect(listener.receive(timeoutMilliseconds: 2000)?.count == 152 + 11 + 424)
        for path in [#"\\LISTENER\mailslot\x"#, #"\\CORP\mailslot\x"#, #"\\*\mailslot\x"#] {
            #expect(throws: Win32Error.badNetPath) { try service.write(path: path, data: [UInt8](repeating: 1, count: 425)) }
        }
        #expect(throws: Win32Error.badNetPath) { try service.write(path: #"\\NOWHERE\mailslot\x"#, data: [1]) }
        #expect(throws: Win32Error.badNetPath) { try service.write(path: #"\\server.example.org\mailslot\x"#, data: [1]) }
        #expect(throws: Win32Error.invalidName) { try service.write(path: #"\\LISTENER\mailslot\"#, data: [1]) }
        try service.write(path: #"\\CORP\mailslot\x"#, data: [7])
        let group = try DatagramCodec.decode(try #require(listener.receive(timeoutMilliseconds: 2000)))
        #expect(group.header.messageType == .directGroup)
        #expect(group.header.destinationName == NetBIOSName("CORP", suffix: 0))
        #expect(listener.receive(timeoutMilliseconds: 100) == nil)
    }

    @Test func configuredBroadcastAddressJoinsDomainWrites() throws {
        let member = UDPSocket(), broadcast = UDPSocket()
        writeFile(lmhosts, "\(member.address) MEMBER #DOM:WORKGROUP\n")
        let service = MailslotService(configuration: TransportConfiguration(
            computerName: "SENDER", endpoint: "127.0.0.1:0", lmhostsPath: lmhosts,
            broadcastAddress: broadcast.address.description), policy: .allowed)
        defer { service.shutdown() }
        try service.write(path: #"\\*\mailslot\x"#, data: [1])
        #expect(member.receive(timeoutMilliseconds: 2000) != nil)
        #expect(broadcast.receive(timeoutMilliseconds: 2000) != nil)
        try service.write(path: #"\\MEMBER\mailslot\x"#, data: [2])
        #expect(member.receive(timeoutMilliseconds: 2000) != nil)
        #expect(broadcast.receive(timeoutMilliseconds: 100) == nil)   // unique writes are not broadcast

        let misconfigured = MailslotService(configuration: TransportConfiguration(
            computerName: "SENDER", endpoint: "127.0.0.1:0", lmhostsPath: lmhosts, broadcastAddress: "everyone"),
            policy: .allowed)
        defer { misconfigured.shutdown() }
        try misconfigured.write(path: #"\\*\mailslot\x"#, data: [3])
        #expect(member.receive(timeoutMilliseconds: 2000) != nil)
        #expect(misconfigured.drainWarnings() == ["The broadcast address 'everyone' is not ADDRESS[:PORT]; it is ignored."])
    }

    @Test func aDeadPeerDoesNotBreakTheEndpoint() throws {
        let deadPort = UDPSocket().port   // bound, then closed again: nobody listens there
        let service = makeService("ALIVE")
        defer { service.shutdown() }
        try service.createMailslot(name: "lab", readTimeout: 3000)
        let own = try #require(service.boundEndpoint)
        writeFile(lmhosts, "127.0.0.1:\(deadPort) DEAD #DOM:WORKGROUP\n")
        for _ in 0..<20 { try service.write(path: #"\\DEAD\mailslot\lab"#, data: [0]) }
        usleep(50_000)   // the port-unreachable answers arrive as socket errors
        try service.write(path: #"\\*\mailslot\lab"#, data: [1])   // the dead peer and itself
        #expect(try service.read(name: "lab") == [1])
        try service.write(path: #"\\ALIVE\mailslot\lab"#, data: [2])
        #expect(try service.read(name: "lab") == [2])
        #expect(service.boundEndpoint == own)
    }

    @Test func lmhostsProblemsAreWarningsAndChangesAreSeen() throws {
        let listener = UDPSocket()
        writeFile(lmhosts, "garbage line\n\(listener.address) FIRST\n")
        let service = makeService("SENDER")
        defer { service.shutdown() }
        try service.write(path: #"\\FIRST\mailslot\x"#, data: [1])
        #expect(listener.receive(timeoutMilliseconds: 2000) != nil)
        #expect(service.drainWarnings().count == 1)
        // A change made by this process is seen at once.
        writeFile(lmhosts, "\(listener.address) SECOND\n")
        MailslotService.lmhostsMayHaveChanged()
        try service.write(path: #"\\SECOND\mailslot\x"#, data: [2])
        #expect(listener.receive(timeoutMilliseconds: 2000) != nil)
        #expect(throws: Win32Error.badNetPath) { try service.write(path: #"\\FIRST\mailslot\x"#, data: [1]) }
        #expect(service.drainWarnings().isEmpty)
    }

    @Test func anotherProgramsLmhostsChangeIsSeenWithinTheRecheckInterval() throws {
        let listener = UDPSocket()
        writeFile(lmhosts, "\(listener.address) FIRST\n")
        let service = makeService("SENDER")
        defer { service.shutdown() }
        try service.write(path: #"\\FIRST\mailslot\x"#, data: [1])
        #expect(listener.receive(timeoutMilliseconds: 2000) != nil)
        writeFile(lmhosts, "\(listener.address) THIRD\n")
        usleep(UInt32(MailslotService.lmhostsRecheckInterval + 100) * 1000)
        try service.write(path: #"\\THIRD\mailslot\x"#, data: [3])
        #expect(listener.receive(timeoutMilliseconds: 2000) != nil)
        #expect(throws: Win32Error.badNetPath) { try service.write(path: #"\\FIRST\mailslot\x"#, data: [1]) }
    }

    @Test func bindFailureLeavesLocalMailslotsWorking() throws {
        let occupant = UDPSocket()
        let service = MailslotService(configuration: TransportConfiguration(
            computerName: "X", endpoint: "127.0.0.1:\(occupant.port)", lmhostsPath: lmhosts), policy: .allowed)
        defer { service.shutdown() }
        try service.createMailslot(name: "lab", readTimeout: 0)
        let warnings = service.drainWarnings()
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("127.0.0.1:\(occupant.port)") == true)
        #expect(service.boundEndpoint == nil)
        #expect(service.endpointFailure != nil)
        try service.write(path: #"\\.\mailslot\lab"#, data: [1])
        #expect(try service.read(name: "lab") == [1])
        #expect(throws: Win32Error.badNetPath) { try service.write(path: #"\\X\mailslot\lab"#, data: [1]) }
    }

    @Test func inboundDeliveryByCaseInsensitiveNameAndDropCounts() throws {
        let service = makeService("RECEIVER")
        defer { service.shutdown() }
        try service.createMailslot(name: #"app\notify"#, maxMessageSize: 50, readTimeout: 3000)
        let port = try #require(service.boundEndpoint).port
        let peer = UDPSocket()
        for vector in Vectors.valid { peer.send(vector.bytes, to: port) }   // only v02 names APP\NOTIFY
        #expect(try service.read(name: #"APP\NOTIFY"#) == [0x2A])
        #expect(eventually { service.statistics().datagramsReceived == Vectors.valid.count })
        var expected = TransportStatistics()
        expected.datagramsReceived = Vectors.valid.count
        expected.datagramsDelivered = 1
        expected.droppedUnknownMailslot = Vectors.valid.count - 1
        #expect(service.statistics() == expected)

        // Larger than the mailslot's maximum: refused by the mailslot, counted.
        var big = Vectors.datagram(from: Vectors.valid.first { $0.id.hasPrefix("v02") }!)
        big.data = [UInt8](repeating: 1, count: 51)
        peer.send(try DatagramCodec.encode(big), to: port)
        #expect(eventually { service.statistics().droppedRefusedByMailslot == 1 })
    }

    @Test func malformedFloodIsCountedByReasonAndTheServiceStaysResponsive() throws {
        let service = makeService("TARGET")
        defer { service.shutdown() }
        try service.createMailslot(name: #"app\notify"#, readTimeout: 3000)
        let port = try #require(service.boundEndpoint).port
        let peer = UDPSocket()
        var expected: [DatagramRejection: Int] = [:]
        let total = 20_000, burst = 250
        var sent = 0
        while sent < total {
            for index in sent..<min(sent + burst, total) {
                let vector = Vectors.malformed[index % Vectors.malformed.count]
                peer.send(vector.bytes, to: port)
                expected[DatagramRejection(rawValue: vector.reason)!, default: 0] += 1
            }
            sent = min(sent + burst, total)
            // Pace by bursts so the kernel's socket buffer never overflows: every datagram counts.
            #expect(eventually { service.statistics().datagramsReceived == sent })
        }
        let statistics = service.statistics()
        #expect(statistics.rejectedMalformed == total)
        #expect(statistics.rejectionsByReason == expected)
        #expect(statistics.datagramsDelivered == 0)

        let v02 = Vectors.valid.first { $0.id.hasPrefix("v02") }!
        peer.send(v02.bytes, to: port)
        #expect(try service.read(name: #"app\notify"#) == [0x2A])
        try service.write(path: #"\\.\mailslot\app\notify"#, data: [1])
        #expect(try service.read(name: #"app\notify"#) == [1])
    }
}
