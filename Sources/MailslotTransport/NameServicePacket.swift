/// A NetBIOS name service packet (RFC 1002 4.2): header, questions and resource records.
///
/// Names are the 34-byte first-level encoding, optionally followed by scope labels, or a label
/// string pointer (`0xC0 0x0C` in registration and release requests) to a name earlier in the
/// packet.
public struct NameServicePacket: Sendable, Equatable {
    /// OPCODE (RFC 1002 4.2.1.1).
    public enum Opcode: UInt8, Sendable {
        case query = 0
        case registration = 5
        case release = 6
        case waitForAcknowledgement = 7
        case refresh = 8
        case refreshAlternate = 9
        case multiHomedRegistration = 15
    }

    /// NM_FLAGS.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Authoritative answer.
        public static let authoritative = Flags(rawValue: 0x40)
        public static let truncated = Flags(rawValue: 0x20)
        public static let recursionDesired = Flags(rawValue: 0x10)
        public static let recursionAvailable = Flags(rawValue: 0x08)
        /// Sent to the broadcast address.
        public static let broadcast = Flags(rawValue: 0x01)
    }

    /// RCODE values (RFC 1002 4.2.6, 4.2.14).
    public enum ResultCode {
        public static let formatError: UInt8 = 1
        public static let serverFailure: UInt8 = 2
        public static let nameError: UInt8 = 3
        public static let notImplemented: UInt8 = 4
        public static let refused: UInt8 = 5
        /// The name is owned by another node (a defended registration).
        public static let active: UInt8 = 6
        public static let conflict: UInt8 = 7
    }

    public var transactionID: UInt16
    public var isResponse: Bool
    public var opcode: Opcode
    public var flags: Flags
    public var resultCode: UInt8
    public var questions: [Question]
    public var answers: [ResourceRecord]
    public var authorities: [ResourceRecord]
    public var additionals: [ResourceRecord]

    public init(transactionID: UInt16, isResponse: Bool, opcode: Opcode, flags: Flags, resultCode: UInt8 = 0,
                questions: [Question] = [], answers: [ResourceRecord] = [], authorities: [ResourceRecord] = [],
                additionals: [ResourceRecord] = []) {
        self.transactionID = transactionID
        self.isResponse = isResponse
        self.opcode = opcode
        self.flags = flags
        self.resultCode = resultCode
        self.questions = questions
        self.answers = answers
        self.authorities = authorities
        self.additionals = additionals
    }

    /// QUESTION_TYPE / RR_TYPE values.
    public enum RecordType {
        public static let address: UInt16 = 0x0001
        public static let nameServer: UInt16 = 0x0002
        public static let null: UInt16 = 0x000A
        /// NetBIOS general name service resource record.
        public static let nb: UInt16 = 0x0020
        /// NetBIOS node status.
        public static let nbstat: UInt16 = 0x0021
    }

    /// The only class: Internet.
    public static let classIN: UInt16 = 0x0001

    public struct Question: Sendable, Equatable {
        public var name: NetBIOSName
        /// The scope (dot-separated labels), empty for none.
        public var scope: String
        public var type: UInt16
        public var questionClass: UInt16

        public init(name: NetBIOSName, scope: String = "", type: UInt16, questionClass: UInt16 = classIN) {
            self.name = name
            self.scope = scope
            self.type = type
            self.questionClass = questionClass
        }
    }

    public struct ResourceRecord: Sendable, Equatable {
        public var name: NetBIOSName
        public var scope: String
        public var type: UInt16
        public var recordClass: UInt16
        /// Seconds; 0 = infinite.
        public var ttl: UInt32
        public var data: [UInt8]

        public init(name: NetBIOSName, scope: String = "", type: UInt16, recordClass: UInt16 = classIN,
                    ttl: UInt32, data: [UInt8]) {
            self.name = name
            self.scope = scope
            self.type = type
            self.recordClass = recordClass
            self.ttl = ttl
            self.data = data
        }
    }
}

