import ShellTestSupport
import Testing
@testable import ShellEngine

/// The .NET type library through the engine: names, members, overloads, conversions and the
/// .NET Framework 4.8 exceptions members raise, as Windows PowerShell 5.1 shows them.
@Suite struct TypeLibraryTests {
    /// The first line of the message of the error a script raises.
    static func first(_ script: String) -> String {
        let text = run("try { \(script) } catch { $_.ToString() }")
        return String(text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first ?? "")
    }

    @Test(arguments: [
        ("[int].FullName", "System.Int32"), ("[hashtable].FullName", "System.Collections.Hashtable"),
        ("[regex].FullName", "System.Text.RegularExpressions.Regex"), ("[DayOfWeek]::Monday", "Monday"),
        ("[System.Collections.Generic.List[string]].Name", "List`1"),
        ("[Collections.Generic.Dictionary[string,int]].FullName",
         "System.Collections.Generic.Dictionary`2[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089],[System.Int32, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]"),
        ("[System.Collections.Generic.List`1[int]].Name", "List`1"), ("[int[]].FullName", "System.Int32[]"),
        ("[Environment+SpecialFolder]::Desktop", "Desktop"), ("[int].BaseType.FullName", "System.ValueType"),
        ("[ArgumentNullException].BaseType.FullName", "System.ArgumentException"), ("[int].IsValueType", "True"),
        ("[ConsoleColor].IsEnum", "True"), ("[Exception].IsAssignableFrom([IO.FileNotFoundException])", "True"),
    ])
    func typeNames(_ script: String, _ expected: String) {
        #expect(run(script) == expected + "\n")
    }

    @Test func unknownTypeIsTypeNotFound() {
        #expect(Self.first("[Foo.Bar]") == "Unable to find type [Foo.Bar].")
        #expect(run("try { [NoSuchType]::new() } catch { $_.FullyQualifiedErrorId }") == "TypeNotFound\n")
    }

    @Test(arguments: [
        ("'abc'.Substring(1,5)", "Exception calling \"Substring\" with \"2\" argument(s): \"Index and length must refer to a location within the string."),
        ("'abc'.Substring(-1)", "Exception calling \"Substring\" with \"1\" argument(s): \"StartIndex cannot be less than zero."),
        ("'abc'.Substring(4)", "Exception calling \"Substring\" with \"1\" argument(s): \"startIndex cannot be larger than length of string."),
        ("'abc'.Remove(0,-5)", "Exception calling \"Remove\" with \"2\" argument(s): \"Count cannot be less than zero."),
        ("'abc'.Remove(3)", "Exception calling \"Remove\" with \"1\" argument(s): \"startIndex must be less than length of string."),
        ("'x'.PadLeft([int]::MaxValue)", "Exception calling \"PadLeft\" with \"1\" argument(s): \"Exception of type 'System.OutOfMemoryException' was thrown.\""),
        ("'x'.PadLeft(-1)", "Exception calling \"PadLeft\" with \"1\" argument(s): \"Non-negative number required."),
        ("[Math]::Abs([long]::MinValue)", "Exception calling \"Abs\" with \"1\" argument(s): \"Negating the minimum value of a twos complement number is invalid.\""),
        ("[Math]::Abs([int]::MinValue)", "Exception calling \"Abs\" with \"1\" argument(s): \"Negating the minimum value of a twos complement number is invalid.\""),
        ("[Convert]::ToString(5,1)", "Exception calling \"ToString\" with \"2\" argument(s): \"Invalid Base.\""),
        ("[Convert]::ToInt32('1',0)", "Exception calling \"ToInt32\" with \"2\" argument(s): \"Invalid Base.\""),
        ("[Convert]::ToInt32('zz',16)", "Exception calling \"ToInt32\" with \"2\" argument(s): \"Could not find any recognizable digits.\""),
        ("[Convert]::ToInt32('3000000000')", "Exception calling \"ToInt32\" with \"1\" argument(s): \"Value was either too large or too small for an Int32.\""),
        ("[int]::Parse('x')", "Exception calling \"Parse\" with \"1\" argument(s): \"Input string was not in a correct format.\""),
        ("[Convert]::FromBase64String('a')", "Exception calling \"FromBase64String\" with \"1\" argument(s): \"Invalid length for a Base-64 char array or string.\""),
        ("[Math]::Round(1.5, 16)", "Exception calling \"Round\" with \"2\" argument(s): \"Rounding digits must be between 0 and 15, inclusive."),
        ("[guid]::Parse('nope')", "Exception calling \"Parse\" with \"1\" argument(s): \"Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).\""),
        ("'abc'.Substring(1,2,3)", "Cannot find an overload for \"Substring\" and the argument count: \"3\"."),
        ("'abc'.NoSuchMethod()", "Method invocation failed because [System.String] does not contain a method named 'NoSuchMethod'."),
        ("'abc'.Length = 5", "'Length' is a ReadOnly property."),
        ("[guid]::new(1,2,3)", "Cannot find an overload for \"new\" and the argument count: \"3\"."),
        ("'abc'.Substring('x')", "Cannot convert argument \"startIndex\", with value: \"x\", for \"Substring\" to type \"System.Int32\": \"Cannot convert value \"x\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"\""),
        ("[System.Collections.Generic.Queue[int]]::new().Dequeue()", "Exception calling \"Dequeue\" with \"0\" argument(s): \"Queue empty.\""),
        ("[datetime]::MaxValue.AddDays(1)", "Exception calling \"AddDays\" with \"1\" argument(s): \"The added or subtracted value results in an un-representable DateTime."),
        ("[timespan]::MaxValue.Add([timespan]::MaxValue)", "Exception calling \"Add\" with \"1\" argument(s): \"TimeSpan overflowed because the duration is too long.\""),
        ("[Math]::DivRem(1, 0, [ref]$r)", "Exception calling \"DivRem\" with \"3\" argument(s): \"Attempted to divide by zero.\""),
        ("(1,2).Add(3)", "Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\""),
    ])
    func membersRaiseFrameworkExceptions(_ script: String, _ message: String) {
        #expect(Self.first(script) == message)
    }

