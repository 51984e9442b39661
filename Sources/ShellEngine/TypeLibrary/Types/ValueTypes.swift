import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// System.Guid, System.Version, System.Text.StringBuilder, System.Random, System.Diagnostics.Stopwatch,
/// System.Globalization.CultureInfo.
enum ValueTypes {
    static func all() -> [DotNetType] { [guid, version, stringBuilder, random, stopwatch, cultureInfo, textInfo] + NetworkTypes.all() }

    // MARK: Guid

    static let guidFormat = "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."

    static func parseGuid(_ text: String) throws -> [UInt8] {
        var s = text.trimmedWhitespace
        if (s.hasPrefix("{") && s.hasSuffix("}")) || (s.hasPrefix("(") && s.hasSuffix(")")) { s = String(s.dropFirst().dropLast()) }
        let hex: String
        if s.count == 36 {
            let groups = s.split(separator: "-", omittingEmptySubsequences: false)
            guard groups.map(\.count) == [8, 4, 4, 4, 12] else { throw DotNetException.format(guidFormat) }
            hex = groups.joined()
        } else if s.count == 32 {
            hex = s
        } else {
            throw DotNetException.format(s.count == 0 ? "Unrecognized Guid format." : guidFormat)
        }
        var bytes: [UInt8] = []
        var chars = Array(hex)[...]
        while chars.count >= 2 {
            guard let hi = chars.popFirst()?.hexDigitValue, let lo = chars.popFirst()?.hexDigitValue else {
                throw DotNetException.format("Guid string should only contain hexadecimal characters.")
            }
            bytes.append(UInt8(hi << 4 | lo))
        }
        return bytes
    }

