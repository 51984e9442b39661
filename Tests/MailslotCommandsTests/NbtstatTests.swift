import ShellTestSupport
import Testing
@testable import MailslotCommands

/// `nbtstat` through the engine (the emulated program over the real name service on loopback).
@Suite struct NbtstatTests {
    @Test func localNamesTableAsNbtstatPrintsIt() {
        let text = run("nbtstat -n")
        #expect(text == """

            Ethernet:
            Node IpAddress: [127.0.0.1] Scope Id: []

                            NetBIOS Local Name Table

                   Name               Type         Status
                ---------------------------------------------
                TESTHOST       <00>  UNIQUE      Registered
                TESTHOST       <20>  UNIQUE      Registered
                WORKGROUP      <00>  GROUP       Registered


            """)
    }

    @Test func aProfileWithTheComputerBrowserHoldsTheElectionName() {
        #expect(run("nbtstat -n", profile: "Windows11-23H2").contains("    WORKGROUP      <1E>  GROUP       Registered\n"))
        #expect(!run("nbtstat -n", profile: "WindowsServer2025").contains("<1E>"))
    }

    @Test func nodeStatusOfItselfAndAnEmptyCache() {
        let text = run("nbtstat -A 127.0.0.1", "nbtstat -c", "nbtstat -R")
        #expect(text.contains("           NetBIOS Remote Machine Name Table\n"))
        #expect(text.contains("    TESTHOST       <20>  UNIQUE      Registered\n"))
        #expect(text.contains("    MAC Address = 00-00-00-00-00-00\n"))
        #expect(text.contains("    No names in cache\n"))
        #expect(text.contains("    Successful purge and preload of the NBT Remote Cache Name Table.\n"))
        #expect(run("nbtstat -a NOSUCHHOST").contains("    Host not found.\n"))
    }

    @Test func switchesAreCaseSensitiveAndAnythingElseIsTheUsage() {
        #expect(Nbtstat.parse(["-n"]) == .names)
        #expect(Nbtstat.parse(["-N"]) == .usage)
        #expect(Nbtstat.parse(["-r"]) == .resolved)
        #expect(Nbtstat.parse(["-R"]) == .reload)
        #expect(Nbtstat.parse(["-RR"]) == .releaseRefresh)
        #expect(Nbtstat.parse(["-a", "HOST"]) == .remoteName("HOST"))
        #expect(Nbtstat.parse(["-A", "10.0.0.1"]) == .remoteAddress("10.0.0.1"))
        #expect(Nbtstat.parse(["-A"]) == .usage)
        #expect(Nbtstat.parse([]) == .usage)
        let usage = run("nbtstat -x")
        #expect(usage.hasPrefix("\nDisplays protocol statistics and current TCP/IP connections using NBT\n"))
        #expect(!usage.contains("ParameterBindingException"))
    }

    @Test func theNameTypeAddressesTheBrowserNames() {
        let text = run("Set-SmbClientConfiguration -EnableMailslots $true -Force",
                       "Send-MailslotMessage -Path '\\\\TESTHOST\\mailslot\\browse' -NameType BrowserServer -Bytes 1",
                       "Send-MailslotMessage -Path '\\\\WORKGROUP\\mailslot\\browse' -NameType Nonsense -Bytes 1",
                       // Without a broadcast address and with no lmhosts member, <1D> has nowhere to go.
                       "Send-MailslotMessage -Path '\\\\WORKGROUP\\mailslot\\browse' -NameType MasterBrowser -Bytes 9,4,1,0,0,0",
                       "(Get-MailslotStatistics).DatagramsSent")
        #expect(text.contains("Cannot process argument transformation on parameter 'NameType'. Cannot convert value \"Nonsense\""))
        #expect(text.contains("Send-MailslotMessage : The network path was not found."))
        #expect(text.hasSuffix("1\n"))
    }
}