    @Test func methodInvocationErrorRecord() {
        let text = run("try { 'abc'.Substring(1,5) } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason; $_.Exception.GetType().FullName; $_.Exception.InnerException.GetType().FullName; $_.Exception.InnerException.Message }")
        #expect(text == "ArgumentOutOfRangeException\nMethodInvocationException\nSystem.Management.Automation.MethodInvocationException\nSystem.ArgumentOutOfRangeException\nIndex and length must refer to a location within the string.\r\nParameter name: length\n")
    }

    /// No boundary value reaches a Swift trap: every call ends in a value or a .NET exception.
    @Test func boundaryValuesNeverTrap() {
        let values = ["[long]::MinValue", "[long]::MaxValue", "-1", "0", "0x8000000000000000", "[int]::MaxValue", "[int]::MinValue",
                      "$null", "''", "1e300", "[double]::NaN", "[uint64]::MaxValue"]
        let calls = ["'abc'.Substring(%)", "'abc'.Substring(1,%)", "'abc'.Remove(%)", "'abc'.Remove(0,%)", "'abc'.Insert(%,'x')",
                     "'abc'.PadLeft(%)", "'abc'.PadRight(%,'-')", "'abc'.IndexOf('b',%)", "'abc'.LastIndexOf('b',%)",
                     "'abc'.Split(',',%)", "'abc'.ToCharArray(%,1)", "[Math]::Abs(%)", "[Math]::Round(1.5,%)", "[Math]::Sign(%)",
                     "[Convert]::ToString(%,2)", "[Convert]::ToInt32('11',%)", "[Convert]::ToByte(%)", "[Convert]::ToInt64(%)",
                     "[datetime]::new(%)", "(Get-Date).AddDays(%)", "(Get-Date).AddMonths(%)", "(Get-Date).AddYears(%)",
                     "[timespan]::FromDays(%)", "[timespan]::new(%,0,0)", "[char]::ConvertFromUtf32(%)", "[string]::new('x',%)",
                     "[Text.Encoding]::UTF8.GetString([byte[]](1,2),%,1)", "[Array]::CreateInstance([int],%)",
                     "[System.Text.StringBuilder]::new().Append('x',%)", "[version]::new(1,%)", "[BitConverter]::ToInt32([byte[]](1,2,3,4),%)",
                     "[datetime]::DaysInMonth(2020,%)", "[Environment]::GetFolderPath(%)", "[Net.IPAddress]::new(%)",
                     "[System.Collections.ArrayList]::new().RemoveAt(%)", "[Math]::Max(%,1)", "[Math]::DivRem(%,-1,[ref]$r)"]
        for call in calls {
            let script = values.map { "try { " + call.replacing("%", with: $0) + " | Out-Null } catch { }" }.joined(separator: "; ") + "; 'done'"
            #expect(run(script).hasSuffix("done\n"), "\(call)")
        }
    }

