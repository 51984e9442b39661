// The POSIX calls the store needs: whole-file read, atomic replace, advisory lock, move aside.

import Glibc

/// An operating-system error with its errno and the path involved.
struct SystemCallError: Error, Sendable {
    let operation: String
    let path: String
    let code: Int32
    /// Said instead of the errno's text where that would mislead.
    var reasonText: String? = nil

    var reason: String { reasonText ?? String(cString: strerror(code)) }
    var message: String { "\(operation) '\(path)' failed: \(reason)." }
}

/// Which version of a file is on disk: a rename puts a new inode in place, a rewrite in place
/// changes the size or the modification time. Comparing two costs one `stat`.
struct FileIdentity: Sendable, Equatable {
    var device: UInt64, inode: UInt64, size: Int64, modified: Int, modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim.tv_sec
        modifiedNanoseconds = info.st_mtim.tv_nsec
    }

    /// The identity of the file at `path` now; nil when there is none (or it cannot be looked at).
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }

    static func of(descriptor: Int32) -> FileIdentity? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? FileIdentity(info) : nil
    }
}

enum FileSystem {
    enum ReadResult {
        case missing
        /// The bytes and the identity of the file they were read from.
        case contents([UInt8], FileIdentity?)
    }

    /// Reads a whole file; `.missing` when it does not exist, EFBIG when it holds more than `limit` bytes.
    /// Only a regular file is read: a folder, a FIFO or a device in its place is an error
    /// (O_NONBLOCK: opening a FIFO must not wait for a writer).
    static func read(_ path: String, limit: Int = Int.max) throws(SystemCallError) -> ReadResult {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { return .missing }
            throw SystemCallError(operation: "Opening", path: path, code: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemCallError(operation: "Opening", path: path, code: errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw SystemCallError(operation: "Opening", path: path, code: EISDIR)
        default: throw SystemCallError(operation: "Opening", path: path, code: EINVAL, reasonText: "Not a regular file")
        }
        let identity = FileIdentity(info)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(operation: "Reading", path: path, code: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                throw SystemCallError(operation: "Reading", path: path, code: EFBIG)
            }
        }
        return .contents(bytes, identity)
    }

    /// Creates a folder and its missing parents.
    static func makeFolder(_ path: String) throws(SystemCallError) {
        var isDirectory = stat()
        if stat(path, &isDirectory) == 0 {
            if (isDirectory.st_mode & S_IFMT) == S_IFDIR { return }
            throw SystemCallError(operation: "Creating the folder", path: path, code: ENOTDIR)
        }
        let parent = parentFolder(of: path)
        if parent != path && !parent.isEmpty { try makeFolder(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw SystemCallError(operation: "Creating the folder", path: path, code: errno)
        }
    }

    static func parentFolder(of path: String) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// Replaces `path` with `bytes` so that a reader sees either the old or the new file, never a
    /// mix: write a temporary file in the same folder, fsync it, rename it over, fsync the folder.
    /// Returns the identity of the new file.
    @discardableResult
    static func replaceAtomically(_ path: String, with bytes: [UInt8], temporaryName: String)
        throws(SystemCallError) -> FileIdentity?
    {
        let folder = parentFolder(of: path)
        let temporary = folder + "/" + temporaryName
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw SystemCallError(operation: "Creating", path: temporary, code: errno) }
        var failure: SystemCallError?
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = SystemCallError(operation: "Writing", path: temporary, code: errno)
                break
            }
            offset += written
        }
        if failure == nil && fsync(fd) != 0 {
            failure = SystemCallError(operation: "Flushing", path: temporary, code: errno)
        }
        let identity = failure == nil ? FileIdentity.of(descriptor: fd) : nil
        if close(fd) != 0 && failure == nil {
            failure = SystemCallError(operation: "Closing", path: temporary, code: errno)
        }
        if failure == nil && rename(temporary, path) != 0 {
            failure = SystemCallError(operation: "Renaming into", path: path, code: errno)
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        try syncFolder(folder)
        return identity
    }

    static func syncFolder(_ folder: String) throws(SystemCallError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw SystemCallError(operation: "Opening the folder", path: folder, code: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL {
            throw SystemCallError(operation: "Flushing the folder", path: folder, code: errno)
        }
    }

    /// Renames a file to a name that does not exist yet (`base`, then `base-2`, …) and returns it.
    static func moveAside(_ path: String, to base: String) throws(SystemCallError) -> String {
        var candidate = base
        var counter = 1
        var info = stat()
        while lstat(candidate, &info) == 0 {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        if rename(path, candidate) != 0 {
            throw SystemCallError(operation: "Moving aside", path: path, code: errno)
        }
        try syncFolder(parentFolder(of: path))
        return candidate
    }

    /// Removes files in `folder` whose names start with `prefix` (left over by a killed writer).
    static func removeFiles(in folder: String, prefix: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(prefix) { names.append(name) }
        }
        for name in names { unlink(folder + "/" + name) }
    }

    /// The current UTC time as `20261125T115400Z`.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(parts.tm_year + 1900, 4) + pad(parts.tm_mon + 1, 2) + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + pad(parts.tm_min, 2) + pad(parts.tm_sec, 2) + "Z"
    }
}

/// An exclusive advisory lock (flock) on a lock file, held for one read-modify-write.
struct FileLock {
    let path: String

    func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw SystemCallError(operation: "Opening the lock file", path: path, code: errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw SystemCallError(operation: "Locking", path: path, code: errno)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
