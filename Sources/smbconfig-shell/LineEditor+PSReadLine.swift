import CLibEdit
import Glibc
import PSReadLine
import ShellEngine

/// The line at one moment, in Unicode scalars as libedit counts them.
struct EditState: Equatable {
    var scalars: [Unicode.Scalar]
    var cursor: Int
}

extension LineEditor {
    // MARK: Reading keys

    /// libedit's read function: before each key the line is checked (prompts of continuation
    /// lines, undo) and repainted in colour; then one character is read from the terminal.
    func readKey(_ el: OpaquePointer, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        if !suspendKeyChecked {
            // PSReadLine's Ctrl+Z is Undo: while editing, the key reaches the editor instead of
            // stopping the shell (libedit gives the terminal back its own settings after the line).
            suspendKeyChecked = true
            var settings = termios()
            if tcgetattr(STDIN_FILENO, &settings) == 0, settings.c_cc.10 != 0 {
                settings.c_cc.10 = 0   // VSUSP: _POSIX_VDISABLE
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
            }
        }
        if !searching { beforeKey(el) }
        var byte: UInt8 = 0
        let n = Glibc.read(STDIN_FILENO, &byte, 1)
        guard n == 1 else { return n == 0 ? 0 : -1 }
        var value = UInt32(byte)
        if byte >= 0xC0 {
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            var bytes = [byte]
            while bytes.count < length {
                var next: UInt8 = 0
                guard Glibc.read(STDIN_FILENO, &next, 1) == 1 else { break }
                bytes.append(next)
            }
            value = String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD
        }
        if searching, value < 0x20, value != 0x12, value != 0x13, value != 0x08, value != 0x17 {
            searching = false   // the key that ends the search
        }
        character.pointee = wchar_t(bitPattern: value)
        return 1
    }

