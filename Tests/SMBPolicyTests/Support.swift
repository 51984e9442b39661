import Glibc
@testable import SMBPolicy

/// The reference data (live file when reachable, else the embedded copy).
enum ReferenceData {
    /// `Tests/Reference/smbshare-cmdlets.json`: the project's reference on the SmbShare cmdlets,
    /// refreshed by `scripts/sync-conformance`.
    static let path = FileSystem.parentFolder(of: FileSystem.parentFolder(of: #filePath)) + "/Reference/smbshare-cmdlets.json"

    static let json: [String: JSONValue] = {
        guard case .contents(let bytes, _)? = try? FileSystem.read(path) else { return [:] }
        return parse(bytes)
    }()

    static func parse(_ bytes: [UInt8]) -> [String: JSONValue] {
        (try? JSONValue.parse(bytes))?.objectValue ?? [:]
    }

    /// (name, type) of a cmdlet's parameters in documented order, without the common ones.
    static func parameters(_ cmdlet: String) -> [(name: String, type: String)] {
        let common: Set<String> = ["Force", "CimSession", "ThrottleLimit", "AsJob", "WhatIf", "Confirm", "All"]
        guard case .array(let list)? = json["cmdlets"]?.objectValue?[cmdlet]?.objectValue?["parameters"] else {
            return []
        }
        return list.compactMap { item in
            guard let object = item.objectValue, case .string(let name)? = object["name"],
                  case .string(let type)? = object["type"], !common.contains(name) else { return nil }
            return (name, type)
        }
    }

    static func strings(_ path: [String]) -> [String] {
        guard case .array(let list)? = value(path) else { return [] }
        return list.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
    }

    static func object(_ path: [String]) -> [String: JSONValue] { value(path)?.objectValue ?? [:] }

    static func value(_ path: [String]) -> JSONValue? {
        var current: JSONValue? = .object(json)
        for key in path { current = current?.objectValue?[key] }
        return current
    }
}

/// A fresh folder under /tmp, removed (with any immutable flag cleared) when the test ends.
final class TempFolder {
    let path: String

    /// `inMemory` puts the folder on /dev/shm (tmpfs) where fsync costs nothing: for tests about
    /// locking, not durability.
    init(inMemory: Bool = false) {
        var info = stat()
        let base = inMemory && stat("/dev/shm", &info) == 0 ? "/dev/shm" : "/tmp"
        var template = Array((base + "/smbpolicy-test-XXXXXX").utf8CString)
        let result = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(result != nil, "mkdtemp failed")
        path = String(cString: result!)
    }

    deinit { TempFolder.remove(path) }

    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if let directory = opendir(path) {
                var names: [String] = []
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(directory)
                for name in names { remove(path + "/" + name) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) {
        let fd = open(file(name), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    func read(_ name: String) -> String? {
        guard case .contents(let bytes, _)? = try? FileSystem.read(file(name)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    func names() -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// Runs a shell command, returning its exit status (used for chattr and mount).
@discardableResult
func runCommand(_ arguments: [String]) -> Int32 {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
}
