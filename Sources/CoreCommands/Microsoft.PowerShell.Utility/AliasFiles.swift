import ShellEngine

/// Export-Alias: the session's aliases as CSV lines (or `set-alias` commands with -As Script)
/// under 5.1's `# Alias File` header, in Unicode.
final class ExportAlias: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard let text = context.string("LiteralPath") ?? context.string("Path") else { return }
        let patterns = (context.stringList("Name") ?? ["*"]).map { WildcardPattern($0) }
        let script = (context.string("As") ?? "Csv").caseInsensitiveEquals("Script")
        let aliases = engine.aliases.sorted { $0.key.name.lowercased() < $1.key.name.lowercased() }
            .filter { alias in patterns.contains { $0.matches(alias.key.name) } }
        let now = try engine.staticMember(PSTypeInfo(fullName: "System.DateTime"), "Now") ?? .null
        let stamp = LanguagePrimitives.toString(try engine.invokeMethod(now, "ToString", [.string("F")], isStatic: false, extent: .empty))
        var lines = ["# Alias File", "# Exported by : " + (engine.environmentValue("USERNAME") ?? "Administrator"),
                     "# Date/Time : " + stamp, "# Computer : " + engine.identity.computerName]
        if let description = context.string("Description") {
            lines += ["#", "# " + description.replacing("\n", with: "\n# ")]
        }
        for (key, value) in aliases {
            lines.append(script ? "set-alias -Name:\"\(key.name)\" -Value:\"\(value)\" -Description:\"\" -Option:\"None\""
                                : "\"\(key.name)\",\"\(value)\",\"\",\"None\"")
        }
        do {
            let path = try engine.resolveItemPath(text)
            let exists = path.provider.itemExists(path.providerPath, engine)
            if context.switchValue("NoClobber") && exists && !context.switchValue("Append") {
                return try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.fileExists, [path.path]),
                    errorId: "NoClobber", category: .ResourceExists, exceptionType: "System.IO.IOException", target: .string(path.path)))
            }
            guard try context.shouldProcess(target: path.path, action: "Export-Alias") else { return }
            try engine.writeText(to: path, lines.joined(separator: "\n") + "\n", append: context.switchValue("Append"), encoding: .unicode)
        } catch let error as ProviderError {
            try context.writeProviderError(error)
        }
        if context.switchValue("PassThru") {
            for (key, value) in aliases {
                try context.writeObject(.object(CommandInfoObject.alias(key.name, definition: value)))
            }
        }
    }
}

/// Import-Alias: the `"name","value","description","options"` lines of an alias file; an alias
/// that exists already is refused without -Force.
final class ImportAlias: Cmdlet {
    static let invalidLine = "Cannot import an alias. Line number {1} in the file '{0}' is not a properly-formatted, comma-separated values (CSV) line for aliases. Change the line to contain four values separated by commas. If the value text itself contains a comma, then the value must be contained in quotation marks."

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        try context.forEachFileContent { path, bytes in
            for (index, line) in TextEncoding.lines(TextEncoding.default.decode(bytes)).enumerated() {
                let trimmed = line.trimmedWhitespace
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                var reader = CsvFormat.Reader(trimmed, delimiter: ",")
                let fields = reader.record()
                guard fields.count == 4 else {
                    throw RuntimeError(record: context.errorRecord(message: Messages.fill(Self.invalidLine, [path.path, String(index + 1)]),
                        errorId: "ImportAliasFileFormatError", category: .ReadError,
                        exceptionType: "System.Management.Automation.PSInvalidOperationException", target: .string(path.path)))
                }
                let key = NameKey(fields[0])
                if engine.aliases[key] != nil && !context.switchValue("Force") {
                    try context.writeError(context.errorRecord(message: Messages.fill(SetAlias.aliasExists, [fields[0]]),
                        errorId: "AliasAlreadyExists", category: .ResourceExists,
                        exceptionType: "System.Management.Automation.SessionStateException", target: .string(fields[0])))
                    continue
                }
                guard try context.shouldProcess(target: "Name: \(fields[0]) Value: \(fields[1])", action: "Import Alias") else { continue }
                engine.aliases[key] = fields[1]
                if context.switchValue("PassThru") {
                    try context.writeObject(.object(CommandInfoObject.alias(fields[0], definition: fields[1])))
                }
            }
        }
    }
}