    static func formatGuid(_ b: [UInt8], _ format: String) throws -> String {
        let hex = b.map { String($0, radix: 16).leftPadded(to: 2, with: "0") }.joined()
        let chars = Array(hex)
        let dashed = [String(chars[0..<8]), String(chars[8..<12]), String(chars[12..<16]), String(chars[16..<20]),
                      String(chars[20..<32])].joined(separator: "-")
        switch format {
        case "", "D", "d": return dashed
        case "N", "n": return hex
        case "B", "b": return "{" + dashed + "}"
        case "P", "p": return "(" + dashed + ")"
        default:
            throw DotNetException.format("Format String can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".")
        }
    }

    static let guid = DotNetType("System.Guid", aliases: ["guid"], kind: .valueType,
                                 interfaces: ["System.IComparable", "System.IFormattable"]) { t in
        @Sendable func bytes(_ c: DotNetCall) -> [UInt8] { c.payload([UInt8].self) ?? [UInt8](repeating: 0, count: 16) }
        @Sendable func make(_ c: DotNetCall, _ b: [UInt8]) -> PSValue { c.make("System.Guid", b) }
        t.constructor { c in make(c, [UInt8](repeating: 0, count: 16)) }
        t.constructor("string g") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("g") }
            return make(c, try parseGuid(s))
        }
        t.constructor("byte[] b") { c in
            let b = try ConvertTypes.byteArgument(c, 0, "b")
            guard b.count == 16 else { throw DotNetException.argument("Byte array for GUID must be exactly 16 bytes long.") }
            return make(c, b)
        }
        t.staticProperty("Empty", "guid") { c in make(c, [UInt8](repeating: 0, count: 16)) }
        t.staticMethod("NewGuid", "guid") { c in
            var b = (0..<16).map { _ in UInt8.random(in: 0...255) }
            b[6] = b[6] & 0x0F | 0x40
            b[8] = b[8] & 0x3F | 0x80
            return make(c, b)
        }
        t.staticMethod("Parse", "guid", "string input") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("input") }
            return make(c, try parseGuid(s))
        }
        t.staticMethod("TryParse", "bool", "string input, System.Management.Automation.PSReference result") { c in
            guard let s = c.string(0), let b = try? parseGuid(s) else {
                try c.setReference(1, make(c, [UInt8](repeating: 0, count: 16)))
                return .bool(false)
            }
            try c.setReference(1, make(c, b))
            return .bool(true)
        }
        t.staticMethod("op_Equality", "bool", "guid a, guid b") { c in .bool(c.payload(0, [UInt8].self) == c.payload(1, [UInt8].self)) }
        t.converts { value, _, engine in
            guard case .string(let s) = value, let type = engine.types.type(named: "System.Guid") else { return nil }
            return .object(DotNetObject(type, payload: try parseGuid(s), engine: engine))
        }
        t.property("Guid", "string") { c in .string(try formatGuid(bytes(c), "D")) }
        t.method("ToString", "string") { c in .string(try formatGuid(bytes(c), "D")) }
        t.method("ToString", "string", "string format") { c in .string(try formatGuid(bytes(c), c.text(0))) }
        t.method("ToByteArray", "byte[]") { c in ConvertTypes.bytes(bytes(c)) }
        t.method("Equals", "bool", "System.Object o") { c in .bool(c.payload(0, [UInt8].self) == bytes(c)) }
        t.method("CompareTo", "int", "System.Object value") { c in
            if c.value(0).isNull { return .int32(1) }
            guard let other = c.payload(0, [UInt8].self) else { throw DotNetException.argument("Object must be of type GUID.") }
            return .int32(bytes(c).lexicographicallyPrecedes(other) ? -1 : bytes(c) == other ? 0 : 1)
        }
    }

    // MARK: Version

    static let version = DotNetType("System.Version", aliases: ["version"],
                                    interfaces: ["System.IComparable", "System.ICloneable"]) { t in
        @Sendable func value(_ c: DotNetCall) -> VersionValue { c.payload(VersionValue.self) ?? VersionValue(parts: [0, 0]) }
        @Sendable func make(_ c: DotNetCall, _ v: VersionValue) -> PSValue { c.make("System.Version", v) }
        t.constructor { c in make(c, VersionValue(parts: [0, 0])) }
        t.constructor("string version") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("version") }
            return make(c, try VersionValue.parse(s))
        }
        let numbers: DotNetMethod.Body = { c in
            let names = ["major", "minor", "build", "revision"]
            for (i, arg) in c.args.enumerated() where (LanguagePrimitives.toInt64(arg) ?? 0) < 0 {
                throw DotNetException.outOfRange(names[i], "Version's parameters must be greater than or equal to zero.")
            }
            return make(c, VersionValue(parts: c.args.map { Int(LanguagePrimitives.toInt64($0) ?? 0) }))
        }
        t.constructor("int major, int minor", numbers)
        t.constructor("int major, int minor, int build", numbers)
        t.constructor("int major, int minor, int build, int revision", numbers)
        t.staticMethod("Parse", "version", "string input") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("input") }
            return make(c, try VersionValue.parse(s))
        }
        t.staticMethod("TryParse", "bool", "string input, System.Management.Automation.PSReference result") { c in
            guard let s = c.string(0), let v = try? VersionValue.parse(s) else { try c.setReference(1, .null); return .bool(false) }
            try c.setReference(1, make(c, v))
            return .bool(true)
        }
        t.staticMethod("op_Equality", "bool", "version v1, version v2") { c in
            .bool(c.payload(0, VersionValue.self) == c.payload(1, VersionValue.self))
        }
        t.converts { value, _, engine in
            guard let type = engine.types.type(named: "System.Version") else { return nil }
            switch value {
            case .string(let s): return .object(DotNetObject(type, payload: try VersionValue.parse(s), engine: engine))
            case .double(let d): return .object(DotNetObject(type, payload: try VersionValue.parse(LanguagePrimitives.formatDouble(d)), engine: engine))
            default: return nil
            }
        }
        t.property("Major", "int") { c in .int32(Int32(value(c).component(0))) }
        t.property("Minor", "int") { c in .int32(Int32(value(c).component(1))) }
        t.property("Build", "int") { c in .int32(Int32(value(c).component(2))) }
        t.property("Revision", "int") { c in .int32(Int32(value(c).component(3))) }
        t.property("MajorRevision", "short") { c in .int32(Int32(Int16(truncatingIfNeeded: value(c).component(3) >> 16))) }
        t.property("MinorRevision", "short") { c in .int32(Int32(Int16(truncatingIfNeeded: value(c).component(3)))) }
        t.method("ToString", "string") { c in .string(value(c).parts.map(String.init).joined(separator: ".")) }
        t.method("ToString", "string", "int fieldCount") { c in
            let n = c.int64(0)
            guard n >= 0, n <= Int64(value(c).parts.count) else {
                throw DotNetException.argument("Argument must be between 0 and \(value(c).parts.count).", "fieldCount")
            }
            return .string(value(c).parts.prefix(Int(n)).map(String.init).joined(separator: "."))
        }
        t.method("CompareTo", "int", "System.Object version") { c in
            if c.value(0).isNull { return .int32(1) }
            guard let other = c.payload(0, VersionValue.self) else { throw DotNetException.argument("Object must be of type Version.") }
            return .int32(Int32(value(c).compare(other)))
        }
        t.method("Equals", "bool", "System.Object obj") { c in .bool(c.payload(0, VersionValue.self) == value(c)) }
        t.method("Clone", "System.Object") { c in make(c, value(c)) }
    }

    // MARK: StringBuilder

    static let stringBuilder = DotNetType("System.Text.StringBuilder") { t in
        @Sendable func box(_ c: DotNetCall) -> TextBox { c.payload(TextBox.self) ?? TextBox() }
        @Sendable func checkedAppend(_ c: DotNetCall, _ text: String) throws -> PSValue {
            let b = box(c)
            guard b.units.count + text.utf16.count <= StringTypes.maximumLength else { throw DotNetException.outOfMemory }
            b.units += Array(text.utf16)
            return c.this
        }
        t.constructor { c in c.make("System.Text.StringBuilder", TextBox()) }
        t.constructor("int capacity") { c in
            guard c.int64(0) >= 0 else { throw DotNetException.outOfRange("capacity", "Capacity must be positive.") }
            let b = TextBox()
            b.capacity = Int(min(c.int64(0), Int64(StringTypes.maximumLength)))
            return c.make("System.Text.StringBuilder", b)
        }
        t.constructor("string value") { c in
            let b = TextBox()
            b.units = Array(c.text(0).utf16)
            return c.make("System.Text.StringBuilder", b)
        }
        t.property("Length", "int", { c in .int32(Int32(clamping: box(c).units.count)) }, set: { c, v in
            let n = LanguagePrimitives.toInt64(v) ?? 0
            guard n >= 0 else { throw DotNetException.outOfRange("value", "Length cannot be less than zero.") }
            guard n <= Int64(StringTypes.maximumLength) else { throw DotNetException.outOfMemory }
            let b = box(c)
            if Int(n) <= b.units.count { b.units.removeLast(b.units.count - Int(n)) } else {
                b.units += [UInt16](repeating: 0, count: Int(n) - b.units.count)
            }
        })
        t.property("Capacity", "int", { c in .int32(Int32(clamping: max(box(c).capacity, box(c).units.count))) }, set: { c, v in
            let n = LanguagePrimitives.toInt64(v) ?? 0
            guard n >= Int64(box(c).units.count) else {
                throw DotNetException.outOfRange("value", "capacity was less than the current size.")
            }
            box(c).capacity = Int(min(n, Int64(StringTypes.maximumLength)))
        })
        t.property("MaxCapacity", "int") { _ in .int32(Int32.max) }
        t.method("Append", "System.Text.StringBuilder", "string value") { c in try checkedAppend(c, c.text(0)) }
        t.method("Append", "System.Text.StringBuilder", "char value") { c in try checkedAppend(c, String(c.char(0))) }
        t.method("Append", "System.Text.StringBuilder", "System.Object value") { c in try checkedAppend(c, LanguagePrimitives.toString(c.value(0))) }
        t.method("Append", "System.Text.StringBuilder", "char value, int repeatCount") { c in
            guard c.int64(1) >= 0 else { throw DotNetException.outOfRange("repeatCount", FrameworkText.negativeCount) }
            guard c.int64(1) <= Int64(StringTypes.maximumLength) else { throw DotNetException.outOfMemory }
            return try checkedAppend(c, String(repeating: c.char(0), count: c.int(1)))
        }
        t.method("AppendLine", "System.Text.StringBuilder") { c in try checkedAppend(c, "\r\n") }
        t.method("AppendLine", "System.Text.StringBuilder", "string value") { c in try checkedAppend(c, c.text(0) + "\r\n") }
        t.method("AppendFormat", "System.Text.StringBuilder", "string format, params System.Object[] args") { c in
            guard let format = c.string(0) else { throw DotNetException.argumentNull("format") }
            do {
                return try checkedAppend(c, try Formatting.compositeFormat(format, c.rest(1)))
            } catch let failure as ConversionFailure {
                throw DotNetException.format(failure.message)
            }
        }
        t.method("Insert", "System.Text.StringBuilder", "int index, string value") { c in
            let b = box(c), i = c.int64(0)
            guard i >= 0, i <= Int64(b.units.count) else {
                throw DotNetException.outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.")
            }
            b.units.insert(contentsOf: Array(c.text(1).utf16), at: Int(i))
            return c.this
        }
        t.method("Remove", "System.Text.StringBuilder", "int startIndex, int length") { c in
            let b = box(c), start = c.int64(0), length = c.int64(1)
            guard length >= 0 else { throw DotNetException.outOfRange("length", "Length cannot be less than zero.") }
            guard start >= 0 else { throw DotNetException.outOfRange("startIndex", "StartIndex cannot be less than zero.") }
            guard length <= Int64(b.units.count) - start else {
                throw DotNetException.outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.")
            }
            b.units.removeSubrange(Int(start)..<Int(start + length))
            return c.this
        }
        t.method("Replace", "System.Text.StringBuilder", "string oldValue, string newValue") { c in
            guard let old = c.string(0) else { throw DotNetException.argumentNull("oldValue") }
            guard !old.isEmpty else { throw DotNetException.argument(FrameworkText.emptyString, "oldValue") }
            let b = box(c)
            b.units = Array(String(decoding: b.units, as: UTF16.self).replacing(old, with: c.text(1)).utf16)
            return c.this
        }
        t.method("Replace", "System.Text.StringBuilder", "char oldChar, char newChar") { c in
            let b = box(c), old = Array(String(c.char(0)).utf16), new = Array(String(c.char(1)).utf16)
            if old.count == 1 && new.count == 1 { b.units = b.units.map { $0 == old[0] ? new[0] : $0 } }
            return c.this
        }
        t.method("get_Chars", "char", "int index") { c in
            let b = box(c), i = c.int64(0)
            guard i >= 0, i < Int64(b.units.count) else { throw DotNetException.indexOutOfRange }
            return .char(Character(String(decoding: [b.units[Int(i)]], as: UTF16.self)))
        }
        t.method("set_Chars", "void", "int index, char value") { c in
            let b = box(c), i = c.int64(0), units = Array(String(c.char(1)).utf16)
            guard i >= 0, i < Int64(b.units.count) else { throw DotNetException.outOfRange("index", FrameworkText.index) }
            if units.count == 1 { b.units[Int(i)] = units[0] }
            return .null
        }
        t.method("Clear", "System.Text.StringBuilder") { c in box(c).units.removeAll(); return c.this }
        t.method("ToString", "string") { c in .string(String(decoding: box(c).units, as: UTF16.self)) }
        t.method("ToString", "string", "int startIndex, int length") { c in
            let b = box(c), start = c.int64(0), length = c.int64(1)
            guard start >= 0, start <= Int64(b.units.count) else { throw DotNetException.outOfRange("startIndex", FrameworkText.startIndexLess) }
            guard length >= 0 else { throw DotNetException.outOfRange("length", FrameworkText.negativeLength) }
            guard start <= Int64(b.units.count) - length else { throw DotNetException.outOfRange("chunkLength", "Index was out of range. Must be non-negative and less than the size of the collection.") }
            return .string(String(decoding: b.units[Int(start)..<Int(start + length)], as: UTF16.self))
        }
    }

    // MARK: Random, Stopwatch, CultureInfo

    static let random = DotNetType("System.Random") { t in
        @Sendable func generator(_ c: DotNetCall) -> RandomBox { c.payload(RandomBox.self) ?? RandomBox(seed: 1) }
        t.constructor { c in c.make("System.Random", RandomBox(seed: UInt64.random(in: 1...UInt64.max))) }
        t.constructor("int Seed") { c in c.make("System.Random", RandomBox(seed: UInt64(bitPattern: c.int64(0)) | 1)) }
        t.method("Next", "int") { c in .int32(Int32(generator(c).next() % UInt64(Int32.max))) }
        t.method("Next", "int", "int maxValue") { c in
            guard c.int64(0) >= 0 else { throw DotNetException.outOfRange("maxValue", "'maxValue' must be greater than zero.") }
            return .int32(c.int64(0) == 0 ? 0 : Int32(generator(c).next() % UInt64(c.int64(0))))
        }
        t.method("Next", "int", "int minValue, int maxValue") { c in
            let lo = c.int64(0), hi = c.int64(1)
            guard lo <= hi else { throw DotNetException.outOfRange("minValue", "'minValue' cannot be greater than maxValue.") }
            return .int32(hi == lo ? Int32(lo) : Int32(lo + Int64(generator(c).next() % UInt64(hi - lo))))
        }
        t.method("NextDouble", "double") { c in .double(Double(generator(c).next() >> 11) / Double(1 << 53)) }
    }

    static let stopwatch = DotNetType("System.Diagnostics.Stopwatch") { t in
        @Sendable func watch(_ c: DotNetCall) -> StopwatchBox { c.payload(StopwatchBox.self) ?? StopwatchBox() }
        t.constructor { c in c.make("System.Diagnostics.Stopwatch", StopwatchBox()) }
        t.staticMethod("StartNew", "System.Diagnostics.Stopwatch") { c in
            let w = StopwatchBox()
            w.start()
            return c.make("System.Diagnostics.Stopwatch", w)
        }
        t.staticProperty("Frequency", "long") { _ in .int64(10_000_000) }
        t.staticProperty("IsHighResolution", "bool") { _ in .bool(true) }
        t.staticMethod("GetTimestamp", "long") { _ in .int64(StopwatchBox.now()) }
        t.property("IsRunning", "bool") { c in .bool(watch(c).startedAt != nil) }
        t.property("Elapsed", "timespan") { c in c.make("System.TimeSpan", watch(c).elapsed) }
        t.property("ElapsedMilliseconds", "long") { c in .int64(watch(c).elapsed / 10_000) }
        t.property("ElapsedTicks", "long") { c in .int64(watch(c).elapsed) }
        t.method("Start", "void") { c in watch(c).start(); return .null }
        t.method("Stop", "void") { c in watch(c).stop(); return .null }
        t.method("Reset", "void") { c in watch(c).stop(); watch(c).accumulated = 0; return .null }
        t.method("Restart", "void") { c in watch(c).accumulated = 0; watch(c).startedAt = StopwatchBox.now(); return .null }
    }

    static let cultureInfo = DotNetType("System.Globalization.CultureInfo", aliases: ["cultureinfo"],
                                        interfaces: ["System.IFormatProvider", "System.ICloneable"]) { t in
        @Sendable func name(_ c: DotNetCall) -> String { c.payload(CultureBox.self)?.name ?? c.payload(String.self) ?? "" }
        @Sendable func culture(_ c: DotNetCall, _ name: String) -> PSValue {
            c.make("System.Globalization.CultureInfo", CultureBox(name: name))
        }
        t.constructor("string name") { c in culture(c, c.text(0)) }
        t.staticProperty("InvariantCulture", "cultureinfo") { c in culture(c, "") }
        // The pipeline thread's cultures: one object each, so a change to its TextInfo lasts (and -UseCulture sees it).
        t.staticProperty("CurrentCulture", "cultureinfo") { c in c.make("System.Globalization.CultureInfo", ThreadCultures.of(c.engine).culture) }
        t.staticProperty("CurrentUICulture", "cultureinfo") { c in c.make("System.Globalization.CultureInfo", ThreadCultures.of(c.engine).uiCulture) }
        t.staticMethod("GetCultureInfo", "cultureinfo", "string name") { c in culture(c, c.text(0)) }
        t.property("TextInfo", "System.Globalization.TextInfo") { c in
            c.make("System.Globalization.TextInfo", c.payload(CultureBox.self) ?? CultureBox(name: name(c)))
        }
        t.property("Name", "string") { c in .string(name(c)) }
        t.property("DisplayName", "string") { c in .string(name(c).isEmpty ? "Invariant Language (Invariant Country)" : name(c) == "en-US" ? "English (United States)" : name(c)) }
        t.property("LCID", "int") { c in .int32(name(c).isEmpty ? 127 : name(c) == "en-US" ? 1033 : 4096) }
        t.method("ToString", "string") { c in .string(name(c)) }
    }

    /// System.Globalization.TextInfo: the list separator Export-Csv and Import-Csv -UseCulture use.
    static let textInfo = DotNetType("System.Globalization.TextInfo", interfaces: ["System.ICloneable"]) { t in
        @Sendable func box(_ c: DotNetCall) -> CultureBox { c.payload(CultureBox.self) ?? CultureBox(name: "") }
        t.property("ListSeparator", "string", { c in .string(box(c).listSeparator) }, set: { c, v in
            guard !v.isNull else { throw DotNetException.argumentNull("value") }
            box(c).listSeparator = LanguagePrimitives.toString(v)
        })
        t.property("CultureName", "string") { c in .string(box(c).name) }
        t.property("IsReadOnly", "bool") { _ in .bool(false) }
        t.method("ToUpper", "string", "string str") { c in .string(c.text(0).uppercased()) }
        t.method("ToLower", "string", "string str") { c in .string(c.text(0).lowercased()) }
        t.method("ToTitleCase", "string", "string str") { c in .string(c.text(0).capitalized) }
        t.method("ToString", "string") { c in .string("TextInfo - " + box(c).name) }
    }
}

