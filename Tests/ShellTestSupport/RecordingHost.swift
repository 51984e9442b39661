import Foundation
import ShellEngine

/// A host that records what the engine writes and answers prompts from a script of lines.
public final class RecordingHost: PSHostUserInterface {
    public var written: [(String, HostStream)] = []
    public var answers: [String]
    public var isInteractive: Bool
    public var bufferWidth: Int

    public init(answers: [String] = [], interactive: Bool = true, width: Int = 120) {
        self.answers = answers
        self.isInteractive = interactive
        self.bufferWidth = width
    }

    public func write(_ text: String, stream: HostStream) { written.append((text, stream)) }

    /// Text written in console colours, with them.
    public var coloured: [(text: String, foreground: ConsoleColor?, background: ConsoleColor?)] = []

    public func write(_ text: String, foreground: ConsoleColor?, background: ConsoleColor?) {
        coloured.append((text, foreground, background))
        written.append((text, .host))
    }

    public func readLine() -> HostInput {
        guard !answers.isEmpty else { return .endOfInput }
        let line = answers.removeFirst()
        written.append((line + "\n", .host))
        return .line(line)
    }

    public func consumeInterrupt() -> Bool { false }
    public func clearScreen() {}

    public var text: String { written.map(\.0).joined() }
    public func text(of stream: HostStream) -> String { written.filter { $0.1 == stream }.map(\.0).joined() }
}

/// A fresh engine with its own state folder.
public func makeEngine(_ host: RecordingHost = RecordingHost(), profile: String? = nil,
                       folder: String? = nil) -> (Engine, RecordingHost, String) {
    let folder = folder ?? NSTemporaryDirectory() + "smbconfig-engine-test-" + UUID().uuidString
    var environment = ["SMBCONFIG_HOME": folder, "COMPUTERNAME": "TESTHOST", "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0",
                       "HOME": NSTemporaryDirectory()]
    if let profile { environment["SMBCONFIG_OS_PROFILE"] = profile }
    let engine = Engine(host: host, configuration: EngineConfiguration(environment: environment, interactive: host.isInteractive),
                        modules: shellModules)
    return (engine, host, folder)
}

/// Runs lines in a new engine and returns everything written.
public func run(_ lines: String..., answers: [String] = [], interactive: Bool = true, profile: String? = nil) -> String {
    let (engine, host, folder) = makeEngine(RecordingHost(answers: answers, interactive: interactive), profile: profile)
    defer {
        engine.shutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }
    for line in lines { _ = engine.execute(line) }
    return host.text
}
