import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Start-Transcript, Stop-Transcript and Get-Transcript (a shell extension that says which
/// transcripts are running).
enum TranscriptCmdlets {
    static func definitions() -> [CmdletDefinition] {
        [
            CmdletDefinition(metadata: CommandMetadata(
                name: "Start-Transcript", module: "Microsoft.PowerShell.Host",
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.StartTranscriptCommand"),
                parameters: [
                    ParameterMetadata("Path", .string, position: 0, parameterSets: ["ByPath"],
                                      help: "The transcript file. Default: Documents/PowerShell_transcript.<COMPUTER>.<random>.<time>.txt in SMBCONFIG_HOME."),
                    ParameterMetadata("LiteralPath", .string, aliases: ["PSPath"], parameterSets: ["ByLiteralPath"],
                                      help: "The transcript file, taken literally."),
                    ParameterMetadata("OutputDirectory", .string, parameterSets: ["ByOutputDirectory"],
                                      help: "A folder for a transcript with the default file name."),
                    ParameterMetadata("Append", .switchParameter, help: "Adds to the end of an existing file."),
                    ParameterMetadata("Force", .switchParameter, help: "Overwrites a read-only file."),
                    ParameterMetadata("NoClobber", .switchParameter, aliases: ["NoOverwrite"],
                                      help: "Does not overwrite an existing file."),
                    ParameterMetadata("IncludeInvocationHeader", .switchParameter,
                                      help: "Writes a 'Command start time' block before each command."),
                ],
                supportsShouldProcess: true, confirmImpact: .medium, defaultParameterSet: "ByPath",
                synopsis: "Creates a record of all or part of a session to a text file.",
                description: "Records the commands typed and everything the console shows (output, errors, warnings, prompts and the answers given) in Windows PowerShell 5.1's transcript format: UTF-8 with BOM, CRLF, the 'Windows PowerShell transcript start' header and 'transcript end' footer.",
                examples: [HelpExample(code: "Start-Transcript -Path lab1.txt", remarks: "Records the session in lab1.txt.")],
                outputType: "System.String")) { StartTranscript() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Stop-Transcript", module: "Microsoft.PowerShell.Host",
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.StopTranscriptCommand"),
                parameters: [], synopsis: "Stops a transcript.",
                description: "Stops the most recently started transcript and writes its footer.",
                outputType: "System.String")) { StopTranscript() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-Transcript", module: "SmbConfigShell.Labs", implementation: .function,
                parameters: [],
                synopsis: "Shows the running transcripts (shell extension; not a Windows cmdlet).",
                description: "Returns one object per running transcript (Path, StartTime, IncludeInvocationHeader), newest last; nothing when none is running. `[bool](Get-Transcript)` tells whether one is running.",
                examples: [HelpExample(code: "if (Get-Transcript) { Stop-Transcript }", remarks: "Stops a transcript only when one is running.")])) { GetTranscript() },
        ]
    }
}

extension Engine {
    var transcriptTee: TranscriptTee? { host as? TranscriptTee }

    /// Records a console command the way the 5.1 console transcribes it: the prompt and the text.
    func transcribeCommand(_ text: String) {
        guard let tee = transcriptTee, !tee.transcripts.isEmpty else { return }
        for transcript in tee.transcripts where transcript.includeInvocationHeader {
            transcript.append("**********************\nCommand start time: \(TranscriptClock.now().compact)\n**********************\n")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        tee.record(promptText() + lines.joined(separator: "\n>> ") + "\n")
    }

    /// Writes the footer of every running transcript when the shell exits.
    func stopTranscriptAtExit() {
        while let transcript = transcriptTee?.pop() { finish(transcript) }
    }

    func finish(_ transcript: TranscriptFile) {
        transcript.append(Messages.fill(LabMessages.transcriptEpilogue, [TranscriptClock.now().compact]) + "\n")
        transcript.close()
    }

    /// The prologue with this shell's identity (user, machine, process, `$PSVersionTable`).
    func transcriptPrologue(start: TranscriptClock.Stamp) -> String {
        let env = configuration.environment
        let user = env["USERNAME"] ?? env["USER"] ?? "user"
        let domain = env["USERDOMAIN"] ?? computerName
        let build = osProfile.build
        var versions: [String] = []
        for (key, value) in AutomaticVariables.versionTable(profile: osProfile).entries {
            let text = value.enumerated.map { $0.map { LanguagePrimitives.toString($0) }.joined(separator: ", ") }
                ?? LanguagePrimitives.toString(value)
            versions.append(LanguagePrimitives.toString(key) + ": " + text)
        }
        let arguments = CommandLine.arguments.dropFirst().joined(separator: " ")
        let application = #"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"# + (arguments.isEmpty ? "" : " " + arguments)
        return Messages.fill(LabMessages.transcriptPrologue, [
            start.compact, domain + "\\" + user, domain + "\\" + user, "", computerName,
            "Microsoft Windows NT 10.0.\(build.number).0", application, String(getpid()),
            versions.joined(separator: "\n"),
        ])
    }
}

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
            path = folder + "/PowerShell_transcript.\(engine.computerName).\(random).\(start.compact).txt"
        }
        var info = stat()
        if context.switchValue("NoClobber") && !context.switchValue("Append") && stat(path, &info) == 0 {
            let message = Messages.fill(LabMessages.transcriptFileExistsNoClobber, [path, "NoClobber"])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "NoClobber",
                category: .ResourceExists, exceptionType: "System.IO.IOException", target: .string(path)))
        }
        guard try context.shouldProcess(target: path) else { return }
        let transcript: TranscriptFile
        do {
            transcript = try TranscriptFile(path: path, append: context.switchValue("Append"), startTime: start)
        } catch {
            let message = Messages.fill(LabMessages.cannotStartTranscription, [error.message])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "CannotStartTranscription",
                category: .InvalidOperation, exceptionType: "System.Management.Automation.PSInvalidOperationException",
                target: .string(path)))
        }
        transcript.includeInvocationHeader = context.switchValue("IncludeInvocationHeader")
        transcript.append(engine.transcriptPrologue(start: start) + "\n")
        tee.push(transcript)
        try context.writeObject(.string(Messages.fill(LabMessages.transcriptionStarted, [path])))
    }
}

final class StopTranscript: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard let transcript = engine.transcriptTee?.pop() else {
            let message = Messages.fill(LabMessages.errorStoppingTranscript, [LabMessages.hostNotTranscribing])
            try context.throwTerminatingError(context.errorRecord(message: message, errorId: "InvalidOperation",
                category: .InvalidOperation, exceptionType: "System.Management.Automation.PSInvalidOperationException"))
        }
        engine.finish(transcript)
        try context.writeObject(.string(Messages.fill(LabMessages.transcriptionStopped, [transcript.path])))
    }
}

final class GetTranscript: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for transcript in context.engine.transcriptTee?.transcripts ?? [] {
            let o = PSCustomObject(typeNames: ["SmbConfigShell.TranscriptInfo", "System.Object"])
            o.add("Path", .string(transcript.path))
            o.add("StartTime", .string(transcript.startTime.compact))
            o.add("IncludeInvocationHeader", .bool(transcript.includeInvocationHeader))
            try context.writeObject(.object(o))
        }
    }
}
