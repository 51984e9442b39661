/// What a release says about itself under `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion`:
/// the build and update revision `$PSVersionTable`, `systeminfo` and Win32_OperatingSystem show,
/// and the names Get-ComputerInfo reads (Windows 11 keeps "Windows 10" in ProductName).
public struct WindowsVersion: Sendable {
    public let build: Int
    public let revision: Int
    public let displayVersion: String
    public let productName: String
    public let editionID: String
    public let installationType: String
    public let buildLabEx: String
}

extension OSProfile {
    public var windowsVersion: WindowsVersion {
        switch self {
        case .windows11_24H2:
            return WindowsVersion(build: 26100, revision: 2161, displayVersion: "24H2", productName: "Windows 10 Pro",
                                  editionID: "Professional", installationType: "Client",
                                  buildLabEx: "26100.1.amd64fre.ge_release.240331-1435")
        case .windowsServer2025:
            return WindowsVersion(build: 26100, revision: 2161, displayVersion: "24H2", productName: "Windows Server 2025 Standard",
                                  editionID: "ServerStandard", installationType: "Server",
                                  buildLabEx: "26100.1.amd64fre.ge_release.240331-1435")
        case .windows11_23H2:
            return WindowsVersion(build: 22621, revision: 4391, displayVersion: "23H2", productName: "Windows 10 Pro",
                                  editionID: "Professional", installationType: "Client",
                                  buildLabEx: "22621.1.amd64fre.ni_release.220506-1250")
        case .windowsServer2022:
            return WindowsVersion(build: 20348, revision: 2849, displayVersion: "21H2", productName: "Windows Server 2022 Standard",
                                  editionID: "ServerStandard", installationType: "Server",
                                  buildLabEx: "20348.1.amd64fre.fe_release.210507-1500")
        }
    }
}

extension HostCatalog {
    static let currentVersionKey = #"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion"#
    /// The NetBIOS over TCP/IP interface of the one adapter (NetbiosOptions 0: the DHCP server decides).
    public static let netbiosInterfaceKey =
        #"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\Interfaces\Tcpip_{6B1E6E44-8AE1-4E6B-9F19-2B1D2B9F4C10}"#

    /// The version values and NetBIOS keys of a release.
    static func versionValues(_ profile: OSProfile) -> [(key: String, name: String, data: RegistryData)] {
        let v = profile.windowsVersion
        let key = currentVersionKey
        let netbt = #"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\NetBT\Parameters"#
        return [
            (key, "BuildLabEx", .string(v.buildLabEx)), (key, "CurrentBuild", .string(String(v.build))),
            (key, "CurrentBuildNumber", .string(String(v.build))), (key, "CurrentMajorVersionNumber", .dword(10)),
            (key, "CurrentMinorVersionNumber", .dword(0)), (key, "CurrentType", .string("Multiprocessor Free")),
            (key, "CurrentVersion", .string("6.3")), (key, "DisplayVersion", .string(v.displayVersion)),
            (key, "EditionID", .string(v.editionID)), (key, "InstallationType", .string(v.installationType)),
            (key, "InstallDate", .dword(1_705_276_800)), (key, "ProductName", .string(v.productName)),
            (key, "ReleaseId", .string("2009")), (key, "SystemRoot", .string(#"C:\Windows"#)), (key, "UBR", .dword(UInt32(v.revision))),
            (netbt, "EnableLMHOSTS", .dword(1)), (netbt, "NameSrvQueryTimeout", .dword(1500)), (netbt, "NbProvider", .string("_tcp")),
            (netbt, "TransportBindName", .string(#"\Device\"#)), (netbt, "UseNewSmb", .dword(1)),
            (netbiosInterfaceKey, "NameServerList", .multiString([])), (netbiosInterfaceKey, "NetbiosOptions", .dword(0)),
        ]
    }
}
