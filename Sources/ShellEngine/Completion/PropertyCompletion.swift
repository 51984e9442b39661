/// Property-name completion after the cmdlets that take property names (`Select-Object Ena<Tab>`,
/// `Format-List -Property Ena<Tab>`): the names come from what the previous pipeline element writes.
package enum PropertyCompletion {
    private static let commands: Set<String> = [
        "select-object", "format-list", "format-table", "format-wide", "where-object", "sort-object",
        "group-object", "measure-object",
    ]

    /// True for the cmdlets whose first positional argument and `-Property` name properties.
    package static func takesPropertyNames(_ canonicalName: String) -> Bool {
        commands.contains(canonicalName.lowercased())
    }

    /// The property names of the objects `command` writes, in their display order; empty when the
    /// engine does not know the command's output.
    package static func outputProperties(of command: String, engine: Engine) -> [String] {
        engine.outputProperties(ofCommand: command)
    }
}
