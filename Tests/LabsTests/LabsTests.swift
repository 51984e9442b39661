import FoundationEssentials
import MailslotTransport
import SMBPolicy
@testable import EmulatedHost
@testable import Labs
import Glibc
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Transcripts, the registry view, Group Policy precedence, captures, workloads and lab files,
/// through the engine with real files and real UDP sockets on 127.0.0.1.
struct LabsTests {
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
            .replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: Transcripts

    @Test func transcriptHasThe51HeaderCommandsPromptsAndFooter() throws {
        let f = LabsFixture(answers: ["N"])
        defer { f.close() }
        let started = f.run("Start-Transcript -Path '\(f.folder)/t.txt'")
        #expect(started == "Transcript started, output file is \(f.folder)/t.txt\n")
        f.run("'one'", "Set-SmbClientConfiguration -EnableMailslots $true", "Stop-Transcript")
        let bytes = f.read("t.txt")
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!bytes.enumerated().contains { $0.element == 0x0A && ($0.offset == 0 || bytes[$0.offset - 1] != 0x0D) })
        let text = Self.lines(bytes)
        #expect(Array(text[0...1]) == ["**********************", "Windows PowerShell transcript start"])
        #expect(text[3] == "Username: LAB\\learner")
        #expect(text[4] == "RunAs User: LAB\\learner")
        #expect(text[5] == "Configuration Name: ")
        #expect(text[6] == "Machine: LABPC (Microsoft Windows NT 10.0.26100.0)")
        #expect(text[9] == "PSVersion: 5.1.26100.2161")
        let joined = text.joined(separator: "\n")
        #expect(joined.contains("**********************\nTranscript started, output file is \(f.folder)/t.txt\nPS C:\\> 'one'\none\n"))
        #expect(joined.contains("[?] Help (default is \"Y\"): N\nPS C:\\> Stop-Transcript\n**********************\nWindows PowerShell transcript end\nEnd time: "))
        #expect(text.suffix(2) == ["**********************", ""])
    }

    @Test func stopWithoutTranscriptIsAnErrorAndExitWritesTheFooter() throws {
        let f = LabsFixture()
        defer { try? FileManager.default.removeItem(atPath: f.folder) }
        let output = f.run("Stop-Transcript")
        #expect(output.contains("An error occurred stopping transcription: The host is not currently transcribing."))
        f.run("Start-Transcript -Path '\(f.folder)/exit.txt' -IncludeInvocationHeader", "'x'")
        #expect(f.engine.transcriptTee?.transcripts.count == 1)
        f.engine.shutdown()
        let lines = Self.lines(f.read("exit.txt"))
        #expect(lines.joined(separator: "\n").contains("**********************\nCommand start time: "))
        let footer = Array(lines.suffix(5))
        #expect(Array(footer[0...1]) == ["**********************", "Windows PowerShell transcript end"])
        #expect(footer[2].hasPrefix("End time: ") && footer[2].dropFirst(10).count == 14 && footer[2].dropFirst(10).allSatisfy(\.isNumber))
        #expect(Array(footer[3...4]) == ["**********************", ""])
    }

    @Test func transcriptIntoAFolderFails() throws {
        let f = LabsFixture()
        defer { f.close() }
        let output = f.run("Start-Transcript -Path '\(f.folder)'")
        #expect(output.replacing("\n", with: "").contains("Transcription cannot be started due to the error: File path \(f.folder) resolves to a directory."))
        #expect(f.engine.transcriptTee?.transcripts.isEmpty == true)
    }

    // MARK: Registry view and precedence

    @Test func registryViewIsDerivedFromTheSchemaAndTheSnapshot() throws {
        let f = LabsFixture()
        defer { f.close() }
        f.run("Set-SmbClientConfiguration -EnableMailslots $true -RequireSecuritySignature $false -Force")
        let view = RegistryView(snapshot: f.engine.policySnapshot())
        let mupPath = try #require(RegistryPath.parse(#"HKLM:\system\currentcontrolset\services\mup\parameters"#))
        let mup = try #require(view.node(mupPath))
        #expect(mup.values.map(\.name) == ["EnableMailslots"])
        #expect(mup.values.first?.data == .dword(1))
        let workstationPath = try #require(RegistryPath.parse(#"Registry::HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters"#))
        let workstation = try #require(view.node(workstationPath))
        #expect(workstation.values.contains { $0.name == "RequireSecuritySignature" && $0.data == .dword(0) })
        // Every key a property of the profile is stored under exists.
        for property in PolicySchema.properties(side: .server, profile: .windows11_24H2) {
            let path = RegistryPath(components: RegistryView.components(property.storage.key), typed: "")
            #expect(view.node(path) != nil)
        }
        let bowser = try #require(RegistryPath.parse(#"HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser"#))
        #expect(view.policySide(bowser) == .server)
        #expect(RegistryPath.parse(#"C:\Windows"#) == nil)
        #expect(RegistryPath.driveName(#"HKCU:\Software"#) == "HKCU")
    }

    @Test func groupPolicyWinsOverTheLocalSettingUntilRemoved() throws {
        let f = LabsFixture()
        defer { f.close() }
        let np = #"HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider"#
        f.run("Set-SmbClientConfiguration -EnableMailslots $false -Force",
              "Set-ItemProperty \(np) -Name EnableMailslots -Value 1")
        #expect(f.engine.policySnapshot().entry("EnableMailslots", side: .client)?.source == .groupPolicy)
        #expect(f.engine.mailslotService.policy.outboundRemoteAllowed)
        #expect(f.run("(Get-SmbConfigurationSource -Name EnableMailslots -Side Client).Source") == "GroupPolicy\n")
        #expect(f.run("(Get-ItemProperty \(np)).EnableMailslots") == "1\n")
        f.run("Remove-ItemProperty \(np) -Name EnableMailslots")
        #expect(f.engine.policySnapshot().entry("EnableMailslots", side: .client)?.source == .local)
        #expect(!f.engine.mailslotService.policy.outboundRemoteAllowed)
        #expect(f.run("Remove-ItemProperty \(np) -Name EnableMailslots").contains("Property EnableMailslots does not exist at path"))
    }

    @Test func missingPathsAndBadValuesFailAsOnWindows() throws {
        let f = LabsFixture()
        defer { f.close() }
        let missing = f.run(#"Get-ChildItem HKLM:\SOFTWARE\Nothing"#)
        #expect(missing.contains("Cannot find path 'HKLM:\\SOFTWARE\\Nothing' because it does not exist."))
        #expect(f.run(#"Test-Path HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bow*"#) == "True\n")
        let exists = f.run(#"New-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser -Name EnableMailslots -Value 1"#,
                           #"New-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser -Name EnableMailslots -Value 0"#)
        #expect(exists.contains("The property already exists."))
        let cast = f.run(#"Set-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser -Name EnableMailslots -Value abc -Type DWord"#)
        #expect(cast.replacing("\n", with: "").contains("Cannot convert value \"abc\" to type \"System.Int32\"."))
        #expect(f.engine.policySnapshot().mailslotsEnabled(.server))
    }

    // MARK: Captures

    @Test func pcapFramesHaveValidHeadersAndReadBack() throws {
        let payload: [UInt8] = Array(0..<57)
        let datagram = TappedDatagram(direction: .sent, source: DatagramAddress(ipv4: 0x7F00_0001, port: 40000),
                                      destination: DatagramAddress(ipv4: 0xC0A8_010A, port: 5138), payload: payload,
                                      seconds: 1_700_000_000, microseconds: 42)
        let frame = PcapWriter.frame(datagram)
        #expect(frame.count == 14 + 20 + 8 + payload.count)
        #expect(Array(frame[12...13]) == [0x08, 0x00])
        #expect(PcapWriter.internetChecksum(Array(frame[14..<34])) == 0)
        #expect(Array(frame[34..<38]) == [0, 138, 0, 138])
        var pseudo = Array(frame[26..<34]) + [0, 17] + Array(frame[38..<40])
        pseudo += Array(frame[34...])
        #expect(PcapWriter.internetChecksum(pseudo) == 0)
        let f = LabsFixture()
        defer { f.close() }
        let writer = try PcapWriter(path: f.folder + "/x.pcap")
        writer.write(datagram)
        writer.close()
        let records = try PcapReader.read(f.read("x.pcap"))
        #expect(records.count == 1)
        #expect(records.first?.payload == payload)
        #expect(records.first?.destination.ipv4 == 0xC0A8_010A)
        #expect(records.first?.microseconds == 42)
    }

    @Test func captureRecordsSentAndReceivedDatagramsOverRealSockets() throws {
        let f = LabsFixture()
        defer { f.close() }
        f.run("Set-SmbClientConfiguration -EnableMailslots $true -Force", "Set-SmbServerConfiguration -EnableMailslots $true -Force",
              "New-Mailslot cap | Out-Null")
        // A second computer on loopback that writes to this shell.
        let own = try #require(f.engine.mailslotService.boundEndpoint)
        f.write("peer.lmhosts", "\(own) LABPC #PRE\n")
        let peer = MailslotService(configuration: TransportConfiguration(computerName: "PEER", endpoint: "127.0.0.1:0",
                                                                         lmhostsPath: f.folder + "/peer.lmhosts"),
                                   policy: .allowed)
        defer { peer.shutdown() }
        f.run("Start-MailslotCapture -Path '\(f.folder)/c.pcap'", #"Send-MailslotMessage \\LABPC\mailslot\cap -Message self"#)
        #expect(f.run("Receive-MailslotMessage cap -Timeout 5000") == "self\n")
        try peer.write(path: #"\\LABPC\mailslot\cap"#, data: Array("from peer".utf8))
        #expect(f.run("Receive-MailslotMessage cap -Timeout 5000") == "from peer\n")
        let summary = f.run("$c = Stop-MailslotCapture; '' + $c.Sent + ' ' + $c.Received")
        #expect(summary == "1 1\n")
        let records = try PcapReader.read(f.read("c.pcap"))
        let decoded = try records.map { try DatagramCodec.decode($0.payload) }
        #expect(decoded.map { String(decoding: $0.data, as: UTF8.self) } == ["self", "from peer"])
        #expect(decoded.map { $0.header.sourceName.description } == ["LABPC<00>", "PEER<00>"])
        #expect(decoded.allSatisfy { $0.mailslotName == #"\MAILSLOT\CAP"# })
        #expect(!f.engine.mailslotService.tap.isActive)
    }

    // MARK: Workloads and events

    @Test func legacyAppLogs3025UntilOutboundIsEnabled() throws {
        let f = LabsFixture()
        defer { f.close() }
        f.run("New-Mailslot orders | Out-Null",
              #"Start-LegacyMailslotApp -Kind LineOfBusiness -Name Orders -Target \\LABPC\mailslot\orders -IntervalMilliseconds 3600000 | Out-Null"#)
        #expect(f.run("(Get-LabEvent -Newest 1).ErrorCode") == "3025\n")
        #expect(f.run("(Get-LabEvent -Newest 1).Simulated") == "True\n")
        f.run("Set-SmbClientConfiguration -EnableMailslots $true -Force", "Set-SmbServerConfiguration -EnableMailslots $true -Force",
              "Invoke-LegacyMailslotApp Orders | Out-Null")
        #expect(f.run("@(Get-LabEvent -Result Success).Count") == "1\n")
        #expect(f.run("(Receive-MailslotMessage orders -Timeout 2000)") == "legacy LineOfBusiness message #2 from LABPC\n")
        let app = try #require(f.engine.labServices.app(named: "orders"))
        #expect(app.snapshot.successes == 1 && app.snapshot.failures == 1 && app.snapshot.lastError == 3025)
        f.run("Stop-LegacyMailslotApp Orders")
        #expect(f.engine.labServices.apps.isEmpty)
        #expect(f.run("Stop-LegacyMailslotApp Orders").contains("Cannot find a legacy mailslot app with the name 'Orders'."))
    }

    @Test func appTimerWritesInTheBackground() async throws {
        let f = LabsFixture()
        defer { f.close() }
        f.run("Start-LegacyMailslotApp -Kind Messenger -IntervalMilliseconds 50 | Out-Null")
        try await Task.sleep(for: .milliseconds(400))
        let count = f.engine.labServices.events.events.count
        #expect(count >= 3)
        #expect(f.engine.labServices.events.events.allSatisfy { $0.errorCode == Win32Error.remoteMailslotsDeprecated.code && $0.target == #"\\*\MAILSLOT\MESSNGR"# })
    }

    @Test func hostAnnouncementLayout() {
        let bytes = LegacyPayload.hostAnnouncement(computer: "wks-old", comment: "pc", periodicity: 60000, updateCount: 3)
        #expect(bytes.count == 32 + 3)
        #expect(Array(bytes[0...5]) == [0x01, 3, 0x60, 0xEA, 0x00, 0x00])
        #expect(String(decoding: bytes[6..<13], as: UTF8.self) == "WKS-OLD")
        #expect(Array(bytes[28...31]) == [0x0F, 0x01, 0x55, 0xAA])
    }

    @Test func helpTopicAndCommandHelpMarkTheExtensions() {
        let f = LabsFixture()
        defer { f.close() }
        #expect(f.run("Get-Help about_SmbLabs").contains("TOPIC\n    about_SmbLabs"))
        // Help wraps at the console width: read it with its line breaks joined.
        #expect(f.run("Get-Help Get-SmbConfigurationSource").replacing("\n    ", with: " ")
            .contains("shell extension; not a Windows cmdlet"))
        #expect(f.run("(Get-Command Get-LabEvent).Name") == "Get-LabEvent\n")
    }

    // MARK: Lab files

    @Test func labDataFilesAreReadNotRun() throws {
        let data = try LabDataFile.read(text: """
            @{ Title = 'T'; N = -5; L = 'a', 'b'; A = @('x'; @(1, 2)); B = $true; Z = $null
               Check = { Remove-Item everything } }
            """, file: "t.psd1")
        #expect(data["title"]?.text == "T")
        #expect(data["N"]?.text == "-5")
        #expect(data["L"]?.list.compactMap(\.text) == ["a", "b"])
        #expect(data["A"]?.list.compactMap(\.text) == ["x", "1", "2"])
        if case .bool(true)? = data["B"] {} else { Issue.record("B is not $true") }
        if case .scriptBlock? = data["Check"] {} else { Issue.record("Check is not a script block") }
        for bad in ["@{ A = (Get-Date) }", "@{ A = $env:PATH }", "@{ A = \"x$y\" }", "Get-Process", "@{ A = 1 }; @{ B = 2 }"] {
            #expect(throws: LabFileError.self) { try LabDataFile.read(text: bad, file: "bad.psd1") }
        }
    }

    @Test func labGradesTasksAndResetUndoesIt() throws {
        let f = LabsFixture()
        defer { f.close() }
        f.write("lmhosts", "# mine\n")
        f.write("lab.psd1", """
            @{ Title = 'Mini'; OSProfile = 'Windows11-24H2'
               Hosts = @(@{ Name = 'SRV'; OSProfile = 'WindowsServer2022'; Mailslots = @('in') })
               Lmhosts = @('{SRV} SRV #PRE')
               Workloads = @(@{ Name = 'App'; Kind = 'LineOfBusiness'; Target = '\\\\SRV\\mailslot\\in'; IntervalMilliseconds = 3600000 })
               Tasks = @(@{ Title = 'Enable'; Hint = 'Use the client side.'; Check = { (Get-LabHost SRV).MessagesWaiting -gt 0 } }
                         @{ Title = 'Broken'; Hint = 'h2'; Check = { throw 'boom' } }
                         @{ Title = 'Recursive'; Hint = 'h3'; Check = { Test-Lab -Quiet } }) }
            """)
        f.run("Start-Lab '\(f.folder)/lab.psd1' | Out-Null")
        #expect(String(decoding: f.read("lmhosts"), as: UTF8.self).contains(" SRV #PRE"))
        #expect(f.run("(Test-Lab)[0].Hint") == "Use the client side.\n")
        f.run("Set-SmbClientConfiguration -EnableMailslots $true -Force", "Invoke-LegacyMailslotApp App | Out-Null")
        for _ in 0..<100 where f.engine.labServices.host(named: "SRV")?.service.statistics().datagramsDelivered == 0 {
            usleep(10_000)
        }
        let graded = f.run("Test-Lab | ForEach-Object { '' + $_.Id + $_.Passed }")
        #expect(graded == "1True\n2False\n3False\n")
        #expect(f.run("Test-Lab -Quiet") == "False\n")
        f.run("Reset-Lab")
        #expect(String(decoding: f.read("lmhosts"), as: UTF8.self) == "# mine\n")
        #expect(f.engine.labServices.hosts.isEmpty && f.engine.labServices.apps.isEmpty)
        #expect(f.engine.policySnapshot().entry("EnableMailslots", side: .client)?.source == .default)
        #expect(f.run("Test-Lab").contains("No lab is running."))
        f.write("twice.psd1", """
            @{ Title = 'T'; OSProfile = 'Windows11-24H2'; Hosts = @(@{ Name = 'labpc'; OSProfile = 'WindowsServer2022' })
               Tasks = @(@{ Title = 't'; Check = { $true } }) }
            """)
        let refused = f.run("Start-Lab '\(f.folder)/twice.psd1'")
        #expect(refused.replacing("\n", with: "").contains("is used twice, or is this computer's own name"))
        #expect(f.engine.labServices.lab == nil)
    }
}

/// Get-LabTask and Test-Lab show every hint whole: their views wrap the Hint column.
struct LabViewTests {
    @Test func tasksAndResultsWrapTheirHints() {
        let f = LabsFixture()
        defer { f.close() }
        let hint = "Turn mailslots on for the client side with Set-SmbClientConfiguration and check the host again "
            + "after the legacy application has sent its next announcement to the server."
        f.write("lab.psd1", """
            @{ Title = 'Mini'; OSProfile = 'Windows11-24H2'
               Tasks = @(@{ Title = 'Enable mailslots on the client'; Hint = '\(hint)'; Check = { $false } }) }
            """)
        f.run("Start-Lab '\(f.folder)/lab.psd1' | Out-Null")
        let tasks = f.run("Get-LabTask")
        let lines = tasks.split(separator: "\n").map(String.init)
        #expect(lines[0] == " Id Task                           Hint" + String(repeating: " ", count: 119 - 39))
        #expect(lines.allSatisfy { $0.count <= 119 })
        // Every word of the hint is shown, in the Hint column (from cell 36 on).
        let shown = lines.dropFirst(2).map { String($0.dropFirst(35)) }.joined().split(separator: " ").joined(separator: " ")
        #expect(shown == hint)
        let results = f.run("Test-Lab").split(separator: "\n").map(String.init)
        #expect(results[0].hasPrefix(" Id Task                           Passed Hint"))
        #expect(results[2].hasPrefix("  1 Enable mailslots on the client  False Turn mailslots"))
        #expect(results.count > 3)
    }
}

/// A lab keeps running across restarts of the shell, per computer name, until Reset-Lab.
struct LabProgressTests {
    @Test func aRestartedShellResumesTheLabAndResetRestoresTheOriginalLmhosts() {
        let first = LabsFixture()
        defer { try? FileManager.default.removeItem(atPath: first.folder) }
        first.write("lmhosts", "# mine\n")
        first.write("lab.psd1", """
            @{ Title = 'Mini'; OSProfile = 'Windows11-24H2'
               Hosts = @(@{ Name = 'SRV'; OSProfile = 'WindowsServer2022'; Mailslots = @('in') })
               Lmhosts = @('{SRV} SRV #PRE')
               Tasks = @(@{ Title = 'Turn on'; Hint = 'h1'; Check = { (Get-SmbClientConfiguration).EnableMailslots } }) }
            """)
        first.run("Start-Lab '\(first.folder)/lab.psd1' | Out-Null", "Set-SmbClientConfiguration -EnableMailslots $true -Force")
        #expect(first.run("Test-Lab | ForEach-Object Passed") == "True\n")
        first.engine.shutdown()

        let second = LabsFixture(folder: first.folder)
        #expect(second.run("Get-LabTask | ForEach-Object Task") == "Turn on\n")
        #expect(second.run("Get-LabHost | ForEach-Object Name") == "SRV\n")
        // The learner's settings survive the restart: the lab is resumed, not started afresh.
        #expect(second.run("Test-Lab | ForEach-Object Passed") == "True\n")
        #expect(String(decoding: second.read("lmhosts"), as: UTF8.self).contains(" SRV #PRE"))
        second.run("Reset-Lab")
        #expect(String(decoding: second.read("lmhosts"), as: UTF8.self) == "# mine\n")
        second.engine.shutdown()

        let third = LabsFixture(folder: first.folder)
        #expect(third.run("Get-LabTask").contains("No lab is running."))
        third.engine.shutdown()
    }

    @Test func progressBelongsToTheComputerName() {
        let first = LabsFixture()
        defer { try? FileManager.default.removeItem(atPath: first.folder) }
        first.write("lab.psd1", "@{ Title = 'Mini'; OSProfile = 'Windows11-24H2'; Tasks = @(@{ Title = 'T'; Hint = 'h'; Check = { $true } }) }")
        first.run("Start-Lab '\(first.folder)/lab.psd1' | Out-Null")
        first.engine.shutdown()
        #expect(FileManager.default.fileExists(atPath: first.folder + "/labs/LABPC.progress.json"))
        let host = LabsRecordingHost(answers: [])
        let other = Engine(host: host, configuration: EngineConfiguration(environment: [
            "SMBCONFIG_HOME": first.folder, "COMPUTERNAME": "OTHERPC", "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0"]),
            modules: shellModules)
        defer { other.shutdown() }
        _ = other.execute("Get-LabTask")
        #expect(host.text.contains("No lab is running."))
    }
}
