/// System.Net.Dns and System.Net.IPHostEntry. The emulated host knows its own name, `localhost` and
/// literal addresses; any other name is one no DNS server answers for.
enum DnsTypes {
    static func all() -> [DotNetType] { [dns, ipHostEntry] }

    struct HostEntry {
        let hostName: String
        let addresses: [[UInt8]]
    }

    static let noSuchHost = "No such host is known"

    static func lookup(_ name: String, _ c: DotNetCall) throws -> HostEntry {
        let own = c.engine.identity.computerName
        let trimmed = name.trimmedWhitespace
        if trimmed.isEmpty || trimmed.caseInsensitiveEquals(own) {
            return HostEntry(hostName: own, addresses: [[127, 0, 0, 1]])
        }
        if trimmed.caseInsensitiveEquals("localhost") {
            return HostEntry(hostName: own, addresses: [[UInt8](repeating: 0, count: 15) + [1], [127, 0, 0, 1]])
        }
        if let bytes = try? NetworkTypes.parse(trimmed) { return HostEntry(hostName: trimmed, addresses: [bytes]) }
        throw DotNetException("System.Net.Sockets.SocketException", noSuchHost)
    }

    static func entry(_ c: DotNetCall, _ name: String?, parameter: String) throws -> PSValue {
        guard let name else { throw DotNetException.argumentNull(parameter) }
        return c.make("System.Net.IPHostEntry", try lookup(name, c))
    }

    static let dns = DotNetType("System.Net.Dns", kind: .staticClass) { t in
        t.staticMethod("GetHostName", "string") { c in .string(c.engine.identity.computerName) }
        t.staticMethod("GetHostEntry", "System.Net.IPHostEntry", "string hostNameOrAddress") { c in
            try entry(c, c.string(0), parameter: "hostNameOrAddress")
        }
        t.staticMethod("GetHostByName", "System.Net.IPHostEntry", "string hostName") { c in
            try entry(c, c.string(0), parameter: "hostName")
        }
        t.staticMethod("Resolve", "System.Net.IPHostEntry", "string hostName") { c in
            try entry(c, c.string(0), parameter: "hostName")
        }
        t.staticMethod("GetHostAddresses", "ipaddress[]", "string hostNameOrAddress") { c in
            guard let name = c.string(0) else { throw DotNetException.argumentNull("hostNameOrAddress") }
            return .array(PSArray(try lookup(name, c).addresses.map { c.make("System.Net.IPAddress", $0) }))
        }
    }

    static let ipHostEntry = DotNetType("System.Net.IPHostEntry") { t in
        @Sendable func entry(_ c: DotNetCall) -> HostEntry { c.payload(HostEntry.self) ?? HostEntry(hostName: "", addresses: []) }
        t.property("HostName", "string") { c in .string(entry(c).hostName) }
        t.property("Aliases", "string[]") { _ in .array(PSArray([])) }
        t.property("AddressList", "ipaddress[]") { c in
            .array(PSArray(entry(c).addresses.map { c.make("System.Net.IPAddress", $0) }))
        }
    }
}
