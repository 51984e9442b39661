import EmulatedHost
import ShellEngine

/// Get-Transcript: the running transcripts (a shell extension).
final class GetTranscript: Cmdlet {
    static func definitions() -> [CmdletDefinition] {
        [
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-Transcript", module: LabsModule.name, implementation: .function,
                parameters: [],
                synopsis: "Shows the running transcripts (shell extension; not a Windows cmdlet).",
                description: "Returns one object per running transcript (Path, StartTime, IncludeInvocationHeader), newest last; nothing when none is running. `[bool](Get-Transcript)` tells whether one is running.",
                examples: [HelpExample(code: "if (Get-Transcript) { Stop-Transcript }", remarks: "Stops a transcript only when one is running.")])) { GetTranscript() },
        ]
    }

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
