import Foundation
import Testing

/// Write-Host's colours on a real terminal (tmux), and none with NO_COLOR.
extension TerminalTests {
    @Test func writeHostColoursItsText() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Write-Host -ForegroundColor Red -BackgroundColor DarkBlue alert; 'plain'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "plain"))
            #expect(try t.waitForScreen(containing: "\u{1B}[91m\u{1B}[44malert", escapes: true))
        }
    }

    @Test func writeHostIsPlainWithNoColor() throws {
        try withTerminal(environment: ["NO_COLOR": "1"]) { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Write-Host -ForegroundColor Green go")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\ngo\n"))
            #expect(!(try t.screen(escapes: true)).contains("\u{1B}[92m"))
        }
    }
}
