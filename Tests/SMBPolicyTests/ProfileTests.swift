import Testing
import SMBPolicy

@Suite struct ProfileTests {
    @Test func profilesParseCaseInsensitively() {
        #expect(OSProfile(parsing: "windows11-24h2") == .windows11_24H2)
        #expect(OSProfile(parsing: " WINDOWSSERVER2022 ") == .windowsServer2022)
        #expect(OSProfile(parsing: "Windows11-23H2") == .windows11_23H2)
        #expect(OSProfile(parsing: "WindowsServer2025") == .windowsServer2025)
        #expect(OSProfile(parsing: "Windows10") == nil)
        #expect(OSProfile.allCases.map(\.rawValue)
                == ["Windows11-24H2", "WindowsServer2025", "Windows11-23H2", "WindowsServer2022"])
    }

    @Test func environmentValueResolvesWithAWarningForUnknownNames() {
        #expect(OSProfile.resolve(environmentValue: nil) == (.windows11_24H2, nil))
        #expect(OSProfile.resolve(environmentValue: "") == (.windows11_24H2, nil))
        #expect(OSProfile.resolve(environmentValue: "windowsserver2025") == (.windowsServer2025, nil))
        let (profile, warning) = OSProfile.resolve(environmentValue: "Win95")
        #expect(profile == .windows11_24H2)
        #expect(warning == "The value 'Win95' of SMBCONFIG_OS_PROFILE is not a known OS profile. Valid values are: "
                + "Windows11-24H2, WindowsServer2025, Windows11-23H2, WindowsServer2022. Using 'Windows11-24H2'.")
    }

    @Test func onlyTheNewProfilesGateRemoteMailslots() {
        #expect(OSProfile.windows11_24H2.gatesRemoteMailslots)
        #expect(OSProfile.windowsServer2025.gatesRemoteMailslots)
        #expect(!OSProfile.windows11_23H2.gatesRemoteMailslots)
        #expect(!OSProfile.windowsServer2022.gatesRemoteMailslots)
        #expect(OSProfile.windowsServer2025.displayName == "Windows Server 2025")
    }

    @Test func sidesNameTheirCimClasses() {
        #expect(PolicySide.client.cimTypeName
                == "Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/SMB/MSFT_SmbClientConfiguration")
        #expect(PolicySide.server.cimClassName == "MSFT_SmbServerConfiguration")
    }
}
