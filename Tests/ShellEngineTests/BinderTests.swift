import ShellTestSupport
import Testing
@testable import ShellEngine

/// Parameter binding, common parameters and invocation information of functions and scripts,
/// with Windows PowerShell 5.1's rules and errors, through the engine with a recording host.
@Suite struct BinderTests {
    @Test func cmdletsTakeRemainingArgumentsAndUnwrapASingleCollection() {
        #expect(run("Write-Host a b c") == "a b c\n")
        #expect(run("Write-Host (1, 2) -Separator ','") == "1,2\n")
        #expect(run("(Write-Output 1 2 3).Count; (Write-Output (1, 2)).Count; Write-Output x") == "3\n2\nx\n")
        // A script's remaining-arguments parameter keeps the list as given.
        #expect(run("function f { param([Parameter(ValueFromRemainingArguments)]$r) $r.Count }; f (1, 2); f 1 2 3") == "1\n3\n")
    }

    @Test func outVariableCollectsOutputAndAppendsWithPlus() {
        let define = "function f { [CmdletBinding()] param() 'foo' }; function g { [CmdletBinding()] param() 'bar'; f -OutVariable script:inner }"
        #expect(run(define, "f -OutVariable a > $null; $a.Count; $a") == "1\nfoo\n")
        #expect(run(define, "$a = 'x','y'; f -OutVariable +a > $null; $a -join ','") == "x,y,foo\n")
        #expect(run(define, "g -OutVariable b > $null; $b -join ','; $inner") == "bar,foo\nfoo\n")
        #expect(run("Write-Output 1,2 -OutVariable o > $null; $o -join ','") == "1,2\n")
    }

    @Test func errorVariableFollowsTheOutputPipe() {
        let define = """
            function foo { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$i) Write-Error 'foo-error'; 'out' }
            function bar { [CmdletBinding()] param() Write-Error 'bar-error'; foo -ErrorVariable script:e1 | foo -ErrorVariable script:e2 }
            function caught { [CmdletBinding()] param() Write-Error 'first'; try { throw 'second' } catch {} }
            """
        #expect(run(define, "bar -ErrorVariable b 2>&1 > $null; \"$b|$e1|$e2\"") == "bar-error foo-error|foo-error|foo-error\n")
        #expect(run(define, "caught -ErrorVariable c 2> $null; $c.Count; \"$c\"") == "2\nfirst second\n")
        #expect(run(define, "$c = 'a'; caught -ErrorVariable +c 2> $null; $c.Count") == "3\n")
    }

