import ShellEngine

/// Get-PSReadLineOption: the options as one Microsoft.PowerShell.PSConsoleReadLineOptions object,
/// its properties in the order of PSReadLine's list view.
final class GetPSReadLineOption: Cmdlet {
    static let typeName = "Microsoft.PowerShell.PSConsoleReadLineOptions"

    func process(_ context: CommandContext, input: PSValue?) throws {
        let o = PSReadLineOptions.of(context.engine)
        let object = OptionsObject(typeNames: [Self.typeName, "System.Object"])
        object.add("EditMode", .string(o.editMode))
        object.add("AddToHistoryHandler", .string("System.Func`2[System.String,System.Object]"))
        object.add("HistoryNoDuplicates", .bool(o.historyNoDuplicates))
        object.add("HistorySavePath", .string(o.historySavePath))
        object.add("HistorySaveStyle", .string(o.historySaveStyle))
        object.add("HistorySearchCaseSensitive", .bool(o.historySearchCaseSensitive))
        object.add("HistorySearchCursorMovesToEnd", .bool(o.historySearchCursorMovesToEnd))
        object.add("MaximumHistoryCount", .int32(o.maximumHistoryCount))
        object.add("ContinuationPrompt", .string(o.continuationPrompt))
        object.add("ExtraPromptLineCount", .int32(o.extraPromptLineCount))
        object.add("PromptText", o.promptText.isEmpty ? .null : .array(PSArray(o.promptText.map { .string($0) })))
        object.add("BellStyle", .string(o.bellStyle))
        object.add("DingDuration", .int32(o.dingDuration))
        object.add("DingTone", .int32(o.dingTone))
        object.add("CommandsToValidateScriptBlockArguments", .string(
            "{ForEach-Object, %, Invoke-Command, icm...}"))
        object.add("CommandValidationHandler", .null)
        object.add("CompletionQueryItems", .int32(o.completionQueryItems))
        object.add("MaximumKillRingCount", .int32(o.maximumKillRingCount))
        object.add("ShowToolTips", .bool(o.showToolTips))
        object.add("ViModeIndicator", .string(o.viModeIndicator))
        object.add("WordDelimiters", .string(o.wordDelimiters))
        object.add("AnsiEscapeTimeout", .int32(o.ansiEscapeTimeout))
        let order: [PSReadLineOptions.TokenClass] = [.command, .comment, .continuationPrompt, .defaultToken, .emphasis,
                                                     .error, .keyword, .member, .number, .operator, .parameter,
                                                     .selection, .string, .type, .variable]
        for tokenClass in order {
            object.add(tokenClass.propertyName, .string(o.colors[tokenClass] ?? ""), isColor: true)
        }
        try context.writeObject(.object(object))
    }
}

