import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Engine {
    package var transcriptTee: TranscriptTee? { host as? TranscriptTee }

    /// Records a console command the way the 5.1 console transcribes it: the prompt and the text.
    package func transcribeCommand(_ text: String) {
        // A nested prompt's lines are already recorded as the host showed and read them.
        guard nestingLevel == 0, let tee = transcriptTee, !tee.transcripts.isEmpty else { return }
        for transcript in tee.transcripts where transcript.includeInvocationHeader {
            transcript.append("**********************\nCommand start time: \(TranscriptClock.now().compact)\n**********************\n")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        tee.record(promptText() + lines.joined(separator: "\n>> ") + "\n")
    }

    /// Writes the footer of every running transcript when the shell exits.
    package func stopTranscriptAtExit() {
        while let transcript = transcriptTee?.pop() { finish(transcript) }
    }

    package func finish(_ transcript: TranscriptFile) {
        transcript.append(Messages.fill(TranscriptMessages.transcriptEpilogue, [TranscriptClock.now().compact]) + "\n")
        transcript.close()
    }

    /// The prologue with this shell's identity (user, machine, process, `$PSVersionTable`).
    package func transcriptPrologue(start: TranscriptClock.Stamp) -> String {
        let env = configuration.environment
        let user = env["USERNAME"] ?? env["USER"] ?? "user"
        let domain = env["USERDOMAIN"] ?? identity.computerName
        var versions: [String] = []
        for (key, value) in AutomaticVariables.versionTable(identity).entries {
            let text = value.enumerated.map { $0.map { LanguagePrimitives.toString($0) }.joined(separator: ", ") }
                ?? LanguagePrimitives.toString(value)
            versions.append(LanguagePrimitives.toString(key) + ": " + text)
        }
        let arguments = CommandLine.arguments.dropFirst().joined(separator: " ")
        let application = #"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"# + (arguments.isEmpty ? "" : " " + arguments)
        return Messages.fill(TranscriptMessages.transcriptPrologue, [
            start.compact, domain + "\\" + user, domain + "\\" + user, "", identity.computerName,
            identity.windowsBuild.osVersionString, application, String(getpid()),
            versions.joined(separator: "\n"),
        ])
    }
}
