import ShellEngine

/// The CLIXML of Windows PowerShell 5.1's serializer (Export-Clixml): `<Objs>` of primitive
/// elements (`<S>`, `<I32>`, `<B>`, …) and `<Obj>` elements with their type names (`<TN>`, later
/// `<TNRef>`), a `<ToString>` and `<Props>` for .NET objects, `<MS>` for property bags, `<DCT>`
/// for dictionaries and `<LST>` for collections.
struct ClixmlWriter {
    private var lines: [String] = []
    private var objectId = 0
    private var typeNameIds: [[String]: Int] = [:]
    private var written: [ObjectIdentifier: Int] = [:]
    let depth: Int

    init(depth: Int) { self.depth = depth }

    static let header = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"

    var text: String { ([Self.header] + lines + ["</Objs>"]).joined(separator: "\r\n") }

    /// Element text: XML escapes, and 5.1's `_xHHHH_` for control characters (and a literal `_x`).
    static func encode(_ text: String) -> String {
        var out = ""
        let units = Array(text.utf16)
        for (i, unit) in units.enumerated() {
            switch unit {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x5F where i + 1 < units.count && units[i + 1] == 0x78: out += "_x005F_"
            case 0..<0x20 where unit != 0x09, 0xFFFE, 0xFFFF: out += "_x" + hex(unit) + "_"
            default: out += String(decoding: [unit], as: UTF16.self)
            }
        }
        return out
    }

    static func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    mutating func write(_ value: PSValue, engine: Engine) {
        element(value, name: nil, indent: 1, depth: depth, engine: engine)
    }

    private mutating func line(_ indent: Int, _ text: String) {
        lines.append(String(repeating: "  ", count: indent) + text)
    }

    private static func attribute(_ name: String?) -> String {
        name.map { " N=\"" + encode($0).replacing("\"", with: "&quot;") + "\"" } ?? ""
    }

    /// The tag and text of a primitive value, nil for values written as `<Obj>`.
    private static func primitive(_ value: PSValue) -> (String, String)? {
        switch value {
        case .string(let s): return ("S", encode(s))
        case .int32(let n): return ("I32", String(n))
        case .int64(let n): return ("I64", String(n))
        case .uint32(let n): return ("U32", String(n))
        case .uint64(let n): return ("U64", String(n))
        case .byte(let n): return ("By", String(n))
        case .bool(let b): return ("B", b ? "true" : "false")
        case .char(let c): return ("C", String(c.utf16.first ?? 0))
        case .double(let d): return ("Db", LanguagePrimitives.toString(.double(d)))
        case .decimal: return ("D", LanguagePrimitives.toString(value))
        case .switchParameter(let b): return ("B", b ? "true" : "false")
        default: return nil
        }
    }

    private mutating func element(_ value: PSValue, name: String?, indent: Int, depth: Int, engine: Engine) {
        let n = Self.attribute(name)
        if value.isNull { return line(indent, "<Nil\(n) />") }
        if let (tag, text) = Self.primitive(value) { return line(indent, "<\(tag)\(n)>\(text)</\(tag)>") }
        if case .scriptBlock(let block) = value { return line(indent, "<SBK\(n)>\(Self.encode(block.text))</SBK>") }
        if case .object(let secure as SecureStringObject) = value {
            return line(indent, "<SS\(n)>\(EncryptedString.encode(secure.plainText))</SS>")
        }
        if case .object(let object) = value, let special = Self.special(object, engine) {
            return line(indent, "<\(special.0)\(n)>\(special.1)</\(special.0)>")
        }
        guard depth > 0 else { return line(indent, "<S\(n)>\(Self.encode(FormatValue.toString(value)))</S>") }
        if case .object(let object) = value, let id = written[ObjectIdentifier(object)] {
            return line(indent, "<Ref\(n) RefId=\"\(id)\" />")
        }
        let id = objectId
        objectId += 1
        if case .object(let object) = value { written[ObjectIdentifier(object)] = id }
        line(indent, "<Obj\(n) RefId=\"\(id)\">")
        typeNames(Self.typeNames(of: value), indent: indent + 1)
        switch value {
        case .hashtable(let table):
            line(indent + 1, "<DCT>")
            for (key, item) in table.entries {
                line(indent + 2, "<En>")
                element(key, name: "Key", indent: indent + 3, depth: depth - 1, engine: engine)
                element(item, name: "Value", indent: indent + 3, depth: depth - 1, engine: engine)
                line(indent + 2, "</En>")
            }
            line(indent + 1, "</DCT>")
        case .array(let array):
            line(indent + 1, "<LST>")
            for item in array.items { element(item, name: nil, indent: indent + 2, depth: depth - 1, engine: engine) }
            line(indent + 1, "</LST>")
        default:
            let bag = value.typeName == "System.Management.Automation.PSCustomObject" || value.typeName.hasPrefix("Selected.")
                || value.typeName.hasPrefix("Deserialized.")
            if !bag { line(indent + 1, "<ToString>\(Self.encode(FormatValue.toString(value)))</ToString>") }
            let properties = FormatSelection.properties(of: value)
            if !properties.isEmpty {
                line(indent + 1, bag ? "<MS>" : "<Props>")
                for p in properties { element(p.value, name: p.name, indent: indent + 2, depth: depth - 1, engine: engine) }
                line(indent + 1, bag ? "</MS>" : "</Props>")
            }
        }
        line(indent, "</Obj>")
    }

