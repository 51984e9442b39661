/// Microsoft.PowerShell.Commands.MemberDefinition: one line of Get-Member's output. The formatter
/// prints a run of them as 5.1 does: two blank lines, `   TypeName: X`, a blank line, then an
/// auto-sized Name / MemberType / Definition table whose Definition column wraps; a new TypeName
/// starts a new group.
public final class MemberDefinition: PSObject {
    public let typeName: String
    public let name: String
    /// PSMemberTypes as text: `Method`, `Property`, `NoteProperty`, `AliasProperty`, …
    public let memberType: String
    /// e.g. `bool Equals(System.Object obj)`, `int Length {get;}`, `System.Boolean EnableMailslots {get;set;}`.
    public let definition: String

    public init(typeName: String, name: String, memberType: String, definition: String) {
        self.typeName = typeName
        self.name = name
        self.memberType = memberType
        self.definition = definition
        super.init(typeNames: ["Microsoft.PowerShell.Commands.MemberDefinition", "System.Object"])
    }

    public override var properties: [PSPropertyInfo] {
        [
            PSPropertyInfo(name: "TypeName", value: .string(typeName)),
            PSPropertyInfo(name: "Name", value: .string(name)),
            PSPropertyInfo(name: "MemberType", value: .string(memberType),
                           typeName: "System.Management.Automation.PSMemberTypes"),
            PSPropertyInfo(name: "Definition", value: .string(definition)),
        ]
    }

    public override func toString() -> String { definition }
}
