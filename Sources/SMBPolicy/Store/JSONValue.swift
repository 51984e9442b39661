// A JSON tree, so that fields this version does not know survive a rewrite. Parsed and written by
// hand over UTF-8 bytes: the file is re-read on every change, so this is on the hot path.
//
// A number keeps the text it was written with (`1e400`, `-0`, `1.0`, `12345678901234567890123`):
// converting it to Double or Int and back would change values another version or tool owns.

enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as its JSON text, validated against the RFC 8259 grammar when parsed.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An unsigned integer number.
    static func unsigned(_ value: UInt64) -> JSONValue { .number(String(value)) }

    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The number as an unsigned integer when it is written as one (digits only, no sign, no
    /// fraction, no exponent) and fits in 64 bits.
    var unsignedValue: UInt64? {
        guard case .number(let text) = self, !text.isEmpty,
              text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return UInt64(text)
    }

    struct ParseError: Error {
        let offset: Int
    }

    /// Parses one JSON text (RFC 8259); rejects trailing garbage and nesting deeper than 256. A
    /// UTF-8 byte order mark at the start is skipped (Windows editors write one).
    static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.offset = 3 }
        parser.skipBlanks()
        let value = try parser.value(depth: 0)
        parser.skipBlanks()
        guard parser.offset == bytes.count else { throw ParseError(offset: parser.offset) }
        return value
    }

    /// Pretty-printed with sorted keys and a final newline, so that diffs of the file stay small.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let flag): out.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let text): out.append(contentsOf: Array(text.utf8))
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: Array("[]".utf8)); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                out.append(contentsOf: Array((index == 0 ? "\n" : ",\n").utf8))
                out.append(contentsOf: [UInt8](repeating: 0x20, count: indent + 2))
                item.write(to: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: [UInt8](repeating: 0x20, count: indent))
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: Array("{}".utf8)); return }
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                out.append(contentsOf: Array((index == 0 ? "\n" : ",\n").utf8))
                out.append(contentsOf: [UInt8](repeating: 0x20, count: indent + 2))
                JSONValue.writeString(key, to: &out)
                out.append(contentsOf: Array(" : ".utf8))
                members[key]!.write(to: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: [UInt8](repeating: 0x20, count: indent))
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipBlanks() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private func fail() -> JSONValue.ParseError { JSONValue.ParseError(offset: offset) }

    mutating func value(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard depth < 256, offset < bytes.count else { throw fail() }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func literal(_ word: String) throws(JSONValue.ParseError) {
        let expected = Array(word.utf8)
        guard offset + expected.count <= bytes.count,
              Array(bytes[offset..<(offset + expected.count)]) == expected else { throw fail() }
        offset += expected.count
    }

    private mutating func object(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        offset += 1
        var members: [String: JSONValue] = [:]
        skipBlanks()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
        while true {
            skipBlanks()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail() }
            let key = try string()
            skipBlanks()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail() }
            offset += 1
            skipBlanks()
            guard members[key] == nil else { throw fail() }   // duplicate keys are ambiguous: reject
            members[key] = try value(depth: depth + 1)
            skipBlanks()
            guard offset < bytes.count else { throw fail() }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            throw fail()
        }
    }

    private mutating func array(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        offset += 1
        var items: [JSONValue] = []
        skipBlanks()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
        while true {
            skipBlanks()
            items.append(try value(depth: depth + 1))
            skipBlanks()
            guard offset < bytes.count else { throw fail() }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
            throw fail()
        }
    }

    private mutating func string() throws(JSONValue.ParseError) -> String {
        offset += 1
        var out: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw fail() }
                return text
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { throw fail() }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard offset + 1 < bytes.count, bytes[offset] == 0x5C, bytes[offset + 1] == UInt8(ascii: "u")
                        else { throw fail() }
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw fail() }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw fail()
                }
            case 0..<0x20: throw fail()
            default: out.append(byte)
            }
        }
        throw fail()
    }

    private mutating func hex4() throws(JSONValue.ParseError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            offset += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail()
            }
            value = value * 16 + digit
        }
        return value
    }

    private mutating func number() throws(JSONValue.ParseError) -> JSONValue {
        let start = offset
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let digitsStart = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        guard offset > digitsStart else { throw fail() }
        if bytes[digitsStart] == UInt8(ascii: "0") && offset - digitsStart > 1 { throw fail() }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            let fraction = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            guard offset > fraction else { throw fail() }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            let exponent = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            guard offset > exponent else { throw fail() }
        }
        return .number(String(decoding: bytes[start..<offset], as: UTF8.self))
    }
}
