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

/// Out-Default on the terminal: a slow pipeline's first row shows while the pipeline still runs.
extension TerminalTests {
    @Test func aSlowPipelineStreamsItsTableRows() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("1..2 | % { [pscustomobject]@{Id=$_; Word='row' + $_}; Start-Sleep 4 }; 'done'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\n 1 row1\n"))
            // The pipeline is still sleeping after its first object: the second row and 'done' wait.
            let screen = try t.screen()
            #expect(!screen.contains("row2") && !screen.contains("\ndone"))
            #expect(try t.waitForScreen(containing: "\ndone\n"))
        }
    }
}
