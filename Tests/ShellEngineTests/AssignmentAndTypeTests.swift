import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Read-only variables, constraints on automatic variables, enum bitwise results and the parser
/// API's exceptions, as Windows PowerShell 5.1 has them.
@Suite struct AssignmentAndTypeTests {
    @Test(arguments: ["$PID = 1", "$HOME = 1", "$? = 1", "[datetime]$PID = 1", "[datetime]$? = 1"])
    func constantVariablesRefuseAssignmentInEveryScope(_ assignment: String) {
        #expect(run("try { & { \(assignment) } } catch { $_.FullyQualifiedErrorId }") == "VariableNotWritable\n")
        #expect(run("try { . { \(assignment) } } catch { $_.FullyQualifiedErrorId }") == "VariableNotWritable\n")
    }

    @Test func allScopeVariableIsNotShadowedByAChildScope() {
        #expect(run("try { & { $PID = 1 } } catch {}; $PID -ne 1") == "True\n")
        #expect(run("$ErrorActionPreference = 'SilentlyContinue'; & { $HOME = 1; $HOME -ne 1 }") == "True\n")
    }

    @Test func automaticVariableTakesOnlyItsOwnTypeConstraint() {
        #expect(run("try { [scriptblock]::Create('[datetime]$_ = 1') } catch { $_.Exception.InnerException.Message }")
                == "Cannot assign automatic variable '_' with type 'System.Object'\n")
        #expect(run("& { [object]$_ = 1; $_ }") == "1\n")
        #expect(run("& { [string]$PSScriptRoot = 'abc'; $PSScriptRoot }") == "abc\n")
        #expect(run("& { [System.Management.Automation.InvocationInfo]$MyInvocation = $MyInvocation; 'ok' }") == "ok\n")
    }

    @Test func parseExceptionRecordCarriesTheFirstErrorId() {
        #expect(run("try { [powershell]::Create().AddScript('1 +').Invoke() } catch { $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }")
                == "ExpectedValueExpression\n")
    }

    @Test func scriptBlockOfAFailedParseIsRefused() {
        #expect(run("$a = [System.Management.Automation.Language.Parser]::ParseInput('function ', [ref]$null, [ref]$null); try { $a.GetScriptBlock() } catch { $_.FullyQualifiedErrorId }")
                == "PSInvalidOperationException\n")
        #expect(run("([System.Management.Automation.Language.Parser]::ParseInput('1+1', [ref]$null, [ref]$null)).GetScriptBlock().Invoke()")
                == "2\n")
    }

    @Test func cmdletListsItsCommonParameters() {
        #expect(run("[System.Management.Automation.Cmdlet]::CommonParameters | Select-String Action | ForEach-Object { \"$_\" }")
                == "ErrorAction\nWarningAction\nInformationAction\n")
        #expect(run("[System.Management.Automation.Cmdlet]::OptionalCommonParameters -join ','") == "WhatIf,Confirm,UseTransaction\n")
    }

    @Test func bitwiseOperatorsKeepTheLeftEnumType() {
        #expect(run("([System.Management.Automation.CommandTypes]::Alias -bor [System.Management.Automation.CommandTypes]::Application).ToString()")
                == "Alias, Application\n")
        #expect(run("([System.Management.Automation.CommandTypes]::Alias -band 1).GetType().Name") == "CommandTypes\n")
        #expect(run("(5 -bor 2).GetType().Name") == "Int32\n")
    }

    @Test func scriptFileUsingNamespaceResolvesTypes() throws {
        let (engine, host, folder) = makeEngine()
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        let path = NSTemporaryDirectory() + "using-namespace-" + UUID().uuidString + ".ps1"
        try "using namespace system.collections.generic\n$x = [list[int]]::new(); $x.Add(4); $x.Count\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = engine.executeFile(path: path, arguments: [])
        #expect(host.text == "1\n")
    }
}
