/// Encodes and decodes a NetBIOS datagram (RFC 1002 4.4) carrying an SMB_COM_TRANSACTION class-2
/// mailslot write ([MS-MAIL] 2.2.1).
///
/// The decoder is strict: every length and offset is checked against the bytes received before it
/// is used, and each refusal names its `DatagramRejection`. It reads from raw bytes and returns a
/// `MailslotWriteView` into them, so it allocates nothing.
public enum DatagramCodec {
    /// MSG_TYPE ... PACKET_OFFSET.
    public static let headerCount = 14
    /// SMB header (32), WordCount, 17 words, ByteCount: where the name starts, from the 0xFF.
    public static let smbFixedCount = 69
    static let smbOffset = headerCount + 2 * NetBIOSName.encodedCount
    static let mailslotPrefix: [UInt8] = Array(#"\MAILSLOT\"#.utf8)

    // MARK: Decoding

    /// Decodes and validates one UDP payload.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(DatagramRejection) -> MailslotWriteView {
        guard bytes.count >= headerCount else { throw .truncatedHeader }
        guard let messageType = DatagramMessageType(rawValue: bytes[0]) else { throw .notADataDatagram }
        let flags = bytes[1]
        guard flags & 0x01 == 0, flags & 0x02 != 0, bytes.u16be(12) == 0 else { throw .fragmentedDatagram }
        let datagramLength = Int(bytes.u16be(10))
        guard datagramLength <= bytes.count - headerCount else { throw .dgmLengthExceedsPacket }
        guard datagramLength >= 2 * NetBIOSName.encodedCount else { throw .dgmLengthTooSmall }
        guard let sourceName = NetBIOSName.decode(bytes, at: headerCount),
              let destinationName = NetBIOSName.decode(bytes, at: headerCount + NetBIOSName.encodedCount)
        else { throw .badNameEncoding }

        // Trailing bytes beyond DGM_LENGTH are not part of the datagram.
        let end = headerCount + datagramLength
        let s = smbOffset
        let smbCount = end - s
        guard smbCount >= 4 else { throw .truncatedSMBMessage }
        guard bytes[s] == 0xFF, bytes[s + 1] == 0x53, bytes[s + 2] == 0x4D, bytes[s + 3] == 0x42 else {
            throw .badSMBProtocol
        }
        guard smbCount >= 33 else { throw .truncatedSMBMessage }
        guard bytes[s + 4] == 0x25 else { throw .notSMBComTransaction }
        guard bytes[s + 32] == 17 else { throw .badWordCount }
        guard smbCount >= smbFixedCount else { throw .truncatedSMBMessage }
        guard bytes[s + 59] == 3 else { throw .badSetupCount }
        guard bytes.u16le(s + 33) == 0, bytes.u16le(s + 51) == 0 else { throw .parametersPresent }
        let dataCount = Int(bytes.u16le(s + 55))
        guard Int(bytes.u16le(s + 35)) == dataCount else { throw .totalDataCountMismatch }
        guard bytes.u16le(s + 61) == 1 else { throw .notMailslotWrite }
        guard bytes.u16le(s + 65) == 2 else { throw .unsupportedClass }
        let byteCount = Int(bytes.u16le(s + 67))
        guard smbFixedCount + byteCount <= smbCount else { throw .byteCountExceedsPacket }

        let nameStart = s + smbFixedCount
        let smbDataEnd = nameStart + byteCount
        var nul = nameStart
        while nul < smbDataEnd && bytes[nul] != 0 { nul += 1 }
        guard nul < smbDataEnd else { throw .unterminatedMailslotName }
        guard nul - nameStart > mailslotPrefix.count, hasMailslotPrefix(bytes, at: nameStart) else {
            throw .notMailslotName
        }
        let dataOffset = Int(bytes.u16le(s + 57))
        let dataStart = s + dataOffset
        guard dataStart > nul, dataStart + dataCount <= smbDataEnd else { throw .dataOffsetOutOfRange }

        var header = MailslotWriteHeader(messageType: messageType, sourceName: sourceName, destinationName: destinationName)
        header.flags = flags
        header.datagramID = bytes.u16be(2)
        header.sourceIP = UInt32(bytes.u16be(4)) << 16 | UInt32(bytes.u16be(6))
        header.sourcePort = bytes.u16be(8)
        header.smbStatus = UInt32(bytes.u16le(s + 5)) | UInt32(bytes.u16le(s + 7)) << 16
        header.smbFlags = bytes[s + 9]
        header.smbFlags2 = bytes.u16le(s + 10)
        header.smbPIDHigh = bytes.u16le(s + 12)
        var security: UInt64 = 0
        for index in 0..<8 { security = security << 8 | UInt64(bytes[s + 14 + index]) }
        header.smbSecurityFeatures = security
        header.smbReserved = bytes.u16le(s + 22)
        header.smbTID = bytes.u16le(s + 24)
        header.smbPIDLow = bytes.u16le(s + 26)
        header.smbUID = bytes.u16le(s + 28)
        header.smbMID = bytes.u16le(s + 30)
        header.maxParameterCount = bytes.u16le(s + 37)
        header.maxDataCount = bytes.u16le(s + 39)
        header.maxSetupCount = bytes[s + 41]
        header.transactionFlags = bytes.u16le(s + 43)
        header.timeout = UInt32(bytes.u16le(s + 45)) | UInt32(bytes.u16le(s + 47)) << 16
        header.parameterOffset = bytes.u16le(s + 53)
        header.priority = bytes.u16le(s + 63)
        header.padding = UInt16(dataStart - nul - 1)
        return MailslotWriteView(
            header: header, datagramLength: datagramLength, byteCount: byteCount, dataOffset: dataOffset,
            nameRange: nameStart..<nul, dataRange: dataStart..<dataStart + dataCount)
    }

