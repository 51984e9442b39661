import Foundation
import Testing
@testable import smbconfig_shell

/// PSReadLine's undo, multi-line input, menu completion, F7 history and colours, in a real terminal.
extension TerminalTests {
    @Test func ctrlZUndoesEachEditAndCtrlYRedoes() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("abc")
            try t.press("C-z")
            try expectCursorLine(t, Self.prompt + " ab")
            try t.press("C-z", "C-z")
            try expectCursorLine(t, Self.prompt)
            try t.press("C-y")
            try expectCursorLine(t, Self.prompt + " a")
            try t.press("Escape")
            try t.type("Get-SmbClientC")
            try t.press("Tab")
            try expectCursorLine(t, Self.prompt + " Get-SmbClientConfiguration")
            try t.press("C-z")
            try expectCursorLine(t, Self.prompt + " Get-SmbClientC")
        }
    }

    @Test func incompleteInputIsEditedAsOneMultiLineBuffer() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("if ($true) {")
            try t.press("Enter")
            try expectCursorLine(t, ">>")
            try t.type("'first'")
            try t.press("Enter")
            try t.type("}")
            // Back over the third line's prompt and the second line to the end of the first.
            try t.press("Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left", "Left")
            try t.type(" 'one'")
            try t.press("End")
            #expect(try t.waitForScreen(containing: "PS C:\\> if ($true) { 'one'\n>> 'first'\n>> }"),
                    "screen:\n\((try? t.screen()) ?? "")")
            // Backspace at the start of a line joins it to the line above.
            try t.press("BSpace", "BSpace")
            #expect(try t.waitForScreen(containing: "PS C:\\> if ($true) { 'one'\n>> 'first'\n\n\n"),
                    "screen:\n\((try? t.screen()) ?? "")")
            try t.type(" }")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\none\nfirst\n"), "screen:\n\((try? t.screen()) ?? "")")
        }
    }

    @Test func ctrlSpaceOpensAMenuOfCompletions() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-SmbS")
            try t.press("C-Space")
            #expect(try t.waitForScreen(containing: "Get-SmbServerConfiguration"))
            try t.press("Down")
            let screen = try t.screen()
            let candidates = screen.split(separator: "\n").filter { $0.contains("Get-SmbS") && !$0.hasPrefix("PS") }
            #expect(!candidates.isEmpty, "screen:\n\(screen)")
            try t.press("Enter")
            let line = try t.cursorLine()
            #expect(line.hasPrefix(Self.prompt + " Get-SmbS") && line.count > (Self.prompt + " Get-SmbS").count,
                    "line: \(line)")
            try t.press("Escape")
            try t.type("Get-SmbS")
            try t.press("C-Space", "Escape")
            try expectCursorLine(t, Self.prompt + " Get-SmbS")
        }
    }

    @Test func f7ListsTheHistoryAndEnterRunsTheChoice() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("'first entry'")
            try t.press("Enter")
            try t.type("'second entry'")
            try t.press("Enter")
            try t.waitForCursorLine(Self.prompt)
            try t.press("F7")
            #expect(try t.waitForScreen(containing: "1: 'second entry'"), "screen:\n\((try? t.screen()) ?? "")")
            try t.press("Up", "Enter")
            #expect(try t.waitForScreen(containing: "'first entry'\nfirst entry\n"), "screen:\n\((try? t.screen()) ?? "")")
        }
    }

    @Test func tokensAreColouredAsPSReadLineColoursThem() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-Date -Format 'x' $a 42")
            try t.press("Left")
            // Command yellow, parameter dark grey, string dark cyan, variable green, number white.
            // Each token is waited for: the line is redrawn as keys arrive.
            for token in ["\u{1B}[93mGet-Date", "\u{1B}[90m-Format", "\u{1B}[36m'x'", "\u{1B}[92m$a", "\u{1B}[97m42"] {
                #expect(try t.waitForScreen(containing: token, escapes: true), "screen:\n\((try? t.screen(escapes: true)) ?? "")")
            }
        }
    }

    @Test func setPSReadLineOptionChangesTheColours() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Set-PSReadLineOption -Colors @{ Command = 'Magenta' }")
            try t.press("Enter")
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-Date")
            try t.press("Left")
            #expect(try t.waitForScreen(containing: "\u{1B}[95mGet-Date", escapes: true),
                    "screen:\n\((try? t.screen(escapes: true)) ?? "")")
        }
    }

    @Test func noColourLeavesTheLinePlain() throws {
        try withTerminal(environment: ["NO_COLOR": "1"]) { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-Date -Format 'x'")
            try t.press("Left")
            try expectCursorLine(t, Self.prompt + " Get-Date -Format 'x'")
            #expect(!(try t.screen(escapes: true)).contains("\u{1B}[93m"))
        }
    }
}

