/// How a table column's cells line up (TextAlignment of the formatter).
public enum FormatAlignment: Sendable, Equatable {
    case left, center, right
}

/// The text the formatter shows for values (PSObjectHelper.SmartToString / FormatField) and the
/// value-type rules that pick out-of-band printing and column alignment.
package enum FormatValue {
    /// `$FormatEnumerationLimit`'s default.
    package static let defaultEnumerationLimit = 4

    /// A cell or list value: collections as `{a, b, c, d...}`, everything else its ToString().
    package static func displayText(_ value: PSValue, enumerationLimit: Int = defaultEnumerationLimit) -> String {
        switch value {
        case .null: return ""
        case .array(let array): return enumeration(array.items.lazy.map { elementName($0) }, limit: enumerationLimit)
        // A dictionary enumerates its entries, each named by its key.
        case .hashtable(let table): return enumeration(table.keys.lazy.map { elementName($0) }, limit: enumerationLimit)
        default: return toString(value)
        }
    }

    private static func enumeration<S: Sequence>(_ names: S, limit: Int) -> String where S.Element == String {
        var text = "{"
        var count = 0
        for name in names {
            if limit >= 0 && count == limit {
                text += "..."
                break
            }
            if count > 0 { text += ", " }
            text += name
            count += 1
        }
        return text + "}"
    }

    /// PSObjectHelper.GetObjectName: one element inside `{…}`.
    private static func elementName(_ value: PSValue) -> String {
        switch value {
        case .null: return "$null"
        case .array(let array): return array.typeName
        default: return toString(value)
        }
    }

    /// What `so.ToString()` gives for an object printed on its own line.
    package static func toString(_ value: PSValue) -> String {
        switch value {
        case .array(let array): return array.typeName
        case .hashtable(let table): return table.typeName
        default: return LanguagePrimitives.toString(value)
        }
    }

    /// DefaultScalarTypes: printed out of band as one line, right-aligned in tables (strings
    /// are scalars too but left-aligned). Enums are objects whose type names include System.Enum.
    package static func isScalar(_ value: PSValue) -> Bool {
        switch value {
        case .bool, .int32, .int64, .uint32, .uint64, .byte, .double, .decimal, .char, .string: return true
        case .object(let object): return object.typeNames.contains("System.Enum")
        default: return false
        }
    }

    /// ComputeDefaultAlignment: decided by the first object's value; strings, null and anything
    /// that is not a scalar type go left, the other scalar types right.
    package static func alignment(of value: PSValue) -> FormatAlignment {
        if case .string = value { return .left }
        return isScalar(value) ? .right : .left
    }
}
