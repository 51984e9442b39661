// What each emulated release ships besides the SMB configuration: the services and drivers SMB
// scripts touch, the optional/server features around SMB1, and the registry keys they live in.

/// How a service starts, as the `Start` value of its registry key holds it.
public enum ServiceStartMode: UInt32, Sendable, CaseIterable {
    case boot = 0, system = 1, automatic = 2, manual = 3, disabled = 4

    /// `ServiceController.StartType` (System.ServiceProcess.ServiceStartMode).
    public var name: String {
        switch self {
        case .boot: return "Boot"
        case .system: return "System"
        case .automatic: return "Automatic"
        case .manual: return "Manual"
        case .disabled: return "Disabled"
        }
    }

    /// `sc qc`'s START_TYPE text.
    public var scName: String {
        switch self {
        case .boot: return "BOOT_START"
        case .system: return "SYSTEM_START"
        case .automatic: return "AUTO_START"
        case .manual: return "DEMAND_START"
        case .disabled: return "DISABLED"
        }
    }
}

/// A service or driver the emulated host has.
public struct ServiceDefinition: Sendable {
    public let name: String
    public let displayName: String
    /// SERVICE_WIN32_SHARE_PROCESS 0x20, SERVICE_KERNEL_DRIVER 1, SERVICE_FILE_SYSTEM_DRIVER 2.
    public let type: UInt32
    public let start: ServiceStartMode
    public let dependsOn: [String]
    public let canStop: Bool
    /// Whether it runs after the release boots (Netlogon waits for a domain join).
    public let runsAtBoot: Bool
    /// The optional feature that installs it (it exists only while that feature is enabled).
    public let feature: String?
    let profiles: Set<OSProfile>

    init(_ name: String, _ displayName: String, type: UInt32 = 0x20, start: ServiceStartMode,
         dependsOn: [String] = [], canStop: Bool = true, runsAtBoot: Bool = true, feature: String? = nil, profiles: Set<OSProfile> = Set(OSProfile.allCases)) {
        self.name = name
        self.displayName = displayName
        self.type = type
        self.start = start
        self.dependsOn = dependsOn
        self.canStop = canStop
        self.runsAtBoot = runsAtBoot
        self.feature = feature
        self.profiles = profiles
    }

    public var isDriver: Bool { type == 1 || type == 2 }

    /// The ImagePath value: svchost groups as the releases ship them, drivers under System32\drivers.
    public var imagePath: String {
        switch name.lowercased() {
        case "lanmanserver", "browser": return #"%SystemRoot%\system32\svchost.exe -k smbsvcs"#
        case "lanmanworkstation": return #"%SystemRoot%\System32\svchost.exe -k NetworkService -p"#
        case "netlogon", "samss": return #"%SystemRoot%\System32\lsass.exe"#
        case "rpcss": return #"%SystemRoot%\system32\svchost.exe -k rpcss -p"#
        case "nsi": return #"%SystemRoot%\system32\svchost.exe -k LocalService -p"#
        case "lmhosts": return #"%SystemRoot%\system32\svchost.exe -k LocalServiceNetworkRestricted -p"#
        default: return #"System32\drivers\"# + name.lowercased() + ".sys"
        }
    }

    /// `HKLM\SYSTEM\CurrentControlSet\Services\<name>`.
    public var registryKey: String { HostCatalog.servicesKey + "\\" + name }
}

/// A Windows optional feature (client SKUs, DISM) or server role feature (Server Manager).
public struct FeatureDefinition: Sendable {
    public let name: String
    public let displayName: String
    public let description: String
    public let enabledByDefault: Bool
    /// Sub-features enabled and disabled with this one.
    public let children: [String]
    public let restartNeeded: Bool
}

public enum HostCatalog {
    public static let servicesKey = #"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services"#

    /// Every service and driver, in no particular order (Get-Service sorts by name).
    public static func services(_ profile: OSProfile) -> [ServiceDefinition] {
        allServices.filter { $0.profiles.contains(profile) }
    }

