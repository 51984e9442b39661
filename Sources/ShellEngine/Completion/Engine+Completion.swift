import CmdletParser

extension Engine {
    /// Tab completion: what may replace the word at `cursor` (a UTF-16 offset into `line`, as
    /// PowerShell counts characters). Command names, parameter names, parameter values, property
    /// names and variables, each read from the engine's own tables. The candidates come in the order
    /// the console cycles through them; an empty list means nothing fits.
    public func complete(_ line: String, cursor: Int) -> CompletionResult {
        let parse = Parser.parseInput(line)
        let source = parse.source
        let cursorByte = Self.byteOffset(ofCharacter: cursor, in: source.utf8)
        if let access = MemberCompletion(source: source, tokens: parse.tokens, cursor: cursorByte,
                                         resolve: { [unowned self] in commandMetadata($0) }) {
            let names = outputProperties(ofCommand: access.command)
            let start = source.characterOffset(at: access.memberStart)
            return CompletionResult(replacementStart: start,
                                    replacementLength: source.characterOffset(at: access.memberEnd) - start,
                                    candidates: CompletionMatcher.names(matching: access.member, in: names, sorted: false))
        }
        if let access = StaticMemberCompletion(source: source, tokens: parse.tokens, cursor: cursorByte) {
            let start = source.characterOffset(at: access.memberStart)
            return CompletionResult(replacementStart: start,
                                    replacementLength: source.characterOffset(at: access.memberEnd) - start,
                                    candidates: staticMemberCandidates(access))
        }
        if let access = VariableMemberCompletion(source: source, tokens: parse.tokens, cursor: cursorByte) {
            let start = source.characterOffset(at: access.memberStart)
            return CompletionResult(replacementStart: start,
                                    replacementLength: source.characterOffset(at: access.memberEnd) - start,
                                    candidates: variableMemberCandidates(access))
        }
        let context = CompletionContext(source: source, tokens: parse.tokens, cursor: cursorByte) { [unowned self] command, name in
            guard let metadata = commandMetadata(command), let parameter = ParameterLookup.resolve(name, in: metadata) else {
                return true
            }
            return parameter.type != .switchParameter
        }
        let (candidates, replaceFrom) = candidates(for: context)
        let start = source.characterOffset(at: replaceFrom)
        let end = source.characterOffset(at: context.wordEnd)
        return CompletionResult(replacementStart: start, replacementLength: Swift.max(0, end - start),
                                candidates: candidates)
    }

    /// The candidates and the byte offset where the replaced text starts.
    private func candidates(for context: CompletionContext) -> ([String], Int) {
        let word = context.word
        if word.hasPrefix("$") {
            return (CompletionMatcher.variables(matching: word, in: variableNames), context.wordStart)
        }
        if context.isCommandPosition {
            guard !word.isEmpty else { return ([], context.wordStart) }
            // `.\scr<Tab>`: a path at command position completes as a path.
            if word.contains(where: PathText.isSeparator) { return (pathCandidates(word), context.wordStart) }
            return (CompletionMatcher.names(matching: word, in: commandNames), context.wordStart)
        }
        guard let commandName = context.commandName, let metadata = commandMetadata(commandName) else {
            return ([], context.wordStart)
        }
        if CompletionContext.isParameterWord(word, kind: .generic), !word.contains(":") {
            let bound = Set(context.parameterWords.compactMap { ParameterLookup.resolve($0, in: metadata)?.name })
            return (CompletionMatcher.parameters(matching: String(word.dropFirst()), of: metadata, excluding: bound),
                    context.wordStart)
        }
        // `-Name:value` completes the part after the colon.
        var valueWord = word
        var valueStart = context.wordStart
        if word.hasPrefix("-"), let colon = word.firstIndex(of: ":") {
            valueWord = String(word[word.index(after: colon)...])
            valueStart += word.utf8.distance(from: word.startIndex, to: word.index(after: colon))
        }
        if let parameterWord = context.parameterForValue {
            guard let parameter = ParameterLookup.resolve(parameterWord, in: metadata) else { return ([], valueStart) }
            let candidates = values(of: parameter, command: metadata, context: context, matching: valueWord)
            if candidates.isEmpty && Self.valueNames(of: parameter.type).isEmpty && !hasOwnCompleter(metadata, parameter) {
                return (pathCandidates(valueWord), valueStart)
            }
            return (candidates, valueStart)
        }
        // A positional argument completes as the parameter at that position (the first, in
        // parameter-set order, that has values to offer).
        for parameter in metadata.parameters where parameter.position == context.positionalIndex {
            let candidates = values(of: parameter, command: metadata, context: context, matching: valueWord)
            if !candidates.isEmpty { return (candidates, valueStart) }
        }
        if PropertyCompletion.takesPropertyNames(metadata.name), context.positionalIndex == 0 {
            let names = propertyNames(producedBy: context.previousCommandName)
            return (CompletionMatcher.values(matching: valueWord, in: names), valueStart)
        }
        // An argument nothing else completes is a path, as PowerShell's default completer has it.
        return (pathCandidates(valueWord), valueStart)
    }