    @Test func exceptionsAsTypes() {
        #expect(run("try { 1/$z } catch [DivideByZeroException] { 'dz' }") == "dz\n")
        #expect(run("try { 1/$z } catch [ArithmeticException] { 'arith' }") == "arith\n")
        #expect(run("try { 1/$z } catch [System.SystemException] { 'system' }") == "system\n")
        #expect(run("try { 1/$z } catch [IO.IOException] { 'io' } catch { 'other' }") == "other\n")
        #expect(run("try { throw [System.ArgumentException]::new('x') } catch [ArgumentException] { $_.Exception.GetType().FullName; $_.Exception.Message }")
                == "System.ArgumentException\nx\n")
        #expect(run("$e = [InvalidOperationException]::new('outer', [FormatException]::new('inner')); $e.InnerException.Message; $e -is [SystemException]")
                == "inner\nTrue\n")
        #expect(run("[ArgumentNullException]::new('p').Message") == "Value cannot be null.\r\nParameter name: p\n")
        #expect(run("[Exception]::new().Message") == "Exception of type 'System.Exception' was thrown.\n")
        #expect(run("(New-Object System.IO.FileNotFoundException 'gone').Message") == "gone\n")
        #expect(run("try { 'abc'.Substring(9) } catch [ArgumentOutOfRangeException] { 'inner matched' }") == "inner matched\n")
    }

    @Test func conversionsAndOperators() {
        #expect(run("[pscustomobject]@{} -is [psobject]") == "True\n")
        #expect(run("'x' -is [IComparable]; 1 -is [ValueType]; @() -is [Collections.IList]") == "True\nTrue\nTrue\n")
        #expect(run("[ConsoleColor]'red'; [ConsoleColor]3; [int][ConsoleColor]::White") == "Red\nDarkCyan\n15\n")
        #expect(run("[System.Management.Automation.CommandTypes]'Alias, Cmdlet'") == "Alias, Cmdlet\n")
        #expect(run("[int][System.Management.Automation.CommandTypes]'Alias, Cmdlet'") == "9\n")
        #expect(run("[System.Management.Automation.ActionPreference]::Stop -eq 'stop'") == "True\n")
        #expect(run("[datetime]'2020-01-01' -lt [datetime]'2020-01-02'; ([datetime]'2020-03-01').AddDays(-1).Day") == "True\n29\n")
        #expect(run("(([datetime]'2020-01-02') - [datetime]'2020-01-01').TotalHours") == "24\n")
        #expect(run("([datetime]'2020-01-01' + [timespan]'01:30:00').ToString('HH:mm')") == "01:30\n")
        #expect(run("[version]'1.10' -gt [version]'1.9'; [version]'1.2.3' -eq [version]'1.2.3'") == "True\nTrue\n")
        #expect(run("[Nullable[int]]'5'; $null -eq [Nullable[int]]$null") == "5\nTrue\n")
        #expect(Self.first("[ConsoleColor]'Purple'").hasPrefix("Cannot convert value \"Purple\" to type \"System.ConsoleColor\"."))
    }

    @Test func refArguments() {
        #expect(run("$n = 0; [int]::TryParse('42', [ref]$n); $n") == "True\n42\n")
        #expect(run("$n = 5; [int]::TryParse('x', [ref]$n); $n") == "False\n0\n")
        #expect(run("$r = 0; [Math]::DivRem(17, 5, [ref]$r); $r") == "3\n2\n")
        #expect(run("$a = 1,2,3; [Array]::Resize([ref]$a, 5); $a.Count") == "5\n")
        #expect(run("$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d.Add('a', 1); $v = 0; $d.TryGetValue('a', [ref]$v); $v")
                == "True\n1\n")
    }

    @Test func constructors() {
        #expect(run("$l = New-Object 'System.Collections.Generic.List[int]'; $l.Add('7'); $l[0].GetType().Name") == "Int32\n")
        #expect(run("(New-Object Version -ArgumentList 1,2,3).Build") == "3\n")
        #expect(run("(New-Object int[] 3).Count; [int[]]::new(2).Count") == "3\n2\n")
        #expect(Self.first("New-Object System.Version -ArgumentList 1,2,3,4,5")
                == "A constructor was not found. Cannot find an appropriate constructor for type System.Version.")
        #expect(Self.first("New-Object Version 'x'") == "Exception calling \".ctor\" with \"1\" argument(s): \"Version string portion was too short or too long.")
        #expect(run("$h = [hashtable]::new([StringComparer]::OrdinalIgnoreCase); $h['A'] = 1; $h['a']") == "1\n")
        #expect(run("[string]::new('-', 3); [string]::new([char[]]('a','b'))") == "---\nab\n")
    }

    @Test func catchPicksTheMostSpecificHandler() {
        #expect(run("try { throw [System.Management.Automation.ItemNotFoundException]::new() } catch [System.Management.Automation.RuntimeException] { 'rt' } catch [System.Management.Automation.ItemNotFoundException] { 'inf' }")
                == "inf\n")
        #expect(run("try { 1/$z } catch [Exception] { 'exc' } catch [DivideByZeroException] { 'dz' }") == "dz\n")
        #expect(run("try { [int]::Parse('x') } catch [FormatException] { 'fmt' } catch { 'all' }") == "fmt\n")
        #expect(run("trap [DivideByZeroException] { 'trapped'; continue }; 1/$z; 'after'") == "trapped\nafter\n")
    }

    @Test func usingNamespace() {
        #expect(run("using namespace System.Collections.Generic\n$l = [List[int]]::new(); $l.Add(1); $l.Count") == "1\n")
        #expect(TypeLibraryTests.first("[List[int]]") == "Unable to find type [List[int]].")
    }

    @Test func getMemberAndCompletionReadTheDeclarations() {
        let members = run("'x' | Get-Member -Name IndexOfAny, Length | ForEach-Object { $_.MemberType + '|' + $_.Definition }")
        #expect(members == "Method|int IndexOfAny(char[] anyOf), int IndexOfAny(char[] anyOf, int startIndex)\nProperty|int Length {get;}\n")
        #expect(run("([datetime]'2020-01-01' | Get-Member -Name AddDays).Definition") == "datetime AddDays(double value)\n")
        #expect(run("([Math] | Get-Member -Static -Name PI).Definition") == "static double PI {get;}\n")
        let (engine, _, _) = makeEngine()
        #expect(engine.complete("[Math]::Ro", cursor: 10).candidates == ["Round("])
        #expect(engine.complete("[ConsoleColor]::Dark", cursor: 20).candidates.first == "DarkBlue")
        #expect(engine.complete("[guid]::NewG", cursor: 12).candidates == ["NewGuid()"])
        engine.shutdown()
    }

    @Test func dnsKnowsTheHostsOwnNameLocalhostAndLiteralAddresses() {
        #expect(run("[System.Net.Dns]::GetHostName()") == "TESTHOST\n")
        #expect(run("[Net.Dns]::GetHostByName('').AddressList | % ToString") == "127.0.0.1\n")
        #expect(run("([Net.Dns]::GetHostEntry('localhost').AddressList | % ToString) -join ','") == "::1,127.0.0.1\n")
        #expect(run("[Net.Dns]::GetHostAddresses('10.1.2.3') | % ToString") == "10.1.2.3\n")
        let unknown = run("[Net.Dns]::GetHostEntry('nohost.invalid'); 'after'")
        #expect(unknown.hasPrefix(#"Exception calling "GetHostEntry" with "1" argument(s): "No such host is known""#))
        #expect(unknown.hasSuffix("after\n"))
    }
}
