import ShellEngine

/// One element of an XML document: its name, attributes, text and child elements.
final class XmlNode {
    let name: String
    var attributes: [String: String] = [:]
    var text = ""
    var children: [XmlNode] = []

    init(name: String) { self.name = name }

    func attribute(_ key: String) -> String? { attributes[key] }
}

/// A small XML reader for CLIXML documents; malformed input fails with .NET's XmlException text.
struct XmlReader {
    struct Failure: Error {
        let message: String
    }

    private let chars: [Character]
    private var i = 0
    private var line = 1
    private var column = 1

    init(_ text: String) { chars = Array(text) }

    private func failure(_ what: String) -> Failure {
        Failure(message: "\(what) Line \(line), position \(column).")
    }

    private mutating func advance() {
        if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
        i += 1
    }

    private mutating func skipSpace() { while i < chars.count, chars[i].isWhitespace { advance() } }

    private func starts(_ s: String) -> Bool {
        var j = i
        for c in s {
            guard j < chars.count, chars[j] == c else { return false }
            j += 1
        }
        return true
    }

    private mutating func skip(past marker: String) throws(Failure) {
        while i < chars.count, !starts(marker) { advance() }
        guard i < chars.count else { throw failure("Unexpected end of file has occurred.") }
        for _ in marker { advance() }
    }

    mutating func document() throws(Failure) -> XmlNode {
        skipSpace()
        while starts("<?") || starts("<!--") {
            try skip(past: starts("<?") ? "?>" : "-->")
            skipSpace()
        }
        guard i < chars.count, chars[i] == "<" else { throw failure("Data at the root level is invalid.") }
        return try element(depth: 0)
    }

    private mutating func name() throws(Failure) -> String {
        var result = ""
        while i < chars.count, !chars[i].isWhitespace, !"/>=".contains(chars[i]) { result.append(chars[i]); advance() }
        guard !result.isEmpty else { throw failure("Name cannot begin with the '\(i < chars.count ? String(chars[i]) : "")' character.") }
        return result
    }

    private mutating func element(depth: Int) throws(Failure) -> XmlNode {
        guard depth < 1000 else { throw failure("The XML document is nested too deeply.") }
        advance() // <
        let node = XmlNode(name: try name())
        while true {
            skipSpace()
            guard i < chars.count else { throw failure("Unexpected end of file has occurred.") }
            if starts("/>") { advance(); advance(); return node }
            if chars[i] == ">" { advance(); break }
            let key = try name()
            skipSpace()
            guard i < chars.count, chars[i] == "=" else { throw failure("'=' is an unexpected token.") }
            advance()
            skipSpace()
            guard i < chars.count, chars[i] == "\"" || chars[i] == "'" else { throw failure("'\"' is expected.") }
            let quote = chars[i]
            advance()
            var value = ""
            while i < chars.count, chars[i] != quote { value.append(chars[i]); advance() }
            guard i < chars.count else { throw failure("Unexpected end of file has occurred.") }
            advance()
            node.attributes[key] = Self.unescape(value)
        }
        var text = ""
        while true {
            guard i < chars.count else { throw failure("Unexpected end of file has occurred.") }
            if starts("</") {
                advance(); advance()
                let closing = try name()
                guard closing == node.name else {
                    throw failure("The '\(node.name)' start tag does not match the end tag of '\(closing)'.")
                }
                skipSpace()
                guard i < chars.count, chars[i] == ">" else { throw failure("Unexpected end of file has occurred.") }
                advance()
                node.text = Self.unescape(text)
                return node
            }
            if starts("<!--") { try skip(past: "-->"); continue }
            if chars[i] == "<" {
                node.children.append(try element(depth: depth + 1))
                continue
            }
            text.append(chars[i])
            advance()
        }
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: rest.startIndex)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                let digits = entity.dropFirst(hex ? 2 : 1)
                if entity.hasPrefix("#"), let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += rest[...semi]
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}

/// Turns CLIXML back into values: primitives as themselves, property bags and .NET objects as
/// objects whose type names start with `Deserialized.`, dictionaries as hashtables, lists as
/// arrays, secure strings and credentials as such.
struct ClixmlReader {
    private var objects: [String: PSValue] = [:]
    private var typeNames: [String: [String]] = [:]
    let engine: Engine

    init(engine: Engine) { self.engine = engine }

