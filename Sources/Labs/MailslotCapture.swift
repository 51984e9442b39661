import ShellEngine
import EmulatedHost
import FoundationEssentials
import MailslotTransport
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes tapped datagrams as a classic pcap file (LINKTYPE_ETHERNET): Ethernet II, IPv4 and UDP
/// headers around the NetBIOS datagram, so Wireshark and tshark dissect NBDS and SMB MailSlot.
///
/// UDP ports are written as 138 on both sides, the NetBIOS datagram service's port, whatever port
/// the lab endpoint really uses (the NetBIOS header's SOURCE_PORT keeps the real one); the IPv4
/// addresses are the real ones. MAC addresses are derived from them (02:00:a.b.c.d).
final class PcapWriter: @unchecked Sendable {
    let path: String
    private let lock = Mutex<Counters>(Counters())
    private var file: UnsafeMutablePointer<FILE>?

    struct Counters: Sendable {
        var sent = 0
        var received = 0
        var bytes = 0
        var failed = false
    }

    init(path: String) throws(TranscriptError) {
        self.path = path
        guard let handle = fopen(path, "wb") else { throw TranscriptError(message: TranscriptError.reason(errno, path: path)) }
        file = handle
        let header = PcapWriter.le32(0xA1B2_C3D4) + PcapWriter.le16(2) + PcapWriter.le16(4) + PcapWriter.le32(0)
            + PcapWriter.le32(0) + PcapWriter.le32(65_535) + PcapWriter.le32(1)
        fwrite(header, 1, header.count, handle)
        fflush(handle)
    }

    var counters: Counters { lock.withLock { $0 } }

    func write(_ datagram: TappedDatagram) {
        let frame = PcapWriter.frame(datagram)
        var record = PcapWriter.le32(datagram.seconds) + PcapWriter.le32(datagram.microseconds)
            + PcapWriter.le32(UInt32(frame.count)) + PcapWriter.le32(UInt32(frame.count))
        record += frame
        lock.withLock { counters in
            guard let file else { return }
            if fwrite(record, 1, record.count, file) != record.count { counters.failed = true }
            fflush(file)
            if datagram.direction == .sent { counters.sent += 1 } else { counters.received += 1 }
            counters.bytes += record.count
        }
    }

    func close() {
        lock.withLock { _ in
            if let file { fclose(file) }
            file = nil
        }
    }

    /// Ethernet + IPv4 + UDP + payload.
    static func frame(_ d: TappedDatagram) -> [UInt8] {
        let udpLength = 8 + d.payload.count
        let ipLength = 20 + udpLength
        var bytes: [UInt8] = []
        bytes.reserveCapacity(14 + ipLength)
        bytes += mac(d.destination.ipv4) + mac(d.source.ipv4) + [0x08, 0x00]
        var ip: [UInt8] = [0x45, 0x00] + be16(UInt16(ipLength)) + be16(0) + [0x40, 0x00] + [64, 17] + [0, 0]
        ip += be32(d.source.ipv4) + be32(d.destination.ipv4)
        let checksum = internetChecksum(ip)
        ip[10] = UInt8(checksum >> 8)
        ip[11] = UInt8(checksum & 0xFF)
        bytes += ip
        bytes += be16(138) + be16(138) + be16(UInt16(udpLength))
        var pseudo = be32(d.source.ipv4) + be32(d.destination.ipv4) + [0, 17] + be16(UInt16(udpLength))
        pseudo += be16(138) + be16(138) + be16(UInt16(udpLength)) + [0, 0] + d.payload
        let udpChecksum = internetChecksum(pseudo)
        bytes += be16(udpChecksum == 0 ? 0xFFFF : udpChecksum)
        bytes += d.payload
        return bytes
    }

    static func mac(_ ipv4: UInt32) -> [UInt8] {
        ipv4 == 0xFFFF_FFFF ? [UInt8](repeating: 0xFF, count: 6) : [0x02, 0x00] + be32(ipv4)
    }

    static func internetChecksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var i = 0
        while i + 1 < bytes.count {
            sum += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
            i += 2
        }
        if i < bytes.count { sum += UInt32(bytes[i]) << 8 }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    static func be32(_ v: UInt32) -> [UInt8] { (0..<4).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

/// Reads back the pcap files this shell writes (and other Ethernet/IPv4/UDP captures): each
/// record's addresses and the mailslot write it carries.
enum PcapReader {
    struct Record {
        let seconds: UInt32
        let microseconds: UInt32
        let source: DatagramAddress
        let destination: DatagramAddress
        let payload: [UInt8]
    }

    enum Failure: Error { case notPcap, truncated }

    static func read(_ bytes: [UInt8]) throws(Failure) -> [Record] {
        guard bytes.count >= 24 else { throw .notPcap }
        func u32(_ at: Int, big: Bool) -> UInt32 {
            let b = bytes[at..<at + 4].map(UInt32.init)
            return big ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
        }
        let magic = u32(0, big: false)
        let swapped: Bool
        switch magic {
        case 0xA1B2_C3D4: swapped = false
        case 0xD4C3_B2A1: swapped = true
        default: throw .notPcap
        }
        guard u32(20, big: swapped) == 1 else { throw .notPcap }
        var records: [Record] = []
        var at = 24
        while at + 16 <= bytes.count {
            let seconds = u32(at, big: swapped), micros = u32(at + 4, big: swapped)
            let length = Int(u32(at + 8, big: swapped))
            at += 16
            guard length >= 0, at + length <= bytes.count else { throw .truncated }
            let frame = Array(bytes[at..<at + length])
            at += length
            guard frame.count >= 42, frame[12] == 0x08, frame[13] == 0x00, frame[14] >> 4 == 4, frame[23] == 17 else { continue }
            let ihl = Int(frame[14] & 0x0F) * 4
            let udp = 14 + ihl
            guard frame.count >= udp + 8 else { continue }
            func be32(_ i: Int) -> UInt32 { frame[i..<i + 4].reduce(0) { $0 << 8 | UInt32($1) } }
            func be16(_ i: Int) -> UInt16 { UInt16(frame[i]) << 8 | UInt16(frame[i + 1]) }
            let source = DatagramAddress(ipv4: be32(26), port: be16(udp))
            let destination = DatagramAddress(ipv4: be32(30), port: be16(udp + 2))
            let udpLength = Int(be16(udp + 4))
            let end = min(frame.count, udp + max(8, udpLength))
            records.append(Record(seconds: seconds, microseconds: micros, source: source, destination: destination,
                                  payload: Array(frame[(udp + 8)..<end])))
        }
        return records
    }
}
