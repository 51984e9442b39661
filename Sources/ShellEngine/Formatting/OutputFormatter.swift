/// What Out-Default (and Out-String) print for the objects of one console input, as Windows
/// PowerShell 5.1's `format-default` + `Out-Default` print them.
///
/// Feed every pipeline object to `process(_:)` and write what it returns at once; call `finish()`
/// at the end of the input and write that too. Text comes back as whole lines, each ending in "\n".
///
/// - Scalars (strings, Booleans, numbers, chars, enums), property-less objects and error records
///   are printed out of band: one line each (an error record as its error view), no blank lines.
/// - The first other object opens a format sequence and fixes its shape: a table for up to four
///   properties, else a list. Later objects go into the same table (the first object's columns)
///   or list (their own properties). Hashtables show as a Name/Value table, type literals as
///   PowerShell's type table.
/// - A table whose view fixes no widths is held back for 5.1's grouping window (300 ms; the whole
///   group with -AutoSize), sized to the widest values held, then streamed row by row.
/// - `FormattedData` from Format-List / Format-Table is printed as its own sequence.
public final class OutputFormatter {
    /// Console buffer width (chunking of error views).
    public let width: Int
    /// Usable width (`ColumnNumber`) for wrapping, tables and lists.
    public let columns: Int
    public let errorView: ErrorViewKind
    /// `$FormatEnumerationLimit`.
    public var enumerationLimit = FormatValue.defaultEnumerationLimit
    /// The table views modules declared, by type name.
    package var declaredViews: [String: TableViewDefinition] = [:]

    private var backend: FormatBackend
    private var document: Document = .none

    private enum Document {
        case none
        /// A table built from the first object's property names.
        case propertyTable(names: [String])
        case list
        /// A table of a format view (hashtable entries, types, members); other objects print out of
        /// band. `group`: the current value of the view's grouping key.
        case viewTable(FormatView, group: String?)
        case explicit(FormatSequence, group: String?)
        /// A custom view: each object is its own lines (System.DateTime's `DateTime` view, `PSCustomView`
        /// objects such as Select-String's matches).
        case custom
    }

    /// `width` is the console buffer width: lines are laid out in `width - 1` columns, as the
    /// console host does. `columns` overrides that (Out-String -Width).
    public init(width: Int, columns: Int? = nil, errorView: ErrorViewKind = .normalView) {
        // Wider than any console buffer (32767) only pads lines with blanks; the cap keeps a
        // `-Width 2147483647` from building gigabyte lines.
        let width = Swift.min(width, Self.maximumWidth)
        let usable = Swift.min(columns ?? (width - 1), Self.maximumWidth)
        self.width = width
        self.columns = usable
        self.errorView = errorView
        self.backend = FormatBackend(columns: usable)
    }

    package static let maximumWidth = 32767

    /// The text to write now for one pipeline object (often "" while a table is being collected).
    /// `stream`: `.error` for an error record of the error stream (merged into Out-Default as the
    /// console does, so it keeps its place among held-back table rows).
    public func process(_ value: PSValue, stream: HostStream = .output) -> String {
        // The common case, a scalar outside a held-back table, skips the packet machinery.
        if !backend.isCaching {
            switch value {
            case .bool, .int32, .int64, .uint32, .uint64, .byte, .double, .decimal, .char:
                return LanguagePrimitives.toString(value) + "\n"
            case .string(let s):
                return s + "\n"
            default:
                break
            }
        }
        return join(output(value, stream: stream).map(\.text))
    }

    /// Writes what `process` returns to a host, each run of lines to its own stream.
    public func write(_ value: PSValue, stream: HostStream = .output, to host: PSHostUserInterface) {
        Self.write(output(value, stream: stream), to: host)
    }

    /// Writes a held table whose grouping window has passed.
    public func flushIfDue(to host: PSHostUserInterface) {
        let lines = backend.flushIfDue()
        if !lines.isEmpty { Self.write(lines, to: host) }
    }

    /// Writes what `finish` returns to a host, each run of lines to its own stream.
    public func finish(to host: PSHostUserInterface) {
        Self.write(finishOutput(), to: host)
    }

    private static func write(_ lines: [OutputLine], to host: PSHostUserInterface) {
        var start = 0
        while start < lines.count {
            let stream = lines[start].stream
            var end = start
            var text = ""
            while end < lines.count && lines[end].stream == stream {
                text += lines[end].text + "\n"
                end += 1
            }
            host.write(text, stream: stream)
            start = end
        }
    }


    /// The text still pending at the end of the input: held table rows and the closing blank lines.
    public func finish() -> String { join(finishLines()) }

    private func output(_ value: PSValue, stream: HostStream) -> [OutputLine] {
        packets(for: value, stream: stream).flatMap { backend.consume($0) }
    }

    private func finishOutput() -> [OutputLine] {
        closeDocument().flatMap { backend.consume($0) }
    }

    /// Each element is one WriteLine of the output (Out-String -Stream writes one string per element).
    package func processLines(_ value: PSValue) -> [String] { output(value, stream: .output).map(\.text) }