/// Why the name service decoder refused a packet.
public enum NameServiceRejection: String, Error, Sendable, CaseIterable, Hashable {
    /// Fewer than the 12 header bytes.
    case truncatedHeader = "truncated-header"
    /// OPCODE is none of RFC 1002's.
    case unknownOpcode = "unknown-opcode"
    /// A name runs past the end of the packet.
    case truncatedName = "truncated-name"
    /// A first label that is not 32 letters 'A'...'P', a reserved label type, or a scope over 255 bytes.
    case badNameEncoding = "bad-name-encoding"
    /// A label string pointer that does not point backwards to a name.
    case badNamePointer = "bad-name-pointer"
    /// A question or a record's fixed fields run past the end of the packet.
    case truncatedRecord = "truncated-record"
    /// RDLENGTH promises more bytes than the packet holds.
    case rdataExceedsPacket = "rdata-exceeds-packet"
}

extension NameServicePacket {
    static let headerCount = 12
    /// Longest scope kept (RFC 1002 limits a whole encoded name to 255 bytes).
    static let maximumScopeLength = 220

    // MARK: Decoding

    /// Decodes one UDP payload. Trailing bytes after the last record are ignored.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(NameServiceRejection) -> NameServicePacket {
        guard bytes.count >= headerCount else { throw .truncatedHeader }
        guard let opcode = Opcode(rawValue: (bytes[2] >> 3) & 0x0F) else { throw .unknownOpcode }
        var packet = NameServicePacket(
            transactionID: bytes.u16be(0), isResponse: bytes[2] & 0x80 != 0, opcode: opcode,
            flags: Flags(rawValue: (bytes[2] & 0x07) << 4 | (bytes[3] >> 4) & 0x0F), resultCode: bytes[3] & 0x0F)
        let counts = (Int(bytes.u16be(4)), Int(bytes.u16be(6)), Int(bytes.u16be(8)), Int(bytes.u16be(10)))
        var offset = headerCount
        // Every question or record takes at least 2 name bytes and 4 fixed bytes: a count the
        // packet cannot hold is refused before anything is reserved for it.
        for _ in 0..<counts.0 {
            let (name, scope, next) = try readName(bytes, at: offset)
            guard next <= bytes.count - 4 else { throw .truncatedRecord }
            packet.questions.append(Question(name: name, scope: scope, type: bytes.u16be(next),
                                             questionClass: bytes.u16be(next + 2)))
            offset = next + 4
        }
        packet.answers = try readRecords(bytes, count: counts.1, offset: &offset)
        packet.authorities = try readRecords(bytes, count: counts.2, offset: &offset)
        packet.additionals = try readRecords(bytes, count: counts.3, offset: &offset)
        return packet
    }

    public static func decode(_ bytes: [UInt8]) throws(NameServiceRejection) -> NameServicePacket {
        let result: Result<NameServicePacket, NameServiceRejection> = bytes.withUnsafeBytes { raw in
            do throws(NameServiceRejection) { return .success(try decode(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func readRecords(_ bytes: UnsafeRawBufferPointer, count: Int,
                                    offset: inout Int) throws(NameServiceRejection) -> [ResourceRecord] {
        var records: [ResourceRecord] = []
        for _ in 0..<count {
            let (name, scope, next) = try readName(bytes, at: offset)
            guard next <= bytes.count - 10 else { throw .truncatedRecord }
            let length = Int(bytes.u16be(next + 8))
            let dataStart = next + 10
            guard length <= bytes.count - dataStart else { throw .rdataExceedsPacket }
            let ttl = UInt32(bytes.u16be(next + 4)) << 16 | UInt32(bytes.u16be(next + 6))
            records.append(ResourceRecord(name: name, scope: scope, type: bytes.u16be(next), recordClass: bytes.u16be(next + 2),
                                          ttl: ttl, data: Array(bytes[dataStart..<dataStart + length])))
            offset = dataStart + length
        }
        return records
    }

    /// Reads a name at `offset`: the name, its scope, and the offset after it (after the pointer
    /// when it is one). A pointer must point strictly backwards, so reading always ends.
    static func readName(_ bytes: UnsafeRawBufferPointer, at start: Int) throws(NameServiceRejection)
        -> (NetBIOSName, String, Int) {
        var offset = start
        var after: Int?
        var lowestTarget = start
        var hops = 0
        while true {
            guard offset < bytes.count else { throw .truncatedName }
            let label = bytes[offset]
            if label & 0xC0 == 0xC0 {
                guard offset + 1 < bytes.count else { throw .truncatedName }
                let target = Int(label & 0x3F) << 8 | Int(bytes[offset + 1])
                guard target < lowestTarget, hops < 16 else { throw .badNamePointer }
                hops += 1
                lowestTarget = target
                if after == nil { after = offset + 2 }
                offset = target
                continue
            }
            guard label == 0x20 else { throw hops > 0 ? .badNamePointer : .badNameEncoding }
            break
        }
        guard offset + 33 <= bytes.count else { throw .truncatedName }
        guard let name = NetBIOSName.decodeLetters(bytes, at: offset + 1) else { throw .badNameEncoding }
        offset += 33
        var scope: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw .truncatedName }
            let length = Int(bytes[offset])
            if length == 0 { offset += 1; break }
            guard length < 0x40 else { throw .badNameEncoding }
            guard offset + 1 + length <= bytes.count else { throw .truncatedName }
            if !scope.isEmpty { scope.append(UInt8(ascii: ".")) }
            scope += bytes[offset + 1..<offset + 1 + length]
            guard scope.count <= maximumScopeLength else { throw .badNameEncoding }
            offset += 1 + length
        }
        return (name, String(decoding: scope, as: UTF8.self), after ?? offset)
    }

    // MARK: Encoding

    /// Encodes the packet. A record whose name and scope equal the first question's is written as
    /// a pointer to it (`0xC00C`), as Windows writes registration and release requests. Lists or
    /// data longer than 16 bits are cut (the service never builds such a packet).
    public func encode() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        func put16(_ value: UInt16) { out.append(UInt8(value >> 8)); out.append(UInt8(truncatingIfNeeded: value)) }
        put16(transactionID)
        out.append((isResponse ? 0x80 : 0) | opcode.rawValue << 3 | (flags.rawValue >> 4) & 0x07)
        out.append((flags.rawValue & 0x0F) << 4 | resultCode & 0x0F)
        let qd = questions.prefix(Int(UInt16.max)), an = answers.prefix(Int(UInt16.max))
        let ns = authorities.prefix(Int(UInt16.max)), ar = additionals.prefix(Int(UInt16.max))
        for count in [qd.count, an.count, ns.count, ar.count] { put16(UInt16(count)) }
        let pointerTarget = questions.first.map { ($0.name, $0.scope) }
        for question in qd {
            Self.appendName(question.name, scope: question.scope, to: &out)
            put16(question.type)
            put16(question.questionClass)
        }
        for record in an + ns + ar {
            if let pointerTarget, pointerTarget == (record.name, record.scope) {
                out += [0xC0, 0x0C]
            } else {
                Self.appendName(record.name, scope: record.scope, to: &out)
            }
            put16(record.type)
            put16(record.recordClass)
            put16(UInt16(truncatingIfNeeded: record.ttl >> 16))
            put16(UInt16(truncatingIfNeeded: record.ttl))
            let data = record.data.prefix(Int(UInt16.max))
            put16(UInt16(data.count))
            out += data
        }
        return out
    }

    static func appendName(_ name: NetBIOSName, scope: String, to out: inout [UInt8]) {
        let start = out.count
        out += repeatElement(0, count: NetBIOSName.encodedCount)
        out.withUnsafeMutableBytes { name.encode(into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), at: 0) }
        guard !scope.isEmpty else { return }
        out.removeLast()
        for label in scope.utf8.prefix(maximumScopeLength).split(separator: UInt8(ascii: "."))
        where label.count < 0x40 {
            out.append(UInt8(label.count))
            out += label
        }
        out.append(0)
    }
}

