import ShellEngine
/// A property selection of Select-Object, Sort-Object, Format-List and Format-Table: a name
/// (wildcards allowed) or a calculated property `@{Name=…; Expression=…}`.
struct PropertySelector {
    let label: String?
    let name: String?
    let expression: ScriptBlock?

    init(_ value: PSValue) {
        if case .hashtable(let h) = value {
            let key = { (names: [String]) -> PSValue? in
                h.entries.first { k, _ in names.contains { LanguagePrimitives.toString(k).caseInsensitiveEquals($0) } }?.1
            }
            label = key(["Name", "N", "Label", "L"]).map { LanguagePrimitives.toString($0) }
            let expr = key(["Expression", "E"])
            if case .scriptBlock(let b)? = expr { expression = b; name = nil } else {
                expression = nil
                name = expr.map { LanguagePrimitives.toString($0) }
            }
        } else if case .scriptBlock(let b) = value {
            label = b.text.trimmedWhitespace
            name = nil
            expression = b
        } else {
            label = nil
            name = LanguagePrimitives.toString(value)
            expression = nil
        }
    }

    /// The (label, value) pairs this selector yields for an object.
    /// A name that is no property yields $null, or nothing when `missingAsNull` is false.
    func resolve(_ object: PSValue, engine: Engine, missingAsNull: Bool = true) throws -> [(label: String, value: PSValue)] {
        if let expression {
            let value = try engine.invokeScriptBlockInCurrentScope(expression, dollarUnder: object)
            return [(label ?? expression.text.trimmedWhitespace, value)]
        }
        guard let name else { return [] }
        let properties = ObjectProperties.list(object)
        if WildcardPattern.hasWildcards(name) {
            let pattern = WildcardPattern(name)
            return properties.filter { pattern.matches($0.name) }.map { ($0.name, $0.value) }
        }
        if let match = properties.first(where: { $0.name.caseInsensitiveEquals(name) }) {
            return [(label ?? match.name, match.value)]
        }
        if case .object(let o) = object, let v = o.property(name) { return [(label ?? name, v)] }
        // A member that is no entry of a dictionary (Keys, Count) or a property of a .NET value.
        if case .hashtable = object, let v = try? engine.getMember(object, name, isStatic: false, extent: .empty), !v.isNull {
            return [(label ?? name, v)]
        }
        return missingAsNull ? [(label ?? name, .null)] : []
    }
}

/// The properties of any value as formatting and selection see them.
enum ObjectProperties {
    static func list(_ value: PSValue) -> [PSPropertyInfo] {
        switch value {
        case .object(let o): return o.properties
        case .hashtable(let h):
            return h.entries.map { PSPropertyInfo(name: LanguagePrimitives.toString($0.0), value: $0.1) }
        case .string(let s): return [PSPropertyInfo(name: "Length", value: .int32(Int32(s.utf16.count)))]
        default: return []
        }
    }
}

/// Select-Object as SelectObjectCommand: -Skip, -First and -Last through one queue, -SkipLast,
/// -Index, -Unique (written at the end), -Property/-ExcludeProperty/-ExpandProperty.
final class SelectObject: Cmdlet {
    private var queue: [PSValue] = []
    private var first = 0, last = 0, skip = 0, skipLast = 0
    private var firstOrLast = false
    private var streamed = 0
    private var indices: [Int]?
    private var indexCursor = 0, objectIndex = 0
    private var uniques: [(object: PSValue, notes: [(String, PSValue)])]?
    private var selectors: [PropertySelector] = []
    private var exclusions: [WildcardPattern] = []
    private var ended = false

