import ShellEngine
#if canImport(Glibc)
import Glibc
#endif

final class OutString: Cmdlet {
    private var formatter: OutputFormatter?
    private var text = ""
    func begin(_ context: CommandContext) throws {
        let columns = context.value("Width").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(max(1, $0)) }
        formatter = context.engine.makeFormatter(columns: columns)
    }
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        if context.switchValue("Stream") {
            for line in formatter!.processLines(of: input) { try context.writeObject(.string(line)) }
        } else {
            text += formatter!.process(input)
        }
    }
    func end(_ context: CommandContext) throws {
        if context.switchValue("Stream") {
            for line in formatter!.finishedLines() { try context.writeObject(.string(line)) }
        } else {
            try context.writeObject(.string(Self.windowsLineEndings(text + formatter!.finish())))
        }
    }

    /// Out-String's text ends its lines with Environment.NewLine, CR LF, as on Windows (a CR LF
    /// already in a string stays as it is).
    static func windowsLineEndings(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + text.utf8.count / 16)
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previous != "\r" { result.unicodeScalars.append("\r") }
            result.unicodeScalars.append(scalar)
            previous = scalar
        }
        return result
    }
}

final class StartSleep: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var milliseconds = context.value("Milliseconds").flatMap { LanguagePrimitives.toInt64($0) } ?? 0
        if let seconds = context.value("Seconds").flatMap({ LanguagePrimitives.toInt64($0) }) {
            milliseconds = milliseconds &+ seconds &* 1000
        }
        try context.engine.sleep(milliseconds: milliseconds)
    }
}

final class ReadHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let host = context.engine.host
        guard host.isInteractive else {
            throw RuntimeError(record: context.errorRecord(message: Messages.template("ReadFailsOnNonInteractiveFlag"),
                errorId: "InvalidOperation", category: .InvalidOperation,
                exceptionType: "System.Management.Automation.PSInvalidOperationException"))
        }
        if let prompt = context.string("Prompt") { host.write(prompt + ": ", stream: .host) }
        switch host.readLine() {
        case .line(let text):
            try context.writeObject(context.switchValue("AsSecureString") ? .object(SecureStringObject(text)) : .string(text))
        case .endOfInput, .interrupted: throw EvalError.stopped
        }
    }
}
