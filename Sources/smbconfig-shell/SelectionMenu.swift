import Glibc

/// Keys as the menus read them straight from the terminal (libedit has it in raw mode).
enum MenuKey: Equatable {
    case character(Unicode.Scalar)
    case enter, escape, up, down, left, right, tab, shiftTab, backspace, other
    case end

    static func read() -> MenuKey {
        guard let byte = readByte() else { return .end }
        switch byte {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x1B:
            guard waitForByte(milliseconds: 50), let next = readByte() else { return .escape }
            guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O") else { return .other }
            var final: UInt8 = 0
            while let b = readByte() {
                final = b
                if b >= 0x40 && b <= 0x7E { break }
            }
            switch final {
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            case UInt8(ascii: "C"): return .right
            case UInt8(ascii: "D"): return .left
            case UInt8(ascii: "Z"): return .shiftTab
            default: return .other
            }
        case 0x00..<0x20: return .other
        default:
            // The rest of a UTF-8 sequence.
            var bytes = [byte]
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            while bytes.count < length, let b = readByte() { bytes.append(b) }
            guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return .other }
            return .character(scalar)
        }
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(STDIN_FILENO, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { return nil }
            if n <= 0 { return nil }
        }
    }

    private static func waitForByte(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }
}

/// A menu of items under the input: PSReadLine's MenuComplete (items in columns, filled top to
/// bottom, the selected one in the selection colour) and the history list of F7 (one a line).
struct SelectionMenu {
    let items: [String]
    let width: Int
    let height: Int
    let selectionColour: String
    let singleColumn: Bool
    var selected: Int
    private var top = 0

    init(items: [String], width: Int, height: Int, selectionColour: String, singleColumn: Bool, selected: Int) {
        self.items = items
        self.width = Swift.max(10, width)
        self.height = Swift.max(1, height)
        self.selectionColour = selectionColour
        self.singleColumn = singleColumn
        self.selected = Swift.max(0, Swift.min(selected, items.count - 1))
    }

    var columnWidth: Int { Swift.min(width - 1, (items.map { $0.unicodeScalars.count }.max() ?? 0) + 2) }
    var columns: Int { singleColumn ? 1 : Swift.max(1, (width - 1) / Swift.max(1, columnWidth)) }
    var rows: Int { (items.count + columns - 1) / columns }

    /// Moves the selection for a navigation key; false for any other key.
    mutating func move(_ key: MenuKey) -> Bool {
        let count = items.count
        switch key {
        case .tab: selected = (selected + 1) % count
        case .shiftTab: selected = (selected - 1 + count) % count
        case .down: selected = (selected + 1) % count
        case .up: selected = (selected - 1 + count) % count
        case .right where !singleColumn: selected = Swift.min(count - 1, selected + rows)
        case .left where !singleColumn: selected = Swift.max(0, selected - rows)
        default: return false
        }
        return true
    }

    /// The menu's lines, at most `height` rows: a window that keeps the selection in view.
    mutating func lines() -> [String] {
        let visible = Swift.min(rows, height)
        let row = selected % rows
        if row < top { top = row }
        if row >= top + visible { top = row - visible + 1 }
        var out: [String] = []
        for r in top..<(top + visible) {
            var line = ""
            for c in 0..<columns {
                let index = c * rows + r
                guard index < items.count else { break }
                var text = items[index]
                if text.unicodeScalars.count > columnWidth - 1 {
                    text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(Swift.max(1, columnWidth - 4)))) + "..."
                }
                let padded = text + String(repeating: " ", count: Swift.max(0, columnWidth - text.unicodeScalars.count))
                line += index == selected ? selectionColour + padded + "\u{1B}[0m" : padded
            }
            out.append(line)
        }
        return out
    }
}
