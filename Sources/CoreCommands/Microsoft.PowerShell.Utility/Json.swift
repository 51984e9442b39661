import FoundationEssentials
import ShellEngine

/// ConvertTo-Json as Windows PowerShell 5.1 writes it: JavaScriptSerializer's escapes (`'` as
/// `\u0027`, `<` `>` `&` as `\u003c` `\u003e` `\u0026`), dates as `"\/Date(ms)\/"`, values deeper
/// than `-Depth` (2) as their string, and 5.1's layout: four spaces per level, `"key":  value`, a
/// nested object or array indented to the column its opening bracket starts at.
final class ConvertToJson: Cmdlet {
    private var items: [PSValue] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { items.append(input) } else if let value = context.value("InputObject") { items.append(value) }
    }

    func end(_ context: CommandContext) throws {
        guard !items.isEmpty else { return }
        let depth = context.value("Depth").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(clamping: $0) } ?? 2
        let value = items.count == 1 ? items[0] : .array(PSArray(items))
        let tree = JsonValue.from(value, depth: 0, maximumDepth: depth)
        let text = context.switchValue("Compress") ? tree.compact : tree.pretty(base: 0)
        try context.writeObject(.string(text))
    }
}

/// A value on its way to JSON text.
indirect enum JsonValue {
    case literal(String)
    case array([JsonValue])
    case object([(String, JsonValue)])

    static func from(_ value: PSValue, depth: Int, maximumDepth: Int) -> JsonValue {
        switch value {
        case .null: return .literal("null")
        case .bool(let b), .switchParameter(let b): return .literal(b ? "true" : "false")
        case .int32, .int64, .uint32, .uint64, .byte, .decimal: return .literal(LanguagePrimitives.toString(value))
        case .double(let d):
            if d.isNaN || d.isInfinite { return .literal(quote(LanguagePrimitives.toString(value))) }
            return .literal(LanguagePrimitives.toString(value))
        case .char(let c): return .literal(quote(String(c)))
        case .string(let s): return .literal(quote(s))
        case .scriptBlock(let b): return .literal(quote(b.text))
        case .type(let t): return .literal(quote(t.fullName))
        default: break
        }
        if depth > maximumDepth { return .literal(quote(LanguagePrimitives.toString(value))) }
        switch value {
        case .array(let a):
            return .array(a.items.map { from($0, depth: depth + 1, maximumDepth: maximumDepth) })
        case .hashtable(let h):
            return .object(h.entries.map { (LanguagePrimitives.toString($0.0), from($0.1, depth: depth + 1, maximumDepth: maximumDepth)) })
        case .object(let o):
            if let date = o as? DateTimeObject {
                return .literal("\"\\/Date(\(date.seconds * 1000))\\/\"")
            }
            let properties = o.properties
            if properties.isEmpty { return .literal(quote(o.toString())) }
            return .object(properties.map { ($0.name, from($0.value, depth: depth + 1, maximumDepth: maximumDepth)) })
        default:
            return .literal(quote(LanguagePrimitives.toString(value)))
        }
    }

    /// JavaScriptSerializer's string escapes.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            case "'", "<", ">", "&":
                out += "\\u00" + hex(UInt8(scalar.value))
            default:
                if scalar.value < 0x20 { out += "\\u00" + hex(UInt8(scalar.value)) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    var compact: String {
        switch self {
        case .literal(let text): return text
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { JsonValue.quote($0.0) + ":" + $0.1.compact }.joined(separator: ",") + "}"
        }
    }

    /// 5.1's indented text; `base` is the column of the opening bracket.
    func pretty(base: Int) -> String {
        let pad = String(repeating: " ", count: base)
        let inner = String(repeating: " ", count: base + 4)
        switch self {
        case .literal(let text): return text
        case .array(let items):
            guard !items.isEmpty else { return "[\n\n" + pad + "]" }
            return "[\n" + items.map { inner + $0.pretty(base: base + 4) }.joined(separator: ",\n") + "\n" + pad + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{\n\n" + pad + "}" }
            return "{\n" + members.map { name, value in
                let key = JsonValue.quote(name) + ":  "
                return inner + key + value.pretty(base: base + 4 + key.count)
            }.joined(separator: ",\n") + "\n" + pad + "}"
        }
    }
}

/// ConvertFrom-Json: objects become PSCustomObjects, arrays Object[] (written as one object, as
/// 5.1 does), numbers Int32, Int64 or Decimal.
final class ConvertFromJson: Cmdlet {
    private var lines: [String] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { lines.append(LanguagePrimitives.toString(input)) } else if let text = context.string("InputObject") {
            lines.append(text)
        }
    }

    func end(_ context: CommandContext) throws {
        let text = lines.joined(separator: "\n")
        var parser = JsonParser(Array(text.unicodeScalars))
        do {
            let value = try parser.parseDocument()
            try context.writeObject(value)
        } catch let error as JsonParser.Failure {
            try context.throwTerminatingError(context.errorRecord(message: error.message, errorId: "System.ArgumentException",
                                                              category: .NotSpecified, exceptionType: "System.ArgumentException"))
        }
    }
}

