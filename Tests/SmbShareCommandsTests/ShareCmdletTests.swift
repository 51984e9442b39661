import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Shares, their access lists, mappings and the live-state cmdlets, each through a real engine
/// and the share file in its state folder.
@Suite struct ShareCmdletTests {
    /// Runs lines in one engine (or two sharing a state folder when `restart` is set between them).
    static func session(_ lines: [String], answers: [String] = [], width: Int = 120) -> RecordingHost {
        let (engine, host, folder) = makeEngine(RecordingHost(answers: answers, width: width))
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        for line in lines { _ = engine.execute(line) }
        return host
    }

    @Test func freshHostHasTheAdministrativeShares() {
        let host = Self.session(["Get-SmbShare"])
        #expect(host.text(of: .output) == "\n"
            + "Name   ScopeName Path       Description  \n"
            + "----   --------- ----       -----------  \n"
            + "ADMIN$ *         C:\\Windows Remote Admin \n"
            + "C$     *         C:\\        Default share\n"
            + "IPC$   *                    Remote IPC   \n\n\n")
    }

    @Test func defaultViewColumnsAndSpecialFilter() {
        let text = Self.session(["New-Item -ItemType Directory C:\\Data | Out-Null",
                                 "New-SmbShare -Name Data -Path C:\\Data -Description 'Team files' | Out-Null",
                                 "Get-SmbShare -Special $false | Format-List Name, ScopeName, Path, Description",
                                 "(Get-SmbShare).Count", "(Get-SmbShare -Name 'C*').Name"]).text(of: .output)
        #expect(text.contains("Name        : Data\nScopeName   : *\nPath        : C:\\Data\nDescription : Team files\n"))
        #expect(text.contains("\n4\nC$\n"))
    }

    @Test func sharesPersistAcrossShellsOfOneHost() throws {
        let (first, _, folder) = makeEngine()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = first.execute("New-Item -ItemType Directory C:\\Pub | Out-Null; New-SmbShare Pub C:\\Pub -FullAccess Administrators | Out-Null")
        first.shutdown()
        let host = RecordingHost()
        let second = Engine(host: host, configuration: EngineConfiguration(environment: [
            "SMBCONFIG_HOME": folder, "COMPUTERNAME": "TESTHOST", "HOME": NSTemporaryDirectory()], interactive: true),
            modules: shellModules)
        defer { second.shutdown() }
        _ = second.execute("Get-SmbShareAccess Pub | ForEach-Object { $_.AccountName + ' ' + $_.AccessControlType + ' ' + $_.AccessRight }")
        #expect(host.text(of: .output) == "BUILTIN\\Administrators Allow Full\n")
        #expect(FileManager.default.fileExists(atPath: folder + "/shares.json"))
    }

    @Test func missingShareIsTheCmdletizationError() {
        let host = Self.session(["Get-SmbShare -Name nope", "Get-SmbShare -Name 'nope*'; 'after'",
                                 "$Error[0].FullyQualifiedErrorId", "$Error[0].CategoryInfo.Category"])
        #expect(host.text.contains("Get-SmbShare : No MSFT_SmbShare objects found with property 'Name' equal to 'nope'.  Verify the value of the property \nand retry."))
        #expect(host.text(of: .output) == "after\nCmdletizationQuery_NotFound_Name,Get-SmbShare\nObjectNotFound\n")
    }

    /// `-ea 0` as scripts write it: the number of ActionPreference.SilentlyContinue.
    @Test func numericErrorActionSilencesTheQuery() {
        let host = Self.session(["Get-SmbShare -Name nope -ea 0; 'quiet'", "$Error.Count"])
        #expect(host.text == "quiet\n1\n")
    }

    @Test func newShareChecksPathNameAndDuplicates() {
        let host = Self.session(["New-SmbShare -Name X -Path C:\\Nowhere", "$Error[0].FullyQualifiedErrorId",
                                 "New-SmbShare -Name C$ -Path C:\\ -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId",
                                 "New-SmbShare -Name Y -Path relative -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId"])
        #expect(host.text.contains("New-SmbShare : The system cannot find the file specified."))
        #expect(host.text.contains("ObjectNotFound: (MSFT_SmbShare:ROOT/Microsoft/Windows/SMB/MSFT_SmbShare) [New-SmbShare], \n    CimException"))
        #expect(host.text(of: .output) == "Windows System Error 2,New-SmbShare\nWindows System Error 2118,New-SmbShare\nWindows System Error 123,New-SmbShare\n")
    }

    @Test func wellKnownGroupsResolveToTheirWindowsNames() {
        let host = Self.session([#"New-Item -ItemType Directory C:\users\public\share | Out-Null"#,
                                 #"New-SmbShare -Name g -Path C:\users\public\share -FullAccess Everyone, Guests, 'Anonymous Logon' | Out-Null"#,
                                 "(Get-SmbShareAccess -Name g).AccountName"])
        #expect(host.text == "Everyone\nBUILTIN\\Guests\nNT AUTHORITY\\ANONYMOUS LOGON\n")
    }

    @Test func removeAsksWithWindowsTextAndForceSkipsIt() {
        let host = Self.session(["New-Item -ItemType Directory C:\\D | Out-Null; New-SmbShare D C:\\D | Out-Null",
                                 "Remove-SmbShare -Name D", "(Get-SmbShare -Name D).Name",
                                 "Remove-SmbShare -Name D -Force", "Get-SmbShare -Name D -ErrorAction SilentlyContinue; 'gone'"],
                                answers: ["N"])
        #expect(host.text.contains("Confirm\nAre you sure you want to perform this action?\nPerforming operation 'Remove-Share' on Target '*,D'.\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "))
        #expect(host.text(of: .output) == "D\ngone\n")
    }

    @Test func accessEntriesGrantRevokeBlockUnblock() {
        let host = Self.session([
            "New-Item -ItemType Directory C:\\A | Out-Null; New-SmbShare A C:\\A | Out-Null",
            "Grant-SmbShareAccess -Name A -AccountName Users -AccessRight Change -Force | Out-Null",
            "Block-SmbShareAccess -Name A -AccountName Guests -Force | Out-Null",
            "Revoke-SmbShareAccess -Name A -AccountName Everyone -Force | Out-Null",
            "Get-SmbShareAccess -Name A",
            "Unblock-SmbShareAccess -Name A -AccountName Guests -Force | Measure-Object | % Count",
            "Grant-SmbShareAccess -Name A -AccountName nobodyknown -AccessRight Read -Force",
        ])
        #expect(host.text(of: .output).contains("""
            Name ScopeName AccountName    AccessControlType AccessRight
            ---- --------- -----------    ----------------- -----------
            A    *         BUILTIN\\Guests Deny              Full       \n\
            A    *         BUILTIN\\Users  Allow             Change     \n
            """))
        #expect(host.text(of: .output).contains("\n1\n"))
        #expect(host.text.contains("No mapping between account names and security IDs was done."))
    }

    @Test func setShareChangesSettingsAfterConfirmation() {
        let host = Self.session(["Set-SmbShare -Name C$ -Description 'Root' -EncryptData $true -Force",
                                 "(Get-SmbShare C$).Description; (Get-SmbShare C$).EncryptData",
                                 "Set-SmbShare -Name C$ -Description 'Other' -Confirm:$false -WhatIf",
                                 "(Get-SmbShare C$).Description"])
        #expect(host.text(of: .output) == "Root\nTrue\nRoot\n")
        #expect(host.text.contains("What if: Performing operation 'Modify' on Target '*,C$'."))
    }

    @Test func mappingsToOwnSharesPersistAndShowAsConnections() {
        let host = Self.session([
            "Get-SmbConnection; Get-SmbSession; Get-SmbOpenFile; Get-SmbMapping; 'empty'",
            "New-SmbMapping -LocalPath X: -RemotePath \\\\TESTHOST\\C$",
            "New-SmbMapping -LocalPath Y: -RemotePath \\\\fileserver\\data -ErrorAction SilentlyContinue; $Error[0].Exception.Message",
            "New-SmbMapping -LocalPath X: -RemotePath \\\\localhost\\ADMIN$ -ErrorAction SilentlyContinue; $Error[0].Exception.Message",
            "(Get-SmbConnection).ShareName", "(Get-SmbSession).ClientComputerName",
            "Remove-SmbMapping -LocalPath X: -Force", "(Get-SmbMapping | Measure-Object).Count",
        ])
        #expect(host.text(of: .output).hasPrefix("empty\n"))
        #expect(host.text(of: .output).contains("Status Local Path Remote Path"))
        #expect(host.text(of: .output).contains("OK     X:         \\\\TESTHOST\\C$"))
        #expect(host.text(of: .output).hasSuffix("The network path was not found.\nThe local device name is already in use.\nC$\n[::1]\n0\n"))
    }

    @Test func networkInterfacesComeFromTheBoundAddress() {
        let host = Self.session(["Get-SmbServerNetworkInterface", "(Get-SmbClientNetworkInterface).IpAddresses"])
        // The view's fixed 19-cell columns; the last takes the rest of the 119-cell line.
        let lines = host.text(of: .output).split(separator: "\n").map(String.init)
        #expect(lines.first == "Scope Name          Interface Index     RSS Capable         RDMA Capable        Speed               IpAddress          ")
        #expect(lines.dropFirst(2).first == "*                   1                   False               False               1 Gbps              127.0.0.1          ")
        #expect(host.text(of: .output).hasSuffix("127.0.0.1\n"))
    }

    @Test func tabCompletesShareAndClassNames() {
        let (engine, _, folder) = makeEngine()
        defer { engine.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        let line = "Get-SmbShare -Name A"
        #expect(engine.complete(line, cursor: line.count).candidates == ["ADMIN$"])
        let cim = "Get-CimInstance -ClassName Win32_Ope"
        #expect(engine.complete(cim, cursor: cim.count).candidates == ["Win32_OperatingSystem"])
    }

    @Test func removingAShareDisconnectsItsMappings() {
        let host = Self.session(["New-Item -ItemType Directory C:\\M | Out-Null; New-SmbShare M C:\\M | Out-Null",
                                 "New-SmbMapping -LocalPath Z: -RemotePath \\\\localhost\\M | Out-Null",
                                 "(Get-SmbConnection | Measure-Object).Count", "Remove-SmbShare M -Force",
                                 "(Get-SmbMapping).Status.ToString()", "(Get-SmbConnection | Measure-Object).Count"])
        #expect(host.text(of: .output) == "1\nUnavailable\n0\n")
    }
}
