/// The two table views of Windows PowerShell's DotNetTypes.format.ps1xml the shell needs:
/// `Dictionary` (hashtable entries: Name 30 wide, Value the rest) and `System.RuntimeType`
/// (`[int]`, `$x.GetType()`: IsPublic 8, IsSerial 8, Name 40, BaseType the rest). Their columns
/// have fixed widths and no alignment, so every cell is left-aligned and nothing is cached.
struct FormatView {
    enum Kind {
        case dictionary, type
    }

    let kind: Kind

    static func view(for value: PSValue) -> FormatView? {
        switch value {
        case .object(let object) where object is DictionaryEntryObject: return FormatView(kind: .dictionary)
        case .type: return FormatView(kind: .type)
        default: return nil
        }
    }

    var header: TableHeaderInfo {
        switch kind {
        case .dictionary:
            return TableHeaderInfo(labels: ["Name", "Value"], widths: [30, 0], alignments: [.left, .left])
        case .type:
            return TableHeaderInfo(labels: ["IsPublic", "IsSerial", "Name", "BaseType"], widths: [8, 8, 40, 0],
                                   alignments: [.left, .left, .left, .left])
        }
    }

    func applies(to value: PSValue) -> Bool {
        FormatView.view(for: value)?.kind == kind
    }

    func row(_ value: PSValue, display: (PSValue) -> String) -> [String] {
        switch (kind, value) {
        case (.dictionary, .object(let entry as DictionaryEntryObject)):
            return [display(entry.key), display(entry.value)]
        case (.type, .type(let type)):
            let isSerial = !Self.staticClasses.contains(type.fullName)
            return ["True", isSerial ? "True" : "False", type.name, Self.baseType(of: type.fullName)]
        default:
            return []
        }
    }

    private static let staticClasses: Set<String> = [
        "System.Math", "System.Environment", "System.IO.Path", "System.Console", "System.Convert",
    ]

    private static let valueTypes: Set<String> = [
        "System.Boolean", "System.Byte", "System.SByte", "System.Char", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
        "System.Decimal", "System.DateTime", "System.TimeSpan", "System.Guid", "System.IntPtr",
        "System.Collections.DictionaryEntry", "System.Management.Automation.SwitchParameter", "System.Enum",
    ]

    /// `Type.BaseType` for the types the shell knows (empty for System.Object, which has none).
    static func baseType(of fullName: String) -> String {
        if fullName == "System.Object" { return "" }
        if fullName.hasSuffix("[]") { return "System.Array" }
        if fullName == "System.Enum" { return "System.ValueType" }
        if valueTypes.contains(fullName) { return "System.ValueType" }
        return "System.Object"
    }
}
