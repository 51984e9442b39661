/// The keys the console binds, named and described as PSReadLine 2.0's Windows mode names them.
/// The console's line editor implements each of these.
public enum KeyHandlers {
    public enum Group: String, CaseIterable, Sendable {
        case basic = "Basic", cursorMovement = "CursorMovement", history = "History", completion = "Completion",
             miscellaneous = "Miscellaneous", selection = "Selection", search = "Search", custom = "Custom"

        /// The heading PSReadLine's key handler view writes above the group.
        public var heading: String {
            switch self {
            case .basic: return "Basic editing functions"
            case .cursorMovement: return "Cursor movement functions"
            case .history: return "History functions"
            case .completion: return "Completion functions"
            case .miscellaneous: return "Miscellaneous functions"
            case .selection: return "Selection functions"
            case .search: return "Search functions"
            case .custom: return "User defined functions"
            }
        }
    }

    public struct Function: Sendable {
        public let name: String
        public let group: Group
        public let description: String
    }

    static func f(_ name: String, _ group: Group, _ description: String) -> Function {
        Function(name: name, group: group, description: description)
    }

    static let acceptLine = f("AcceptLine", .basic, "Accept the input or move to the next line if input is missing a closing token.")
    static let addLine = f("AddLine", .basic, "Move the cursor to the next line without attempting to execute the input")
    static let backwardDeleteChar = f("BackwardDeleteChar", .basic, "Delete the character before the cursor")
    static let backwardDeleteLine = f("BackwardDeleteLine", .basic, "Delete text from the cursor to the start of the line")
    static let backwardKillWord = f("BackwardKillWord", .basic, "Move the text from the start of the current or previous word to the cursor to the kill ring")
    static let copyOrCancelLine = f("CopyOrCancelLine", .basic, "Either copy selected text to the clipboard, or if no text is selected, cancel editing the line with CancelLine.")
    static let deleteChar = f("DeleteChar", .basic, "Delete the character under the cursor")
    static let forwardDeleteLine = f("ForwardDeleteLine", .basic, "Delete text from the cursor to the end of the line")
    static let killWord = f("KillWord", .basic, "Move the text from the cursor to the end of the current or next word to the kill ring")
    static let redo = f("Redo", .basic, "Redo an undo")
    static let revertLine = f("RevertLine", .basic, "Equivalent to undo all edits (clears the line except lines imported from history)")
    static let undo = f("Undo", .basic, "Undo a previous edit")
    static let backwardChar = f("BackwardChar", .cursorMovement, "Move the cursor back one character")
    static let backwardWord = f("BackwardWord", .cursorMovement, "Move the cursor to the beginning of the current or previous word")
    static let beginningOfLine = f("BeginningOfLine", .cursorMovement, "Move the cursor to the beginning of the line")
    static let endOfLine = f("EndOfLine", .cursorMovement, "Move the cursor to the end of the line")
    static let forwardChar = f("ForwardChar", .cursorMovement, "Move the cursor forward one character")
    static let nextWord = f("NextWord", .cursorMovement, "Move the cursor forward to the start of the next word")
    static let historySearchBackward = f("HistorySearchBackward", .history, "Search for the previous item in the history that starts with the current input - like PreviousHistory if the input is empty")
    static let historySearchForward = f("HistorySearchForward", .history, "Search for the next item in the history that starts with the current input - like NextHistory if the input is empty")
    static let nextHistory = f("NextHistory", .history, "Replace the input with the next item in the history")
    static let previousHistory = f("PreviousHistory", .history, "Replace the input with the previous item in the history")
    static let reverseSearchHistory = f("ReverseSearchHistory", .history, "Search history backwards interactively")
    static let menuComplete = f("MenuComplete", .completion, "Complete the input if there is a single completion, otherwise complete the input by selecting from a menu of possible completions.")
    static let tabCompleteNext = f("TabCompleteNext", .completion, "Complete the input using the next completion")
    static let tabCompletePrevious = f("TabCompletePrevious", .completion, "Complete the input using the previous completion")
    static let clearScreen = f("ClearScreen", .miscellaneous, "Clear the screen and redraw the current line at the top of the screen")

    /// The bound keys, in the order PSReadLine lists them.
    public static let windows: [(key: String, function: Function)] = [
        ("Enter", acceptLine), ("Shift+Enter", addLine), ("Escape", revertLine),
        ("Delete", deleteChar), ("Backspace", backwardDeleteChar), ("Ctrl+c", copyOrCancelLine),
        ("Ctrl+End", forwardDeleteLine), ("Ctrl+Home", backwardDeleteLine),
        ("Ctrl+y", redo), ("Ctrl+z", undo), ("Ctrl+Backspace", backwardKillWord), ("Ctrl+Delete", killWord),
        ("LeftArrow", backwardChar), ("RightArrow", forwardChar), ("Ctrl+LeftArrow", backwardWord),
        ("Ctrl+RightArrow", nextWord), ("Home", beginningOfLine), ("End", endOfLine),
        ("UpArrow", previousHistory), ("DownArrow", nextHistory), ("Ctrl+r", reverseSearchHistory),
        ("F8", historySearchBackward), ("Shift+F8", historySearchForward),
        ("Tab", tabCompleteNext), ("Shift+Tab", tabCompletePrevious), ("Ctrl+Spacebar", menuComplete),
        ("Ctrl+l", clearScreen),
    ]

    /// Functions PSReadLine has that no key calls here (Get-PSReadLineKeyHandler -Unbound).
    static let unboundFunctions: [Function] = [
        f("KillLine", .basic, "Move the text from the cursor to the end of the input to the kill ring"),
        f("Yank", .basic, "Copy the text from the current kill ring position to the input"),
        f("YankPop", .basic, "Replace the previously yanked text with the text from the next kill ring position"),
        f("UndoAll", .basic, "Undoes all commands for this line."),
        f("NextWordEnd", .cursorMovement, "Moves the cursor forward to the end of the next word."),
        f("YankLastArg", .history, "Copy the text of the last argument to the input"),
    ]
}
