import Synchronization

/// The mailslots of this process, by case-insensitive name.
final class LocalMailslotRegistry: Sendable {
    private struct State {
        var byKey: [String: LocalMailslot] = [:]
        /// Upper-case UTF-8 keys beside their slots, so a received name is matched without a String.
        var wireKeys: [(key: [UInt8], slot: LocalMailslot)] = []
    }

    private let state = Mutex(State())

    var isEmpty: Bool { state.withLock { $0.byKey.isEmpty } }

    func create(name: MailslotName, maxMessageSize: UInt32, readTimeout: UInt32) throws(Win32Error) -> LocalMailslot {
        let slot = LocalMailslot(name: name, maxMessageSize: maxMessageSize, readTimeout: readTimeout)
        let created = state.withLock { state -> Bool in
            guard state.byKey[name.key] == nil else { return false }
            state.byKey[name.key] = slot
            state.wireKeys.append((Array(name.key.utf8), slot))
            return true
        }
        guard created else { throw .alreadyExists }
        return slot
    }

    func lookup(_ name: MailslotName) -> LocalMailslot? {
        state.withLock { $0.byKey[name.key] }
    }

    /// Finds the slot whose name equals `bytes` ignoring ASCII case (`bytes` is the path after
    /// `\MAILSLOT\`).
    func lookup(wirePath bytes: UnsafeRawBufferPointer) -> LocalMailslot? {
        state.withLock { state in
            for entry in state.wireKeys where entry.key.count == bytes.count {
                var equal = true
                for index in 0..<bytes.count {
                    var byte = bytes[index]
                    if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
                    if byte != entry.key[index] { equal = false; break }
                }
                if equal { return entry.slot }
            }
            return nil
        }
    }

    func remove(_ name: MailslotName) -> LocalMailslot? {
        state.withLock { state in
            guard let slot = state.byKey.removeValue(forKey: name.key) else { return nil }
            state.wireKeys.removeAll { $0.slot === slot }
            return slot
        }
    }

    func all() -> [LocalMailslot] {
        state.withLock { Array($0.byKey.values) }.sorted { $0.name.key < $1.name.key }
    }

    func removeAll() -> [LocalMailslot] {
        state.withLock { state in
            let slots = Array(state.byKey.values)
            state = State()
            return slots
        }
    }
}
