/// The parts of a command's help a module keeps in one table beside its definitions (its help
/// source): each fills what the definition leaves empty.
package struct CommandHelp {
    package var description: String
    package var examples: [HelpExample]
    package var notes: String
    package var relatedLinks: [String]
    /// Parameter descriptions by parameter name.
    package var parameters: [String: String]
    /// The OUTPUTS type, where the definition names none.
    package var outputType: String?

    package init(description: String = "", examples: [HelpExample] = [], notes: String = "",
                 relatedLinks: [String] = [], parameters: [String: String] = [:], outputType: String? = nil) {
        self.outputType = outputType
        self.description = description
        self.examples = examples
        self.notes = notes
        self.relatedLinks = relatedLinks
        self.parameters = parameters
    }
}

extension CmdletDefinition {
    /// The definition with `help` filling its empty parts; examples the definition has come first.
    package func withHelp(_ help: CommandHelp?) -> CmdletDefinition {
        guard let help else { return self }
        var copy = self
        if copy.metadata.description.isEmpty { copy.metadata.description = help.description }
        let known = Set(copy.metadata.examples.map(\.code))
        copy.metadata.examples += help.examples.filter { !known.contains($0.code) }
        if copy.metadata.notes.isEmpty { copy.metadata.notes = help.notes }
        if copy.metadata.relatedLinks.isEmpty { copy.metadata.relatedLinks = help.relatedLinks }
        if copy.metadata.outputType == nil { copy.metadata.outputType = help.outputType }
        if !help.parameters.isEmpty {
            copy.metadata = copy.metadata.describingParameters(help.parameters)
        }
        return copy
    }
}

extension CommandMetadata {
    /// The metadata with `descriptions` given to parameters that have none.
    package func describingParameters(_ descriptions: [String: String]) -> CommandMetadata {
        let parameters = self.parameters.map { p -> ParameterMetadata in
            guard p.help.isEmpty, let text = descriptions[p.name] else { return p }
            var copy = p
            copy.help = text
            return copy
        }
        var copy = CommandMetadata(name: name, module: module, implementation: implementation, parameters: parameters,
                                   supportsShouldProcess: supportsShouldProcess, confirmImpact: confirmImpact,
                                   defaultParameterSet: defaultParameterSet, cmdletBinding: cmdletBinding,
                                   synopsis: synopsis, description: description, examples: examples, outputType: outputType)
        copy.notes = notes
        copy.relatedLinks = relatedLinks
        return copy
    }
}
