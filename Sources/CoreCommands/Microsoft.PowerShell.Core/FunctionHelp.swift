import ShellEngine

/// Get-Help of a script function: the MamlCommandHelpInfo object PowerShell builds from the
/// function's comment-based help (or, without one, from its syntax alone), shown as help text.
final class FunctionHelpObject: PSObject, PSTextView {
    private let list: [PSPropertyInfo]
    let viewText: String

    init(properties: [PSPropertyInfo], text: String) {
        list = properties
        viewText = text
        super.init(typeNames: ["MamlCommandHelpInfo", "System.Management.Automation.PSCustomObject", "System.Object"])
    }

    override var properties: [PSPropertyInfo] { list }
}

enum FunctionHelp {
    /// The help of a function, nil when the -Component, -Role or -Functionality filters leave it out.
    static func object(_ function: FunctionInfo, metadata: CommandMetadata, view: HelpText.View, related: [String],
                       filters: (component: [String]?, role: [String]?, functionality: [String]?),
                       width: Int) -> FunctionHelpObject? {
        object(name: function.name, category: "Function", help: CommentHelp.of(function), metadata: metadata, view: view,
               related: related, filters: filters, width: width)
    }

    static func object(name: String, category: String, help: CommentHelpInfo?, metadata: CommandMetadata,
                       view: HelpText.View, related: [String],
                       filters: (component: [String]?, role: [String]?, functionality: [String]?),
                       width: Int) -> FunctionHelpObject? {
        func passes(_ patterns: [String]?, _ value: String?) -> Bool {
            guard let patterns else { return true }
            guard let value else { return false }
            return patterns.contains { WildcardPattern($0).matches(value) }
        }
        guard passes(filters.component, help?.component), passes(filters.role, help?.role),
              passes(filters.functionality, help?.functionality) else { return nil }

        let syntax = metadata.syntax
        let synopsis = help.map { para($0.synopsis ?? "") } ?? "\n\(syntax)\n"
        var properties: [PSPropertyInfo] = []
        func add(_ name: String, _ value: PSValue) { properties.append(PSPropertyInfo(name: name, value: value)) }
        add("details", object(["name": .string(name),
                               "description": paragraphs(help?.synopsis)]))
        add("Name", .string(name))
        add("Category", .string(category))
        add("Synopsis", .string(synopsis))
        add("Component", help?.component.map { .string($0) } ?? .null)
        add("Role", help?.role.map { .string($0) } ?? .null)
        add("Functionality", help?.functionality.map { .string($0) } ?? .null)
        add("ModuleName", .string(""))
        add("parameters", object(["parameter": .array(PSArray(metadata.parameters.map { p in
            object(["name": .string(p.name), "required": .string(p.mandatory ? "true" : "false"),
                    "position": .string(p.position.map { String($0 + 1) } ?? "named"),
                    "type": object(["name": .string(p.type.syntaxName)]),
                    "description": paragraphs(help?.parameters[p.name.uppercased()])])
        }))]))
        var description = ""
        var examples: [HelpExample] = []
        if let help {
            if let text = help.description { add("description", paragraphs(text)); description = para(text) }
            if let notes = help.notes { add("alertSet", object(["alert": paragraphs(notes)])) }
            if !help.examples.isEmpty {
                let items = help.examples.enumerated().map { i, content -> PSValue in
                    let parts = CommentHelp.exampleParts(content)
                    examples.append(HelpExample(code: parts.code, remarks: parts.remarks))
                    return object(["title": .string("\t\t\t\t-------------------------- EXAMPLE \(i + 1) --------------------------"),
                                   "introduction": paragraphs(parts.prompt), "code": .string(parts.code),
                                   // The remarks, then the four empty paragraphs help comments leave after an example.
                                   "remarks": .array(PSArray([paragraph(parts.remarks)] + Array(repeating: paragraph(""), count: 4)))])
                }
                add("examples", object(["example": .array(PSArray(items))]))
            }
            if !help.inputs.isEmpty {
                add("inputTypes", object(["inputType": .array(PSArray(help.inputs.map { object(["type": object(["name": .string(para($0))])]) }))]))
            }
            if !help.outputs.isEmpty {
                add("returnValues", object(["returnValue": .array(PSArray(help.outputs.map { object(["type": object(["name": .string(para($0))])]) }))]))
            }
            if !help.links.isEmpty {
                add("relatedLinks", object(["navigationLink": .array(PSArray(help.links.map { link in
                    isAbsoluteUri(link) ? object(["linkText": .string(""), "uri": .string(link)])
                                        : object(["linkText": .string(link), "uri": .string("")])
                }))]))
            }
        }

        var shown = metadata
        if let help {
            shown.synopsis = para(help.synopsis ?? "")
            shown.description = description
            shown.examples = examples
        }
        let text = HelpText.wrap(HelpText.command(shown, view: view, related: help?.links ?? related), width: width)
        return FunctionHelpObject(properties: properties, text: text)
    }

    /// A MAML paragraph's text: the section without the line ends around it.
    private static func para(_ text: String) -> String {
        let isLineEnd: (Character) -> Bool = { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return String(text.drop(while: isLineEnd).reversed().drop(while: isLineEnd).reversed())
    }

    private static func paragraph(_ text: String) -> PSValue { object(["Text": .string(para(text))]) }

    /// A MAML description: paragraphs, each an object with its Text.
    private static func paragraphs(_ text: String?) -> PSValue {
        guard let text else { return .null }
        return .array(PSArray([paragraph(text)]))
    }

    private static func object(_ members: KeyValuePairs<String, PSValue>) -> PSValue {
        let o = PSCustomObject(typeNames: ["System.Management.Automation.PSCustomObject", "System.Object"])
        for (name, value) in members { o.add(name, value) }
        return .object(o)
    }

    /// `Uri.IsWellFormedUriString(link, UriKind.Absolute)` for the links help comments hold.
    private static func isAbsoluteUri(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":"), colon != link.startIndex else { return false }
        let scheme = link[..<colon]
        guard scheme.first?.isLetter == true,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return false }
        return !link.contains(" ") && link[link.index(after: colon)...].hasPrefix("//")
    }
}
