/// ColumnWidthManager: fits column widths to the usable console width. Unassigned (0) widths share
/// the room left over; when the table is too wide the last visible column is shrunk, or hidden
/// (width -1) when it would drop below one cell, until the table fits.
package enum ColumnWidthManager {
    package static let minimumColumnWidth = 1
    package static let separatorWidth = 1

    package static func fit(_ widths: inout [Int], tableWidth: Int) {
        if assign(&widths, tableWidth: tableWidth) { return }
        trimToFit(&widths, tableWidth: tableWidth)
    }

    private static func assign(_ widths: inout [Int], tableWidth: Int) -> Bool {
        if widths.allSatisfy({ $0 > 0 }) {
            return widths.reduce(0, +) + separatorWidth * (widths.count - 1) <= tableWidth
        }
        let fixed = widths.map { $0 > 0 }
        for k in widths.indices where widths[k] == 0 { widths[k] = minimumColumnWidth }
        let available = tableWidth - currentWidth(widths)
        if available < 0 { return false }
        // 5.1 hands the spare cells out one at a time, left to right, over the unassigned
        // columns; the same result computed at once.
        let unassigned = widths.indices.filter { !fixed[$0] }
        let share = available / unassigned.count
        let extra = available % unassigned.count
        for (n, k) in unassigned.enumerated() { widths[k] += share + (n < extra ? 1 : 0) }
        return true
    }

    private static func trimToFit(_ widths: inout [Int], tableWidth: Int) {
        while true {
            let excess = currentWidth(widths) - tableWidth
            if excess <= 0 { return }
            let last = (widths.firstIndex { $0 < 0 } ?? widths.count) - 1
            if last < 0 { return }
            let shrunk = widths[last] - excess
            widths[last] = shrunk < minimumColumnWidth ? -1 : shrunk
        }
    }

    private static func currentWidth(_ widths: [Int]) -> Int {
        let visible = widths.filter { $0 > 0 }
        return visible.reduce(0, +) + separatorWidth * (visible.count - 1)
    }
}

