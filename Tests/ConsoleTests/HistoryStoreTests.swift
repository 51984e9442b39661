import Glibc
import Foundation
import Testing
@testable import smbconfig_shell

/// The history file: created only when something is saved, mode 0600, no duplicate neighbours,
/// credentials kept out of the file.
@Suite struct HistoryStoreTests {
    func scratch() throws -> String { try TestEnvironment.makeScratchFolder() }

    @Test func nothingIsCreatedUntilALineIsSaved() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = try #require(HistoryStore(folder: home + "/state/deeper"))
        store.loadIfNeeded()
        store.add("   ")
        store.add("$token = 'abc'")
        #expect(!FileManager.default.fileExists(atPath: home + "/state"))
        store.add("Get-SmbClientConfiguration")
        let attributes = try FileManager.default.attributesOfItem(atPath: home + "/state/deeper/history")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func sensitiveLinesAndRepeatsStayOutOfTheFile() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = try #require(HistoryStore(folder: home))
        for line in ["Get-SmbShare", "Get-SmbShare", "$Password = 1", "Set-Secret x", "Get-Token", "Get-SmbShare -Name b"] {
            store.add(line)
        }
        let text = try String(contentsOfFile: home + "/history", encoding: .utf8)
        #expect(text == "Get-SmbShare\nGet-SmbShare -Name b\n")
    }

    @Test func aNewStoreReadsWhatTheLastOneSaved() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        do {
            let first = try #require(HistoryStore(folder: home))
            first.add("Get-SmbClientConfiguration")
        }
        let second = try #require(HistoryStore(folder: home))
        #expect(!second.isLoaded)
        second.add("Get-SmbServerConfiguration")
        let text = try String(contentsOfFile: home + "/history", encoding: .utf8)
        #expect(text == "Get-SmbClientConfiguration\nGet-SmbServerConfiguration\n")
    }

    @Test func sizeIsLimited() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = try #require(HistoryStore(folder: home, limit: 5))
        for i in 0..<12 { store.add("'line \(i)'") }
        let entries = try #require(try? HistoryFile.read(home + "/history").entries)
        // Trimmed back to the limit whenever it grows half as much again.
        #expect(entries == (6..<12).map { "'line \($0)'" })
    }

    /// A multi-line input is one entry: written as PSReadLine writes it, read back whole.
    @Test func aMultiLineEntryRoundTripsAsOne() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let entry = "foreach ($i in 1..2) {\n  \"item $i\"\n}"
        do {
            let store = try #require(HistoryStore(folder: home))
            store.add(entry)
            store.add("Get-Date")
        }
        let text = try String(contentsOfFile: home + "/history", encoding: .utf8)
        #expect(text == "foreach ($i in 1..2) {`\n  \"item $i\"`\n}\nGet-Date\n")
        #expect(try HistoryFile.read(home + "/history").entries == [entry, "Get-Date"])
    }

    @Test func aFileInLibeditsFormatIsReadAndRewritten() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try "_HiStOrY_V2_\nGet-SmbShare\\040-Name\\040a\n'back\\\\slash'\n".write(toFile: home + "/history", atomically: false, encoding: .utf8)
        let store = try #require(HistoryStore(folder: home))
        store.add("Get-Date")
        let text = try String(contentsOfFile: home + "/history", encoding: .utf8)
        #expect(text == "Get-SmbShare -Name a\n'back\\slash'\nGet-Date\n")
    }

    /// A symbolic link in place of the history file is neither followed to read nor to write: the
    /// file it points to stays as it was, and the problem is reported once.
    @Test func aSymlinkedHistoryFileIsNeitherReadNorWritten() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let victim = home + "/victim"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: home + "/history", withDestinationPath: victim)
        let store = try #require(HistoryStore(folder: home))
        store.add("Get-SmbShare")
        store.add("Get-Date")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(store.takeProblem() == "Error reading or writing history file '\(home)/history': Too many levels of symbolic links")
        #expect(store.takeProblem() == nil)
        // A dangling link does not create its target either.
        try FileManager.default.removeItem(atPath: home + "/history")
        try FileManager.default.createSymbolicLink(atPath: home + "/history", withDestinationPath: home + "/created")
        try #require(HistoryStore(folder: home)).add("Get-Date")
        #expect(!FileManager.default.fileExists(atPath: home + "/created"))
    }

    @Test func aFifoInPlaceOfTheFileDoesNotHang() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(mkfifo(home + "/history", 0o600) == 0)
        let store = try #require(HistoryStore(folder: home))
        store.add("Get-Date")
        #expect(store.takeProblem() == "Error reading or writing history file '\(home)/history': It is not a regular file.")
    }
}

