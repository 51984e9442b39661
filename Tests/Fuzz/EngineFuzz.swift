// libFuzzer entry for the whole engine: parse, bind and run arbitrary input against a host that
// records nothing, answers no prompt and "presses Ctrl-C" after a budget of interrupt polls or
// two seconds, whichever comes first, so that endless loops and reads that wait forever (as a
// mailslot read with the default timeout does) end like a user would end them. Built by
// `scripts/fuzz engine`, together with the console's list of modules (StandardModules.swift).
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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    try? FileManager.default.createDirectory(atPath: fuzzFolder + "/cwd", withIntermediateDirectories: true)
    _ = FileManager.default.changeCurrentDirectoryPath(fuzzFolder + "/cwd")
    let engine = Engine(host: FuzzHost(), configuration: EngineConfiguration(environment: [
        "SMBCONFIG_HOME": fuzzFolder + "/state", "COMPUTERNAME": "FUZZHOST", "HOME": fuzzFolder,
        "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0", "SMBCONFIG_LMHOSTS": fuzzFolder + "/none",
    ], interactive: false), modules: StandardModules.all)
    _ = engine.execute(text)
    engine.shutdown()
    return 0
}
