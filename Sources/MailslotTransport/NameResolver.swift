/// Where a remote mailslot write goes: the datagram type, the NetBIOS name it is addressed to, and
/// the UDP destinations.
struct ResolvedTarget: Equatable {
    var messageType: DatagramMessageType
    var destinationName: NetBIOSName
    var addresses: [DatagramAddress]
}

/// Resolves `\\COMPUTER\`, `\\DOMAIN\` and `\\*\` through an lmhosts file.
///
/// The own computer name is the own endpoint. A name with host lines is a computer (DIRECT_UNIQUE
/// to `NAME<00>`); otherwise a name that is the own workgroup or appears in `#DOM:` is a domain
/// (DIRECT_GROUP to `DOMAIN<00>`), sent to every host of that domain — a simulated subnet
/// broadcast — plus the own endpoint when it is the own workgroup, plus the configured broadcast
/// address.
struct NameResolver {
    var computerName: String
    var workgroup: String
    var ownAddress: DatagramAddress
    var broadcast: DatagramAddress?

    init(computerName: String, workgroup: String, ownAddress: DatagramAddress, broadcast: DatagramAddress?) {
        self.computerName = Self.netBIOSKey(computerName)
        self.workgroup = Self.netBIOSKey(workgroup)
        self.ownAddress = ownAddress
        self.broadcast = broadcast
    }

    static func netBIOSKey(_ name: String) -> String { MailslotName.upperASCII(String(decoding: name.utf8.prefix(15), as: UTF8.self)) }

    func resolve(_ host: MailslotPath.Host, in lmhosts: LMHostsFile) -> ResolvedTarget? {
        switch host {
        case .local: return nil
        case .primaryDomain: return group(workgroup, in: lmhosts)
        case .named(let text):
            guard text.utf8.count <= 15 else { return nil }
            let name = Self.netBIOSKey(text)
            if name == computerName {
                return ResolvedTarget(messageType: .directUnique, destinationName: NetBIOSName(name, suffix: 0),
                                      addresses: [ownAddress])
            }
            let hosts = lmhosts.entries.filter { $0.name == name && ($0.suffix == nil || $0.suffix == 0x00 || $0.suffix == 0x20) }
            if !hosts.isEmpty {
                return ResolvedTarget(messageType: .directUnique, destinationName: NetBIOSName(name, suffix: 0),
                                      addresses: unique(hosts.map(\.address)))
            }
            if name == workgroup || lmhosts.entries.contains(where: { $0.domain == name }) {
                return group(name, in: lmhosts)
            }
            return nil
        }
    }

    private func group(_ domain: String, in lmhosts: LMHostsFile) -> ResolvedTarget {
        var addresses: [DatagramAddress] = []
        if domain == workgroup { addresses.append(ownAddress) }
        for entry in lmhosts.entries where entry.domain == domain {
            addresses.append(entry.name == computerName ? ownAddress : entry.address)
        }
        if let broadcast { addresses.append(broadcast) }
        return ResolvedTarget(messageType: .directGroup, destinationName: NetBIOSName(domain, suffix: 0),
                              addresses: unique(addresses))
    }

    private func unique(_ addresses: [DatagramAddress]) -> [DatagramAddress] {
        var seen = Set<DatagramAddress>()
        return addresses.filter { seen.insert($0).inserted }
    }
}
