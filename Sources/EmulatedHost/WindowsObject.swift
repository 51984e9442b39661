import ShellEngine

/// An object a Windows module returns about the emulated host (a LocalUser, a NetAdapter, a
/// firewall rule, an access control list): its properties in Windows' order, the type names
/// Get-Member shows and, when its module's format file has one, the table view it is shown in.
package class WindowsObject: PSObject {
    private var values: [PSPropertyInfo]
    private let text: String?

    /// `text`: what the object converts to as a string (nil: its type name).
    package init(typeNames: [String], properties: [(String, PSValue)], text: String? = nil) {
        values = properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) }
        self.text = text
        super.init(typeNames: typeNames + ["System.Object"])
    }

    override package var properties: [PSPropertyInfo] { values }

    override package func property(_ name: String) -> PSValue? {
        values.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    override package func toString() -> String { text ?? typeNames.first ?? "System.Object" }
}

/// A WindowsObject shown by a table view of its module's format file. A column shows the property
/// its label names or a computed text (a view's `<ScriptBlock>` column); `groupLabel` is the text
/// of the view's `<GroupBy>` (`    Directory: C:\`), objects with the same one share a group.
package final class ViewedWindowsObject: WindowsObject, TableViewProvider {
    package let tableView: CimTableView
    private let cells: [String: String]
    private let alignments: [FormatAlignment]
    package let tableGroupLabel: String?

    package init(typeNames: [String], properties: [(String, PSValue)], view: CimTableView, cells: [String: String] = [:],
                 rightAligned: Set<String> = [], groupLabel: String? = nil, text: String? = nil) {
        tableView = view
        self.cells = cells
        alignments = view.columns.map { rightAligned.contains($0.label) ? .right : .left }
        tableGroupLabel = groupLabel
        super.init(typeNames: typeNames, properties: properties, text: text)
    }

    package var tableViewName: String { tableView.name }

    package var tableHeader: TableHeaderInfo {
        TableHeaderInfo(labels: tableView.columns.map(\.label), widths: tableView.columns.map(\.width), alignments: alignments)
    }

    package func tableRow(display: (PSValue) -> String) -> [String] {
        tableView.columns.map { cells[$0.label] ?? display(property($0.property) ?? .null) }
    }
}

/// A value of a .NET enum or flags enum the emulated host reports, compared and shown by its name.
package func dotNetEnum(_ name: String, _ typeName: String) -> PSValue {
    .object(CimEnumValue(name: name, typeName: typeName))
}

/// A WindowsObject whose module's format file shows a list of some of its properties (the
/// `<ListControl>` of its type, such as Test-NetConnection's result or a firewall rule).
package final class ListedWindowsObject: WindowsObject, PSDefaultDisplayPropertySet {
    package let defaultDisplayPropertySet: [String]

    package init(typeNames: [String], properties: [(String, PSValue)], display: [String], text: String? = nil) {
        defaultDisplayPropertySet = display
        super.init(typeNames: typeNames, properties: properties, text: text)
    }
}