    /// `_xHHHH_` back to its character.
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out: [UInt16] = []
        let units = Array(text.utf16)
        var k = 0
        while k < units.count {
            if units[k] == 0x5F, k + 6 < units.count, units[k + 1] == 0x78, units[k + 6] == 0x5F,
               let code = UInt16(String(decoding: units[(k + 2)...(k + 5)], as: UTF16.self), radix: 16) {
                out.append(code)
                k += 7
            } else {
                out.append(units[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF16.self)
    }

    /// XmlConvert.ToTimeSpan of the `P…DT…H…M…S` form; 0 for anything else.
    static func ticks(ofDuration text: String) -> Int64 {
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return 0 }
        rest = rest.dropFirst()
        var total = 0.0, number = "", inTime = false
        for c in rest {
            if c.isNumber || c == "." { number.append(c); continue }
            let n = Double(number) ?? 0
            number = ""
            switch c {
            case "T": inTime = true
            case "D": total += n * 86_400
            case "H": total += n * 3600
            case "M": total += inTime ? n * 60 : n * 30 * 86_400
            case "S": total += n
            case "Y": total += n * 365 * 86_400
            default: return 0
            }
        }
        let ticks = (total * 10_000_000).rounded()
        guard ticks.isFinite, abs(ticks) < 9.2e18 else { return 0 }
        return negative ? -Int64(ticks) : Int64(ticks)
    }

    mutating func value(_ node: XmlNode) throws -> PSValue {
        let text = node.text
        switch node.name {
        case "Nil": return .null
        case "S", "URI", "XD", "Version": return .string(Self.decode(text))
        case "I32", "I16", "SB": return Int32(text).map { .int32($0) } ?? .null
        case "I64": return Int64(text).map { .int64($0) } ?? .null
        case "U32", "U16": return UInt32(text).map { .uint32($0) } ?? .null
        case "U64": return UInt64(text).map { .uint64($0) } ?? .null
        case "By": return UInt8(text).map { .byte($0) } ?? .null
        case "B": return .bool(text == "true")
        case "Db", "Sg": return Double(text).map { .double($0) } ?? .null
        case "D": return try engine.types.convert(.string(text), toTypeNamed: "System.Decimal", engine: engine) ?? .null
        case "C": return UInt16(text).map { .char(Character(String(decoding: [$0], as: UTF16.self))) } ?? .null
        case "DT": return try engine.types.convert(.string(text), toTypeNamed: "System.DateTime", engine: engine) ?? .null
        case "G": return try engine.types.convert(.string(text), toTypeNamed: "System.Guid", engine: engine) ?? .string(text)
        case "TS": return try TimeSpanValue.make(ticks: Self.ticks(ofDuration: text), engine)
        case "SS": return .object(SecureStringObject(EncryptedString.decode(text) ?? ""))
        case "SBK": return .string(Self.decode(text))
        case "Ref": return objects[node.attribute("RefId") ?? ""] ?? .null
        case "Obj": return try object(node)
        default: return .string(Self.decode(text))
        }
    }

    private mutating func object(_ node: XmlNode) throws -> PSValue {
        var names: [String] = []
        for child in node.children {
            if child.name == "TN" {
                names = child.children.filter { $0.name == "T" }.map { Self.decode($0.text) }
                if let id = child.attribute("RefId") { typeNames[id] = names }
            } else if child.name == "TNRef" {
                names = typeNames[child.attribute("RefId") ?? ""] ?? []
            }
        }
        let result: PSValue
        if let dictionary = node.children.first(where: { $0.name == "DCT" }) {
            let table = PSHashtable()
            for entry in dictionary.children where entry.name == "En" {
                let key = try entry.children.first { $0.attribute("N") == "Key" }.map { try value($0) } ?? .null
                let item = try entry.children.first { $0.attribute("N") == "Value" }.map { try value($0) } ?? .null
                if !key.isNull { table[key] = item }
            }
            result = .hashtable(table)
        } else if let list = node.children.first(where: { ["LST", "IE", "STK", "QUE"].contains($0.name) }) {
            var items: [PSValue] = []
            for child in list.children { items.append(try value(child)) }
            result = .array(PSArray(items))
        } else if names.first == "System.Management.Automation.PSCredential",
                  let props = node.children.first(where: { $0.name == "Props" }) {
            let user = props.children.first { $0.attribute("N") == "UserName" }.map { Self.decode($0.text) } ?? ""
            let password = props.children.first { $0.attribute("N") == "Password" }.flatMap { EncryptedString.decode($0.text) } ?? ""
            result = .object(CredentialObject(user: user, password: SecureStringObject(password)))
        } else {
            let object = PSCustomObject(typeNames: names.map { $0.hasPrefix("Deserialized.") ? $0 : "Deserialized." + $0 })
            for section in node.children where section.name == "Props" || section.name == "MS" {
                for member in section.children {
                    guard let name = member.attribute("N") else { continue }
                    object.add(Self.decode(name), try value(member))
                }
            }
            if object.properties.isEmpty, let text = node.children.first(where: { $0.name == "ToString" }) {
                result = .string(Self.decode(text.text))
            } else {
                result = .object(object)
            }
        }
        if let id = node.attribute("RefId") { objects[id] = result }
        return result
    }
}

/// Import-Clixml: the objects of a CLIXML file.
final class ImportClixml: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.forEachFileContent { _, bytes in
            do {
                var parser = XmlReader(TextEncoding.default.decode(bytes))
                let root = try parser.document()
                var reader = ClixmlReader(engine: context.engine)
                var values: [PSValue] = []
                for child in root.children { values.append(try reader.value(child)) }
                let skip = context.value("Skip").flatMap { LanguagePrimitives.toInt64($0) } ?? 0
                let first = context.value("First").flatMap { LanguagePrimitives.toInt64($0) } ?? Int64.max
                for value in values.dropFirst(Int(clamping: max(skip, 0))).prefix(Int(clamping: max(first, 0))) {
                    try context.writeObject(value)
                }
            } catch let error as XmlReader.Failure {
                throw RuntimeError(record: context.errorRecord(message: error.message, errorId: "System.Xml.XmlException",
                    category: .NotSpecified, exceptionType: "System.Xml.XmlException", target: .null))
            }
        }
    }
}
