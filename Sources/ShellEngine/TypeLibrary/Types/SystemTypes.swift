import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// System.Environment, System.Console, System.IO.Path, with Windows semantics over the emulated host.
enum SystemTypes {
    static func all() -> [DotNetType] { [environment, operatingSystem, console, path, thread] + FileTypes.all() }

    /// System.Threading.Thread: the pipeline's thread, its cultures (which CultureInfo.CurrentCulture
    /// reads back) and Sleep.
    static let thread = DotNetType("System.Threading.Thread") { t in
        t.staticProperty("CurrentThread", "System.Threading.Thread") { c in c.make("System.Threading.Thread", ()) }
        // A timeout below -1 ms is refused; -1 waits until Ctrl-C.
        @Sendable func sleep(_ c: DotNetCall, milliseconds: Int64, parameter: String) throws -> PSValue {
            guard milliseconds >= -1 else {
                throw DotNetException.outOfRange(parameter, "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.")
            }
            try c.engine.sleep(milliseconds: milliseconds == -1 ? Int64.max : milliseconds)
            return .null
        }
        t.staticMethod("Sleep", "void", "int millisecondsTimeout") { c in
            try sleep(c, milliseconds: c.int64(0), parameter: "millisecondsTimeout")
        }
        t.staticMethod("Sleep", "void", "timespan timeout") { c in
            let ticks = LanguagePrimitives.toInt64(try c.engine.getMember(c.value(0), "Ticks", isStatic: false, extent: .empty)) ?? 0
            return try sleep(c, milliseconds: ticks / 10_000, parameter: "timeout")
        }
        for (name, ui) in [("CurrentCulture", false), ("CurrentUICulture", true)] {
            t.property(name, "cultureinfo", { c in
                c.make("System.Globalization.CultureInfo", ThreadCultures.of(c.engine)[ui: ui])
            }, set: { c, value in
                guard !value.isNull else { throw DotNetException.argumentNull("value") }
                let culture: CultureBox
                if case .object(let o as DotNetObject) = value, let box = o.payload as? CultureBox { culture = box }
                else { culture = CultureBox(name: LanguagePrimitives.toString(value)) }
                ThreadCultures.of(c.engine)[ui: ui] = culture
            })
        }
        t.property("ManagedThreadId", "int") { _ in .int32(1) }
        t.property("Name", "string") { _ in .null }
        t.property("IsBackground", "bool") { _ in .bool(false) }
        t.property("IsAlive", "bool") { _ in .bool(true) }
        t.property("IsThreadPoolThread", "bool") { _ in .bool(false) }
        t.property("ApartmentState", "System.Threading.ApartmentState") { _ in .string("STA") }
        t.property("Priority", "System.Threading.ThreadPriority") { _ in .string("Normal") }
        t.property("ThreadState", "System.Threading.ThreadState") { _ in .string("Running") }
        t.method("GetApartmentState", "System.Threading.ApartmentState") { _ in .string("STA") }
    }

    /// Environment.OSVersion: the emulated profile's Windows build (`Microsoft Windows NT 10.0.26100.0`).
    static let operatingSystem = DotNetType("System.OperatingSystem", interfaces: ["System.ICloneable"]) { t in
        @Sendable func build(_ c: DotNetCall) -> Int { c.payload(Int.self) ?? 0 }
        t.property("Platform", "System.PlatformID") { _ in .string("Win32NT") }
        t.property("ServicePack", "string") { _ in .string("") }
        t.property("Version", "version") { c in c.make("System.Version", VersionValue(parts: [10, 0, build(c), 0])) }
        t.property("VersionString", "string") { c in .string("Microsoft Windows NT 10.0.\(build(c)).0") }
        t.method("ToString", "string") { c in .string("Microsoft Windows NT 10.0.\(build(c)).0") }
    }

