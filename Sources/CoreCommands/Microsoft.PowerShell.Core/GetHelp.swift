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
        if WildcardPattern.hasWildcards(name) {
            let matches = HelpSearch.matches(name, in: engine)
            if matches.count > 1 {
                for match in matches { try context.writeObject(.object(match.object)) }
                return
            }
            if let only = matches.first {
                try context.writeObject(.string(engine.helpTopics[NameKey(only.name)]
                    ?? engine.commandMetadata(only.name).map { HelpText.command($0, view: .standard) } ?? ""))
                return
            }
        }
        if name.lowercased().hasSuffix(".ps1"), let script = try? engine.loadScript(name, extent: .empty) {
            // A script file's own help (ExternalScript), from the help comment that documents it.
            let path = script.source.file ?? name
            let metadata = FunctionMetadata.build(name: path, ast: script.ast, outerParameters: nil)
            let help = FunctionHelp.object(name: path, category: "ExternalScript",
                                           help: CommentHelp.ofScript(script.ast), metadata: metadata, view: .standard,
                                           related: [], filters: (nil, nil, nil), width: engine.host.bufferWidth - 1)
            if let help { try context.writeObject(.object(help)) }
            return
        }
        guard let metadata = engine.commandMetadata(name) else {
            try context.writeError(Self.notFound(name, context))
            return
        }
        let width = engine.host.bufferWidth - 1
        if let parameterName = context.string("Parameter") {
            let matches = metadata.allParameters.filter { WildcardPattern(parameterName).matches($0.name) }
            for p in matches { try context.writeObject(.string(HelpText.wrap(HelpText.parameter(p), width: width))) }
            return
        }
        let view: HelpText.View = context.switchValue("Full") ? .full : context.switchValue("Examples") ? .examples
            : context.switchValue("Detailed") ? .detailed : .standard
        // A program or a function named without verb-noun has no noun, hence no commands of the same noun.
        let noun = HelpText.noun(metadata.name)
        let related = noun.isEmpty ? []
            : engine.cmdlets.all.map(\.metadata.name).filter { $0 != metadata.name && HelpText.noun($0) == noun }
        if let function = engine.sessionState.function(metadata.name) {
            func strings(_ name: String) -> [String]? {
                context.value(name).map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }
            }
            guard let help = FunctionHelp.object(function, metadata: metadata, view: view, related: related.sorted(),
                                                 filters: (strings("Component"), strings("Role"), strings("Functionality")),
                                                 width: width) else {
                try context.writeError(Self.notFound(name, context))
                return
            }
            try context.writeObject(.object(help))
            return
        }
        try context.writeObject(.string(HelpText.wrap(HelpText.command(metadata, view: view, related: related.sorted()),
                                                      width: width)))
    }
}

extension GetHelp {
    static func notFound(_ name: String, _ context: CommandContext) -> ErrorRecord {
        context.errorRecord(
            message: "Get-Help could not find \(name) in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.",
            errorId: "HelpNotFound", category: .ResourceUnavailable,
            exceptionType: "Microsoft.PowerShell.Commands.HelpNotFoundException", target: .string(name))
    }
}

/// Get-Help with a wildcard: the matching commands and conceptual topics, as 5.1's help providers
/// return them (aliases, functions, cmdlets, then help files), each as a HelpInfoShort row.
enum HelpSearch {
    static let typeName = "HelpInfoShort"
    /// HelpInfoShort's table view (Name 33, Category 9, Module 25, Synopsis the rest).
    static let view = TableViewDefinition(columns: [("Name", 33, .left), ("Category", 9, .left), ("Module", 25, .left),
                                                    ("Synopsis", 0, .left)], wrap: false)

    struct Match {
        let name: String
        let object: PSCustomObject
    }

