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

/// Get-Command as 5.1's GetCommandCommand: -Name (AllCommandSet) or -Verb/-Noun (CmdletSet),
/// filtered by -Module and -CommandType, sorted by command type and then name unless a single name
/// was given, and without the pithy aliases (`gcm`, `%`) when no name was given.
final class GetCommand: Cmdlet {
    /// System.Management.Automation.CommandTypes: the sort order of the results.
    static let commandTypes: [(name: String, value: Int)] = [
        ("Alias", 1), ("Function", 2), ("Filter", 4), ("Cmdlet", 8), ("ExternalScript", 16), ("Application", 32),
        ("Script", 64), ("Workflow", 128), ("Configuration", 256), ("All", 511),
    ]

    private struct Entry {
        let name: String
        let kind: String
        let module: String
        let metadata: CommandMetadata?
        var rank: Int { GetCommand.commandTypes.first { $0.name == kind }?.value ?? 0 }
    }

    private static func strings(_ value: PSValue?) -> [String]? {
        value.map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }
    }

    /// CmdletInfo.SplitCmdletName: verb and noun at the first dash.
    private static func split(_ name: String) -> (verb: String, noun: String)? {
        guard let dash = name.firstIndex(of: "-"), dash != name.startIndex else { return nil }
        return (String(name[..<dash]), String(name[name.index(after: dash)...]))
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let names = Self.strings(context.value("Name"))
        let verbs = Self.strings(context.value("Verb")).map { $0.map { WildcardPattern($0) } }
        let nouns = Self.strings(context.value("Noun")).map { $0.map { WildcardPattern($0) } }
        let modulePatterns = Self.strings(context.value("Module"))?.map { WildcardPattern($0) }
        let typeMask = Self.strings(context.value("CommandType")).map { kinds in
            kinds.reduce(0) { mask, kind in mask | (Self.commandTypes.first { $0.name.caseInsensitiveEquals(kind) }?.value ?? 0) }
        }
        let all = context.switchValue("All")
        let totalCount = context.value("TotalCount").map { Int(LanguagePrimitives.toString($0)) ?? -1 } ?? -1

        let modules = Dictionary(engine.modules.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = engine.cmdlets.all.map {
            Entry(name: $0.metadata.name, kind: modules[$0.metadata.module]?.commandType.rawValue ?? "Cmdlet",
                  module: $0.metadata.module, metadata: $0.metadata)
        }
        entries += engine.sessionState.visibleFunctions.map { Entry(name: $0.name, kind: "Function", module: "", metadata: $0.metadata) }
        entries += engine.aliases.map { Entry(name: $0.key.name, kind: "Alias", module: "", metadata: nil) }

        entries = entries.filter { entry in
            if let modulePatterns, !(modulePatterns.contains { $0.matches(entry.module) } && !entry.module.isEmpty) { return false }
            if let typeMask, typeMask & entry.rank == 0 { return false }
            if verbs != nil || nouns != nil {
                guard let (verb, noun) = Self.split(entry.name) else { return false }
                if let verbs, !verbs.contains(where: { $0.matches(verb) }) { return false }
                if let nouns, !nouns.contains(where: { $0.matches(noun) }) { return false }
            }
            return true
        }
        // Without a name, aliases that are not Verb-Noun are left out unless asked for by type.
        if names == nil && !all && totalCount < 0 {
            let aliasesAsked = typeMask.map { $0 & 1 != 0 } ?? false
            entries = entries.filter { $0.kind != "Alias" || aliasesAsked || Self.split($0.name) != nil }
        }

        var results: [Entry] = []
        for pattern in names ?? ["*"] {
            let matcher = WildcardPattern(pattern)
            let matches = entries.filter { matcher.matches($0.name) }
            if matches.isEmpty && !WildcardPattern.hasWildcards(pattern) {
                try context.writeError(context.errorRecord(message: Messages.format("CommandNotFoundException", pattern),
                    errorId: "CommandNotFoundException", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.CommandNotFoundException", target: .string(pattern)))
            }
            results += matches
        }
        if names == nil || names!.contains(where: WildcardPattern.hasWildcards) {
            results.sort { a, b in
                a.rank != b.rank ? a.rank < b.rank : a.name.lowercased() < b.name.lowercased()
            }
        }
        if totalCount >= 0 { results = Array(results.prefix(totalCount)) }
        for entry in results {
            let display = entry.kind == "Alias" ? "\(entry.name) -> \(engine.aliases[NameKey(entry.name)] ?? "")" : entry.name
            if context.switchValue("Syntax") {
                if let metadata = entry.metadata { try context.writeObject(.string("\n" + metadata.syntax + "\n")) }
                else { try context.writeObject(.string(display)) }
                continue
            }
            if entry.kind == "Alias" {
                try context.writeObject(.object(CommandInfoObject.alias(entry.name, definition: engine.aliases[NameKey(entry.name)] ?? "")))
                continue
            }
            try context.writeObject(.object(CommandInfoObject(name: entry.name, kind: entry.kind, module: entry.module,
                version: modules[entry.module]?.version ?? "", definition: entry.metadata?.syntax ?? "")))
        }
    }
}