    /// The line as libedit holds it.
    func state(_ el: OpaquePointer) -> EditState {
        guard let info = el_wline(el)?.pointee, let buffer = info.buffer else { return EditState(scalars: [], cursor: 0) }
        let count = info.lastchar - buffer
        let cursor = info.cursor - buffer
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(count)
        for i in 0..<Swift.max(0, count) {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: buffer[i])) ?? "\u{FFFD}")
        }
        return EditState(scalars: scalars, cursor: Swift.max(0, Swift.min(cursor, count)))
    }

    /// Replaces the whole line (libedit redraws it when the calling command returns).
    func setState(_ el: OpaquePointer, _ new: EditState) {
        let old = state(el)
        _ = el_cursor(el, Int32(old.scalars.count - old.cursor))
        if !old.scalars.isEmpty { el_deletestr(el, Int32(old.scalars.count)) }
        if !new.scalars.isEmpty { _ = el_insertstr(el, String(String.UnicodeScalarView(new.scalars))) }
        _ = el_cursor(el, Int32(new.cursor - new.scalars.count))
    }

    private func beforeKey(_ el: OpaquePointer) {
        var now = state(el)
        if let fixed = continuation.repair(now.scalars, cursor: now.cursor, previous: lastSeen.scalars,
                                           previousCursor: lastSeen.cursor) {
            redraw(el, EditState(scalars: fixed.scalars, cursor: fixed.cursor))
            now = state(el)
            repaint(now, below: nil)
        } else {
            repaint(now, below: nil)
        }
        if now.scalars != lastSeen.scalars {
            undoStack.append(lastSeen)
            redoStack.removeAll()
        }
        lastSeen = now
    }

    /// Replaces the line while a key is being read or a menu is open, and has libedit draw it
    /// again from the start of the prompt (where its full redraw begins).
    func redraw(_ el: OpaquePointer, _ new: EditState) {
        let old = state(el)
        if let width = TerminalSize.columns() {
            let lines = prompt.split(separator: "\n", omittingEmptySubsequences: false)
            let promptLine = Self.visibleText(lines.last.map(String.init) ?? "")
            let painter = InputPainter(promptWidth: promptLine.unicodeScalars.reduce(0) { $0 + InputPainter.cellWidth($1) },
                                       width: width)
            let (cells, end) = painter.layout(old.scalars)
            let up = painter.cursorCell(old.cursor, cells: cells, end: end).row + lines.count - 1
            let out = clibedit_stdout()
            // From the prompt's start down is cleared: libedit draws on a screen it takes as blank.
            fputs("\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[J", out)
        }
        setState(el, new)
        _ = clibedit_refresh(el)
    }

    // MARK: Colour

    /// Redraws the line in its token colours (and `below` under it, clearing what was there).
    func repaint(_ line: EditState, below: [String]?) {
        guard current.colouring || below != nil, let width = TerminalSize.columns() else { return }
        let promptLine = Self.visibleText(prompt.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? "")
        let painter = InputPainter(promptWidth: promptLine.unicodeScalars.reduce(0) { $0 + InputPainter.cellWidth($1) }, width: width)
        var colours: [String?] = Array(repeating: nil, count: line.scalars.count)
        var mark: (column: Int, text: String)?
        if current.colouring {
            let text = continuation.strip(String(String.UnicodeScalarView(line.scalars)))
            let result = SyntaxColouring.classify(text)
            var textIndex = 0
            var i = 0
            let promptLength = continuation.prompt.count
            while i < line.scalars.count {
                if line.scalars[i] == "\n" {
                    textIndex += 1
                    let end = Swift.min(line.scalars.count, i + 1 + promptLength)
                    for j in (i + 1)..<end { colours[j] = current.colours[.continuationPrompt] }
                    i = end
                    continue
                }
                if textIndex < result.classes.count { colours[i] = current.colours[result.classes[textIndex]] }
                textIndex += 1
                i += 1
            }
            // PSReadLine shows the end of the prompt in the error colour while the input cannot parse.
            if let last = promptLine.unicodeScalars.lastIndex(where: { $0 != " " }) {
                let column = promptLine.unicodeScalars[..<last].reduce(0) { $0 + InputPainter.cellWidth($1) }
                let character = String(promptLine.unicodeScalars[last])
                mark = (column, result.hasError ? (current.colours[.error] ?? "") + character + "\u{1B}[0m" : character)
            }
        }
        let output = painter.paint(line.scalars, colours: colours, cursor: line.cursor, below: below, promptMark: mark)
        let out = clibedit_stdout()
        fputs(output, out)
        fflush(out)
    }

    /// The prompt as the terminal shows it: escape sequences take no room.
    static func visibleText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar.value >= 0x40 && scalar.value <= 0x7E && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            out.append(scalar)
        }
        return String(out)
    }

    // MARK: Enter

    /// PSReadLine's AcceptLine: input the parser finds incomplete gets a new line (with the
    /// continuation prompt) at the cursor; complete input runs.
    func acceptLine(_ el: OpaquePointer) -> UInt8 {
        let now = state(el)
        let text = continuation.strip(String(String.UnicodeScalarView(now.scalars)))
        if isIncomplete(text) { return addLine(el) }
        _ = el_cursor(el, Int32(now.scalars.count - now.cursor))
        el_push(el, Self.acceptKey)
        return UInt8(CC_NORM)
    }

    /// PSReadLine's AddLine (Shift+Enter).
    func addLine(_ el: OpaquePointer) -> UInt8 {
        _ = el_insertstr(el, "\n" + String(String.UnicodeScalarView(continuation.prompt)))
        return UInt8(CC_REFRESH)
    }

    // MARK: Undo

    func undo(_ el: OpaquePointer) -> UInt8 {
        let now = state(el)
        guard let previous = undoStack.popLast() else { return UInt8(CC_REFRESH_BEEP) }
        redoStack.append(now)
        setState(el, previous)
        lastSeen = previous
        return UInt8(CC_REFRESH)
    }

    /// Ctrl+Y: PSReadLine's Redo; with nothing to redo, the emacs yank the key also means.
    func redo(_ el: OpaquePointer) -> UInt8 {
        guard let next = redoStack.popLast() else {
            el_push(el, Self.yankKey)
            return UInt8(CC_NORM)
        }
        undoStack.append(state(el))
        setState(el, next)
        lastSeen = next
        return UInt8(CC_REFRESH)
    }

    // MARK: Menus

    /// PSReadLine's MenuComplete (Ctrl+Space): one candidate is taken at once; several open a menu
    /// under the line. Arrows and Tab move, the line shows the selected candidate, Enter takes it,
    /// Esc puts the typed text back, any other key takes it and is then handled.
    func menuComplete(_ el: OpaquePointer) -> UInt8 {
        cycle = nil
        let typed = state(el)
        let text = String(String.UnicodeScalarView(typed.scalars))
        let cursorCharacters = String(String.UnicodeScalarView(typed.scalars[..<typed.cursor])).utf16.count
        let result = completer(text, cursorCharacters)
        guard !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let utf16 = Array(text.utf16)
        let start = Swift.max(0, Swift.min(result.replacementStart, utf16.count))
        let end = Swift.max(start, Swift.min(result.replacementStart + result.replacementLength, utf16.count))
        let before = Array(String(decoding: utf16[0..<start], as: UTF16.self).unicodeScalars)
        let after = Array(String(decoding: utf16[end...], as: UTF16.self).unicodeScalars)
        func line(with candidate: String) -> EditState {
            let inserted = Array(candidate.unicodeScalars)
            return EditState(scalars: before + inserted + after, cursor: before.count + inserted.count)
        }
        if result.candidates.count == 1 {
            setState(el, line(with: result.candidates[0]))
            return UInt8(CC_REFRESH)
        }
        var menu = SelectionMenu(items: result.candidates, width: TerminalSize.columns() ?? 80,
                                 height: Swift.max(1, (TerminalSize.rows() ?? 24) - 4),
                                 selectionColour: current.colours[.selection] ?? "\u{1B}[7m", singleColumn: false, selected: 0)
        let chosen = runMenu(el, &menu) { line(with: result.candidates[$0]) }
        if chosen == nil { redraw(el, typed) }
        repaint(state(el), below: [])
        return UInt8(CC_REFRESH)
    }

    /// F7: the commands of this and earlier sessions, oldest first, the last one selected. Enter
    /// runs the selected command, Right or Tab puts it on the line to edit, Esc leaves the line.
    func historyList(_ el: OpaquePointer) -> UInt8 {
        history.loadIfNeeded()
        var entries: [String] = []
        var seen = Set<String>()
        var raw = clibedit_history_walk(history.session, 1)
        while let entry = raw {
            let text = String(cString: entry)
            if seen.insert(text).inserted { entries.append(text) }
            raw = clibedit_history_walk(history.session, 0)
        }
        entries.reverse()
        guard !entries.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let original = state(el)
        let labels = entries.enumerated().map { "\($0.offset): " + $0.element.replacing("\n", with: " ") }
        var menu = SelectionMenu(items: labels, width: TerminalSize.columns() ?? 80,
                                 height: Swift.max(1, Swift.min(10, (TerminalSize.rows() ?? 24) - 4)),
                                 selectionColour: current.colours[.selection] ?? "\u{1B}[7m", singleColumn: true,
                                 selected: entries.count - 1)
        func line(_ index: Int) -> EditState {
            let scalars = Array(continuation.addPrompts(entries[index]).unicodeScalars)
            return EditState(scalars: scalars, cursor: scalars.count)
        }
        let chosen = runMenu(el, &menu, showSelection: false) { line($0) }
        guard let chosen else {
            repaint(original, below: [])
            return UInt8(CC_REFRESH)
        }
        redraw(el, line(chosen.index))
        repaint(state(el), below: [])
        if chosen.key == .enter { el_push(el, Self.acceptKey) }
        return UInt8(CC_REFRESH)
    }

    /// Shows `menu` under the line until a key ends it; the line shows `line(selected)` while
    /// `showSelection`. Nil when Esc cancelled it. A key that is not the menu's is handed back
    /// to libedit after the choice is taken.
    func runMenu(_ el: OpaquePointer, _ menu: inout SelectionMenu, showSelection: Bool = true,
                 line: (Int) -> EditState) -> (index: Int, key: MenuKey)? {
        while true {
            if showSelection { redraw(el, line(menu.selected)) }
            repaint(state(el), below: menu.lines())
            let key = MenuKey.read()
            if menu.move(key) { continue }
            switch key {
            case .escape, .end: return nil
            case .enter: return (menu.selected, .enter)
            case .right, .left: return (menu.selected, key)
            case .character(let scalar):
                el_push(el, String(scalar))
                return (menu.selected, key)
            default:
                return (menu.selected, key)
            }
        }
    }
}

extension TerminalSize {
    static func rows() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }
}
