/// The table views of Windows PowerShell's format.ps1xml files the shell needs: `Dictionary`
/// (hashtable entries: Name 30 wide, Value the rest), `System.RuntimeType` (`[int]`,
/// `$x.GetType()`: IsPublic 8, IsSerial 8, Name 40, BaseType the rest) and `MemberDefinition`
/// (Get-Member: grouped by TypeName, auto-sized, wrapped), `CommandInfo` (Get-Command:
/// CommandType 15, Name 50, Version 10, Source the rest) and `PSModuleInfo` (Get-Module: ModuleType
/// 10, Version 10, Name 35, ExportedCommands the rest; grouped by directory for -ListAvailable).
/// Their columns have no alignment, so every cell is left-aligned.
package struct FormatView {
    package enum Kind {
        case declared, dictionary, type, memberDefinition, command, module, fileSystem, drive, provider, job, group
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


    package let kind: Kind
    /// The view a module declared for the object (`.declared`).
    package var declared: TableViewDefinition? = nil

    package static func view(for value: PSValue) -> FormatView? {
        switch value {
        case .object(let object as PSTableViewObject):
            return FormatView(kind: .declared, declared: object.tableView)
        case .object(let object) where object is DictionaryEntryObject: return FormatView(kind: .dictionary)
        case .type: return FormatView(kind: .type)
        case .object(let object) where object is MemberDefinition: return FormatView(kind: .memberDefinition)
        case .object(let object) where object.typeNames.contains(commandInfoTypeName): return FormatView(kind: .command)
        case .object(let object) where object.typeNames.contains(moduleInfoTypeName): return FormatView(kind: .module)
        case .object(let object) where object is FileSystemInfoObject: return FormatView(kind: .fileSystem)
        case .object(let object) where object is PSDriveObject: return FormatView(kind: .drive)
        case .object(let object) where object is ProviderInfoObject: return FormatView(kind: .provider)
        case .object(let object) where object.typeNames.contains(jobTypeName): return FormatView(kind: .job)
        case .object(let object) where object.typeNames.first == groupInfoTypeName: return FormatView(kind: .group)
        default: return nil
        }
    }

    package var header: TableHeaderInfo {
        switch kind {
        case .declared:
            let columns = declared?.columns ?? []
            return TableHeaderInfo(labels: columns.map(\.label), widths: columns.map(\.width),
                                   alignments: columns.map(\.alignment))
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
        }
    }

    /// Rows wrap inside their columns (the view's `<Wrap/>`).
    package var wrapsRows: Bool { kind == .memberDefinition }

    /// The grouping value (`<GroupBy>`) of an object, nil for views without grouping.
    package func groupKey(_ value: PSValue) -> String? {
        switch (kind, value) {
        case (.memberDefinition, .object(let member as MemberDefinition)):
            return member.typeName
        case (.module, .object(let module)) where module.typeNames.first == Self.moduleGroupingTypeName:
            return module.property("ModuleBase").map { Self.parentDirectory(LanguagePrimitives.toString($0)) }
        case (.fileSystem, .object(let item as FileSystemInfoObject)):
            return item.parentPath ?? ""
        default:
            return nil
        }
    }

    /// Get-Member: FormatAndOut_format_xxx.GroupStartDataIndentedAutoGeneratedLabel `   {0}: ` + the
    /// value. Get-Module -ListAvailable: the custom control of FileSystemProviderStrings
    /// DirectoryDisplayGrouping (`    Directory: `), whose frame ends with a line of its own.
    package func groupLabel(_ key: String) -> String {
        kind == .module || kind == .fileSystem ? "    Directory: " + key + "\n" : "   TypeName: " + key
    }

    private static let commandColumns = ["CommandType", "Name", "Version", "Source"]
    private static let moduleColumns = ["ModuleType", "Version", "Name", "ExportedCommands"]
    private static let jobColumns = ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"]

    private static func parentDirectory(_ path: String) -> String {
        guard let separator = path.lastIndex(of: "\\") else { return path }
        return String(path[..<separator])
    }

    package func applies(to value: PSValue) -> Bool {
        guard let other = FormatView.view(for: value) else { return false }
        return other.kind == kind && other.declared?.name == declared?.name
    }

    package func row(_ value: PSValue, display: (PSValue) -> String) -> [String] {
        switch (kind, value) {
        case (.declared, .object(let object)):
            let cells = object as? PSTableViewObject
            return (declared?.columns ?? []).map { cells?.tableCell($0) ?? display(object.property($0.property) ?? .null) }
        case (.dictionary, .object(let entry as DictionaryEntryObject)):
            return [display(entry.key), display(entry.value)]
        case (.memberDefinition, .object(let member as MemberDefinition)):
            return [member.name, member.memberType, member.definition]
        case (.command, .object(let command)):
            return Self.commandColumns.map { display(command.property($0) ?? .null) }
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
            return [drive.drive.name, "", "", drive.drive.provider.name, drive.drive.displayRoot ?? drive.drive.root,
                    drive.currentLocation]
        case (.provider, .object(let provider as ProviderInfoObject)):
            return [provider.provider.name, provider.provider.capabilities, "{" + provider.drives.joined(separator: ", ") + "}"]
        case (.job, .object(let job)):
            // The job's properties as they are now (reading them never advances the job).
            let properties = job.properties
            return Self.jobColumns.map { name in display(properties.first { $0.name == name }?.value ?? .null) }
        case (.group, .object(let group)):
            return ["Count", "Name", "Group"].map { display(group.property($0) ?? .null) }
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