    func begin(_ context: CommandContext) throws {
        let int = { (name: String) in context.value(name).flatMap { LanguagePrimitives.toInt64($0) }.map { Int(clamping: $0) } }
        first = max(0, int("First") ?? 0)
        last = max(0, int("Last") ?? 0)
        skip = max(0, int("Skip") ?? 0)
        skipLast = max(0, int("SkipLast") ?? 0)
        firstOrLast = context.has("First") || context.has("Last")
        if let index = context.value("Index") {
            indices = (index.enumerated ?? [index]).compactMap { LanguagePrimitives.toInt64($0) }.map { Int(clamping: $0) }.sorted()
        }
        if context.switchValue("Unique") { uniques = [] }
        if let properties = context.value("Property") {
            selectors = (properties.enumerated ?? [properties]).map(PropertySelector.init)
            for selector in selectors where (selector.label ?? "").isEmpty {
                if let expression = selector.expression, expression.text.trimmedWhitespace.isEmpty {
                    try context.throwTerminatingError(context.errorRecord(
                        message: "A property is an empty script block and does not provide a name.",
                        errorId: "EmptyScriptBlockAndNoName", category: .InvalidArgument,
                        exceptionType: "System.Management.Automation.PSArgumentException"))
                }
            }
        }
        if let excluded = context.value("ExcludeProperty"), !selectors.isEmpty {
            exclusions = (excluded.enumerated ?? [excluded]).map { WildcardPattern(LanguagePrimitives.toString($0)) }
        }
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        // $null and AutomationNull input select nothing, as SelectObjectCommand.ProcessRecord.
        guard let input = input ?? context.value("InputObject"), !input.isNull else { return }
        if let indices {
            if indexCursor < indices.count, indices[indexCursor] == objectIndex {
                try processObject(input, context)
                while indexCursor < indices.count, indices[indexCursor] == objectIndex { indexCursor += 1 }
            }
            objectIndex += 1
            if indexCursor >= indices.count && !context.switchValue("Wait") { try stop(context) }
            return
        }
        enqueue(input)
        if let streaming = streamingDequeue() { try processObject(streaming, context) }
        if firstOrLast && last == 0 && first != 0 && streamed >= first && !context.switchValue("Wait") {
            try stop(context)
        }
    }

    func end(_ context: CommandContext) throws {
        guard !ended else { return }
        ended = true
        if indices == nil && skipLast == 0 {
            if first != 0 {
                while !queue.isEmpty { try processObject(queue.removeFirst(), context) }
            } else {
                while queue.count > skip { try processObject(queue.removeFirst(), context) }
            }
        }
        for unique in uniques ?? [] { try context.writeObject(unique.object) }
    }

    /// Everything asked for has been written: the rest of the pipeline's input is not produced.
    private func stop(_ context: CommandContext) throws {
        throw context.stopUpstream()
    }

    private func enqueue(_ value: PSValue) {
        if last > 0 && first == 0 && queue.count >= last + skip {
            queue.removeFirst()
        } else if last > 0 && first != 0 && queue.count >= last {
            queue.removeFirst()
        }
        queue.append(value)
    }

    private func streamingDequeue() -> PSValue? {
        if skip == 0 {
            if skipLast > 0 {
                return queue.count > skipLast ? queue.removeFirst() : nil
            }
            if streamed < first || !firstOrLast {
                streamed += 1
                return queue.removeFirst()
            }
            if last == 0 { queue.removeFirst() }
        } else if last == 0 {
            queue.removeFirst()
            skip -= 1
        } else if first != 0 {
            skip -= 1
            queue.removeFirst()
        }
        return nil
    }

    private func processObject(_ input: PSValue, _ context: CommandContext) throws {
        let expand = context.string("ExpandProperty").flatMap { $0.isEmpty ? nil : $0 }
        if selectors.isEmpty && expand == nil {
            try filteredWrite(input, notes: [], context)
            return
        }
        var notes: [(String, PSValue)] = []
        for selector in selectors {
            for (label, value) in try selector.resolve(input, engine: context.engine)
            where !exclusions.contains(where: { $0.matches(label) }) {
                notes.append((label, value))
            }
        }
        guard let expand else {
            let result = PSCustomObject(typeNames: ["System.Management.Automation.PSCustomObject", "System.Object"])
            var names = Set<String>()
            for (label, value) in notes {
                if names.insert(label.lowercased()).inserted {
                    let declared = ObjectProperties.list(input).first { $0.name == label }?.typeName
                    result.add(label, value, typeName: declared)
                } else {
                    try writeAlreadyExisting(label, input, "AlreadyExistingUserSpecifiedPropertyNoExpand", context)
                }
            }
            try filteredWrite(.object(result), notes: notes, selectedFrom: input, context)
            return
        }
        let matches = try PropertySelector(.string(expand)).resolve(input, engine: context.engine, missingAsNull: false)
        if matches.count != 1 {
            let many = matches.count > 1
            try context.writeError(context.errorRecord(
                message: many ? "Multiple properties cannot be expanded." : "Property \"\(expand)\" cannot be found.",
                errorId: many ? "MutlipleExpandProperties" : "ExpandPropertyNotFound",
                category: .InvalidArgument, exceptionType: "System.Management.Automation.PSArgumentException",
                target: input))
            return
        }
        let value = matches[0].value
        if value.isNull { return }
        for item in (value.enumerated ?? [value]) where !item.isNull {
            if !notes.isEmpty {
                if case .object(let object as PSCustomObject) = item {
                    for (label, noteValue) in notes {
                        if object.property(label) != nil {
                            try writeAlreadyExisting(label, input, "AlreadyExistingUserSpecifiedPropertyExpand", context)
                        } else {
                            object.add(label, noteValue)
                        }
                    }
                }
            }
            try filteredWrite(item, notes: notes, context)
        }
    }

