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
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }
}