    static let allServices: [ServiceDefinition] = [
        ServiceDefinition("LanmanServer", "Server", start: .automatic, dependsOn: ["SamSS", "Srv2"]),
        ServiceDefinition("LanmanWorkstation", "Workstation", start: .automatic, dependsOn: ["Bowser", "MRxSmb20", "NSI"]),
        ServiceDefinition("Browser", "Computer Browser", start: .manual, dependsOn: ["LanmanWorkstation", "LanmanServer"],
                          profiles: [.windows11_23H2, .windowsServer2022]),
        ServiceDefinition("Netlogon", "Netlogon", start: .manual, dependsOn: ["LanmanWorkstation"], runsAtBoot: false),
        ServiceDefinition("SamSS", "Security Accounts Manager", start: .automatic, dependsOn: ["RpcSs"], canStop: false),
        ServiceDefinition("RpcSs", "Remote Procedure Call (RPC)", start: .automatic, canStop: false),
        ServiceDefinition("NSI", "Network Store Interface Service", start: .automatic, dependsOn: ["RpcSs"]),
        ServiceDefinition("lmhosts", "TCP/IP NetBIOS Helper", start: .manual),
        ServiceDefinition("Bowser", "Browser", type: 2, start: .manual),
        ServiceDefinition("MRxSmb", "SMB MiniRedirector Wrapper and Engine", type: 2, start: .manual),
        ServiceDefinition("MRxSmb20", "SMB 2.0 MiniRedirector", type: 2, start: .manual, dependsOn: ["MRxSmb"]),
        ServiceDefinition("mrxsmb10", "SMB 1.x MiniRedirector", type: 2, start: .automatic, dependsOn: ["MRxSmb"],
                          feature: "SMB1Protocol-Client"),
        ServiceDefinition("Srv2", "Server SMB 2.xxx Driver", type: 1, start: .manual, dependsOn: ["srvnet"]),
        ServiceDefinition("srvnet", "srvnet", type: 1, start: .manual),
        ServiceDefinition("Mup", "Mup", type: 2, start: .boot, canStop: false),
    ]

    /// The optional features of client releases (Get-WindowsOptionalFeature), parents first.
    public static let optionalFeatures: [FeatureDefinition] = [
        FeatureDefinition(name: "SMB1Protocol", displayName: "SMB 1.0/CIFS File Sharing Support",
                          description: "Support for the SMB 1.0/CIFS file sharing protocol, and the Computer Browser protocol.",
                          enabledByDefault: false,
                          children: ["SMB1Protocol-Client", "SMB1Protocol-Server", "SMB1Protocol-Deprecation"],
                          restartNeeded: true),
        FeatureDefinition(name: "SMB1Protocol-Client", displayName: "SMB 1.0/CIFS Client",
                          description: "Support for the SMB 1.0/CIFS client for accessing legacy servers.",
                          enabledByDefault: false, children: [], restartNeeded: true),
        FeatureDefinition(name: "SMB1Protocol-Server", displayName: "SMB 1.0/CIFS Server",
                          description: "Support for the SMB 1.0/CIFS file server for sharing data with legacy clients and browsing the network neighborhood.",
                          enabledByDefault: false, children: [], restartNeeded: true),
        FeatureDefinition(name: "SMB1Protocol-Deprecation", displayName: "SMB 1.0/CIFS Automatic Removal",
                          description: "Automatically removes SMB 1.0/CIFS when it isn't in use.",
                          enabledByDefault: false, children: [], restartNeeded: false),
        FeatureDefinition(name: "SmbDirect", displayName: "SMB Direct",
                          description: "Remote Direct Memory Access (RDMA) support for the SMB 3.x file sharing protocol",
                          enabledByDefault: true, children: [], restartNeeded: false),
    ]

