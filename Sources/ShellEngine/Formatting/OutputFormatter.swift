/// What Out-Default prints for the objects of one console input.
public final class OutputFormatter {
    let width: Int
    let errorView: ErrorViewKind

    public init(width: Int, errorView: ErrorViewKind = .normalView) {
        self.width = width
        self.errorView = errorView
    }

    public func process(_ value: PSValue) -> String {
        switch value {
        case .null: return ""
        case .object(let record as ErrorRecord): return ErrorView.render(record, view: errorView, width: width)
        case .object(let o):
            let props = o.properties
            // Enum values show as their name, like other scalars.
            if props.isEmpty, o.typeNames.contains("System.Enum") { return o.toString() + "\n" }
            let label = props.map { $0.name.count }.max() ?? 0
            return "\n\n" + props.map { $0.name.padding(label) + " : " + LanguagePrimitives.toString($0.value) }
                .joined(separator: "\n") + "\n\n\n\n"
        default: return LanguagePrimitives.toString(value) + "\n"
        }
    }

    public func finish() -> String { "" }
}

/// Format-List / Format-Table output, already resolved to labels and values.
public final class FormattedData: PSObject {
    public enum Shape { case list, table }
    public let shape: Shape
    public let entries: [[(label: String, value: PSValue)]]
    /// A line printed above the table, e.g. `   TypeName: System.String` of Get-Member.
    public var groupHeader: String?

    public init(shape: Shape, entries: [[(label: String, value: PSValue)]]) {
        self.shape = shape
        self.entries = entries
        super.init(typeNames: ["Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData"])
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
