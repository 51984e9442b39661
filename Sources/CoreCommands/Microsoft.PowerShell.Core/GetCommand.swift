import ShellEngine

extension CommandMetadata {
    /// `Get-Command -Syntax`: one line per parameter set, PowerShell's bracket layout.
    var syntax: String {
        var parts = [name]
        for p in allParameters where !CommandMetadata.commonParameters.contains(where: { $0.name == p.name }) {
            let typePart = p.type == .switchParameter ? "" : " <\(p.type.syntaxName)>"
            var text = "-\(p.name)\(typePart)"
            if p.position != nil && p.type != .switchParameter { text = "[-\(p.name)]\(typePart)" }
            parts.append(p.mandatory ? text : "[\(text)]")
        }
        if cmdletBinding { parts.append("[<CommonParameters>]") }
        return parts.joined(separator: " ")
    }
}

final class GetCommand: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")]).map { LanguagePrimitives.toString($0) }
        let modulePatterns = context.value("Module").map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }
        let modules = Dictionary(engine.modules.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var all: [(String, String, String, CommandMetadata?)] = engine.cmdlets.all.map {
            ($0.metadata.name, modules[$0.metadata.module]?.commandType.rawValue ?? "Cmdlet", $0.metadata.module, $0.metadata)
        }
        all += engine.sessionState.visibleFunctions.map { ($0.name, "Function", "", $0.metadata) }
        all += engine.aliases.map { ($0.key.name, "Alias", "", nil) }
        all.sort { $0.0.lowercased() < $1.0.lowercased() }
        for pattern in patterns {
            let matcher = WildcardPattern(pattern)
            let matches = all.filter { entry in
                matcher.matches(entry.0) && (modulePatterns?.contains { WildcardPattern($0).matches(entry.2) } ?? true)
            }
            if matches.isEmpty && !WildcardPattern.hasWildcards(pattern) {
                try context.writeError(context.errorRecord(message: Messages.format("CommandNotFoundException", pattern),
                    errorId: "CommandNotFoundException", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.CommandNotFoundException", target: .string(pattern)))
            }
            for (name, kind, module, metadata) in matches {
                let display = kind == "Alias" ? "\(name) -> \(engine.aliases[NameKey(name)] ?? "")" : name
                if context.switchValue("Syntax") {
                    if let metadata { try context.writeObject(.string("\n" + metadata.syntax + "\n")) }
                    else { try context.writeObject(.string(display)) }
                    continue
                }
                try context.writeObject(.object(CommandInfoObject(name: display, kind: kind, module: module,
                                                                  version: kind == "Alias" ? "" : modules[module]?.version ?? "",
                                                                  definition: metadata?.syntax ?? "")))
            }
        }
    }
}
