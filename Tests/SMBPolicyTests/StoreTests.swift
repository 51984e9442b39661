import Glibc
import Testing
@testable import SMBPolicy

@Suite struct StoreTests {
    @Test func loadingAMissingFolderGivesDefaultsAndCreatesNothing() {
        let temp = TempFolder()
        let folder = temp.path + "/not/yet"
        let result = PolicyStore(folder: folder, profile: .windows11_24H2).load()
        #expect(result.warnings.isEmpty)
        #expect(result.snapshot.value("EnableMailslots", side: .client) == .bool(false))
        #expect(result.snapshot.entry("RequireSecuritySignature", side: .client)?.source == .default)
        #expect(!result.snapshot.mailslotsEnabled(.client))
        #expect(!result.snapshot.mailslotsEnabled(.server))
        var info = stat()
        #expect(stat(temp.path + "/not", &info) != 0)
    }

    @Test func changesPersistAcrossInstancesAndResetRestoresTheDefault() throws {
        let temp = TempFolder()
        let folder = temp.path + "/home"
        let first = PolicyStore(folder: folder, profile: .windows11_24H2)
        let change = try first.update(side: .client, set: ["enablemailslots": .bool(true), "SessionTimeout": .uint32(30)])
        #expect(change.snapshot.mailslotsEnabled(.client))
        #expect(change.registryWrites.map(\.path) == [
            #"HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters\SessTimeout"#,
            #"HKLM\SYSTEM\CurrentControlSet\Services\Mup\Parameters\EnableMailslots"#,
        ])
        #expect(change.registryWrites.map(\.data) == [.dword(30), .dword(1)])
        #expect(change.registryWrites.last?.summary
                == #"HKLM\SYSTEM\CurrentControlSet\Services\Mup\Parameters\EnableMailslots (REG_DWORD) = 0x1"#)

        let second = PolicyStore(folder: folder, profile: .windows11_24H2).load()
        #expect(second.warnings.isEmpty)
        #expect(second.snapshot.entry("EnableMailslots", side: .client)?.source == .local)
        #expect(second.snapshot.value("SessionTimeout", side: .client) == .uint32(30))
        #expect(!second.snapshot.mailslotsEnabled(.server))

        let reset = try first.reset(side: .client, properties: ["EnableMailslots"])
        #expect(reset.registryWrites.map(\.data) == [.dword(0)])
        let third = PolicyStore(folder: folder, profile: .windows11_24H2).load().snapshot
        #expect(third.entry("EnableMailslots", side: .client)?.source == .default)
        #expect(third.value("SessionTimeout", side: .client) == .uint32(30))
        let text = try #require(temp.read("home/smb-policy.json"))
        #expect(text.contains("\"version\" : 1"))
        #expect(!text.contains("EnableMailslots"))
    }

    @Test func explicitValuesEqualToTheDefaultStayLocal() throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windowsServer2025)
        _ = try store.update(side: .server, set: ["EnableSMB2Protocol": .bool(true)])
        #expect(store.load().snapshot.entry("EnableSMB2Protocol", side: .server)?.source == .local)
    }

    @Test func invalidChangesAreRefusedAndLeaveTheFileAlone() throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windowsServer2022)
        _ = try store.update(side: .server, set: ["MaxMpxCount": .uint32(60)])
        let before = temp.read("smb-policy.json")
        #expect(throws: PolicyStoreError.self) {
            try store.update(side: .server, set: ["SmbServerNameHardeningLevel": .uint32(7)])
        }
        #expect(throws: PolicyStoreError.self) {
            try store.update(side: .client, set: ["EnableMailslots": .bool(true)])   // not in 2022
        }
        #expect(throws: PolicyStoreError.self) { try store.reset(side: .server, properties: ["NoSuchThing"]) }
        #expect(temp.read("smb-policy.json") == before)
    }

    @Test func profilesWithoutTheGateAllowRemoteMailslots() {
        let temp = TempFolder()
        let snapshot = PolicyStore(folder: temp.path, profile: .windows11_23H2).load().snapshot
        #expect(snapshot.mailslotsEnabled(.client))
        #expect(snapshot.mailslotsEnabled(.server))
        #expect(snapshot.entry("EnableMailslots", side: .client) == nil)
        #expect(snapshot.entries(side: .server).count == 46)
    }

    @Test func groupPolicyWinsOverTheLocalSetting() throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        _ = try store.update(side: .client, set: ["EnableMailslots": .bool(true)])
        let disabled = try store.setGroupPolicy(side: .client, valueName: "EnableMailslots", value: .dword(0))
        #expect(disabled.registryWrites.map(\.path) == [#"HKLM\Software\Policies\Microsoft\Windows\NetworkProvider\EnableMailslots"#])
        let entry = try #require(disabled.snapshot.entry("EnableMailslots", side: .client))
        #expect(entry.value == .bool(false) && entry.source == .groupPolicy && entry.localValue == .bool(true))
        #expect(!disabled.snapshot.mailslotsEnabled(.client))

        // Not configured (2) lets the local value decide, as mup.sys does.
        let notConfigured = try store.setGroupPolicy(side: .client, valueName: "EnableMailslots", value: .dword(2))
        #expect(notConfigured.snapshot.mailslotsEnabled(.client))

        let serverOn = try store.setGroupPolicy(side: .server, valueName: "EnableMailslots", value: .dword(1))
        #expect(serverOn.registryWrites.map(\.summary) == [
            #"HKLM\Software\Policies\Microsoft\Windows\Bowser\EnableMailslots (REG_DWORD) = 0x1; takes effect after a reboot"#,
        ])
        #expect(serverOn.snapshot.mailslotsEnabled(.server))
        #expect(serverOn.registryWrites.first?.activation == .reboot)
        #expect(serverOn.snapshot.groupPolicyValues(side: .server) == ["EnableMailslots": .dword(1)])

        let removed = try store.removeGroupPolicy(side: .server, valueName: "enablemailslots")
        #expect(!removed.snapshot.mailslotsEnabled(.server))
        #expect(removed.registryWrites.first?.data == nil)
        #expect(PolicyStore(folder: temp.path, profile: .windows11_24H2).load().snapshot.mailslotsEnabled(.client))
    }

    @Test func theRegistryViewShowsStoredFormsAndPolicyValues() throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        _ = try store.update(side: .client, set: ["EnableLargeMtu": .bool(false), "SessionTimeout": .uint32(45),
                                                  "EnableMailslots": .bool(true)])
        _ = try store.update(side: .server, set: ["NullSessionShares": .string("a,b")])
        let snapshot = try store.setGroupPolicy(side: .server, valueName: "EnableMailslots", value: .dword(0)).snapshot
        #expect(snapshot.registryValues(key: .lanmanWorkstation) == [
            RegistryValue(name: "DisableLargeMtu", data: .dword(1)), RegistryValue(name: "SessTimeout", data: .dword(45)),
        ])
        #expect(snapshot.registryValues(key: .mupParameters) == [RegistryValue(name: "EnableMailslots", data: .dword(1))])
        #expect(snapshot.registryValues(key: .lanmanServer) == [
            RegistryValue(name: "NullSessionShares", data: .multiString(["a", "b"])),
        ])
        #expect(snapshot.registryValues(key: .bowser) == [RegistryValue(name: "EnableMailslots", data: .dword(0))])
        #expect(snapshot.registryValues(key: .networkProvider).isEmpty)
        #expect(!snapshot.mailslotsEnabled(.server))
    }

    @Test func unknownFieldsSurviveARewrite() throws {
        let temp = TempFolder()
        temp.write("smb-policy.json", """
            {"version": 1, "comment": {"by": "lab"}, "client": {"FutureSetting": [1, 2], "KeepConn": 700},
             "server": {}, "groupPolicy": {"client": {"Other": {"type": "REG_SZ", "data": "x"}}}, "extra": -5.5}
            """)
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        #expect(store.load().snapshot.value("KeepConn", side: .client) == .uint32(700))
        _ = try store.update(side: .client, set: ["MaxCmds": .uint32(51)])
        let text = try #require(temp.read("smb-policy.json"))
        let root = try #require(try JSONValue.parse(Array(text.utf8)).objectValue)
        #expect(root["comment"] == .object(["by": .string("lab")]))
        #expect(root["extra"] == .number("-5.5"))
        let client = try #require(root["client"]?.objectValue)
        #expect(client["FutureSetting"] == .array([.unsigned(1), .unsigned(2)]))
        #expect(client["KeepConn"] == .unsigned(700))
        #expect(client["MaxCmds"] == .unsigned(51))
        #expect(root["groupPolicy"]?.objectValue?["client"]?.objectValue?["Other"] != nil)
    }

    @Test func aCorruptFileIsMovedAsideWithAWarning() throws {
        let temp = TempFolder()
        temp.write("smb-policy.json", "{\"version\": 1, \"client\": {\"KeepConn\": 7")
        let store = PolicyStore(folder: temp.path, profile: .windowsServer2025)
        let result = store.load()
        #expect(result.snapshot.entry("KeepConn", side: .client)?.source == .default)
        #expect(result.warnings.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.hasPrefix("The SMB configuration file '\(temp.path)/smb-policy.json' is damaged (it is not valid JSON)."))
        #expect(warning.hasSuffix("the Windows Server 2025 defaults are in effect."))
        let aside = try #require(temp.names().first { $0.hasPrefix("smb-policy.json.corrupt-") })
        #expect(temp.read(aside) == "{\"version\": 1, \"client\": {\"KeepConn\": 7")
        #expect(temp.read("smb-policy.json") == nil)
        // Later changes start from the defaults; the damaged copy is kept.
        _ = try store.update(side: .client, set: ["KeepConn": .uint32(9)])
        #expect(temp.read(aside) != nil)
        #expect(store.load().warnings.isEmpty)
    }

    @Test func aWrongShapeIsCorruptToo() {
        for text in ["[]", "{\"client\": {}}", "{\"version\": \"1\"}", "{\"version\": 1, \"client\": 5}", ""] {
            let temp = TempFolder()
            temp.write("smb-policy.json", text)
            let result = PolicyStore(folder: temp.path, profile: .windows11_24H2).load()
            #expect(result.warnings.count == 1, "\(text)")
            #expect(temp.names().contains { $0.hasPrefix("smb-policy.json.corrupt-") }, "\(text)")
        }
    }

    @Test func invalidStoredValuesAreIgnoredWithAWarningAndKept() throws {
        let temp = TempFolder()
        temp.write("smb-policy.json", #"{"version": 1, "client": {"KeepConn": "x", "MaxCmds": 5000000000}}"#)
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        let result = store.load()
        #expect(result.warnings.count == 2)
        #expect(result.snapshot.value("KeepConn", side: .client) == .uint32(600))
        _ = try store.update(side: .client, set: ["EnableLargeMtu": .bool(false)])
        #expect(try #require(temp.read("smb-policy.json")).contains("\"KeepConn\" : \"x\""))
    }

    @Test func aNewerFormatIsReadButNeverOverwritten() throws {
        let temp = TempFolder()
        let text = #"{"version": 2, "client": {"KeepConn": 700}}"#
        temp.write("smb-policy.json", text)
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        let result = store.load()
        #expect(result.snapshot.value("KeepConn", side: .client) == .uint32(700))
        #expect(result.warnings.count == 1)
        #expect(throws: PolicyStoreError.self) { try store.update(side: .client, set: ["KeepConn": .uint32(1)]) }
        #expect(temp.read("smb-policy.json") == text)
    }

    @Test func anUnreadableFileIsLeftAloneAndNotOverwritten() throws {
        let temp = TempFolder()
        mkdir(temp.file("smb-policy.json"), 0o755)   // a folder where the file should be: EISDIR
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        let result = store.load()
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("could not be read") == true)
        #expect(throws: PolicyStoreError.self) { try store.update(side: .client, set: ["KeepConn": .uint32(1)]) }
        var info = stat()
        #expect(stat(temp.file("smb-policy.json"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
        #expect(!temp.names().contains { $0.contains("corrupt") })
    }

    @Test func anEmptyFolderNameIsRefused() {
        let store = PolicyStore(folder: "", profile: .windows11_24H2)
        #expect(store.load().warnings.isEmpty)
        #expect(throws: PolicyStoreError.self) { try store.update(side: .client, set: ["KeepConn": .uint32(1)]) }
    }

    @Test func aHomeUnderARegularFileFailsClearly() throws {
        let temp = TempFolder()
        temp.write("plainfile", "x")
        let store = PolicyStore(folder: temp.path + "/plainfile/home", profile: .windows11_24H2)
        #expect(store.load().warnings.isEmpty)
        do {
            _ = try store.update(side: .client, set: ["KeepConn": .uint32(1)])
            Issue.record("the change succeeded")
        } catch {
            #expect(error.kind == .io)
            #expect(error.message.contains("Not a directory"))
        }
        #expect(temp.read("plainfile") == "x")
    }

    /// A read-only folder: `chattr +i` makes it immutable even for root (ext4); without the
    /// privilege, a folder made read-only by its mode does the same for an unprivileged user.
    @Test func aReadOnlyFolderFailsClearlyAndKeepsTheOldFile() throws {
        let temp = TempFolder()
        let store = PolicyStore(folder: temp.path, profile: .windows11_24H2)
        _ = try store.update(side: .client, set: ["KeepConn": .uint32(11)])
        let before = try #require(temp.read("smb-policy.json"))
        let immutable = runCommand(["chattr", "+i", temp.path]) == 0
        if !immutable { chmod(temp.path, 0o555) }
        defer {
            if immutable { runCommand(["chattr", "-i", temp.path]) } else { chmod(temp.path, 0o755) }
        }
        #expect(geteuid() != 0 || immutable, "root needs chattr for a read-only folder")
        do {
            _ = try store.update(side: .client, set: ["KeepConn": .uint32(12)])
            Issue.record("the change succeeded")
        } catch {
            #expect(error.kind == .io)
            #expect(error.message.hasPrefix("Cannot save the SMB configuration: "))
            #expect(error.message.hasSuffix("The previous configuration is unchanged."))
        }
        #expect(temp.read("smb-policy.json") == before)
        #expect(store.load().snapshot.value("KeepConn", side: .client) == .uint32(11))
    }

    /// A full disk: a 64 KiB tmpfs (needs root). The old file must survive a write that does not fit.
    @Test func aFullDiskFailsClearlyAndKeepsTheOldFile() throws {
        let temp = TempFolder()
        let mountPoint = temp.path + "/small"
        mkdir(mountPoint, 0o755)
        let mounted = runCommand(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]) == 0
        defer { if mounted { runCommand(["umount", mountPoint]) } }
        #expect(geteuid() != 0 || mounted, "root can mount a small tmpfs")
        guard mounted else { return }
        let store = PolicyStore(folder: mountPoint, profile: .windows11_24H2)
        _ = try store.update(side: .server, set: ["AnnounceComment": .string("before")])
        let before = try #require(TempFolder.readFile(mountPoint + "/smb-policy.json"))
        // Fill the rest of the file system.
        let filler = open(mountPoint + "/filler", O_WRONLY | O_CREAT, 0o644)
        let block = [UInt8](repeating: 0x41, count: 4096)
        while block.withUnsafeBytes({ Glibc.write(filler, $0.baseAddress, $0.count) }) > 0 {}
        close(filler)
        do {
            _ = try store.update(side: .server, set: ["AnnounceComment": .string(String(repeating: "x", count: 8192))])
            Issue.record("the change succeeded")
        } catch {
            #expect(error.kind == .io)
            #expect(error.message.contains("No space left on device"))
        }
        #expect(TempFolder.readFile(mountPoint + "/smb-policy.json") == before)
        #expect(!TempFolder.names(mountPoint).contains { $0.contains(".tmp-") })
    }
}

extension TempFolder {
    static func readFile(_ path: String) -> String? {
        guard case .contents(let bytes, _)? = try? FileSystem.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func names(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            })
        }
        return names
    }
}
