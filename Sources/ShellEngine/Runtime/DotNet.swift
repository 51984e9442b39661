import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The .NET types admin scripts lean on, as far as they make sense without .NET.
package enum DotNetTypes {
    package static let known: [String: String] = [
        "int": "System.Int32", "int32": "System.Int32", "long": "System.Int64", "int64": "System.Int64",
        "uint32": "System.UInt32", "uint64": "System.UInt64", "byte": "System.Byte", "double": "System.Double",
        "float": "System.Single", "single": "System.Single", "decimal": "System.Decimal", "bool": "System.Boolean",
        "boolean": "System.Boolean", "string": "System.String", "char": "System.Char", "object": "System.Object",
        "array": "System.Array", "hashtable": "System.Collections.Hashtable", "math": "System.Math",
        "environment": "System.Environment", "io.path": "System.IO.Path", "io.file": "System.IO.File",
        "datetime": "System.DateTime", "timespan": "System.TimeSpan", "guid": "System.Guid",
        "regex": "System.Text.RegularExpressions.Regex",
        "text.regularexpressions.regexoptions": "System.Text.RegularExpressions.RegexOptions", "version": "System.Version", "void": "System.Void",
        "pscustomobject": "System.Management.Automation.PSObject", "psobject": "System.Management.Automation.PSObject",
        "scriptblock": "System.Management.Automation.ScriptBlock", "switch": "System.Management.Automation.SwitchParameter",
        "ordered": "System.Collections.Specialized.OrderedDictionary", "type": "System.Type",
        "collections.arraylist": "System.Collections.ArrayList", "text.encoding": "System.Text.Encoding",
        "console": "System.Console", "convert": "System.Convert", "bitconverter": "System.BitConverter",
        "net.dns": "System.Net.Dns", "ipaddress": "System.Net.IPAddress", "net.ipaddress": "System.Net.IPAddress",
        "xml": "System.Xml.XmlDocument", "cultureinfo": "System.Globalization.CultureInfo",
        "management.automation.errorrecord": "System.Management.Automation.ErrorRecord",
        "exception": "System.Exception", "componentmodel.win32exception": "System.ComponentModel.Win32Exception",
        "management.automation.runtimeexception": "System.Management.Automation.RuntimeException",
        "management.automation.parameterbindingexception": "System.Management.Automation.ParameterBindingException",
        "management.automation.commandnotfoundexception": "System.Management.Automation.CommandNotFoundException",
        "management.automation.actionpreferencestopexception": "System.Management.Automation.ActionPreferenceStopException",
        "invalidoperationexception": "System.InvalidOperationException", "argumentexception": "System.ArgumentException",
        "uint16": "System.UInt16", "int16": "System.Int16", "sbyte": "System.SByte", "ulong": "System.UInt64",
        "cmdletbinding": "System.Management.Automation.CmdletBindingAttribute",
        "parameter": "System.Management.Automation.ParameterAttribute",
    ]

    package static func resolve(_ name: String) -> PSTypeInfo? {
        var key = name.lowercased()
        if key.hasSuffix("[]") {
            return resolve(String(name.dropLast(2))).map { PSTypeInfo(fullName: $0.fullName + "[]") }
        }
        if key.hasPrefix("system.") { key.removeFirst(7) }
        if let full = known[key] { return PSTypeInfo(fullName: full) }
        if let match = known.values.first(where: { $0.caseInsensitiveEquals(name) }) { return PSTypeInfo(fullName: match) }
        return nil
    }

    package static func staticProperty(_ type: PSTypeInfo, _ name: String, engine: Engine) -> PSValue? {
        let member = name.lowercased()
        if let value = RegexTypes.staticProperty(type, name) { return value }
        switch (type.fullName, member) {
        case ("System.Math", "pi"): return .double(Double.pi)
        case ("System.Math", "e"): return .double(M_E)
        case ("System.Int32", "maxvalue"): return .int32(.max)
        case ("System.Int32", "minvalue"): return .int32(.min)
        case ("System.Int64", "maxvalue"): return .int64(.max)
        case ("System.Int64", "minvalue"): return .int64(.min)
        case ("System.UInt32", "maxvalue"): return .uint32(.max)
        case ("System.UInt32", "minvalue"): return .uint32(.min)
        case ("System.UInt64", "maxvalue"): return .uint64(.max)
        case ("System.Byte", "maxvalue"): return .byte(.max)
        case ("System.Double", "maxvalue"): return .double(.greatestFiniteMagnitude)
        case ("System.String", "empty"): return .string("")
        case ("System.Environment", "newline"): return .string("\r\n")
        case ("System.Environment", "machinename"): return .string(engine.identity.computerName)
        case ("System.Environment", "username"): return .string(engine.environmentValue("USERNAME") ?? engine.environmentValue("USER") ?? "")
        case ("System.Environment", "userdomainname"): return .string(engine.identity.workgroup)
        case ("System.Environment", "osversion"): return .string(engine.identity.windowsBuild.osVersionString)
        case ("System.Environment", "is64bitoperatingsystem"), ("System.Environment", "is64bitprocess"): return .bool(true)
        case ("System.IO.Path", "directoryseparatorchar"): return .char("\\")
        case ("System.IO.Path", "pathseparator"): return .char(";")
        default: return nil
        }
    }

    package static func invokeStatic(_ type: PSTypeInfo, _ name: String, _ args: [PSValue], engine: Engine) throws -> PSValue? {
        let member = name.lowercased()
        func number(_ i: Int) -> Double { i < args.count ? (LanguagePrimitives.toDouble(args[i]) ?? 0) : 0 }
        func text(_ i: Int) -> String { i < args.count ? LanguagePrimitives.toString(args[i]) : "" }
        if let result = try RegexTypes.invokeStatic(type, name, args, engine: engine) { return result }
        switch (type.fullName, member) {
        case ("System.Math", "abs"):
            if let v = args.first, !v.isDouble, let i = LanguagePrimitives.toInt64(v) { return PSValue.int64(abs(i)).narrowed }
            return .double(abs(number(0)))
        case ("System.Math", "round"):
            let digits = args.count > 1 ? Int(min(max(number(1).clampedInt64, 0), 15)) : 0
            let scale = pow(10.0, Double(digits))
            return .double((number(0) * scale).rounded(.toNearestOrEven) / scale)
        case ("System.Math", "floor"): return .double(number(0).rounded(.down))
        case ("System.Math", "ceiling"): return .double(number(0).rounded(.up))
        case ("System.Math", "truncate"): return .double(number(0).rounded(.towardZero))
        case ("System.Math", "sqrt"): return .double(number(0).squareRoot())
        case ("System.Math", "pow"): return .double(pow(number(0), number(1)))
        case ("System.Math", "max"), ("System.Math", "min"):
            guard args.count == 2 else { throw ConversionFailure(Messages.format("MethodCountCouldNotFindBest", name, String(args.count))) }
            let order = Operators.ordering(args[0], args[1], caseSensitive: false) ?? 0
            return (member == "max") == (order >= 0) ? args[0] : args[1]
        case ("System.Math", "log"): return .double(args.count > 1 ? log(number(0)) / log(number(1)) : log(number(0)))
        case ("System.Math", "log10"): return .double(log10(number(0)))
        case ("System.String", "isnullorempty"): return .bool(args.first.map { $0.isNull || text(0).isEmpty } ?? true)
        case ("System.String", "isnullorwhitespace"): return .bool(text(0).trimmedWhitespace.isEmpty)
        case ("System.String", "join"):
            let items = args.dropFirst().flatMap { $0.enumerated ?? [$0] }
            return .string(items.map { LanguagePrimitives.toString($0) }.joined(separator: text(0)))
        case ("System.String", "format"):
            return .string(try Formatting.compositeFormat(text(0), Array(args.dropFirst().flatMap { $0.enumerated ?? [$0] })))
        case ("System.String", "concat"): return .string(args.map { LanguagePrimitives.toString($0) }.joined())
        case ("System.IO.Path", "combine"):
            return .string(args.map { LanguagePrimitives.toString($0) }.reduce("") { acc, part in
                if acc.isEmpty || part.hasPrefix("\\") || part.hasPrefix("/") || part.contains(":") { return part }
                return acc.hasSuffix("\\") || acc.hasSuffix("/") ? acc + part : acc + "\\" + part
            })
        case ("System.IO.Path", "getfilename"):
            return .string(String(text(0).split(whereSeparator: { $0 == "\\" || $0 == "/" }).last ?? ""))
        case ("System.IO.Path", "getextension"):
            let file = String(text(0).split(whereSeparator: { $0 == "\\" || $0 == "/" }).last ?? "")
            return .string(file.lastIndex(of: ".").map { String(file[$0...]) } ?? "")
        case ("System.IO.Path", "getfilenamewithoutextension"):
            let file = String(text(0).split(whereSeparator: { $0 == "\\" || $0 == "/" }).last ?? "")
            return .string(file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file)
        case ("System.IO.Path", "getdirectoryname"):
            let t = text(0)
            return .string(t.lastIndex(where: { $0 == "\\" || $0 == "/" }).map { String(t[..<$0]) } ?? "")
        case ("System.IO.Path", "gettemppath"): return .string(WindowsEnvironment.temp(user: engine.userName) + "\\")
        case ("System.Environment", "getenvironmentvariable"):
            return engine.environmentValue(text(0)).map { .string($0) } ?? .null
        case ("System.Convert", "toint32"):
            if args.count > 1, let base = LanguagePrimitives.toInt64(args[1]), let v = Int32(text(0), radix: Int(base)) { return .int32(v) }
            return try Conversion.convert(args.first ?? .null, to: .int32)
        case ("System.Convert", "tostring"):
            if args.count > 1, let base = LanguagePrimitives.toInt64(args[1]), let v = LanguagePrimitives.toInt64(args[0]) {
                return .string(String(v, radix: Int(base)))
            }
            return .string(text(0))
        case ("System.Convert", "toboolean"): return .bool(LanguagePrimitives.isTrue(args.first ?? .null))
        default: return nil
        }
    }
}