/// A CultureInfo and its TextInfo (a reference: a change to the list separator is seen through
/// every reference to the culture).
package final class CultureBox: @unchecked Sendable {
    package let name: String
    package var listSeparator = ","
    init(name: String) { self.name = name }
}

/// The pipeline thread's cultures (en-US, or what a script sets:
/// `[Threading.Thread]::CurrentThread.CurrentCulture = 'en-GB'`), one object each.
package final class ThreadCultures: EngineService {
    package var culture = CultureBox(name: "en-US")
    var uiCulture = CultureBox(name: "en-US")
    subscript(ui ui: Bool) -> CultureBox {
        get { ui ? uiCulture : culture }
        set { if ui { uiCulture = newValue } else { culture = newValue } }
    }
    package func shutdown() {}
    package static func of(_ engine: Engine) -> ThreadCultures { engine.service(ThreadCultures.self) { ThreadCultures() } }
}

/// StringBuilder's buffer (a reference: `$sb.Append('x')` changes `$sb`).
package final class TextBox: @unchecked Sendable {
    var units: [UInt16] = []
    var capacity = 16
}

/// A seeded generator (xorshift64*) for System.Random.
package final class RandomBox: @unchecked Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }
}

package final class StopwatchBox: @unchecked Sendable {
    var startedAt: Int64?
    var accumulated: Int64 = 0
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 10_000_000 + Int64(spec.tv_nsec) / 100
    }
    func start() { if startedAt == nil { startedAt = Self.now() } }
    func stop() { if let s = startedAt { accumulated += Self.now() - s; startedAt = nil } }
    var elapsed: Int64 { accumulated + (startedAt.map { Self.now() - $0 } ?? 0) }
}

