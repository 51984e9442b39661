import ShellTestSupport
import Testing
@testable import ShellEngine

/// One test per Windows PowerShell 5.1 message the engine raises, through the real code path.
@Suite struct MessageTests {
    /// The error record of the first error a line raises.
    func firstError(_ line: String, interactive: Bool = true, answers: [String] = []) -> ErrorRecord? {
        let (engine, _, _) = makeEngine(RecordingHost(answers: answers, interactive: interactive))
        defer { engine.shutdown() }
        _ = engine.execute(line)
        guard case .object(let record as ErrorRecord)? = engine.errorList.items.last else { return nil }
        return record
    }

    @Test func namedParameterNotFound() {
        let r = firstError("Set-SmbClientConfiguration -Foo 1")
        #expect(r?.message == "A parameter cannot be found that matches parameter name 'Foo'.")
        #expect(r?.fullyQualifiedErrorId == "NamedParameterNotFound,Set-SmbClientConfiguration")
        #expect(r?.categoryInfo.message == "InvalidArgument: (:) [Set-SmbClientConfiguration], ParameterBindingException")
    }

    @Test func namedParameterNotFoundOnCompiledCmdlet() {
        let r = firstError("Write-Output -Bogus 1")
        #expect(r?.fullyQualifiedErrorId == "NamedParameterNotFound,Microsoft.PowerShell.Commands.WriteOutputCommand")
    }

    @Test func ambiguousParameter() {
        let r = firstError("Set-SmbClientConfiguration -EnableM $true")
        #expect(r?.message == "Parameter cannot be processed because the parameter name 'EnableM' is ambiguous. Possible matches include: -EnableMailslots -EnableMultiChannel.")
    }

    @Test func missingArgument() {
        let r = firstError("Set-SmbClientConfiguration -KeepConn")
        #expect(r?.message == "Missing an argument for parameter 'KeepConn'. Specify a parameter of type 'System.UInt32' and try again.")
        #expect(r?.fullyQualifiedErrorId == "MissingArgument,Set-SmbClientConfiguration")
    }

    @Test func positionalParameterNotFound() {
        let r = firstError("Set-SmbClientConfiguration 5")
        #expect(r?.message == "A positional parameter cannot be found that accepts argument '5'.")
        #expect(r?.invocationInfo?.extent == r?.invocationInfo?.source.map { SourceExtentProbe.whole($0) })
    }

    @Test func parameterAlreadyBound() {
        let r = firstError("Set-SmbClientConfiguration -KeepConn 1 -KeepConn 2 -Force")
        #expect(r?.message == "Cannot bind parameter because parameter 'KeepConn' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".")
        #expect(r?.fullyQualifiedErrorId == "ParameterAlreadyBound,Set-SmbClientConfiguration")
    }

    @Test func transformationErrorForBoolean() {
        let r = firstError("Set-SmbClientConfiguration -EnableMailslots 'yes'")
        #expect(r?.message == "Cannot process argument transformation on parameter 'EnableMailslots'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.")
        #expect(r?.categoryInfo.category == .InvalidData)
        #expect(r?.categoryInfo.reason == "ParameterBindingArgumentTransformationException")
    }

