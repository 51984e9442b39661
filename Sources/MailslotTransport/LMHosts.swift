import Glibc

/// One host line of an lmhosts file.
public struct LMHostsEntry: Sendable, Equatable {
    public var address: DatagramAddress
    /// The 15-byte NetBIOS name, upper case, trailing spaces removed.
    public var name: String
    /// The 16th byte when the line gave one (`"NAME   \0x1C"`), else nil (any type).
    public var suffix: UInt8?
    /// `#DOM:name`: the domain (or workgroup) this host belongs to, upper case.
    public var domain: String?
    /// `#PRE`: preload into the name cache (kept for fidelity; resolution reads every line anyway).
    public var preload: Bool
    /// `#MH`: one of several addresses of a multihomed host.
    public var multihomed: Bool
}

/// A line of an lmhosts file that was skipped or only partly understood.
public struct LMHostsIssue: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    public var reason: String
    public var description: String { "lmhosts line \(line): \(reason)" }
}

/// The Windows LMHOSTS format with one lab extension: an address may carry `:PORT`.
///
/// ```
/// 192.168.1.20        LABSRV      #PRE #DOM:LAB   # the lab server
/// 127.0.0.1:5138      PEER        #DOM:WORKGROUP
/// 10.0.0.5            "APPSRV     \0x1C"
/// ```
/// `#` starts a comment except for the keywords `#PRE`, `#DOM:`, `#MH` after a name. Lines starting
/// with `#INCLUDE`, `#BEGIN_ALTERNATE` or `#END_ALTERNATE` are reported and ignored. Bad lines are
/// skipped and reported, never fatal.
public struct LMHostsFile: Sendable, Equatable {
    public var entries: [LMHostsEntry] = []
    public var issues: [LMHostsIssue] = []

    public init(entries: [LMHostsEntry] = [], issues: [LMHostsIssue] = []) {
        self.entries = entries
        self.issues = issues
    }

    /// Parses lmhosts text (bytes, so a stray non-UTF-8 byte costs one line, not the file).
    public static func parse(_ bytes: [UInt8]) -> LMHostsFile {
        var file = LMHostsFile()
        var number = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var line = Array(rawLine)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            switch parseLine(line) {
            case .none: break
            case .entry(let entry, let warnings):
                file.entries.append(entry)
                file.issues += warnings.map { LMHostsIssue(line: number, reason: $0) }
            case .issue(let reason): file.issues.append(LMHostsIssue(line: number, reason: reason))
            }
        }
        return file
    }

    public static func parse(_ text: String) -> LMHostsFile { parse(Array(text.utf8)) }

    enum LineResult {
        case none
        case entry(LMHostsEntry, warnings: [String])
        case issue(String)
    }

    static func parseLine(_ line: [UInt8]) -> LineResult {
        var tokens = Tokenizer(line)
        guard let first = tokens.next() else { return .none }
        if first.first == UInt8(ascii: "#") {
            let keyword = upper(first)
            for directive in ["#INCLUDE", "#BEGIN_ALTERNATE", "#END_ALTERNATE"] where keyword == directive {
                return .issue("\(directive) is not supported; line ignored")
            }
            return .none
        }
        let addressText = String(decoding: first, as: UTF8.self)
        guard let address = DatagramAddress.parse(addressText) else {
            return .issue("'\(printable(first))' is not an IPv4 address (ADDRESS or ADDRESS:PORT)")
        }
        guard let nameToken = tokens.next(), nameToken.first != UInt8(ascii: "#") else {
            return .issue("no name after the address")
        }
        let parsedName: (name: String, suffix: UInt8?)
        switch parseName(nameToken) {
        case .success(let value): parsedName = value
        case .failure(let reason): return .issue(reason.text)
        }
        var entry = LMHostsEntry(address: address, name: parsedName.name, suffix: parsedName.suffix,
                                 domain: nil, preload: false, multihomed: false)
        var warnings: [String] = []
        while let token = tokens.next() {
            let keyword = upper(token)
            if keyword == "#PRE" {
                entry.preload = true
            } else if keyword == "#MH" {
                entry.multihomed = true
            } else if keyword.hasPrefix("#DOM:") {
                let domain = String(keyword.dropFirst(5))
                if domain.isEmpty || domain.utf8.count > 15 {
                    warnings.append("'\(printable(token))' does not name a domain; ignored")
                } else {
                    entry.domain = domain
                }
            } else {
                break   // the rest of the line is a comment
            }
        }
        return .entry(entry, warnings: warnings)
    }

    struct Reason: Error { var text: String }

    /// A plain name (at most 15 bytes) or a quoted one with `\0xNN` escapes, whose 16th byte is
    /// the suffix.
    static func parseName(_ token: [UInt8]) -> Result<(name: String, suffix: UInt8?), Reason> {
        var bytes: [UInt8] = []
        var suffix: UInt8?
        if token.first == UInt8(ascii: "\"") {
            guard token.count >= 2, token.last == UInt8(ascii: "\"") else {
                return .failure(Reason(text: "unterminated quoted name"))
            }
            let inner = token[1..<token.count - 1]
            var index = inner.startIndex
            var lastWasEscape = false
            while index < inner.endIndex {
                if inner[index] == UInt8(ascii: "\\"), inner.endIndex - index >= 5,
                   inner[index + 1] == UInt8(ascii: "0"), inner[index + 2] | 0x20 == UInt8(ascii: "x"),
                   let value = UInt8(String(decoding: inner[(index + 3)..<(index + 5)], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    index += 5
                    lastWasEscape = true
                } else {
                    bytes.append(inner[index])
                    index += 1
                    lastWasEscape = false
                }
            }
            if bytes.count == 16 || (lastWasEscape && bytes.count >= 2 && bytes.count < 16) {
                suffix = bytes.removeLast()
            }
        } else {
            bytes = token
        }
        while bytes.last == 0x20 { bytes.removeLast() }
        guard !bytes.isEmpty else { return .failure(Reason(text: "empty name")) }
        guard bytes.count <= 15 else {
            return .failure(Reason(text: "name '\(printable(bytes))' is longer than 15 characters"))
        }
        let upperBytes = bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        return .success((String(decoding: upperBytes, as: UTF8.self), suffix))
    }

    static func upper(_ token: [UInt8]) -> String {
        MailslotName.upperASCII(String(decoding: token, as: UTF8.self))
    }

    static func printable(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    /// Splits on blanks; a token starting with `"` runs to the next `"`.
    struct Tokenizer {
        let line: [UInt8]
        var index = 0
        init(_ line: [UInt8]) { self.line = line }

        mutating func next() -> [UInt8]? {
            while index < line.count && (line[index] == 0x20 || line[index] == 0x09) { index += 1 }
            guard index < line.count else { return nil }
            let start = index
            if line[index] == UInt8(ascii: "\"") {
                index += 1
                while index < line.count && line[index] != UInt8(ascii: "\"") { index += 1 }
                if index < line.count { index += 1 }
            } else {
                while index < line.count && line[index] != 0x20 && line[index] != 0x09 { index += 1 }
            }
            return Array(line[start..<index])
        }
    }

    /// Reads and parses a file; nil when it cannot be opened (a missing lmhosts file is no error).
    public static func load(path: String) -> LMHostsFile? {
        guard let bytes = readFile(path) else { return nil }
        return parse(bytes)
    }

    /// Upper bound on the lmhosts size read, so a wrong path to a huge file cannot stall a write.
    static let maximumFileSize = 4 << 20

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while result.count < maximumFileSize {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? result : nil }
            result += chunk[0..<n]
        }
        return result
    }
}
