import Glibc
import Testing
@testable import SMBPolicy

/// A state file replaced by a FIFO, a device or a folder: reading answers at once with an error,
/// and nothing is saved over it.
@Suite struct SpecialFileTests {
    @Test func aFIFOIsAnErrorInsteadOfAWait() throws {
        let temp = TempFolder()
        let folder = temp.path + "/home"
        try FileSystem.makeFolder(folder)
        #expect(mkfifo(folder + "/smb-policy.json", 0o644) == 0)
        #expect(mkfifo(folder + "/shares.json", 0o644) == 0)
        let policy = PolicyStore(folder: folder, profile: .windows11_24H2).load()
        #expect(policy.warnings.joined().contains("Not a regular file"))
        let shares = ShareStore(folder: folder).load()
        #expect(shares.warning?.contains("Not a regular file") == true)
        #expect(shares.state.shares.map(\.name) == ["ADMIN$", "C$", "IPC$"])
        #expect(throws: ShareStoreError.self) { try ShareStore(folder: folder).update { $0.shares.removeAll() } }
        var info = stat()
        #expect(lstat(folder + "/shares.json", &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func aDeviceOrAFolderIsNotRead() throws {
        let temp = TempFolder()
        #expect(symlink("/dev/zero", temp.path + "/zero") == 0)
        #expect(throws: SystemCallError.self) { try FileSystem.read(temp.path + "/zero", limit: 1 << 20) }
        #expect(mkdir(temp.path + "/folder", 0o755) == 0)
        do {
            _ = try FileSystem.read(temp.path + "/folder")
            Issue.record("a folder was read")
        } catch {
            #expect(error.code == EISDIR)
        }
    }
}
