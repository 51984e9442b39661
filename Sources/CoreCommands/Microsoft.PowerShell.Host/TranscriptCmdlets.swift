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
        let path: String
        if let given = context.string("Path") ?? context.string("LiteralPath") {
            path = engine.absolutePath(given)
        } else {
            let folder = context.string("OutputDirectory").map { engine.absolutePath($0) }
                ?? engine.configuration.stateFolder + "/Documents"
            _ = mkdir(folder, 0o755)
            let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            let random = String((0..<8).map { _ in letters.randomElement()! })
            path = folder + "/PowerShell_transcript.\(engine.identity.computerName).\(random).\(start.compact).txt"
        }
        var info = stat()
        if context.switchValue("NoClobber") && !context.switchValue("Append") && stat(path, &info) == 0 {
            let message = Messages.fill(TranscriptMessages.transcriptFileExistsNoClobber, [path, "NoClobber"])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "NoClobber",
                category: .ResourceExists, exceptionType: "System.IO.IOException", target: .string(path)))
        }
        guard try context.shouldProcess(target: path) else { return }
        let transcript: TranscriptFile
        do {
            transcript = try TranscriptFile(path: path, append: context.switchValue("Append"), startTime: start)
        } catch {
            let message = Messages.fill(TranscriptMessages.cannotStartTranscription, [error.message])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "CannotStartTranscription",
                category: .InvalidOperation, exceptionType: "System.Management.Automation.PSInvalidOperationException",
                target: .string(path)))
        }
        transcript.includeInvocationHeader = context.switchValue("IncludeInvocationHeader")
        transcript.append(engine.transcriptPrologue(start: start) + "\n")
        tee.push(transcript)
        try context.writeObject(.string(Messages.fill(TranscriptMessages.transcriptionStarted, [path])))
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