    /// File-system, registry and other provider paths that start with `word`: the folder part as
    /// typed and the leaf completed; a bare name is made relative (`.\name`), a drive (`HKLM:`)
    /// lists its root; names with spaces are single-quoted.
    package func pathCandidates(_ word: String) -> [String] {
        var typed = word
        if let first = typed.first, first == "'" || first == "\"" { typed.removeFirst() }
        if typed.hasPrefix("-") || typed.hasPrefix("$") || typed.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
            return []
        }
        let directory: String
        if typed.hasSuffix(":") {
            directory = typed + "\\"
        } else if let separator = typed.lastIndex(where: PathText.isSeparator) {
            directory = String(typed[...separator])
        } else {
            directory = ".\\"
        }
        let pattern = (typed.hasSuffix(":") ? typed + "\\" : typed) + "*"
        guard let matches = try? resolvePaths(pattern, literal: false) else { return [] }
        var seen = Set<String>()
        return matches.map(\.name).filter { !$0.isEmpty }.sorted { $0.lowercased() < $1.lowercased() }.compactMap { name in
            var candidate = directory + name
            if candidate.contains(" ") { candidate = "'" + candidate.replacing("'", with: "''") + "'" }
            return seen.insert(candidate).inserted ? candidate : nil
        }
    }

    /// Values a parameter accepts: the command's own completer (mailslot names), property names,
    /// a validate-set, `$true`/`$false` or enum names.
    private func values(of parameter: ParameterMetadata, command: CommandMetadata, context: CompletionContext,
                        matching word: String) -> [String] {
        if case .cmdlet(let definition) = resolveCommand(command.name),
           let values = definition.completeArgument?(self, parameter.name, word) {
            return CompletionMatcher.values(matching: word, in: values)
        }
        if parameter.name == "Property", PropertyCompletion.takesPropertyNames(command.name) {
            return CompletionMatcher.values(matching: word, in: propertyNames(producedBy: context.previousCommandName))
        }
        if parameter.name == "Module" || (parameter.name == "Name" && command.name.hasSuffix("-Module")) {
            return CompletionMatcher.values(matching: word, in: Array(Set(modules.map(\.name))).sorted())
        }
        for validation in parameter.validations {
            if case .set(let allowed, _) = validation { return CompletionMatcher.values(matching: word, in: allowed) }
        }
        return CompletionMatcher.values(matching: word, in: Self.valueNames(of: parameter.type))
    }

    /// The command completes this parameter itself (mailslot names): no path fallback.
    private func hasOwnCompleter(_ command: CommandMetadata, _ parameter: ParameterMetadata) -> Bool {
        guard case .cmdlet(let definition) = resolveCommand(command.name), let completer = definition.completeArgument else {
            return false
        }
        return completer(self, parameter.name, "") != nil
    }

    private static func valueNames(of type: ParameterType) -> [String] {
        switch type {
        case .boolean: return ["$true", "$false"]
        case .enumeration(_, let values): return values
        case .array(let element): return valueNames(of: element)
        default: return []
        }
    }

    /// The property names of what `command` writes to the pipeline.
    private func propertyNames(producedBy command: String?) -> [String] {
        guard let command, let metadata = commandMetadata(command) else { return [] }
        return PropertyCompletion.outputProperties(of: metadata.name, engine: self)
    }

    /// Byte offset of a UTF-16 offset, clamped to the text.
    package static func byteOffset(ofCharacter offset: Int, in utf8: [UInt8]) -> Int {
        var units = 0
        var index = 0
        while index < utf8.count && units < offset {
            let byte = utf8[index]
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            units += length == 4 ? 2 : 1
            index += length
        }
        return Swift.min(index, utf8.count)
    }
}
