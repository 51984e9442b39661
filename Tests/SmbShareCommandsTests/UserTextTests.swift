import ShellTestSupport
import SMBPolicy
import Testing
@testable import ShellEngine

/// What users read states Windows' behaviour only: no help text, parameter description, help topic
/// or -Verbose line says how a fact was found or how sure it is (that is in `docs/`).
struct UserTextTests {
    static let provenanceWords = ["confirmed", "inferred", "decompiled", "research", "not verified",
                                  "unverified", "not documented", "a guess"]

    static func provenance(in text: String) -> String? {
        provenanceWords.first { text.range(of: $0, options: .caseInsensitive) != nil }
    }

    @Test(arguments: OSProfile.allCases)
    func helpOfEveryCommandStatesFactsOnly(profile: OSProfile) {
        let (engine, _, _) = makeEngine(profile: profile.rawValue)
        defer { engine.shutdown() }
        let definitions = engine.cmdlets.all
        #expect(definitions.count > 50)
        for definition in definitions {
            let metadata = definition.metadata
            var texts = [metadata.synopsis, metadata.description]
            texts += metadata.examples.flatMap { [$0.code, $0.remarks] }
            texts += metadata.parameters.flatMap { [$0.help, $0.helpMessage ?? ""] }
            for text in texts {
                if let word = Self.provenance(in: text) {
                    Issue.record("\(metadata.name) (\(profile.rawValue)): '\(word)' in: \(text)")
                }
            }
        }
        for (name, text) in engine.helpTopics {
            if let word = Self.provenance(in: text) { Issue.record("\(name): '\(word)' in its text") }
        }
    }

    @Test func verboseRegistryLinesStateTheWriteOnly() {
        let text = run("Set-SmbClientConfiguration -EnableMailslots $true -Force -Verbose",
                       "Set-SmbServerConfiguration -EnableMailslots $true -Force -Verbose")
        #expect(text.contains("VERBOSE: Registry: HKLM\\SYSTEM\\CurrentControlSet\\Services\\Mup\\Parameters\\EnableMailslots = REG_DWORD 0x1\n"))
        #expect(Self.provenance(in: text) == nil, "\(text)")
    }
}
