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
    func resolve(_ object: PSValue, engine: Engine) throws -> [(label: String, value: PSValue)] {
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
        return [(label ?? name, .null)]
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

final class SelectObject: Cmdlet {
    private var selected: [PSValue] = []
    private var seen = 0
    private var uniques: [PSValue] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        // $null and AutomationNull input select nothing, as SelectObjectCommand.ProcessRecord.
        guard let input = input ?? context.value("InputObject"), !input.isNull else { return }
        seen += 1
        if let skip = context.value("Skip").flatMap({ LanguagePrimitives.toInt64($0) }), seen <= skip { return }
        let value = try project(input, context)
        for item in value {
            if context.switchValue("Unique") {
                if uniques.contains(where: { Operators.equals($0, item, caseSensitive: true) }) { continue }
                uniques.append(item)
            }
            if context.has("Last") || context.has("Index") {
                selected.append(item)
                // -Last holds only what it will write, so a long pipeline is not kept whole.
                if let last = context.value("Last").flatMap({ LanguagePrimitives.toInt64($0) }) {
                    let keep = Int(min(max(0, last), 1 << 40))
                    if selected.count >= 2 * keep + 4096 { selected.removeFirst(selected.count - keep) }
                }
                continue
            }
            if let first = context.value("First").flatMap({ LanguagePrimitives.toInt64($0) }) {
                if selected.count >= first { continue }
                selected.append(item)
            }
            try context.writeObject(item)
        }
    }

    func end(_ context: CommandContext) throws {
        if let last = context.value("Last").flatMap({ LanguagePrimitives.toInt64($0) }) {
            for item in selected.suffix(Int(max(0, last))) { try context.writeObject(item) }
        } else if let indices = context.value("Index") {
            for i in indices.enumerated ?? [indices] {
                if let n = LanguagePrimitives.toInt64(i), n >= 0, n < selected.count { try context.writeObject(selected[Int(n)]) }
            }
        }
    }

    private func project(_ input: PSValue, _ context: CommandContext) throws -> [PSValue] {
        if let expand = context.string("ExpandProperty") {
            let value = try context.engine.getMember(input, expand, isStatic: false, extent: .empty)
            if case .null = value, ObjectProperties.list(input).first(where: { $0.name.caseInsensitiveEquals(expand) }) == nil {
                try context.writeError(context.errorRecord(
                    message: "Property \"\(expand)\" cannot be found.", errorId: "ExpandPropertyNotFound",
                    category: .InvalidArgument, exceptionType: "System.Management.Automation.PSArgumentException",
                    target: input))
                return []
            }
            return value.enumerated ?? [value]
        }
        guard let properties = context.value("Property") else { return [input] }
        let result = PSCustomObject(typeNames: ["Selected." + (input.typeName.split(separator: "#").first.map(String.init) ?? "System.Object"),
                                                "System.Management.Automation.PSCustomObject", "System.Object"])
        for selector in (properties.enumerated ?? [properties]).map(PropertySelector.init) {
            for (label, value) in try selector.resolve(input, engine: context.engine) {
                let declared = ObjectProperties.list(input).first { $0.name == label }?.typeName
                result.add(label, value, typeName: declared)
            }
        }
        return [.object(result)]
    }
}

final class SortObject: Cmdlet {
    private var items: [PSValue] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { items.append(input) }
    }

    func end(_ context: CommandContext) throws {
        let selectors = (context.value("Property").map { $0.enumerated ?? [$0] } ?? []).map(PropertySelector.init)
        let caseSensitive = context.switchValue("CaseSensitive")
        var keyed: [(PSValue, [PSValue])] = []
        for item in items {
            var keys: [PSValue] = []
            if selectors.isEmpty { keys = [item] }
            for s in selectors { keys.append(try s.resolve(item, engine: context.engine).first?.value ?? .null) }
            keyed.append((item, keys))
        }
        let descending = context.switchValue("Descending")
        keyed.sort { a, b in
            for (x, y) in zip(a.1, b.1) {
                let order = Operators.ordering(x, y, caseSensitive: caseSensitive) ?? 0
                if order != 0 { return descending ? order > 0 : order < 0 }
            }
            return false
        }
        var last: PSValue?
        for (item, _) in keyed {
            if context.switchValue("Unique"), let last, Operators.equals(last, item, caseSensitive: caseSensitive) { continue }
            last = item
            try context.writeObject(item)
        }
    }
}

/// Format-List and Format-Table: resolve the properties, then hand Out-Default the formatted data.
final class FormatCmdlet: Cmdlet {
    let shape: FormattedData.Shape
    private var entries: [[(label: String, value: PSValue)]] = []
    private var passthrough: [PSValue] = []

    init(shape: FormattedData.Shape) { self.shape = shape }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        switch input {
        case .object, .hashtable: break
        default:
            passthrough.append(input)
            return
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
        } else {
            var properties = FormatSelection.defaultProperties(of: input)
            if shape == .table { properties = Array(properties.prefix(FormatSelection.maxTableColumns)) }
            entries.append(properties.map { ($0.name, $0.value) })
        }
    }

    func end(_ context: CommandContext) throws {
        for value in passthrough { try context.writeObject(value) }
        guard !entries.isEmpty else { return }
        try context.writeObject(.object(FormattedData(shape: shape, entries: entries,
                                                      autoSize: context.switchValue("AutoSize"),
                                                      wrap: context.switchValue("Wrap"),
                                                      hideTableHeaders: context.switchValue("HideTableHeaders"))))
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