/// Set-PSReadLineOption: changes the options the console applies from the next line on.
final class SetPSReadLineOption: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let o = PSReadLineOptions.of(context.engine)
        if let mode = context.string("EditMode") { o.editMode = mode }
        if let prompt = context.string("ContinuationPrompt") { o.continuationPrompt = prompt }
        if context.value("HistoryNoDuplicates") != nil { o.historyNoDuplicates = context.switchValue("HistoryNoDuplicates") }
        if context.value("HistorySearchCursorMovesToEnd") != nil {
            o.historySearchCursorMovesToEnd = context.switchValue("HistorySearchCursorMovesToEnd")
        }
        if context.value("HistorySearchCaseSensitive") != nil {
            o.historySearchCaseSensitive = context.switchValue("HistorySearchCaseSensitive")
        }
        if context.value("ShowToolTips") != nil { o.showToolTips = context.switchValue("ShowToolTips") }
        if let style = context.string("BellStyle") { o.bellStyle = style }
        if let style = context.string("HistorySaveStyle") { o.historySaveStyle = style }
        if let path = context.string("HistorySavePath") { o.historySavePath = path }
        if let style = context.string("ViModeIndicator") { o.viModeIndicator = style }
        if let delimiters = context.string("WordDelimiters") { o.wordDelimiters = delimiters }
        func int(_ name: String) -> Int32? {
            context.value(name).flatMap { Int32(LanguagePrimitives.toString($0)) }
        }
        if let n = int("MaximumHistoryCount") { o.maximumHistoryCount = n }
        if let n = int("MaximumKillRingCount") { o.maximumKillRingCount = n }
        if let n = int("ExtraPromptLineCount") { o.extraPromptLineCount = n }
        if let n = int("DingTone") { o.dingTone = n }
        if let n = int("DingDuration") { o.dingDuration = n }
        if let n = int("CompletionQueryItems") { o.completionQueryItems = n }
        if let n = int("AnsiEscapeTimeout") { o.ansiEscapeTimeout = n }
        if let text = context.value("PromptText") {
            o.promptText = (text.enumerated ?? [text]).map { LanguagePrimitives.toString($0) }
        }
        if case .hashtable(let table)? = context.value("Colors") {
            for (key, value) in zip(table.keys, table.values) {
                let name = LanguagePrimitives.toString(key)
                guard let tokenClass = PSReadLineOptions.TokenClass.allCases.first(where: { $0.rawValue.equalsIgnoringCase(name) }) else {
                    try fail(context, "'\(name)' is not a valid color property")
                }
                guard let sequence = ConsoleColors.sequence(for: value) else {
                    try fail(context, "'\(LanguagePrimitives.toString(value))' is not a valid color value.  It must be a ConsoleColor, ANSI escape sequence, or RGB value with optional leading '#'.")
                }
                o.setColor(tokenClass, sequence)
            }
        }
        o.changed()
    }

    private func fail(_ context: CommandContext, _ message: String) throws -> Never {
        try context.throwTerminatingError(context.errorRecord(message: message, errorId: "System.ArgumentException",
                                                              category: .NotSpecified, exceptionType: "System.ArgumentException"))
    }
}

/// Get-PSReadLineKeyHandler: the keys the console binds (-Bound, the default) and PSReadLine's
/// functions no key calls (-Unbound), as Microsoft.PowerShell.KeyHandler objects.
final class GetPSReadLineKeyHandler: Cmdlet {
    static let typeName = "Microsoft.PowerShell.KeyHandler"

    func process(_ context: CommandContext, input: PSValue?) throws {
        let bound = context.value("Bound") == nil ? true : context.switchValue("Bound")
        let unbound = context.switchValue("Unbound")
        func write(_ key: String, _ function: KeyHandlers.Function) throws {
            let o = PSCustomObject(typeNames: [Self.typeName, "System.Object"])
            o.add("Key", .string(key))
            o.add("Function", .string(function.name))
            o.add("Description", .string(function.description))
            o.add("Group", .string(function.group.rawValue))
            try context.writeObject(.object(o))
        }
        for group in KeyHandlers.Group.allCases {
            if bound {
                for binding in KeyHandlers.windows where binding.function.group == group {
                    try write(binding.key, binding.function)
                }
            }
            if unbound {
                let used = Set(KeyHandlers.windows.map(\.function.name))
                for function in KeyHandlers.unboundFunctions where function.group == group && !used.contains(function.name) {
                    try write("Unbound", function)
                }
            }
        }
    }
}

/// PSConsoleReadLineOptions as scripts and the list view see it: a colour property holds its escape
/// sequence, and the view shows it as PSReadLine's VTColorUtils.FormatColor does, the quoted
/// sequence in its own colour (so the console's colours are back to normal after it).
final class OptionsObject: PSObject {
    private var entries: [(name: String, value: PSValue, isColor: Bool)] = []

    func add(_ name: String, _ value: PSValue, isColor: Bool = false) {
        entries.append((name, value, isColor))
    }

    override var properties: [PSPropertyInfo] {
        entries.map { entry in
            guard entry.isColor, case .string(let sequence) = entry.value else {
                return PSPropertyInfo(name: entry.name, value: entry.value, isSettable: false)
            }
            let shown = sequence + "\"" + sequence.replacing("\u{1B}", with: "`e") + "\"" + "\u{1B}[0m"
            return PSPropertyInfo(name: entry.name, value: .string(shown), typeName: "System.Object", isSettable: false)
        }
    }

    override func property(_ name: String) -> PSValue? {
        entries.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
