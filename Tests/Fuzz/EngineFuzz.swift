// libFuzzer entry for the whole engine: parse, bind and run input against a host that records
// nothing, answers no prompt and "presses Ctrl-C" after a budget of interrupt polls or two
// seconds, whichever comes first, so that endless loops and reads that wait forever (as a
// mailslot read with the default timeout does) end like a user would end them.
//
// An input that starts with a NUL byte is not text: its other bytes choose, one production at a
// time, a program from a small PowerShell grammar (EngineGrammar.swift) whose names come from the
// engine's own tables (every cmdlet and its parameters, every .NET type and member of the type
// library) and whose constants are boundary values. Any other input runs as it is.
// Built by `scripts/fuzz engine`, together with the console's list of modules (StandardModules.swift).
import Foundation
import ShellEngine

final class FuzzHost: PSHostUserInterface {
    var polls = 0
    let started = DispatchTime.now().uptimeNanoseconds
    let isInteractive = false
    let bufferWidth = 80
    func write(_ text: String, stream: HostStream) {}
    func readLine() -> HostInput { .endOfInput }
    func consumeInterrupt() -> Bool {
        polls += 1
        return polls > 20_000 || DispatchTime.now().uptimeNanoseconds - started > 2_000_000_000
    }
    func clearScreen() {}
}

let fuzzFolder = NSTemporaryDirectory() + "smbconfig-engine-fuzz-\(getpid())"

func makeEngine() -> Engine {
    Engine(host: FuzzHost(), configuration: EngineConfiguration(environment: [
        "SMBCONFIG_HOME": fuzzFolder + "/state", "COMPUTERNAME": "FUZZHOST", "HOME": fuzzFolder,
        "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0", "SMBCONFIG_LMHOSTS": fuzzFolder + "/none",
    ], interactive: false), modules: StandardModules.all)
}

/// Read once from a first engine: what the grammar may name.
nonisolated(unsafe) let grammar: EngineGrammar = {
    let engine = makeEngine()
    defer { engine.shutdown() }
    let grammar = EngineGrammar(engine: engine)
    if let path = ProcessInfo.processInfo.environment["ENGINE_FUZZ_DICTIONARY"] {
        // `scripts/fuzz engine` writes libFuzzer's dictionary from the same tables.
        try? grammar.dictionary().write(toFile: path, atomically: true, encoding: .utf8)
    }
    return grammar
}()

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>) -> Int32 {
    _ = grammar
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = size > 0 && bytes[0] == 0 ? grammar.program(from: Array(bytes.dropFirst()))
                                           : String(decoding: bytes, as: UTF8.self)
    if ProcessInfo.processInfo.environment["ENGINE_FUZZ_PRINT"] != nil { print(text) }
    try? FileManager.default.createDirectory(atPath: fuzzFolder + "/cwd", withIntermediateDirectories: true)
    _ = FileManager.default.changeCurrentDirectoryPath(fuzzFolder + "/cwd")
    let engine = makeEngine()
    _ = engine.execute(text)
    engine.shutdown()
    return 0
}
