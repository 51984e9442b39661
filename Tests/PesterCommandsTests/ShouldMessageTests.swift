import Foundation
import PesterCommands
import ShellEngine
import ShellTestSupport
import Testing

/// Should's failure messages in Pester 3.4.0's words, as `It` reports them.
@Suite struct ShouldMessageTests {
    /// Runs a script with the Pester module loaded and returns what the error stream got
    /// (`$_.Exception.Message` of the failed assertion).
    private func failure(_ assertion: String) -> String {
        let host = RecordingHost()
        let folder = NSTemporaryDirectory() + "smbconfig-pester-test-" + UUID().uuidString
        let environment = ["SMBCONFIG_HOME": folder, "COMPUTERNAME": "TESTHOST", "HOME": NSTemporaryDirectory()]
        let engine = Engine(host: host, configuration: EngineConfiguration(environment: environment, interactive: false),
                            modules: shellModules + [PesterModule.self])
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        _ = engine.execute("try { \(assertion) } catch { $_.Exception.Message }")
        return host.text
    }

    @Test func negatedMatchAndLikeHaveNoBraces() {
        #expect(failure("'abc' | Should Not Match 'b'") == "Expected: abc to not match the expression b\n")
        #expect(failure("'abc' | Should Not BeLike 'a*'") == "Expected: abc to not be exactly like the wildcard a*\n")
        #expect(failure("'abc' | Should BeLike 'x*'") == "Expected: {abc} to be exactly like the wildcard {x*}\n")
    }

    @Test func typeMessagesNameTheResolvedType() {
        // A type in a string is its short name, as 3.4's "[$Type]" shows it.
        #expect(failure("'abc' | Should BeOfType [int]") == "Expected: abc to be of type [int]\n")
        #expect(failure("1 | Should Not BeOfType System.Int32")
            == "Expected: {1} to be of any type except [int], but it's a [int]\n")
    }

    @Test func operatorsWithoutArrayInputTestEachPipedObject() {
        #expect(failure("'a', 'b' | Should -BeOfType string; 'held'") == "held\n")
        #expect(failure("'a', 1 | Should -BeOfType string") == "Expected: 1 to be of type [string]\n")
        #expect(failure("'ab', 'cb' | Should -Match 'b'; 'held'") == "held\n")
        // Be and HaveCount take the piped objects as one collection.
        #expect(failure("1, 2 | Should -Be @(1, 2); 1, 2 | Should -HaveCount 2; 'held'") == "held\n")
        #expect(failure("1, 2 | Should -BeGreaterThan 1") == "Expected {1} to be greater than {1}\n")
    }

    @Test func existAndThrowMessages() {
        #expect(failure("'C:\\Windows' | Should Not Exist") == "Expected: C:\\Windows to not exist, but it was found\n")
        let notThrow = failure("{ throw 'boom' } | Should Not Throw")
        #expect(notThrow.hasPrefix("Expected: the expression not to throw an exception. Message was {boom}\n    from line:1 char:"))
        // 3.4 matches the expected message case-sensitively.
        let wrongCase = failure("{ throw 'Boom' } | Should Throw 'boom'")
        #expect(wrongCase.hasPrefix(
            "Expected: the expression to throw an exception with message {boom}, an exception was raised, message was {Boom}\n    from "))
    }
}