    private func writeAlreadyExisting(_ name: String, _ input: PSValue, _ errorId: String, _ context: CommandContext) throws {
        try context.writeError(context.errorRecord(
            message: "The property cannot be processed because the property \"\(name)\" already exists.",
            errorId: errorId, category: .InvalidOperation,
            exceptionType: "System.Management.Automation.PSArgumentException", target: input))
    }

    private func filteredWrite(_ object: PSValue, notes: [(String, PSValue)], selectedFrom input: PSValue? = nil,
                               _ context: CommandContext) throws {
        if uniques != nil {
            let caseSensitive = true
            let duplicate = uniques!.contains { unique in
                guard unique.notes.count == notes.count else { return false }
                if notes.isEmpty { return ObjectComparer.compare(unique.object, object, caseSensitive: caseSensitive) == 0 }
                return zip(unique.notes, notes).allSatisfy { a, b in
                    a.0.caseInsensitiveEquals(b.0) && ObjectComparer.compare(a.1, b.1, caseSensitive: caseSensitive) == 0
                }
            }
            if duplicate { return }
            markSelected(object, from: input ?? object)
            uniques!.append((object, notes))
            return
        }
        markSelected(object, from: input ?? object)
        try context.writeObject(object)
    }

    /// A custom object Select-Object writes is of type `Selected.<input type>`.
    private func markSelected(_ object: PSValue, from input: PSValue) {
        guard case .object(let custom as PSCustomObject) = object else { return }
        let base: String
        if case .object(let o) = input, o is PSCustomObject {
            base = "System.Management.Automation.PSCustomObject"
        } else {
            base = input.typeName.split(separator: "#").first.map(String.init) ?? "System.Object"
        }
        let typeName = "Selected." + base
        if custom.typeNames.first != typeName { custom.typeNames.insert(typeName, at: 0) }
    }
}

/// ObjectCommandComparer: the ordering Sort-Object, Select-Object -Unique and Get-Unique use;
/// values that cannot be ordered compare as their text.
enum ObjectComparer {
    static func compare(_ a: PSValue, _ b: PSValue, caseSensitive: Bool, culture: Bool = false) -> Int {
        if a.isNull && b.isNull { return 0 }
        if a.isNull { return -nullOrder(b) }
        if b.isNull { return nullOrder(a) }
        if culture, case .string(let x) = a { return cultureCompare(x, LanguagePrimitives.toString(b), caseSensitive: caseSensitive) }
        if let order = Operators.ordering(a, b, caseSensitive: caseSensitive) { return order }
        let x = LanguagePrimitives.toString(a), y = LanguagePrimitives.toString(b)
        if culture { return cultureCompare(x, y, caseSensitive: caseSensitive) }
        let l = caseSensitive ? x : x.lowercased(), r = caseSensitive ? y : y.lowercased()
        return l == r ? 0 : (l < r ? -1 : 1)
    }

    /// LanguagePrimitives.CompareObjectToNull: a negative number is less than $null, anything else greater.
    private static func nullOrder(_ value: PSValue) -> Int {
        switch value {
        case .int32, .int64, .double, .decimal:
            return (LanguagePrimitives.toDouble(value) ?? 0) < 0 ? -1 : 1
        default:
            return 1
        }
    }

    /// The current culture's comparison: letters by their case-folded order first; with case
    /// significant, a lower-case letter sorts before its capital.
    static func cultureCompare(_ x: String, _ y: String, caseSensitive: Bool) -> Int {
        let l = x.lowercased(), r = y.lowercased()
        if l != r { return l < r ? -1 : 1 }
        guard caseSensitive, x != y else { return 0 }
        for (c, d) in zip(x, y) where c != d {
            return c.isLowercase ? -1 : (d.isLowercase ? 1 : (String(c) < String(d) ? -1 : 1))
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }
}

/// Sort-Object as SortObjectCommand: each object's keys (missing properties last), the
/// hashtable keys' own Ascending/Descending, .NET's List.Sort (so equal keys come out in the order
/// Windows gives), then -Unique keeps the first of equal keys.
final class SortObject: Cmdlet {
    private var items: [PSValue] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { items.append(input) }
    }

