import FoundationEssentials
import Glibc
import ShellTestSupport
@testable import ShellEngine

/// A host that records what the engine writes and answers prompts from a script.
final class LabsRecordingHost: PSHostUserInterface {
    var text = ""
    var answers: [String]

    init(answers: [String] = []) { self.answers = answers }

    func write(_ text: String, stream: HostStream) { self.text += text }

    func readLine() -> HostInput {
        guard !answers.isEmpty else { return .endOfInput }
        let answer = answers.removeFirst()
        text += answer + "\n"
        return .line(answer)
    }

    var isInteractive: Bool { true }
    var bufferWidth: Int { 120 }
    func consumeInterrupt() -> Bool { false }
    func clearScreen() {}
}

/// A fresh state folder and an engine bound to loopback on a free port.
struct LabsFixture {
    let folder: String
    let host: LabsRecordingHost
    let engine: Engine

    /// `folder`: the state folder of an earlier fixture (a restarted shell), else a new one.
    init(answers: [String] = [], profile: String? = nil, folder existing: String? = nil) {
        var template = Array("/tmp/smbconfig-labs-XXXXXX".utf8CString)
        folder = existing ?? template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        host = LabsRecordingHost(answers: answers)
        var environment = ["SMBCONFIG_HOME": folder, "COMPUTERNAME": "LABPC",
                           "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0", "USERNAME": "learner", "USERDOMAIN": "LAB"]
        if let profile { environment["SMBCONFIG_OS_PROFILE"] = profile }
        engine = Engine(host: host, configuration: EngineConfiguration(environment: environment), modules: shellModules)
    }

    /// Runs lines and returns what they wrote.
    @discardableResult
    func run(_ lines: String...) -> String {
        let start = host.text.endIndex
        for line in lines { _ = engine.execute(line) }
        return String(host.text[start...])
    }

    func read(_ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } ?? []
    }

    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
    }

    func close() {
        engine.shutdown()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
