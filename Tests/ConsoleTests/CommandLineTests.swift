import Testing
@testable import smbconfig_shell

/// powershell.exe's switch rules as `CommandLineSwitches` applies them.
@Suite struct CommandLineTests {
    @Test func switchesMatchCaseInsensitivelyAndByShortestForm() throws {
        #expect(try CommandLineSwitches.canonicalize(["-NOPROFILE", "-noni", "-nol", "-noe", "-c", "exit", "3"])
                == ["-NoProfile", "-NonInteractive", "-NoLogo", "-NoExit", "-Command", "exit 3"])
        #expect(try CommandLineSwitches.canonicalize(["--noprofile", "-Sy", "-f", "s.ps1"])
                == ["-NoProfile", "-SyntaxCheck", "-File", "s.ps1", "--"])
    }

    @Test func fileTakesItsPathThenTheScriptArguments() throws {
        #expect(try CommandLineSwitches.canonicalize(["-File", "s.ps1", "-Verbose", "-Name", "x", "--", "y"])
                == ["-File", "s.ps1", "--", "-Verbose", "-Name", "x", "--", "y"])
    }

    @Test func commandTakesTheRestOfTheLine() throws {
        #expect(try CommandLineSwitches.canonicalize(["-Command", "Get-Item", "-NoProfile"])
                == ["-Command", "Get-Item -NoProfile"])
        #expect(try CommandLineSwitches.canonicalize(["-Command", "-"]) == ["-Command", "-"])
    }

    @Test func tooShortOrUnknownSwitchesStartTheCommand() throws {
        #expect(try CommandLineSwitches.canonicalize(["-no", "x"]) == ["-Command", "-no x"])
        #expect(try CommandLineSwitches.canonicalize(["-NoProfile", "Get-SmbClientConfiguration"])
                == ["-NoProfile", "-Command", "Get-SmbClientConfiguration"])
    }

    @Test func helpSpellings() throws {
        for spelling in ["-Help", "-?", "-h", "-HELP", "--help"] {
            #expect(try CommandLineSwitches.canonicalize([spelling]) == ["-Help"])
        }
    }

    @Test func compatibilitySwitchesAreAcceptedAndDropped() throws {
        #expect(try CommandLineSwitches.canonicalize(["-ExecutionPolicy", "Bypass", "-ep", "Bypass", "-NoProfile"])
                == ["-NoProfile"])
    }

    @Test func refusedCommandLines() {
        #expect(throws: CommandLineSwitches.Failure.self) { try CommandLineSwitches.canonicalize(["-File"]) }
        #expect(throws: CommandLineSwitches.Failure.self) { try CommandLineSwitches.canonicalize(["-Command"]) }
        #expect(throws: CommandLineSwitches.Failure.self) { try CommandLineSwitches.canonicalize(["-Command", "-", "x"]) }
        #expect(throws: CommandLineSwitches.Failure.self) { try CommandLineSwitches.canonicalize(["-ExecutionPolicy"]) }
    }

    @Test(arguments: [
        ["-nop", "-f", "s.ps1", "-Verbose", "a"],
        ["-NonInteractive", "-NoLogo", "-NoExit", "-Command", "Get-Item", "-Path", "x"],
        ["-SyntaxCheck", "-File", "-dash.ps1", "--", "x"],
        ["-c", "-"],
        ["Get-SmbShare", "-Name", "x"],
        [],
    ])
    func launchOptionsReadWhatArgumentParserReads(_ line: [String]) throws {
        let canonical = try CommandLineSwitches.canonicalize(line)
        #expect(LaunchOptions(canonical: canonical) == LaunchOptions(try ShellOptions.parse(canonical)))
    }

    @Test func canonicalArgumentsParse() throws {
        let options = try ShellOptions.parse(CommandLineSwitches.canonicalize(["-nop", "-f", "s.ps1", "-Verbose", "a"]))
        #expect(options.noProfile)
        #expect(options.file == "s.ps1")
        #expect(options.scriptArguments == ["-Verbose", "a"])
    }
}