extension PSValue {
    /// Int64 results that fit in Int32 become Int32, as .NET overloads would return.
    package var narrowed: PSValue {
        if case .int64(let v) = self, let i = Int32(exactly: v) { return .int32(i) }
        return self
    }
}

/// Instance methods of strings, arrays and hashtables.
package enum BuiltinMethods {
    package static func invoke(_ target: PSValue, _ name: String, _ args: [PSValue], engine: Engine) throws -> PSValue? {
        func text(_ i: Int) -> String { i < args.count ? LanguagePrimitives.toString(args[i]) : "" }
        func int(_ i: Int) -> Int { i < args.count ? Int(LanguagePrimitives.toInt64(args[i]) ?? 0) : 0 }
        switch target {
        case .string(let s):
            switch name {
            case "toupper", "toupperinvariant": return .string(s.uppercased())
            case "tolower", "tolowerinvariant": return .string(s.lowercased())
            case "trim":
                if args.isEmpty { return .string(s.trimmedWhitespace) }
                let set = Set(text(0))
                return .string(String(s.drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed()))
            case "trimstart":
                let set = args.isEmpty ? nil : Set(text(0))
                return .string(String(s.drop { set?.contains($0) ?? $0.isWhitespace }))
            case "trimend":
                let set = args.isEmpty ? nil : Set(text(0))
                return .string(String(s.reversed().drop { set?.contains($0) ?? $0.isWhitespace }.reversed()))
            case "contains": return .bool(s.contains(text(0)))
            case "startswith":
                return .bool(args.count > 1 ? s.lowercased().hasPrefix(text(0).lowercased()) : s.hasPrefix(text(0)))
            case "endswith":
                return .bool(args.count > 1 ? s.lowercased().hasSuffix(text(0).lowercased()) : s.hasSuffix(text(0)))
            case "replace": return .string(s.replacing(text(0), with: text(1)))
            case "split":
                let separators = Set(args.flatMap { LanguagePrimitives.toString($0) })
                return .array(PSArray(s.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
                    .map { .string(String($0)) }))
            case "substring":
                let chars = Array(s)
                let start = int(0)
                let length = args.count > 1 ? int(1) : chars.count - start
                guard start >= 0, length >= 0, start + length <= chars.count else {
                    throw ConversionFailure("startIndex cannot be larger than length of string.\r\nParameter name: startIndex")
                }
                return .string(String(chars[start..<(start + length)]))
            case "indexof":
                guard let r = s.firstRange(of: text(0)) else { return .int32(-1) }
                return .int32(Int32(s[..<r.lowerBound].utf16.count))
            case "lastindexof":
                guard let r = s.ranges(of: text(0)).last else { return .int32(-1) }
                return .int32(Int32(s[..<r.lowerBound].utf16.count))
            case "padleft", "padright":
                let width = min(int(0), 1 << 24)
                let pad: Character = args.count > 1 ? (text(1).first ?? " ") : " "
                let padding = String(repeating: pad, count: max(0, width - s.count))
                return .string(name == "padleft" ? padding + s : s + padding)
            case "tochararray": return .array(PSArray(s.map { .char($0) }, elementTypeName: "System.Char"))
            case "insert":
                var chars = Array(s)
                chars.insert(contentsOf: text(1), at: min(max(0, int(0)), chars.count))
                return .string(String(chars))
            case "remove":
                var chars = Array(s)
                let start = min(max(0, int(0)), chars.count)
                let count = args.count > 1 ? min(int(1), chars.count - start) : chars.count - start
                chars.removeSubrange(start..<(start + count))
                return .string(String(chars))
            case "equals": return .bool(s == text(0))
            case "compareto": return .int32(Int32(Operators.ordering(target, args.first ?? .null, caseSensitive: false) ?? 0))
            default: return nil
            }
        case .array(let a):
            switch name {
            case "contains": return .bool(a.items.contains { Operators.equals($0, args.first ?? .null, caseSensitive: true) })
            case "indexof":
                return .int32(Int32(a.items.firstIndex { Operators.equals($0, args.first ?? .null, caseSensitive: true) } ?? -1))
            case "add":
                a.items.append(args.first ?? .null)
                return a.elementTypeName == "System.Collections.ArrayList" ? .int32(Int32(a.items.count - 1)) : .null
            case "addrange":
                a.items.append(contentsOf: args.first?.enumerated ?? [])
                return .null
            case "remove":
                if let i = a.items.firstIndex(where: { Operators.equals($0, args.first ?? .null, caseSensitive: true) }) {
                    a.items.remove(at: i)
                }
                return .null
            case "removeat":
                if int(0) >= 0 && int(0) < a.items.count { a.items.remove(at: int(0)) }
                return .null
            case "clear": a.items.removeAll(); return .null
            case "toarray": return .array(PSArray(a.items))
            case "clone": return .array(PSArray(a.items, elementTypeName: a.elementTypeName))
            case "foreach":
                guard case .scriptBlock(let block)? = args.first else { return nil }
                let collector = OutputCollector()
                for item in a.items { _ = try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: item, output: collector.sink) }
                return .array(PSArray(collector.items))
            case "where":
                guard case .scriptBlock(let block)? = args.first else { return nil }
                var results: [PSValue] = []
                for item in a.items where LanguagePrimitives.isTrue(try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: item)) {
                    results.append(item)
                }
                return .array(PSArray(results))
            default: return nil
            }
        case .hashtable(let h):
            switch name {
            case "containskey", "contains": return .bool(h.containsKey(args.first ?? .null))
            case "containsvalue": return .bool(h.values.contains { Operators.equals($0, args.first ?? .null, caseSensitive: false) })
            case "add":
                let key = args.first ?? .null
                if h.containsKey(key) {
                    throw ConversionFailure("Item has already been added. Key in dictionary: '\(text(0))'  Key being added: '\(text(0))'")
                }
                h[key] = args.count > 1 ? args[1] : .null
                return .null
            case "remove": h[args.first ?? .null] = nil; return .null
            case "clear":
                for key in h.keys { h[key] = nil }
                return .null
            case "clone":
                let copy = PSHashtable(ordered: h.isOrdered)
                for (k, v) in h.entries { copy[k] = v }
                return .hashtable(copy)
            case "getenumerator":
                return .array(PSArray(h.entries.map { k, v in
                    let entry = PSCustomObject(typeNames: ["System.Collections.DictionaryEntry", "System.Object"])
                    entry.add("Name", k)
                    entry.add("Key", k)
                    entry.add("Value", v)
                    return .object(entry)
                }))
            default: return nil
            }
        case .scriptBlock(let block):
            switch name {
            case "invoke", "invokereturnasis": return try engine.invokeScriptBlock(block, arguments: args)
            default: return nil
            }
        default:
            return nil
        }
    }
}

