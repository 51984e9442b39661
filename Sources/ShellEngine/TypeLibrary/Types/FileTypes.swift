import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// System.IO.File, System.IO.Directory and System.Text.Encoding. Paths go through the engine's
/// one mapping from a script's path to a file (`Engine.absolutePath`).
enum FileTypes {
    static func all() -> [DotNetType] {
        // The items of the FileSystem provider; their members are the items' own.
        [file, directory, encoding,
         DotNetType("System.IO.FileSystemInfo", base: "System.MarshalByRefObject"),
         DotNetType("System.IO.FileInfo", base: "System.IO.FileSystemInfo"),
         DotNetType("System.IO.DirectoryInfo", base: "System.IO.FileSystemInfo")] + encodings
    }

    static func hostPath(_ c: DotNetCall, _ i: Int, _ name: String = "path") throws -> (given: String, host: String) {
        guard let p = c.string(i) else { throw DotNetException.argumentNull(name) }
        guard !p.trimmedWhitespace.isEmpty else { throw DotNetException.argument("Empty path name is not legal.", name) }
        if p.contains(where: { SystemTypes.invalidPathChars.contains($0) }) { throw DotNetException.argument("Illegal characters in path.") }
        return (p, c.engine.absolutePath(p))
    }

    /// A path a method writes, removes or creates: refused inside a sandbox, as an ACL refuses it.
    static func writableHostPath(_ c: DotNetCall, _ i: Int, _ name: String = "path") throws -> (given: String, host: String) {
        let path = try hostPath(c, i, name)
        if c.engine.sandboxRefusesWrite(fullName(path.given)) {
            throw DotNetException("System.UnauthorizedAccessException", "Access to the path '\(fullName(path.given))' is denied.")
        }
        return path
    }

    static func fullName(_ given: String) -> String {
        SystemTypes.rootLength(Array(given)) > 0 ? given : "C:\\" + given
    }

