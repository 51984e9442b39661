/// One WriteLine of formatted output and the stream it belongs to.
package struct OutputLine {
    package let text: String
    package let stream: HostStream

    package init(_ text: String, _ stream: HostStream = .output) {
        self.text = text
        self.stream = stream
    }
}

/// The messages a formatter sends to its output (FormatStartData, GroupStartData, FormatEntryData,
/// GroupEndData, FormatEndData of the formatting protocol).
package enum FormatPacket {
    case formatStart(FormatShapeInfo)
    /// `label`: the group header of a grouped view (`   TypeName: X`), written between blank lines.
    case groupStart(label: String?)
    case tableRow(values: [String], alignments: [FormatAlignment?], multiLine: Bool)
    case listEntry(labels: [String], values: [String])
    /// One object of a custom view (a `<CustomControl>`): its lines as the view writes them.
    case customEntry([String])
    /// Out-of-band text: each string is one WriteLine (it may hold line breaks of its own);
    /// `stream` is where the object came from (an error record of the error stream is `.error`).
    case outOfBandLines([String], stream: HostStream)
    /// Out-of-band object shown as a list of its own (`""`, the properties, `""`).
    case outOfBandList(labels: [String], values: [String])
    case groupEnd
    case formatEnd
}

package enum FormatShapeInfo {
    case table(TableHeaderInfo)
    case list
    case custom
}

package struct TableHeaderInfo {
    package var labels: [String]
    /// 0 = size from the values.
    package var widths: [Int]
    package var alignments: [FormatAlignment]
    package var hideHeader = false
    package var autoSize = false

    package init(labels: [String], widths: [Int], alignments: [FormatAlignment], hideHeader: Bool = false, autoSize: Bool = false) {
        self.labels = labels
        self.widths = widths
        self.alignments = alignments
        self.hideHeader = hideHeader
        self.autoSize = autoSize
    }
}

/// OutCommandInner of Out-Default / Out-String: turns packets into lines. A format sequence
/// opens and closes with an empty line; a list group adds one before and one after each entry;
/// a table group writes its header and rows and ends with an empty line. A table whose first
/// column has no fixed width (or -AutoSize) is cached from its group start to its group end, and
/// every column is then sized to its widest label or value.
package struct FormatBackend {
    /// Usable width (`ColumnNumber`): the console buffer width minus one.
    package let columns: Int
    private var shape: FormatShapeInfo?
    private var cachingEnabled = false
    private var cache: [FormatPacket]?
    /// When a table held without -AutoSize is shown anyway (nil: held to its group end).
    private var cacheDeadline: ContinuousClock.Instant?
    private var table: TableWriter?
    private var autoSize = false

    /// OutCommandInner's grouping window: a table whose view fixes no widths is sized from the
    /// rows that arrive within 300 ms of its start, then shown and streamed row by row.
    package static let groupingDelay = Duration.milliseconds(300)

    package init(columns: Int) {
        self.columns = columns
    }

    package mutating func consume(_ packet: FormatPacket) -> [OutputLine] {
        switch packet {
        case .formatStart(let info):
            shape = info
            if case .table(let header) = info {
                cachingEnabled = header.autoSize || (header.widths.first ?? 0) == 0
                autoSize = header.autoSize
            } else {
                cachingEnabled = false
            }
            return [OutputLine("")]
        case .groupStart where cachingEnabled:
            cache = [packet]
            cacheDeadline = autoSize ? nil : ContinuousClock.now.advanced(by: Self.groupingDelay)
            return []
        case .groupEnd:
            guard cache != nil else { return emit(packet, widthHint: nil) }
            cache!.append(packet)
            return releaseCache()
        case .formatEnd:
            shape = nil
            return [OutputLine("")]
        default:
            if cache != nil {
                cache!.append(packet)
                // 5.1 looks at the clock as each object arrives; the object that ends the window is measured too.
                return isDue ? releaseCache() : []
            }
            return emit(packet, widthHint: nil)
        }
    }

    private var isDue: Bool {
        guard let cacheDeadline else { return false }
        return ContinuousClock.now >= cacheDeadline
    }

    /// The held table once its grouping window has passed (commands that wait poll this, so the
    /// first rows of a slow pipeline appear without waiting for its next object).
    package mutating func flushIfDue() -> [OutputLine] {
        cache != nil && isDue ? releaseCache() : []
    }

    /// Sizes the columns from the held rows, writes them, and lets later rows through at once.
    private mutating func releaseCache() -> [OutputLine] {
        guard let queued = cache else { return [] }
        cache = nil
        cacheDeadline = nil
        let hint = cachedWidths(queued)
        return queued.flatMap { emit($0, widthHint: hint) }
    }

    /// ProcessCachedGroupOnTable: each column as wide as its label or its widest cached value.
    private func cachedWidths(_ packets: [FormatPacket]) -> [Int]? {
        guard case .table(let header)? = shape else { return nil }
        var widths = header.labels.map(TextLayout.cells)
        for case .tableRow(let values, _, _) in packets {
            for (k, value) in values.enumerated() where k < widths.count {
                widths[k] = Swift.max(widths[k], TextLayout.cells(value))
            }
        }
        return widths
    }

    private mutating func emit(_ packet: FormatPacket, widthHint: [Int]?) -> [OutputLine] {
        if case .outOfBandLines(let lines, let stream) = packet { return lines.map { OutputLine($0, stream) } }
        return lines(packet, widthHint: widthHint).map { OutputLine($0) }
    }

    private mutating func lines(_ packet: FormatPacket, widthHint: [Int]?) -> [String] {
        switch packet {
        case .groupStart(let label):
            // A grouping label goes between blank lines, wrapped like any complex text.
            let labelLines = label.map { [""] + TextLayout.generateLines($0, firstLineLength: columns,
                                                                         followingLinesLength: columns) + [""] } ?? []
            switch shape {
            case .table(let header)?:
                let writer = TableWriter(screenColumns: columns, widths: widthHint ?? header.widths,
                                         alignments: header.alignments, hideHeader: header.hideHeader)
                table = writer
                return labelLines + writer.header(header.labels)
            case .list?: return labelLines + [""]
            case .custom?, nil: return labelLines
            }
        case .tableRow(let values, let alignments, let multiLine):
            return table?.row(values, alignments: alignments, multiLine: multiLine) ?? []
        case .listEntry(let labels, let values):
            return (ListWriter(labels: labels, columns: columns)?.lines(values) ?? []) + [""]
        case .outOfBandLines(let lines, _), .customEntry(let lines):
            return lines
        case .outOfBandList(let labels, let values):
            return [""] + (ListWriter(labels: labels, columns: columns)?.lines(values) ?? []) + [""]
        case .groupEnd:
            table = nil
            // A custom view's frame ends with the format end's empty line alone.
            if case .custom? = shape { return [] }
            return [""]
        case .formatStart, .formatEnd:
            return [""]
        }
    }

    /// Whether a table group is being held back.
    package var isCaching: Bool { cache != nil }
}
