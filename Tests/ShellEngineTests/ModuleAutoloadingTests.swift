import Foundation
import ShellTestSupport
import Testing

/// A command of a module in `$env:PSModulePath` imports its module when first run, as in 5.1.
@Suite struct ModuleAutoloadingTests {
    @Test func commandImportsItsModule() throws {
        let folder = NSTemporaryDirectory() + "autoload-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/Greeting", withIntermediateDirectories: true)
        try "function Get-Greeting { 'hello' }\n".write(toFile: folder + "/Greeting/Greeting.psm1", atomically: true, encoding: .utf8)
        #expect(run("$env:PSModulePath = '\(folder);' + $env:PSModulePath; Get-Greeting; (Get-Module Greeting).Name")
            == "hello\nGreeting\n")
        #expect(run("$env:PSModulePath = '\(folder)'; try { Get-Nothing } catch { $_.FullyQualifiedErrorId }")
            == "CommandNotFoundException\n")
    }
}