    private struct Key {
        let selector: PropertySelector?
        let ascending: Bool?
    }

    /// A hashtable entry's key matches a name by prefix (`e`, `asc`, `desc`), as format parameters do.
    private static func entry(_ table: PSHashtable, _ name: String) -> PSValue? {
        table.entries.first { k, _ in
            let key = LanguagePrimitives.toString(k).lowercased()
            return !key.isEmpty && name.hasPrefix(key)
        }?.1
    }

    func end(_ context: CommandContext) throws {
        guard !items.isEmpty else { return }
        let descending = context.switchValue("Descending")
        var keys: [Key] = []
        for value in context.value("Property").map({ $0.enumerated ?? [$0] }) ?? [] {
            if case .hashtable(let table) = value {
                let expression = Self.entry(table, "expression") ?? .null
                let asc = Self.entry(table, "ascending").map(LanguagePrimitives.isTrue)
                let desc = Self.entry(table, "descending").map(LanguagePrimitives.isTrue)
                var ascending: Bool?
                switch (asc, desc) {
                case let (a?, d?): ascending = a == d ? nil : a
                case let (a?, nil): ascending = a
                case let (nil, d?): ascending = !d
                default: ascending = nil
                }
                keys.append(Key(selector: PropertySelector(expression), ascending: ascending))
            } else {
                keys.append(Key(selector: PropertySelector(value), ascending: nil))
            }
        }
        if keys.isEmpty { keys = [Key(selector: nil, ascending: nil)] }
        let caseSensitive = context.switchValue("CaseSensitive")
        // nil: the object has no such property (sorted after every value).
        var rows: [(item: PSValue, values: [PSValue?])] = []
        for item in items {
            var values: [PSValue?] = []
            for key in keys {
                guard let selector = key.selector else { values.append(item); continue }
                if selector.expression != nil {
                    values.append(try selector.resolve(item, engine: context.engine).first?.value ?? .null)
                } else {
                    values.append(try selector.resolve(item, engine: context.engine, missingAsNull: false).first?.value)
                }
            }
            rows.append((item, values))
        }
        let directions = keys.map { $0.ascending ?? !descending }
        let compare = { (a: [PSValue?], b: [PSValue?]) -> Int in
            for (k, ascending) in directions.enumerated() {
                let order: Int
                switch (a[k], b[k]) {
                case (nil, nil): order = 0
                case (nil, _): order = 1
                case (_, nil): order = -1
                case let (x?, y?): order = ObjectComparer.compare(x, y, caseSensitive: caseSensitive, culture: true) * (ascending ? 1 : -1)
                }
                if order != 0 { return order }
            }
            return 0
        }
        DotNetSort.sort(&rows) { compare($0.values, $1.values) }
        var last: [PSValue?]?
        for row in rows {
            if context.switchValue("Unique") {
                if let last, compare(last, row.values) == 0 { continue }
                last = row.values
            }
            try context.writeObject(row.item)
        }
    }
}

/// List<T>.Sort of .NET Framework (introspective sort): not stable, and the order it leaves equal
/// elements in is part of what Sort-Object shows.
enum DotNetSort {
    static func sort<T>(_ keys: inout [T], _ compare: (T, T) -> Int) {
        guard keys.count >= 2 else { return }
        var n = keys.count, log = 0
        while n >= 1 { log += 1; n /= 2 }
        introSort(&keys, 0, keys.count - 1, 2 * log, compare)
    }

    private static func swapIfGreater<T>(_ keys: inout [T], _ compare: (T, T) -> Int, _ a: Int, _ b: Int) {
        if a != b && compare(keys[a], keys[b]) > 0 { keys.swapAt(a, b) }
    }

    private static func introSort<T>(_ keys: inout [T], _ lo: Int, _ high: Int, _ depth: Int, _ compare: (T, T) -> Int) {
        var hi = high, depthLimit = depth
        while hi > lo {
            let size = hi - lo + 1
            if size <= 16 {
                if size == 2 { swapIfGreater(&keys, compare, lo, hi); return }
                if size == 3 {
                    swapIfGreater(&keys, compare, lo, hi - 1)
                    swapIfGreater(&keys, compare, lo, hi)
                    swapIfGreater(&keys, compare, hi - 1, hi)
                    return
                }
                insertionSort(&keys, lo, hi, compare)
                return
            }
            if depthLimit == 0 { heapSort(&keys, lo, hi, compare); return }
            depthLimit -= 1
            let p = partition(&keys, lo, hi, compare)
            introSort(&keys, p + 1, hi, depthLimit, compare)
            hi = p - 1
        }
    }