    static func matches(_ pattern: String, in engine: Engine) -> [Match] {
        let matcher = WildcardPattern(pattern)
        let modules = Dictionary(engine.modules.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func row(_ name: String, _ category: String, _ module: String, _ synopsis: String) -> Match {
            let o = PSCustomObject(typeNames: [typeName, "System.Object"])
            o.add("Name", .string(name))
            o.add("Category", .string(category))
            o.add("Module", .string(module))
            o.add("Synopsis", .string(synopsis))
            return Match(name: name, object: o)
        }
        var aliases: [Match] = [], functions: [Match] = [], cmdlets: [Match] = [], files: [Match] = []
        for (key, target) in engine.aliases where matcher.matches(key.name) {
            aliases.append(row(key.name, "Alias", "", target))
        }
        for definition in engine.cmdlets.all where matcher.matches(definition.metadata.name) {
            let m = definition.metadata
            let isFunction = modules[m.module]?.commandType == .function
            let match = row(m.name, isFunction ? "Function" : "Cmdlet", m.module, m.synopsis)
            if isFunction { functions.append(match) } else { cmdlets.append(match) }
        }
        for (key, text) in engine.helpTopics where matcher.matches(key.name) {
            files.append(row(key.name, "HelpFile", "", shortDescription(text)))
        }
        let byName = { (a: Match, b: Match) in a.name.lowercased() < b.name.lowercased() }
        return aliases.sorted(by: byName) + functions.sorted(by: byName) + cmdlets.sorted(by: byName) + files.sorted(by: byName)
    }

    /// An about topic's synopsis: the first line under SHORT DESCRIPTION.
    static func shortDescription(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(where: { $0.trimmingPrefix(" ") == "SHORT DESCRIPTION" }) else { return "" }
        return lines[(heading + 1)...].first { !$0.allSatisfy(\.isWhitespace) }.map { String($0.drop { $0 == " " }) } ?? ""
    }
}

/// Update-Help and Save-Help: the help content lives on Microsoft's servers, which the emulated
/// machine cannot reach, so both fail for every module as 5.1 does offline.
final class UpdatableHelp: Cmdlet {
    let saving: Bool
    init(saving: Bool) { self.saving = saving }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let patterns = context.value("Module").map { ($0.enumerated ?? [$0]).map { WildcardPattern(LanguagePrimitives.toString($0)) } }
        let names = context.engine.modules.map(\.name).filter { name in patterns?.contains { $0.matches(name) } ?? true }
        let modules = Array(Set(names)).sorted { $0.lowercased() < $1.lowercased() }.joined(separator: ", ")
        let culture = context.value("UICulture").map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) }.joined(separator: ", ") } ?? "en-US"
        let message = Messages.format(saving ? "FailedToSaveHelpForModuleWithCulture" : "FailedToUpdateHelpForModuleWithCulture",
                                      modules, culture, Messages.template("UnableToConnect"))
        try context.writeError(context.errorRecord(message: message, errorId: "UnableToConnect", category: .InvalidOperation,
                                                   exceptionType: "System.Exception"))
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

    /// Get-Help's views: the default, -Detailed (parameter descriptions and examples), -Full
    /// (everything, with each parameter's attributes, inputs, outputs and related links), -Examples.
    enum View { case standard, detailed, full, examples }

    static func noun(_ name: String) -> Substring {
        name.firstIndex(of: "-").map { name[name.index(after: $0)...] } ?? ""
    }

    static func command(_ m: CommandMetadata, view: View, related: [String] = []) -> String {
        var text = "\nNAME\n    \(m.name)\n"
        if !m.synopsis.isEmpty { text += "\nSYNOPSIS\n\(indent(m.synopsis))\n" }
        if view == .examples {
            text += "\n    " + examples(m)
            return text
        }
        text += "\n\nSYNTAX\n    \(m.syntax)\n\n"
        if !m.description.isEmpty { text += "\nDESCRIPTION\n\(indent(m.description))\n\n" }
        let parameters = m.parameters + (m.supportsShouldProcess ? CommandMetadata.shouldProcessParameters : [])
        if view == .detailed || view == .full {
            text += "\nPARAMETERS\n"
            for p in parameters {
                if view == .full {
                    text += indent(parameter(p)) + "\n"
                } else {
                    let type = p.type == .switchParameter ? "" : " <\(p.type.syntaxName)>"
                    text += "    -\(p.name)\(type)\n" + indent(p.help.isEmpty ? p.name : p.help, 8) + "\n\n"
                }
            }
            if m.cmdletBinding {
                text += "    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n        OutBuffer, PipelineVariable, and OutVariable. For more information, see\n        about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216).\n\n"
            }
        }
        if view == .full {
            let pipeline = parameters.filter { $0.valueFromPipeline || $0.valueFromPipelineByPropertyName }
            let inputs = pipeline.isEmpty ? ["None"] : Array(Set(pipeline.map(\.type.dotNetName))).sorted()
            text += "INPUTS\n" + inputs.map { "    \($0)\n" }.joined() + "\n"
            text += "OUTPUTS\n    \(m.outputType ?? "System.Object")\n\n"
            if !m.notes.isEmpty { text += "NOTES\n\n\n" + indent(m.notes, 8) + "\n\n" }
        }
        if view == .detailed || view == .full { text += examples(m) }
        var links = m.relatedLinks
        links += related.filter { !links.contains($0) }
        if view != .detailed && !links.isEmpty {
            text += "RELATED LINKS\n" + links.map { "    \($0)\n" }.joined() + "\n"
        }
        if view != .full {
            text += "\nREMARKS\n    To see the examples, type: \"get-help \(m.name) -examples\".\n    For more information, type: \"get-help \(m.name) -detailed\".\n    For technical information, type: \"get-help \(m.name) -full\".\n"
        }
        return text
    }

    /// Help text as the console shows it: lines longer than the width wrap at spaces, continuing
    /// under their own indentation.
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 8 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard TextLayout.cells(String(line)) > width else { return String(line) }
            let indentation = line.prefix { $0 == " " }.count
            let margin = String(repeating: " ", count: Swift.min(indentation, width / 2))
            let body = String(line.dropFirst(indentation))
            return TextLayout.generateLines(body, firstLineLength: width - margin.count, followingLinesLength: width - margin.count)
                .map { piece in margin + piece[..<(piece.lastIndex { $0 != " " }.map(piece.index(after:)) ?? piece.startIndex)] }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func examples(_ m: CommandMetadata) -> String {
        m.examples.enumerated().map { i, e in
            // Every line of a multi-line example is indented like its first.
            "    -------------------------- EXAMPLE \(i + 1) --------------------------\n\n\(indent("PS C:\\>" + e.code))\n\n\(indent(e.remarks))\n\n"
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
