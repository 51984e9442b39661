/// Where and as whom the datagram service runs.
public struct TransportConfiguration: Sendable, Equatable {
    /// The own NetBIOS computer name (`COMPUTERNAME`); it resolves to the own endpoint.
    public var computerName: String
    /// The own workgroup or domain (`SMBCONFIG_WORKGROUP`, default `WORKGROUP`): the target of `\\*\`.
    public var workgroup: String
    /// The UDP endpoint to bind, `ADDRESS:PORT` (`SMBCONFIG_DATAGRAM_ENDPOINT`); port 0 picks a free port.
    public var endpoint: String
    /// The lmhosts file, or nil for none. Read when a name is first resolved, and again when it changes.
    public var lmhostsPath: String?
    /// An optional real broadcast destination `ADDRESS[:PORT]` added to `\\DOMAIN\` / `\\*\` writes.
    public var broadcastAddress: String?
    /// The UDP endpoint of the name service, `ADDRESS[:PORT]` (`SMBCONFIG_NAME_ENDPOINT`); nil is
    /// the datagram endpoint's address with port 137 when the datagram port is 138, else any free
    /// port. Name broadcasts go to the broadcast address at this endpoint's port (137 for a free one).
    public var nameEndpoint: String?
    /// An optional WINS server `ADDRESS[:PORT]` (`SMBCONFIG_WINS`): names are registered with it
    /// and queried there before the broadcast query.
    public var winsServer: String?

    /// The default endpoint: the NetBIOS datagram port on loopback.
    public static let defaultEndpoint = "127.0.0.1:138"
    public static let defaultWorkgroup = "WORKGROUP"

    public init(computerName: String, workgroup: String = defaultWorkgroup, endpoint: String = defaultEndpoint,
                lmhostsPath: String? = nil, broadcastAddress: String? = nil, nameEndpoint: String? = nil,
                winsServer: String? = nil) {
        self.computerName = computerName
        self.workgroup = workgroup
        self.endpoint = endpoint
        self.lmhostsPath = lmhostsPath
        self.broadcastAddress = broadcastAddress
        self.nameEndpoint = nameEndpoint
        self.winsServer = winsServer
    }

    /// The configuration the shell's environment describes: `COMPUTERNAME` (else the host name,
    /// upper case, cut to 15), `SMBCONFIG_WORKGROUP`, `SMBCONFIG_DATAGRAM_ENDPOINT`,
    /// `SMBCONFIG_LMHOSTS` (else `SMBCONFIG_HOME/lmhosts`), `SMBCONFIG_BROADCAST`,
    /// `SMBCONFIG_NAME_ENDPOINT`, `SMBCONFIG_WINS`.
    public static func fromEnvironment(_ environment: [String: String], hostName: String = "localhost") -> TransportConfiguration {
        func value(_ key: String) -> String? {
            guard let text = environment[key], !text.isEmpty else { return nil }
            return text
        }
        let computer = value("COMPUTERNAME") ?? MailslotName.upperASCII(String(hostName.prefix { $0 != "." }.prefix(15)))
        var lmhosts = value("SMBCONFIG_LMHOSTS")
        if lmhosts == nil, let home = value("SMBCONFIG_HOME") { lmhosts = home + "/lmhosts" }
        return TransportConfiguration(
            computerName: computer, workgroup: value("SMBCONFIG_WORKGROUP") ?? defaultWorkgroup,
            endpoint: value("SMBCONFIG_DATAGRAM_ENDPOINT") ?? defaultEndpoint,
            lmhostsPath: lmhosts, broadcastAddress: value("SMBCONFIG_BROADCAST"),
            nameEndpoint: value("SMBCONFIG_NAME_ENDPOINT"), winsServer: value("SMBCONFIG_WINS"))
    }
}

/// An IPv4 address and UDP port, as written `ADDRESS:PORT`.
public struct DatagramAddress: Sendable, Hashable, CustomStringConvertible {
    /// Host-order IPv4 address.
    public var ipv4: UInt32
    public var port: UInt16

    public init(ipv4: UInt32, port: UInt16) {
        self.ipv4 = ipv4
        self.port = port
    }

    /// Dotted-quad text of the address.
    public var host: String {
        "\(ipv4 >> 24).\(ipv4 >> 16 & 0xFF).\(ipv4 >> 8 & 0xFF).\(ipv4 & 0xFF)"
    }

    public var description: String { "\(host):\(port)" }

    /// Parses `A.B.C.D` (with `defaultPort`) or `A.B.C.D:PORT`; nil when malformed.
    public static func parse(_ text: String, defaultPort: UInt16? = 138) -> DatagramAddress? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let ipv4 = parseIPv4(parts[0]) else { return nil }
        if parts.count == 2 {
            guard (1...5).contains(parts[1].count), parts[1].allSatisfy({ $0 >= "0" && $0 <= "9" }),
                  let port = UInt16(parts[1]) else { return nil }
            return DatagramAddress(ipv4: ipv4, port: port)
        }
        guard let defaultPort else { return nil }
        return DatagramAddress(ipv4: ipv4, port: defaultPort)
    }

    public static func parseIPv4(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0 >= "0" && $0 <= "9" }),
                  let number = UInt8(octet) else { return nil }
            value = value << 8 | UInt32(number)
        }
        return value
    }
}