    /// DateTime (`DT`, round-trip format), TimeSpan (`TS`, xsd:duration) and Guid (`G`).
    private static func special(_ object: PSObject, _ engine: Engine) -> (String, String)? {
        let value = PSValue.object(object)
        switch object.typeNames.first {
        case "System.DateTime":
            let text = (try? engine.invokeMethod(value, "ToString", [.string("o")], isStatic: false, extent: .empty))
            return ("DT", text.map { LanguagePrimitives.toString($0) } ?? "")
        case "System.TimeSpan":
            let ticks = LanguagePrimitives.toInt64((try? engine.getMember(value, "Ticks", isStatic: false, extent: .empty)) ?? .null) ?? 0
            return ("TS", duration(ticks))
        case "System.Guid":
            return ("G", object.toString())
        default:
            return nil
        }
    }

    /// XmlConvert.ToString(TimeSpan): `-P1DT2H3M4.5S`, `PT0S` for zero.
    static func duration(_ ticks: Int64) -> String {
        let magnitude = ticks.magnitude
        let days = magnitude / 864_000_000_000, hours = magnitude / 36_000_000_000 % 24
        let minutes = magnitude / 600_000_000 % 60, seconds = magnitude / 10_000_000 % 60, fraction = magnitude % 10_000_000
        var text = (ticks < 0 ? "-" : "") + "P" + (days > 0 ? "\(days)D" : "")
        if hours > 0 || minutes > 0 || seconds > 0 || fraction > 0 {
            text += "T" + (hours > 0 ? "\(hours)H" : "") + (minutes > 0 ? "\(minutes)M" : "")
            if seconds > 0 || fraction > 0 {
                var digits = String(fraction)
                digits = String(repeating: "0", count: 7 - digits.count) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "\(seconds)" + (digits.isEmpty ? "" : "." + digits) + "S"
            }
        } else if days == 0 {
            text += "T0S"
        }
        return text
    }

    private static func typeNames(of value: PSValue) -> [String] {
        switch value {
        case .array(let array): return [array.typeName, "System.Array", "System.Object"]
        case .hashtable: return ["System.Collections.Hashtable", "System.Object"]
        case .object(let object): return object.typeNames
        default: return [value.typeName, "System.Object"]
        }
    }

    private mutating func typeNames(_ names: [String], indent: Int) {
        if let id = typeNameIds[names] { return line(indent, "<TNRef RefId=\"\(id)\" />") }
        let id = typeNameIds.count
        typeNameIds[names] = id
        line(indent, "<TN RefId=\"\(id)\">")
        for name in names { line(indent + 1, "<T>\(Self.encode(name))</T>") }
        line(indent, "</TN>")
    }
}

/// Export-Clixml: the objects in one CLIXML document, Unicode by default as in 5.1.
final class ExportClixml: Cmdlet {
    private var values: [PSValue] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let value = input ?? context.value("InputObject") { values.append(value) }
    }

    func end(_ context: CommandContext) throws {
        let engine = context.engine
        guard let text = context.string("LiteralPath") ?? context.string("Path") else { return }
        let depth = context.value("Depth").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(clamping: $0) } ?? 2
        var writer = ClixmlWriter(depth: max(depth, 0))
        for value in values { writer.write(value, engine: engine) }
        let encoding = context.string("Encoding").flatMap(TextEncoding.init(name:)) ?? .unicode
        do {
            let path = try engine.resolveItemPath(text)
            if context.switchValue("NoClobber") && path.provider.itemExists(path.providerPath, engine) {
                return try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.fileExists, [path.path]),
                    errorId: "NoClobber", category: .ResourceExists, exceptionType: "System.IO.IOException", target: .string(path.path)))
            }
            guard try context.shouldProcess(target: path.path, action: "Export-Clixml") else { return }
            try engine.writeText(to: path, writer.text, append: false, encoding: encoding)
        } catch let error as ProviderError {
            try context.writeProviderError(error)
        }
    }
}
