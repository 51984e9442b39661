/// Ties together the `FormattedData` objects one Format-List / Format-Table invocation emits, so
/// the formatter prints them as one sequence (one set of leading and trailing blank lines).
public final class FormatSequence {
    public init() {}
}

/// What Format-List and Format-Table write to the pipeline: their input already resolved to
/// labels and values (property names, wildcards and calculated properties expanded by the
/// cmdlet). `OutputFormatter` lays it out at its own width; Out-Default, Out-String and Out-File
/// print it. Scalars and error records piped to Format-* are passed on unchanged instead.
public final class FormattedData: PSObject {
    public enum Shape: Sendable {
        case list, table
    }

    public enum WideLayout: Sendable {
        case columns(Int)
        case autoSize
    }

    /// A table column: its header label, an explicit alignment (nil: decided by the first
    /// object's value) and an explicit width (nil: sized from the values).
    public struct Column {
        public var label: String
        public var alignment: FormatAlignment?
        public var width: Int?

        public init(label: String, alignment: FormatAlignment? = nil, width: Int? = nil) {
            self.label = label
            self.alignment = alignment
            self.width = width
        }
    }

    public let shape: Shape
    /// One entry per input object: its `(label, value)` pairs in display order. Table entries
    /// hold one pair per column, in column order (a missing property as `.null`).
    public let entries: [[(label: String, value: PSValue)]]
    /// Table columns; by default the first entry's labels.
    public let columns: [Column]
    public var autoSize: Bool
    public var wrap: Bool
    public var hideTableHeaders: Bool
    /// The group label printed between blank lines above the data, e.g. `   TypeName: X` of
    /// Get-Member; a new label within one sequence starts a new group.
    public var groupHeader: String?
    public let sequence: FormatSequence
    /// Format-Wide: each entry's one value, laid out across this many columns (or as many as the
    /// widest value allows with -AutoSize).
    public var wide: WideLayout?
    /// False when more `FormattedData` of the same sequence follow (a cmdlet that streams one
    /// object at a time); the last one closes the sequence.
    public let isLastInSequence: Bool

    public init(shape: Shape, entries: [[(label: String, value: PSValue)]], columns: [Column]? = nil,
                autoSize: Bool = false, wrap: Bool = false, hideTableHeaders: Bool = false,
                sequence: FormatSequence = FormatSequence(), isLastInSequence: Bool = true) {
        self.shape = shape
        self.entries = entries
        self.columns = columns ?? (entries.first ?? []).map { Column(label: $0.label) }
        self.autoSize = autoSize
        self.wrap = wrap
        self.hideTableHeaders = hideTableHeaders
        self.sequence = sequence
        self.isLastInSequence = isLastInSequence
        super.init(typeNames: ["Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData",
                               "Microsoft.PowerShell.Commands.Internal.Format.PacketInfoData", "System.Object"])
    }
}

/// Objects whose type declares a default display property set (types.ps1xml
/// `DefaultDisplayPropertySet`): Out-Default and Format-* without -Property show only these.
public protocol PSDefaultDisplayPropertySet: AnyObject {
    var defaultDisplayPropertySet: [String] { get }
}

/// Objects shown by a custom view of format.ps1xml (a `<CustomControl>`): Out-Default writes
/// their lines inside one format sequence (an empty line before, two after).
public protocol PSCustomView: AnyObject {
    var customViewLines: [String] { get }
}

/// Objects Out-Default shows as their text, as it shows a string (Get-Help's help objects, which
/// Windows renders through its help views).
public protocol PSTextView: AnyObject {
    var viewText: String { get }
}

/// Objects whose module declares a list view for their type (a format.ps1xml `ListControl`):
/// shown as a list of their default properties, however few.
public protocol PSListView: AnyObject {}

/// Which properties the formatter shows for an object, and in which shape.
public enum FormatSelection {
    /// At most this many columns in a table built from all properties.
    public static let maxTableColumns = 10
    /// Objects with more properties than this are shown as a list.
    public static let propertyCountForTable = 4

    /// The properties shown when none are named: the default display property set when the
    /// object has one, otherwise all its properties, in their order.
    public static func defaultProperties(of value: PSValue) -> [PSPropertyInfo] {
        let all = properties(of: value)
        if case .object(let object) = value, let set = (object as? PSDefaultDisplayPropertySet)?.defaultDisplayPropertySet {
            let selected = set.compactMap { name in all.first { $0.name.caseInsensitiveEquals(name) } }
            if !selected.isEmpty { return selected }
        }
        return all
    }

    /// Table for up to four default properties, list for more.
    public static func defaultShape(of value: PSValue) -> FormattedData.Shape {
        defaultProperties(of: value).count <= propertyCountForTable && !hasListView(value) ? .table : .list
    }

    public static func hasListView(_ value: PSValue) -> Bool {
        if case .object(let object) = value { return object is PSListView }
        return false
    }

    /// Every property of a value as the formatter sees it (also for values that are not PSObjects).
    public static func properties(of value: PSValue) -> [PSPropertyInfo] {
        switch value {
        case .object(let object): return object.properties
        case .string(let s): return [PSPropertyInfo(name: "Length", value: .int32(Int32(clamping: s.utf16.count)))]
        case .switchParameter(let b): return [PSPropertyInfo(name: "IsPresent", value: .bool(b))]
        case .array(let array):
            let count = PSValue.int32(Int32(clamping: array.items.count))
            return [
                PSPropertyInfo(name: "Length", value: count),
                PSPropertyInfo(name: "LongLength", value: .int64(Int64(array.items.count))),
                PSPropertyInfo(name: "Rank", value: .int32(1)),
                PSPropertyInfo(name: "SyncRoot", value: value),
                PSPropertyInfo(name: "IsReadOnly", value: .bool(false)),
                PSPropertyInfo(name: "IsFixedSize", value: .bool(true)),
                PSPropertyInfo(name: "IsSynchronized", value: .bool(false)),
                PSPropertyInfo(name: "Count", value: count),
            ]
        case .hashtable(let table):
            return [
                PSPropertyInfo(name: "IsReadOnly", value: .bool(false)),
                PSPropertyInfo(name: "IsFixedSize", value: .bool(false)),
                PSPropertyInfo(name: "IsSynchronized", value: .bool(false)),
                PSPropertyInfo(name: "Keys", value: .array(PSArray(table.keys))),
                PSPropertyInfo(name: "Values", value: .array(PSArray(table.values))),
                PSPropertyInfo(name: "SyncRoot", value: value),
                PSPropertyInfo(name: "Count", value: .int32(Int32(clamping: table.count))),
            ]
        default: return []
        }
    }

    /// The text a value shows in a table cell or list line (`{a, b, c, d...}` for collections).
    public static func displayText(of value: PSValue, enumerationLimit: Int = 4) -> String {
        FormatValue.displayText(value, enumerationLimit: enumerationLimit)
    }
}

/// `System.Collections.DictionaryEntry`: what formatting enumerates a hashtable into.
package class DictionaryEntryObject: PSObject {
    package let key: PSValue
    package let value: PSValue

    package init(key: PSValue, value: PSValue) {
        self.key = key
        self.value = value
        super.init(typeNames: ["System.Collections.DictionaryEntry", "System.ValueType", "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Name", value: key), PSPropertyInfo(name: "Key", value: key),
         PSPropertyInfo(name: "Value", value: value)]
    }

    package override func toString() -> String { "System.Collections.DictionaryEntry" }
}