// MARK: RDATA

/// One NB_FLAGS + NB_ADDRESS entry of an NB record (RFC 1002 4.2.1.3).
public struct NameAddressEntry: Sendable, Equatable {
    public var isGroup: Bool
    /// Owner node type: 0 B, 1 P, 2 M, 3 H (Microsoft).
    public var nodeType: UInt8
    public var ipv4: UInt32

    public init(isGroup: Bool, nodeType: UInt8 = 0, ipv4: UInt32) {
        self.isGroup = isGroup
        self.nodeType = nodeType
        self.ipv4 = ipv4
    }

    public static func encode(_ entries: [NameAddressEntry]) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            let flags: UInt8 = (entry.isGroup ? 0x80 : 0) | (entry.nodeType & 0x03) << 5
            out.append(flags)
            out.append(0)
            for shift: UInt32 in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: entry.ipv4 >> shift)) }
        }
        return out
    }

    /// The entries of NB RDATA; a trailing partial entry is ignored.
    public static func decode(_ data: [UInt8]) -> [NameAddressEntry] {
        stride(from: 0, to: data.count - data.count % 6, by: 6).map { (index: Int) -> NameAddressEntry in
            var ipv4: UInt32 = 0
            for offset in 2..<6 { ipv4 = ipv4 << 8 | UInt32(data[index + offset]) }
            return NameAddressEntry(isGroup: data[index] & 0x80 != 0, nodeType: (data[index] >> 5) & 0x03, ipv4: ipv4)
        }
    }
}