    /// Decodes one UDP payload into owned values (name and data copied out).
    public static func decode(_ bytes: [UInt8]) throws(DatagramRejection) -> MailslotWriteDatagram {
        let result: Result<MailslotWriteDatagram, DatagramRejection> = bytes.withUnsafeBytes { raw in
            do throws(DatagramRejection) {
                let view = try decode(raw)
                return .success(MailslotWriteDatagram(
                    header: view.header,
                    mailslotName: String(decoding: raw[view.nameRange], as: UTF8.self),
                    data: Array(raw[view.dataRange])))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func hasMailslotPrefix(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        for (index, expected) in mailslotPrefix.enumerated() {
            var byte = bytes[offset + index]
            if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
            if byte != expected { return false }
        }
        return true
    }

    // MARK: Encoding

    /// Encodes a mailslot write into a new array (exactly `datagram.encodedCount` bytes).
    public static func encode(_ datagram: MailslotWriteDatagram) throws(DatagramEncodingError) -> [UInt8] {
        try validate(datagram)
        return [UInt8](unsafeUninitializedCapacity: datagram.encodedCount) { buffer, count in
            count = encodeValidated(datagram, into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    /// Checks that a datagram can be encoded: no NUL in its name, every length within 16 bits.
    public static func validate(_ datagram: MailslotWriteDatagram) throws(DatagramEncodingError) {
        guard !datagram.mailslotName.utf8.contains(0) else { throw .nameContainsNUL }
        guard datagram.datagramLength <= Int(UInt16.max) else { throw .tooLarge }
    }

    /// Encodes into `buffer`; returns the bytes written (`datagram.encodedCount`). Derived fields
    /// (DGM_LENGTH, counts, DataOffset, ByteCount) are computed here, so they always agree with the
    /// content.
    @discardableResult
    public static func encode(_ datagram: MailslotWriteDatagram,
                              into buffer: UnsafeMutableRawBufferPointer) throws(DatagramEncodingError) -> Int {
        try validate(datagram)
        guard buffer.count >= datagram.encodedCount else { throw .bufferTooSmall }
        return encodeValidated(datagram, into: buffer)
    }

    static func encodeValidated(_ datagram: MailslotWriteDatagram, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let h = datagram.header
        let count = datagram.encodedCount
        buffer[0] = h.messageType.rawValue
        buffer[1] = h.flags
        buffer.put16be(h.datagramID, at: 2)
        buffer.put16be(UInt16(truncatingIfNeeded: h.sourceIP >> 16), at: 4)
        buffer.put16be(UInt16(truncatingIfNeeded: h.sourceIP), at: 6)
        buffer.put16be(h.sourcePort, at: 8)
        buffer.put16be(UInt16(datagram.datagramLength), at: 10)
        buffer.put16be(0, at: 12)
        h.sourceName.encode(into: buffer, at: headerCount)
        h.destinationName.encode(into: buffer, at: headerCount + NetBIOSName.encodedCount)

        let s = smbOffset
        buffer[s] = 0xFF; buffer[s + 1] = 0x53; buffer[s + 2] = 0x4D; buffer[s + 3] = 0x42
        buffer[s + 4] = 0x25
        buffer.put16le(UInt16(truncatingIfNeeded: h.smbStatus), at: s + 5)
        buffer.put16le(UInt16(truncatingIfNeeded: h.smbStatus >> 16), at: s + 7)
        buffer[s + 9] = h.smbFlags
        buffer.put16le(h.smbFlags2, at: s + 10)
        buffer.put16le(h.smbPIDHigh, at: s + 12)
        for index in 0..<8 { buffer[s + 14 + index] = UInt8(truncatingIfNeeded: h.smbSecurityFeatures >> UInt64(56 - 8 * index)) }
        buffer.put16le(h.smbReserved, at: s + 22)
        buffer.put16le(h.smbTID, at: s + 24)
        buffer.put16le(h.smbPIDLow, at: s + 26)
        buffer.put16le(h.smbUID, at: s + 28)
        buffer.put16le(h.smbMID, at: s + 30)

        let dataCount = UInt16(datagram.data.count)
        buffer[s + 32] = 17
        buffer.put16le(0, at: s + 33)                       // TotalParameterCount
        buffer.put16le(dataCount, at: s + 35)               // TotalDataCount
        buffer.put16le(h.maxParameterCount, at: s + 37)
        buffer.put16le(h.maxDataCount, at: s + 39)
        buffer[s + 41] = h.maxSetupCount
        buffer[s + 42] = 0
        buffer.put16le(h.transactionFlags, at: s + 43)
        buffer.put16le(UInt16(truncatingIfNeeded: h.timeout), at: s + 45)
        buffer.put16le(UInt16(truncatingIfNeeded: h.timeout >> 16), at: s + 47)
        buffer.put16le(0, at: s + 49)                       // Reserved2
        buffer.put16le(0, at: s + 51)                       // ParameterCount
        buffer.put16le(h.parameterOffset, at: s + 53)
        buffer.put16le(dataCount, at: s + 55)               // DataCount
        buffer.put16le(UInt16(datagram.dataOffset), at: s + 57)
        buffer[s + 59] = 3                                  // SetupCount
        buffer[s + 60] = 0
        buffer.put16le(1, at: s + 61)                       // MailSlotOpcode: write
        buffer.put16le(h.priority, at: s + 63)
        buffer.put16le(2, at: s + 65)                       // Class 2
        buffer.put16le(UInt16(datagram.byteCount), at: s + 67)

        var offset = s + smbFixedCount
        for byte in datagram.mailslotName.utf8 { buffer[offset] = byte; offset += 1 }
        buffer[offset] = 0
        offset += 1
        for _ in 0..<Int(h.padding) { buffer[offset] = 0; offset += 1 }
        datagram.data.withUnsafeBytes { data in
            if let base = data.baseAddress { (buffer.baseAddress! + offset).copyMemory(from: base, byteCount: data.count) }
        }
        return count
    }
}

extension UnsafeRawBufferPointer {
    @inline(__always) func u16be(_ offset: Int) -> UInt16 { UInt16(self[offset]) << 8 | UInt16(self[offset + 1]) }
    @inline(__always) func u16le(_ offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }
}

extension UnsafeMutableRawBufferPointer {
    @inline(__always) func put16be(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value >> 8)
        self[offset + 1] = UInt8(truncatingIfNeeded: value)
    }
    @inline(__always) func put16le(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value)
        self[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }
}
