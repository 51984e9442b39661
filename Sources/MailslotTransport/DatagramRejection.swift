/// Why the decoder refused a datagram. Raw values are the kebab-case reasons of the conformance
/// vectors; the cases follow the decoder's order of checks.
public enum DatagramRejection: String, Error, Sendable, CaseIterable, Hashable {
    /// Fewer than the 14 bytes of the datagram header (MSG_TYPE ... PACKET_OFFSET).
    case truncatedHeader = "truncated-header"
    /// MSG_TYPE is not DIRECT_UNIQUE, DIRECT_GROUP or BROADCAST, so there is no user data.
    case notADataDatagram = "not-a-data-datagram"
    /// The M flag is set, the F flag is clear, or PACKET_OFFSET is not 0: a fragment.
    case fragmentedDatagram = "fragmented-datagram"
    /// DGM_LENGTH promises more bytes than follow the header.
    case dgmLengthExceedsPacket = "dgm-length-exceeds-packet"
    /// DGM_LENGTH cannot cover the two encoded names.
    case dgmLengthTooSmall = "dgm-length-too-small"
    /// A name is not 0x20, 32 letters 'A'...'P', then the 0x00 root label.
    case badNameEncoding = "bad-name-encoding"
    /// The user data is too short for the SMB header, parameter words and ByteCount.
    case truncatedSMBMessage = "truncated-smb-message"
    /// The user data does not start with 0xFF 'SMB'.
    case badSMBProtocol = "bad-smb-protocol"
    /// The SMB command is not SMB_COM_TRANSACTION (0x25).
    case notSMBComTransaction = "not-smb-com-transaction"
    /// WordCount is not 17 (14 + 3 setup words).
    case badWordCount = "bad-word-count"
    /// SetupCount is not 3.
    case badSetupCount = "bad-setup-count"
    /// TotalParameterCount or ParameterCount is not 0.
    case parametersPresent = "parameters-present"
    /// TotalDataCount differs from DataCount (a multi-part transaction).
    case totalDataCountMismatch = "total-data-count-mismatch"
    /// Setup[0] (MailSlotOpcode) is not 1 (write mailslot).
    case notMailslotWrite = "not-mailslot-write"
    /// Setup[2] (Class) is not 2 (unreliable, the only class sent as a datagram).
    case unsupportedClass = "unsupported-class"
    /// ByteCount runs past the end of the datagram.
    case byteCountExceedsPacket = "byte-count-exceeds-packet"
    /// No NUL ends the mailslot name within ByteCount.
    case unterminatedMailslotName = "unterminated-mailslot-name"
    /// The transaction name is not `\MAILSLOT\` followed by a name.
    case notMailslotName = "not-mailslot-name"
    /// DataOffset lies before the end of the name, or DataOffset + DataCount past SMB_Data.
    case dataOffsetOutOfRange = "data-offset-out-of-range"
}
