import Testing
@testable import MailslotTransport

@Suite struct NameServicePacketTests {
    /// A B-node name query for `SAMBAPEER<00>` as nmblookup sends it (RFC 1002 4.2.12).
    static let query: [UInt8] = Vectors.hex(stripped: """
        1a2b 0110 0001 0000 0000 0000
        20 46444542454e4543454246414546454646434341434143414341434143414141 00
        0020 0001
        """)

    @Test func decodesAQueryAndEncodesItBack() throws {
        let packet = try NameServicePacket.decode(Self.query)
        #expect(packet.transactionID == 0x1A2B)
        #expect(!packet.isResponse)
        #expect(packet.opcode == .query)
        #expect(packet.flags == [.recursionDesired, .broadcast])
        #expect(packet.questions == [.init(name: NetBIOSName("SAMBAPEER", suffix: 0), type: 0x20)])
        #expect(packet.encode() == Self.query)
    }

    @Test func registrationRequestsPointTheRecordAtTheQuestion() throws {
        let name = NetBIOSName("LINUXLAB", suffix: 0x20)
        let record = NameServicePacket.ResourceRecord(
            name: name, type: NameServicePacket.RecordType.nb, ttl: 300_000,
            data: NameAddressEntry.encode([NameAddressEntry(isGroup: false, ipv4: 0x0AE7_0002)]))
        let packet = NameServicePacket(transactionID: 7, isResponse: false, opcode: .registration,
                                       flags: [.recursionDesired, .broadcast],
                                       questions: [.init(name: name, type: NameServicePacket.RecordType.nb)],
                                       additionals: [record])
        let bytes = packet.encode()
        #expect(bytes.count == 12 + 34 + 4 + 2 + 10 + 6)
        #expect(Array(bytes[2..<4]) == [0x29, 0x10])
        #expect(Array(bytes[50..<52]) == [0xC0, 0x0C])
        let decoded = try NameServicePacket.decode(bytes)
        #expect(decoded == packet)
        #expect(NameAddressEntry.decode(decoded.additionals[0].data) == [NameAddressEntry(isGroup: false, ipv4: 0x0AE7_0002)])
    }

    @Test func negativeResponsesAndScopesRoundTrip() throws {
        let packet = NameServicePacket(
            transactionID: 0xFFFF, isResponse: true, opcode: .registration,
            flags: [.authoritative, .recursionDesired, .recursionAvailable], resultCode: NameServicePacket.ResultCode.active,
            answers: [.init(name: NetBIOSName("X", suffix: 0), scope: "lab.example", type: 0x20, ttl: 0,
                            data: NameAddressEntry.encode([NameAddressEntry(isGroup: true, nodeType: 3, ipv4: 1)]))])
        let decoded = try NameServicePacket.decode(packet.encode())
        #expect(decoded == packet)
        #expect(decoded.answers[0].scope == "lab.example")
        #expect(NameAddressEntry.decode(decoded.answers[0].data).first?.nodeType == 3)
    }

    @Test func nodeStatusRoundTrips() throws {
        let status = NodeStatus(entries: [
            .init(name: NetBIOSName("LINUXLAB", suffix: 0), isGroup: false),
            .init(name: NetBIOSName("WORKGROUP", suffix: 0), isGroup: true),
            .init(name: NetBIOSName.msBrowse, isGroup: true, isConflicted: true, isActive: false),
        ], unitID: [0, 0x15, 0x5D, 1, 2, 3])
        let data = status.encode()
        #expect(data.count == 1 + 3 * 18 + 46)
        #expect(NodeStatus.decode(data) == status)
        #expect(NodeStatus.decode(Array(data.prefix(30))) == nil)
        #expect(NetBIOSName.msBrowse.description == "<01><02>__MSBROWSE__<02><01>")
    }

    static let malformed: [(String, [UInt8], NameServiceRejection)] = [
        ("empty", [], .truncatedHeader),
        ("11 bytes", Array(query.prefix(11)), .truncatedHeader),
        ("opcode 3", mutated { $0[2] = 0x18 }, .unknownOpcode),
        ("name cut", Array(query.prefix(30)), .truncatedName),
        ("label 0x21", mutated { $0[12] = 0x21 }, .badNameEncoding),
        ("letter Q", mutated { $0[13] = UInt8(ascii: "Q") }, .badNameEncoding),
        ("reserved label type 0x40", mutated { $0[45] = 0x40 }, .badNameEncoding),
        ("pointer to itself", mutated { $0[12] = 0xC0; $0[13] = 12 }, .badNamePointer),
        ("pointer forwards", mutated { $0[12] = 0xC0; $0[13] = 40 }, .badNamePointer),
        ("question type cut", Array(query.prefix(49)), .truncatedRecord),
        ("answer promised", mutated { $0[7] = 1 }, .truncatedName),
        ("question count 65535", mutated { $0[4] = 0xFF; $0[5] = 0xFF }, .truncatedName),
        ("answer name pointing at itself", Vectors.hex(stripped: "0001 8500 0000 0001 0000 0000 c00c 0020 0001 0000 0000 0006 00"), .badNamePointer),
    ]

    static func mutated(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
        var bytes = query
        change(&bytes)
        return bytes
    }

    @Test func malformedPacketsAreRejectedWithTheirReason() {
        for (label, bytes, reason) in Self.malformed {
            #expect(throws: reason, "\(label)") { try NameServicePacket.decode(bytes) }
        }
        var answer = NameServicePacket(transactionID: 1, isResponse: true, opcode: .query, flags: [.authoritative],
                                       answers: [.init(name: NetBIOSName("A", suffix: 0), type: 0x20, ttl: 1, data: [1, 2, 3, 4, 5, 6])]).encode()
        answer.removeLast()
        #expect(throws: NameServiceRejection.rdataExceedsPacket) { try NameServicePacket.decode(answer) }
        answer.removeLast(6)
        #expect(throws: NameServiceRejection.truncatedRecord) { try NameServicePacket.decode(answer) }
    }

    @Test func everyPrefixOfAValidPacketIsRefusedWithoutATrap() {
        let full = NameServicePacket(transactionID: 9, isResponse: true, opcode: .query, flags: [.authoritative],
                                     answers: [.init(name: NetBIOSName("*", suffix: 0), scope: "a.b", type: 0x21, ttl: 0,
                                                     data: NodeStatus(entries: [.init(name: NetBIOSName("N", suffix: 0), isGroup: false)],
                                                                      unitID: [1, 2, 3, 4, 5, 6]).encode())]).encode()
        #expect((try? NameServicePacket.decode(full)) != nil)
        for count in 0..<full.count {
            #expect((try? NameServicePacket.decode(Array(full.prefix(count)))) == nil, "prefix \(count)")
        }
    }
}
