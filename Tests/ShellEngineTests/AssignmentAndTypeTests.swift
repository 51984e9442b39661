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

/// `[int]$x = …` and typed parameters constrain their variable, as in Windows PowerShell 5.1.
@Suite struct TypedVariableTests {
    @Test func laterAssignmentsConvertToTheConstraint() {
        #expect(run("[int]$a = 1; $a = '7'; $a.GetType().Name") == "Int32\n")
        #expect(run("[int]$a = 1; [string]$a = 5; $a = 6; $a.GetType().Name") == "String\n")
        #expect(run("[ref]$r = 1; $r = 2; $r.GetType().Name") == "Int32\n")
        #expect(run("[int]$a = 1; try { $a = 'abc' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason }; $a")
                == "RuntimeException\nArgumentTransformationMetadataException\n1\n")
    }

    @Test func typedParametersConvertTheirDefaultsAndLaterValues() {
        #expect(run("function f { param([System.IO.FileAttributes]$m = 'Hidden,ReadOnly') $m.GetType().Name; \"$m\" }; f")
                == "FileAttributes\nReadOnly, Hidden\n")
        #expect(run("function f { param([int]$x) $x = '7'; $x.GetType().Name }; f 1") == "Int32\n")
    }

    @Test func unboundTypedParametersHoldTheirTypesEmptyValue() {
        #expect(run("function f { param([int]$x, [string]$s, [bool]$b, [switch]$w, $o) \"[$x][$s][$b][$w]\"; $null -eq $s; $null -eq $o }; f")
                == "[0][][False][False]\nFalse\nTrue\n")
    }
}

@Suite struct SwitchBindingTests {
    /// A function's [switch] converts $null (ArgumentTypeConverterAttribute) to a switch that is not present.
    @Test func nullGivenToAFunctionsSwitchIsNotPresent() {
        #expect(run("function f { param([switch]$s) $s.IsPresent }; f -s:$null") == "False\n")
        #expect(run("function f { param([switch]$s) $s.IsPresent }; f -s:$false") == "False\n")
        #expect(run("function f { [CmdletBinding()] param([switch]$s) $s.IsPresent }; f -s:$undefinedVariable") == "False\n")
    }
}

@Suite struct NullArgumentTests {
    @Test func nullBindsToHashtableAndScriptBlockParameters() {
        #expect(run("function f { param([hashtable]$h, [scriptblock]$s) $null -eq $h; $null -eq $s }; f -h $null -s $null") == "True\nTrue\n")
        #expect(run("(New-Object psobject -Property $null).GetType().Name") == "PSCustomObject\n")
    }
}

@Suite struct TypeNameTests {
    @Test func psTypeNameEntryNamesTheCustomObjectsType() {
        #expect(run("$o = [pscustomobject]@{PSTypeName = 'Mytype'; a = 1}; $o.PSTypeNames[0]; $o.psobject.Properties.Name") == "Mytype\na\n")
        #expect(run("([pscustomobject]@{pstypename = 'System.Object'}).PSTypeNames.Count") == "3\n")
    }

    @Test func everyValueHasPSTypeNames() {
        #expect(run("(1).PSTypeNames -join ','") == "System.Int32,System.ValueType,System.Object\n")
        #expect(run("@{PSTypeNames = 'key'}.PSTypeNames") == "key\n")
    }
}

@Suite struct ConversionFollowupTests {
    @Test func enumIsTrueWhenNotZero() {
        #expect(run("[bool]@([ConsoleColor]::Black); [bool][ConsoleColor]::Yellow; if ([System.IO.FileAttributes]0) { 'yes' } else { 'no' }")
                == "False\nTrue\nno\n")
    }

    @Test func valuesConvertToAGenericCollection() {
        #expect(run("$c = [System.Collections.ObjectModel.Collection[int]]@('4', '5'); $c.GetType().Name; $c[1].GetType().Name; $c.Count")
                == "Collection`1\nInt32\n2\n")
        #expect(run("([System.Collections.ObjectModel.Collection[int]]'4')[0] + 1") == "5\n")
    }
}

@Suite struct DelegateTests {
    @Test func scriptBlockConvertsToActionAndFunc() {
        #expect(run("([System.Action]{ $script:n = $args.Length }).Invoke(); $n") == "0\n")
        #expect(run("([System.Func[string]]{ 'hello' }).Invoke()") == "hello\n")
        #expect(run("([System.Func[int,int]]{ param($x) $x * 2 }).Invoke('21')") == "42\n")
        #expect(run("([Func[int]]{ '5' }).Invoke().GetType().Name") == "Int32\n")
        #expect(run("([Action[int]]{ param($x) $script:y = $x }).DynamicInvoke(3); $y") == "3\n")
    }
}

@Suite struct EnumPrefixTests {
    @Test func aUniquePrefixNamesTheMember() {
        #expect(run("[ConsoleColor]'yell'") == "Yellow\n")
        #expect(run("[System.IO.FileAttributes]'Dir'") == "Directory\n")
        #expect(run("Get-Process -Name nosuchprocessname -ErrorAction Ig; 'after'") == "after\n")
    }

    @Test func anAmbiguousPrefixIsAnError() {
        #expect(run("try { [ConsoleColor]'Dark' } catch { $_.Exception.Message }")
                .contains("The identifier name Dark cannot be processed because it is either too similar or identical to the following enumerator names: DarkBlue, DarkGreen"))
    }
}
