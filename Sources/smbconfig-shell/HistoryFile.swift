import Glibc

/// The history file in PSReadLine's format: one entry per line, the lines of a multi-line entry
/// joined by a backtick at the end of each but the last. A file in libedit's format (first line
/// `_HiStOrY_V2_`, one entry per line with `\ooo` escapes) is read too. Every open refuses a
/// symbolic link (O_NOFOLLOW) and anything but a regular file, so the file can never be used to
/// read or overwrite another file.
enum HistoryFile {
    struct Failure: Error {
        let reason: String

        init(code: Int32) { reason = String(cString: strerror(code)) }
        init(reason: String) { self.reason = reason }
    }

    /// At most this much of the end of the file is read (PSReadLine reads the last 0.5 MB).
    static let readLimit = 1 << 20
    private static let legacyHeader = "_HiStOrY_V2_"

    /// The entries in the file, oldest first (none when there is no file), and whether the file is
    /// in libedit's format (rewrite it before appending).
    static func read(_ path: String) throws(Failure) -> (entries: [String], legacy: Bool) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return ([], false) }
            throw Failure(code: errno)
        }
        defer { close(fd) }
        let size = try regularFileSize(fd)
        var skipPartial = false
        if size > Int64(readLimit) {
            guard lseek(fd, off_t(size - Int64(readLimit)), SEEK_SET) >= 0 else { throw Failure(code: errno) }
            skipPartial = true
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= readLimit {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        let legacy = !skipPartial && bytes.starts(with: Array((legacyHeader + "\n").utf8))
        return (entries(in: bytes, startsMidway: skipPartial), legacy)
    }

    /// Appends one entry.
    static func append(_ entry: String, to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        if fd < 0 { throw Failure(code: errno) }
        defer { close(fd) }
        _ = try regularFileSize(fd)
        _ = fchmod(fd, 0o600)
        try writeAll(fd, encode(entry))
    }

    /// Replaces the file with its last `count` entries (entries other shells appended included)
    /// and `entry`; returns how many entries it then holds.
    static func rewrite(_ path: String, keepingLast count: Int, thenAdding entry: String) throws(Failure) -> Int {
        let kept = Array(try read(path).entries.suffix(max(0, count))) + [entry]
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let temporary = folder + "/.history.tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 { throw Failure(code: errno) }
        do {
            try writeAll(fd, kept.flatMap(encode))
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        // rename replaces whatever is at `path` (a link itself, never its target).
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(code: code)
        }
        return kept.count
    }

    /// One entry as the file holds it: every line but the last ends with a backtick.
    static func encode(_ entry: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in entry.utf8 {
            if byte == 0x0A { out.append(UInt8(ascii: "`")) }
            out.append(byte)
        }
        out.append(0x0A)
        return out
    }

    /// Splits the file's bytes into entries. `startsMidway`: the bytes start somewhere inside the
    /// file, so everything up to the first line that ends an entry is dropped.
    static func entries(in bytes: [UInt8], startsMidway: Bool = false) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0.last == 0x0D ? $0.dropLast() : $0[...], as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        if !startsMidway, lines.first == legacyHeader {
            return lines.dropFirst().map(decodeLegacy).filter { !$0.isEmpty }
        }
        var entries: [String] = []
        var pending: String?
        var skipping = startsMidway
        for line in lines {
            if skipping {
                if !line.hasSuffix("`") { skipping = false }
                continue
            }
            if line.hasSuffix("`") {
                pending = (pending.map { $0 + "\n" } ?? "") + line.dropLast()
                continue
            }
            let entry = (pending.map { $0 + "\n" } ?? "") + line
            pending = nil
            if !entry.isEmpty { entries.append(entry) }
        }
        if let pending, !pending.isEmpty { entries.append(pending) }
        return entries
    }

    /// libedit's `strvis` form: `\ooo` octal bytes and `\\`.
    private static func decodeLegacy(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var index = 0
        func octal(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7") }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 3 < bytes.count,
               octal(bytes[index + 1]), octal(bytes[index + 2]), octal(bytes[index + 3]) {
                let value = (Int(bytes[index + 1] - 48) << 6) | (Int(bytes[index + 2] - 48) << 3) | Int(bytes[index + 3] - 48)
                out.append(UInt8(truncatingIfNeeded: value))
                index += 4
                continue
            }
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") {
                out.append(UInt8(ascii: "\\"))
                index += 2
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func regularFileSize(_ fd: Int32) throws(Failure) -> Int64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(code: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(reason: "It is not a regular file.") }
        return Int64(info.st_size)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Failure(code: errno)
            }
            offset += written
        }
    }
}
