/// RFC 1002 datagram message types that carry user data.
public enum DatagramMessageType: UInt8, Sendable, CaseIterable {
    case directUnique = 0x10
    case directGroup = 0x11
    case broadcast = 0x12

    /// The RFC 1002 name, e.g. `DIRECT_GROUP`.
    public var name: String {
        switch self {
        case .directUnique: return "DIRECT_UNIQUE"
        case .directGroup: return "DIRECT_GROUP"
        case .broadcast: return "BROADCAST"
        }
    }
}

/// Every fixed-size field of a NetBIOS datagram carrying an SMB mailslot write, except those the
/// encoder derives from the content (DGM_LENGTH, counts, offsets, WordCount, SetupCount, ByteCount).
///
/// Defaults are what Windows and Samba send: first fragment, B node, SMB header all zero,
/// Timeout 1000, priority 0, no padding.
public struct MailslotWriteHeader: Sendable, Equatable {
    public var messageType: DatagramMessageType
    /// FLAGS: 0x01 more fragments, 0x02 first fragment, bits 2-3 the source node type.
    public var flags: UInt8 = 0x02
    public var datagramID: UInt16 = 0
    /// SOURCE_IP as a host-order IPv4 address (`0xC0A8010A` = 192.168.1.10).
    public var sourceIP: UInt32 = 0
    public var sourcePort: UInt16 = 138
    public var sourceName: NetBIOSName
    public var destinationName: NetBIOSName

    public var smbStatus: UInt32 = 0
    public var smbFlags: UInt8 = 0
    public var smbFlags2: UInt16 = 0
    public var smbPIDHigh: UInt16 = 0
    /// The 8 SecurityFeatures bytes, first byte most significant.
    public var smbSecurityFeatures: UInt64 = 0
    public var smbReserved: UInt16 = 0
    public var smbTID: UInt16 = 0
    public var smbPIDLow: UInt16 = 0
    public var smbUID: UInt16 = 0
    public var smbMID: UInt16 = 0

    public var maxParameterCount: UInt16 = 0
    public var maxDataCount: UInt16 = 0
    public var maxSetupCount: UInt8 = 0
    public var transactionFlags: UInt16 = 0
    /// Timeout in milliseconds.
    public var timeout: UInt32 = 1000
    public var parameterOffset: UInt16 = 0
    /// Setup[1].
    public var priority: UInt16 = 0
    /// Bytes between the name's NUL and the data (0 on Windows' and Samba's traffic).
    public var padding: UInt16 = 0

    public init(messageType: DatagramMessageType, sourceName: NetBIOSName, destinationName: NetBIOSName) {
        self.messageType = messageType
        self.sourceName = sourceName
        self.destinationName = destinationName
    }

    public var moreFragments: Bool { flags & 0x01 != 0 }
    public var firstFragment: Bool { flags & 0x02 != 0 }
    /// Source node type: 0 B, 1 P, 2 M, 3 NBDD.
    public var nodeType: UInt8 { (flags >> 2) & 0x03 }
}

/// A decoded or to-be-encoded mailslot write with owned name and data.
public struct MailslotWriteDatagram: Sendable, Equatable {
    public var header: MailslotWriteHeader
    /// The transaction name, `\MAILSLOT\<path>` (OEM/ASCII bytes on the wire).
    public var mailslotName: String
    /// The message.
    public var data: [UInt8]

    public init(header: MailslotWriteHeader, mailslotName: String, data: [UInt8]) {
        self.header = header
        self.mailslotName = mailslotName
        self.data = data
    }

    /// SMB_Data size: name, NUL, padding, data.
    public var byteCount: Int { mailslotName.utf8.count + 1 + Int(header.padding) + data.count }
    /// DataOffset, from the 0xFF of the SMB header.
    public var dataOffset: Int { DatagramCodec.smbFixedCount + mailslotName.utf8.count + 1 + Int(header.padding) }
    /// DGM_LENGTH: both encoded names and the SMB message.
    public var datagramLength: Int { 2 * NetBIOSName.encodedCount + DatagramCodec.smbFixedCount + byteCount }
    /// The UDP payload size.
    public var encodedCount: Int { DatagramCodec.headerCount + datagramLength }
}

/// A decoded mailslot write that still points into the received bytes: the header fields, the
/// values read from the wire, and where the name and data lie. Decoding into it allocates nothing.
public struct MailslotWriteView: Sendable, Equatable {
    public var header: MailslotWriteHeader
    public var datagramLength: Int
    public var byteCount: Int
    public var dataOffset: Int
    /// Byte range of the mailslot name (without its NUL) in the decoded buffer.
    public var nameRange: Range<Int>
    /// Byte range of the message in the decoded buffer.
    public var dataRange: Range<Int>
}

/// Why a datagram could not be encoded.
public enum DatagramEncodingError: Error, Sendable, Equatable {
    /// The mailslot name contains a NUL byte.
    case nameContainsNUL
    /// DGM_LENGTH or an SMB count would not fit in 16 bits.
    case tooLarge
    /// The buffer given to `DatagramCodec.encode(_:into:)` is smaller than `encodedCount`.
    case bufferTooSmall
}