    @Test func warningInformationAndPipelineVariables() {
        let define = "function w { [CmdletBinding()] param() Write-Warning 'careful'; Write-Information 'note' }"
        #expect(run(define, "w -WarningVariable wv -InformationVariable iv 3> $null; \"$wv|$iv\"; $wv[0].Message")
                .hasSuffix("careful|note\ncareful\n"))
        #expect(run("1..2 | ForEach-Object -PipelineVariable p { $_ * 3 } | ForEach-Object { \"$p/$_\" }") == "3/3\n6/6\n")
    }

    @Test func remainingArgumentsAndParameterSets() {
        // Not `r`: that name is Invoke-History's alias, and aliases come before functions.
        let rest = "function rr { param([Parameter(Position=1)] $a, [Parameter(ValueFromRemainingArguments=$true)] $rest) $rest -join ',' }"
        #expect(run(rest, "rr a b c d", "rr a b -a c -q d") == "b,c,d\na,b,-q,d\n")
        let sets = """
            function s { [CmdletBinding(DefaultParameterSetName='two')]
                param([Parameter(ParameterSetName='one', Position=1)] $a, [Parameter(ParameterSetName='two', Position=1)] $b,
                      [Parameter(ValueFromRemainingArguments=$true)] $rest)
                "a=$a b=$b rest=$rest set=$($PSCmdlet.ParameterSetName)" }
            """
        #expect(run(sets, "s x y z", "s -a x y") == "a= b=x rest=y z set=two\na=x b= rest=y set=one\n")
        let ambiguous = run(sets, "try { s -a 1 -b 2 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")
        #expect(ambiguous == "AmbiguousParameterSet,s\nParameter set cannot be resolved using the specified named parameters.\n")
    }

    @Test(arguments: [
        ("param([Parameter(Mandatory=$true)] $a)", "f -a $null", "ParameterArgumentValidationErrorNullNotAllowed,f",
         "Cannot bind argument to parameter 'a' because it is null."),
        ("param([Parameter(Mandatory=$true)][string] $a)", "f -a ''", "ParameterArgumentValidationErrorEmptyStringNotAllowed,f",
         "Cannot bind argument to parameter 'a' because it is an empty string."),
        ("param([Parameter(Mandatory=$true)][string[]] $a)", "f -a @()", "ParameterArgumentValidationErrorEmptyArrayNotAllowed,f",
         "Cannot bind argument to parameter 'a' because it is an empty array."),
        ("param([ValidateCount(1,2)] $a)", "f -a 1,2,3", "ParameterArgumentValidationError,f",
         "Cannot validate argument on parameter 'a'. The number of provided arguments, (3), exceeds the maximum number of allowed arguments (2). Provide fewer than 2 arguments, and then try the command again."),
        ("param([ValidateLength(2,3)] $a)", "f -a x", "ParameterArgumentValidationError,f",
         "Cannot validate argument on parameter 'a'. The character length (1) of the argument is too short. Specify an argument with a length that is greater than or equal to \"2\", and then try the command again."),
        ("param([ValidateScript({ $_ -gt 3 })] $a)", "f -a 2", "ParameterArgumentValidationError,f",
         "Cannot validate argument on parameter 'a'. The \" $_ -gt 3 \" validation script for the argument with value \"2\" did not return a result of True. Determine why the validation script failed, and then try the command again."),
    ])
    func argumentValidation(_ parameters: String, _ call: String, _ errorId: String, _ message: String) {
        let output = run("function f { \(parameters) 'bound' }", "try { \(call) } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")
        #expect(output == errorId + "\n" + message + "\n")
    }

    @Test func allowAttributesLetMandatoryParametersTakeEmptyValues() {
        #expect(run("function f { param([Parameter(Mandatory=$true)][AllowNull()] $a) $null -eq $a }; f -a $null") == "True\n")
        #expect(run("function f { param([Parameter(Mandatory=$true)][AllowEmptyString()][string] $a) $a.Length }; f -a ''") == "0\n")
        #expect(run("function f { param([Parameter(Mandatory=$true)][AllowEmptyCollection()][string[]] $a) $a.Count }; f -a @()") == "0\n")
    }

    @Test func pipelineBinding() {
        // Without a process block the end block sees the last object.
        #expect(run("function f { param([Parameter(Mandatory=$true, ValueFromPipeline=$true)] $a) $a }; 1,42 | f") == "42\n")
        // A parameter the object cannot convert to is passed over; another takes the object's property.
        #expect(run("function f { param([Parameter(ValueFromPipeline=$true)][int] $n = 1, [Parameter(ValueFromPipelineByPropertyName=$true)][int] $Length = 0) process { $Length } }; 'abc' | f") == "3\n")
        #expect(run("function f { [CmdletBinding()] param([Parameter(ValueFromPipeline)] $v, $w) process { ($PSBoundParameters.Keys | Sort-Object) -join ',' } }; 1 | f -w 2") == "v,w\n")
        #expect(run("function f { param([bool[]] $b) $b -join ',' }; f 'a','b'") == "True,True\n")
    }

    @Test func voidAndNull() {
        #expect(run("[void]5; 'after'") == "after\n")
        #expect(run("function f { [CmdletBinding()] param() $PSCmdlet.WriteObject('foo') }; (f | Measure-Object).Count") == "1\n")
        #expect(run("$null.Count; $n = $null; $n.Length") == "0\n0\n")
    }

    @Test func myInvocationInFunctionsAndScriptBlocks() {
        #expect(run("function myfunc { $MyInvocation.MyCommand.Name; $MyInvocation.MyCommand.CommandType; $MyInvocation.InvocationName }", "myfunc")
                == "myfunc\nFunction\nmyfunc\n")
        #expect(run("function myfunc { $MyInvocation.Line }", "  myfunc # call") == "  myfunc # call\n")
        #expect(run("filter ff { $MyInvocation.MyCommand.CommandType }; 1 | ff") == "Filter\n")
        #expect(run("function f { $MyInvocation.PipelinePosition; $MyInvocation.PipelineLength }; f | Write-Output") == "1\n2\n")
        #expect(run("$a = & { $MyInvocation.Line }; $a") == "$a = & { $MyInvocation.Line }; $a\n")
    }
}

@Suite struct BinderSessionTests {
    @Test func variableCmdletsWithScopesAndOptions() {
        #expect(run("function o { $v = 'outer'; i }; function i { (Get-Variable v -Scope 1).Value; Set-Variable w 5 -Scope 1 }; o") == "outer\n")
        #expect(run("New-Variable c 1 -Option ReadOnly -Description d; (Get-Variable c).Options; (Get-Variable c).Description; Remove-Variable c -Force; Test-Path variable:c")
                .hasPrefix("ReadOnly\nd\n"))
        #expect(run("New-Variable pr 7 -Option Private; function sh { \"[$pr]\" }; sh; (Get-Variable true).Options") == "[]\nConstant, AllScope\n")
        #expect(run("try { Get-Variable x -Scope 9 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
                == "ArgumentOutOfRange,Microsoft.PowerShell.Commands.GetVariableCommand\n")
    }

    @Test func defaultParameterValues() {
        #expect(run("function f { param($Name) \"name=$Name\" }", "$PSDefaultParameterValues['f:Name'] = 'dflt'", "f; f -Name x")
                == "name=dflt\nname=x\n")
        #expect(run("function f { param($Name) \"name=$Name\" }", "$PSDefaultParameterValues = @{ 'f:Name' = 'd'; Disabled = $true }", "f")
                == "name=\n")
    }
}
