/// The name of a mailslot: the `[path\]name` part after `\mailslot\`.
///
/// Mailslot names are case-insensitive; the spelling given at creation is kept for display and for
/// the wire, and `key` (ASCII upper case) is what lookups compare.
public struct MailslotName: Sendable, Hashable, CustomStringConvertible {
    /// The path below `\mailslot\`, e.g. `app\notify`, as spelled by the caller.
    public let path: String
    /// The lookup key: `path` with ASCII letters upper-cased.
    public let key: String

    /// The Win32 server name, `\\.\mailslot\<path>`.
    public var win32Name: String { #"\\.\mailslot\"# + path }
    /// The name carried in an SMB mailslot write: `\MAILSLOT\<PATH>`, upper case as Windows'
    /// redirector writes OEM names (and as Wireshark's sub-dissectors expect `\MAILSLOT\BROWSE`).
    public var wireName: String { #"\MAILSLOT\"# + key }
    public var description: String { win32Name }

    /// Longest accepted name below `\mailslot\` (MAX_PATH less the `\\.\mailslot\` prefix).
    public static let maximumPathLength = 246

    /// Validates the `[path\]name` part: non-empty components, no `.`/`..`, no control characters
    /// and none of `"*:<>?|/`.
    public init(path: String) throws(Win32Error) {
        guard MailslotName.isValidPath(path.utf8) else { throw .invalidName }
        self.path = path
        self.key = MailslotName.upperASCII(path)
    }

    /// One pass over the bytes (this runs on every write and read by name).
    static func isValidPath(_ bytes: String.UTF8View) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumPathLength else { return false }
        var componentLength = 0, dots = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\\") {
                guard componentLength > 0, dots < componentLength || componentLength > 2 else { return false }
                componentLength = 0
                dots = 0
                continue
            }
            switch byte {
            case 0..<0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "*"), UInt8(ascii: ":"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "?"), UInt8(ascii: "|"), UInt8(ascii: "/"):
                return false
            case UInt8(ascii: "."): dots += 1
            default: break
            }
            componentLength += 1
        }
        return componentLength > 0 && (dots < componentLength || componentLength > 2)
    }

    /// Parses a server-side name `\\.\mailslot\[path\]name` (prefix case-insensitive).
    ///
    /// With `allowBareName`, a name without a leading `\\` (such as `lab` or `app\notify`) means
    /// `\\.\mailslot\<name>`, as the cmdlets' `-Name` parameter takes it. Errors: empty name
    /// `ERROR_PATH_NOT_FOUND`; anything else malformed, or a remote server name,
    /// `ERROR_INVALID_NAME`.
    public static func parse(_ text: String, allowBareName: Bool = true) throws(Win32Error) -> MailslotName {
        guard !text.isEmpty else { throw .pathNotFound }
        if text.hasPrefix(#"\\"#) {
            let path = try MailslotPath.parse(text)
            guard path.host == .local else { throw .invalidName }
            return path.name
        }
        guard allowBareName else { throw .invalidName }
        return try MailslotName(path: text)
    }

    /// Parses the name of an SMB mailslot write, `\MAILSLOT\<path>` (prefix case-insensitive).
    public static func parseWireName(_ text: String) throws(Win32Error) -> MailslotName {
        let prefix = #"\MAILSLOT\"#
        guard text.utf8.count > prefix.utf8.count,
              upperASCII(String(text.prefix(prefix.count))) == prefix else { throw .invalidName }
        return try MailslotName(path: String(text.dropFirst(prefix.count)))
    }

    static func upperASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return text }
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            for byte in text.utf8 {
                buffer[count] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                count += 1
            }
            return count
        }
    }
}

/// A client-side mailslot path: `\\.\mailslot\x`, `\\COMPUTER\mailslot\x`, `\\DOMAIN\mailslot\x`
/// or `\\*\mailslot\x`.
public struct MailslotPath: Sendable, Hashable, CustomStringConvertible {
    /// Where a write goes.
    public enum Host: Sendable, Hashable {
        /// `\\.\`: a mailslot of this process.
        case local
        /// `\\NAME\`: a computer or a domain/workgroup name; resolution decides which.
        case named(String)
        /// `\\*\`: every computer of the own primary domain/workgroup.
        case primaryDomain
        /// `\\DOMAIN*\`: the domain controllers of DOMAIN (`DOMAIN<1C>`).
        case domainControllers(String)
    }

    public let host: Host
    public let name: MailslotName

    public init(host: Host, name: MailslotName) {
        self.host = host
        self.name = name
    }

    /// True for every form that leaves the process (everything but `\\.\`).
    public var isRemote: Bool { host != .local }

    public var description: String {
        switch host {
        case .local: return name.win32Name
        case .named(let server): return #"\\"# + server + #"\mailslot\"# + name.path
        case .primaryDomain: return #"\\*\mailslot\"# + name.path
        case .domainControllers(let domain): return #"\\"# + domain + #"*\mailslot\"# + name.path
        }
    }

    /// Longest accepted server name (a DNS-style name; only NetBIOS names resolve).
    public static let maximumHostLength = 255

    /// Parses `\\host\mailslot\[path\]name`. Errors: empty text `ERROR_PATH_NOT_FOUND`; a missing
    /// `\\`, host or `mailslot` component, a host with characters server names cannot hold, or an invalid name `ERROR_INVALID_NAME`.
    public static func parse(_ text: String) throws(Win32Error) -> MailslotPath {
        let bytes = text.utf8
        guard !bytes.isEmpty else { throw .pathNotFound }
        let backslash = UInt8(ascii: "\\")
        var index = bytes.startIndex
        for _ in 0..<2 {
            guard index < bytes.endIndex, bytes[index] == backslash else { throw .invalidName }
            index = bytes.index(after: index)
        }
        guard let hostEnd = bytes[index...].firstIndex(of: backslash) else { throw .invalidName }
        let hostBytes = bytes[index..<hostEnd]
        let slotStart = bytes.index(after: hostEnd)
        guard let slotEnd = bytes[slotStart...].firstIndex(of: backslash),
              bytes[slotStart..<slotEnd].elementsEqual("mailslot".utf8, by: { $0 | 0x20 == $1 })
        else { throw .invalidName }
        let name = try MailslotName(path: String(text[bytes.index(after: slotEnd)...]))
        let host: Host
        if hostBytes.elementsEqual(".".utf8) {
            host = .local
        } else if hostBytes.elementsEqual("*".utf8) {
            host = .primaryDomain
        } else if hostBytes.last == UInt8(ascii: "*") {
            let domain = String(text[index..<hostEnd].dropLast())
            guard isValidHostName(domain) else { throw .invalidName }
            host = .domainControllers(domain)
        } else {
            let hostText = String(text[index..<hostEnd])
            guard isValidHostName(hostText) else { throw .invalidName }
            host = .named(hostText)
        }
        return MailslotPath(host: host, name: name)
    }

    /// Server names: printable ASCII, none of `/:*?"<>|`, not starting with `.`.
    static func isValidHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumHostLength, !text.hasPrefix(".") else { return false }
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F { return false }
            switch byte {
            case UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "\""),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"):
                return false
            default: continue
            }
        }
        return true
    }
}
