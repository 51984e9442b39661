import ShellTestSupport
import Testing
@testable import ShellEngine

/// Errors and flow control as Windows PowerShell 5.1 runs them: no error vanishes, `trap`,
/// `try`/`catch`/`finally`, `throw` again, `exit`, and recursion that ends in CallDepthOverflow.
@Suite struct FlowControlTests {
    /// The output lines, errors reduced to their first line.
    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.hasPrefix("At line:") && !$0.hasPrefix("+ ") && !$0.hasPrefix("    + ") && $0 != " " && !$0.isEmpty }
    }

    @Test func aFormatErrorIsReportedAndTheNextStatementRuns() {
        let text = run("'{5}' -f 1; 'after'; $?")
        #expect(lines(text) == [
            "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the ",
            "argument list..", "after", "False",
        ])
        #expect(text.contains("    + CategoryInfo          : InvalidOperation: ({5}:String) [], RuntimeException\n"))
        #expect(text.contains("    + FullyQualifiedErrorId : FormatError\n"))
    }

    @Test func anErrorInASwitchConditionEndsOnlyThatStatement() {
        #expect(lines(run("switch (1/0) { default {1} }; 'x'")) == ["Attempted to divide by zero.", "x"])
    }

    @Test func anErrorInAForeachHeaderEndsOnlyThatStatement() {
        #expect(lines(run("foreach ($i in 1/0) { 'body' }; 'x'")) == ["Attempted to divide by zero.", "x"])
    }

    @Test func anErrorInAFinallyBlockIsReportedInItsPlace() {
        #expect(lines(run("try { 'a' } finally { 1/0; 'f' }; 'b'")) == ["a", "Attempted to divide by zero.", "f", "b"])
        #expect(lines(run("try { try { throw 'inner' } finally { 'f' } } catch { \"caught $_\" }")) == ["f", "caught inner"])
    }

    @Test func throwAloneInACatchBlockThrowsTheCaughtErrorAgain() {
        #expect(run("try { throw 'a' } catch { try { throw } catch { \"re: $_\" } }") == "re: a\n")
        #expect(run("try { try { 1/0 } catch { throw } } catch { $_.FullyQualifiedErrorId }") == "RuntimeException\n")
        // Only where it is written inside the catch block: a function it calls throws ScriptHalted.
        #expect(run("function f { throw }; try { try { throw 'a' } catch { f } } catch { \"$_\" }") == "ScriptHalted\n")
        #expect(run("try { try { throw 'a' } catch { 1 | ForEach-Object { throw } } } catch { \"$_\" }") == "a\n")
    }

    @Test func catchClausesMatchByExceptionType() {
        #expect(run("$z = 0; try { 1/$z } catch [DivideByZeroException] { 'dz' }") == "dz\n")
        #expect(run("$z = 0; try { 1/$z } catch [System.Management.Automation.RuntimeException] { 'rt' }") == "rt\n")
        #expect(run("try { throw 'x' } catch [System.IO.IOException] { 'io' } catch { 'any' }") == "any\n")
    }

    @Test func trapContinueBreakAndDefault() {
        #expect(run("trap { \"T: $_\"; continue }; 1/0; 'next'") == "T: Attempted to divide by zero.\nnext\n")
        // Without continue the error is reported, then the next statement runs.
        #expect(lines(run("trap { 'T' }; 1/0; 'next'")) == ["T", "Attempted to divide by zero.", "next"])
        // break: the error leaves the function; its caller goes on.
        #expect(lines(run("function g { trap { 'T'; break }; 1/0; 'in' }; g; 'after'"))
                == ["T", "Attempted to divide by zero.", "after"])
        #expect(run("$z = 0; trap [DivideByZeroException] { 'dz'; continue }; 1/$z; 'n'") == "dz\nn\n")
    }

    @Test func aTrapHandlesErrorsOfTheCodeItsScopeRuns() {
        // continue resumes after the statement of the trap's own scope.
        #expect(run("trap { 'T'; continue }; . { 'hello'; throw 'x'; 'world' }; 'after'") == "hello\nT\nafter\n")
        #expect(run("trap { 'T'; continue }; function f { 1/0; 'in f' }; f; 'after'") == "T\nafter\n")
        // An inner trap that breaks passes the error to the outer one.
        #expect(run("trap { 'outer'; continue }; . { trap { 'inner'; break }; 'hello'; throw 'x'; 'world' }")
                == "hello\ninner\nouter\n")
        // A trap for another type lets the error through.
        #expect(run("trap { 'outer'; continue }; . { trap [ArgumentException] { 'inner'; continue }; throw 'x'; 'w' }")
                == "outer\n")
    }

    @Test func errorActionStopMakesAnErrorTerminating() {
        #expect(run("try { Write-Error 'x' -ErrorAction Stop; 'not' } catch { \"caught $_\" }") == "caught x\n")
        #expect(run("$ErrorActionPreference = 'Stop'; try { Write-Error 'y'; 'not' } catch { \"caught $_\" }") == "caught y\n")
    }

    @Test func errorActionPreferenceDecidesWhatAStatementErrorDoes() {
        #expect(lines(run("$ErrorActionPreference = 'Stop'; 1/0; 'after'")) == ["Attempted to divide by zero."])
        #expect(run("$ErrorActionPreference = 'SilentlyContinue'; 1/0; 'after'; $?; $Error.Count") == "after\nFalse\n1\n")
        #expect(run("$ErrorActionPreference = 'SilentlyContinue'; nosuchcommand; 'after'") == "after\n")
        #expect(run("function f { $ErrorActionPreference = 'Stop'; 1/0; 'in f' }; try { f } catch { \"caught $_\" }")
                == "caught Attempted to divide by zero.\n")
    }

    @Test func anErrorInABeginBlockReachesTheCatch() {
        #expect(run("function f { begin { throw 'boom' } process { 'p' } }; try { 1 | f } catch { \"caught $_\" }")
                == "caught boom\n")
    }

    @Test func exitInAFunctionAtTheTopEndsTheInput() {
        #expect(run("function f { exit 4 }; 'a'; f; 'b'") == "a\n")
    }

    @Test func exitInANestedPromptLeavesOnlyTheNestedPrompt() {
        let function = "function t { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('x')) { 'did' } }"
        let text = run(function, "t -Confirm; 'after'", answers: ["S", "'nested'; if ($true) { exit 3 }", "Y"])
        #expect(text.contains("nested\n"))
        #expect(text.hasSuffix("did\nafter\n"))
    }

    @Test func runawayRecursionEndsInCallDepthOverflowAndTheShellGoesOn() {
        let text = run("function f { f }; f", "'next'")
        #expect(text.hasPrefix("The script failed due to call depth overflow.\n"))
        #expect(text.contains("    + FullyQualifiedErrorId : CallDepthOverflow\n"))
        #expect(text.hasSuffix("next\n"))
    }

    @Test func aPromptFunctionThatFailsShowsTheDefaultPrompt() {
        let (engine, host, _) = makeEngine()
        defer { engine.shutdown() }
        _ = engine.execute("function prompt { 'mine> ' }")
        #expect(engine.promptText() == "mine> ")
        _ = engine.execute("function prompt { throw 'broken' }")
        #expect(engine.promptText() == "PS>")
        _ = engine.execute("function prompt { }")
        #expect(engine.promptText() == "PS>")
        #expect(host.text.isEmpty)
    }

    @Test func dollarQuestionAfterFailedStatements() {
        #expect(run("switch (1/0) { default {1} }; $?").hasSuffix("False\n"))
        #expect(run("foreach ($i in 1/0) { }; $?").hasSuffix("False\n"))
        #expect(run("try { 'a' } finally { 1/0 }; $?").hasSuffix("False\n"))
        #expect(run("1/0; 'x'; $?").hasSuffix("x\nFalse\n"))
        #expect(run("1/0; Get-Date > $null; $?").hasSuffix("True\n"))
    }

    /// A cmdlet whose process block lets a .NET exception escape.
    private final class Failing: Cmdlet {
        func process(_ context: CommandContext, input: PSValue?) throws {
            throw DotNetException.invalidOperation("Collection was modified.")
        }
    }

    @Test func anExceptionLeavingACmdletIsAnErrorOfThatCommand() {
        let (engine, host, _) = makeEngine()
        defer { engine.shutdown() }
        let metadata = CommandMetadata(name: "Test-Failing", module: "Test",
                                       implementation: .compiled(className: "Test.TestFailingCommand"), parameters: [])
        engine.cmdlets.register([CmdletDefinition(metadata: metadata, make: { Failing() })])
        _ = engine.execute("Test-Failing; \"after $?\"; $Error[0].FullyQualifiedErrorId; $Error[0].Exception.GetType().FullName")
        #expect(host.text.hasPrefix("Test-Failing : Collection was modified.\n"))
        #expect(host.text.hasSuffix("after False\nSystem.InvalidOperationException,Test.TestFailingCommand\n"
                                    + "System.InvalidOperationException\n"))
    }

    @Test func anUntypedErrorBecomesAnErrorRecord() {
        let converted = EvalError(DotNetException.divideByZero)
        guard case .error(let failure) = converted else {
            Issue.record("not an error")
            return
        }
        #expect(failure.record.exception.typeName == "System.DivideByZeroException")
        #expect(failure.record.message == "Attempted to divide by zero.")
        guard case .exit(3) = EvalError(EvalError.exit(3)) else {
            Issue.record("flow control was converted")
            return
        }
    }
}
