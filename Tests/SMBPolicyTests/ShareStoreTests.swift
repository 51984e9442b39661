import Glibc
import Testing
@testable import SMBPolicy

@Suite struct ShareStoreTests {
    @Test func aFreshHostHasTheAdministrativeSharesAndNoFile() {
        let temp = TempFolder()
        let store = ShareStore(folder: temp.path + "/home")
        let (state, warning) = store.load()
        #expect(warning == nil)
        #expect(state.shares.map(\.name) == ["ADMIN$", "C$", "IPC$"])
        #expect(state.mappings.isEmpty)
        var info = stat()
        #expect(stat(store.filePath, &info) != 0)
    }

    @Test func changesRoundTripThroughTheFile() throws {
        let temp = TempFolder()
        let folder = temp.path + "/home"
        try ShareStore(folder: folder).update { state in
            var share = ShareRecord(name: "Data", path: "C:\\Data")
            share.description = "Team \"files\""
            share.encryptData = true
            share.concurrentUserLimit = 7
            share.access = [ShareAccessEntry(accountName: "BUILTIN\\Users", controlType: .deny, right: .change)]
            state.shares.append(share)
            state.mappings.append(MappingRecord(localPath: "X:", remotePath: "\\\\PC\\Data", userName: "PC\\u", persistent: true))
        }
        let state = ShareStore(folder: folder).load().state
        let data = try #require(state.shares.first { $0.name == "Data" })
        #expect(data.description == "Team \"files\"" && data.encryptData && data.concurrentUserLimit == 7)
        #expect(data.access == [ShareAccessEntry(accountName: "BUILTIN\\Users", controlType: .deny, right: .change)])
        #expect(state.mappings == [MappingRecord(localPath: "X:", remotePath: "\\\\PC\\Data", userName: "PC\\u", persistent: true)])
    }

    @Test func aDamagedFileIsMovedAsideWithAWarning() throws {
        let temp = TempFolder()
        let folder = temp.path + "/home"
        try ShareStore(folder: folder).update { $0.shares.removeAll { $0.name == "C$" } }
        let store = ShareStore(folder: folder)
        let fd = open(store.filePath, O_WRONLY | O_TRUNC)
        _ = "{\"shares\": [".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let (state, warning) = store.load()
        #expect(state.shares.map(\.name) == ["ADMIN$", "C$", "IPC$"])
        #expect(warning?.contains("was damaged and has been moved to") == true)
        var info = stat()
        #expect(stat(store.filePath, &info) != 0)
    }

    /// 6 threads, each with its own store, add 20 shares each: all 120 are in the file at the end.
    @Test func concurrentWritersKeepEveryShare() async throws {
        let temp = TempFolder(inMemory: true)
        let folder = temp.path + "/home"
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<6 {
                group.addTask {
                    try await runOnThread {
                        let store = ShareStore(folder: folder)
                        for n in 0..<20 {
                            try store.update { $0.shares.append(ShareRecord(name: "W\(writer)S\(n)", path: "C:\\")) }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(ShareStore(folder: folder).load().state.shares.count == 3 + 120)
    }

    @Test func anUnreadableFileIsNeverOverwritten() throws {
        let temp = TempFolder()
        let folder = temp.path + "/home"
        let store = ShareStore(folder: folder)
        try store.update { $0.shares.removeAll { $0.name == "C$" } }
        // A folder where the file should be: reading fails with EISDIR, not as a damaged file.
        unlink(store.filePath)
        mkdir(store.filePath, 0o755)
        #expect(store.load().warning?.contains("could not be read") == true)
        #expect(throws: ShareStoreError.self) { try store.update { $0.shares.removeAll() } }
        var info = stat()
        #expect(stat(store.filePath, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