    package func finishLines() -> [String] { finishOutput().map(\.text) }

    private func join(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            text += line
            text += "\n"
        }
        return text
    }

    // MARK: format-default

    private func packets(for value: PSValue, stream: HostStream) -> [FormatPacket] {
        switch value {
        case .null:
            return []
        case .object(let data as FormattedData):
            return formattedPackets(data)
        case .array(let array):
            // The formatter enumerates one level, as format-default does.
            return array.items.flatMap { objectPackets($0, stream: stream) }
        case .hashtable(let table):
            return table.entries.flatMap {
                objectPackets(.object(DictionaryEntryObject(key: $0.0, value: $0.1)), stream: stream)
            }
        default:
            return objectPackets(value, stream: stream)
        }
    }

    private func objectPackets(_ value: PSValue, stream: HostStream) -> [FormatPacket] {
        if case .null = value { return [] }
        if case .object(let data as FormattedData) = value { return formattedPackets(data) }
        if let outOfBand = outOfBandPacket(value, stream: stream) { return [outOfBand] }

        var packets: [FormatPacket] = []
        if let lines = customViewLines(value) {
            if case .custom = document {} else {
                packets += closeDocument()
                document = .custom
                packets += [.formatStart(.custom), .groupStart(label: nil)]
            }
            packets.append(.customEntry(lines))
            return packets
        }
        switch document {
        case .explicit, .custom: packets += closeDocument()
        default: break
        }
        if case .none = document { packets += openDocument(for: value) }

        switch document {
        case .propertyTable(let names):
            let values = names.map { name -> PSValue in
                FormatSelection.properties(of: value).first { $0.name.caseInsensitiveEquals(name) }?.value ?? .null
            }
            packets.append(.tableRow(values: values.map(display), alignments: [], multiLine: false))
        case .list:
            let properties = FormatSelection.defaultProperties(of: value)
            packets.append(.listEntry(labels: properties.map(\.name), values: properties.map { display($0.value) }))
        case .viewTable(let view, let group):
            if view.applies(to: value, declared: declaredViews) {
                if let key = view.groupKey(value), key != group {
                    // A new grouping value ends the group and starts another under its own label.
                    packets += [.groupEnd, .groupStart(label: view.groupLabel(key))]
                    document = .viewTable(view, group: key)
                }
                packets.append(.tableRow(values: view.row(value, display: display), alignments: [],
                                         multiLine: view.wrapsRows))
            } else {
                // An object the view does not cover is shown out of band as its own list.
                let properties = FormatSelection.defaultProperties(of: value)
                packets.append(.outOfBandList(labels: properties.map(\.name),
                                              values: properties.map { display($0.value) }))
            }
        case .explicit, .custom, .none:
            break
        }
        return packets
    }

    /// The lines of an object shown by a custom view, nil for other objects.
    private func customViewLines(_ value: PSValue) -> [String]? {
        switch value {
        case .object(let object as DotNetObject): return object.displayText.map { [$0] }
        // DateTime's view: its DateTime property (the long date and time).
        case .object(let date as DateTimeObject): return [date.standardFormat("F")]
        case .object(let object as PSCustomView): return object.customViewLines
        default: return nil
        }
    }

    private func display(_ value: PSValue) -> String {
        FormatValue.displayText(value, enumerationLimit: enumerationLimit)
    }

    /// Out-of-band objects: error records (their error view), scalars and objects without
    /// properties (their ToString()).
    private func outOfBandPacket(_ value: PSValue, stream: HostStream) -> FormatPacket? {
        switch value {
        case .object(let record as ErrorRecord):
            return .outOfBandLines(ErrorView.lines(record, view: errorView, bufferWidth: width, columns: columns),
                                   stream: stream)
        case .scriptBlock:
            return .outOfBandLines([FormatValue.toString(value)], stream: stream)
        case .type:
            return nil
        case .object(let object as DotNetObject) where object.displayText != nil:
            return nil
        case .object(let object) where object is DateTimeObject:
            return nil
        case .object(let object as PSTextView):
            return .outOfBandLines([object.viewText], stream: stream)
        default:
            if FormatValue.isScalar(value) || FormatSelection.properties(of: value).isEmpty {
                return .outOfBandLines([FormatValue.toString(value)], stream: stream)
            }
            return nil
        }
    }

    private func openDocument(for value: PSValue) -> [FormatPacket] {
        if let view = FormatView.view(for: value, declared: declaredViews) {
            let key = view.groupKey(value)
            document = .viewTable(view, group: key)
            return [.formatStart(.table(view.header)), .groupStart(label: key.map(view.groupLabel))]
        }
        let properties = FormatSelection.defaultProperties(of: value)
        if properties.count > FormatSelection.propertyCountForTable || FormatSelection.hasListView(value) {
            document = .list
            return [.formatStart(.list), .groupStart(label: nil)]
        }
        let shown = Array(properties.prefix(FormatSelection.maxTableColumns))
        document = .propertyTable(names: shown.map(\.name))
        let header = TableHeaderInfo(labels: shown.map(\.name), widths: shown.map { _ in 0 },
                                     alignments: shown.map { FormatValue.alignment(of: $0.value) })
        return [.formatStart(.table(header)), .groupStart(label: nil)]
    }

    private func closeDocument() -> [FormatPacket] {
        if case .none = document { return [] }
        document = .none
        return [.groupEnd, .formatEnd]
    }

    // MARK: Format-List / Format-Table output

    private func formattedPackets(_ data: FormattedData) -> [FormatPacket] {
        if let wide = data.wide { return closeDocument() + widePackets(data, wide) }
        var packets: [FormatPacket] = []
        if case .explicit(let sequence, let group) = document, sequence === data.sequence {
            if data.groupHeader != group {
                // Same sequence, new grouping value: close the group and open one under its label.
                packets += [.groupEnd, .groupStart(label: data.groupHeader)]
                document = .explicit(data.sequence, group: data.groupHeader)
            }
        } else {
            packets += closeDocument()
            guard !data.entries.isEmpty else { return packets }
            packets.append(.formatStart(shapeInfo(of: data)))
            packets.append(.groupStart(label: data.groupHeader))
            document = .explicit(data.sequence, group: data.groupHeader)
        }
        for entry in data.entries {
            switch data.shape {
            case .list:
                packets.append(.listEntry(labels: entry.map(\.label), values: entry.map { display($0.value) }))
            case .table:
                packets.append(.tableRow(values: data.columns.indices.map { $0 < entry.count ? display(entry[$0].value) : "" },
                                         alignments: [], multiLine: data.wrap))
            }
        }
        if data.isLastInSequence { packets += closeDocument() }
        return packets
    }

    /// Format-Wide: a table without headers whose columns share the width equally.
    private func widePackets(_ data: FormattedData, _ layout: FormattedData.WideLayout) -> [FormatPacket] {
        let values = data.entries.map { display($0.first?.value ?? .null) }
        guard !values.isEmpty else { return [] }
        var count: Int
        var widths: [Int]
        switch layout {
        case .columns(let n):
            count = Swift.max(1, Swift.min(n, (columns + 1) / 2))
            let share = (columns - (count - 1)) / count, extra = (columns - (count - 1)) % count
            widths = (0..<count).map { share + ($0 < extra ? 1 : 0) }
        case .autoSize:
            // As many columns as the widest value allows, each as wide as that value.
            let widest = Swift.min(Swift.max(values.map(TextLayout.cells).max() ?? 1, 1), columns)
            count = Swift.max(1, (columns + 1) / (widest + 1))
            widths = Array(repeating: widest, count: count)
        }
        var packets: [FormatPacket] = [.formatStart(.table(TableHeaderInfo(labels: widths.map { _ in "" }, widths: widths,
            alignments: widths.map { _ in .left }, hideHeader: true))), .groupStart(label: nil)]
        var start = 0
        while start < values.count {
            let row = Array(values[start..<Swift.min(start + count, values.count)])
            packets.append(.tableRow(values: row + Array(repeating: "", count: count - row.count), alignments: [], multiLine: false))
            start += count
        }
        return packets + [.groupEnd, .formatEnd]
    }

    private func shapeInfo(of data: FormattedData) -> FormatShapeInfo {
        guard data.shape == .table else { return .list }
        let first = data.entries.first ?? []
        let alignments = data.columns.indices.map { k in
            data.columns[k].alignment ?? (k < first.count ? FormatValue.alignment(of: first[k].value) : .left)
        }
        return .table(TableHeaderInfo(labels: data.columns.map(\.label), widths: data.columns.map { $0.width ?? 0 },
                                      alignments: alignments, hideHeader: data.hideTableHeaders,
                                      autoSize: data.autoSize))
    }
}

extension OutputFormatter {
    /// Out-String: the formatter's output for all input as one string, every line ending in a
    /// newline. `columns`: Out-String -Width (default: the buffer width minus one, as the console).
    public static func outString(_ values: [PSValue], width: Int, columns: Int? = nil,
                                 errorView: ErrorViewKind = .normalView) -> String {
        let formatter = OutputFormatter(width: width, columns: columns, errorView: errorView)
        return values.map { formatter.process($0) }.joined() + formatter.finish()
    }

    /// Out-String -Stream: one string per line written.
    public static func outStringLines(_ values: [PSValue], width: Int, columns: Int? = nil,
                                      errorView: ErrorViewKind = .normalView) -> [String] {
        let formatter = OutputFormatter(width: width, columns: columns, errorView: errorView)
        return values.flatMap { formatter.processLines($0) } + formatter.finishLines()
    }

    /// Out-String -Stream for one object: the lines to write now.
    public func processLines(of value: PSValue) -> [String] { processLines(value) }

    /// Out-String -Stream at the end of input: the lines still pending.
    public func finishedLines() -> [String] { finishLines() }
}
