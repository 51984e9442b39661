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

extension TerminalTests {
    @Test func tabCompletesFilePathsAndRegistryPaths() throws {
        let home = try TestEnvironment.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/labs/01-legacy-app", withIntermediateDirectories: true)
        try withTerminal(home: home, shellCommand: "cd '\(home)' && $SHELL_BINARY -NoProfile") { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-ChildItem labs/0")
            try t.press("Tab")
            try expectCursorLine(t, Self.prompt + " Get-ChildItem labs/01-legacy-app")
            try t.press("Escape")
            try t.type("Get-Item HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Mu")
            try t.press("Tab")
            try expectCursorLine(t, Self.prompt + " Get-Item HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Mup")
        }
    }
}
