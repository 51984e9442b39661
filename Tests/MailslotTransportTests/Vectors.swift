import Foundation
@testable import MailslotTransport

/// The conformance vectors (Tests/Conformance/mailslot-vectors.json).
enum Vectors {
    struct Valid: Sendable, CustomStringConvertible {
        let id: String
        let bytes: [UInt8]
        let fields: [String: FieldValue]
        var description: String { id }
    }

    struct Malformed: Sendable, CustomStringConvertible {
        let id: String
        let bytes: [UInt8]
        let reason: String
        var description: String { id }
    }

    enum FieldValue: Sendable, Equatable, CustomStringConvertible {
        case int(Int)
        case text(String)
        var description: String {
            switch self {
            case .int(let value): return String(value)
            case .text(let value): return value
            }
        }
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Conformance/mailslot-vectors.json")

    static func document() -> [String: Any] {
        let data = try! Data(contentsOf: url)
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static let valid: [Valid] = (document()["valid"] as! [[String: Any]]).map { item in
        var fields: [String: FieldValue] = [:]
        for (key, value) in item["fields"] as! [String: Any] {
            if let text = value as? String { fields[key] = .text(text) } else { fields[key] = .int((value as! NSNumber).intValue) }
        }
        return Valid(id: item["id"] as! String, bytes: hex(item["hex"] as! String), fields: fields)
    }

    static let malformed: [Malformed] = (document()["malformed"] as! [[String: Any]]).map { item in
        Malformed(id: item["id"] as! String, bytes: hex(item["hex"] as! String), reason: item["reason"] as! String)
    }

    /// Hex digits with any spacing between them.
    static func hex(stripped text: String) -> [UInt8] { hex(String(text.filter(\.isHexDigit))) }

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static func hexString(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func ipv4(_ value: UInt32) -> String { DatagramAddress(ipv4: value, port: 0).host }

    /// Vector fields the decoder does not derive: constants of the format (which it checks or
    /// ignores) and the length of its input. A comparison of these would test nothing.
    static let notDerived: Set<String> = [
        "packet_offset", "smb_command", "word_count", "total_parameter_count", "total_data_count",
        "parameter_count", "setup_count", "opcode", "class", "udp_payload_len",
    ]

    /// The vector's field names, from a decoded datagram: only what the decoder derives.
    static func fields(of view: MailslotWriteView, in bytes: [UInt8]) -> [String: FieldValue] {
        let h = view.header
        let data = Array(bytes[view.dataRange])
        let ints: [String: Int] = [
            "msg_type": Int(h.messageType.rawValue), "flags": Int(h.flags), "more": h.moreFragments ? 1 : 0,
            "first": h.firstFragment ? 1 : 0, "node_type": Int(h.nodeType), "dgm_id": Int(h.datagramID),
            "src_port": Int(h.sourcePort), "dgm_length": view.datagramLength,
            "smb_status": Int(h.smbStatus), "smb_flags": Int(h.smbFlags),
            "smb_flags2": Int(h.smbFlags2), "smb_pid_high": Int(h.smbPIDHigh), "smb_reserved": Int(h.smbReserved),
            "smb_tid": Int(h.smbTID), "smb_pid_low": Int(h.smbPIDLow), "smb_uid": Int(h.smbUID), "smb_mid": Int(h.smbMID),
            "max_parameter_count": Int(h.maxParameterCount), "max_data_count": Int(h.maxDataCount),
            "max_setup_count": Int(h.maxSetupCount), "trans_flags": Int(h.transactionFlags), "timeout": Int(h.timeout),
            "parameter_offset": Int(h.parameterOffset), "data_count": view.dataRange.count,
            "data_offset": view.dataOffset, "priority": Int(h.priority),
            "byte_count": view.byteCount, "padding_len": Int(h.padding), "data_len": data.count,
        ]
        var result = ints.mapValues { FieldValue.int($0) }
        result["msg_type_name"] = .text(h.messageType.name)
        result["src_ip"] = .text(ipv4(h.sourceIP))
        result["source_name"] = .text(h.sourceName.description)
        result["source_name_raw_hex"] = .text(hexString(h.sourceName.rawBytes))
        result["destination_name"] = .text(h.destinationName.description)
        result["destination_name_raw_hex"] = .text(hexString(h.destinationName.rawBytes))
        result["smb_security_features_hex"] = .text(hexString((0..<8).map { UInt8(truncatingIfNeeded: h.smbSecurityFeatures >> UInt64(56 - 8 * $0)) }))
        result["mailslot_name"] = .text(String(decoding: bytes[view.nameRange], as: UTF8.self))
        result["data_hex"] = .text(hexString(data))
        result["data_sha256"] = .text(SHA256.hex(data))
        return result
    }

    /// The message of a vector: `data_hex` where given, else the bytes at the vector's own
    /// DataOffset and length, which must match `data_sha256`.
    static func data(of vector: Valid) -> [UInt8] {
        if case .text(let text)? = vector.fields["data_hex"] { return hex(text) }
        guard case .int(let offset)? = vector.fields["data_offset"], case .int(let count)? = vector.fields["data_len"],
              case .text(let digest)? = vector.fields["data_sha256"] else { fatalError("no data in \(vector.id)") }
        let start = DatagramCodec.smbOffset + offset
        let data = Array(vector.bytes[start..<start + count])
        precondition(SHA256.hex(data) == digest, "\(vector.id): data does not match data_sha256")
        return data
    }

    /// A datagram built from a vector's fields (and its data, checked against `data_sha256`).
    static func datagram(from vector: Valid) -> MailslotWriteDatagram {
        let fields = vector.fields
        func int(_ key: String) -> Int { if case .int(let value) = fields[key]! { return value }; fatalError(key) }
        func text(_ key: String) -> String { guard let field = fields[key] else { fatalError("missing \(key) in \(fields.keys.sorted())") }; if case .text(let value) = field { return value }; fatalError(key) }
        func name(_ key: String) -> NetBIOSName { NetBIOSName(rawBytes: hex(text(key)))! }
        var header = MailslotWriteHeader(
            messageType: DatagramMessageType(rawValue: UInt8(int("msg_type")))!,
            sourceName: name("source_name_raw_hex"), destinationName: name("destination_name_raw_hex"))
        header.flags = UInt8(int("flags"))
        header.datagramID = UInt16(int("dgm_id"))
        header.sourceIP = DatagramAddress.parse(text("src_ip"))!.ipv4
        header.sourcePort = UInt16(int("src_port"))
        header.smbStatus = UInt32(int("smb_status"))
        header.smbFlags = UInt8(int("smb_flags"))
        header.smbFlags2 = UInt16(int("smb_flags2"))
        header.smbPIDHigh = UInt16(int("smb_pid_high"))
        header.smbSecurityFeatures = UInt64(text("smb_security_features_hex"), radix: 16)!
        header.smbReserved = UInt16(int("smb_reserved"))
        header.smbTID = UInt16(int("smb_tid"))
        header.smbPIDLow = UInt16(int("smb_pid_low"))
        header.smbUID = UInt16(int("smb_uid"))
        header.smbMID = UInt16(int("smb_mid"))
        header.maxParameterCount = UInt16(int("max_parameter_count"))
        header.maxDataCount = UInt16(int("max_data_count"))
        header.maxSetupCount = UInt8(int("max_setup_count"))
        header.transactionFlags = UInt16(int("trans_flags"))
        header.timeout = UInt32(int("timeout"))
        header.parameterOffset = UInt16(int("parameter_offset"))
        header.priority = UInt16(int("priority"))
        header.padding = UInt16(int("padding_len"))
        return MailslotWriteDatagram(header: header, mailslotName: text("mailslot_name"), data: data(of: vector))
    }
}
