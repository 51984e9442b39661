import FoundationEssentials
import ShellEngine
#if canImport(Glibc)
import Glibc
#endif

final class StartTranscript: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard let tee = engine.transcriptTee else { return }
        let start = TranscriptClock.now()
        // `display` is the path as Windows names it (messages); `path` is where the file lives.
        let display: String
        if let given = context.string("Path") ?? context.string("LiteralPath") {
            display = engine.providerPathText(given)
        } else {
            let folder = engine.providerPathText(context.string("OutputDirectory") ?? "C:\\Users\\\(engine.userName)\\Documents")
            _ = mkdir(engine.absolutePath(folder), 0o755)
            let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            let random = String((0..<8).map { _ in letters.randomElement()! })
            display = folder + "\\PowerShell_transcript.\(engine.identity.computerName).\(random).\(start.compact).txt"
        }
        let path = engine.absolutePath(display)
        var info = stat()
        if context.switchValue("NoClobber") && !context.switchValue("Append") && stat(path, &info) == 0 {
            let message = Messages.fill(TranscriptMessages.transcriptFileExistsNoClobber, [display, "NoClobber"])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "NoClobber",
                category: .ResourceExists, exceptionType: "System.IO.IOException", target: .string(display)))
        }
        guard try context.shouldProcess(target: display) else { return }
        let transcript: TranscriptFile
        do {
            transcript = try TranscriptFile(path: display, hostPath: path, append: context.switchValue("Append"), startTime: start)
        } catch {
            let message = Messages.fill(TranscriptMessages.cannotStartTranscription, [error.message])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "CannotStartTranscription",
                category: .InvalidOperation, exceptionType: "System.Management.Automation.PSInvalidOperationException",
                target: .string(display)))
        }
        transcript.includeInvocationHeader = context.switchValue("IncludeInvocationHeader")
        transcript.append(engine.transcriptPrologue(start: start) + "\n")
        tee.push(transcript)
        try context.writeObject(.string(Messages.fill(TranscriptMessages.transcriptionStarted, [display])))
    }
}

final class StopTranscript: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard let transcript = engine.transcriptTee?.pop() else {
            let message = Messages.fill(TranscriptMessages.errorStoppingTranscript, [TranscriptMessages.hostNotTranscribing])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "InvalidOperation",
                category: .InvalidOperation, exceptionType: "System.Management.Automation.PSInvalidOperationException"))
        }
        engine.finish(transcript)
        try context.writeObject(.string(Messages.fill(TranscriptMessages.transcriptionStopped, [transcript.path])))
    }
}
