import FoundationEssentials
import ShellEngine
import ShellTestSupport
import Testing

/// Get-Service and friends over the emulated host's services, persisted in a real state folder.
@Suite struct ServiceTests {
    @Test func getServiceShowsTheTableOf51() {
        let output = run("Get-Service LanmanServer, LanmanWorkstation")
        #expect(output == """

            Status   Name               DisplayName                           
            ------   ----               -----------                           
            Running  LanmanServer       Server                                
            Running  LanmanWorkstation  Workstation                           



            """)
    }

    @Test func aMissingNameIsNoServiceFoundForGivenName() {
        let output = run("Get-Service nope -ErrorAction SilentlyContinue; $Error[0].Exception.Message; $Error[0].FullyQualifiedErrorId",
                         "(Get-Service Lanman*).Count", "(Get-Service -DisplayName 'Serv*').Name")
        #expect(output == "Cannot find any service with service name 'nope'.\n"
            + "NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand\n2\nLanmanServer\n")
    }

    @Test func stoppingAServiceOthersNeedTakesForce() {
        let output = run("Start-Service Netlogon",
                         "Stop-Service LanmanWorkstation -ErrorAction SilentlyContinue; $Error[0].Exception.Message",
                         "(Get-Service LanmanWorkstation).Status",
                         "Stop-Service LanmanWorkstation -Force",
                         "(Get-Service LanmanWorkstation, Netlogon).Status -join ','",
                         "Restart-Service LanmanWorkstation -PassThru | ForEach-Object { \"$($_.Status)\" }")
        #expect(output == "Cannot stop service 'Workstation (LanmanWorkstation)' because it has dependent services. "
            + "It can only be stopped if the Force flag is set.\nRunning\nStopped,Stopped\nRunning\n")
    }

    @Test func theStartupTypeIsTheStartValueOfTheServiceKey() {
        let key = #"HKLM:\SYSTEM\CurrentControlSet\Services\Netlogon"#
        let output = run("Set-Service Netlogon -StartupType Disabled",
                         "(Get-ItemProperty \(key)).Start",
                         "\"$((Get-Service Netlogon).StartType)\"",
                         "Start-Service Netlogon -ErrorAction SilentlyContinue; $Error[0].Exception.Message",
                         "Set-ItemProperty \(key) -Name Start -Value 3",
                         "\"$((Get-Service Netlogon).StartType)\"",
                         "Set-Service Netlogon -Status Running",
                         "\"$((Get-Service Netlogon).Status)\"")
        #expect(output == "4\nDisabled\nService 'Netlogon (Netlogon)' cannot be started due to the following error: "
            + "Cannot start service Netlogon on computer '.'.\nManual\nRunning\n")
    }

    @Test func serviceControllerMethodsActOnTheHost() {
        let output = run("$s = Get-Service Netlogon; $s.Start(); $s.Status.ToString(); $s.Refresh(); $s.Status.ToString()",
                         "try { (Get-Service SamSS).Stop() } catch { $_.Exception.Message }")
        #expect(output == "Stopped\nRunning\nException calling \"Stop\" with \"0\" argument(s): \"Cannot stop SamSS service on computer '.'.\"\n")
    }

    @Test func tabCompletesServiceAndFeatureNames() {
        let (engine, _, folder) = makeEngine()
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        #expect(engine.complete("Get-Service -Name Lanman", cursor: 24).candidates == ["LanmanServer", "LanmanWorkstation"])
        let line = "Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol-S"
        #expect(engine.complete(line, cursor: line.utf16.count).candidates == ["SMB1Protocol-Server"])
    }

    @Test func theStateIsKeptBetweenShells() {
        let (engine, host, folder) = makeEngine()
        _ = engine.execute("Stop-Service LanmanServer -Force")
        engine.shutdown()
        let second = Engine(host: host, configuration: engine.configuration, modules: shellModules)
        defer { second.shutdown() }
        let start = host.text.endIndex
        _ = second.execute("\"$((Get-Service LanmanServer).Status)\"")
        #expect(String(host.text[start...]) == "Stopped\n")
        try? FileManager.default.removeItem(atPath: folder)
    }
}