    private static func partition<T>(_ keys: inout [T], _ lo: Int, _ hi: Int, _ compare: (T, T) -> Int) -> Int {
        let middle = lo + ((hi - lo) >> 1)
        swapIfGreater(&keys, compare, lo, middle)
        swapIfGreater(&keys, compare, lo, hi)
        swapIfGreater(&keys, compare, middle, hi)
        let pivot = keys[middle]
        keys.swapAt(middle, hi - 1)
        var left = lo, right = hi - 1
        while left < right {
            left += 1
            while compare(keys[left], pivot) < 0 { left += 1 }
            right -= 1
            while compare(pivot, keys[right]) < 0 { right -= 1 }
            if left >= right { break }
            keys.swapAt(left, right)
        }
        if left != hi - 1 { keys.swapAt(left, hi - 1) }
        return left
    }

    private static func insertionSort<T>(_ keys: inout [T], _ lo: Int, _ hi: Int, _ compare: (T, T) -> Int) {
        var i = lo
        while i < hi {
            var j = i
            let t = keys[i + 1]
            while j >= lo && compare(t, keys[j]) < 0 {
                keys[j + 1] = keys[j]
                j -= 1
            }
            keys[j + 1] = t
            i += 1
        }
    }

    private static func heapSort<T>(_ keys: inout [T], _ lo: Int, _ hi: Int, _ compare: (T, T) -> Int) {
        let n = hi - lo + 1
        var i = n / 2
        while i >= 1 { downHeap(&keys, i, n, lo, compare); i -= 1 }
        i = n
        while i > 1 {
            keys.swapAt(lo, lo + i - 1)
            downHeap(&keys, 1, i - 1, lo, compare)
            i -= 1
        }
    }

    private static func downHeap<T>(_ keys: inout [T], _ start: Int, _ n: Int, _ lo: Int, _ compare: (T, T) -> Int) {
        var i = start
        let d = keys[lo + i - 1]
        while i <= n / 2 {
            var child = 2 * i
            if child < n && compare(keys[lo + child - 1], keys[lo + child]) < 0 { child += 1 }
            if !(compare(d, keys[lo + child - 1]) < 0) { break }
            keys[lo + i - 1] = keys[lo + child - 1]
            i = child
        }
        keys[lo + i - 1] = d
    }
}

/// Format-List and Format-Table: resolve the properties, then hand Out-Default the formatted data.
final class FormatCmdlet: Cmdlet {
    let shape: FormattedData.Shape
    private var entries: [[(label: String, value: PSValue)]] = []
    /// With -GroupBy, each entry's group label (`   Status: Running`).
    private var groups: [String?] = []
    private var passthrough: [PSValue] = []
    /// The columns of the table view the first object was shown by (no -Property).
    private var viewColumns: [FormattedData.Column]?