    static func kind(_ host: String) -> mode_t? {
        var info = stat()
        guard stat(host, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    static func notFound(_ given: String) -> DotNetException {
        DotNetException("System.IO.FileNotFoundException", "Could not find file '\(fullName(given))'.")
    }
    static func partNotFound(_ given: String) -> DotNetException {
        DotNetException("System.IO.DirectoryNotFoundException", "Could not find a part of the path '\(fullName(given))'.")
    }

    static func readBytes(_ c: DotNetCall, _ i: Int) throws -> [UInt8] {
        let (given, host) = try hostPath(c, i)
        guard let k = kind(host) else { throw notFound(given) }
        guard k == S_IFREG else {
            throw DotNetException("System.UnauthorizedAccessException", "Access to the path '\(fullName(given))' is denied.")
        }
        let fd = open(host, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw notFound(given) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            bytes.append(contentsOf: chunk[0..<n])
            guard bytes.count <= 512 * 1024 * 1024 else { throw DotNetException.outOfMemory }
        }
        return bytes
    }

    static func text(_ bytes: [UInt8]) -> String {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        if b.starts(with: [0xFF, 0xFE]) {
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
            return String(decoding: units, as: UTF16.self)
        }
        return String(decoding: b, as: UTF8.self)
    }

    static func write(_ c: DotNetCall, _ bytes: [UInt8], append: Bool) throws {
        let (given, host) = try writableHostPath(c, 0)
        guard FileSystemHelpers.write(host, bytes, append: append) else { throw partNotFound(given) }
        for observer in c.engine.fileWriteObservers { observer(host) }
    }

    static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if result.last == "" { result.removeLast() }
        return result
    }

    static func listing(_ c: DotNetCall, files: Bool) throws -> PSValue {
        let (given, host) = try hostPath(c, 0)
        guard kind(host) == S_IFDIR else { throw partNotFound(given) }
        let pattern = c.args.count > 1 ? c.text(1) : "*"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: host)) ?? []).sorted()
        let matcher = WildcardPattern(pattern, caseSensitive: false)
        let selected = names.filter { name in
            (kind(host + "/" + name) == S_IFDIR) != files && matcher.matches(name)
        }
        let separator = given.hasSuffix("\\") || given.hasSuffix("/") ? "" : "\\"
        return .array(PSArray(selected.map { .string(given + separator + $0) }, elementTypeName: "System.String"))
    }

    static let file = DotNetType("System.IO.File", kind: .staticClass) { t in
        t.staticMethod("Exists", "bool", "string path") { c in
            guard let p = c.string(0), !p.isEmpty else { return .bool(false) }
            return .bool(kind(c.engine.absolutePath(p)) == S_IFREG)
        }
        t.staticMethod("ReadAllText", "string", "string path") { c in .string(text(try readBytes(c, 0))) }
        t.staticMethod("ReadAllText", "string", "string path, System.Text.Encoding encoding") { c in .string(text(try readBytes(c, 0))) }
        t.staticMethod("ReadAllLines", "string[]", "string path") { c in
            .array(PSArray(lines(text(try readBytes(c, 0))).map { .string($0) }, elementTypeName: "System.String"))
        }
        t.staticMethod("ReadAllBytes", "byte[]", "string path") { c in ConvertTypes.bytes(try readBytes(c, 0)) }
        t.staticMethod("WriteAllText", "void", "string path, string contents") { c in
            try write(c, Array(c.text(1).utf8), append: false); return .null
        }
        t.staticMethod("WriteAllText", "void", "string path, string contents, System.Text.Encoding encoding") { c in
            try write(c, EncodingValue.from(c, 2).encode(c.text(1), preamble: true), append: false); return .null
        }
        t.staticMethod("AppendAllText", "void", "string path, string contents") { c in
            try write(c, Array(c.text(1).utf8), append: true); return .null
        }
        t.staticMethod("WriteAllLines", "void", "string path, string[] contents") { c in
            let text = (c.value(1).enumerated ?? [c.value(1)]).map { LanguagePrimitives.toString($0) + "\r\n" }.joined()
            try write(c, Array(text.utf8), append: false); return .null
        }
        t.staticMethod("WriteAllBytes", "void", "string path, byte[] bytes") { c in
            try write(c, try ConvertTypes.byteArgument(c, 1, "bytes"), append: false); return .null
        }
        t.staticMethod("Delete", "void", "string path") { c in
            let (given, host) = try writableHostPath(c, 0)
            guard let k = kind(host) else {
                guard kind(c.engine.directoryName(host)) == S_IFDIR else { throw partNotFound(given) }
                return .null
            }
            guard k == S_IFREG, unlink(host) == 0 else {
                throw DotNetException("System.UnauthorizedAccessException", "Access to the path '\(fullName(given))' is denied.")
            }
            return .null
        }
        let copy: DotNetMethod.Body = { c in
            let bytes = try readBytes(c, 0)
            let (given, host) = try writableHostPath(c, 1, "destFileName")
            if kind(host) != nil && !(c.args.count > 2 && c.bool(2)) {
                throw DotNetException("System.IO.IOException", "The file '\(fullName(given))' already exists.")
            }
            guard FileSystemHelpers.write(host, bytes) else { throw partNotFound(given) }
            return .null
        }
        t.staticMethod("Copy", "void", "string sourceFileName, string destFileName", copy)
        t.staticMethod("Copy", "void", "string sourceFileName, string destFileName, bool overwrite", copy)
        t.staticMethod("Move", "void", "string sourceFileName, string destFileName") { c in
            let (source, sourceHost) = try writableHostPath(c, 0, "sourceFileName")
            let (dest, destHost) = try writableHostPath(c, 1, "destFileName")
            guard kind(sourceHost) == S_IFREG else { throw notFound(source) }
            guard kind(destHost) == nil else { throw DotNetException("System.IO.IOException", "Cannot create a file when that file already exists.") }
            guard rename(sourceHost, destHost) == 0 else { throw partNotFound(dest) }
            return .null
        }
    }

    static let directory = DotNetType("System.IO.Directory", kind: .staticClass) { t in
        t.staticMethod("Exists", "bool", "string path") { c in
            guard let p = c.string(0), !p.isEmpty else { return .bool(false) }
            return .bool(kind(c.engine.absolutePath(p)) == S_IFDIR)
        }
        t.staticMethod("CreateDirectory", "System.IO.DirectoryInfo", "string path") { c in
            let (given, host) = try writableHostPath(c, 0)
            do {
                try FileManager.default.createDirectory(atPath: host, withIntermediateDirectories: true)
            } catch {
                throw DotNetException("System.IO.IOException", "Cannot create '\(fullName(given))' because a file or directory with the same name already exists.")
            }
            return .string(fullName(given))
        }
        t.staticMethod("GetFiles", "string[]", "string path") { c in try listing(c, files: true) }
        t.staticMethod("GetFiles", "string[]", "string path, string searchPattern") { c in try listing(c, files: true) }
        t.staticMethod("EnumerateFiles", "System.Collections.Generic.IEnumerable[string]", "string path") { c in try listing(c, files: true) }
        t.staticMethod("EnumerateFiles", "System.Collections.Generic.IEnumerable[string]", "string path, string searchPattern") { c in
            try listing(c, files: true)
        }
        t.staticMethod("GetDirectories", "string[]", "string path") { c in try listing(c, files: false) }
        t.staticMethod("GetDirectories", "string[]", "string path, string searchPattern") { c in try listing(c, files: false) }
        t.staticMethod("GetCurrentDirectory", "string") { _ in .string("C:\\") }
        t.staticMethod("Delete", "void", "string path") { c in
            let (given, host) = try writableHostPath(c, 0)
            guard kind(host) == S_IFDIR else { throw partNotFound(given) }
            guard rmdir(host) == 0 else { throw DotNetException("System.IO.IOException", "The directory is not empty.\r\n") }
            return .null
        }
    }

    /// The concrete encodings, with the constructors scripts call (`New-Object System.Text.UTF8Encoding $false`).
    static let encodings: [DotNetType] = [
        DotNetType("System.Text.UTF8Encoding", base: "System.Text.Encoding") { t in
            t.constructor { c in c.make("System.Text.UTF8Encoding", EncodingValue.utf8) }
            t.constructor("bool encoderShouldEmitUTF8Identifier") { c in
                c.make("System.Text.UTF8Encoding", LanguagePrimitives.isTrue(c.value(0)) ? EncodingValue.utf8BOM : .utf8)
            }
            t.constructor("bool encoderShouldEmitUTF8Identifier, bool throwOnInvalidBytes") { c in
                c.make("System.Text.UTF8Encoding", LanguagePrimitives.isTrue(c.value(0)) ? EncodingValue.utf8BOM : .utf8)
            }
        },
        DotNetType("System.Text.ASCIIEncoding", base: "System.Text.Encoding") { t in
            t.constructor { c in c.make("System.Text.ASCIIEncoding", EncodingValue.ascii) }
        },
        DotNetType("System.Text.UnicodeEncoding", base: "System.Text.Encoding") { t in
            t.constructor { c in c.make("System.Text.UnicodeEncoding", EncodingValue.utf16LE) }
            t.constructor("bool bigEndian, bool byteOrderMark") { c in
                c.make("System.Text.UnicodeEncoding", LanguagePrimitives.isTrue(c.value(0)) ? EncodingValue.utf16BE : .utf16LE)
            }
        },
        DotNetType("System.Text.UTF32Encoding", base: "System.Text.Encoding") { t in
            t.constructor { c in c.make("System.Text.UTF32Encoding", EncodingValue.utf32LE) }
        },
        DotNetType("System.Text.UTF7Encoding", base: "System.Text.Encoding") { t in
            t.constructor { c in c.make("System.Text.UTF7Encoding", EncodingValue.utf7) }
        },
        DotNetType("System.Text.SBCSCodePageEncoding", base: "System.Text.Encoding"),
    ]

    static let encoding = DotNetType("System.Text.Encoding") { t in
        for (name, value) in [("UTF8", EncodingValue.utf8BOM), ("ASCII", .ascii), ("Unicode", .utf16LE),
                              ("BigEndianUnicode", .utf16BE), ("UTF32", .utf32LE), ("Default", .windows1252),
                              ("UTF7", .utf7)] as [(String, EncodingValue)] {
            t.staticProperty(name, "System.Text.Encoding") { c in c.make(value.typeName, value) }
        }
        t.staticMethod("GetEncoding", "System.Text.Encoding", "int codepage") { c in
            guard let e = EncodingValue.allCases.first(where: { $0.codePage == c.int64(0) }) else {
                throw DotNetException.notSupported("No data is available for encoding \(c.int64(0)). For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method.")
            }
            return c.make(e.typeName, e)
        }
        t.staticMethod("GetEncoding", "System.Text.Encoding", "string name") { c in
            let name = c.text(0).lowercased()
            guard let e = EncodingValue.allCases.first(where: { $0.webName == name || $0.aliases.contains(name) }) else {
                throw DotNetException.argument("'\(c.text(0))' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method.", "name")
            }
            return c.make(e.typeName, e)
        }
        @Sendable func value(_ c: DotNetCall) -> EncodingValue { c.payload(EncodingValue.self) ?? .utf8 }
        t.property("WebName", "string") { c in .string(value(c).webName) }
        t.property("EncodingName", "string") { c in .string(value(c).encodingName) }
        t.property("CodePage", "int") { c in .int32(Int32(value(c).codePage)) }
        t.property("BodyName", "string") { c in .string(value(c).webName) }
        t.property("HeaderName", "string") { c in .string(value(c).webName) }
        t.property("IsSingleByte", "bool") { c in .bool([.ascii, .windows1252, .utf7].contains(value(c)) == true && value(c) != .utf7) }
        t.method("GetBytes", "byte[]", "string s") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            return ConvertTypes.bytes(value(c).encode(s, preamble: false))
        }
        t.method("GetBytes", "byte[]", "char[] chars") { c in
            ConvertTypes.bytes(value(c).encode(c.rest(0).map { LanguagePrimitives.toString($0) }.joined(), preamble: false))
        }
        t.method("GetByteCount", "int", "string s") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            return .int32(Int32(clamping: value(c).encode(s, preamble: false).count))
        }
        t.method("GetString", "string", "byte[] bytes") { c in .string(value(c).decode(try ConvertTypes.byteArgument(c, 0, "bytes"))) }
        t.method("GetString", "string", "byte[] bytes, int index, int count") { c in
            let b = try ConvertTypes.byteArgument(c, 0, "bytes"), index = c.int64(1), count = c.int64(2)
            guard index >= 0, count >= 0 else {
                throw DotNetException.outOfRange(index < 0 ? "index" : "count", FrameworkText.needNonNegative)
            }
            guard index <= Int64(b.count) - count else {
                throw DotNetException.outOfRange("bytes", "Index and count must refer to a location within the buffer.")
            }
            return .string(value(c).decode(Array(b[Int(index)..<Int(index + count)])))
        }
        t.method("GetPreamble", "byte[]") { c in ConvertTypes.bytes(value(c).preamble) }
        t.method("GetCharCount", "int", "byte[] bytes") { c in
            .int32(Int32(clamping: value(c).decode(try ConvertTypes.byteArgument(c, 0, "bytes")).utf16.count))
        }
        t.method("ToString", "string") { c in .string(value(c).typeName) }
    }
}

