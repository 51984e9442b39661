#if canImport(Glibc)
import Glibc
#endif
import SMBPolicy
import ShellEngine

/// What the emulated machine is besides its SMB configuration: its product name, hardware,
/// network adapter and installed updates. Win32_OperatingSystem, systeminfo, Get-HotFix,
/// Get-NetAdapter and Test-NetConnection all read them here.
package enum HostInventory {
    /// `Microsoft Windows 11 Pro` (Win32_OperatingSystem.Caption, systeminfo's OS Name).
    package static func productName(_ profile: OSProfile) -> String {
        switch profile {
        case .windows11_24H2, .windows11_23H2: return "Microsoft Windows 11 Pro"
        case .windowsServer2025: return "Microsoft Windows Server 2025 Standard"
        case .windowsServer2022: return "Microsoft Windows Server 2022 Standard"
        }
    }

    /// An installed update: its KB number, kind and install date (M/d/yyyy).
    package struct HotFix: Sendable {
        package let id: String
        package let description: String
        package let installedOn: (month: Int, day: Int, year: Int)
    }

    /// The updates a patched installation of the release has.
    package static func hotFixes(_ profile: OSProfile) -> [HotFix] {
        switch profile {
        case .windows11_24H2:
            return [HotFix(id: "KB5044033", description: "Update", installedOn: (10, 8, 2024)),
                    HotFix(id: "KB5043080", description: "Security Update", installedOn: (10, 8, 2024)),
                    HotFix(id: "KB5046617", description: "Security Update", installedOn: (11, 12, 2024))]
        case .windows11_23H2:
            return [HotFix(id: "KB5027397", description: "Update", installedOn: (6, 14, 2023)),
                    HotFix(id: "KB5045935", description: "Update", installedOn: (10, 8, 2024)),
                    HotFix(id: "KB5046633", description: "Security Update", installedOn: (11, 12, 2024))]
        case .windowsServer2025:
            return [HotFix(id: "KB5044026", description: "Update", installedOn: (10, 8, 2024)),
                    HotFix(id: "KB5046617", description: "Security Update", installedOn: (11, 12, 2024))]
        case .windowsServer2022:
            return [HotFix(id: "KB5012170", description: "Security Update", installedOn: (8, 9, 2022)),
                    HotFix(id: "KB5045934", description: "Update", installedOn: (10, 8, 2024)),
                    HotFix(id: "KB5046616", description: "Security Update", installedOn: (11, 12, 2024))]
        }
    }

    /// The one network adapter of the virtual machine.
    package static let adapterName = "Ethernet"
    package static let adapterDescription = "Microsoft Hyper-V Network Adapter"
    package static let adapterIndex = 6
    package static let macAddress = "00-15-5D-01-0A-2B"
    package static let linkSpeed = "10 Gbps"
    package static let processor = "Intel64 Family 6 Model 85 Stepping 7 GenuineIntel ~2295 Mhz"
    /// Original install date (systeminfo, Win32_OperatingSystem.InstallDate).
    package static let installDate = (month: 1, day: 15, year: 2024)

    /// The adapter's IPv4 address: the address the datagram endpoint binds, or the address a
    /// virtual machine's first DHCP lease typically gives.
    package static func ipAddress(_ engine: Engine) -> String {
        let address = engine.hostAddress
        return address.hasPrefix("127.") ? "172.20.10.15" : address
    }

    /// Local midnight of a date, as seconds since 1970 (a DateTime's value).
    package static func midnight(_ date: (month: Int, day: Int, year: Int)) -> Int {
        var parts = tm()
        parts.tm_year = Int32(date.year - 1900)
        parts.tm_mon = Int32(date.month - 1)
        parts.tm_mday = Int32(date.day)
        parts.tm_isdst = -1
        return Int(mktime(&parts))
    }
}
