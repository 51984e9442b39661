import ShellEngine

/// ConvertTo-Html: an XHTML page (or with -Fragment just the table) of the objects, one line
/// per string written, as 5.1's ConvertToHtmlCommand writes them.
final class ConvertToHtml: Cmdlet {
    private var selectors: [PropertySelector]?
    private var count = 0

    /// WebUtility.HtmlEncode: the five markup characters and the Latin-1 supplement as numeric references.
    static func encode(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{A0}"..."\u{FF}": out += "&#\(scalar.value);"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func lines(_ name: String, _ context: CommandContext) -> [String]? { context.stringList(name) }

    func begin(_ context: CommandContext) throws {
        if context.has("CssUri"), (context.string("CssUri") ?? "").trimmedWhitespace.isEmpty {
            throw RuntimeError(record: context.errorRecord(message: "The parameter CSSUri cannot be empty.",
                errorId: "ArgumentException", category: .InvalidArgument, exceptionType: "System.ArgumentException",
                target: .string("CSSUri")))
        }
        if !context.switchValue("Fragment") {
            try context.writeObject(.string("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"))
            try context.writeObject(.string("<html xmlns=\"http://www.w3.org/1999/xhtml\">"))
            try context.writeObject(.string("<head>"))
            for line in lines("Head", context) ?? ["<title>" + (context.string("Title") ?? "HTML TABLE") + "</title>"] {
                try context.writeObject(.string(line))
            }
            if let css = context.string("CssUri") {
                try context.writeObject(.string("<link rel=\"stylesheet\" type=\"text/css\" href=\"" + css + "\" />"))
            }
            try context.writeObject(.string("</head><body>"))
            for line in lines("Body", context) ?? [] { try context.writeObject(.string(line)) }
        }
        for line in lines("PreContent", context) ?? [] { try context.writeObject(.string(line)) }
        try context.writeObject(.string("<table>"))
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let value = input ?? context.value("InputObject"), !value.isNull else { return }
        count += 1
        let asList = (context.string("As") ?? "Table").caseInsensitiveEquals("List")
        if selectors == nil {
            // Wildcards name the first object's matching properties, one column each.
            let names = FormatSelection.properties(of: value).map(\.name)
            let given = context.value("Property").map { $0.enumerated ?? [$0] } ?? [.string("*")]
            selectors = given.flatMap { item -> [PropertySelector] in
                guard case .string(let text) = item, WildcardPattern.hasWildcards(text) else { return [PropertySelector(item)] }
                let pattern = WildcardPattern(text)
                return names.filter { pattern.matches($0) }.map { PropertySelector(.string($0)) }
            }
            if !asList {
                let labels = try cells(value, context).map(\.label)
                try context.writeObject(.string("<colgroup>" + labels.map { _ in "<col/>" }.joined() + "</colgroup>"))
                try context.writeObject(.string("<tr>" + labels.map { "<th>" + $0 + "</th>" }.joined() + "</tr>"))
            }
        }
        let row = try cells(value, context)
        if asList {
            if count > 1 { try context.writeObject(.string("<tr><td><hr></td></tr>")) }
            for cell in row { try context.writeObject(.string("<tr><td>" + cell.label + ":</td><td>" + cell.text + "</td></tr>")) }
        } else {
            try context.writeObject(.string("<tr>" + row.map { "<td>" + $0.text + "</td>" }.joined() + "</tr>"))
        }
    }

    /// Each selector's label and its values, encoded and joined by ", ".
    private func cells(_ value: PSValue, _ context: CommandContext) throws -> [(label: String, text: String)] {
        try (selectors ?? []).map { selector in
            let results = try selector.resolve(value, engine: context.engine)
            let label = selector.label ?? selector.name ?? results.first?.label ?? ""
            let text = results.map { $0.value.isNull ? "" : Self.encode(FormatValue.toString($0.value)) }.joined(separator: ", ")
            return (label, text)
        }
    }

    func end(_ context: CommandContext) throws {
        try context.writeObject(.string("</table>"))
        for line in lines("PostContent", context) ?? [] { try context.writeObject(.string(line)) }
        if !context.switchValue("Fragment") { try context.writeObject(.string("</body></html>")) }
    }
}