    /// The server features (Get-WindowsFeature) around SMB, in Server Manager's tree order with depth.
    public static let serverFeatures: [(feature: FeatureDefinition, depth: Int)] = [
        (FeatureDefinition(name: "FileAndStorage-Services", displayName: "File and Storage Services",
                           description: "File and Storage Services includes services that are always installed, as well as functionality that you can install to help manage file servers and storage.",
                           enabledByDefault: true, children: ["File-Services", "Storage-Services"], restartNeeded: false), 0),
        (FeatureDefinition(name: "File-Services", displayName: "File and iSCSI Services",
                           description: "File and iSCSI Services provides technologies that help you manage file servers and storage, reduce disk space utilization, replicate and cache files to branch offices, move or fail over a file share to another cluster node, and share files by using the NFS protocol.",
                           enabledByDefault: true, children: ["FS-FileServer"], restartNeeded: false), 1),
        (FeatureDefinition(name: "FS-FileServer", displayName: "File Server",
                           description: "File Server manages shared folders and enables users to access files on this computer from the network.",
                           enabledByDefault: true, children: [], restartNeeded: false), 2),
        (FeatureDefinition(name: "Storage-Services", displayName: "Storage Services",
                           description: "Storage Services provides storage management functionality that is always installed and cannot be removed.",
                           enabledByDefault: true, children: [], restartNeeded: false), 1),
        (FeatureDefinition(name: "FS-SMB1", displayName: "SMB 1.0/CIFS File Sharing Support",
                           description: "Support for the SMB 1.0/CIFS file sharing protocol, and the Computer Browser protocol.",
                           enabledByDefault: false, children: ["FS-SMB1-CLIENT", "FS-SMB1-SERVER"], restartNeeded: true), 0),
        (FeatureDefinition(name: "FS-SMB1-CLIENT", displayName: "SMB 1.0/CIFS Client",
                           description: "Support for the SMB 1.0/CIFS client for accessing legacy servers.",
                           enabledByDefault: false, children: [], restartNeeded: true), 1),
        (FeatureDefinition(name: "FS-SMB1-SERVER", displayName: "SMB 1.0/CIFS Server",
                           description: "Support for the SMB 1.0/CIFS file server for sharing data with legacy clients and browsing the network neighborhood.",
                           enabledByDefault: false, children: [], restartNeeded: true), 1),
        (FeatureDefinition(name: "FS-SMBBW", displayName: "SMB Bandwidth Limit",
                           description: "SMB Bandwidth Limit provides a mechanism to track SMB traffic per category and allows you to limit the amount of traffic allowed for a given category.",
                           enabledByDefault: false, children: [], restartNeeded: false), 0),
    ]

    /// Server feature names mapped to the optional feature that holds their state, so that both
    /// views (DISM and Server Manager) agree on one fact.
    public static func stateName(ofServerFeature name: String) -> String {
        switch name.lowercased() {
        case "fs-smb1": return "SMB1Protocol"
        case "fs-smb1-client": return "SMB1Protocol-Client"
        case "fs-smb1-server": return "SMB1Protocol-Server"
        default: return name
        }
    }

    public static func feature(named name: String, server: Bool) -> FeatureDefinition? {
        let wanted = name.lowercased()
        if server { return serverFeatures.first { $0.feature.name.lowercased() == wanted }?.feature }
        return optionalFeatures.first { $0.name.lowercased() == wanted }
    }

    /// Keys every release has (created empty), besides the services' keys and the SMB property keys.
    static let baseKeys: [String] = [
        #"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa"#,
        #"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order"#,
        #"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows\LanmanWorkstation"#,
        #"HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows\LanmanServer"#,
        #"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion"#,
        #"HKEY_CURRENT_USER\Software\Microsoft"#,
        #"HKEY_CURRENT_USER\Network"#,
        #"HKEY_CURRENT_USER\Environment"#,
    ]

    /// Values every release has, by key.
    static let baseValues: [(key: String, name: String, data: RegistryData)] = [
        (#"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa"#, "RestrictAnonymous", .dword(0)),
        (#"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa"#, "RestrictAnonymousSAM", .dword(1)),
        (#"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa"#, "EveryoneIncludesAnonymous", .dword(0)),
        (#"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order"#, "ProviderOrder",
         .string("RDPNP,LanmanWorkstation,webclient")),
    ]
}
