import Foundation
import Testing

/// `-File`, `-Command`, `-Command -`, `-NonInteractive`, `-SyntaxCheck`, the profile and the exit
/// codes, run as separate processes like powershell.exe would be.
@Suite struct ScriptModeTests {
    /// A scratch home with `files` written under it; runs the shell there and removes the folder.
    func shell(_ arguments: [String], stdin: String = "", files: [String: String] = [:],
               environment: [String: String] = [:]) throws -> (status: Int32, output: String, home: String) {
        let home = try TestEnvironment.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        for (name, text) in files {
            let path = home + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try TestEnvironment.write(text, to: path)
        }
        try TestEnvironment.write(stdin, to: home + "/stdin.txt")
        let result = try Spawn.run(TestEnvironment.shellBinary, arguments,
                                   environment: TestEnvironment.shellEnvironment(home: home, extra: environment),
                                   stdinPath: home + "/stdin.txt", directory: home)
        #expect(!result.timedOut)
        return (result.status, result.output, home)
    }

    @Test func fileBindsNamedAndPositionalArgumentsToParam() throws {
        let script = "param([string]$Name, [int]$Count)\n\"$Name has $($Count + 1)\"\n"
        let run = try shell(["-NoProfile", "-File", "s.ps1", "-Name", "Ada", "41"], files: ["s.ps1": script])
        #expect(run.output == "Ada has 42\n")
        #expect(run.status == 0)
    }

    @Test func fileArgumentsWithoutParamGoToArgs() throws {
        let run = try shell(["-NoProfile", "-File", "s.ps1", "one", "two"],
                            files: ["s.ps1": "\"$($args.Count):$($args[1])\"\n"])
        #expect(run.output == "2:two\n")
    }

    @Test func scriptErrorsShowTheScriptPathAndLine() throws {
        let run = try shell(["-NoProfile", "-File", "s.ps1"], files: ["s.ps1": "'first'\nGet-Nothing\n'after'\n"])
        #expect(run.output.hasPrefix("first\n"))
        #expect(run.output.contains("Get-Nothing : The term 'Get-Nothing' is not recognized"))
        #expect(run.output.contains(":2 char:1\n"))
        #expect(run.output.contains("/s.ps1:2 char:1"))
        // A command that is not found stops its statement, not the script.
        #expect(run.output.hasSuffix(" \nafter\n"))
        #expect(run.status == 0)
    }

