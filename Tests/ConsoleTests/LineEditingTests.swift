import Foundation
import Testing

/// PSReadLine's Windows-mode keys on the libedit line editor, in a real terminal (tmux).
extension TerminalTests {
    @Test func escapeRevertsTheLineAndKeepsTheNextKey() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-Date abc")
            try t.press("Escape")
            try t.type("x")
            try expectCursorLine(t, Self.prompt + " x")
            try t.press("Escape", "Enter")
            try t.type("'after'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nafter\n"))
        }
    }

    @Test func wordAndLineMovesAndDeletes() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("one two three")
            try t.press("C-Left", "C-Left")
            try t.type("Q")
            try t.press("Home")
            try t.type("H")
            try t.press("End")
            try t.type("E")
            try expectCursorLine(t, Self.prompt + " Hone Qtwo threeE")
            try t.press("C-Left", "C-h")
            try expectCursorLine(t, Self.prompt + " Hone threeE")
            try t.press("Home", "C-Delete")
            try expectCursorLine(t, Self.prompt + "  threeE")
            try t.press("C-Right", "C-Left")
            try t.type("T")
            try expectCursorLine(t, Self.prompt + "  TthreeE")
        }
    }

    @Test func f8FindsTheLastCommandStartingWithTheTypedText() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("'alpha beta'")
            try t.press("Enter")
            try t.type("'gamma'")
            try t.press("Enter")
            try t.waitForCursorLine(Self.prompt)
            try t.type("'al")
            try t.press("F8")
            try expectCursorLine(t, Self.prompt + " 'alpha beta'")
        }
    }
}