    init(shape: FormattedData.Shape) { self.shape = shape }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject"), !input.isNull else { return }
        // A dictionary is formatted entry by entry: in its own Name/Value view, or by the properties asked for.
        if case .hashtable(let table) = input {
            if !context.has("Property") && shape == .list {
                for (key, value) in table.entries {
                    entries.append([("Name", key), ("Value", value)])
                    groups.append(nil)
                }
                return
            }
            if !context.has("Property") {
                if table.count > 0 { passthrough.append(input) }
                return
            }
            for (key, value) in table.entries { try add(.object(DictionaryEntryObject(key: key, value: value)), context) }
            return
        }
        switch input {
        case .object: break
        // -Force formats even a value that is shown as itself, such as a string.
        case _ where context.switchValue("Force") && context.has("Property"): break
        default:
            passthrough.append(input)
            return
        }
        try add(input, context)
    }

    private func add(_ input: PSValue, _ context: CommandContext) throws {
        if let groupBy = context.value("GroupBy") {
            // FormatAndOut_format_xxx.GroupStartDataIndentedAutoGeneratedLabel: `   {0}: ` and the value.
            let key = try PropertySelector(groupBy).resolve(input, engine: context.engine).first
            groups.append("   " + (key?.label ?? "") + ": " + FormatValue.displayText(key?.value ?? .null))
        } else {
            groups.append(nil)
        }
        if let properties = context.value("Property") {
            var entry: [(label: String, value: PSValue)] = []
            for selector in (properties.enumerated ?? [properties]).map(PropertySelector.init) {
                entry.append(contentsOf: try selector.resolve(input, engine: context.engine))
            }
            if shape == .list {
                let names = Set(ObjectProperties.list(input).map { $0.name.lowercased() })
                entry = entry.filter { e in names.contains(e.label.lowercased()) || !(properties.enumerated ?? [properties]).contains {
                    if case .string(let s) = $0 { return s.caseInsensitiveEquals(e.label) } else { return false } } }
            }
            entries.append(entry)
        } else if shape == .table, let view = FormatView.view(for: input, declared: context.engine.declaredViews) {
            // Without -Property, Format-Table shows an object by its type's table view, as Out-Default does.
            let header = view.header
            if viewColumns == nil {
                let autoSize = context.switchValue("AutoSize")
                viewColumns = header.labels.indices.map { index in
                    FormattedData.Column(label: header.labels[index], alignment: header.alignments[index],
                                         width: autoSize || header.widths[index] == 0 ? nil : header.widths[index])
                }
            }
            let cells = view.row(input) { FormatValue.displayText($0) }
            entries.append(header.labels.indices.map { (header.labels[$0], .string($0 < cells.count ? cells[$0] : "")) })
        } else {
            var properties = FormatSelection.defaultProperties(of: input)
            if shape == .table { properties = Array(properties.prefix(FormatSelection.maxTableColumns)) }
            entries.append(properties.map { ($0.name, $0.value) })
        }
    }

    func end(_ context: CommandContext) throws {
        for value in passthrough { try context.writeObject(value) }
        guard !entries.isEmpty else { return }
        // One FormattedData per run of entries under the same group label, in one sequence.
        let sequence = FormatSequence()
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && groups[end] == groups[start] { end += 1 }
            let data = FormattedData(shape: shape, entries: Array(entries[start..<end]), columns: viewColumns,
                                     autoSize: context.switchValue("AutoSize"), wrap: context.switchValue("Wrap"),
                                     hideTableHeaders: context.switchValue("HideTableHeaders"),
                                     sequence: sequence, isLastInSequence: end == entries.count)
            data.groupHeader = groups[start]
            try context.writeObject(.object(data))
            start = end
        }
    }
}

/// Format-Wide: one value per object (the named property, a folder's `[name]`, or the first
/// default property), laid out in columns by Out-Default.
final class FormatWide: Cmdlet {
    static let viewAndProperty = "Cmdlet parameters View and Property are mutually exclusive."
    private var entries: [[(label: String, value: PSValue)]] = []

    func begin(_ context: CommandContext) throws {
        guard context.has("View") && context.has("Property") else { return }
        throw RuntimeError(record: context.errorRecord(message: Self.viewAndProperty, errorId: "FormatCannotSpecifyViewAndProperty",
            category: .InvalidArgument, exceptionType: "System.IO.InvalidDataException"))
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject"), !input.isNull else { return }
        if let view = context.string("View") {
            // The shell defines no named wide views.
            let type = (input.enumerated?.first ?? input).typeName
            throw RuntimeError(record: context.errorRecord(
                message: "The view name \(view) cannot be found. There are no existing Format-Wide views for \(type) objects.",
                errorId: "FormatViewNotFound", category: .ObjectNotFound,
                exceptionType: "System.Management.Automation.PipelineStoppedException", target: .string(view)))
        }
        // A dictionary is shown entry by entry, each by its key (the DictionaryEntry view).
        if case .hashtable(let table) = input, !context.has("Property") {
            for (key, _) in table.entries { entries.append([("", key)]) }
            return
        }
        let value: PSValue
        if let property = context.value("Property") {
            value = try PropertySelector(property).resolve(input, engine: context.engine).first?.value ?? .null
        } else if case .object(let item as FileSystemInfoObject) = input {
            value = .string(item.isDirectory ? "[" + item.name + "]" : item.name)
        } else if FormatValue.isScalar(input) {
            value = input
        } else {
            value = FormatSelection.defaultProperties(of: input).first?.value ?? input
        }
        entries.append([("", value)])
    }

    func end(_ context: CommandContext) throws {
        guard !entries.isEmpty else { return }
        let data = FormattedData(shape: .table, entries: entries, hideTableHeaders: true)
        if context.switchValue("AutoSize") {
            data.wide = .autoSize
        } else {
            data.wide = .columns(context.value("Column").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(clamping: $0) } ?? 2)
        }
        try context.writeObject(.object(data))
    }
}
