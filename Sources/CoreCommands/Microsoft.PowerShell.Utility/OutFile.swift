import ShellEngine

/// Out-File: the formatted output, written through the path layer; Unicode unless -Encoding
/// says otherwise, as in Windows PowerShell 5.1.
final class OutFile: Cmdlet {
    private var formatter: OutputFormatter?
    private var text = ""

    func begin(_ context: CommandContext) throws {
        let columns = context.value("Width").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(max(2, min($0, 10_000))) - 1 }
        formatter = context.engine.makeFormatter(columns: columns ?? 119)
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let value = input ?? context.value("InputObject"), let formatter else { return }
        if context.switchValue("NoNewline") {
            text += formatter.processLines(of: value).joined()
        } else {
            text += formatter.process(value)
        }
    }

    func end(_ context: CommandContext) throws {
        let engine = context.engine
        if !context.switchValue("NoNewline") { text += formatter?.finish() ?? "" }
        guard let path = context.string("LiteralPath") ?? context.string("FilePath") else { return }
        let encoding = context.string("Encoding").flatMap(TextEncoding.init(name:)) ?? .unicode
        do {
            let target = try engine.resolveItemPath(path)
            guard try context.shouldProcess(target: target.path, action: "Output to File") else { return }
            if context.switchValue("NoClobber") && !context.switchValue("Append")
                && target.provider.itemExists(target.providerPath, engine) {
                return try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.fileExists, [target.path]),
                    errorId: "NoClobber", category: .ResourceExists, exceptionType: "System.IO.IOException",
                    target: .string(target.path)))
            }
            try engine.writeText(to: target, text, append: context.switchValue("Append"), encoding: encoding)
        } catch let error as ProviderError {
            try context.writeError(context.errorRecord(message: error.message, errorId: error.errorId, category: error.category,
                                                       exceptionType: error.exceptionType, target: .string(error.target)))
        }
    }
}
