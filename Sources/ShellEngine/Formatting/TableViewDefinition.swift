/// A table view of a module's format file (`<TableControl>` in a `.format.ps1xml`), declared by
/// the objects it applies to: CDXML modules such as SmbShare ship one per CIM class (MSFT_SmbShare:
/// Name, ScopeName, Path, Description). Out-Default shows such objects as this table whatever
/// their number of properties.
public struct TableViewDefinition: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public let label: String
        public let property: String
        /// 0: the column shares the width left over, as a view column without `<Width>`.
        public let width: Int
        public let alignment: FormatAlignment

        public init(_ label: String, property: String? = nil, width: Int = 0, alignment: FormatAlignment = .left) {
            self.label = label
            self.property = property ?? label
            self.width = width
            self.alignment = alignment
        }
    }

    /// The view's identity (its `<Name>`): consecutive objects of one view share one table.
    public let name: String
    public let columns: [Column]

    public init(name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
    }
}

/// Objects that carry their type's table view.
public protocol PSTableViewObject: AnyObject {
    var tableView: TableViewDefinition { get }
    /// The text of one column (a view's `<ScriptBlock>` column); nil: the property's value.
    func tableCell(_ column: TableViewDefinition.Column) -> String?
}

extension PSTableViewObject {
    public func tableCell(_ column: TableViewDefinition.Column) -> String? { nil }
}