/// System.Version's components (2 to 4 of them).
package struct VersionValue: Sendable, Equatable {
    var parts: [Int]
    func component(_ i: Int) -> Int { i < parts.count ? parts[i] : -1 }
    func compare(_ other: VersionValue) -> Int {
        for i in 0..<4 where component(i) != other.component(i) { return component(i) < other.component(i) ? -1 : 1 }
        return 0
    }
    static func parse(_ text: String) throws -> VersionValue {
        let fields = text.split(separator: ".", omittingEmptySubsequences: false).map { String($0).trimmedWhitespace }
        guard fields.count >= 2, fields.count <= 4 else {
            throw DotNetException.argument("Version string portion was too short or too long.", "input")
        }
        var parts: [Int] = []
        for (i, field) in fields.enumerated() {
            guard let n = Int32(field) else {
                if field.allSatisfy({ $0.isNumber }) && !field.isEmpty {
                    throw DotNetException.overflow(FrameworkText.overflowOf("an Int32"))
                }
                throw DotNetException.format()
            }
            guard n >= 0 else {
                throw DotNetException.outOfRange(["major", "minor", "build", "revision"][i], "Version's parameters must be greater than or equal to zero.")
            }
            parts.append(Int(n))
        }
        return VersionValue(parts: parts)
    }
}
