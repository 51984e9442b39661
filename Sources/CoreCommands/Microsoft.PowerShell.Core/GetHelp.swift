import ShellEngine
/// Get-Help, built from the same command metadata that drives binding and completion.
final class GetHelp: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard let name = context.string("Name") else {
            try context.writeObject(.string(HelpText.overview))
            return
        }
        if let topic = engine.helpTopics[NameKey(name)] {
            try context.writeObject(.string(topic))
            return
        }
        guard let metadata = engine.commandMetadata(name) else {
            try context.writeError(context.errorRecord(
                message: "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.",
                errorId: "HelpNotFound", category: .ResourceUnavailable,
                exceptionType: "Microsoft.PowerShell.Commands.HelpNotFoundException", target: .string(name)))
            return
        }
        if let parameterName = context.string("Parameter") {
            let matches = metadata.allParameters.filter { WildcardPattern(parameterName).matches($0.name) }
            for p in matches { try context.writeObject(.string(HelpText.parameter(p))) }
            return
        }
        try context.writeObject(.string(HelpText.command(metadata, full: context.switchValue("Full"),
                                                         examplesOnly: context.switchValue("Examples"))))
    }
}

enum HelpText {
    static func indent(_ text: String, _ by: Int = 4) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : String(repeating: " ", count: by) + $0 }.joined(separator: "\n")
    }

    static func parameter(_ p: ParameterMetadata) -> String {
        let type = p.type == .switchParameter ? "" : " <\(p.type.syntaxName)>"
        return """
        -\(p.name)\(type)
        \(indent(p.help.isEmpty ? p.name : p.help, 4))

            Required?                    \(p.mandatory ? "true" : "false")
            Position?                    \(p.position.map { String($0) } ?? "named")
            Default value
            Accept pipeline input?       \(p.valueFromPipeline ? "true (ByValue)" : p.valueFromPipelineByPropertyName ? "true (ByPropertyName)" : "false")
            Accept wildcard characters?  false
            Aliases                      \(p.aliases.isEmpty ? "None" : p.aliases.joined(separator: ", "))

        """
    }

    static func command(_ m: CommandMetadata, full: Bool, examplesOnly: Bool) -> String {
        var text = "\nNAME\n    \(m.name)\n"
        if !m.synopsis.isEmpty { text += "\nSYNOPSIS\n\(indent(m.synopsis))\n" }
        if examplesOnly {
            text += "\n    " + examples(m)
            return text
        }
        text += "\n\nSYNTAX\n    \(m.syntax)\n\n"
        if !m.description.isEmpty { text += "\nDESCRIPTION\n\(indent(m.description))\n\n" }
        if full {
            text += "\nPARAMETERS\n"
            for p in m.parameters + (m.supportsShouldProcess ? CommandMetadata.shouldProcessParameters : []) {
                text += indent(parameter(p)) + "\n"
            }
            if m.cmdletBinding {
                text += "    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n        OutBuffer, PipelineVariable, and OutVariable. For more information, see\n        about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216).\n\n"
            }
            if let output = m.outputType { text += "OUTPUTS\n    \(output)\n\n" }
            text += examples(m)
        }
        text += "\nREMARKS\n    To see the examples, type: \"get-help \(m.name) -examples\".\n    For more information, type: \"get-help \(m.name) -detailed\".\n    For technical information, type: \"get-help \(m.name) -full\".\n"
        return text
    }

    static func examples(_ m: CommandMetadata) -> String {
        m.examples.enumerated().map { i, e in
            "    -------------------------- EXAMPLE \(i + 1) --------------------------\n\n    PS C:\\>\(e.code)\n\n\(indent(e.remarks))\n\n"
        }.joined()
    }

    static let overview = """

    TOPIC
        smbconfig-shell help

    SHORT DESCRIPTION
        A Windows PowerShell 5.1 console for practising the SMB remote mailslot deprecation.

    LONG DESCRIPTION
        Get-Help <command> shows a command's syntax, parameters and examples.
        Get-Command lists the commands; Get-Command -Module SmbShare lists the SMB cmdlets.
        Get-Help about_Mailslots explains mailslots and the Windows 11 24H2 change.

    """
}
