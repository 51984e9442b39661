import EmulatedHost
import SMBPolicy
import ShellEngine

/// The WMI repository of the emulated host: the namespaces it has and the classes scripts query,
/// each with the properties Windows returns and its display (the CIM table view, the WMI default
/// display property set).
struct CimClass {
    let namespace: String
    let name: String
    /// The CimCmdlets table view (`Get-CimInstance`), nil: all properties.
    let view: CimTableView?
    /// `DefaultDisplayPropertySet` of the class (Get-WmiObject shows these).
    let displayProperties: [String]
    let instances: (Engine) -> [PSObject]

    static let cimv2 = "root/cimv2"

    /// Namespaces that exist (an unknown one is `Invalid namespace`).
    static let namespaces = ["root", "root/cimv2", "root/default", "root/standardcimv2", "root/microsoft",
                             "root/microsoft/windows", "root/microsoft/windows/smb", "root/subscription"]

    /// `root\CIMV2`, `ROOT/cimv2` → `root/cimv2`.
    static func normalize(_ namespace: String) -> String {
        var n = namespace.replacing("\\", with: "/")
        while n.hasPrefix("/") { n.removeFirst() }
        while n.hasSuffix("/") { n.removeLast() }
        return n
    }

    /// `ROOT/cimv2`: the namespace as CimClass and Get-CimClass's grouping show it.
    static func namespaceDisplay(_ namespace: String) -> String {
        guard let slash = namespace.firstIndex(of: "/") else { return namespace.uppercased() }
        return namespace[..<slash].uppercased() + namespace[slash...]
    }

    static func find(namespace: String, name: String) -> CimClass? {
        all.first { $0.namespace.caseInsensitiveEquals(namespace) && $0.name.caseInsensitiveEquals(name) }
    }

    static func view(_ name: String, _ columns: [String]) -> CimTableView {
        CimTableView(name: name, columns: columns.map { .init($0) })
    }

