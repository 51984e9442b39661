/// The NetBIOS name a remote mailslot write is addressed to, as the Windows browser's datagram
/// API names them (`DGRECEIVER_NAME_TYPE`). A path alone gives `computerName` (`\\NAME\`),
/// `primaryDomain` (`\\*\`) or `domainName` (`\\DOMAIN*\`); the other types are chosen
/// explicitly.
public enum MailslotNameType: String, Sendable, CaseIterable {
    /// `NAME<00>`, unique (a group `NAME<00>` — a domain or workgroup — when no computer has it).
    case computerName = "ComputerName"
    /// `WORKGROUP<00>` of this host, group.
    case primaryDomain = "PrimaryDomain"
    /// `NAME<00>` of another domain, group.
    case otherDomain = "OtherDomain"
    /// `\x01\x02__MSBROWSE__\x02<01>`, group: the master browsers of every domain.
    case domainAnnouncement = "DomainAnnouncement"
    /// `DOMAIN<1D>`: the domain's local master browser.
    case masterBrowser = "MasterBrowser"
    /// `DOMAIN<1E>`, group: every browser of the domain (elections).
    case browserElection = "BrowserElection"
    /// `NAME<20>`, unique: the server service.
    case browserServer = "BrowserServer"
    /// `DOMAIN<1C>`, group: the domain controllers.
    case domainName = "DomainName"
    /// `DOMAIN<1B>`, unique: the domain master browser (the PDC).
    case primaryDomainBrowser = "PrimaryDomainBrowser"

    /// The type named `name`, ignoring case (`masterbrowser` is `MasterBrowser`).
    public init?(name: String) {
        let key = MailslotName.upperASCII(name)
        guard let match = Self.allCases.first(where: { MailslotName.upperASCII($0.rawValue) == key }) else { return nil }
        self = match
    }

    /// The 16-byte name for `name` (ignored by `domainAnnouncement`).
    public func netBIOSName(_ name: String) -> NetBIOSName {
        switch self {
        case .computerName, .primaryDomain, .otherDomain: return NetBIOSName(name, suffix: 0x00)
        case .domainAnnouncement: return NetBIOSName.msBrowse
        case .masterBrowser: return NetBIOSName(name, suffix: 0x1D)
        case .browserElection: return NetBIOSName(name, suffix: 0x1E)
        case .browserServer: return NetBIOSName(name, suffix: 0x20)
        case .domainName: return NetBIOSName(name, suffix: 0x1C)
        case .primaryDomainBrowser: return NetBIOSName(name, suffix: 0x1B)
        }
    }

    /// Names resolved to one node and sent DIRECT_UNIQUE to it; the others are broadcast as
    /// DIRECT_GROUP (a B node reaches `<1D>` by broadcast too, as Samba and Windows do).
    var isUnique: Bool {
        switch self {
        case .computerName, .browserServer, .primaryDomainBrowser: return true
        default: return false
        }
    }
}

/// Where a remote mailslot write goes: the datagram type, the NetBIOS name it is addressed to, and
/// the UDP destinations.
struct ResolvedTarget: Equatable {
    var messageType: DatagramMessageType
    var destinationName: NetBIOSName
    var addresses: [DatagramAddress]
}

/// Resolves the target of a remote write.
///
/// Unique names: the own name is the own endpoint; others are asked of the name service (cache,
/// WINS, broadcast query) and then looked up in lmhosts (DIRECT_UNIQUE to the owner). Group names
/// (and a `NAME<00>` no computer owns that is the own workgroup or an lmhosts `#DOM:` domain) go
/// DIRECT_GROUP to the broadcast address, to every lmhosts host of that domain (a simulated
/// subnet broadcast), and to this host itself when it holds the name and does not hear its own
/// broadcasts.
struct NameResolver {
    var computerName: String
    var workgroup: String
    var ownAddress: DatagramAddress
    var broadcast: DatagramAddress?
    var hearsOwnBroadcasts = false
    /// Whether this host holds a name (a group write reaches the host itself only then).
    var holds: (NetBIOSName) -> Bool = { _ in true }
    /// Asks the name service (nil when it is not running or found nothing).
    var query: (NetBIOSName) -> (addresses: [UInt32], isGroup: Bool)? = { _ in nil }
    /// The port of the datagram service of a node found by name query.
    var datagramPort: UInt16 = 138

