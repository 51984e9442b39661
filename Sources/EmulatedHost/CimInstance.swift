import MailslotTransport
import SMBPolicy
import ShellEngine

/// A CIM instance (`Microsoft.Management.Infrastructure.CimInstance`) as the CIM cmdlets and the
/// CDXML modules write it: the class's properties in their order, then PSComputerName and the
/// CimClass / CimInstanceProperties / CimSystemProperties members `Format-List *` shows.
package class CimInstanceObject: PSObject {
    package static let instanceTypeName = "Microsoft.Management.Infrastructure.CimInstance"

    package let className: String
    /// `root/cimv2`, `root/Microsoft/Windows/SMB`.
    package let namespace: String
    private let values: [PSPropertyInfo]

    package init(className: String, namespace: String, properties: [PSPropertyInfo]) {
        self.className = className
        self.namespace = namespace
        self.values = properties
        super.init(typeNames: [Self.instanceTypeName + "#" + namespace + "/" + className,
                               Self.instanceTypeName + "#" + className, Self.instanceTypeName, "System.Object"])
    }

    /// The class's own properties, without the CIM members.
    package var cimProperties: [PSPropertyInfo] { values }

    override package var properties: [PSPropertyInfo] {
        values + [
            PSPropertyInfo(name: "PSComputerName", value: .string(""), typeName: "System.String", isSettable: false),
            PSPropertyInfo(name: "CimClass", value: .string(namespace.uppercasedFirstSegment + ":" + className), isSettable: false),
            PSPropertyInfo(name: "CimInstanceProperties", value: .array(PSArray(values.map { .string($0.name) })), isSettable: false),
            PSPropertyInfo(name: "CimSystemProperties", value: .string("Microsoft.Management.Infrastructure.CimSystemProperties"),
                           isSettable: false),
        ]
    }

    override package func property(_ name: String) -> PSValue? {
        values.first { $0.name.caseInsensitiveEquals(name) }?.value ?? super.property(name)
    }

    /// `MSFT_SmbShare (Name = "C$", ScopeName = "*")`: the class and its key properties, as a CIM
    /// instance converts to a string.
    override package func toString() -> String {
        let keys = Self.keyProperties[className] ?? []
        let parts = keys.compactMap { key in
            values.first { $0.name == key }.map { key + " = \"" + LanguagePrimitives.toString($0.value) + "\"" }
        }
        return parts.isEmpty ? className : className + " (" + parts.joined(separator: ", ") + ")"
    }

    /// The key properties of the classes the emulated host has (their MOF `[Key]` qualifiers).
    private static let keyProperties: [String: [String]] = [
        "MSFT_SmbShare": ["Name", "ScopeName"], "MSFT_SmbMapping": ["LocalPath", "RemotePath"],
        "MSFT_SmbConnection": ["ServerName", "ShareName", "UserName"], "MSFT_SmbSession": ["SessionId"],
        "Win32_Share": ["Name"], "Win32_Service": ["Name"], "Win32_OperatingSystem": ["Name"],
        "Win32_ComputerSystem": ["Name"], "Win32_OptionalFeature": ["Name"],
    ]
}

/// A table view of a CDXML module's format file (`<TableControl>`): MSFT_SmbShare shows Name,
/// ScopeName, Path, Description. A column shows the property it names, or a computed text (a
/// view's `<ScriptBlock>` column, such as Speed).
package struct CimTableView: Sendable {
    package struct Column: Sendable {
        package let label: String
        package let property: String
        /// 0: the column is sized by its values, as a view column without `<Width>`.
        package let width: Int

        package init(_ label: String, property: String? = nil, width: Int = 0) {
            self.label = label
            self.property = property ?? label
            self.width = width
        }
    }

    /// The view's name: consecutive objects of one view share one table.
    package let name: String
    package let columns: [Column]

    package init(name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
    }
}