    static let environment = DotNetType("System.Environment", kind: .staticClass) { t in
        t.staticProperty("NewLine", "string") { _ in .string("\r\n") }
        t.staticProperty("MachineName", "string") { c in .string(c.engine.identity.computerName) }
        t.staticProperty("UserName", "string") { c in
            .string(c.engine.environmentValue("USERNAME") ?? "Administrator")
        }
        t.staticProperty("UserDomainName", "string") { c in .string(c.engine.identity.computerName) }
        t.staticProperty("OSVersion", "System.OperatingSystem") { c in
            c.make("System.OperatingSystem", c.engine.identity.windowsBuild.number)
        }
        t.staticProperty("Is64BitOperatingSystem", "bool") { _ in .bool(true) }
        t.staticProperty("Is64BitProcess", "bool") { _ in .bool(true) }
        t.staticProperty("ProcessorCount", "int") { _ in .int32(Int32(clamping: sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
        t.staticProperty("TickCount", "int") { _ in
            var spec = timespec()
            clock_gettime(CLOCK_MONOTONIC, &spec)
            return .int32(Int32(truncatingIfNeeded: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000))
        }
        t.staticProperty("CurrentDirectory", "string", { _ in .string("C:\\") }, set: { _, _ in })
        t.staticProperty("SystemDirectory", "string") { _ in .string("C:\\Windows\\system32") }
        t.staticProperty("UserInteractive", "bool") { c in .bool(c.engine.host.isInteractive) }
        t.staticProperty("Version", "version") { c in c.make("System.Version", VersionValue(parts: [4, 0, 30319, 42000])) }
        t.staticProperty("CommandLine", "string") { _ in
            .string("\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\"")
        }
        t.staticProperty("StackTrace", "string") { _ in .string("") }
        @Sendable func target(_ c: DotNetCall, _ i: Int) throws {
            let v = c.enumValue(i)
            guard (0...2).contains(v) else {
                throw DotNetException.argument("Illegal enum value: \(v).", "target")
            }
        }
        t.staticMethod("GetEnvironmentVariable", "string", "string variable") { c in
            guard let name = c.string(0) else { throw DotNetException.argumentNull("variable") }
            return c.engine.environmentValue(name).map { .string($0) } ?? .null
        }
        t.staticMethod("GetEnvironmentVariable", "string", "string variable, System.EnvironmentVariableTarget target") { c in
            guard let name = c.string(0) else { throw DotNetException.argumentNull("variable") }
            try target(c, 1)
            return c.engine.environmentValue(name).map { .string($0) } ?? .null
        }
        t.staticMethod("GetEnvironmentVariables", "System.Collections.IDictionary") { c in
            let table = PSHashtable()
            for (k, v) in c.engine.sessionState.environment { table[.string(k)] = .string(v) }
            return .hashtable(table)
        }
        let set: DotNetMethod.Body = { c in
            guard let name = c.string(0) else { throw DotNetException.argumentNull("variable") }
            guard !name.isEmpty else { throw DotNetException.argument("String cannot be of zero length.", "variable") }
            guard !name.contains("=") else {
                throw DotNetException.argument("Environment variable name cannot contain equal character.")
            }
            if c.args.count > 2 { try target(c, 2) }
            let existing = c.engine.sessionState.environment.keys.first { $0.caseInsensitiveEquals(name) } ?? name
            if let value = c.string(1), !value.isEmpty {
                c.engine.sessionState.environment[existing] = value
            } else {
                c.engine.sessionState.environment[existing] = nil
            }
            return .null
        }
        t.staticMethod("SetEnvironmentVariable", "void", "string variable, string value", set)
        t.staticMethod("SetEnvironmentVariable", "void", "string variable, string value, System.EnvironmentVariableTarget target", set)
        t.staticMethod("ExpandEnvironmentVariables", "string", "string name") { c in
            guard let text = c.string(0) else { throw DotNetException.argumentNull("name") }
            var out = ""
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "%") {
                out += rest[..<open]
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "%") else { out += rest[open...]; rest = ""; break }
                let name = String(after[..<close])
                if let value = c.engine.environmentValue(name), !name.isEmpty {
                    out += value
                    rest = after[after.index(after: close)...]
                } else {
                    out += "%" + name
                    rest = after[close...]
                }
            }
            return .string(out + rest)
        }
        t.staticMethod("GetFolderPath", "string", "System.Environment+SpecialFolder folder") { c in
            let v = c.enumValue(0)
            guard let folder = SpecialFolders.table.first(where: { $0.value == v }) else {
                throw DotNetException.argument("Illegal enum value: \(v).", "folder")
            }
            return .string(folder.path)
        }
        t.staticMethod("GetLogicalDrives", "string[]") { _ in .array(PSArray([.string("C:\\")], elementTypeName: "System.String")) }
        t.staticMethod("GetCommandLineArgs", "string[]") { _ in
            .array(PSArray([.string("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")], elementTypeName: "System.String"))
        }
        t.staticMethod("Exit", "void", "int exitCode") { _ in
            throw DotNetException.notSupported("Specified method is not supported.")
        }
    }

    static let console = DotNetType("System.Console", kind: .staticClass) { t in
        t.staticMethod("WriteLine", "void") { c in c.engine.host.write("\n", stream: .output); return .null }
        t.staticMethod("WriteLine", "void", "System.Object value") { c in
            c.engine.host.write(LanguagePrimitives.toString(c.value(0)) + "\n", stream: .output)
            return .null
        }
        t.staticMethod("WriteLine", "void", "string format, params System.Object[] arg") { c in
            c.engine.host.write(try Formatting.compositeFormat(c.text(0), c.rest(1)) + "\n", stream: .output)
            return .null
        }
        t.staticMethod("Write", "void", "System.Object value") { c in
            c.engine.host.write(LanguagePrimitives.toString(c.value(0)), stream: .output)
            return .null
        }
        t.staticMethod("Write", "void", "string format, params System.Object[] arg") { c in
            c.engine.host.write(try Formatting.compositeFormat(c.text(0), c.rest(1)), stream: .output)
            return .null
        }
        t.staticMethod("ReadLine", "string") { c in
            if case .line(let line) = c.engine.host.readLine() { return .string(line) }
            return .null
        }
        for name in ["WindowWidth", "BufferWidth", "LargestWindowWidth"] {
            t.staticProperty(name, "int", { c in .int32(Int32(clamping: c.engine.host.bufferWidth)) }, set: { _, _ in })
        }
        for name in ["WindowHeight", "BufferHeight"] {
            t.staticProperty(name, "int", { _ in .int32(name == "BufferHeight" ? 9001 : 30) }, set: { _, _ in })
        }
        t.staticProperty("ForegroundColor", "System.ConsoleColor", { c in c.enumeration("System.ConsoleColor", 7) }, set: { _, _ in })
        t.staticProperty("BackgroundColor", "System.ConsoleColor", { c in c.enumeration("System.ConsoleColor", 0) }, set: { _, _ in })
        t.staticProperty("Title", "string", { _ in .string("Administrator: Windows PowerShell") }, set: { _, _ in })
        t.staticProperty("CursorLeft", "int", { _ in .int32(0) }, set: { _, _ in })
        t.staticProperty("CursorTop", "int", { _ in .int32(0) }, set: { _, _ in })
        t.staticProperty("IsInputRedirected", "bool") { c in .bool(!c.engine.host.isInteractive) }
        t.staticProperty("IsOutputRedirected", "bool") { c in .bool(!c.engine.host.isInteractive) }
        t.staticProperty("KeyAvailable", "bool") { _ in .bool(false) }
        t.staticMethod("ResetColor", "void") { _ in .null }
        t.staticMethod("Clear", "void") { c in c.engine.host.clearScreen(); return .null }
        t.staticMethod("Beep", "void") { _ in .null }
    }

    static let invalidPathChars: [Character] = ["\"", "<", ">", "|", "\0"] + (1...31).compactMap { Unicode.Scalar($0).map(Character.init) }
    static let invalidFileNameChars: [Character] = invalidPathChars + [":", "*", "?", "\\", "/"]

    static func isSeparator(_ c: Character) -> Bool { c == "\\" || c == "/" }

    static func checkPath(_ c: DotNetCall, _ i: Int, _ name: String = "path") throws -> String? {
        guard let p = c.string(i) else { return nil }
        if p.contains(where: { invalidPathChars.contains($0) }) { throw DotNetException.argument("Illegal characters in path.") }
        return p
    }

    /// The root of a Windows path: `C:\`, `C:`, `\\server\share`, `\`.
    static func rootLength(_ p: [Character]) -> Int {
        if p.count >= 2 && isSeparator(p[0]) && isSeparator(p[1]) {
            var n = 2, parts = 0
            while n < p.count && parts < 2 { if isSeparator(p[n]) { parts += 1 }; if parts < 2 { n += 1 } }
            return n
        }
        if p.count >= 2 && p[1] == ":" { return p.count >= 3 && isSeparator(p[2]) ? 3 : 2 }
        if let first = p.first, isSeparator(first) { return 1 }
        return 0
    }

    static func fileName(_ p: String) -> String {
        let chars = Array(p)
        let start = (chars.lastIndex(where: { isSeparator($0) || $0 == ":" }).map { $0 + 1 }) ?? 0
        return String(chars[start...])
    }

    static let path = DotNetType("System.IO.Path", kind: .staticClass) { t in
        t.staticProperty("DirectorySeparatorChar", "char") { _ in .char("\\") }
        t.staticProperty("AltDirectorySeparatorChar", "char") { _ in .char("/") }
        t.staticProperty("PathSeparator", "char") { _ in .char(";") }
        t.staticProperty("VolumeSeparatorChar", "char") { _ in .char(":") }
        t.staticProperty("InvalidPathChars", "char[]") { _ in .array(PSArray(invalidPathChars.map { .char($0) }, elementTypeName: "System.Char")) }
        t.staticMethod("GetInvalidPathChars", "char[]") { _ in .array(PSArray(invalidPathChars.map { .char($0) }, elementTypeName: "System.Char")) }
        t.staticMethod("GetInvalidFileNameChars", "char[]") { _ in
            .array(PSArray(invalidFileNameChars.map { .char($0) }, elementTypeName: "System.Char"))
        }
        t.staticMethod("Combine", "string", "params string[] paths") { c in
            let parts = c.rest(0)
            var result = ""
            for (i, part) in parts.enumerated() {
                guard !part.isNull else { throw DotNetException.argumentNull(parts.count > 2 ? "paths" : "path\(i + 1)") }
                let p = LanguagePrimitives.toString(part)
                if p.contains(where: { invalidPathChars.contains($0) }) { throw DotNetException.argument("Illegal characters in path.") }
                if p.isEmpty { continue }
                if rootLength(Array(p)) > 0 || result.isEmpty { result = p; continue }
                result += (result.last.map(isSeparator) ?? false) || result.last == ":" ? p : "\\" + p
            }
            return .string(result)
        }
        t.staticMethod("GetFileName", "string", "string path") { c in
            guard let p = try checkPath(c, 0) else { return .null }
            return .string(fileName(p))
        }
        t.staticMethod("GetExtension", "string", "string path") { c in
            guard let p = try checkPath(c, 0) else { return .null }
            let name = fileName(p)
            guard let dot = name.lastIndex(of: "."), name.index(after: dot) != name.endIndex else { return .string("") }
            return .string(String(name[dot...]))
        }
        t.staticMethod("GetFileNameWithoutExtension", "string", "string path") { c in
            guard let p = try checkPath(c, 0) else { return .null }
            let name = fileName(p)
            return .string(name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name)
        }
        t.staticMethod("GetDirectoryName", "string", "string path") { c in
            guard let p = try checkPath(c, 0) else { return .null }
            guard !p.trimmedWhitespace.isEmpty else { throw DotNetException.argument("The path is not of a legal form.") }
            let chars = Array(p), root = rootLength(chars)
            guard chars.count > root, let last = chars.lastIndex(where: isSeparator), last >= root - 1 else {
                return chars.count > root ? .string(String(chars[..<root])) : .null
            }
            var end = last
            while end > root && isSeparator(chars[end - 1]) { end -= 1 }
            return .string(String(chars[..<max(end, root)]).replacing("/", with: "\\"))
        }
        t.staticMethod("ChangeExtension", "string", "string path, string extension") { c in
            guard let p = try checkPath(c, 0) else { return .null }
            let name = fileName(p)
            var base = p
            if let dot = name.lastIndex(of: ".") { base = String(p.dropLast(name.distance(from: dot, to: name.endIndex))) }
            guard let ext = c.string(1) else { return .string(base) }
            return .string(base + (ext.hasPrefix(".") || ext.isEmpty ? ext : "." + ext))
        }
        t.staticMethod("HasExtension", "bool", "string path") { c in
            guard let p = try checkPath(c, 0) else { return .bool(false) }
            let name = fileName(p)
            return .bool(name.lastIndex(of: ".").map { name.index(after: $0) != name.endIndex } ?? false)
        }
        t.staticMethod("IsPathRooted", "bool", "string path") { c in
            guard let p = try checkPath(c, 0) else { return .bool(false) }
            return .bool(rootLength(Array(p)) > 0)
        }
        t.staticMethod("GetPathRoot", "string", "string path") { c in
            guard let p = try checkPath(c, 0) else { return .null }
            return .string(String(Array(p)[..<rootLength(Array(p))]))
        }
        t.staticMethod("GetTempPath", "string") { c in
            .string((c.engine.environmentValue("TEMP").flatMap { $0.contains(":\\") ? $0 : nil } ?? "C:\\Users\\Administrator\\AppData\\Local\\Temp") + "\\")
        }
        t.staticMethod("GetRandomFileName", "string") { _ in
            let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            let name = (0..<8).map { _ in String(letters.randomElement() ?? "a") }.joined()
            let ext = (0..<3).map { _ in String(letters.randomElement() ?? "a") }.joined()
            return .string(name + "." + ext)
        }
        t.staticMethod("GetTempFileName", "string") { _ in
            .string("C:\\Users\\Administrator\\AppData\\Local\\Temp\\tmp" + String(UInt16.random(in: 0...0xFFFF), radix: 16, uppercase: true) + ".tmp")
        }
        t.staticMethod("GetFullPath", "string", "string path") { c in
            guard let p = try checkPath(c, 0) else { throw DotNetException.argumentNull("path") }
            guard !p.trimmedWhitespace.isEmpty else { throw DotNetException.argument("The path is not of a legal form.") }
            var chars = Array(p.replacing("/", with: "\\"))
            if rootLength(chars) == 0 { chars = Array("C:\\") + chars }
            if rootLength(chars) == 1 { chars = Array("C:") + chars }
            let root = rootLength(chars)
            var parts: [String] = []
            for part in String(chars[root...]).split(separator: "\\", omittingEmptySubsequences: true) {
                if part == "." { continue }
                if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
                parts.append(String(part))
            }
            let trailing = chars.count > root && chars.last == "\\"
            return .string(String(chars[..<root]) + parts.joined(separator: "\\") + (trailing && !parts.isEmpty ? "\\" : ""))
        }
    }
}

/// Environment.SpecialFolder values and where they are on the emulated machine.
enum SpecialFolders {
    static let profile = "C:\\Users\\Administrator"
    static let table: [(name: String, value: Int64, path: String)] = [
        ("Desktop", 0, profile + "\\Desktop"), ("Programs", 2, profile + "\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs"),
        ("MyDocuments", 5, profile + "\\Documents"), ("Personal", 5, profile + "\\Documents"),
        ("Favorites", 6, profile + "\\Favorites"), ("Startup", 7, profile + "\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup"),
        ("Recent", 8, profile + "\\AppData\\Roaming\\Microsoft\\Windows\\Recent"),
        ("SendTo", 9, profile + "\\AppData\\Roaming\\Microsoft\\Windows\\SendTo"),
        ("StartMenu", 11, profile + "\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu"),
        ("MyMusic", 13, profile + "\\Music"), ("MyVideos", 14, profile + "\\Videos"),
        ("DesktopDirectory", 16, profile + "\\Desktop"), ("MyComputer", 17, ""),
        ("Templates", 21, profile + "\\AppData\\Roaming\\Microsoft\\Windows\\Templates"),
        ("ApplicationData", 26, profile + "\\AppData\\Roaming"), ("LocalApplicationData", 28, profile + "\\AppData\\Local"),
        ("InternetCache", 32, profile + "\\AppData\\Local\\Microsoft\\Windows\\INetCache"),
        ("Cookies", 33, profile + "\\AppData\\Local\\Microsoft\\Windows\\INetCookies"),
        ("History", 34, profile + "\\AppData\\Local\\Microsoft\\Windows\\History"),
        ("CommonApplicationData", 35, "C:\\ProgramData"), ("Windows", 36, "C:\\Windows"), ("System", 37, "C:\\Windows\\system32"),
        ("ProgramFiles", 38, "C:\\Program Files"), ("MyPictures", 39, profile + "\\Pictures"), ("UserProfile", 40, profile),
        ("SystemX86", 41, "C:\\Windows\\SysWOW64"), ("ProgramFilesX86", 42, "C:\\Program Files (x86)"),
        ("CommonProgramFiles", 43, "C:\\Program Files\\Common Files"),
        ("CommonProgramFilesX86", 44, "C:\\Program Files (x86)\\Common Files"),
        ("CommonDocuments", 46, "C:\\Users\\Public\\Documents"), ("CommonDesktopDirectory", 25, "C:\\Users\\Public\\Desktop"),
        ("AdminTools", 48, profile + "\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Administrative Tools"),
        ("Fonts", 20, "C:\\Windows\\Fonts"),
    ]
}
