/// The table views of Windows PowerShell's format.ps1xml files the shell needs: `Dictionary`
/// (hashtable entries: Name 30 wide, Value the rest), `System.RuntimeType` (`[int]`,
/// `$x.GetType()`: IsPublic 8, IsSerial 8, Name 40, BaseType the rest) and `MemberDefinition`
/// (Get-Member: grouped by TypeName, auto-sized), `CommandInfo` (Get-Command:
/// CommandType 15, Name 50, Version 10, Source the rest) and `PSModuleInfo` (Get-Module: ModuleType
/// 10, Version 10, Name 35, ExportedCommands the rest; grouped by directory for -ListAvailable).
/// Their columns have no alignment, so every cell is left-aligned.
/// A registry key as the Registry provider's table view shows it (the key type lives with the
/// emulated host; the view is the engine's).
package protocol RegistryKeyDisplay: AnyObject {
    /// The parent key (`HKEY_LOCAL_MACHINE\SYSTEM`), the view's `Hive:` group.
    var registryParentPath: String { get }
    var registryChildName: String { get }
    var registryValues: [(name: String, value: PSValue)] { get }
}

/// An object with a table view of its own (a format.ps1xml view of a module's type): objects with
/// the same view name share one table.
package protocol TableViewProvider: AnyObject {
    var tableViewName: String { get }
    var tableHeader: TableHeaderInfo { get }
    func tableRow(display: (PSValue) -> String) -> [String]
    /// The text of the view's `<GroupBy>` for this object (`    Directory: C:\` and its line);
    /// nil for views without grouping.
    var tableGroupLabel: String? { get }
}

extension TableViewProvider {
    package var tableGroupLabel: String? { nil }
}

