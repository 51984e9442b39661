import Testing
@testable import MailslotTransport

@Suite struct DatagramCodecTests {
    @Test func vectorsAreLoaded() {
        #expect(Vectors.valid.count >= 7)
        #expect(Vectors.malformed.count >= 14)
    }

    @Test(arguments: Vectors.valid)
    func decodingGivesTheVectorsFields(_ vector: Vectors.Valid) throws {
        let view = try vector.bytes.withUnsafeBytes { raw throws(DatagramRejection) in try DatagramCodec.decode(raw) }
        let decoded = Vectors.fields(of: view, in: vector.bytes)
        var compared = 0
        for (key, expected) in vector.fields where !Vectors.notDerived.contains(key) {
            #expect(decoded[key] == expected, "\(vector.id): \(key)")
            compared += 1
        }
        // Every field of the vector is either derived by the decoder or named as not derived.
        #expect(Set(vector.fields.keys).subtracting(decoded.keys).subtracting(Vectors.notDerived).isEmpty, "\(vector.id)")
        #expect(compared >= 38)
    }

    @Test(arguments: Vectors.valid)
    func encodingTheFieldsGivesTheVectorsBytes(_ vector: Vectors.Valid) throws {
        let datagram = Vectors.datagram(from: vector)
        let bytes = try DatagramCodec.encode(datagram)
        #expect(Vectors.hexString(bytes) == Vectors.hexString(vector.bytes))
        #expect(try DatagramCodec.decode(bytes) == datagram)
    }

    @Test(arguments: Vectors.malformed)
    func malformedVectorsAreRejectedWithTheirReason(_ vector: Vectors.Malformed) {
        let reason = DatagramRejection(rawValue: vector.reason)
        #expect(reason != nil, "unknown reason \(vector.reason)")
        #expect(throws: reason ?? .truncatedHeader) { try DatagramCodec.decode(vector.bytes) }
    }

    /// v02 (`\MAILSLOT\APP\NOTIFY`, 1 data byte): SMB header at 82, the name at 151.
    static var v02: [UInt8] { Vectors.valid.first { $0.id.hasPrefix("v02") }!.bytes }

    static func mutated(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
        var bytes = v02
        change(&bytes)
        return bytes
    }

    /// Every check of the decoder, one broken field each, beyond the public malformed vectors.
    static let brokenFields: [(String, [UInt8], DatagramRejection)] = [
        ("missing root label", mutated { $0[14 + 33] = 0x05 }, .badNameEncoding),
        ("bad destination label", mutated { $0[48] = 0x21 }, .badNameEncoding),
        ("lower-case letter", mutated { $0[50] = UInt8(ascii: "a") }, .badNameEncoding),
        ("SetupCount 2", mutated { $0[82 + 59] = 2 }, .badSetupCount),
        ("DataOffset inside the header", mutated { $0[82 + 57] = 20; $0[82 + 58] = 0 }, .dataOffsetOutOfRange),
        ("DataOffset inside the name", mutated { $0[82 + 57] = 75 }, .dataOffsetOutOfRange),
        ("DataOffset on the NUL", mutated { $0[82 + 57] = 89 }, .dataOffsetOutOfRange),
        ("TotalDataCount != DataCount", mutated { $0[82 + 35] = 2 }, .totalDataCountMismatch),
        ("TotalParameterCount 4", mutated { $0[82 + 33] = 4 }, .parametersPresent),
        ("ParameterCount 1", mutated { $0[82 + 51] = 1 }, .parametersPresent),
        ("not \\MAILSLOT\\", mutated { $0[82 + 70] = UInt8(ascii: "P") }, .notMailslotName),
        ("unterminated name", mutated { $0[82 + 89] = UInt8(ascii: "X") }, .unterminatedMailslotName),
        ("nonzero PACKET_OFFSET", mutated { $0[13] = 4 }, .fragmentedDatagram),
        ("F flag clear", mutated { $0[1] = 0x04 }, .fragmentedDatagram),
        ("ByteCount past the end", mutated { $0[82 + 67] = 0xFF }, .byteCountExceedsPacket),
        ("MSG_TYPE ERROR", mutated { $0[0] = 0x13 }, .notADataDatagram),
        ("SMB part too short", Array(v02[0..<100]).withDGMLength(86), .truncatedSMBMessage),
        ("SMB fixed part too short", Array(v02[0..<140]).withDGMLength(126), .truncatedSMBMessage),
        ("empty", [], .truncatedHeader),
    ]

