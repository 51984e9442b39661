import CmdletParser

/// The `#Requires` statements of a script file, checked before the script runs as Windows
/// PowerShell 5.1 checks them (CommandDiscovery.VerifyScriptRequirements): the PowerShell version,
/// the edition, and the modules. The console runs as Administrator, so `-RunAsAdministrator`
/// always holds.
package struct ScriptRequirements {
    /// `-Version` as written and as major/minor numbers.
    package var version: (display: String, major: Int, minor: Int)?
    package var editions: [String] = []
    package var modules: [String] = []

    /// Reads the `#requires` comments that start a line. A statement this reader cannot make
    /// sense of is left out (the script runs, as it did before any check).
    package init(_ result: ParseResult) {
        for token in result.tokens where token.kind == .comment {
            let comment = result.source.text(of: token.extent)
            guard comment.utf8.count > 9, comment.utf8.first == UInt8(ascii: "#"),
                  comment.dropFirst().prefix(8).lowercased() == "requires",
                  Self.startsLine(result.source.utf8, at: token.extent.startOffset) else { continue }
            read(String(comment.dropFirst(9)))
        }
    }

    private static func startsLine(_ bytes: [UInt8], at offset: Int) -> Bool {
        var index = min(offset, bytes.count)
        while index > 0 {
            index -= 1
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { return true }
            if byte != 0x20 && byte != 0x09 { return false }
        }
        return true
    }

    private mutating func read(_ arguments: String) {
        let parsed = Parser.parseInput("requires " + arguments)
        guard parsed.errors.isEmpty, let statement = parsed.ast.endBlock?.statements.first as? PipelineAst,
              let command = statement.pipelineElements.first as? CommandAst else { return }
        var elements = command.commandElements.dropFirst()[...]
        while let element = elements.popFirst() {
            guard let parameter = element as? CommandParameterAst else { continue }
            var argument = parameter.argument
            if argument == nil, let next = elements.first, !(next is CommandParameterAst) {
                argument = next as? ExpressionAst
                elements.removeFirst()
            }
            let values = argument.map { Self.values(of: $0, in: parsed) } ?? []
            switch parameter.parameterName.lowercased() {
            case "version":
                if let text = values.first { version = Self.version(text) }
            case "psedition":
                editions += values
            case "modules":
                modules += values
            default:
                break
            }
        }
    }

    /// The names an argument gives: a word, a quoted string, a list, or a module specification
    /// hashtable (its ModuleName).
    private static func values(of expression: ExpressionAst, in parsed: ParseResult, depth: Int = 0) -> [String] {
        switch expression {
        case let list as ArrayLiteralAst where depth < 64:
            return list.elements.flatMap { values(of: $0, in: parsed, depth: depth + 1) }
        case let string as StringConstantExpressionAst:
            return [string.value]
        case let table as HashtableAst:
            for entry in table.keyValuePairs {
                guard let key = entry.key as? StringConstantExpressionAst,
                      key.value.caseInsensitiveEquals("ModuleName") else { continue }
                let value = parsed.source.text(of: entry.value.extent)
                return [value.trimmingQuotes]
            }
            return []
        default:
            return [parsed.source.text(of: expression.extent).trimmingQuotes]
        }
    }

    /// `7` is 7.0, as System.Version reads a `#requires -Version` argument.
    private static func version(_ text: String) -> (display: String, major: Int, minor: Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count), let major = Int(parts[0]), major >= 0 else { return nil }
        let minor = parts.count > 1 ? Int(parts[1]) : 0
        guard let minor, minor >= 0, parts.dropFirst(2).allSatisfy({ Int($0).map { $0 >= 0 } ?? false }) else { return nil }
        return (parts.count == 1 ? "\(major).0" : text, major, minor)
    }

    /// The first requirement the session does not meet, as the error Windows PowerShell 5.1 raises.
    package func unmet(scriptName: String, engine: Engine) -> ErrorRecord? {
        let identity = engine.identity
        if let version, !identity.compatiblePowerShellVersions.compactMap(Self.version).contains(where: {
            $0.major == version.major && version.minor <= $0.minor
        }) {
            return record(Messages.format("RequiresPSVersionNotCompatible", scriptName, version.display, identity.powerShellVersion),
                          errorId: "ScriptRequiresUnmatchedPSVersion", scriptName: scriptName)
        }
        if !editions.isEmpty, !editions.contains(where: { $0.caseInsensitiveEquals("Desktop") }) {
            let exception = PSExceptionObject(typeName: "System.Management.Automation.RuntimeException",
                message: Messages.format("RequiresPSEditionNotCompatible", scriptName, editions.joined(separator: ","), "Desktop"))
            return ErrorRecord(exception: exception, errorId: "ScriptRequiresUnmatchedPSEdition", category: .NotSpecified,
                               targetObject: .string(scriptName))
        }
        // Only a `#Requires -Modules` line builds the command tables.
        guard !modules.isEmpty else { return nil }
        let available = Set(engine.cmdlets.all.map { NameKey($0.metadata.module) })
        if let missing = modules.first(where: { !available.contains(NameKey($0)) }) {
            return record(Messages.format("RequiresMissingModules", scriptName, missing),
                          errorId: "ScriptRequiresMissingModules", scriptName: scriptName)
        }
        return nil
    }

    private func record(_ message: String, errorId: String, scriptName: String) -> ErrorRecord {
        let exception = PSExceptionObject(typeName: "System.Management.Automation.ScriptRequiresException", message: message)
        return ErrorRecord(exception: exception, errorId: errorId, category: .ResourceUnavailable, targetObject: .string(scriptName))
    }
}

private extension String {
    var trimmingQuotes: String {
        guard count >= 2, let first, let last, first == last, first == "'" || first == "\"" else { return self }
        return String(dropFirst().dropLast())
    }
}
