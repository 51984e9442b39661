import CLibEdit
import Glibc
import PSReadLine
import ShellEngine

/// The console's line editor: libedit's native API in emacs mode with PSReadLine's Windows keys,
/// history, PowerShell-style Tab completion (Tab and Shift-Tab cycle through the candidates in
/// place, Ctrl+Space opens a menu of them), undo and redo, multi-line input, syntax colouring and
/// Ctrl-C that abandons the line. Call `read` on the main thread: signals reach it there.
final class LineEditor {
    enum Input: Equatable {
        case line(String)
        case interrupted
        case endOfInput
    }

    typealias Completer = (_ line: String, _ cursor: Int) -> CompletionResult

    /// What the editor takes from PSReadLine's options before each line.
    struct Settings {
        var continuationPrompt = ">> "
        var colours: [PSReadLineOptions.TokenClass: String] = [:]
        /// Syntax colouring is on (a terminal, NO_COLOR unset).
        var colouring = false
        var editMode = "Windows"
        var historyNoDuplicates = true
        var maximumHistoryCount: Int32 = 4096
    /// The terminal's suspend character is off while a line is edited (checked once per line).
    var suspendKeyChecked = false
    }

    private let editLine: OpaquePointer
    let history: HistoryStore
    let completer: Completer
    /// The prompt libedit draws; it must outlive each `el_gets`.
    private var promptStorage: UnsafeMutablePointer<CChar>
    var cycle: CompletionCycle?
    let isIncomplete: (String) -> Bool
    let settings: () -> Settings
    var current = Settings()
    var continuation = ContinuationLines(prompt: ">> ")
    var prompt = ""
    /// The line as it was before the key being handled, for undo and for prompt repairs.
    var lastSeen = EditState(scalars: [], cursor: 0)
    var undoStack: [EditState] = []
    var redoStack: [EditState] = []
    /// Ctrl+R's search reads its own keys; the line is not repainted meanwhile.
    var searching = false
    var editMode = "Windows"
    /// The terminal's suspend character is off while a line is edited (checked once per line).
    var suspendKeyChecked = false

    /// Keys the editor pushes to reach libedit commands its own functions end with.
    static let acceptKey = "\u{1B}[99~"
    static let yankKey = "\u{1B}[98~"

    /// History keys and their sequences; bound to the loader until the history file has been read.
    private static let historyKeys: [(key: String, command: String)] = [
        ("\u{1B}[A", "ed-prev-history"), ("\u{1B}OA", "ed-prev-history"), ("^P", "ed-prev-history"),
        ("\u{1B}[B", "ed-next-history"), ("\u{1B}OB", "ed-next-history"), ("^N", "ed-next-history"),
        ("^R", "ps-search-history"),
    ]

