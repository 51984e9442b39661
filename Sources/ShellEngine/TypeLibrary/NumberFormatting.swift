import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// .NET composite formatting (`-f`, `[string]::Format`) and `ToString(format)` for numbers.
package enum Formatting {
    package static func compositeFormat(_ format: String, _ args: [PSValue]) throws -> String {
        var result = ""
        var chars = Array(format)[...]
        while let c = chars.popFirst() {
            if c == "{" {
                if chars.first == "{" { chars.removeFirst(); result.append("{"); continue }
                var spec = "", closed = false
                while let d = chars.popFirst() {
                    if d == "}" { closed = true; break }
                    spec.append(d)
                }
                guard closed else { throw ConversionFailure("Input string was not in a correct format.") }
                var indexPart = spec, formatPart = "", alignment = 0
                if let colon = spec.firstIndex(of: ":") {
                    indexPart = String(spec[..<colon])
                    formatPart = String(spec[spec.index(after: colon)...])
                }
                if let comma = indexPart.firstIndex(of: ",") {
                    // .NET reads at most seven digits of width; anything else is a FormatException.
                    let width = String(indexPart[indexPart.index(after: comma)...]).trimmedWhitespace
                    let digits = width.hasPrefix("-") ? width.dropFirst() : Substring(width)
                    guard (1...7).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let parsed = Int(width) else {
                        throw ConversionFailure("Input string was not in a correct format.")
                    }
                    alignment = parsed
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
                // A lone closing brace is a FormatException in .NET, as an unclosed opening one is.
                guard chars.first == "}" else { throw ConversionFailure("Input string was not in a correct format.") }
                chars.removeFirst()
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
        // DateTime, TimeSpan, Guid, …: the type's own ToString(string format), as IFormattable is used in .NET.
        if case .object(let o as DotNetObject) = value,
           let method = o.engine.types.instanceMethods(of: o.type, named: "ToString")
               .first(where: { $0.parameters.count == 1 && $0.parameters[0].type == "string" }) {
            let call = DotNetCall(engine: o.engine, this: value, args: [.string(format)], typeArguments: o.typeArguments)
            return LanguagePrimitives.toString(try method.body(call))
        }
        // .NET accepts precision specifiers up to 99.
        let precision = Int(format.dropFirst()).map { min(max($0, 0), 99) }
        switch first {
        case "N", "n":
            let d = LanguagePrimitives.toDouble(value) ?? 0
            return grouped(fixed(d, precision ?? 2))
        case "F", "f": return fixed(LanguagePrimitives.toDouble(value) ?? 0, precision ?? 2)
        case "D", "d":
            let i = LanguagePrimitives.toInt64(value) ?? 0
            let digits = String(i.magnitude)
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
