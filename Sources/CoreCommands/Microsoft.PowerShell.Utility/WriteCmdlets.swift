import ShellEngine

final class WriteOutput: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let value = context.value("InputObject") else { return }
        if context.switchValue("NoEnumerate") { try context.writeObject(value) } else { try context.writeEnumerated(value) }
    }
}

final class WriteHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let separator = context.value("Separator").map { LanguagePrimitives.toString($0) } ?? " "
        let object = context.value("Object") ?? .string("")
        let text = (object.enumerated ?? [object]).map { LanguagePrimitives.toString($0) }.joined(separator: separator)
        context.writeInformation(.string(text))
        let foreground = context.string("ForegroundColor").flatMap(ConsoleColor.init(named:))
        let background = context.string("BackgroundColor").flatMap(ConsoleColor.init(named:))
        let line = text + (context.switchValue("NoNewline") ? "" : "\n")
        if foreground == nil && background == nil {
            context.engine.host.write(line, stream: .host)
        } else {
            context.engine.host.write(line, foreground: foreground, background: background)
        }
    }
}

final class WriteError: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        if case .object(let record as ErrorRecord)? = context.value("ErrorRecord") {
            try context.writeError(record)
            return
        }
        let message = context.string("Message") ?? ""
        let category = context.string("Category").flatMap(ErrorCategory.init(rawValue:)) ?? .NotSpecified
        let exception = PSExceptionObject(typeName: "Microsoft.PowerShell.Commands.WriteErrorException", message: message)
        // The error belongs to the code that called Write-Error: the function or script (with
        // their name as FullyQualifiedErrorId suffix), or the console input itself.
        var errorId = context.string("ErrorId") ?? "Microsoft.PowerShell.Commands.WriteErrorException"
        let invocation = context.engine.callerInvocation ?? context.invocation
        switch invocation.commandKind {
        case .function: errorId += "," + (invocation.myCommand ?? "")
        case .externalScript: errorId += "," + (invocation.myCommand?.split(separator: "/").last.map(String.init) ?? "")
        default: break
        }
        let record = ErrorRecord(exception: exception, errorId: errorId, category: category,
                                 targetObject: context.value("TargetObject") ?? .null, invocationInfo: invocation)
        record.categoryInfo.activity = "Write-Error"
        try context.writeError(record)
    }
}

final class WriteStream: Cmdlet {
    let kind: HostStream
    init(kind: HostStream) { self.kind = kind }
    func process(_ context: CommandContext, input: PSValue?) throws {
        let message = context.string("Message") ?? ""
        switch kind {
        case .warning: context.writeWarning(message)
        case .verbose: context.writeVerbose(message)
        default:
            if context.switchValue("Debug") || ActionPreference(value: context.engine.variableValue("DebugPreference")) == .Continue {
                context.engine.host.write("DEBUG: " + message + "\n", stream: .debug)
            }
        }
    }
}

final class WriteProgress: Cmdlet {
    /// Progress bars are drawn only by an interactive console; piped output has none, as in 5.1.
    func process(_ context: CommandContext, input: PSValue?) throws {}
}

final class WriteInformation: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let message = context.value("MessageData") else { return }
        context.writeInformation(message)
        guard ActionPreference(value: context.engine.variableValue("InformationPreference")) == .Continue else { return }
        context.engine.host.write(LanguagePrimitives.toString(message) + "\n", stream: .host)
    }
}