    @Test func everyCheckHasItsReason() {
        for (what, bytes, reason) in Self.brokenFields {
            #expect(throws: reason, "\(what)") { try DatagramCodec.decode(bytes) }
        }
    }

    @Test func mailslotPrefixIsCaseInsensitiveAndNeedsAName() throws {
        let lower = Self.mutated { bytes in
            for index in 82 + 70..<82 + 78 { bytes[index] |= 0x20 }   // \mailslot\APP\NOTIFY
        }
        #expect(try DatagramCodec.decode(lower).mailslotName == #"\mailslot\APP\NOTIFY"#)
        var header = MailslotWriteHeader(messageType: .directUnique, sourceName: NetBIOSName("A", suffix: 0),
                                         destinationName: NetBIOSName("B", suffix: 0))
        header.padding = 0
        let bare = try DatagramCodec.encode(MailslotWriteDatagram(header: header, mailslotName: #"\MAILSLOT\"#, data: [1]))
        #expect(throws: DatagramRejection.notMailslotName) { try DatagramCodec.decode(bare) }
    }

    @Test func trailingBytesBeyondDGMLengthAreIgnored() throws {
        let bytes = Self.v02 + [0xAA, 0xBB]
        let decoded = try DatagramCodec.decode(bytes)
        #expect(decoded.data == [Self.v02[Self.v02.count - 1]])
    }

    @Test func everyTruncationIsRejectedWithoutReadingPastTheEnd() {
        for vector in Vectors.valid {
            for length in 0..<vector.bytes.count {
                #expect(throws: DatagramRejection.self) { try DatagramCodec.decode(Array(vector.bytes[0..<length])) }
            }
        }
    }

    @Test func encoderRefusesWhatCannotBeEncoded() {
        let header = MailslotWriteHeader(messageType: .directUnique, sourceName: NetBIOSName("A", suffix: 0),
                                         destinationName: NetBIOSName("B", suffix: 0))
        #expect(throws: DatagramEncodingError.nameContainsNUL) {
            try DatagramCodec.encode(MailslotWriteDatagram(header: header, mailslotName: "\\MAILSLOT\\a\0b", data: []))
        }
        let small = MailslotWriteDatagram(header: header, mailslotName: #"\MAILSLOT\a"#, data: [1])
        var buffer = [UInt8](repeating: 0, count: small.encodedCount - 1)
        #expect(throws: DatagramEncodingError.bufferTooSmall) {
            try buffer.withUnsafeMutableBytes { raw throws(DatagramEncodingError) in try DatagramCodec.encode(small, into: raw) }
        }
        buffer.append(0)
        let written = try? buffer.withUnsafeMutableBytes { raw throws(DatagramEncodingError) in try DatagramCodec.encode(small, into: raw) }
        #expect(written == small.encodedCount)
        #expect((try? DatagramCodec.decode(buffer)) == small)
        #expect(NetBIOSName(rawBytes: [1, 2, 3]) == nil)
        #expect(throws: DatagramEncodingError.tooLarge) {
            try DatagramCodec.encode(MailslotWriteDatagram(header: header, mailslotName: #"\MAILSLOT\a"#, data: [UInt8](repeating: 0, count: 65_400)))
        }
    }

    @Test func netBIOSNamesEncodeAndRender() {
        #expect(NetBIOSName("alice", suffix: 0x00).description == "ALICE<00>")
        #expect(NetBIOSName("*", suffix: 0x00).description == "*" + String(repeating: "<00>", count: 15))
        #expect(NetBIOSName("workgroup", suffix: 0x1D).rawBytes == Array("WORKGROUP      ".utf8) + [0x1D])
        #expect(NetBIOSName("A-NAME-LONGER-THAN-15", suffix: 0x20).description == "A-NAME-LONGER-T<20>")
    }
}

extension Array where Element == UInt8 {
    func withDGMLength(_ length: Int) -> [UInt8] {
        var copy = self
        copy[10] = UInt8(length >> 8)
        copy[11] = UInt8(length & 0xFF)
        return copy
    }
}
