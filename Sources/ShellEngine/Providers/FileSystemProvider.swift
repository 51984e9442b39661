import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The FileSystem provider. `C:\` is a folder of the emulated host inside its state folder
/// (`SMBCONFIG_HOME/drives/C`), seeded with the folders a fresh Windows has; host paths (`/tmp/x`)
/// reach the real file system, as in PowerShell on Linux. No name can climb out of the emulated
/// `C:\` (`..` stops at the root), and nothing is written through a symbolic link inside it.
package final class FileSystemProvider: ItemProvider {
    package let name = "FileSystem"
    package let capabilities = "Filter, ShouldProcess, Credentials"
    private var seeded = false

    package init() {}

    /// The folders a fresh Windows installation has below `C:\`.
    package static func seedFolders(user: String) -> [String] {
        ["PerfLogs", "Program Files", "Program Files/WindowsPowerShell/Modules", "Program Files (x86)", "ProgramData",
         "Users", "Users/Public", "Users/\(user)", "Users/\(user)/Desktop", "Users/\(user)/Documents",
         "Users/\(user)/Downloads", "Users/\(user)/AppData/Local/Temp", "Users/\(user)/AppData/Roaming",
         "Windows", "Windows/System32", "Windows/System32/WindowsPowerShell/v1.0", "Windows/Temp",
         "Windows/System32/drivers/etc", "Windows/SysWOW64",
         "ProgramData/Microsoft/Windows/Start Menu/Programs/Startup",
         "Users/\(user)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Startup"]
    }

    /// The files scripts look for before they act (`Test-Path C:\Windows\System32\reg.exe`, the hosts
    /// file). The programs are stand-ins: the shell runs its own built-in `reg`, `sc`, `net`, `nbtstat`.
    package static let seedFiles: [(path: String, text: String)] = [
        ("Windows/System32/drivers/etc/hosts", windowsHostsFile),
        ("Windows/System32/reg.exe", ""), ("Windows/System32/sc.exe", ""), ("Windows/System32/net.exe", ""),
        ("Windows/System32/nbtstat.exe", ""), ("Windows/System32/cmd.exe", ""),
        ("Windows/System32/WindowsPowerShell/v1.0/powershell.exe", ""),
    ]

    /// The hosts file of a fresh Windows 10/11 installation.
    static let windowsHostsFile = """
        # Copyright (c) 1993-2009 Microsoft Corp.
        #
        # This is a sample HOSTS file used by Microsoft TCP/IP for Windows.
        #
        # This file contains the mappings of IP addresses to host names. Each
        # entry should be kept on an individual line. The IP address should
        # be placed in the first column followed by the corresponding host name.
        # The IP address and the host name should be separated by at least one
        # space.
        #
        # Additionally, comments (such as these) may be inserted on individual
        # lines or following the machine name denoted by a '#' symbol.
        #
        # For example:
        #
        #      102.54.94.97     rhino.acme.com          # source server
        #       38.25.63.10     x.acme.com              # x client host

        # localhost name resolution is handled within DNS itself.
        #\t127.0.0.1       localhost
        #\t::1             localhost

        """.replacing("\n", with: "\r\n")

    package func initialDrives(_ engine: Engine) -> [PSDriveInfo] {
        [PSDriveInfo(name: "C", provider: self, root: "C:\\", description: "")]
    }

    /// The host folder that holds the emulated `C:\`.
    package func emulatedRoot(_ engine: Engine) -> String {
        let root = engine.configuration.stateFolder + "/drives/C"
        if !seeded {
            seeded = true
            for folder in Self.seedFolders(user: engine.userName) {
                try? FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
            // O_EXCL: a file the user changed or replaced (even by a link) is left as it is.
            for file in Self.seedFiles {
                let fd = open(root + "/" + file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
                guard fd >= 0 else { continue }
                _ = Array(file.text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
        }
        return root
    }

    package func splitRoot(_ path: String) -> (root: String, rest: String) {
        if path.hasPrefix("/") { return ("/", String(path.dropFirst())) }
        let chars = Array(path.prefix(3))
        if chars.count >= 2, chars[0].isLetter, chars[1] == ":", chars.count == 2 || PathText.isSeparator(chars[2]) {
            return (chars[0].uppercased() + ":\\", String(path.dropFirst(2)))
        }
        return ("", path)
    }

    package func normalizeRoot(_ root: String, _ engine: Engine) -> String? {
        guard let path = try? engine.resolveItemPath(root), path.provider === self,
              isContainer(path.providerPath, engine) else { return nil }
        return path.providerPath
    }

    /// The host path of a provider path; nil for a drive letter the host has no folder for.
    package func hostPath(_ path: String, _ engine: Engine) -> String? {
        let (root, rest) = splitRoot(path)
        let names = PathText.apply(Substring(rest), to: [])
        if root == "/" { return "/" + names.joined(separator: "/") }
        guard root == "C:\\" else { return nil }
        return ([emulatedRoot(engine)] + names).joined(separator: "/")
    }

    private func status(_ path: String, _ engine: Engine) -> stat? {
        guard let host = hostPath(path, engine) else { return nil }
        var info = stat()
        return stat(host, &info) == 0 ? info : nil
    }

    package func itemExists(_ path: String, _ engine: Engine) -> Bool { status(path, engine) != nil }

    package func isContainer(_ path: String, _ engine: Engine) -> Bool {
        status(path, engine).map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }

    package func item(_ path: String, _ engine: Engine) throws(ProviderError) -> ProviderItem? {
        guard let host = hostPath(path, engine), let info = status(path, engine) else { return nil }
        let object = FileSystemInfoObject(fullName: path, hostPath: host, info: info)
        return ProviderItem(object: .object(object), isContainer: object.isDirectory)
    }

    package func childNames(_ path: String, _ engine: Engine) throws(ProviderError) -> [String] {
        guard let host = hostPath(path, engine), isContainer(path, engine) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: host)) ?? []
        return names.sorted { $0.lowercased() < $1.lowercased() }
    }

    /// Refuses a write through a symbolic link inside the emulated `C:\` (the shell makes none).
    private func writablePath(_ path: String, _ engine: Engine) throws(ProviderError) -> String {
        guard let host = hostPath(path, engine) else { throw .pathNotFound(path) }
        if engine.sandboxRefusesWrite(path) {
            throw ProviderError(message: Messages.fill(ProviderMessages.accessDenied, [path]), errorId: "UnauthorizedAccessException",
                                category: .PermissionDenied, exceptionType: "System.UnauthorizedAccessException", target: path)
        }
        let root = emulatedRoot(engine)
        if host.hasPrefix(root + "/") {
            var prefix = root
            for name in host.dropFirst(root.count + 1).split(separator: "/") {
                prefix += "/" + name
                var info = stat()
                if lstat(prefix, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                    throw ProviderError(message: Messages.fill(ProviderMessages.accessDenied, [path]),
                                        errorId: "UnauthorizedAccessException", category: .PermissionDenied,
                                        exceptionType: "System.UnauthorizedAccessException", target: path)
                }
            }
        }
        return host
    }

    package func newItem(_ path: String, type: String?, value: PSValue?, force: Bool, _ engine: Engine) throws(ProviderError) -> ProviderItem {
        let host = try writablePath(path, engine)
        let kind = (type ?? "file").lowercased()
        let existing = status(path, engine)
        switch kind {
        case "directory", "container", "d":
            if let existing {
                guard force, (existing.st_mode & S_IFMT) == S_IFDIR else {
                    throw ProviderError(message: Messages.fill(ProviderMessages.directoryExists, [path]),
                                        errorId: "DirectoryExist", category: .ResourceExists,
                                        exceptionType: "System.IO.IOException", target: path)
                }
            } else {
                do { try FileManager.default.createDirectory(atPath: host, withIntermediateDirectories: true) }
                catch { throw .io(Messages.fill(ProviderMessages.partOfPathNotFound, [path]), "CreateDirectoryIOError", path) }
            }
        case "file", "f", "leaf":
            if existing != nil && !force {
                throw .io(Messages.fill(ProviderMessages.fileExists, [path]), "NewItemIOError", path, category: .WriteError)
            }
            if force { try? FileSystemHelpers.makeFolder(for: host) }
            let bytes = value.map { Array(LanguagePrimitives.toString($0).utf8) } ?? []
            guard FileSystemHelpers.write(host, bytes) else {
                throw .io(Messages.fill(ProviderMessages.partOfPathNotFound, [path]), "NewItemIOError", path)
            }
        default:
            throw ProviderError(message: ProviderMessages.unknownItemType, errorId: "Argument", category: .InvalidArgument,
                                exceptionType: "System.ArgumentException", target: path)
        }
        guard let item = try item(path, engine) else { throw .pathNotFound(path) }
        return item
    }

    package func removeItem(_ path: String, recurse: Bool, _ engine: Engine) throws(ProviderError) {
        let host = try writablePath(path, engine)
        if host == emulatedRoot(engine) || host == "/" { throw .notSupported }
        guard FileSystemHelpers.removeTree(host) else {
            throw ProviderError(message: Messages.fill(ProviderMessages.accessDenied, [path]),
                                errorId: "RemoveFileSystemItemUnAuthorizedAccess", category: .PermissionDenied,
                                exceptionType: "System.UnauthorizedAccessException", target: path)
        }
    }

    package func renameItem(_ path: String, newName: String, _ engine: Engine) throws(ProviderError) -> String {
        let host = try writablePath(path, engine)
        let parent = host[..<(host.lastIndex(of: "/") ?? host.startIndex)]
        let target = String(parent) + "/" + newName
        var info = stat()
        if lstat(target, &info) == 0 {
            throw .io(ProviderMessages.cannotCreateExistingFile, "RenameItemIOError", path)
        }
        guard rename(host, target) == 0 else { throw .io(Messages.fill(ProviderMessages.accessDenied, [path]), "RenameItemIOError", path) }
        return newName
    }

    package func copyItem(_ path: String, to destination: String, recurse: Bool, force: Bool, _ engine: Engine) throws(ProviderError) {
        guard let source = hostPath(path, engine) else { throw .pathNotFound(path) }
        let target = try writablePath(destination, engine)
        if !force, !isContainer(path, engine), status(destination, engine) != nil, source == target {
            throw .io(Messages.fill(ProviderMessages.copyToItself, [path]), "CopyError", path)
        }
        guard FileSystemHelpers.copyTree(source, to: target, recurse: recurse) else {
            throw .io(Messages.fill(ProviderMessages.partOfPathNotFound, [destination]), "CopyDirectoryInfoItemIOError", destination)
        }
    }

    package func clearItem(_ path: String, _ engine: Engine) throws(ProviderError) { throw .notSupported }

    package func readContent(_ path: String, _ engine: Engine) throws(ProviderError) -> [UInt8] {
        guard let host = hostPath(path, engine), let bytes = FileSystemHelpers.read(host) else { throw .pathNotFound(path) }
        return bytes
    }

    package func writeContent(_ path: String, _ bytes: [UInt8], append: Bool, _ engine: Engine) throws(ProviderError) {
        let host = try writablePath(path, engine)
        let failure = FileSystemHelpers.writeReportingError(host, bytes, append: append)
        guard failure == 0 else { throw Self.writeError(failure, path) }
        for observer in engine.fileWriteObservers { observer(host) }
    }

    /// The .NET exception a failed write raises on Windows, by the errno of the failure.
    static func writeError(_ code: Int32, _ path: String) -> ProviderError {
        switch code {
        case ENOENT, ENOTDIR:
            return ProviderError(message: Messages.fill(ProviderMessages.partOfPathNotFound, [path]),
                                 errorId: "System.IO.DirectoryNotFoundException", category: .OpenError,
                                 exceptionType: "System.IO.DirectoryNotFoundException", target: path)
        case EACCES, EPERM, EISDIR, EROFS:
            return ProviderError(message: Messages.fill(ProviderMessages.accessDenied, [path]),
                                 errorId: "System.UnauthorizedAccessException", category: .PermissionDenied,
                                 exceptionType: "System.UnauthorizedAccessException", target: path)
        case ENOSPC, EDQUOT:
            return ProviderError(message: ProviderMessages.diskFull, errorId: "System.IO.IOException", category: .WriteError,
                                 exceptionType: "System.IO.IOException", target: path)
        default:
            return ProviderError(message: ProviderMessages.ioError, errorId: "System.IO.IOException", category: .WriteError,
                                 exceptionType: "System.IO.IOException", target: path)
        }
    }

    package func properties(_ path: String, _ engine: Engine) throws(ProviderError) -> [(String, PSValue)] {
        guard let item = try item(path, engine), case .object(let object) = item.object else { throw .pathNotFound(path) }
        return object.properties.map { ($0.name, $0.value) }
    }

    package func setProperty(_ path: String, name: String, value: PSValue, type: String?, create: Bool, force: Bool,
                             _ engine: Engine) throws(ProviderError) {
        let host = try writablePath(path, engine)
        guard let info = status(path, engine) else { throw .pathNotFound(path) }
        switch name.lowercased() {
        case "attributes", "isreadonly":
            FileAttributeStore.apply(name, value, to: host, mode: info.st_mode)
        case "lastwritetime", "creationtime", "lastaccesstime":
            break
        default:
            throw ProviderError(message: Messages.fill(ProviderMessages.propertyNotFound, [name, path]),
                                errorId: "SetPropertyError", category: .InvalidArgument,
                                exceptionType: "System.Management.Automation.PSArgumentException", target: path)
        }
    }
}

/// System.IO.FileInfo / DirectoryInfo as Get-Item and Get-ChildItem return them.
package final class FileSystemInfoObject: PSObject, ProviderNotes {
    package let fullName: String
    package let hostPath: String
    package let isDirectory: Bool
    package let length: Int64
    package let attributes: [String]
    private let info: stat
    package var providerNotes: [PSPropertyInfo] = []

    package init(fullName: String, hostPath: String, info: stat) {
        self.fullName = fullName
        self.hostPath = hostPath
        self.info = info
        self.isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        self.length = Int64(info.st_size)
        let name = hostPath.split(separator: "/").last.map(String.init) ?? ""
        let stored = FileAttributeStore.read(info)
        var attributes: [String] = []
        if info.st_mode & 0o200 == 0 { attributes.append("ReadOnly") }
        if name.hasPrefix(".") || stored.contains("Hidden") { attributes.append("Hidden") }
        if stored.contains("System") { attributes.append("System") }
        attributes.append(isDirectory ? "Directory" : "Archive")
        self.attributes = attributes
        super.init(typeNames: [isDirectory ? "System.IO.DirectoryInfo" : "System.IO.FileInfo",
                               "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"])
    }

    package var name: String {
        let trimmed = fullName.count > 3 && (fullName.hasSuffix("\\") || fullName.hasSuffix("/")) ? String(fullName.dropLast()) : fullName
        guard let cut = trimmed.lastIndex(where: PathText.isSeparator) else { return trimmed }
        let tail = String(trimmed[trimmed.index(after: cut)...])
        return tail.isEmpty ? trimmed : tail
    }

    package var extensionText: String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[dot...])
    }

    package var baseName: String {
        isDirectory || extensionText.isEmpty ? name : String(name.dropLast(extensionText.count))
    }

    package var parentPath: String? {
        guard let cut = fullName.lastIndex(where: PathText.isSeparator), fullName.count > 3 || fullName.hasPrefix("/") else { return nil }
        let parent = String(fullName[..<cut])
        if parent.isEmpty { return fullName.hasPrefix("/") && fullName != "/" ? "/" : nil }
        return parent.hasSuffix(":") ? parent + "\\" : parent
    }

    /// `d-----`, `-a----`, `-ar---`: directory, archive, read-only, hidden, system, reparse point.
    package var mode: String {
        var text = isDirectory ? "d" : "-"
        text += isDirectory ? "-" : "a"
        text += attributes.contains("ReadOnly") ? "r" : "-"
        text += attributes.contains("Hidden") ? "h" : "-"
        text += attributes.contains("System") ? "s" : "-"
        text += "-"
        return text
    }

    package var lastWriteTime: DateTimeObject { DateTimeObject(seconds: Int(info.st_mtim.tv_sec)) }

    package override var properties: [PSPropertyInfo] {
        let modified = PSValue.object(lastWriteTime)
        let accessed = PSValue.object(DateTimeObject(seconds: Int(info.st_atim.tv_sec)))
        let created = PSValue.object(DateTimeObject(seconds: Int(info.st_ctim.tv_sec)))
        var list = providerNotes
        func add(_ name: String, _ value: PSValue, _ type: String? = nil) {
            list.append(PSPropertyInfo(name: name, value: value, typeName: type, isSettable: false))
        }
        add("Mode", .string(mode))
        add("BaseName", .string(baseName))
        add("Name", .string(name))
        if isDirectory {
            add("FullName", .string(fullName))
            add("Parent", parentPath.map { .string($0) } ?? .null, "System.IO.DirectoryInfo")
        } else {
            add("Length", .int64(length))
            add("DirectoryName", parentPath.map { .string($0) } ?? .null, "System.String")
            add("Directory", parentPath.map { .string($0) } ?? .null, "System.IO.DirectoryInfo")
            add("IsReadOnly", .bool(attributes.contains("ReadOnly")))
            add("FullName", .string(fullName))
        }
        add("Exists", .bool(true))
        add("Extension", .string(extensionText))
        add("CreationTime", created)
        add("LastAccessTime", accessed)
        add("LastWriteTime", modified)
        add("Attributes", .string(attributes.joined(separator: ", ")), "System.IO.FileAttributes")
        return list
    }

    /// The three times can be set, as on a FileSystemInfo; creation time stays (the host keeps none).
    package override func setProperty(_ name: String, _ value: PSValue) -> Bool {
        let lowered = name.lowercased()
        if lowered == "attributes" || lowered == "isreadonly" {
            FileAttributeStore.apply(name, value, to: hostPath, mode: info.st_mode)
            return true
        }
        guard ["lastwritetime", "lastaccesstime", "creationtime"].contains(lowered) else { return false }
        let seconds: Int
        if case .object(let date as DateTimeObject) = value {
            seconds = date.seconds
        } else if case .object(let object as DotNetObject) = value, let date = object.payload as? DateValue {
            // A System.DateTime (Get-Date, AddDays): its instant, as Unix seconds.
            seconds = Int((date.toUniversal().ticks - DateValue.unixEpochTicks) / DateValue.ticksPerSecond)
        } else {
            return false
        }
        let omit = (1 << 30) - 2  // UTIME_OMIT: leave that time as it is
        var times = [timespec(tv_sec: 0, tv_nsec: omit), timespec(tv_sec: 0, tv_nsec: omit)]
        let stamp = timespec(tv_sec: time_t(seconds), tv_nsec: 0)
        if lowered == "lastaccesstime" { times[0] = stamp } else if lowered == "lastwritetime" { times[1] = stamp }
        _ = utimensat(AT_FDCWD, hostPath, &times, 0)
        return true
    }

    package override var methodNames: [String] { ["Delete", "Refresh"] }

    /// FileSystemInfo.ToString(): the path as given.
    package override func toString() -> String { fullName }
}

/// The Windows attributes of a FileSystem item beyond the read-only flag (the mode's write bit):
/// Hidden and System are kept in mode bits Windows files have no use for (the sticky and set-group
/// bits), so they stay with the file when it is moved or renamed.
enum FileAttributeStore {
    static let hiddenBit: mode_t = 0o1000
    static let systemBit: mode_t = 0o2000

    static func read(_ info: stat) -> Set<String> {
        var flags = Set<String>()
        // A world-writable folder with the sticky bit (a host's /tmp) is no hidden Windows folder.
        if info.st_mode & 0o002 != 0 { return flags }
        if info.st_mode & hiddenBit != 0 { flags.insert("Hidden") }
        if info.st_mode & systemBit != 0 { flags.insert("System") }
        return flags
    }

    /// Sets `Attributes` ("Hidden", "ReadOnly, Hidden", "Normal") or `IsReadOnly`; Attributes
    /// replaces every flag it can name.
    static func apply(_ property: String, _ value: PSValue, to hostPath: String, mode: mode_t) {
        var newMode = mode & 0o7777
        let readOnly: Bool
        if property.lowercased() == "isreadonly" {
            readOnly = LanguagePrimitives.isTrue(value)
        } else {
            let names = Set(LanguagePrimitives.toString(value).split(separator: ",").map { String($0).trimmedWhitespace.lowercased() })
            readOnly = names.contains("readonly")
            newMode &= ~(hiddenBit | systemBit)
            if names.contains("hidden") { newMode |= hiddenBit }
            if names.contains("system") { newMode |= systemBit }
        }
        newMode = readOnly ? newMode & ~0o222 : newMode | 0o200
        _ = chmod(hostPath, newMode)
    }
}

/// Objects that carry the provider's note properties (PSPath … PSIsContainer).
package protocol ProviderNotes: AnyObject {
    var providerNotes: [PSPropertyInfo] { get set }
}