/// The encodings scripts name.
package enum EncodingValue: CaseIterable, Sendable {
    case utf8BOM, utf8, ascii, utf16LE, utf16BE, utf32LE, windows1252, utf7

    var codePage: Int64 {
        switch self {
        case .utf8BOM, .utf8: return 65001
        case .ascii: return 20127
        case .utf16LE: return 1200
        case .utf16BE: return 1201
        case .utf32LE: return 12000
        case .windows1252: return 1252
        case .utf7: return 65000
        }
    }
    var webName: String {
        switch self {
        case .utf8BOM, .utf8: return "utf-8"
        case .ascii: return "us-ascii"
        case .utf16LE: return "utf-16"
        case .utf16BE: return "utf-16BE"
        case .utf32LE: return "utf-32"
        case .windows1252: return "Windows-1252"
        case .utf7: return "utf-7"
        }
    }
    var aliases: [String] {
        switch self {
        case .utf8BOM: return ["utf8"]
        case .ascii: return ["ascii", "us-ascii"]
        case .utf16LE: return ["unicode", "utf-16le"]
        case .utf16BE: return ["utf-16be", "unicodefffe"]
        case .utf32LE: return ["utf32", "utf-32le"]
        case .windows1252: return ["windows-1252", "iso-8859-1", "latin1"]
        default: return []
        }
    }
    var encodingName: String {
        switch self {
        case .utf8BOM, .utf8: return "Unicode (UTF-8)"
        case .ascii: return "US-ASCII"
        case .utf16LE: return "Unicode"
        case .utf16BE: return "Unicode (Big-Endian)"
        case .utf32LE: return "Unicode (UTF-32)"
        case .windows1252: return "Western European (Windows)"
        case .utf7: return "Unicode (UTF-7)"
        }
    }
    var typeName: String {
        switch self {
        case .utf8BOM, .utf8: return "System.Text.UTF8Encoding"
        case .ascii: return "System.Text.ASCIIEncoding"
        case .utf16LE, .utf16BE: return "System.Text.UnicodeEncoding"
        case .utf32LE: return "System.Text.UTF32Encoding"
        case .windows1252: return "System.Text.SBCSCodePageEncoding"
        case .utf7: return "System.Text.UTF7Encoding"
        }
    }
    var preamble: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .utf32LE: return [0xFF, 0xFE, 0, 0]
        default: return []
        }
    }

    static func from(_ c: DotNetCall, _ i: Int) -> EncodingValue { c.payload(i, EncodingValue.self) ?? .utf8 }

    func encode(_ s: String, preamble withPreamble: Bool) -> [UInt8] {
        var out = withPreamble ? preamble : []
        switch self {
        case .utf8BOM, .utf8, .utf7: out += Array(s.utf8)
        case .ascii: out += s.unicodeScalars.map { $0.value < 128 ? UInt8($0.value) : 0x3F }
        case .windows1252: out += s.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 0x3F }
        case .utf16LE: for u in s.utf16 { out += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        case .utf16BE: for u in s.utf16 { out += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        case .utf32LE: for v in s.unicodeScalars.map(\.value) { out += (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        }
        return out
    }

    func decode(_ b: [UInt8]) -> String {
        switch self {
        case .utf8BOM, .utf8, .utf7: return String(decoding: b, as: UTF8.self)
        case .ascii: return String(b.map { Character(Unicode.Scalar($0 < 128 ? $0 : 0x3F)) })
        case .windows1252: return String(b.map { Character(Unicode.Scalar($0)) })
        case .utf16LE, .utf16BE:
            let units = stride(from: 0, to: b.count - 1, by: 2).map {
                self == .utf16LE ? UInt16(b[$0]) | UInt16(b[$0 + 1]) << 8 : UInt16(b[$0]) << 8 | UInt16(b[$0 + 1])
            }
            return String(decoding: units, as: UTF16.self)
        case .utf32LE:
            return String(stride(from: 0, to: b.count - 3, by: 4).map { i -> Character in
                let v = (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[i + $1]) << UInt32(8 * $1) }
                return Character(Unicode.Scalar(v) ?? "\u{FFFD}")
            })
        }
    }
}
