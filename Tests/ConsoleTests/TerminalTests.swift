import Foundation
import Testing

/// The interactive console in a real terminal (tmux): prompt, editing, completion, history, keys,
/// colours.
@Suite struct TerminalTests {
    static let prompt = "PS C:\\>"

    /// Runs `body` against a fresh shell in tmux and always tears the server and folder down.
    func withTerminal(home: String? = nil, arguments: [String] = ["-NoProfile"], shellCommand: String? = nil,
                      environment: [String: String] = [:], _ body: (TerminalSession) throws -> Void) throws {
        let folder = try home ?? TestEnvironment.makeScratchFolder()
        let session = try TerminalSession(home: folder, arguments: arguments, shellCommand: shellCommand,
                                          environment: environment)
        defer {
            session.close()
            if home == nil { try? FileManager.default.removeItem(atPath: folder) }
        }
        try body(session)
    }

    /// Waits for the cursor line and records what the terminal showed when it differs.
    func expectCursorLine(_ t: TerminalSession, _ expected: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        let line = try t.waitForCursorLine(expected)
        let screen = line == expected ? "" : try t.screen()
        #expect(line == expected, "screen:\n\(screen)", sourceLocation: sourceLocation)
    }

    @Test func bannerNamesProductAndProfileThenPrompt() throws {
        try withTerminal(environment: ["SMBCONFIG_OS_PROFILE": "WindowsServer2025"]) { t throws in
            try expectCursorLine(t, Self.prompt)
            let screen = try t.screen()
            #expect(screen.contains("smbconfig-shell"))
            #expect(screen.contains("OS profile: WindowsServer2025 (Windows Server 2025)"))
        }
    }

    @Test func bannerShowsTheDefaultProfileForAnUnknownValue() throws {
        try withTerminal(environment: ["SMBCONFIG_OS_PROFILE": "Windows95"]) { t throws in
            try expectCursorLine(t, Self.prompt)
            #expect(try t.screen().contains("OS profile: Windows11-24H2 (Windows 11 24H2)"))
        }
    }

    @Test func noLogoHidesTheBanner() throws {
        try withTerminal(arguments: ["-NoProfile", "-NoLogo"]) { t throws in
            try expectCursorLine(t, Self.prompt)
            #expect(!(try t.screen()).contains("smbconfig-shell"))
        }
    }