/// .NET composite formatting (`-f`, `[string]::Format`) and `ToString(format)` for numbers.
package enum Formatting {
    package static func compositeFormat(_ format: String, _ args: [PSValue]) throws -> String {
        var result = ""
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            if c == "{" {
                if chars.first == "{" { chars.removeFirst(); result.append("{"); continue }
                _ = 0
                var spec = ""
                while let d = chars.popFirst(), d != "}" { spec.append(d) }
                var indexPart = spec, formatPart = "", alignment = 0
                if let colon = spec.firstIndex(of: ":") {
                    indexPart = String(spec[..<colon])
                    formatPart = String(spec[spec.index(after: colon)...])
                }
                if let comma = indexPart.firstIndex(of: ",") {
                    alignment = Int(String(indexPart[indexPart.index(after: comma)...]).trimmedWhitespace) ?? 0
                    indexPart = String(indexPart[..<comma])
                }
                guard let index = Int(indexPart.trimmedWhitespace), index >= 0, index < args.count else {
                    throw ConversionFailure("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.")
                }
                var text = formatPart.isEmpty ? LanguagePrimitives.toString(args[index]) : try formatValue(args[index], formatPart)
                if alignment > 0 && text.count < alignment { text = String(repeating: " ", count: alignment - text.count) + text }
                if alignment < 0 && text.count < -alignment { text += String(repeating: " ", count: -alignment - text.count) }
                result += text
            } else if c == "}" {
                if chars.first == "}" { chars.removeFirst() }
                result.append("}")
            } else {
                result.append(c)
            }
        }
        return result
    }

    /// Standard numeric formats: N, F, D, X, P, and custom `0.00`.
    package static func formatValue(_ value: PSValue, _ format: String) throws -> String {
        guard let first = format.first else { return LanguagePrimitives.toString(value) }
        // .NET accepts precision specifiers up to 99.
        let precision = Int(format.dropFirst()).map { min(max($0, 0), 99) }
        switch first {
        case "N", "n":
            let d = LanguagePrimitives.toDouble(value) ?? 0
            return grouped(fixed(d, precision ?? 2))
        case "F", "f": return fixed(LanguagePrimitives.toDouble(value) ?? 0, precision ?? 2)
        case "D", "d":
            let i = LanguagePrimitives.toInt64(value) ?? 0
            let digits = String(abs(i))
            return (i < 0 ? "-" : "") + String(repeating: "0", count: max(0, (precision ?? 0) - digits.count)) + digits
        case "X", "x":
            let i = LanguagePrimitives.toInt64(value) ?? 0
            var digits = String(UInt64(bitPattern: i) & (i < 0 ? 0xFFFF_FFFF : UInt64.max), radix: 16)
            if first == "X" { digits = digits.uppercased() }
            return String(repeating: "0", count: max(0, (precision ?? 0) - digits.count)) + digits
        case "P", "p":
            return grouped(fixed((LanguagePrimitives.toDouble(value) ?? 0) * 100, precision ?? 2)) + " %"
        default:
            if format.allSatisfy({ "0#.,".contains($0) }) {
                let decimals = format.split(separator: ".").dropFirst().first?.count ?? 0
                let text = fixed(LanguagePrimitives.toDouble(value) ?? 0, decimals)
                return format.contains(",") ? grouped(text) : text
            }
            return LanguagePrimitives.toString(value)
        }
    }

    package static func fixed(_ d: Double, _ decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        _ = withVaList([min(max(decimals, 0), 30), d]) { vsnprintf(&buffer, 128, "%.*f", $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    package static func grouped(_ text: String) -> String {
        var integer = text, fraction = ""
        if let dot = text.firstIndex(of: ".") { integer = String(text[..<dot]); fraction = String(text[dot...]) }
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var out = ""
        for (i, c) in integer.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (negative ? "-" : "") + String(out.reversed()) + fraction
    }
}

extension LanguagePrimitives {
    package static func parseDecimal(_ text: String) -> PSValue {
        .decimal(Decimal(string: text) ?? 0)
    }

    package static func toDecimal(_ value: PSValue) -> Decimal {
        if case .decimal(let d) = value { return d }
        if let i = toInt64(value), !(value.isDouble) { return Decimal(i) }
        return Decimal(string: formatDouble(toDouble(value) ?? 0)) ?? 0
    }
}

extension PSValue {
    package var isDouble: Bool {
        if case .double = self { return true }
        return false
    }
}
