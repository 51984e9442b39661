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
    /// The name carried in an SMB mailslot write, `\MAILSLOT\<path>`.
    public var wireName: String { #"\MAILSLOT\"# + path }
    public var description: String { win32Name }

    /// Longest accepted name below `\mailslot\` (MAX_PATH less the `\\.\mailslot\` prefix).
    public static let maximumPathLength = 246

    /// Validates the `[path\]name` part: non-empty components, no `.`/`..`, no control characters
    /// and none of `"*:<>?|/`.
    public init(path: String) throws(Win32Error) {
        guard !path.isEmpty, path.utf8.count <= Self.maximumPathLength else { throw .invalidName }
        for component in path.split(separator: "\\", omittingEmptySubsequences: false) {
            guard !component.isEmpty, component != ".", component != ".." else { throw .invalidName }
            for scalar in component.unicodeScalars {
                if scalar.value < 0x20 || scalar.value == 0x7F { throw .invalidName }
                switch scalar {
                case "\"", "*", ":", "<", ">", "?", "|", "/": throw .invalidName
                default: break
                }
            }
        }
        self.path = path
        self.key = MailslotName.upperASCII(path)
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
        String(decoding: text.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
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
        }
    }

    /// Longest accepted server name (a DNS-style name; only NetBIOS names resolve).
    public static let maximumHostLength = 255

    /// Parses `\\host\mailslot\[path\]name`. Errors: empty text `ERROR_PATH_NOT_FOUND`; a missing
    /// `\\`, host or `mailslot` component, a host with characters server names cannot hold, or an invalid name `ERROR_INVALID_NAME`.
    public static func parse(_ text: String) throws(Win32Error) -> MailslotPath {
        guard !text.isEmpty else { throw .pathNotFound }
        guard text.hasPrefix(#"\\"#) else { throw .invalidName }
        let rest = text.dropFirst(2)
        guard let hostEnd = rest.firstIndex(of: "\\") else { throw .invalidName }
        let hostText = String(rest[..<hostEnd])
        let afterHost = rest[rest.index(after: hostEnd)...]
        guard let slotEnd = afterHost.firstIndex(of: "\\"),
              MailslotName.upperASCII(String(afterHost[..<slotEnd])) == "MAILSLOT" else { throw .invalidName }
        let name = try MailslotName(path: String(afterHost[afterHost.index(after: slotEnd)...]))
        let host: Host
        switch hostText {
        case ".": host = .local
        case "*": host = .primaryDomain
        default:
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
