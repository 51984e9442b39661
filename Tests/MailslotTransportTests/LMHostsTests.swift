import Testing
@testable import MailslotTransport

@Suite struct LMHostsTests {
    static let sample = """
        # Copyright (c) 1993-1999 Microsoft Corp.
        #
        102.54.94.97     rhino         #PRE #DOM:networking  #net group's DC
        102.54.94.102    "appname  \\0x14"                    #special app server
        102.54.94.123    popular            #PRE             #source server
        102.54.94.117    localsrv           #PRE             #needed for the include
        127.0.0.1:5138\tPEER\t#dom:Lab
        10.0.0.1         "QUOTED NAME SIXT"
        #BEGIN_ALTERNATE
        #INCLUDE \\\\localsrv\\public\\lmhosts
        #END_ALTERNATE
        not-an-address   nobody
        10.0.0.2
        10.0.0.3         NAMETHATISWAYTOOLONG
        10.0.0.4:99999   BADPORT
        10.0.0.5         "unterminated
        10.0.0.6         okname #DOM:
        \r
        """

    @Test func parsesWindowsSyntaxAndTheLabPort() {
        let file = LMHostsFile.parse(Self.sample)
        #expect(file.entries.map(\.name) == ["RHINO", "APPNAME", "POPULAR", "LOCALSRV", "PEER", "QUOTED NAME SIX", "OKNAME"])
        let rhino = file.entries[0]
        #expect(rhino.address == DatagramAddress(ipv4: 0x6636_5E61, port: 138))
        #expect(rhino.preload && rhino.domain == "NETWORKING" && rhino.suffix == nil)
        #expect(file.entries[1].suffix == 0x14)
        #expect(file.entries[2].preload && file.entries[2].domain == nil)
        #expect(file.entries[4].address == DatagramAddress(ipv4: 0x7F00_0001, port: 5138))
        #expect(file.entries[4].domain == "LAB")
        #expect(file.entries[5].suffix == UInt8(ascii: "T"))
        #expect(file.entries[6].domain == nil)
    }

    @Test func badLinesAreSkippedAndReportedWithTheirNumbers() {
        let file = LMHostsFile.parse(Self.sample)
        let lines = file.issues.map(\.line)
        #expect(lines == [9, 10, 11, 12, 13, 14, 15, 16, 17])
        #expect(file.issues[3].description.hasPrefix("lmhosts line 12: 'not-an-address'"))
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in
                [UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "\\"), UInt8(ascii: "\n"),
                 UInt8(ascii: "1"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "A"), 0xFF, 0x00].randomElement(using: &generator)!
            }
            _ = LMHostsFile.parse(bytes)
        }
    }

    static let file = LMHostsFile.parse("""
        127.0.0.1:7001  ALPHA   #DOM:WORKGROUP
        127.0.0.1:7002  BETA    #DOM:WORKGROUP
        127.0.0.1:7003  GAMMA   #DOM:CORP
        127.0.0.1:7004  ME      #DOM:CORP
        127.0.0.1:7005  "DCS            \\0x1C"
        """)
    static let own = DatagramAddress(ipv4: 0x7F00_0001, port: 7000)

    @Test func resolvesComputersDomainsAndTheOwnWorkgroup() {
        let resolver = NameResolver(computerName: "me", workgroup: "workgroup", ownAddress: Self.own, broadcast: nil)
        let alpha = resolver.resolve(.named("alpha"), in: Self.file)
        #expect(alpha?.messageType == .directUnique)
        #expect(alpha?.destinationName == NetBIOSName("ALPHA", suffix: 0))
        #expect(alpha?.addresses == [DatagramAddress(ipv4: 0x7F00_0001, port: 7001)])
        #expect(resolver.resolve(.named("ME"), in: Self.file)?.addresses == [Self.own])
        let star = resolver.resolve(.primaryDomain, in: Self.file)
        #expect(star?.messageType == .directGroup)
        #expect(star?.destinationName == NetBIOSName("WORKGROUP", suffix: 0))
        #expect(star?.addresses.map(\.port) == [7000, 7001, 7002])
        #expect(resolver.resolve(.named("corp"), in: Self.file)?.addresses.map(\.port) == [7003, 7000])
        #expect(resolver.resolve(.named("WORKGROUP"), in: Self.file)?.addresses.map(\.port) == [7000, 7001, 7002])
        #expect(resolver.resolve(.named("DCS"), in: Self.file) == nil)   // only a <1C> entry
        #expect(resolver.resolve(.named("NOBODY"), in: Self.file) == nil)
        #expect(resolver.resolve(.named("A-VERY-LONG-DNS-NAME"), in: Self.file) == nil)
        let broadcasting = NameResolver(computerName: "me", workgroup: "workgroup", ownAddress: Self.own,
                                        broadcast: DatagramAddress(ipv4: 0x7FFF_FFFF, port: 138))
        #expect(broadcasting.resolve(.primaryDomain, in: Self.file)?.addresses.count == 4)
        #expect(broadcasting.resolve(.named("alpha"), in: Self.file)?.addresses.count == 1)
    }

    @Test func configurationFromTheEnvironment() {
        let configuration = TransportConfiguration.fromEnvironment(
            ["COMPUTERNAME": "LABHOST", "SMBCONFIG_HOME": "/tmp/state", "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0"])
        #expect(configuration == TransportConfiguration(computerName: "LABHOST", workgroup: "WORKGROUP",
                                                        endpoint: "127.0.0.1:0", lmhostsPath: "/tmp/state/lmhosts"))
        let fallback = TransportConfiguration.fromEnvironment(["SMBCONFIG_LMHOSTS": "/etc/lm"], hostName: "box.example.org")
        #expect(fallback.computerName == "BOX")
        #expect(fallback.lmhostsPath == "/etc/lm")
        #expect(fallback.endpoint == "127.0.0.1:138")
    }
}