    @Test func transformationErrorForUInt32() {
        #expect(firstError("Set-SmbClientConfiguration -KeepConn abc")?.message
                == "Cannot process argument transformation on parameter 'KeepConn'. Cannot convert value \"abc\" to type \"System.UInt32\". Error: \"Input string was not in a correct format.\"")
        #expect(firstError("Set-SmbClientConfiguration -KeepConn -5")?.message
                == "Cannot process argument transformation on parameter 'KeepConn'. Cannot convert value \"-5\" to type \"System.UInt32\". Error: \"Value was either too large or too small for a UInt32.\"")
    }

    @Test func cannotConvertArgumentNoMessage() {
        let r = firstError("Start-Sleep -Milliseconds abc")
        #expect(r?.message == "Cannot bind parameter 'Milliseconds'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"")
        #expect(r?.fullyQualifiedErrorId == "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.StartSleepCommand")
    }

    @Test func validationSetAndRange() {
        let set = firstError("function f { param([ValidateSet('a','b')]$x) }; f c")
        #expect(set?.message == "Cannot validate argument on parameter 'x'. The argument \"c\" does not belong to the set \"a,b\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.")
        let range = firstError("function f { param([ValidateRange(1,5)][int]$x) }; f 9")
        #expect(range?.message == "Cannot validate argument on parameter 'x'. The 9 argument is greater than the maximum allowed range of 5. Supply an argument that is less than or equal to 5 and then try the command again.")
        #expect(range?.fullyQualifiedErrorId == "ParameterArgumentValidationError,f")
    }

    @Test func missingMandatoryParameterWhenNonInteractive() {
        let r = firstError("function f { param([Parameter(Mandatory)]$Path) }; f", interactive: false)
        #expect(r?.message == "Cannot process command because of one or more missing mandatory parameters: Path.")
    }

    @Test func mandatoryParameterIsPrompted() {
        let text = run("function f { param([Parameter(Mandatory)]$Path) \"got $Path\" }; f", answers: ["C:\\x"])
        #expect(text == "\ncmdlet f at command pipeline position 1\nSupply values for the following parameters:\nPath: C:\\x\ngot C:\\x\n")
    }

    @Test func commandNotFound() {
        let r = firstError("Get-Nothing")
        #expect(r?.message == "The term 'Get-Nothing' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
        #expect(r?.categoryInfo.message == "ObjectNotFound: (Get-Nothing:String) [], CommandNotFoundException")
    }

    @Test func variableIsUndefinedInStrictMode() {
        let r = firstError("Set-StrictMode -Version Latest; $nothing")
        #expect(r?.message == "The variable '$nothing' cannot be retrieved because it has not been set.")
        #expect(r?.fullyQualifiedErrorId == "VariableIsUndefined")
    }

    @Test func nonInteractivePrompt() {
        let r = firstError("Set-SmbClientConfiguration -EnableMailslots $true", interactive: false)
        #expect(r?.message == "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.")
        #expect(r?.fullyQualifiedErrorId == "InvalidOperation,Set-SmbClientConfiguration")
    }

    @Test func whatIfAndConfirmTexts() {
        #expect(run("Set-SmbClientConfiguration -EnableMailslots $true -WhatIf")
                == "What if: Performing operation 'Modify' on Target 'SMB Client Configuration'.\n")
        let prompt = run("Set-SmbServerConfiguration -EnableMailslots $true", answers: ["?", "x", "N"])
        #expect(prompt == """

        Confirm
        Are you sure you want to perform this action?
        Performing operation 'Modify' on Target 'SMB Server Configuration'.
        [Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ?
        Y - Continue with only the next step of the operation.
        A - Continue with all the steps of the operation.
        N - Skip this operation and proceed with the next operation.
        L - Skip this operation and all subsequent operations.
        S - Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.
        [Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): x
        [Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): N

        """)
    }

    @Test func choiceLineWrapsAt80Columns() {
        let (engine, host, _) = makeEngine(RecordingHost(answers: ["Y"], width: 80))
        defer { engine.shutdown() }
        _ = engine.execute("Set-SmbClientConfiguration -KeepConn 5")
        #expect(host.text.hasSuffix("[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help \n(default is \"Y\"):Y\n"))
    }

    @Test func shouldProcessOfAdvancedFunctions() {
        let text = run("function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet -eq $null) {}; }; 'ok'")
        #expect(text == "ok\n")
    }

    @Test func typeNotFoundAndMethodNotFound() {
        #expect(firstError("[Nope.Type]::X")?.message == "Unable to find type [Nope.Type].")
        #expect(firstError("'a'.Frobnicate()")?.message == "Method invocation failed because [System.String] does not contain a method named 'Frobnicate'.")
        #expect(firstError("$null.Foo()")?.message == "You cannot call a method on a null-valued expression.")
    }

    @Test func remoteMailslotDeprecated() {
        let r = firstError("Send-MailslotMessage -Path '\\\\LABSRV\\mailslot\\lab' -Message 'x'")
        #expect(r?.message == "The requested operation failed. Remote mailslots have been deprecated.")
        #expect(r?.categoryInfo.message == "NotEnabled: (\\\\LABSRV\\mailslot\\lab:String) [Send-MailslotMessage], Win32Exception")
        #expect(r?.fullyQualifiedErrorId == "RemoteMailslotsDeprecated,Send-MailslotMessage")
    }

    @Test func receiveTimeout() {
        let r = firstError("New-Mailslot -Name t | Out-Null; Receive-MailslotMessage -Name t -Timeout 10")
        #expect(r?.message == "The semaphore timeout period has expired.")
        #expect(r?.categoryInfo.category == .OperationTimeout)
    }
}

/// The extent of a whole one-line command, for comparing positions.
enum SourceExtentProbe {
    static func whole(_ source: CmdletParser.ScriptSource) -> CmdletParser.SourceExtent {
        CmdletParser.SourceExtent(0, source.utf8.count)
    }
}

import CmdletParser