/// A CIM instance whose class has a table view in its module's format file.
package final class ViewedCimInstance: CimInstanceObject, TableViewProvider {
    package let tableView: CimTableView
    private let cells: [String: String]

    /// `cells`: the text of the view's computed columns, by label.
    package init(className: String, namespace: String, properties: [PSPropertyInfo], view: CimTableView,
                 cells: [String: String] = [:]) {
        self.tableView = view
        self.cells = cells
        super.init(className: className, namespace: namespace, properties: properties)
    }

    package var tableViewName: String { tableView.name }

    package var tableHeader: TableHeaderInfo {
        TableHeaderInfo(labels: tableView.columns.map(\.label), widths: tableView.columns.map(\.width),
                        alignments: tableView.columns.map { _ in .left })
    }

    package func tableRow(display: (PSValue) -> String) -> [String] {
        tableView.columns.map { cells[$0.label] ?? display(property($0.property) ?? .null) }
    }
}

extension String {
    /// `root/Microsoft/Windows/SMB` → `ROOT/Microsoft/Windows/SMB` (how CimClass names its namespace).
    fileprivate var uppercasedFirstSegment: String {
        guard let slash = firstIndex(of: "/") else { return uppercased() }
        return self[..<slash].uppercased() + self[slash...]
    }
}

/// The SMB provider's namespace and the enum types of its CDXML module.
package enum SmbCim {
    package static let namespace = "root/Microsoft/Windows/SMB"
    private static let enumPrefix = "Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare."

    /// A value of one of the SmbShare module's enums (`ShareState`, `CachingMode`, …).
    package static func enumValue(_ name: String, _ type: String) -> PSValue {
        .object(CimEnumValue(name: name, typeName: enumPrefix + type))
    }

    /// MSFT_SmbShare: the view is Name, ScopeName, Path, Description.
    package static let shareView = CimTableView(name: "MSFT_SmbShare", columns: [
        .init("Name"), .init("ScopeName"), .init("Path"), .init("Description")])

    package static let accessView = CimTableView(name: "MSFT_SmbShareAccessControlEntry", columns: [
        .init("Name"), .init("ScopeName"), .init("AccountName"), .init("AccessControlType"), .init("AccessRight")])

    package static func share(_ share: ShareRecord) -> ViewedCimInstance {
        func text(_ s: String) -> PSValue { .string(s) }
        let properties: [(String, PSValue)] = [
            ("PresetPathAcl", .null),
            ("ShareState", enumValue("Online", "ShareState")),
            ("AvailabilityType", enumValue("NonClustered", "AvailabilityType")),
            ("ShareType", enumValue(share.kind.rawValue, "ShareType")),
            ("FolderEnumerationMode", enumValue(share.folderEnumerationMode, "FolderEnumerationMode")),
            ("CachingMode", enumValue(share.cachingMode, "CachingMode")),
            ("LeasingMode", enumValue(share.leasingMode, "LeasingMode")),
            ("SmbInstance", enumValue("Default", "SmbInstance")),
            ("CATimeout", .uint32(share.caTimeout)),
            ("CompressData", .bool(share.compressData)),
            ("ConcurrentUserLimit", .uint32(share.concurrentUserLimit)),
            ("ContinuouslyAvailable", .bool(share.continuouslyAvailable)),
            ("CurrentUsers", .uint32(0)),
            ("Description", text(share.description)),
            ("EncryptData", .bool(share.encryptData)),
            ("Name", text(share.name)),
            ("Path", text(share.path)),
            ("Scoped", .bool(share.scopeName != "*")),
            ("ScopeName", text(share.scopeName)),
            ("SecurityDescriptor", text(securityDescriptor(share.access))),
            ("ShadowCopy", .bool(false)),
            ("Special", .bool(share.special)),
            ("Temporary", .bool(share.temporary)),
            ("Volume", text(share.kind == .interprocessCommunication ? "" : "\\\\?\\Volume{3f0d1a55-0000-0000-0000-100000000000}\\")),
        ]
        return ViewedCimInstance(className: "MSFT_SmbShare", namespace: namespace,
                                 properties: properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) },
                                 view: shareView)
    }

    static let mappingView = CimTableView(name: "MSFT_SmbMapping", columns: [
        .init("Status"), .init("Local Path", property: "LocalPath"), .init("Remote Path", property: "RemotePath")])

    /// A mapping whose share was removed since is `Unavailable` (removing a share disconnects it).
    package static func mapping(_ m: MappingRecord, in state: ShareState? = nil) -> ViewedCimInstance {
        let status = state.map { isConnected(m, $0) } ?? true ? "OK" : "Unavailable"
        let properties: [(String, PSValue)] = [
            ("LocalPath", .string(m.localPath)), ("RemotePath", .string(m.remotePath)),
            ("RequireIntegrity", .bool(false)), ("RequirePrivacy", .bool(false)),
            ("Status", enumValue(status, "Status")), ("UseWriteThrough", .bool(false))]
        return ViewedCimInstance(className: "MSFT_SmbMapping", namespace: namespace,
                                 properties: properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) },
                                 view: mappingView)
    }

    /// Whether the share a mapping reaches still exists (mappings only reach this host's shares).
    package static func isConnected(_ m: MappingRecord, _ state: ShareState) -> Bool {
        let parts = m.remotePath.split(separator: "\\", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return false }
        return state.shares.contains { $0.name.caseInsensitiveEquals(String(parts[1])) }
    }

    package static func accessEntry(_ entry: ShareAccessEntry, share: ShareRecord) -> ViewedCimInstance {
        let properties: [(String, PSValue)] = [
            ("AccessControlType", enumValue(entry.controlType.rawValue, "AccessControlType")),
            ("AccessRight", enumValue(entry.right.rawValue, "ShareAccessRight")),
            ("AccountName", .string(entry.accountName)),
            ("Name", .string(share.name)),
            ("ScopeName", .string(share.scopeName)),
        ]
        return ViewedCimInstance(className: "MSFT_SmbShareAccessControlEntry", namespace: namespace,
                                 properties: properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) },
                                 view: accessView)
    }

    /// The SDDL form of a share's entries (`D:(A;;FA;;;WD)`): what SecurityDescriptor shows.
    package static func securityDescriptor(_ entries: [ShareAccessEntry]) -> String {
        let aces = entries.map { entry -> String in
            let rights: String
            switch entry.right {
            case .full: rights = "FA"
            case .change: rights = "0x1301bf"
            case .read, .custom: rights = "0x1200a9"
            }
            return "(" + (entry.controlType == .allow ? "A" : "D") + ";;" + rights + ";;;" + sid(entry.accountName) + ")"
        }
        return "O:SYG:SYD:" + aces.joined()
    }

    private static func sid(_ account: String) -> String {
        switch account.lowercased() {
        case "everyone": return "WD"
        case "builtin\\administrators", "administrators": return "BA"
        case "builtin\\backup operators", "backup operators": return "BO"
        case "nt authority\\interactive": return "IU"
        case "builtin\\users", "users": return "BU"
        case "nt authority\\authenticated users", "authenticated users": return "AU"
        default: return account
        }
    }
}

