import Glibc
import Testing
@testable import SMBPolicy

/// What the store keeps of a file other versions or tools wrote, and the size it never exceeds.
@Suite struct ForeignContentTests {
    static let foreign = #"""
        {"version": 1, "future": {"big": 12345678901234567890123, "huge": 1e400, "zero": -0, "one": 1.0},
         "client": {"KeepConn": 700, "LaterProperty": 1.50},
         "list": [1e400, -0, 1.0]}
        """#

    @Test func unknownKeysAndNumbersSurviveAChangeExactly() throws {
        let temp = TempFolder()
        temp.write("smb-policy.json", Self.foreign)
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        #expect(store.load().snapshot.value("KeepConn", side: .client) == .uint32(700))
        _ = try store.update(side: .client, set: ["SessionTimeout": .uint32(45)])
        let text = try #require(temp.read("smb-policy.json"))
        for kept in [#""big" : 12345678901234567890123"#, #""huge" : 1e400"#, #""zero" : -0"#, #""one" : 1.0"#,
                     #""LaterProperty" : 1.50"#, #""KeepConn" : 700"#, #""SessionTimeout" : 45"#,
                     "[\n    1e400,\n    -0,\n    1.0\n  ]"] {
            #expect(text.contains(kept), "\(kept) is not in \(text)")
        }
    }

    @Test func aFileWithAByteOrderMarkIsReadAndRewrittenWithout() throws {
        let temp = TempFolder()
        temp.write("smb-policy.json", "\u{FEFF}" + #"{"version": 1, "client": {"KeepConn": 701}}"#)
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        let loaded = store.load()
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.snapshot.value("KeepConn", side: .client) == .uint32(701))
        _ = try store.update(side: .client, set: ["SessionTimeout": .uint32(46)])
        #expect(temp.names() == ["smb-policy.json", "smb-policy.json.lock"])
        #expect(try #require(temp.read("smb-policy.json")).hasPrefix("{"))
    }

    /// A change that would make the file larger than the reader accepts is refused and the old
    /// file stays, so the shell never writes a file it cannot read back.
    @Test func aChangeBeyondTheReadableSizeIsRefused() throws {
        let temp = TempFolder()
        let padding = String(repeating: "x", count: PolicyStore.maximumFileSize - 200)
        temp.write("smb-policy.json", #"{"version": 1, "pad": ""# + padding + #""}"#)
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        let before = try #require(temp.read("smb-policy.json"))
        #expect(store.load().warnings.isEmpty)
        let big = RegistryData.multiString([String(repeating: "y", count: 300)])
        #expect {
            _ = try store.setGroupPolicy(side: .client, valueName: "Padding", value: big)
        } throws: { error in
            guard let error = error as? PolicyStoreError, error.kind == .tooLarge else { return false }
            return error.message.hasPrefix("Cannot save the SMB configuration: the file '\(store.filePath)' would grow to ")
                && error.message.hasSuffix("The previous configuration is unchanged.")
        }
        #expect(temp.read("smb-policy.json") == before)
        #expect(temp.names() == ["smb-policy.json", "smb-policy.json.lock"])
        // A smaller change still fits.
        _ = try store.setGroupPolicy(side: .client, valueName: "EnableMailslots", value: .dword(1))
        #expect(store.load().snapshot.mailslotsEnabled(.client))
    }
}

@Suite struct PolicyMonitorTests {
    /// Waits until the monitor's next look at the file is due.
    private func pause(_ monitor: PolicyMonitor) { usleep(UInt32(monitor.recheckInterval * 1000 + 20_000)) }

    @Test func aChangeByAnotherShellIsSeenAfterTheInterval() throws {
        let temp = TempFolder()
        let monitor = PolicyMonitor(store: PolicyStore(folder: temp.path, profile: .windows11_24H2), recheckInterval: 100)
        let other = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        #expect(!monitor.snapshot().mailslotsEnabled(.server))
        _ = try other.update(side: .server, set: ["EnableMailslots": .bool(true)])
        // Within the interval the file is not looked at.
        #expect(!monitor.snapshot().mailslotsEnabled(.server))
        pause(monitor)
        #expect(monitor.snapshot().mailslotsEnabled(.server))
        // A rewrite in place (same inode) is seen too.
        temp.write("smb-policy.json", #"{"version": 1, "server": {"EnableMailslots": false}, "client": {"EnableMailslots": true}}"#)
        pause(monitor)
        #expect(!monitor.snapshot().mailslotsEnabled(.server))
        #expect(monitor.snapshot().mailslotsEnabled(.client))
        // Removing the file brings the defaults back.
        unlink(temp.file("smb-policy.json"))
        pause(monitor)
        #expect(!monitor.snapshot().mailslotsEnabled(.client))
        #expect(monitor.drainWarnings().isEmpty)
    }

    @Test func aDamagedFileKeepsTheLastGoodPolicyAndWarnsOnce() throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        _ = try store.update(side: .client, set: ["EnableMailslots": .bool(true), "KeepConn": .uint32(900)])
        let monitor = PolicyMonitor(store: store, recheckInterval: 50)
        #expect(monitor.snapshot().value("KeepConn", side: .client) == .uint32(900))
        temp.write("smb-policy.json", #"{"version": 1, "client": {"KeepConn": 9"#)
        pause(monitor)
        #expect(monitor.snapshot().value("KeepConn", side: .client) == .uint32(900))
        #expect(monitor.snapshot().mailslotsEnabled(.client))
        temp.write("smb-policy.json", #"{"version": 1, "client": {"KeepConn": 99"#)
        pause(monitor)
        _ = monitor.snapshot()
        #expect(monitor.drainWarnings() == ["The SMB configuration file '\(store.filePath)' is damaged (it is not valid JSON). "
            + "The configuration read from it before stays in effect."])
        // Nothing was moved aside: the file belongs to whoever is writing it.
        #expect(temp.names() == ["smb-policy.json", "smb-policy.json.lock"])
        temp.write("smb-policy.json", #"{"version": 1, "client": {"KeepConn": 901, "SessionTimeout": 12.5}}"#)
        pause(monitor)
        #expect(monitor.snapshot().value("KeepConn", side: .client) == .uint32(901))
        pause(monitor)
        temp.write("smb-policy.json", #"{"version": 1, "client": {"KeepConn": 902, "SessionTimeout": 12.5}}"#)
        pause(monitor)
        #expect(monitor.snapshot().value("KeepConn", side: .client) == .uint32(902))
        // The ignored value is reported once, not at every reload.
        #expect(monitor.drainWarnings() == ["The stored client setting 'SessionTimeout' in the SMB policy file is not a "
            + "valid System.UInt32 value and is ignored."])
    }

    /// A file that cannot be read is reported by the first read and not again at each look.
    @Test func anUnreadableFileIsReportedOnce() throws {
        let temp = TempFolder()
        #expect(mkdir(temp.file("smb-policy.json"), 0o755) == 0)   // read() fails with EISDIR
        let monitor = PolicyMonitor(store: PolicyStore(folder: temp.path, profile: .windows11_24H2), recheckInterval: 20)
        #expect(!monitor.snapshot().mailslotsEnabled(.client))
        #expect(monitor.drainWarnings().count == 1)
        pause(monitor)
        _ = monitor.snapshot()
        pause(monitor)
        _ = monitor.snapshot()
        #expect(monitor.drainWarnings().isEmpty)
        rmdir(temp.file("smb-policy.json"))
    }

    @Test func ownChangesTakeEffectAtOnce() throws {
        let temp = TempFolder()
        let monitor = PolicyMonitor(store: PolicyStore(folder: temp.path, profile: .windows11_24H2), recheckInterval: 60_000)
        #expect(!monitor.snapshot().mailslotsEnabled(.client))
        monitor.record(try monitor.store.update(side: .client, set: ["EnableMailslots": .bool(true)]))
        #expect(monitor.snapshot().mailslotsEnabled(.client))
    }
}
