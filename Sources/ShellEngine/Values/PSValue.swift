import CmdletParser
import FoundationEssentials

/// A PowerShell value. Scalars are stored inline; arrays, hashtables and objects are references,
/// as they are in PowerShell (`$b = $a; $b[0] = 1` changes `$a`).
public enum PSValue {
    case null
    case bool(Bool)
    case int32(Int32)
    case int64(Int64)
    case uint32(UInt32)
    case uint64(UInt64)
    case byte(UInt8)
    case double(Double)
    case decimal(Decimal)
    case char(Character)
    case string(String)
    case array(PSArray)
    case hashtable(PSHashtable)
    case object(PSObject)
    case scriptBlock(ScriptBlock)
    /// A type literal used as a value (`[int]`, `[System.IO.Path]`).
    case type(PSTypeInfo)
    /// `[switch]` parameters' values; behaves as a Boolean.
    case switchParameter(Bool)

    /// A number literal's value.
    package init(_ number: NumberValue) {
        switch number {
        case .int32(let v): self = .int32(v)
        case .int64(let v): self = .int64(v)
        case .double(let v): self = .double(v)
        case .decimal(let text): self = .decimal(Decimal(string: text) ?? 0)
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The .NET full type name PowerShell shows for this value (`System.Int32`, `System.Object[]`, …).
    public var typeName: String {
        switch self {
        case .null: return ""
        case .bool: return "System.Boolean"
        case .int32: return "System.Int32"
        case .int64: return "System.Int64"
        case .uint32: return "System.UInt32"
        case .uint64: return "System.UInt64"
        case .byte: return "System.Byte"
        case .double: return "System.Double"
        case .decimal: return "System.Decimal"
        case .char: return "System.Char"
        case .string: return "System.String"
        case .array(let a): return a.typeName
        case .hashtable(let h): return h.isOrdered ? "System.Collections.Specialized.OrderedDictionary"
                                                   : "System.Collections.Hashtable"
        case .object(let o): return o.typeNames.first ?? "System.Management.Automation.PSCustomObject"
        case .scriptBlock: return "System.Management.Automation.ScriptBlock"
        case .type: return "System.RuntimeType"
        case .switchParameter: return "System.Management.Automation.SwitchParameter"
        }
    }

    /// The short type name (`Int32`, `String`, `Object[]`), as `GetType().Name` gives it.
    public var shortTypeName: String {
        let full = typeName
        if let hash = full.firstIndex(of: "#") { return String(full[..<hash].split(separator: ".").last ?? "") }
        return String(full.split(separator: ".").last ?? Substring(full))
    }

    /// Custom objects and hashtables, whose properties are note properties.
    package var isPropertyBag: Bool {
        if case .object(let o) = self { return o is PSCustomObject }
        return false
    }

    public var isNumeric: Bool {
        switch self {
        case .int32, .int64, .uint32, .uint64, .byte, .double, .decimal: return true
        default: return false
        }
    }

    /// The elements when the value is enumerable the way the pipeline enumerates it; nil for scalars.
    /// Strings and hashtables are not enumerated, as in PowerShell.
    public var enumerated: [PSValue]? {
        if case .array(let a) = self { return a.items }
        return nil
    }
}

/// `System.Object[]` (or a typed array such as `System.Byte[]`), a reference type.
public final class PSArray {
    public var items: [PSValue]
    /// The element type shown in the type name: `Object` for `System.Object[]`.
    public var elementTypeName: String

    public init(_ items: [PSValue], elementTypeName: String = "System.Object") {
        self.items = items
        self.elementTypeName = elementTypeName
    }

    public var typeName: String { elementTypeName + "[]" }
}

/// Hashtable or ordered dictionary. Keys compare as PowerShell's hashtables do: strings
/// case-insensitively, other keys by value. Insertion order is always kept; an unordered
/// hashtable only differs in its type name.
public final class PSHashtable {
    public private(set) var keys: [PSValue] = []
    public private(set) var values: [PSValue] = []
    private var index: [HashKey: Int] = [:]
    public let isOrdered: Bool

    public init(ordered: Bool = false) {
        self.isOrdered = ordered
    }

    public var count: Int { keys.count }

    public subscript(key: PSValue) -> PSValue? {
        get { index[HashKey(key)].map { values[$0] } }
        set {
            let k = HashKey(key)
            if let v = newValue {
                if let i = index[k] { values[i] = v } else {
                    index[k] = keys.count
                    keys.append(key)
                    values.append(v)
                }
            } else if let i = index.removeValue(forKey: k) {
                keys.remove(at: i)
                values.remove(at: i)
                for (key, position) in index where position > i { index[key] = position - 1 }
            }
        }
    }

    public subscript(string key: String) -> PSValue? {
        get { self[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    public func containsKey(_ key: PSValue) -> Bool { index[HashKey(key)] != nil }

    public var entries: Zip2Sequence<[PSValue], [PSValue]> { zip(keys, values) }
}

/// A hashtable key: strings fold case, numbers compare by value.
package struct HashKey: Hashable {
    package let text: String
    package let kind: UInt8

    package init(_ value: PSValue) {
        switch value {
        case .string(let s): text = s.lowercased(); kind = 0
        case .char(let c): text = String(c).lowercased(); kind = 0
        case .int32, .int64, .uint32, .uint64, .byte, .double, .decimal:
            text = LanguagePrimitives.toString(value); kind = 1
        case .bool(let b), .switchParameter(let b): text = b ? "1" : "0"; kind = 2
        case .null: text = ""; kind = 3
        case .object(let o): text = "\(ObjectIdentifier(o).hashValue)"; kind = 4
        case .array(let a): text = "\(ObjectIdentifier(a).hashValue)"; kind = 4
        case .hashtable(let h): text = "\(ObjectIdentifier(h).hashValue)"; kind = 4
        case .scriptBlock(let s): text = "\(ObjectIdentifier(s).hashValue)"; kind = 4
        case .type(let t): text = t.fullName.lowercased(); kind = 5
        }
    }
}

/// A type known to the shell, as `[int]` or `$x.GetType()` shows it.
public struct PSTypeInfo: Hashable, Sendable {
    public let fullName: String

    public init(fullName: String) {
        self.fullName = fullName
    }

    public var name: String { String(fullName.split(separator: ".").last ?? Substring(fullName)) }
}