    init(computerName: String, workgroup: String, ownAddress: DatagramAddress, broadcast: DatagramAddress?) {
        self.computerName = Self.netBIOSKey(computerName)
        self.workgroup = Self.netBIOSKey(workgroup)
        self.ownAddress = ownAddress
        self.broadcast = broadcast
    }

    static func netBIOSKey(_ name: String) -> String { MailslotName.upperASCII(String(decoding: name.utf8.prefix(15), as: UTF8.self)) }

    /// The target of `host` with an explicit name type, or the one the path form implies.
    func resolve(_ host: MailslotPath.Host, nameType explicit: MailslotNameType? = nil, in lmhosts: LMHostsFile) -> ResolvedTarget? {
        let type: MailslotNameType
        let name: String
        switch host {
        case .local: return nil
        case .primaryDomain:
            type = explicit ?? .primaryDomain
            name = workgroup
        case .domainControllers(let domain):
            guard domain.utf8.count <= 15 else { return nil }
            type = explicit ?? .domainName
            name = Self.netBIOSKey(domain)
        case .named(let text):
            guard text.utf8.count <= 15 else { return nil }
            type = explicit ?? .computerName
            name = Self.netBIOSKey(text)
        }
        let destination = type.netBIOSName(name)
        if type.isUnique {
            if let target = unique(destination, name: name, in: lmhosts) { return target }
            // A `NAME<00>` nobody owns may be a domain or workgroup.
            guard type == .computerName, name == workgroup || lmhosts.entries.contains(where: { $0.domain == name })
            else { return nil }
        }
        return group(destination, domain: name, in: lmhosts)
    }

    private func unique(_ destination: NetBIOSName, name: String, in lmhosts: LMHostsFile) -> ResolvedTarget? {
        if name == computerName {
            return ResolvedTarget(messageType: .directUnique, destinationName: destination, addresses: [ownAddress])
        }
        if let answer = query(destination), !answer.addresses.isEmpty {
            if answer.isGroup { return group(destination, domain: name, in: lmhosts) }
            return ResolvedTarget(messageType: .directUnique, destinationName: destination,
                                  addresses: unique(answer.addresses.map { DatagramAddress(ipv4: $0, port: datagramPort) }))
        }
        let suffix = destination.suffix
        let hosts = lmhosts.entries.filter { $0.name == name && ($0.suffix == nil || $0.suffix == suffix || ($0.suffix == 0x20 && suffix == 0)) }
        guard !hosts.isEmpty else { return nil }
        return ResolvedTarget(messageType: .directUnique, destinationName: destination, addresses: unique(hosts.map(\.address)))
    }

    private func group(_ destination: NetBIOSName, domain: String, in lmhosts: LMHostsFile) -> ResolvedTarget {
        var addresses: [DatagramAddress] = []
        let toItself = !(hearsOwnBroadcasts && broadcast != nil) && holds(destination)
        if domain == workgroup && toItself { addresses.append(ownAddress) }
        for entry in lmhosts.entries where entry.domain == domain {
            if entry.name != computerName {
                addresses.append(entry.address)
            } else if toItself {
                addresses.append(ownAddress)
            }
        }
        if let broadcast { addresses.append(broadcast) }
        return ResolvedTarget(messageType: .directGroup, destinationName: destination, addresses: unique(addresses))
    }

    private func unique(_ addresses: [DatagramAddress]) -> [DatagramAddress] {
        var seen = Set<DatagramAddress>()
        return addresses.filter { seen.insert($0).inserted }
    }
}