/// The emulated host's shares and mappings, persisted in the state folder.
package final class ShareService: EngineService {
    package let store: ShareStore
    init(store: ShareStore) { self.store = store }
    package func shutdown() {}
}

extension Engine {
    package var shareStore: ShareStore {
        service(ShareService.self) { ShareService(store: ShareStore(folder: configuration.stateFolder)) }.store
    }

    /// The shares now; a warning about the file goes to the host.
    package func currentShares() -> ShareState {
        let (state, warning) = shareStore.load()
        if let warning { host.write("WARNING: " + warning + "\n", stream: .warning) }
        return state
    }
}

extension Engine {
    /// The IPv4 address the emulated host is reached at: the address its datagram endpoint binds
    /// (`SMBCONFIG_DATAGRAM_ENDPOINT`), the loopback address when that is a wildcard.
    package var hostAddress: String {
        let endpoint = TransportConfiguration.fromEnvironment(configuration.environment).endpoint
        let address = endpoint.split(separator: ":").first.map(String.init) ?? ""
        return address.isEmpty || address == "0.0.0.0" ? "127.0.0.1" : address
    }
}

/// A CIM instance shown by its class's default display property set (types.ps1xml), as Win32_BIOS is.
package final class DisplaySetCimInstance: CimInstanceObject, PSDefaultDisplayPropertySet {
    package let defaultDisplayPropertySet: [String]

    package init(className: String, namespace: String, properties: [PSPropertyInfo], display: [String]) {
        defaultDisplayPropertySet = display
        super.init(className: className, namespace: namespace, properties: properties)
    }
}