/// PSReadLine's rule for inputs kept out of the history file.
@Suite struct SensitiveInputTests {
    @Test(arguments: [
        "$password = 'p@ss'", "$token = \"abc\"", "$env:APIKEY = 'k'", "$s.Password = 'x'",
        "ConvertTo-SecureString 'x' -AsPlainText -Force", "Connect-Thing -Token 'abc'", "Connect-Thing -Password:abc",
        "Invoke-Thing -Secret ('abc')", "Set-Secret -Name x -Secret y", "'my password is x'", "\"token $x\"",
        "Get-Thing # secret", "$password = ", "kubectl create secret generic x", "Write-Host passwordless",
        "$a, $token = 'x', 'y'",
    ])
    func keptOut(_ input: String) {
        #expect(SensitiveInput.isSensitive(input), "\(input)")
    }

    @Test(arguments: [
        "Get-SmbShare", "$token", "Write-Output $password", "$token = Get-Secret -Name t", "$token = $vault.Token",
        "$key = $store.GetApiKey()", "Connect-Thing -Token $token", "Connect-Thing -Password:$p",
        "Invoke-Thing -Token (Get-Secret t)", "New-Thing -UseDefaultPassword", "$c.Password = $p", "$c.Token",
        "$c.Password = Read-Host", "Get-Secret -Name x -AsPlainText", "gcloud auth print-access-token",
        "az account get-access-token", "kubectl get secrets", "kubectl describe secret x",
        "Get-SecretInfo; $token.Length", "$TOKEN", "Get-AzAccessToken",
    ])
    func saved(_ input: String) {
        #expect(!SensitiveInput.isSensitive(input), "\(input)")
    }

    /// Deep nesting and many mentions are judged without a trap: nesting the parser refuses is an
    /// input with parse errors (sensitive); nesting it accepts is judged on the tree.
    @Test func deepAndLongInputsAreJudged() {
        func nested(_ depth: Int, _ inner: String) -> String {
            String(repeating: "(", count: depth) + inner + String(repeating: ")", count: depth)
        }
        #expect(SensitiveInput.isSensitive(nested(20_000, "$password")))
        #expect(!SensitiveInput.isSensitive(nested(40, "$password")))
        #expect(SensitiveInput.isSensitive(nested(40, "$password = 'x'")))
        let many = String(repeating: "Write-Output $token\n", count: 3000)
        #expect(!SensitiveInput.isSensitive(many))
        #expect(SensitiveInput.isSensitive(many + "$token = 'x'"))
    }

    /// Written exactly: `-asplaintext` in another case is judged like any other parameter.
    @Test func onlyTheExactAsPlainTextSpellingIsSensitiveByItself() {
        #expect(SensitiveInput.isSensitive("ConvertTo-SecureString x -AsPlainText"))
        #expect(!SensitiveInput.isSensitive("ConvertTo-SecureString $x -asplaintext -Force"))
    }
}

/// Colour and wrapping of console text.
@Suite struct ConsoleTextTests {
    @Test func colourEndsBeforeEachNewline() {
        #expect(ConsoleOutput.coloured("a\n\nb", code: "91") == "\u{1B}[91ma\u{1B}[0m\n\n\u{1B}[91mb\u{1B}[0m")
    }

    @Test func completionListFillsRows() {
        #expect(CompletionList.format(["aa", "b", "cccc", "d"], width: 13) == "aa    b\ncccc  d\n")
    }
}