/// The pure parts: layout, prompts of continuation lines, colour classes.
@Suite struct LineEditorPartsTests {
    @Test func continuationPromptsAreStrippedAndRestored() {
        let lines = ContinuationLines(prompt: ">> ")
        #expect(lines.strip("if (1) {\n>> 'x'\n>> }") == "if (1) {\n'x'\n}")
        #expect(lines.addPrompts("a\nb") == "a\n>> b")
    }

    @Test func aBrokenPromptJoinsTheLines() throws {
        let lines = ContinuationLines(prompt: ">> ")
        let before = Array("ab\n>> cd".unicodeScalars)
        let after = Array("ab\n>>cd".unicodeScalars)   // Backspace after the prompt
        let fixed = try #require(lines.repair(after, cursor: 5, previous: before, previousCursor: 6))
        #expect(String(String.UnicodeScalarView(fixed.scalars)) == "abcd")
        #expect(fixed.cursor == 2)
        // Delete at the end of the first line takes the newline and the prompt.
        let deleted = Array("ab>> cd".unicodeScalars)
        let joined = try #require(lines.repair(deleted, cursor: 2, previous: before, previousCursor: 2))
        #expect(String(String.UnicodeScalarView(joined.scalars)) == "abcd")
        // A recalled entry gets its prompts.
        let recalled = try #require(lines.repair(Array("a\nb".unicodeScalars), cursor: 3, previous: [], previousCursor: 0))
        #expect(String(String.UnicodeScalarView(recalled.scalars)) == "a\n>> b")
        #expect(recalled.cursor == 6)
    }

    @Test func theCursorSkipsThePrompt() throws {
        let lines = ContinuationLines(prompt: ">> ")
        let text = Array("ab\n>> cd".unicodeScalars)
        #expect(try #require(lines.repair(text, cursor: 5, previous: text, previousCursor: 6)).cursor == 2)
        #expect(try #require(lines.repair(text, cursor: 3, previous: text, previousCursor: 2)).cursor == 6)
        #expect(lines.repair(text, cursor: 6, previous: text, previousCursor: 7) == nil)
    }

    @Test func layoutWrapsAtTheWidthAndAfterNewlines() {
        let painter = InputPainter(promptWidth: 8, width: 10)
        let (cells, end) = painter.layout(Array("abc\nde".unicodeScalars))
        #expect(cells[0] == .init(row: 0, column: 8))
        #expect(cells[2] == .init(row: 1, column: 0))
        #expect(cells[4] == .init(row: 2, column: 0))
        #expect(end == .init(row: 2, column: 2))
    }

    @Test func tokenClasses() {
        let result = SyntaxColouring.classify("Get-Item -Path $x | % { [int]::MaxValue } # c")
        func classOf(_ fragment: String) -> SyntaxColouring.TokenClass? {
            let text = "Get-Item -Path $x | % { [int]::MaxValue } # c"
            guard let range = text.range(of: fragment) else { return nil }
            return result.classes[text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)]
        }
        #expect(classOf("Get-Item") == .command)
        #expect(classOf("-Path") == .parameter)
        #expect(classOf("$x") == .variable)
        #expect(classOf("%") == .command)
        #expect(classOf("int") == .type)
        #expect(classOf("MaxValue") == .member)
        #expect(classOf("# c") == .comment)
        #expect(!result.hasError)
        #expect(SyntaxColouring.classify("Get-Item )").hasError)
    }
}
