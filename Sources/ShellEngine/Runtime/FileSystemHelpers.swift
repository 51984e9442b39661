import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// File writes of the runtime and the command modules.
package enum FileSystemHelpers {
    package static func makeFolder(for file: String) throws {
        guard let slash = file.lastIndex(of: "/"), slash != file.startIndex else { return }
        try FileManager.default.createDirectory(atPath: String(file[..<slash]), withIntermediateDirectories: true)
    }

    /// Writes (or appends) bytes with POSIX calls; false when the file cannot be written.
    package static func write(_ path: String, _ bytes: [UInt8], append: Bool = false) -> Bool {
        writeReportingError(path, bytes, append: append) == 0
    }

    /// Writes (or appends) bytes; 0, or the errno of the failure. A FIFO nobody reads fails
    /// with ENXIO at once instead of blocking the shell.
    package static func writeReportingError(_ path: String, _ bytes: [UInt8], append: Bool = false) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK | (append ? O_APPEND : O_TRUNC), 0o644)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            written += n
        }
        return 0
    }
}

extension FileSystemHelpers {
    /// The bytes of a regular file; nil when it cannot be read.
    package static func read(_ path: String) -> [UInt8]? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Removes a file, a link (never what it points to) or a folder with everything in it.
    package static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                guard removeTree(path + "/" + name) else { return false }
            }
            return rmdir(path) == 0
        }
        return unlink(path) == 0
    }

    /// Copies a file, or a folder (its contents too when `recurse`); links are copied as files.
    package static func copyTree(_ source: String, to target: String, recurse: Bool) -> Bool {
        var info = stat()
        guard stat(source, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            var existing = stat()
            if stat(target, &existing) != 0 && mkdir(target, 0o755) != 0 { return false }
            guard recurse else { return true }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [] {
                guard copyTree(source + "/" + name, to: target + "/" + name, recurse: true) else { return false }
            }
            return true
        }
        guard let bytes = read(source) else { return false }
        return write(target, bytes)
    }
}
