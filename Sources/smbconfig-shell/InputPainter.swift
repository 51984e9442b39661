import ShellEngine

/// Redraws the input where libedit drew it: the same characters in the same cells, now in their
/// token colours, with lines (a completion menu) below it if asked. libedit keeps its own picture
/// of the screen; as long as every character stays in its cell, its next refresh still matches.
/// The cursor moves only relative to where it is, so a screen that scrolled changes nothing.
struct InputPainter {
    /// Display column where the input starts (the width of the prompt's last line).
    let promptWidth: Int
    let width: Int

    struct Cell: Equatable { var row: Int; var column: Int }

    /// Where each scalar is drawn, and where the cursor sits after the last one. Characters wrap
    /// when they no longer fit the row, a newline starts the next row, as libedit lays them out.
    func layout(_ scalars: [Unicode.Scalar]) -> (cells: [Cell], end: Cell) {
        var cells: [Cell] = []
        cells.reserveCapacity(scalars.count)
        var row = 0
        var column = Swift.min(promptWidth, Swift.max(0, width - 1))
        for scalar in scalars {
            if scalar == "\n" {
                cells.append(Cell(row: row, column: column))
                row += 1
                column = 0
                continue
            }
            let w = Self.cellWidth(scalar)
            if column + w > width {
                row += 1
                column = 0
            }
            cells.append(Cell(row: row, column: column))
            column += w
        }
        var end = Cell(row: row, column: column)
        if column >= width {
            end = Cell(row: row + 1, column: 0)
        }
        return (cells, end)
    }

    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return scalar.value < 0x20 ? 2 : 1 }   // libedit shows a control character as ^X
        return TextLayout.cells(String(scalar))
    }

    /// The cell before scalar `index` (the cursor's cell).
    func cursorCell(_ index: Int, cells: [Cell], end: Cell) -> Cell {
        index < cells.count ? cells[index] : end
    }

    /// Escape sequences that redraw `scalars` with `colours` (one sequence per scalar, nil for
    /// the default), starting and ending with the terminal cursor before scalar `cursor`.
    /// `below` lines are written under the input and the screen under them is cleared.
    /// `promptMark` redraws the prompt's last character (in the error colour while the input
    /// cannot parse, as PSReadLine marks it).
    func paint(_ scalars: [Unicode.Scalar], colours: [String?], cursor: Int, below: [String]? = nil,
               promptMark: (column: Int, text: String)? = nil) -> String {
        let (cells, end) = layout(scalars)
        let here = cursorCell(cursor, cells: cells, end: end)
        var out = ""
        var position = here
        func move(to target: Cell) {
            out += "\r"
            if target.row < position.row { out += "\u{1B}[\(position.row - target.row)A" }
            if target.row > position.row { out += "\u{1B}[\(target.row - position.row)B" }
            if target.column > 0 { out += "\u{1B}[\(target.column)C" }
            position = target
        }
        if let promptMark, promptMark.column < width {
            move(to: Cell(row: 0, column: promptMark.column))
            out += promptMark.text
            position.column += 1
        }
        var current: String? = nil
        var wrapped = false
        for (i, scalar) in scalars.enumerated() where scalar != "\n" {
            let cell = cells[i]
            if wrapped || cell != position { move(to: cell) }
            wrapped = false
            let colour = i < colours.count ? colours[i] : nil
            if colour != current {
                out += colour ?? "\u{1B}[39;49m"
                current = colour
            }
            out += Self.visible(scalar)
            position.column += Self.cellWidth(scalar)
            if position.column >= width {
                // The terminal waits to wrap; a carriage return leaves it at the row's start.
                out += "\r"
                position.column = 0
                wrapped = true
            }
        }
        if current != nil { out += "\u{1B}[0m" }
        if let below {
            // Clear after the text (what a longer text or an earlier menu left), then the lines.
            if wrapped {
                out += "\u{1B}[1B"
                position.row += 1
            }
            out += "\u{1B}[J"
            for line in below { out += "\r\n" + line }
            position = Cell(row: position.row + below.count, column: 0)
        }
        move(to: here)
        return out
    }

    /// What libedit writes for a scalar: control characters as ^X.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 { return "^" + String(Unicode.Scalar(UInt8(scalar.value) + 0x40)) }
        if scalar.value == 0x7F { return "^?" }
        return String(scalar)
    }
}
