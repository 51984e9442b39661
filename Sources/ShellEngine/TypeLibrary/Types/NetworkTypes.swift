/// System.Net.IPAddress and System.Uri.
enum NetworkTypes {
    static func all() -> [DotNetType] { [ipAddress, uri] + DnsTypes.all() }

    static let invalidAddress = "An invalid IP address was specified."

    /// IPv4 dotted quads (with .NET's shorthand forms `a`, `a.b`, `a.b.c`) and IPv6 text.
    static func parse(_ text: String) throws -> [UInt8] {
        let s = text.trimmedWhitespace
        if s.contains(":") { return try parseV6(s) }
        let fields = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(fields.count) else { throw DotNetException.format(invalidAddress) }
        var numbers: [UInt64] = []
        for f in fields {
            let lower = f.lowercased()
            let value: UInt64?
            if lower.hasPrefix("0x") { value = UInt64(lower.dropFirst(2), radix: 16) } else if f.count > 1 && f.hasPrefix("0") {
                value = UInt64(f, radix: 8)
            } else { value = UInt64(f) }
            guard let v = value else { throw DotNetException.format(invalidAddress) }
            numbers.append(v)
        }
        let lastLimit: UInt64 = [0xFFFF_FFFF, 0xFF_FFFF, 0xFFFF, 0xFF][numbers.count - 1]
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }), let last = numbers.last, last <= lastLimit else {
            throw DotNetException.format(invalidAddress)
        }
        var bytes = numbers.dropLast().map { UInt8($0) }
        let tail = 4 - bytes.count
        for i in (0..<tail).reversed() { bytes.append(UInt8(truncatingIfNeeded: last >> UInt64(8 * i))) }
        return bytes
    }

    static func parseV6(_ s: String) throws -> [UInt8] {
        let halves = s.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { throw DotNetException.format(invalidAddress) }
        @Sendable func groups(_ part: String) throws -> [UInt16] {
            guard !part.isEmpty else { return [] }
            return try part.split(separator: ":", omittingEmptySubsequences: false).map {
                guard $0.count <= 4, let v = UInt16($0, radix: 16) else { throw DotNetException.format(invalidAddress) }
                return v
            }
        }
        let head = try groups(halves[0]), tail = halves.count == 2 ? try groups(halves[1]) : []
        guard halves.count == 2 ? head.count + tail.count < 8 : head.count == 8 else { throw DotNetException.format(invalidAddress) }
        let all = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func text(_ b: [UInt8]) -> String {
        if b.count == 4 { return b.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]) }
        // The longest run of zero groups (two or more) becomes `::`.
        var best = (start: -1, length: 0), i = 0
        while i < 8 {
            var j = i
            while j < 8 && groups[j] == 0 { j += 1 }
            if j - i > best.length && j - i > 1 { best = (i, j - i) }
            i = j == i ? i + 1 : j
        }
        let hex = groups.map { String($0, radix: 16) }
        if best.start < 0 { return hex.joined(separator: ":") }
        return hex[..<best.start].joined(separator: ":") + "::" + hex[(best.start + best.length)...].joined(separator: ":")
    }

    static let ipAddress = DotNetType("System.Net.IPAddress", aliases: ["ipaddress"]) { t in
        @Sendable func bytes(_ c: DotNetCall) -> [UInt8] { c.payload([UInt8].self) ?? [0, 0, 0, 0] }
        @Sendable func make(_ c: DotNetCall, _ b: [UInt8]) -> PSValue { c.make("System.Net.IPAddress", b) }
        t.constructor("byte[] address") { c in
            let b = try ConvertTypes.byteArgument(c, 0, "address")
            guard b.count == 4 || b.count == 16 else { throw DotNetException.argument("An invalid IP address was specified.", "address") }
            return make(c, b)
        }
        t.constructor("long newAddress") { c in
            guard c.int64(0) >= 0, c.int64(0) <= 0xFFFF_FFFF else {
                throw DotNetException.outOfRange("newAddress", "Specified argument was out of the range of valid values.")
            }
            return make(c, (0..<4).map { UInt8(truncatingIfNeeded: c.int64(0) >> Int64(8 * $0)) })
        }
        t.staticProperty("Any", "ipaddress") { c in make(c, [0, 0, 0, 0]) }
        t.staticProperty("Loopback", "ipaddress") { c in make(c, [127, 0, 0, 1]) }
        t.staticProperty("Broadcast", "ipaddress") { c in make(c, [255, 255, 255, 255]) }
        t.staticProperty("None", "ipaddress") { c in make(c, [255, 255, 255, 255]) }
        t.staticProperty("IPv6Any", "ipaddress") { c in make(c, [UInt8](repeating: 0, count: 16)) }
        t.staticProperty("IPv6Loopback", "ipaddress") { c in make(c, [UInt8](repeating: 0, count: 15) + [1]) }
        t.staticMethod("Parse", "ipaddress", "string ipString") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("ipString") }
            return make(c, try parse(s))
        }
        t.staticMethod("TryParse", "bool", "string ipString, System.Management.Automation.PSReference address") { c in
            guard let s = c.string(0), let b = try? parse(s) else { try c.setReference(1, .null); return .bool(false) }
            try c.setReference(1, make(c, b))
            return .bool(true)
        }
        t.staticMethod("IsLoopback", "bool", "ipaddress address") { c in
            let b = c.payload(0, [UInt8].self) ?? []
            return .bool(b.first == 127 || b == [UInt8](repeating: 0, count: 15) + [1])
        }
        t.staticMethod("op_Equality", "bool", "ipaddress a, ipaddress b") { c in .bool(c.payload(0, [UInt8].self) == c.payload(1, [UInt8].self)) }
        t.converts { value, _, engine in
            guard case .string(let s) = value, let type = engine.types.type(named: "System.Net.IPAddress") else { return nil }
            return .object(DotNetObject(type, payload: try parse(s), engine: engine))
        }
        t.property("Address", "long") { c in
            let b = bytes(c)
            guard b.count == 4 else { throw DotNetException("System.Net.Sockets.SocketException", "The attempted operation is not supported for the type of object referenced") }
            return .int64(Int64(b[0]) | Int64(b[1]) << 8 | Int64(b[2]) << 16 | Int64(b[3]) << 24)
        }
        t.property("AddressFamily", "System.Net.Sockets.AddressFamily") { c in
            c.enumeration("System.Net.Sockets.AddressFamily", bytes(c).count == 4 ? 2 : 23)
        }
        t.property("ScopeId", "long") { c in
            guard bytes(c).count == 16 else { throw DotNetException("System.Net.Sockets.SocketException", "The attempted operation is not supported for the type of object referenced") }
            return .int64(0)
        }
        t.property("IsIPv6LinkLocal", "bool") { c in .bool(bytes(c).count == 16 && bytes(c)[0] == 0xFE && bytes(c)[1] & 0xC0 == 0x80) }
        t.property("IPAddressToString", "string") { c in .string(text(bytes(c))) }
        t.method("GetAddressBytes", "byte[]") { c in ConvertTypes.bytes(bytes(c)) }
        t.method("ToString", "string") { c in .string(text(bytes(c))) }
        t.method("Equals", "bool", "System.Object comparand") { c in .bool(c.payload(0, [UInt8].self) == bytes(c)) }
    }

    static let uri = DotNetType("System.Uri", aliases: ["uri"]) { t in
        @Sendable func parts(_ c: DotNetCall) -> (scheme: String, host: String, port: Int, path: String, query: String, fragment: String)? {
            let s = c.payload(String.self) ?? ""
            guard let schemeEnd = s.firstRange(of: "://") else { return nil }
            let scheme = s[..<schemeEnd.lowerBound].lowercased()
            var rest = String(s[schemeEnd.upperBound...])
            var fragment = "", query = ""
            if let h = rest.firstIndex(of: "#") { fragment = String(rest[h...]); rest = String(rest[..<h]) }
            if let q = rest.firstIndex(of: "?") { query = String(rest[q...]); rest = String(rest[..<q]) }
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = String(rest[..<slash])
            let path = slash == rest.endIndex ? "/" : String(rest[slash...])
            if let at = authority.lastIndex(of: "@") { authority = String(authority[authority.index(after: at)...]) }
            var port = ["http": 80, "https": 443, "ftp": 21, "file": -1, "ldap": 389][scheme] ?? -1
            var host = authority
            if let colon = authority.lastIndex(of: ":"), let p = Int(authority[authority.index(after: colon)...]) {
                port = p
                host = String(authority[..<colon])
            }
            return (scheme, host.lowercased(), port, path, query, fragment)
        }
        t.constructor("string uriString") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("uriString") }
            guard s.contains("://"), let scheme = s.split(separator: ":").first, scheme.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }) else {
                throw DotNetException("System.UriFormatException", s.isEmpty ? "Invalid URI: The URI is empty." : "Invalid URI: The format of the URI could not be determined.")
            }
            return c.make("System.Uri", s)
        }
        t.property("AbsoluteUri", "string") { c in
            guard let p = parts(c) else { return .string(c.payload(String.self) ?? "") }
            let defaultPort = ["http": 80, "https": 443, "ftp": 21][p.scheme]
            let port = p.port == -1 || p.port == defaultPort ? "" : ":\(p.port)"
            return .string("\(p.scheme)://\(p.host)\(port)\(p.path)\(p.query)\(p.fragment)")
        }
        t.property("Scheme", "string") { c in .string(parts(c)?.scheme ?? "") }
        t.property("Host", "string") { c in .string(parts(c)?.host ?? "") }
        t.property("Port", "int") { c in .int32(Int32(parts(c)?.port ?? -1)) }
        t.property("AbsolutePath", "string") { c in .string(parts(c)?.path ?? "") }
        t.property("PathAndQuery", "string") { c in .string((parts(c)?.path ?? "") + (parts(c)?.query ?? "")) }
        t.property("Query", "string") { c in .string(parts(c)?.query ?? "") }
        t.property("Fragment", "string") { c in .string(parts(c)?.fragment ?? "") }
        t.property("Authority", "string") { c in
            guard let p = parts(c) else { return .string("") }
            let defaultPort = ["http": 80, "https": 443, "ftp": 21][p.scheme]
            return .string(p.host + (p.port == -1 || p.port == defaultPort ? "" : ":\(p.port)"))
        }
        t.property("IsAbsoluteUri", "bool") { _ in .bool(true) }
        t.property("OriginalString", "string") { c in .string(c.payload(String.self) ?? "") }
        t.method("ToString", "string") { c in .string(c.payload(String.self) ?? "") }
        t.converts { value, _, engine in
            guard case .string(let s) = value, s.contains("://"), let type = engine.types.type(named: "System.Uri") else { return nil }
            return .object(DotNetObject(type, payload: s, engine: engine))
        }
    }
}
