// libFuzzer entry for the datagram decoder and the name service decoder, compiled together with
// the codec sources by scripts/fuzz-transport. Beyond "no crash, no out-of-bounds read", it checks
// that every accepted datagram or packet re-encodes to one that decodes to the same values.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatagramDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    fuzzNameServiceDecoder(bytes)
    let view: MailslotWriteView
    do {
        view = try DatagramCodec.decode(bytes)
    } catch {
        return 0
    }
    precondition(view.nameRange.upperBound <= size && view.dataRange.upperBound <= size)
    precondition(view.dataRange.lowerBound > view.nameRange.upperBound)
    let datagram = MailslotWriteDatagram(
        header: view.header,
        mailslotName: String(decoding: bytes[view.nameRange], as: UTF8.self),
        data: Array(bytes[view.dataRange]))
    // Names that are not valid UTF-8 change when decoded into a String; compare bytes instead.
    guard datagram.mailslotName.utf8.elementsEqual(bytes[view.nameRange]) else { return 0 }
    let encoded: [UInt8]
    do {
        encoded = try DatagramCodec.encode(datagram)
    } catch {
        fatalError("an accepted datagram does not encode: \(error)")
    }
    do {
        let again = try DatagramCodec.decode(encoded)
        precondition(again == datagram, "re-encoded datagram decodes differently")
    } catch {
        fatalError("re-encoded datagram rejected: \(error)")
    }
    return 0
}

/// The same input through the name service decoder: an accepted packet re-encodes to one that
/// decodes to the same names, types and data.
func fuzzNameServiceDecoder(_ bytes: UnsafeRawBufferPointer) {
    guard let packet = try? NameServicePacket.decode(bytes) else { return }
    let again: NameServicePacket
    do {
        again = try NameServicePacket.decode(packet.encode())
    } catch {
        fatalError("re-encoded name service packet rejected: \(error)")
    }
    precondition(again.transactionID == packet.transactionID && again.opcode == packet.opcode
                 && again.flags == packet.flags && again.resultCode == packet.resultCode)
    precondition(again.questions.map(\.name) == packet.questions.map(\.name))
    let records = packet.answers + packet.authorities + packet.additionals
    let recordsAgain = again.answers + again.authorities + again.additionals
    precondition(recordsAgain.map(\.name) == records.map(\.name) && recordsAgain.map(\.data) == records.map(\.data))
    for record in records {
        _ = NameAddressEntry.decode(record.data)
        _ = NodeStatus.decode(record.data)
    }
}
