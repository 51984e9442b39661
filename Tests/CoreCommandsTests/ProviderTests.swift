import FoundationEssentials
import Glibc
import ShellTestSupport
import Testing
@testable import ShellEngine

/// An engine with its own state folder (the emulated `C:\` is inside it) that records its output.
struct ProviderFixture {
    let engine: Engine
    let host: RecordingHost
    let folder: String

    init(answers: [String] = [], folder: String? = nil) {
        (engine, host, self.folder) = makeEngine(RecordingHost(answers: answers), folder: folder)
    }

    @discardableResult
    func run(_ lines: String...) -> String {
        let start = host.text.endIndex
        for line in lines { _ = engine.execute(line) }
        return String(host.text[start...])
    }

    func read(_ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } ?? []
    }

    func close() {
        engine.shutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// The providers, drives and item cmdlets against real folders: the emulated `C:\` lives in the
/// fixture's state folder.
@Suite struct ProviderTests {
    @Test func emulatedDriveIsAFolderOfTheStateFolderSeededAsAFreshWindows() throws {
        let f = ProviderFixture()
        defer { f.close() }
        #expect(f.run(#"Test-Path C:\Windows\System32 -PathType Container"#) == "True\n")
        #expect(f.run(#"Test-Path C:\Users\Administrator\AppData\Local\Temp"#) == "True\n")
        f.run(#"New-Item C:\temp -ItemType Directory | Out-Null"#, #"Set-Content C:\temp\a.txt 'one','two'"#)
        #expect(f.read("drives/C/temp/a.txt") == Array("one\r\ntwo\r\n".utf8))
        #expect(f.run(#"Get-Content C:\temp\a.txt"#) == "one\ntwo\n")
        #expect(f.run(#"Get-Content C:\temp\..\..\..\temp\a.txt -TotalCount 1"#) == "one\n")
    }

    @Test func freshDriveHasTheFilesScriptsCheckFor() throws {
        let f = ProviderFixture()
        defer { f.close() }
        #expect(f.run(#"Test-Path C:\Windows\System32\reg.exe, C:\Windows\System32\drivers\etc\hosts"#) == "True\nTrue\n")
        #expect(f.run(#"Test-Path 'C:\ProgramData\Microsoft\Windows\Start Menu\Programs\Startup'"#) == "True\n")
        #expect(f.run(#"(Get-Content C:\Windows\System32\drivers\etc\hosts)[0]"#) == "# Copyright (c) 1993-2009 Microsoft Corp.\n")
        // A seeded file the user changed is kept when the drive is opened again.
        f.run(#"Set-Content C:\Windows\System32\drivers\etc\hosts '10.0.0.5 FILESRV'"#)
        let again = ProviderFixture(folder: f.folder)
        defer { again.engine.shutdown() }
        #expect(again.run(#"Get-Content C:\Windows\System32\drivers\etc\hosts"#) == "10.0.0.5 FILESRV\n")
    }

    @Test func transcriptMessagesNameTheWindowsPath() throws {
        let f = ProviderFixture()
        defer { f.close() }
        let out = f.run(#"try { Start-Transcript -Path C:\ProgramData\X\t.log } catch { $_.Exception.Message }"#)
        #expect(out == #"Transcription cannot be started due to the error: Could not find a part of the path 'C:\ProgramData\X\t.log'."# + "\n")
        let started = f.run("Start-Transcript")
        #expect(started.hasPrefix(#"Transcript started, output file is C:\Users\Administrator\Documents\PowerShell_transcript."#))
        f.run("Stop-Transcript")
    }

    @Test func childItemTableHasTheDirectoryHeaderAndFiveOneColumns() throws {
        let f = ProviderFixture()
        defer { f.close() }
        f.run(#"mkdir C:\temp\sub | Out-Null"#, #"Set-Content C:\temp\x.txt -Value abc -NoNewline"#)
        let out = f.run(#"Get-ChildItem C:\temp"#)
        // The last column fills the line, as the console's table rows do.
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
        #expect(lines[0] == "")
        #expect(lines[2] == #"    Directory: C:\temp"#)
        #expect(lines[5] == "Mode                LastWriteTime         Length Name")
        let header = lines.first { $0.hasPrefix("Mode") } ?? ""
        #expect(header.hasPrefix("Mode                LastWriteTime         Length Name"))
        let directoryRow = lines.first { $0.hasPrefix("d-----") } ?? ""
        #expect(directoryRow.hasSuffix(" sub"))
        let fileRow = lines.first { $0.hasPrefix("-a----") } ?? ""
        #expect(fileRow.hasSuffix("              3 x.txt"))
        #expect(f.run(#"(Get-Item C:\temp\x.txt).PSPath"#) == "Microsoft.PowerShell.Core\\FileSystem::C:\\temp\\x.txt\n")
        #expect(f.run(#"(Get-Item C:\temp\x.txt).PSParentPath"#) == "Microsoft.PowerShell.Core\\FileSystem::C:\\temp\n")
        #expect(f.run(#"(Get-Item C:\temp\x.txt).BaseName"#) == "x\n")
    }

    @Test func locationsPushAndPopAndRelativePathsFollowThem() throws {
        let f = ProviderFixture()
        defer { f.close() }
        f.run(#"New-Item C:\temp\a -ItemType Directory -Force | Out-Null"#)
        #expect(f.run("(Get-Location).Path") == "C:\\\n")
        f.run(#"Set-Location C:\temp"#, "Push-Location a", #"'x' | Out-File y.log"#)
        #expect(f.read("drives/C/temp/a/y.log") == [0xFF, 0xFE, 0x78, 0, 0x0D, 0, 0x0A, 0])
        #expect(f.run("(Get-Location).Path") == "C:\\temp\\a\n")
        #expect(f.run("Resolve-Path ..\\a\\y.log -Relative") == ".\\y.log\n")
        f.run("Pop-Location")
        #expect(f.run("pwd | ForEach-Object Path") == "C:\\temp\n")
        #expect(f.engine.promptText() == "PS C:\\temp> ")
        #expect(f.run("cd \\; (Get-Location).Path") == "C:\\\n")
    }

    @Test func missingItemsAndDrivesFailWithWindowsTexts() throws {
        let f = ProviderFixture()
        defer { f.close() }
        #expect(f.run(#"Get-Item C:\nope"#).contains("Cannot find path 'C:\\nope' because it does not exist."))
        #expect(f.run(#"Get-Item Q:\nope"#).contains("Cannot find drive. A drive with the name 'Q' does not exist."))
        f.run(#"mkdir C:\temp | Out-Null"#)
        #expect(f.run(#"New-Item C:\temp -ItemType Directory"#).contains("An item with the specified name C:\\temp already exists."))
        #expect(f.run(#"Remove-Item C:\temp -WhatIf"#) == "What if: Performing the operation \"Remove Directory\" on target \"C:\\temp\".\n")
    }

    @Test func removingAFolderWithChildrenAsksFirst() throws {
        let f = ProviderFixture(answers: ["N"])
        defer { f.close() }
        f.run(#"New-Item C:\temp\x.txt -ItemType File -Force | Out-Null"#)
        let out = f.run(#"Remove-Item C:\temp"#)
        #expect(out.contains("The item at C:\\temp has children and the Recurse parameter was not specified."))
        #expect(f.run(#"Test-Path C:\temp\x.txt"#) == "True\n")
        f.run(#"Remove-Item C:\temp -Recurse"#)
        #expect(f.run(#"Test-Path C:\temp"#) == "False\n")
    }

    @Test func noPathLeavesTheEmulatedDriveOrWritesThroughALink() throws {
        let f = ProviderFixture()
        defer { f.close() }
        #expect(f.run(#"(Resolve-Path C:\..\..\Windows).Path"#) == "C:\\Windows\n")
        let outside = f.folder + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        _ = f.run("Get-Item C:\\ | Out-Null")
        symlink(outside, f.folder + "/drives/C/link")
        #expect(f.run(#"Set-Content C:\link\x.txt hi"#).contains("Access to the path 'C:\\link\\x.txt' is denied."))
        #expect(!FileManager.default.fileExists(atPath: outside + "/x.txt"))
    }

    @Test func sessionDrivesShowEnvironmentVariablesFunctionsAndAliases() throws {
        let f = ProviderFixture()
        defer { f.close() }
        #expect(f.run("$env:COMPUTERNAME") == "TESTHOST\n")
        #expect(f.run("$env:windir; $env:OS") == "C:\\Windows\nWindows_NT\n")
        #expect(f.run("(Get-Item env:USERNAME).Value") == "Administrator\n")
        f.run("New-Item env:LAB_X -Value 5 | Out-Null")
        #expect(f.run("$env:LAB_X") == "5\n")
        f.run("function Get-Lab { 'lab' }")
        #expect(f.run("Test-Path function:Get-Lab") == "True\n")
        #expect(f.run("(Get-Item alias:dir).Definition") == "Get-ChildItem\n")
        #expect(f.run("Get-Content variable:PSCulture") == "en-US\n")
        #expect(f.run("Get-PSDrive -PSProvider Registry | ForEach-Object Name") == "HKCU\nHKLM\n")
    }

    @Test func pathCmdletsSplitAndJoinAsFiveOne() throws {
        let f = ProviderFixture()
        defer { f.close() }
        #expect(f.run(#"Join-Path C:\a\ \b"#) == "C:\\a\\b\n")
        #expect(f.run(#"Split-Path C:\a\b.txt -Leaf"#) == "b.txt\n")
        #expect(f.run(#"Split-Path C:\a -Parent"#) == "C:\\\n")
        #expect(f.run(#"Split-Path C:\a\b -Qualifier"#) == "C:\n")
        #expect(f.run(#"Split-Path C:\a\b -NoQualifier"#) == "\\a\\b\n")
        #expect(f.run(#"Convert-Path HKLM:\SOFTWARE"#) == "HKEY_LOCAL_MACHINE\\SOFTWARE\n")
        #expect(f.run(#"Test-Path 'C:\Win*\Sys*32'"#) == "True\n")
        #expect(f.run(#"Test-Path -LiteralPath 'C:\Win*'"#) == "False\n")
    }

    @Test func aLearnerCanWalkIntoALabFolderAndReadIt() throws {
        let f = ProviderFixture()
        defer { f.close() }
        let lab = f.folder + "/lab"
        try FileManager.default.createDirectory(atPath: lab, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: lab + "/notes.txt", contents: Data("mailslots\r\n".utf8))
        #expect(f.run("cd '\(lab)'; (Get-Location).Path") == lab + "\n")
        #expect(f.run("dir -Name") == "notes.txt\n")
        #expect(f.run("type notes.txt") == "mailslots\n")
        f.run("Get-ChildItem | Select-Object Name,Length | Out-File table.txt")
        let table = f.run("Get-Content table.txt")
        #expect(table.contains("notes.txt"))
    }
}