    init?(history: HistoryStore, completer: @escaping Completer, isIncomplete: @escaping (String) -> Bool = { _ in false },
          settings: @escaping () -> Settings = { Settings() }) {
        setlocale(LC_CTYPE, "")   // without it libedit drops every non-ASCII byte
        guard let editLine = el_init("smbconfig-shell", clibedit_stdin(), clibedit_stdout(), clibedit_stderr()),
              let prompt = strdup("") else { return nil }
        self.editLine = editLine
        self.history = history
        self.completer = completer
        self.promptStorage = prompt
        self.isIncomplete = isIncomplete
        self.settings = settings
        _ = clibedit_set_editor(editLine, "emacs")
        _ = clibedit_set_signal(editLine, 0)
        _ = clibedit_set_getc(editLine) { el, character in
            guard let el, let character, let editor = LineEditor.owner(of: el) else { return -1 }
            return editor.readKey(el, into: character)
        }
        _ = clibedit_attach_history(editLine, history.session)
        _ = clibedit_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = clibedit_set_prompt(editLine) { el in
            guard let el, let editor = LineEditor.owner(of: el) else { return nil }
            return editor.promptStorage
        }
        _ = clibedit_add_function(editLine, "ps-complete", "Complete the word, or cycle to the next candidate") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.complete(el, step: 1)
        }
        _ = clibedit_add_function(editLine, "ps-complete-previous", "Cycle to the previous candidate") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.complete(el, step: -1)
        }
        _ = clibedit_add_function(editLine, "ps-load-history", "Read the history file, then walk it") { el, key in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.loadHistory(el, key: key)
        }
        _ = clibedit_add_function(editLine, "ps-revert-line", "Esc: clear the line, then act on the key that followed") { el, key in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.revertLine(el, then: key)
        }
        _ = clibedit_add_function(editLine, "ps-accept-line", "Run the input, or start a new line while it is incomplete") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.acceptLine(el)
        }
        _ = clibedit_add_function(editLine, "ps-add-line", "Start a new line without running the input") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.addLine(el)
        }
        _ = clibedit_add_function(editLine, "ps-undo", "Undo the last edit") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.undo(el)
        }
        _ = clibedit_add_function(editLine, "ps-redo", "Redo an undone edit, or yank") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.redo(el)
        }
        _ = clibedit_add_function(editLine, "ps-menu-complete", "Choose a completion from a menu") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.menuComplete(el)
        }
        _ = clibedit_add_function(editLine, "ps-history-list", "Choose a command from the history") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            return editor.historyList(el)
        }
        _ = clibedit_add_function(editLine, "ps-search-history", "Search history backwards interactively") { el, _ in
            guard let el, let editor = LineEditor.owner(of: el) else { return UInt8(CC_ERROR) }
            editor.searching = true
            el_push(el, "\u{1B}[97~")
            return UInt8(CC_NORM)
        }
        for (key, command) in Self.windowsKeys { _ = clibedit_bind(editLine, key, command) }
        for key in ["^M", "^J"] { _ = clibedit_bind(editLine, key, "ps-accept-line") }
        for key in ["\u{1B}[27;2;13~", "\u{1B}[13;2u"] { _ = clibedit_bind(editLine, key, "ps-add-line") }
        _ = clibedit_bind(editLine, Self.acceptKey, "ed-newline")
        _ = clibedit_bind(editLine, Self.yankKey, "em-yank")
        _ = clibedit_bind(editLine, "\u{1B}[97~", "em-inc-search-prev")
        _ = clibedit_bind(editLine, "^Z", "ps-undo")
        _ = clibedit_bind(editLine, "^Y", "ps-redo")
        _ = clibedit_bind(editLine, "\u{1B}[18~", "ps-history-list")
        // Esc is libedit's meta prefix: each Esc+key pair reverts the line and keeps the key
        // (CSI `[` and SS3 `O` stay the prefixes of the arrow and function keys).
        for byte in UInt8(0x20)...UInt8(0x7E) where byte != UInt8(ascii: "[") && byte != UInt8(ascii: "O") {
            let key = byte == UInt8(ascii: "^") || byte == UInt8(ascii: "\\") ? "\\" + String(UnicodeScalar(byte)) : String(UnicodeScalar(byte))
            _ = clibedit_bind(editLine, "\u{1B}" + key, "ps-revert-line")
        }
        for key in ["\u{1B}\u{1B}", "\u{1B}^M", "\u{1B}^J", "\u{1B}^?"] { _ = clibedit_bind(editLine, key, "ps-revert-line") }
        _ = clibedit_bind(editLine, "^I", "ps-complete")
        _ = clibedit_bind(editLine, "\u{1B}[Z", "ps-complete-previous")
        _ = clibedit_bind(editLine, "^@", "ps-menu-complete")
        if history.isLoaded {
            bindHistoryKeys()
        } else {
            for (key, _) in Self.historyKeys { _ = clibedit_bind(editLine, key, "ps-load-history") }
        }
    }

    /// PSReadLine's Windows-mode keys that libedit has commands for: Ctrl+Left/Right by word,
    /// Home/End, Ctrl+Backspace/Ctrl+Delete by word, F8/Shift+F8 search history by the typed prefix.
    static let windowsKeys: [(key: String, command: String)] = [
        ("\u{1B}[1;5D", "ed-prev-word"), ("\u{1B}[5D", "ed-prev-word"),
        ("\u{1B}[1;5C", "em-next-word"), ("\u{1B}[5C", "em-next-word"),
        ("\u{1B}[H", "ed-move-to-beg"), ("\u{1B}[1~", "ed-move-to-beg"), ("\u{1B}OH", "ed-move-to-beg"),
        ("\u{1B}[F", "ed-move-to-end"), ("\u{1B}[4~", "ed-move-to-end"), ("\u{1B}OF", "ed-move-to-end"),
        ("\u{1B}[3~", "ed-delete-next-char"), ("\u{1B}[3;5~", "em-delete-next-word"),
        ("^H", "ed-delete-prev-word"),
        ("\u{1B}[1;5H", "vi-kill-line-prev"), ("\u{1B}[1;5F", "ed-kill-line"),
        ("\u{1B}[19~", "ed-search-prev-history"), ("\u{1B}[19;2~", "ed-search-next-history"),
    ]

    deinit {
        el_end(editLine)
        free(promptStorage)
    }

    private static func owner(of el: OpaquePointer) -> LineEditor? {
        guard let raw = clibedit_get_clientdata(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Reads one line with `prompt`.
    func read(prompt: String) -> Input {
        if let copy = strdup(prompt) {
            free(promptStorage)
            promptStorage = copy
        }
        cycle = nil
        current = settings()
        continuation = ContinuationLines(prompt: current.continuationPrompt)
        self.prompt = prompt
        _ = clibedit_history_setunique(history.session, current.historyNoDuplicates ? 1 : 0)
        _ = clibedit_history_setsize(history.session, Swift.max(1, current.maximumHistoryCount))
        if current.editMode != editMode {
            editMode = current.editMode
            _ = clibedit_set_editor(editLine, editMode == "Vi" ? "vi" : "emacs")
        }
        lastSeen = EditState(scalars: [], cursor: 0)
        undoStack = []
        redoStack = []
        searching = false
        suspendKeyChecked = false
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            let interrupted = count < 0 && errno == EINTR
            ConsoleOutput.standardOutput.write("\n")
            if interrupted {
                InterruptSignal.clear()
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(continuation.strip(line))
    }

    // MARK: History

    private func bindHistoryKeys() {
        for (key, command) in Self.historyKeys { _ = clibedit_bind(editLine, key, command) }
    }

    /// First use of a history key: read the file, give the keys their usual commands and replay
    /// the key so it acts on the loaded history.
    private func loadHistory(_ el: OpaquePointer, key: Int32) -> UInt8 {
        history.loadIfNeeded()
        bindHistoryKeys()
        let replay: String
        switch key {
        case 0x41: replay = "\u{1B}[A"   // A: Up
        case 0x42: replay = "\u{1B}[B"   // B: Down
        case 0x10: replay = "\u{10}"     // Ctrl-P
        case 0x0E: replay = "\u{0E}"     // Ctrl-N
        default:                          // Ctrl-R
            searching = true
            replay = "\u{1B}[97~"
        }
        el_push(el, replay)
        return UInt8(CC_NORM)
    }

    // MARK: Esc

    /// PSReadLine's RevertLine: the line is emptied; the key typed after Esc is not lost.
    private func revertLine(_ el: OpaquePointer, then key: Int32) -> UInt8 {
        cycle = nil
        if let info = el_line(el)?.pointee {
            let text = currentLine(el).text
            _ = el_cursor(el, Int32(truncatingIfNeeded: info.lastchar - info.cursor))
            el_deletestr(el, Int32(text.unicodeScalars.count))
        }
        switch key {
        case 0x0D, 0x0A:
            // The Enter goes through libedit's own accept-line.
            el_push(el, "\r")
            return UInt8(CC_REFRESH)
        case 0x20...0x7E:
            _ = el_insertstr(el, String(UnicodeScalar(UInt8(key))))
            return UInt8(CC_REFRESH)
        default: return UInt8(CC_REFRESH)
        }
    }

    // MARK: Completion

    /// The line's text and the cursor as a byte offset into its UTF-8.
    private func currentLine(_ el: OpaquePointer) -> (text: String, cursor: Int) {
        guard let info = el_line(el)?.pointee, let buffer = info.buffer else { return ("", 0) }
        let length = info.lastchar - buffer
        let cursor = info.cursor - buffer
        let text = buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        return (text, Swift.max(0, Swift.min(cursor, length)))
    }

    private func complete(_ el: OpaquePointer, step: Int) -> UInt8 {
        let (text, cursor) = currentLine(el)
        if var current = cycle, current.continues(line: text, cursor: cursor) {
            let previous = current.candidate
            current.advance(by: step)
            el_deletestr(el, Int32(previous.unicodeScalars.count))
            _ = el_insertstr(el, current.candidate)
            let (after, afterCursor) = currentLine(el)
            current.record(line: after, cursor: afterCursor)
            cycle = current
            return UInt8(CC_REFRESH)
        }
        guard let result = completion(text: text, cursor: cursor), !result.candidates.isEmpty else {
            cycle = nil
            return UInt8(CC_REFRESH_BEEP)
        }
        var fresh = CompletionCycle(candidates: result.candidates, index: step > 0 ? 0 : result.candidates.count - 1)
        replace(el, text: text, cursor: cursor, result: result, with: fresh.candidate)
        let (after, afterCursor) = currentLine(el)
        fresh.record(line: after, cursor: afterCursor)
        cycle = fresh
        return UInt8(CC_REFRESH)
    }

    private func completion(text: String, cursor: Int) -> CompletionResult? {
        let prefix = text.utf8.prefix(cursor)
        let cursorCharacters = String(decoding: prefix, as: UTF8.self).utf16.count
        return completer(text, cursorCharacters)
    }

    /// Replaces the result's range (UTF-16 offsets) with `candidate`; libedit counts in characters.
    private func replace(_ el: OpaquePointer, text: String, cursor: Int, result: CompletionResult, with candidate: String) {
        let utf16 = Array(text.utf16)
        let start = Swift.max(0, Swift.min(result.replacementStart, utf16.count))
        let end = Swift.max(start, Swift.min(result.replacementStart + result.replacementLength, utf16.count))
        func scalars(_ units: Int) -> Int {
            String(decoding: utf16[0..<units], as: UTF16.self).unicodeScalars.count
        }
        let cursorScalars = String(decoding: text.utf8.prefix(cursor), as: UTF8.self).unicodeScalars.count
        _ = el_cursor(el, Int32(scalars(end) - cursorScalars))
        el_deletestr(el, Int32(scalars(end) - scalars(start)))
        _ = el_insertstr(el, candidate)
    }
}

/// Tab cycling: which candidate is on the line, and the line as completion left it (any other
/// edit starts a new completion).
struct CompletionCycle {
    let candidates: [String]
    private(set) var index: Int
    private var line = ""
    private var cursor = 0

    init(candidates: [String], index: Int) {
        self.candidates = candidates
        self.index = index
    }

    var candidate: String { candidates[index] }

    mutating func advance(by step: Int) {
        index = ((index + step) % candidates.count + candidates.count) % candidates.count
    }

    mutating func record(line: String, cursor: Int) {
        self.line = line
        self.cursor = cursor
    }

    func continues(line: String, cursor: Int) -> Bool {
        line == self.line && cursor == self.cursor
    }
}

/// Candidates in columns, filled row by row as PowerShell's list of possible completions.
enum CompletionList {
    static func format(_ candidates: [String], width: Int) -> String {
        let widest = candidates.map { $0.count }.max() ?? 0
        let columnWidth = widest + 2
        let perRow = Swift.max(1, width / Swift.max(1, columnWidth))
        var out = ""
        for (i, candidate) in candidates.enumerated() {
            let last = i % perRow == perRow - 1 || i == candidates.count - 1
            out += candidate
            if last {
                out += "\n"
            } else {
                out += String(repeating: " ", count: columnWidth - candidate.count)
            }
        }
        return out
    }
}

enum TerminalSize {
    static func columns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