/// TableWriter of Windows PowerShell 5.1: one space between columns, every cell (the last one
/// too) padded to its column's width, `...` where a value is cut, dashes under each label.
package struct TableWriter {
    private let widths: [Int]
    private let alignments: [FormatAlignment]
    private let hideHeader: Bool
    /// Fewer than five usable columns, or every column hidden: nothing is written.
    package let disabled: Bool

    package init(screenColumns: Int, widths requested: [Int], alignments: [FormatAlignment], hideHeader: Bool) {
        var widths = requested
        self.alignments = alignments
        self.hideHeader = hideHeader
        if screenColumns < 5 {
            self.widths = widths
            disabled = true
            return
        }
        ColumnWidthManager.fit(&widths, tableWidth: screenColumns)
        self.widths = widths
        disabled = !widths.contains { $0 >= ColumnWidthManager.minimumColumnWidth }
    }

    /// The label lines (labels wider than their column wrap onto more lines) and the dash line.
    package func header(_ labels: [String]) -> [String] {
        if disabled || hideHeader { return [] }
        var lines = multiLineRow(labels, alignments: nil)
        let dashes = labels.indices.map { k -> String in
            guard k < widths.count, widths[k] > 0 else { return "" }
            let label = labels[k]
            let count = label.isEmpty ? widths[k] : Swift.min(widths[k], TextLayout.cells(label))
            return String(repeating: "-", count: count)
        }
        lines.append(singleLineRow(dashes, alignments: nil))
        return lines
    }

    /// One row; `multiLine` (Format-Table -Wrap) wraps long values inside their column.
    package func row(_ values: [String], alignments: [FormatAlignment?]?, multiLine: Bool) -> [String] {
        if disabled { return [] }
        return multiLine ? multiLineRow(values, alignments: alignments) : [singleLineRow(values, alignments: alignments)]
    }

    private func alignment(_ k: Int, _ overrides: [FormatAlignment?]?) -> FormatAlignment {
        if let overrides, k < overrides.count, let a = overrides[k] { return a }
        return k < alignments.count ? alignments[k] : .left
    }

    private func value(_ values: [String], _ k: Int) -> String { k < values.count ? values[k] : "" }

    private func singleLineRow(_ values: [String], alignments overrides: [FormatAlignment?]?) -> String {
        var line = ""
        for k in widths.indices where widths[k] > 0 {
            if k > 0 { line += " " }
            line += Self.field(value(values, k), width: widths[k], alignment: alignment(k, overrides))
        }
        return line
    }

    private func multiLineRow(_ values: [String], alignments overrides: [FormatAlignment?]?) -> [String] {
        let visible = widths.indices.filter { widths[$0] > 0 }
        var cells: [[String]] = visible.enumerated().map { position, k in
            let width = widths[k]
            var lines = TextLayout.generateLines(value(values, k), firstLineLength: width, followingLinesLength: width)
                .map { TextLayout.cells($0) < width ? Self.field($0, width: width, alignment: alignment(k, overrides)) : $0 }
            if position > 0 { lines = lines.map { " " + $0 } }
            return lines
        }
        let rows = cells.map(\.count).max() ?? 0
        for (position, k) in visible.enumerated() where cells[position].count < rows {
            let blank = TextLayout.spaces(widths[k] + (position > 0 ? 1 : 0))
            cells[position] += Array(repeating: blank, count: rows - cells[position].count)
        }
        return (0..<rows).map { r in cells.map { $0[r] }.joined() }
    }

    /// GenerateRowField: pad to `width`, or cut keeping the head (left/center: `abc...`) or the
    /// tail (right: `...xyz`); columns narrower than four cells are cut without dots.
    package static func field(_ raw: String, width: Int, alignment: FormatAlignment) -> String {
        var s = TextLayout.truncateAtNewLine(raw)
        let length = TextLayout.cells(s)
        if length < width {
            let pad = width - length
            switch alignment {
            case .right: s = TextLayout.spaces(pad) + s
            case .center: s = TextLayout.spaces(pad / 2) + s + TextLayout.spaces(pad - pad / 2)
            case .left: s += TextLayout.spaces(pad)
            }
        } else if length > width {
            let room = width - 3
            if room > 0 {
                s = alignment == .right ? "..." + TextLayout.tail(s, cells: room) : TextLayout.head(s, cells: room) + "..."
            } else {
                s = alignment == .right ? TextLayout.tail(s, cells: width) : TextLayout.head(s, cells: width)
            }
        }
        // A wide character cut in half leaves the field one cell short.
        if TextLayout.cells(s) == width - 1 { s = alignment == .right ? " " + s : s + " " }
        return s
    }
}

/// ListWriter: `Label : value` lines, labels padded to the longest one; values wrap within the
/// room left of the usable width, continuation lines indented under the values.
package struct ListWriter {
    private let labels: [String]
    private let labelWidth: Int
    private let columns: Int

    package init?(labels names: [String], columns: Int) {
        if names.isEmpty || columns - 3 - 1 - 1 < 0 { return nil }
        let maxLabel = columns - 3 - 1
        let longest = Swift.min(names.map(TextLayout.cells).max() ?? 0, maxLabel)
        labels = names.map { name in
            let length = TextLayout.cells(name)
            if length < longest { return name + TextLayout.spaces(longest - length) + " : " }
            if length > longest { return TextLayout.head(name, cells: longest) + " : " }
            return name + " : "
        }
        labelWidth = longest + 3
        self.columns = columns
    }

    package func lines(_ values: [String]) -> [String] {
        var lines: [String] = []
        let padding = TextLayout.spaces(labelWidth)
        for k in labels.indices {
            let value = k < values.count ? values[k] : ""
            for (i, line) in TextLayout.splitLines(value).enumerated() {
                let pieces = TextLayout.generateLines(line, firstLineLength: columns - labelWidth,
                                                      followingLinesLength: columns - labelWidth)
                for (j, piece) in pieces.enumerated() {
                    lines.append((i == 0 && j == 0 ? labels[k] : padding) + piece)
                }
            }
        }
        return lines
    }
}