package struct FormatView {
    package enum Kind: Equatable {
        case dictionary, type, memberDefinition, command, module, fileSystem, drive, provider, job, group, process, culture,
             registry, service
        /// A module's own view of its objects' type.
        case declared(TableViewDefinition)
        /// A view a command module declares with its objects (`TableViewProvider`), by view name.
        case custom(String)
    }

    /// The type name Get-Command's objects carry.
    package static let commandInfoTypeName = "System.Management.Automation.CommandInfo"
    /// The type name Get-Module's objects carry.
    package static let moduleInfoTypeName = "System.Management.Automation.PSModuleInfo"
    /// Put first in a module object's type names by Get-Module -ListAvailable: its table is
    /// grouped by the directory the modules are in.
    package static let moduleGroupingTypeName = "ModuleInfoGrouping"
    /// The type name of background jobs (Get-Job: Id 6, Name 15, PSJobTypeName 15, State 13,
    /// HasMoreData 15, Location 20, Command 25).
    package static let jobTypeName = "System.Management.Automation.Job"
    /// Group-Object's groups: Count 5 (right-aligned), Name 25, Group the rest.
    package static let groupInfoTypeName = "Microsoft.PowerShell.Commands.GroupInfo"
    /// Get-Process: Handles 7, NPM(K) 7, PM(K) 8, WS(K) 10, CPU(s) 10, Id 6, SI 3 (right-aligned), ProcessName.
    package static let processTypeName = "System.Diagnostics.Process"
    /// Get-Culture: LCID 16, Name 16, DisplayName the rest.
    package static let cultureTypeName = "System.Globalization.CultureInfo"
    /// Get-Service's objects (DotNetTypes.format.ps1xml service view: Status 8, Name 18, DisplayName 38).
    package static let serviceTypeName = "System.ServiceProcess.ServiceController"


    package let kind: Kind
    /// The object that declares a custom view (its header).
    private var custom: TableViewProvider?

    package init(kind: Kind, custom: TableViewProvider? = nil) {
        self.kind = kind
        self.custom = custom
    }

    /// The view of a value: a module's declared view for its first type name, else a built-in one.
    package static func view(for value: PSValue, declared: [String: TableViewDefinition] = [:]) -> FormatView? {
        if !declared.isEmpty, case .object(let object) = value, let name = object.typeNames.first,
           let definition = declared[name] {
            return FormatView(kind: .declared(definition))
        }
        switch value {
        case .object(let object) where object is DictionaryEntryObject: return FormatView(kind: .dictionary)
        case .type: return FormatView(kind: .type)
        case .object(let object) where object is MemberDefinition: return FormatView(kind: .memberDefinition)
        case .object(let object) where object.typeNames.contains(commandInfoTypeName): return FormatView(kind: .command)
        case .object(let object) where object.typeNames.contains(moduleInfoTypeName): return FormatView(kind: .module)
        case .object(let object) where object is FileSystemInfoObject: return FormatView(kind: .fileSystem)
        case .object(let object) where object is RegistryKeyDisplay: return FormatView(kind: .registry)
        case .object(let object as TableViewProvider): return FormatView(kind: .custom(object.tableViewName), custom: object)
        case .object(let object) where object.typeNames.first == serviceTypeName: return FormatView(kind: .service)
        case .object(let object) where object is PSDriveObject: return FormatView(kind: .drive)
        case .object(let object) where object is ProviderInfoObject: return FormatView(kind: .provider)
        case .object(let object) where object.typeNames.contains(jobTypeName): return FormatView(kind: .job)
        case .object(let object) where object.typeNames.first == groupInfoTypeName: return FormatView(kind: .group)
        case .object(let object) where object.typeNames.first == processTypeName: return FormatView(kind: .process)
        case .object(let object) where object.typeNames.first == cultureTypeName: return FormatView(kind: .culture)
        default: return nil
        }
    }

    package var header: TableHeaderInfo {
        switch kind {
        case .declared(let definition):
            return TableHeaderInfo(labels: definition.labels, widths: definition.widths, alignments: definition.alignments)
        case .dictionary:
            return TableHeaderInfo(labels: ["Name", "Value"], widths: [30, 0], alignments: [.left, .left])
        case .type:
            return TableHeaderInfo(labels: ["IsPublic", "IsSerial", "Name", "BaseType"], widths: [8, 8, 40, 0],
                                   alignments: [.left, .left, .left, .left])
        case .memberDefinition:
            return TableHeaderInfo(labels: ["Name", "MemberType", "Definition"], widths: [0, 0, 0],
                                   alignments: [.left, .left, .left], autoSize: true)
        case .command:
            return TableHeaderInfo(labels: Self.commandColumns, widths: [15, 50, 10, 0],
                                   alignments: [.left, .left, .left, .left])
        case .module:
            return TableHeaderInfo(labels: Self.moduleColumns, widths: [10, 10, 35, 0],
                                   alignments: [.left, .left, .left, .left])
        case .fileSystem:
            // FileSystem.format.ps1xml, children view: Mode 7, LastWriteTime 25 (right), Length 14 (right), Name.
            return TableHeaderInfo(labels: ["Mode", "LastWriteTime", "Length", "Name"], widths: [7, 25, 14, 0],
                                   alignments: [.left, .right, .right, .left])
        case .drive:
            return TableHeaderInfo(labels: ["Name", "Used (GB)", "Free (GB)", "Provider", "Root", "CurrentLocation"],
                                   widths: [10, 13, 13, 13, 35, 0], alignments: [.left, .right, .right, .left, .left, .right])
        case .provider:
            return TableHeaderInfo(labels: ["Name", "Capabilities", "Drives"], widths: [20, 0, 0],
                                   alignments: [.left, .left, .left])
        case .job:
            return TableHeaderInfo(labels: Self.jobColumns, widths: [6, 15, 15, 13, 15, 20, 25],
                                   alignments: Array(repeating: .left, count: Self.jobColumns.count))
        case .group:
            return TableHeaderInfo(labels: ["Count", "Name", "Group"], widths: [5, 25, 0], alignments: [.right, .left, .left])
        case .process:
            return TableHeaderInfo(labels: ["Handles", "NPM(K)", "PM(K)", "WS(K)", "CPU(s)", "Id", "SI", "ProcessName"],
                                   widths: [7, 7, 8, 10, 10, 6, 3, 0], alignments: Array(repeating: .right, count: 7) + [.left])
        case .culture:
            return TableHeaderInfo(labels: ["LCID", "Name", "DisplayName"], widths: [16, 16, 0], alignments: [.left, .left, .left])
        case .service:
            return TableHeaderInfo(labels: ["Status", "Name", "DisplayName"], widths: [8, 18, 38], alignments: [.left, .left, .left])
        case .custom:
            return custom?.tableHeader ?? TableHeaderInfo(labels: [], widths: [], alignments: [])
        case .registry:
            // Registry.format.ps1xml, children view: Name 30, Property the rest, wrapped.
            return TableHeaderInfo(labels: ["Name", "Property"], widths: [30, 0], alignments: [.left, .left])
        }
    }

    /// Rows wrap inside their columns (the view's `<Wrap/>`): the registry's children view does; a long
    /// Get-Member definition is cut with `...`.
    package var wrapsRows: Bool {
        if case .declared(let definition) = kind { return definition.wrap }
        return kind == .registry
    }

    /// The grouping value (`<GroupBy>`) of an object, nil for views without grouping.
    package func groupKey(_ value: PSValue) -> String? {
        switch (kind, value) {
        case (.memberDefinition, .object(let member as MemberDefinition)):
            return member.typeName
        case (.module, .object(let module)) where module.typeNames.first == Self.moduleGroupingTypeName:
            return module.property("ModuleBase").map { Self.parentDirectory(LanguagePrimitives.toString($0)) }
        case (.fileSystem, .object(let item as FileSystemInfoObject)):
            return item.parentPath ?? ""
        case (.registry, .object(let key as RegistryKeyDisplay)):
            return key.registryParentPath
        case (.custom, .object(let object as TableViewProvider)):
            return object.tableGroupLabel
        default:
            return nil
        }
    }

    /// Get-Member: FormatAndOut_format_xxx.GroupStartDataIndentedAutoGeneratedLabel `   {0}: ` + the
    /// value. Get-Module -ListAvailable: the custom control of FileSystemProviderStrings
    /// DirectoryDisplayGrouping (`    Directory: `), whose frame ends with a line of its own.
    package func groupLabel(_ key: String) -> String {
        switch kind {
        case .module, .fileSystem: return "    Directory: " + key + "\n"
        case .registry: return "    Hive: " + key + "\n"
        case .custom: return key
        default: return "   TypeName: " + key
        }
    }

    private static let commandColumns = ["CommandType", "Name", "Version", "Source"]
    private static let moduleColumns = ["ModuleType", "Version", "Name", "ExportedCommands"]
    private static let jobColumns = ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"]

    private static func parentDirectory(_ path: String) -> String {
        guard let separator = path.lastIndex(of: "\\") else { return path }
        return String(path[..<separator])
    }

    package func applies(to value: PSValue, declared: [String: TableViewDefinition]) -> Bool {
        FormatView.view(for: value, declared: declared)?.kind == kind
    }

    package func row(_ value: PSValue, display: (PSValue) -> String) -> [String] {
        switch (kind, value) {
        case (.declared(let definition), .object(let object)):
            return definition.labels.map { display(object.property($0) ?? .null) }
        case (.dictionary, .object(let entry as DictionaryEntryObject)):
            return [display(entry.key), display(entry.value)]
        case (.memberDefinition, .object(let member as MemberDefinition)):
            return [member.name, member.memberType, member.definition]
        case (.command, .object(let command)):
            return Self.commandColumns.map { column in
                if column == "Name", let info = command as? CommandInfoObject { return info.displayName }
                return display(command.property(column) ?? .null)
            }
        case (.module, .object(let module)):
            return Self.moduleColumns.map { display(module.property($0) ?? .null) }
        case (.fileSystem, .object(let item as FileSystemInfoObject)):
            // `{0,10}  {1,8}` of the date's "d" and "t" forms.
            let time = item.lastWriteTime
            let date = time.standardFormat("d"), clock = time.standardFormat("t")
            let stamp = String(repeating: " ", count: max(0, 10 - date.count)) + date + "  "
                + String(repeating: " ", count: max(0, 8 - clock.count)) + clock
            return [item.mode, stamp, item.isDirectory ? "" : String(item.length), item.name]
        case (.drive, .object(let drive as PSDriveObject)):
            // `"{0:###0.00}" -f ($_.Used / 1GB)` when the drive reports either.
            let gigabytes = { (bytes: Int64) in
                (try? Formatting.formatValue(.double(Double(bytes) / 1_073_741_824), "###0.00")) ?? ""
            }
            let sizes = drive.usedAndFree
            return [drive.drive.name, sizes.map { gigabytes($0.used) } ?? "", sizes.map { gigabytes($0.free) } ?? "",
                    drive.drive.provider.name, drive.drive.displayRoot ?? drive.drive.root,
                    drive.currentLocation]
        case (.provider, .object(let provider as ProviderInfoObject)):
            return [provider.provider.name, provider.provider.capabilities, "{" + provider.drives.joined(separator: ", ") + "}"]
        case (.job, .object(let job)):
            // The job's properties as they are now (reading them never advances the job).
            let properties = job.properties
            return Self.jobColumns.map { name in display(properties.first { $0.name == name }?.value ?? .null) }
        case (.group, .object(let group)):
            return ["Count", "Name", "Group"].map { display(group.property($0) ?? .null) }
        case (.process, .object(let process)):
            // The view's script blocks: memory in whole KB, CPU seconds as ToString("N").
            let kilobytes = { (name: String) in String((process.property(name).flatMap(LanguagePrimitives.toInt64) ?? 0) / 1024) }
            let cpu = process.property("CPU").flatMap(LanguagePrimitives.toDouble).map { Formatting.grouped(Formatting.fixed($0, 2)) } ?? ""
            return [display(process.property("Handles") ?? .null), kilobytes("NPM"), kilobytes("PM"), kilobytes("WS"), cpu,
                    display(process.property("Id") ?? .null), display(process.property("SI") ?? .null),
                    display(process.property("ProcessName") ?? .null)]
        case (.culture, .object(let culture)):
            return ["LCID", "Name", "DisplayName"].map { display(culture.property($0) ?? .null) }
        case (.custom, .object(let object as TableViewProvider)):
            return object.tableRow(display: display)
        case (.service, .object(let service)):
            return ["Status", "Name", "DisplayName"].map { display(service.property($0) ?? .null) }
        case (.registry, .object(let key as RegistryKeyDisplay)):
            // The view's script: Get-ItemProperty | Format-List | Out-String, trimmed.
            let values = key.registryValues
            let width = values.map { TextLayout.cells($0.name) }.max() ?? 0
            let lines = values.map { $0.name + TextLayout.spaces(width - TextLayout.cells($0.name)) + " : " + display($0.value) }
            return [key.registryChildName, lines.joined(separator: "\n")]
        case (.type, .type(let type)):
            let isSerial: Bool
            if case .staticClass? = StandardTypes.declaration(of: type.fullName)?.kind { isSerial = false } else { isSerial = true }
            return ["True", isSerial ? "True" : "False", type.name, Self.baseType(of: type.fullName)]
        default:
            return []
        }
    }

    /// `Type.BaseType` for the types the shell knows (empty for System.Object, which has none).
    package static func baseType(of fullName: String) -> String {
        if fullName == "System.Object" { return "" }
        if fullName.hasSuffix("[]") { return "System.Array" }
        return StandardTypes.baseType(of: fullName) ?? "System.Object"
    }
}

/// A table view a module declares for the objects of one of its types, as a format.ps1xml
/// TableControl does: the columns (each showing the property its label names), their widths
/// (0: share the room left) and whether long values wrap inside their column (`<Wrap/>`).
public struct TableViewDefinition: Equatable, Sendable {
    public let labels: [String]
    public let widths: [Int]
    public let alignments: [FormatAlignment]
    public let wrap: Bool

    public init(columns: [(label: String, width: Int, alignment: FormatAlignment)], wrap: Bool) {
        labels = columns.map(\.label)
        widths = columns.map(\.width)
        alignments = columns.map(\.alignment)
        self.wrap = wrap
    }
}