struct JsonParser {
    struct Failure: Error { let message: String }

    private let text: [Unicode.Scalar]
    private var index = 0
    private var nesting = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    mutating func parseDocument() throws -> PSValue {
        skipSpace()
        if index >= text.count { return .null }
        let value = try parseValue()
        skipSpace()
        guard index >= text.count else { throw primitiveError() }
        return value
    }

    private mutating func skipSpace() {
        while index < text.count, [" ", "\t", "\n", "\r"].contains(text[index]) { index += 1 }
    }

    private func primitiveError() -> Failure {
        var end = index
        while end < text.count, ![",", "}", "]", " ", "\n", "\r", "\t"].contains(text[end]) { end += 1 }
        var word = String(String.UnicodeScalarView(text[min(index, text.count)..<end]))
        if word.isEmpty, index < text.count { word = String(text[index]) }
        return Failure(message: "Invalid JSON primitive: \(word).")
    }

    private mutating func parseValue() throws -> PSValue {
        skipSpace()
        guard index < text.count else { throw Failure(message: "Invalid object passed in, ':' or '}' expected.") }
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= 100 else { throw Failure(message: "RecursionLimit exceeded.") }
        switch text[index] {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"", "'": return .string(try parseString())
        default: return try parsePrimitive()
        }
    }

    private mutating func parseObject() throws -> PSValue {
        index += 1
        let object = PSCustomObject()
        skipSpace()
        if index < text.count, text[index] == "}" { index += 1; return .object(object) }
        while true {
            skipSpace()
            guard index < text.count, text[index] == "\"" || text[index] == "'" else {
                throw Failure(message: "Invalid object passed in, member name expected.")
            }
            let name = try parseString()
            skipSpace()
            guard index < text.count, text[index] == ":" else { throw Failure(message: "Invalid object passed in, ':' or '}' expected.") }
            index += 1
            object.add(name, try parseValue())
            skipSpace()
            guard index < text.count else { throw Failure(message: "Invalid object passed in, ':' or '}' expected.") }
            if text[index] == "," { index += 1; continue }
            if text[index] == "}" { index += 1; return .object(object) }
            throw Failure(message: "Invalid object passed in, ':' or '}' expected.")
        }
    }

    private mutating func parseArray() throws -> PSValue {
        index += 1
        var items: [PSValue] = []
        skipSpace()
        if index < text.count, text[index] == "]" { index += 1; return .array(PSArray(items)) }
        while true {
            items.append(try parseValue())
            skipSpace()
            guard index < text.count else { throw Failure(message: "Invalid array passed in, ']' expected.") }
            if text[index] == "," { index += 1; continue }
            if text[index] == "]" { index += 1; return .array(PSArray(items)) }
            throw Failure(message: "Invalid array passed in, ',' expected.")
        }
    }

    private mutating func parseString() throws -> String {
        let quote = text[index]
        index += 1
        var out = String.UnicodeScalarView()
        while index < text.count {
            let c = text[index]
            index += 1
            if c == quote { return String(out) }
            guard c == "\\" else { out.append(c); continue }
            guard index < text.count else { break }
            let e = text[index]
            index += 1
            switch e {
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{c}")
            case "u":
                guard index + 4 <= text.count,
                      let code = UInt32(String(String.UnicodeScalarView(text[index..<index + 4])), radix: 16) else {
                    throw Failure(message: "Unrecognized escape sequence.")
                }
                index += 4
                out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: out.append(e)
            }
        }
        throw Failure(message: "Unterminated string passed in.")
    }

    private mutating func parsePrimitive() throws -> PSValue {
        let start = index
        while index < text.count, ![",", "}", "]", " ", "\n", "\r", "\t"].contains(text[index]) { index += 1 }
        let word = String(String.UnicodeScalarView(text[start..<index]))
        switch word {
        case "null": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if let v = Int32(word) { return .int32(v) }
        if let v = Int64(word) { return .int64(v) }
        let numeric = !word.isEmpty && word.allSatisfy { $0.isNumber || "+-.eE".contains($0) }
        if numeric, !word.contains("e"), !word.contains("E"), let d = Decimal(string: word) { return .decimal(d) }
        if numeric, let d = Double(word) { return .double(d) }
        index = start
        throw primitiveError()
    }
}