    @Test func typingAndEditingTheLine() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-SmbClientConfigurationXY")
            try t.press("BSpace", "BSpace", "C-a")
            try t.type("(")
            try t.press("C-e")
            try t.type(").EnableMailslots")
            #expect(try t.waitForCursorLine("PS C:\\> (Get-SmbClientConfiguration).EnableMailslots")
                    == "PS C:\\> (Get-SmbClientConfiguration).EnableMailslots")
            try t.press("C-u")
            try expectCursorLine(t, Self.prompt)
            try t.type("(Get-SmbClientConfiguration).EnableMailslots")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nFalse\n"))
        }
    }

    @Test func promptStartsOnAFreshLineAfterOutputWithoutNewline() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Write-Host -NoNewline 'partial'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\npartial\nPS C:\\>"))
        }
    }

    @Test func killAndYank() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("'one' 'two'")
            try t.press("C-a", "C-f", "C-f", "C-f", "C-f", "C-f", "C-k")
            try expectCursorLine(t, "PS C:\\> 'one'")
            try t.press("C-y", "C-a", "C-y")
            try expectCursorLine(t, "PS C:\\>  'two''one' 'two'")
        }
    }

    @Test func tabCompletesCmdletNameInCanonicalCase() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("set-smbcl")
            try t.press("Tab")
            try expectCursorLine(t, "PS C:\\> Set-SmbClientConfiguration")
        }
    }

    @Test func tabCompletesAfterNonASCIIText() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("'Büro 😀'; set-smbcl")
            try t.press("Tab")
            try expectCursorLine(t, "PS C:\\> 'Büro 😀'; Set-SmbClientConfiguration")
            try t.press("C-a", "C-f", "C-f", "C-f")
            try t.type("ä")
            try t.press("C-e")
            try t.type(" -EnableMa")
            try t.press("Tab")
            try expectCursorLine(t, "PS C:\\> 'Büäro 😀'; Set-SmbClientConfiguration -EnableMailslots")
        }
    }

    @Test func ctrlCAtTheContinuationPromptAbandonsTheBlock() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("if ($true) {")
            try t.press("Enter")
            try expectCursorLine(t, ">>")
            try t.type("'never'")
            try expectCursorLine(t, ">> 'never'")
            try t.press("C-c")
            try expectCursorLine(t, Self.prompt)
            try t.type("'after'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nafter\n"))
            #expect(!(try t.screen()).contains("\nnever\n"))
        }
    }

    @Test func tabCompletesParameterName() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Set-SmbClientConfiguration -EnableMa")
            try t.press("Tab")
            let expected = "PS C:\\> Set-SmbClientConfiguration -EnableMailslots"
            try expectCursorLine(t, expected)
        }
    }

    @Test func tabCompletesVariable() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("$t")
            try t.press("Tab")
            try expectCursorLine(t, "PS C:\\> $true")
        }
    }

    @Test func tabCyclesEnumValuesAndShiftTabGoesBack() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            let line = "PS C:\\> Set-SmbClientConfiguration -Smb2DialectMin "
            try t.type("Set-SmbClientConfiguration -Smb2DialectMin S")
            try t.press("Tab")
            try expectCursorLine(t, line + "SMB202")
            try t.press("Tab")
            try expectCursorLine(t, line + "SMB210")
            try t.press("Tab")
            try expectCursorLine(t, line + "SMB300")
            try t.press("BTab")
            try expectCursorLine(t, line + "SMB210")
        }
    }

    @Test func tabCompletesPropertiesOfACommandsOutput() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("(Get-SmbClientConfiguration).EnableMa")
            try t.press("Tab")
            try expectCursorLine(t, "PS C:\\> (Get-SmbClientConfiguration).EnableMailslots")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nFalse\n"))
            try t.type("Get-SmbServerConfiguration | Select-Object EnableMa")
            try t.press("Tab")
            try expectCursorLine(t, "PS C:\\> Get-SmbServerConfiguration | Select-Object EnableMailslots")
        }
    }

    @Test func ctrlSpaceListsEveryCandidate() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-SmbS")
            try t.press("C-Space")
            #expect(try t.waitForScreen(containing: "Get-SmbShareAccess"))
            try t.press("Escape")
            try expectCursorLine(t, "PS C:\\> Get-SmbS")
        }
    }

    @Test func historyIsRecalledWithUpInTheNextSession() throws {
        let home = try TestEnvironment.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try withTerminal(home: home) { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-SmbServerConfiguration | Out-Null")
            try t.press("Enter")
            try t.waitForCursorLine(Self.prompt)
            try t.type("$password = 'x'")
            try t.press("Enter")
            try t.waitForCursorLine(Self.prompt)
            try t.press("C-d")
            #expect(try t.waitForExit() == 0)
        }
        let path = home + "/state/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!saved.contains("password"))
        try withTerminal(home: home) { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.press("Up")
            let expected = "PS C:\\> Get-SmbServerConfiguration | Out-Null"
            try expectCursorLine(t, expected)
        }
    }

    @Test func ctrlRSearchesHistory() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            for word in ["server", "client"] {
                try t.type("'from the \(word)'")
                try t.press("Enter")
                #expect(try t.waitForScreen(containing: "\nfrom the \(word)\nPS C:\\>"))
            }
            // Ctrl-R is the terminal's reprint key until libedit has switched to raw mode, a moment
            // after the prompt is drawn; a person never types that fast.
            usleep(200_000)
            try t.press("C-r")
            try t.type("server")
            var last = ""
            for _ in 0..<200 where !last.contains("'from the server'") {
                last = try t.cursorLine()
                usleep(50_000)
            }
            #expect(last.contains("'from the server'"))
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nfrom the server\nPS C:\\>"))
            try expectCursorLine(t, Self.prompt)
            try t.press("Up")
            try expectCursorLine(t, "PS C:\\> 'from the server'")
        }
    }

    @Test func ctrlCAbandonsAHalfTypedLine() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-SmbClientConfig")
            try expectCursorLine(t, "PS C:\\> Get-SmbClientConfig")
            try t.press("C-c")
            try expectCursorLine(t, Self.prompt)
            try t.type("'still here'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nstill here\n"))
        }
    }

    @Test func ctrlBackslashAndCtrlZLeaveTheConsoleRunning() throws {
        // exec: the keys' signals reach the whole foreground group, and the wrapper's /bin/sh
        // would itself quit or stop on them.
        try withTerminal(shellCommand: "exec $SHELL_BINARY -NoProfile") { t throws in
            try t.waitForCursorLine(Self.prompt)
            // The raw bytes: 0x1C is Ctrl-\\ (SIGQUIT), 0x1A is Ctrl-Z (SIGTSTP).
            try t.press("-H", "1c", "1a")
            try t.type("'still here'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nstill here\n"))
        }
    }

    @Test func ctrlCStopsARunningCommandAndTheConsoleStays() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Start-Sleep -Seconds 60; 'not reached'")
            try t.press("Enter")
            try expectCursorLine(t, "")
            usleep(300_000)
            let started = Date()
            try t.press("C-c")
            try expectCursorLine(t, Self.prompt)
            #expect(Date().timeIntervalSince(started) < 9)
            #expect(!(try t.screen()).contains("\nnot reached"))
            try t.type("'still here'")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nstill here\n"))
        }
    }

    @Test func ctrlCAtTheConfirmationPromptCancelsTheCommand() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Set-SmbClientConfiguration -EnableMailslots $true")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "(default is \"Y\"):"))
            try t.press("C-c")
            try expectCursorLine(t, Self.prompt)
            try t.type("(Get-SmbClientConfiguration).EnableMailslots")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\nFalse\n"))
        }
    }

    @Test func incompleteInputContinuesWithTheContinuationPrompt() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("if ($true) {")
            try t.press("Enter")
            try expectCursorLine(t, ">>")
            try t.type("'inside'")
            try t.press("Enter")
            try expectCursorLine(t, ">>")
            try t.type("}")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "\ninside\n"))
            try expectCursorLine(t, Self.prompt)
        }
    }

    @Test func errorsAreRedOnTheTerminal() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-Nothing")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "is not recognized"))
            #expect(try t.waitForScreen(containing: "\u{1B}[91mGet-Nothing : The term", escapes: true))
        }
    }

    @Test func warningsAndVerboseAreYellowOutputIsPlain() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Write-Warning 'careful'; Write-Verbose 'detail' -Verbose; 'plain'")
            try t.press("Enter")
            // tmux writes an attribute only where it changes: both lines yellow, then back to default.
            #expect(try t.waitForScreen(containing: "\u{1B}[93mWARNING: careful\nVERBOSE: detail\n\u{1B}[39mplain\n",
                                        escapes: true))
        }
    }

    @Test func noColourWhenNoColorIsSet() throws {
        try withTerminal(environment: ["NO_COLOR": "1"]) { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("Get-Nothing")
            try t.press("Enter")
            #expect(try t.waitForScreen(containing: "is not recognized"))
            #expect(!(try t.screen(escapes: true)).contains("\u{1B}[91m"))
        }
    }

    @Test func pipedInputPrintsErrorsWithoutColourOrPrompt() throws {
        try withTerminal(shellCommand: "echo Get-Nothing | $SHELL_BINARY -NoProfile") { t throws in
            #expect(try t.waitForExit() != nil)
            #expect(try t.waitForScreen(containing: "is not recognized"))
            let screen = try t.screen(escapes: true)
            #expect(!screen.contains("\u{1B}[91m"))
            #expect(!screen.contains("PS C:\\>"))
        }
    }

    @Test func ctrlDOnAnEmptyLineLeaves() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.press("C-d")
            #expect(try t.waitForExit() == 0)
        }
    }

    @Test func exitCodeLeavesTheConsole() throws {
        try withTerminal { t throws in
            try t.waitForCursorLine(Self.prompt)
            try t.type("exit 3")
            try t.press("Enter")
            #expect(try t.waitForExit() == 3)
        }
    }

    @Test func noExitKeepsTheConsoleAfterTheCommand() throws {
        try withTerminal(arguments: ["-NoProfile", "-NoLogo", "-NoExit", "-Command", "'from the command'"]) { t throws in
            try expectCursorLine(t, Self.prompt)
            #expect(try t.waitForScreen(containing: "from the command\nPS C:\\>"))
            try t.type("exit 4")
            try t.press("Enter")
            #expect(try t.waitForExit() == 4)
        }
    }

    @Test func profileRedefinesPrompt() throws {
        let home = try TestEnvironment.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/state", withIntermediateDirectories: true)
        try TestEnvironment.write("function prompt { 'SMB> ' }\n", to: home + "/state/profile.ps1")
        try withTerminal(home: home, arguments: []) { t throws in
            try expectCursorLine(t, "SMB>")
        }
        try withTerminal(home: home, arguments: ["-NoProfile"]) { t throws in
            try expectCursorLine(t, Self.prompt)
        }
    }
}