    static var all: [CimClass] { [
        CimClass(namespace: cimv2, name: "Win32_OperatingSystem",
                 view: view("Win32_OperatingSystem", operatingSystemDisplay), displayProperties: operatingSystemDisplay,
                 instances: { [instance("Win32_OperatingSystem", cimv2, operatingSystem($0))] }),
        CimClass(namespace: cimv2, name: "Win32_ComputerSystem",
                 view: view("Win32_ComputerSystem", computerSystemDisplay), displayProperties: computerSystemDisplay,
                 instances: { [instance("Win32_ComputerSystem", cimv2, computerSystem($0))] }),
        CimClass(namespace: cimv2, name: "Win32_Service",
                 view: view("Win32_Service", ["ProcessId", "Name", "StartMode", "State", "Status", "ExitCode"]),
                 displayProperties: ["ExitCode", "Name", "ProcessId", "StartMode", "State", "Status"],
                 instances: { $0.cimRepository.instances(namespace: cimv2, className: "Win32_Service", engine: $0) ?? [] }),
        CimClass(namespace: cimv2, name: "Win32_OptionalFeature", view: nil, displayProperties: [],
                 instances: { $0.cimRepository.instances(namespace: cimv2, className: "Win32_OptionalFeature", engine: $0) ?? [] }),
        CimClass(namespace: cimv2, name: "Win32_UserAccount",
                 view: view("Win32_UserAccount", ["Name", "Caption", "AccountType", "SID", "Domain"]),
                 displayProperties: ["AccountType", "Caption", "Domain", "SID", "FullName", "Name"],
                 instances: { engine in userAccounts(engine).map { instance("Win32_UserAccount", cimv2, $0) } }),
        CimClass(namespace: cimv2, name: "Win32_SystemEnclosure",
                 view: view("Win32_SystemEnclosure", ["Manufacturer", "Model", "LockPresent", "SerialNumber", "SMBIOSAssetTag", "SecurityStatus"]),
                 displayProperties: ["Manufacturer", "Model", "LockPresent", "SerialNumber", "SMBIOSAssetTag", "SecurityStatus"],
                 instances: { _ in [instance("Win32_SystemEnclosure", cimv2, systemEnclosure)] }),
        // A virtual machine has no battery: the class exists and has no instances.
        CimClass(namespace: cimv2, name: "Win32_Battery", view: nil, displayProperties: [], instances: { _ in [] }),
        CimClass(namespace: cimv2, name: "Win32_NetworkAdapterConfiguration",
                 view: view("Win32_NetworkAdapterConfiguration", ["ServiceName", "DHCPEnabled", "Index", "Description"]),
                 displayProperties: ["DHCPEnabled", "IPAddress", "DefaultIPGateway", "DNSDomain", "ServiceName", "Description", "Index"],
                 instances: { [instance("Win32_NetworkAdapterConfiguration", cimv2, networkAdapterConfiguration($0))] }),
        CimClass(namespace: cimv2, name: "Win32_LogicalDisk",
                 view: view("Win32_LogicalDisk", ["DeviceID", "DriveType", "ProviderName", "VolumeName", "Size", "FreeSpace"]),
                 displayProperties: ["DeviceID", "DriveType", "ProviderName", "FreeSpace", "Size", "VolumeName"],
                 instances: { _ in [instance("Win32_LogicalDisk", cimv2, [
                     ("DeviceID", .string("C:")), ("DriveType", .uint32(3)), ("ProviderName", .null), ("VolumeName", .string("")),
                     ("Size", .uint64(UInt64(HostIdentity.systemVolumeSize))), ("FreeSpace", .uint64(UInt64(HostIdentity.systemVolumeFree))),
                     ("FileSystem", .string("NTFS")),
                     ("Caption", .string("C:")), ("Description", .string("Local Fixed Disk")), ("MediaType", .uint32(12)),
                     ("Name", .string("C:")), ("VolumeSerialNumber", .string("6A1B2C3D"))])] }),
        // No table view: the five properties of the display set, as a list.
        CimClass(namespace: cimv2, name: "Win32_BIOS", view: nil, displayProperties: biosDisplay,
                 instances: { _ in [DisplaySetCimInstance(className: "Win32_BIOS", namespace: cimv2, properties: bios.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) }, display: biosDisplay)] }),
        CimClass(namespace: cimv2, name: "Win32_Processor",
                 view: view("Win32_Processor", ["DeviceID", "Name", "Caption", "MaxClockSpeed", "SocketDesignation", "Manufacturer"]),
                 displayProperties: ["Caption", "DeviceID", "Manufacturer", "MaxClockSpeed", "Name", "SocketDesignation"],
                 instances: { _ in [instance("Win32_Processor", cimv2, processor)] }),
        CimClass(namespace: cimv2, name: "Win32_PhysicalMemory",
                 view: view("Win32_PhysicalMemory", ["Manufacturer", "BankLabel", "Capacity", "DeviceLocator", "PartNumber", "SerialNumber", "Speed"]),
                 displayProperties: ["Caption", "Description", "Manufacturer", "Capacity", "DeviceLocator", "Name", "PartNumber", "SerialNumber", "Speed"],
                 instances: { _ in [instance("Win32_PhysicalMemory", cimv2, physicalMemory)] }),
        CimClass(namespace: cimv2, name: "Win32_DiskDrive",
                 view: view("Win32_DiskDrive", ["DeviceID", "Caption", "Partitions", "Size", "Model"]),
                 displayProperties: ["Partitions", "DeviceID", "Model", "Size", "Caption"],
                 instances: { _ in [instance("Win32_DiskDrive", cimv2, diskDrive)] }),
        // The CIM base classes answer with the Win32 instances that derive from them.
        CimClass(namespace: cimv2, name: "CIM_BIOSElement", view: nil, displayProperties: biosDisplay,
                 instances: { _ in [DisplaySetCimInstance(className: "Win32_BIOS", namespace: cimv2, properties: bios.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) }, display: biosDisplay)] }),
        CimClass(namespace: cimv2, name: "CIM_Processor",
                 view: view("Win32_Processor", ["DeviceID", "Name", "Caption", "MaxClockSpeed", "SocketDesignation", "Manufacturer"]),
                 displayProperties: ["Caption", "DeviceID", "Manufacturer", "MaxClockSpeed", "Name", "SocketDesignation"],
                 instances: { _ in [instance("Win32_Processor", cimv2, processor)] }),
        CimClass(namespace: cimv2, name: "CIM_PhysicalMemory",
                 view: view("Win32_PhysicalMemory", ["Manufacturer", "BankLabel", "Capacity", "DeviceLocator", "PartNumber", "SerialNumber", "Speed"]),
                 displayProperties: ["Caption", "Description", "Manufacturer", "Capacity", "DeviceLocator", "Name", "PartNumber", "SerialNumber", "Speed"],
                 instances: { _ in [instance("Win32_PhysicalMemory", cimv2, physicalMemory)] }),
        CimClass(namespace: cimv2, name: "CIM_DiskDrive", view: view("Win32_DiskDrive", ["DeviceID", "Caption", "Partitions", "Size", "Model"]),
                 displayProperties: ["Partitions", "DeviceID", "Model", "Size", "Caption"],
                 instances: { _ in [instance("Win32_DiskDrive", cimv2, diskDrive)] }),
        CimClass(namespace: cimv2, name: "Win32_Share",
                 view: view("Win32_Share", ["Name", "Path", "Description"]), displayProperties: ["Name", "Path", "Description"],
                 instances: { $0.currentShares().shares.map(win32Share) }),
        CimClass(namespace: SmbCim.namespace, name: "MSFT_SmbShare", view: nil, displayProperties: [],
                 instances: { $0.currentShares().shares.sorted { $0.name.uppercased() < $1.name.uppercased() }.map(SmbCim.share) }),
        CimClass(namespace: SmbCim.namespace, name: "MSFT_SmbMapping", view: nil, displayProperties: [],
                 instances: { engine in let state = engine.currentShares(); return state.mappings.map { SmbCim.mapping($0, in: state) } }),
        CimClass(namespace: SmbCim.namespace, name: "MSFT_SmbServerConfiguration", view: nil, displayProperties: [],
                 instances: { [SmbConfigurationObject(side: .server, snapshot: $0.policySnapshot())] }),
        CimClass(namespace: SmbCim.namespace, name: "MSFT_SmbClientConfiguration", view: nil, displayProperties: [],
                 instances: { [SmbConfigurationObject(side: .client, snapshot: $0.policySnapshot())] }),
    ] }

    static let operatingSystemDisplay = ["SystemDirectory", "Organization", "BuildNumber", "RegisteredUser", "SerialNumber", "Version"]
    static let computerSystemDisplay = ["Name", "PrimaryOwnerName", "Domain", "TotalPhysicalMemory", "Model", "Manufacturer"]

    static func instance(_ name: String, _ namespace: String, _ properties: [(String, PSValue)]) -> CimInstanceObject {
        CimInstanceObject(className: name, namespace: namespace,
                          properties: properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) })
    }

    static func caption(_ profile: OSProfile) -> String { HostInventory.productName(profile) }

    static func operatingSystem(_ engine: Engine) -> [(String, PSValue)] {
        let profile = engine.osProfile
        let build = String(engine.identity.windowsBuild.number)
        return [("Status", .string("OK")), ("Name", .string(caption(profile) + "|C:\\Windows|\\Device\\Harddisk0\\Partition3")),
                ("FreePhysicalMemory", .uint64(6_291_456)), ("FreeSpaceInPagingFiles", .uint64(1_310_720)),
                ("FreeVirtualMemory", .uint64(7_340_032)), ("Caption", .string(caption(profile))),
                ("InstallDate", .object(DateTimeObject(seconds: HostInventory.midnight(HostInventory.installDate)))),
                ("LastBootUpTime", .object(DateTimeObject(seconds: HostInventory.midnight(HostInventory.installDate)))),
                ("Description", .string("")), ("Manufacturer", .string("Microsoft Corporation")),
                ("BootDevice", .string("\\Device\\HarddiskVolume1")), ("BuildNumber", .string(build)),
                ("BuildType", .string("Multiprocessor Free")), ("CodeSet", .string("1252")), ("CountryCode", .string("1")),
                ("CSName", .string(engine.computerName)), ("Locale", .string("0409")), ("OSArchitecture", .string("64-bit")),
                ("OSLanguage", .uint32(1033)), ("OSType", .uint32(18)), ("Organization", .string("")),
                ("ProductType", .uint32(profile.isServer ? 3 : 1)), ("RegisteredUser", .string(engine.userName)),
                ("SerialNumber", .string("00330-80000-00000-AA000")), ("ServicePackMajorVersion", .uint32(0)),
                ("ServicePackMinorVersion", .uint32(0)), ("SystemDevice", .string("\\Device\\HarddiskVolume3")),
                ("SystemDirectory", .string("C:\\Windows\\system32")), ("SystemDrive", .string("C:")),
                ("TotalVirtualMemorySize", .uint64(10_485_760)), ("TotalVisibleMemorySize", .uint64(8_388_608)),
                ("Version", .string("10.0." + build)), ("WindowsDirectory", .string("C:\\Windows"))]
    }

    /// The one adapter's IP configuration; TcpipNetbiosOptions is the interface's NetbiosOptions value.
    static func networkAdapterConfiguration(_ engine: Engine) -> [(String, PSValue)] {
        let view = RegistryView(snapshot: engine.policySnapshot())
        let path = RegistryPath(components: Array(HostCatalog.netbiosInterfaceKey.split(separator: "\\").dropFirst().map(String.init)),
                                typed: HostCatalog.netbiosInterfaceKey)
        var netbios: UInt32 = 0
        if case .dword(let value)? = view.node(path)?.value("NetbiosOptions")?.data { netbios = value }
        let address = HostInventory.ipAddress(engine)
        return [("Caption", .string("[00000001] " + HostInventory.adapterDescription)), ("Description", .string(HostInventory.adapterDescription)),
                ("SettingID", .string("{6B1E6E44-8AE1-4E6B-9F19-2B1D2B9F4C10}")), ("DHCPEnabled", .bool(false)),
                ("DefaultIPGateway", .array(PSArray([]))), ("DNSDomain", .null), ("DNSHostName", .string(engine.computerName.lowercased())),
                ("Index", .uint32(1)), ("InterfaceIndex", .uint32(UInt32(HostInventory.adapterIndex))),
                ("IPAddress", .array(PSArray([.string(address), .string("fe80::215:5dff:fe01:a2b")]))),
                ("IPEnabled", .bool(true)), ("IPSubnet", .array(PSArray([.string("255.255.255.0"), .string("64")]))),
                ("MACAddress", .string(HostInventory.macAddress.replacing("-", with: ":"))), ("ServiceName", .string("netvsc")),
                ("TcpipNetbiosOptions", .uint32(netbios)), ("WINSEnableLMHostsLookup", .bool(true))]
    }

    static func computerSystem(_ engine: Engine) -> [(String, PSValue)] {
        let server = engine.osProfile.isServer
        return [("Name", .string(engine.computerName)), ("PrimaryOwnerName", .string(engine.userName)),
                ("Domain", .string(engine.workgroup)), ("TotalPhysicalMemory", .uint64(8_589_934_592)),
                ("Model", .string("Virtual Machine")), ("Manufacturer", .string("Microsoft Corporation")),
                ("Caption", .string(engine.computerName)), ("DNSHostName", .string(engine.computerName.lowercased())),
                ("DomainRole", .uint32(server ? 2 : 0)), ("NumberOfLogicalProcessors", .uint32(2)),
                ("NumberOfProcessors", .uint32(1)), ("PartOfDomain", .bool(false)), ("Status", .string("OK")),
                ("SystemType", .string("x64-based PC")), ("UserName", .string(engine.computerName + "\\" + engine.userName)),
                ("Workgroup", .string(engine.workgroup))]
    }

    /// The local accounts of the emulated host (LocalAccounts), as Win32_UserAccount shows them.
    static func userAccounts(_ engine: Engine) -> [[(String, PSValue)]] {
        let domain = engine.computerName
        return LocalAccounts.users(engine).map { account in
            [("AccountType", .uint32(512)), ("Caption", .string(domain + "\\" + account.name)),
             ("Description", .string(account.description)), ("Disabled", .bool(!account.enabled)),
             ("Domain", .string(domain)), ("FullName", .string("")), ("LocalAccount", .bool(true)),
             ("Lockout", .bool(false)), ("Name", .string(account.name)), ("PasswordChangeable", .bool(true)),
             ("PasswordExpires", .bool(false)), ("PasswordRequired", .bool(account.passwordRequired)),
             ("SID", .string(LocalAccounts.sid(of: account))), ("SIDType", .byte(1)),
             ("Status", .string(account.enabled ? "OK" : "Degraded"))]
        }
    }

    static var systemEnclosure: [(String, PSValue)] { [
        ("Tag", .string("System Enclosure 0")), ("Caption", .string("System Enclosure")),
        ("ChassisTypes", .array(PSArray([.uint32(3)]))), ("Description", .string("System Enclosure")),
        ("LockPresent", .bool(false)), ("Manufacturer", .string("Microsoft Corporation")), ("Model", .null),
        ("Name", .string("System Enclosure")), ("SecurityStatus", .uint32(3)), ("SerialNumber", .string("0000-0000-0000-0000-0000-0000-00")),
        ("SMBIOSAssetTag", .string("0000-0000-0000-0000-0000-0000-00")),
    ] }

    // MARK: The virtual machine's hardware (Hyper-V generation 2, one virtual processor with two
    // logical processors, 8 GB of memory, one 127 GB disk).

    static let biosDisplay = ["SMBIOSBIOSVersion", "Manufacturer", "Name", "SerialNumber", "Version"]

    static var bios: [(String, PSValue)] { [
        ("Status", .string("OK")), ("Name", .string("Hyper-V UEFI Release v4.1")), ("Caption", .string("Hyper-V UEFI Release v4.1")),
        ("Description", .string("Hyper-V UEFI Release v4.1")), ("SMBIOSBIOSVersion", .string("Hyper-V UEFI Release v4.1")),
        ("Manufacturer", .string("Microsoft Corporation")), ("SerialNumber", .string("0000-0000-0000-0000-0000-0000-00")),
        ("Version", .string("VRTUAL - 1")),
        ("BIOSVersion", .array(PSArray([.string("VRTUAL - 1"), .string("Hyper-V UEFI Release v4.1"), .string("EDK II - 10000")]))),
        ("PrimaryBIOS", .bool(true)), ("SMBIOSPresent", .bool(true)), ("SMBIOSMajorVersion", .uint32(3)), ("SMBIOSMinorVersion", .uint32(1)),
        ("SoftwareElementID", .string("Hyper-V UEFI Release v4.1")), ("SoftwareElementState", .uint32(3)), ("TargetOperatingSystem", .uint32(0)),
        ("SystemBiosMajorVersion", .uint32(4)), ("SystemBiosMinorVersion", .uint32(1)),
        ("ReleaseDate", .object(DateTimeObject(seconds: HostInventory.midnight(HostInventory.installDate)))),
    ] }

    static var processor: [(String, PSValue)] { [
        ("DeviceID", .string("CPU0")), ("Name", .string("Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz")),
        ("Caption", .string("Intel64 Family 6 Model 85 Stepping 7")), ("Description", .string("Intel64 Family 6 Model 85 Stepping 7")),
        ("Manufacturer", .string("GenuineIntel")), ("MaxClockSpeed", .uint32(2594)), ("CurrentClockSpeed", .uint32(2594)),
        ("SocketDesignation", .string("None")), ("NumberOfCores", .uint32(2)), ("NumberOfEnabledCore", .uint32(2)),
        ("NumberOfLogicalProcessors", .uint32(2)), ("ThreadCount", .uint32(2)), ("AddressWidth", .uint32(64)), ("DataWidth", .uint32(64)),
        ("Architecture", .uint32(9)), ("Family", .uint32(179)), ("Level", .uint32(6)), ("Revision", .uint32(21767)),
        ("L2CacheSize", .uint32(2048)), ("L3CacheSize", .uint32(36608)), ("LoadPercentage", .uint32(3)),
        ("ProcessorId", .string("0F8BFBFF00050657")), ("ProcessorType", .uint32(3)), ("Role", .string("CPU")),
        ("Status", .string("OK")), ("StatusInfo", .uint32(3)), ("SystemName", .null), ("VirtualizationFirmwareEnabled", .bool(false)),
    ] }

    static var physicalMemory: [(String, PSValue)] { [
        ("Caption", .string("Physical Memory")), ("Description", .string("Physical Memory")), ("Name", .string("Physical Memory")),
        ("Tag", .string("Physical Memory 0")), ("Manufacturer", .string("Microsoft Corporation")), ("BankLabel", .string("None")),
        ("Capacity", .uint64(8_589_934_592)), ("DeviceLocator", .string("M0001")), ("FormFactor", .uint32(0)),
        ("MemoryType", .uint32(0)), ("SMBIOSMemoryType", .uint32(7)), ("PartNumber", .string("None")),
        ("SerialNumber", .string("None")), ("Speed", .null), ("ConfiguredClockSpeed", .null), ("DataWidth", .null), ("TotalWidth", .null),
    ] }

    static var diskDrive: [(String, PSValue)] { [
        ("DeviceID", .string("\\\\.\\PHYSICALDRIVE0")), ("Caption", .string("Microsoft Virtual Disk")), ("Model", .string("Microsoft Virtual Disk")),
        ("Description", .string("Disk drive")), ("Name", .string("\\\\.\\PHYSICALDRIVE0")), ("Manufacturer", .string("(Standard disk drives)")),
        ("InterfaceType", .string("SCSI")), ("MediaType", .string("Fixed hard disk media")), ("Partitions", .uint32(3)),
        ("Size", .uint64(136_366_917_120)), ("BytesPerSector", .uint32(512)), ("Index", .uint32(0)), ("Status", .string("OK")),
        ("SerialNumber", .string("")), ("FirmwareRevision", .string("1.0")), ("PNPDeviceID", .string("SCSI\\DISK&VEN_MSFT&PROD_VIRTUAL_DISK\\000000")),
    ] }

    static func win32Share(_ share: ShareRecord) -> PSObject {
        let type: UInt32 = share.kind == .interprocessCommunication ? 0x8000_0003 : (share.special ? 0x8000_0000 : 0)
        return instance("Win32_Share", cimv2, [
            ("Status", .string("OK")), ("Type", .uint32(type)), ("Name", .string(share.name)),
            ("AccessMask", .null), ("AllowMaximum", .bool(share.concurrentUserLimit == 0)),
            ("Caption", .string(share.description)), ("Description", .string(share.description)),
            ("InstallDate", .null), ("MaximumAllowed", share.concurrentUserLimit == 0 ? .null : .uint32(share.concurrentUserLimit)),
            ("Path", .string(share.path))])
    }
}
