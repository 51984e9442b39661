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
        let entries = text.split(separator: "\n").dropFirst()
        #expect(entries.count == 2)
        #expect(!text.lowercased().contains("password"))
        #expect(!text.lowercased().contains("secret"))
        #expect(!text.lowercased().contains("token"))
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
        #expect(text.split(separator: "\n").count == 3)
    }

    @Test func sizeIsLimited() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = try #require(HistoryStore(folder: home, limit: 5))
        for i in 0..<12 { store.add("'line \(i)'") }
        let text = try String(contentsOfFile: home + "/history", encoding: .utf8)
        #expect(text.split(separator: "\n").count == 6)
        #expect(text.contains("line\\04011"))
        #expect(!text.contains("line\\0406"))
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