    @Test func requiresStatementsAreCheckedBeforeTheScriptRuns() throws {
        let newer = try shell(["-NoProfile", "-File", "v7.ps1"], files: ["v7.ps1": "#Requires -Version 7\n'ran'\n"])
        #expect(newer.status == 1)
        #expect(newer.output == """
            The script 'v7.ps1' cannot be run because it contained a "#requires" statement for Windows PowerShell 7.0. The version \n\
            of Windows PowerShell that is required by the script does not match the currently running version of Windows \n\
            PowerShell 5.1.26100.2161.
                + CategoryInfo          : ResourceUnavailable: (v7.ps1:String) [], ScriptRequiresException
                + FullyQualifiedErrorId : ScriptRequiresUnmatchedPSVersion
             \n
            """)
        let met = try shell(["-NoProfile", "-File", "ok.ps1"], files: ["ok.ps1": """
            #requires -version 5.1
            #Requires -RunAsAdministrator
            #Requires -PSEdition Desktop
            #Requires -Modules SmbShare, @{ ModuleName = 'Microsoft.PowerShell.Utility'; ModuleVersion = '3.1' }
            'ran'

            """])
        #expect(met.output == "ran\n")
        let module = try shell(["-NoProfile", "-File", "m.ps1"], files: ["m.ps1": "#Requires -Modules SmbShare, ActiveDirectory\n'ran'\n"])
        #expect(module.output.contains("are missing: ActiveDirectory.\n"))
        #expect(module.output.contains("+ FullyQualifiedErrorId : ScriptRequiresMissingModules\n"))
        let edition = try shell(["-NoProfile", "-File", "e.ps1"], files: ["e.ps1": "#requires -PSEdition Core\n'ran'\n"])
        #expect(edition.output.contains("for PowerShell editions 'Core'."))
        #expect(edition.output.contains("+ CategoryInfo          : NotSpecified: (e.ps1:String) [], RuntimeException\n"))
        // Only a comment that starts its line is a #requires statement.
        let inline = try shell(["-NoProfile", "-File", "i.ps1"], files: ["i.ps1": "'ran' # #requires -Version 9\n"])
        #expect(inline.output == "ran\n")
    }

    @Test func aScriptCalledFromTheConsoleReportsItsRequiresAtTheCall() throws {
        let run = try shell(["-NoProfile", "-Command", "-"], stdin: ".\\v7.ps1; 'after'\n",
                            files: ["v7.ps1": "#Requires -Version 7.2\n'ran'\n"])
        #expect(run.output.hasPrefix(".\\v7.ps1 : The script 'v7.ps1' cannot be run because it contained a \"#requires\" statement for Windows PowerShell 7.2."))
        #expect(run.output.contains("At line:1 char:1\n+ .\\v7.ps1; 'after'\n+ ~~~~~~~~\n"))
        #expect(run.output.hasSuffix(" \nafter\n"))
    }

    @Test func fileExitCodes() throws {
        #expect(try shell(["-NoProfile", "-File", "s.ps1"], files: ["s.ps1": "exit 7\n"]).status == 7)
        #expect(try shell(["-NoProfile", "-File", "s.ps1"], files: ["s.ps1": "throw 'stop'\n'not reached'\n"]).status == 1)
        #expect(try shell(["-NoProfile", "-File", "s.ps1"], files: ["s.ps1": "'fine'\n"]).status == 0)
    }

    @Test func commandExitCodes() throws {
        #expect(try shell(["-NoProfile", "-Command", "exit", "5"]).status == 5)
        #expect(try shell(["-NoProfile", "-Command", "Get-Nothing"]).status == 1)
        let ok = try shell(["-NoProfile", "-Command", "'a' + 'b'"])
        #expect(ok.status == 0)
        #expect(ok.output == "ab\n")
    }

    @Test func commandDashReadsStandardInput() throws {
        let run = try shell(["-NoProfile", "-Command", "-"], stdin: "'one'\n1 + 1\nexit 4\n'never'\n")
        #expect(run.output == "one\n2\n")
        #expect(run.status == 4)
    }

    @Test func pipedInputJoinsIncompleteStatements() throws {
        let run = try shell(["-NoProfile"], stdin: "if ($true) {\n  'inside'\n}\n'after'\n")
        #expect(run.output == "inside\nafter\n")
    }

    @Test func nonInteractiveRefusesToPrompt() throws {
        let run = try shell(["-NoProfile", "-NonInteractive", "-Command", "Set-SmbClientConfiguration -EnableMailslots $true"])
        #expect(run.output.contains("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not"))
        #expect(run.status == 1)
    }

    @Test func profileRunsUnlessNoProfile() throws {
        let files = ["state/profile.ps1": "function prompt { 'SMB> ' }\n$greeting = 'hello from profile'\n"]
        #expect(try shell(["-Command", "$greeting"], files: files).output == "hello from profile\n")
        #expect(try shell(["-Command", "prompt"], files: files).output == "SMB> \n")
        #expect(try shell(["-NoProfile", "-Command", "$greeting"], files: files).output == "")
    }

    @Test func missingOrWrongScriptFile() throws {
        let missing = try shell(["-NoProfile", "-File", "absent.ps1"])
        #expect(missing.output == "The argument 'absent.ps1' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter.\n")
        #expect(missing.status == 64)
        let text = try shell(["-NoProfile", "-File", "notes.txt"], files: ["notes.txt": "'x'"])
        #expect(text.output.hasPrefix("Processing -File 'notes.txt' failed because the file does not have a '.ps1' extension."))
        #expect(text.status == 64)
        let bare = try shell(["-NoProfile", "-File"])
        #expect(bare.output.hasPrefix("The command cannot be run because the File parameter requires a file path."))
    }

    @Test func syntaxCheckIsSilentForValidScripts() throws {
        let run = try shell(["-SyntaxCheck", "-File", "s.ps1"], files: ["s.ps1": "Get-SmbClientConfiguration | Select-Object EnableMailslots\n"])
        #expect(run.output == "")
        #expect(run.status == 0)
    }

    @Test func syntaxCheckReportsOffsetIdAndMessage() throws {
        let run = try shell(["-SyntaxCheck", "-File", "s.ps1"], files: ["s.ps1": "'é'; @{ a=1;b=2;c=3;"])
        let fields = run.output.split(separator: "\n").first?.split(separator: "\t").map(String.init) ?? []
        #expect(fields.count == 3)
        #expect(fields.first == "7")
        #expect(fields.dropFirst().first == "MissingEndCurlyBrace")
        #expect(run.status == 1)
    }

    @Test func syntaxCheckReadsStandardInput() throws {
        let run = try shell(["-SyntaxCheck"], stdin: "Get-Item )\n")
        #expect(run.output.split(separator: "\t").dropFirst().first == "UnexpectedToken")
        #expect(run.status == 1)
    }

    @Test func switchesAreCaseInsensitiveAndAbbreviated() throws {
        let run = try shell(["-NOPROFILE", "-noni", "-c", "'abbreviated'"])
        #expect(run.output == "abbreviated\n")
        #expect(run.status == 0)
    }

    @Test func helpDescribesTheSwitches() throws {
        for spelling in ["-Help", "-?", "-h"] {
            let run = try shell([spelling])
            #expect(run.status == 0)
            #expect(run.output.contains("-NonInteractive"))
            #expect(run.output.contains("-SyntaxCheck"))
        }
    }

    /// Bytes that are not text, a NUL, an unterminated block and a very long line: errors, never a crash.
    @Test func hostileInputGivesErrorsNotCrashes() throws {
        let home = try TestEnvironment.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        var bytes: [UInt8] = Array("'ok'\n".utf8) + [0xFF, 0xFE, 0x00, 0xC3, 0x0A] + Array("{ \"\n".utf8)
        bytes += Array(repeating: UInt8(ascii: "("), count: 5000) + [0x0A]
        let input = home + "/stdin.bin"
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        for arguments in [["-NoProfile"], ["-NoProfile", "-Command", "-"], ["-SyntaxCheck"]] {
            let run = try Spawn.run(TestEnvironment.shellBinary, arguments,
                                    environment: TestEnvironment.shellEnvironment(home: home), stdinPath: input)
            #expect(!run.timedOut)
            #expect(run.status < 128, "\(arguments) ended by a signal: \(run.status)")
        }
    }
}