/// The NODE_NAME entries and unit id of an NBSTAT record (RFC 1002 4.2.18).
public struct NodeStatus: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: NetBIOSName
        public var isGroup: Bool
        public var nodeType: UInt8
        public var isDeregistering: Bool
        public var isConflicted: Bool
        public var isActive: Bool
        public var isPermanent: Bool

        public init(name: NetBIOSName, isGroup: Bool, nodeType: UInt8 = 0, isDeregistering: Bool = false,
                    isConflicted: Bool = false, isActive: Bool = true, isPermanent: Bool = false) {
            self.name = name
            self.isGroup = isGroup
            self.nodeType = nodeType
            self.isDeregistering = isDeregistering
            self.isConflicted = isConflicted
            self.isActive = isActive
            self.isPermanent = isPermanent
        }
    }

    public var entries: [Entry]
    /// UNIT_ID: the adapter's MAC address.
    public var unitID: [UInt8]

    public init(entries: [Entry], unitID: [UInt8]) {
        self.entries = entries
        self.unitID = unitID
    }

    /// Bytes of STATISTICS after the names (UNIT_ID and the counters).
    static let statisticsCount = 46

    public func encode() -> [UInt8] {
        let names = entries.prefix(255)
        var out: [UInt8] = [UInt8(names.count)]
        for entry in names {
            out += entry.name.rawBytes
            var flags: UInt8 = entry.isGroup ? 0x80 : 0
            flags |= (entry.nodeType & 0x03) << 5
            if entry.isDeregistering { flags |= 0x10 }
            if entry.isConflicted { flags |= 0x08 }
            if entry.isActive { flags |= 0x04 }
            if entry.isPermanent { flags |= 0x02 }
            out += [flags, 0]
        }
        var statistics = [UInt8](repeating: 0, count: Self.statisticsCount)
        for (index, byte) in unitID.prefix(6).enumerated() { statistics[index] = byte }
        return out + statistics
    }

    /// Decodes NBSTAT RDATA; nil when the names run past the data. Missing statistics are allowed
    /// (the unit id is then what is there).
    public static func decode(_ data: [UInt8]) -> NodeStatus? {
        guard let count = data.first.map(Int.init), 1 + 18 * count <= data.count else { return nil }
        var entries: [Entry] = []
        for index in 0..<count {
            let base = 1 + 18 * index
            guard let name = NetBIOSName(rawBytes: data[base..<base + 16]) else { return nil }
            let flags = data[base + 16]
            entries.append(Entry(name: name, isGroup: flags & 0x80 != 0, nodeType: (flags >> 5) & 0x03,
                                 isDeregistering: flags & 0x10 != 0, isConflicted: flags & 0x08 != 0,
                                 isActive: flags & 0x04 != 0, isPermanent: flags & 0x02 != 0))
        }
        let unitStart = 1 + 18 * count
        return NodeStatus(entries: entries, unitID: Array(data[unitStart..<min(unitStart + 6, data.count)]))
    }
}
