import ShellTestSupport
import Testing
@testable import ShellEngine

/// Members of the library's types, with the values .NET Framework 4.8 returns.
@Suite struct TypeLibraryMemberTests {
    @Test(arguments: [
        ("'Hello'.Substring(1,3)", "ell"), ("'Hello'.Remove(1,2)", "Hlo"), ("'Hello'.Insert(5,'!')", "Hello!"),
        ("'a.b.c'.Replace('.', '-')", "a-b-c"), ("'a,b;c'.Split(',;').Count", "3"), ("'a,b,c'.Split(',', 2)[1]", "b,c"),
        ("'a::b'.Split([string[]]'::', [StringSplitOptions]::None)[1]", "b"), ("'  x '.Trim()", "x"), ("'xxaxx'.Trim('x')", "a"),
        ("'xxa'.TrimStart('x')", "a"), ("'7'.PadLeft(3,'0')", "007"), ("'Hello'.IndexOf('l')", "2"),
        ("'Hello'.IndexOf('L', [StringComparison]::OrdinalIgnoreCase)", "2"), ("'Hello'.LastIndexOf('l')", "3"),
        ("'Hello'.IndexOfAny([char[]]'ol')", "2"), ("'Hello'.StartsWith('he')", "False"),
        ("'Hello'.StartsWith('he', [StringComparison]::OrdinalIgnoreCase)", "True"), ("'Hello'.EndsWith('lo')", "True"),
        ("'Hello'.Contains('ell')", "True"), ("'Hello'.ToUpperInvariant()", "HELLO"), ("'a\r\nb'.Length", "4"),
        ("[string]::IsNullOrWhiteSpace(\"`t \")", "True"), ("[string]::IsNullOrEmpty($null)", "True"),
        ("[string]::Format('{0:N2}|{1,4}', 1234.5, 'x')", "1,234.50|   x"), ("[string]::Concat('a', 1, $true)", "a1True"),
        ("[string]::Compare('a', 'B')", "-1"), ("[string]::Compare('a', 'A', $true)", "0"), ("[string]::Empty.Length", "0"),
        ("'abc'.Equals('ABC', [StringComparison]::OrdinalIgnoreCase)", "True"), ("'abc'.ToCharArray().Count", "3"),
        ("\"a`r`nb\".ToCharArray().Count", "4"), ("([char[]][Environment]::NewLine).Count", "2"),
        ("\"a`r`nb`r`n`r`nc\".Split([Environment]::NewLine, [StringSplitOptions]::RemoveEmptyEntries).Count", "3"),
        ("[char]::IsDigit('5')", "True"), ("[char]::IsLetter('5')", "False"), ("[char]::ToUpper('q')", "Q"),
        ("[int]::MaxValue", "2147483647"), ("[long]::MinValue", "-9223372036854775808"), ("[byte]::MaxValue", "255"),
        ("(255).ToString('X4')", "00FF"), ("(5).CompareTo(7)", "-1"), ("[double]::Parse('1,234.5')", "1234.5"),
        ("[Math]::Round(2.5)", "2"), ("[Math]::Round(3.5)", "4"), ("[Math]::Round(2.345, 2)", "2.35"),
        ("[Math]::Round(2.5, [MidpointRounding]::AwayFromZero)", "3"), ("[Math]::Round([decimal]2.345, 2)", "2.34"),
        ("[Math]::Floor(-1.5)", "-2"), ("[Math]::Ceiling(1.2)", "2"), ("[Math]::Truncate(-1.7)", "-1"), ("[Math]::Pow(2, 10)", "1024"),
        ("[Math]::Sqrt(16)", "4"), ("[Math]::Max(3, 7)", "7"), ("[Math]::Min(3L, 7L).GetType().Name", "Int64"),
        ("[Math]::Sign(-3.2)", "-1"), ("[Math]::BigMul([int]::MaxValue, 2)", "4294967294"), ("[Math]::Log(8, 2)", "3"),
        ("[Convert]::ToString(255, 2)", "11111111"), ("[Convert]::ToString(-1, 16)", "ffffffff"),
        ("[Convert]::ToInt32('FFFFFFFF', 16)", "-1"), ("[Convert]::ToInt32('0x1F', 16)", "31"), ("[Convert]::ToByte('11', 2)", "3"),
        ("[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('hello'))", "aGVsbG8="),
        ("[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('aGVsbG8='))", "hello"),
        ("[Convert]::ToInt32(2.5)", "2"), ("[Convert]::ToInt32(3.5)", "4"), ("[Convert]::ToBoolean('TRUE')", "True"),
        ("[Convert]::ChangeType('5', [int]).GetType().Name", "Int32"),
        ("[Text.Encoding]::Unicode.GetBytes('A').Count", "2"), ("[Text.Encoding]::UTF8.WebName", "utf-8"),
        ("[Text.Encoding]::GetEncoding(1252).EncodingName", "Western European (Windows)"),
        ("[Text.Encoding]::UTF8.GetPreamble().Count", "3"), ("[Text.Encoding]::ASCII.GetString([byte[]](72,105))", "Hi"),
        ("[BitConverter]::ToString([byte[]](1,171))", "01-AB"), ("[BitConverter]::GetBytes(1).Count", "4"),
    ])
    func valueMembers(_ script: String, _ expected: String) {
        #expect(run(script) == expected + "\n")
    }

    @Test(arguments: [
        ("([datetime]'2020-02-28 13:05:09').ToString('yyyy-MM-dd HH:mm:ss')", "2020-02-28 13:05:09"),
        ("([datetime]'2020-02-28 13:05:09').ToString('dddd, MMMM d, yyyy h:mm tt')", "Friday, February 28, 2020 1:05 PM"),
        ("([datetime]'2020-02-28').AddDays(1).Day", "29"), ("([datetime]'2021-01-31').AddMonths(1).ToString('MM-dd')", "02-28"),
        ("([datetime]'2020-12-31').DayOfYear", "366"), ("([datetime]'2020-01-01').DayOfWeek", "Wednesday"),
        ("[datetime]::DaysInMonth(2019, 2)", "28"), ("[datetime]::IsLeapYear(1900)", "False"),
        ("[datetime]::ParseExact('31/12/2020', 'dd/MM/yyyy', $null).Month", "12"),
        ("([datetime]'2020-01-01').ToString('s')", "2020-01-01T00:00:00"), ("([datetime]'2020-01-01').Ticks", "637134336000000000"),
        ("[datetime]::FromFileTimeUtc(0).Year", "1601"), ("([datetime]'2020-01-01 10:00').Date.Hour", "0"),
        ("\"$([datetime]'2020-01-02 03:04:05')\"", "01/02/2020 03:04:05"), ("([datetime]'2020-01-02').ToString()", "1/2/2020 12:00:00 AM"),
        ("[datetime]::SpecifyKind([datetime]'2020-01-01', 'Utc').Kind", "Utc"),
        ("[timespan]::FromHours(25).ToString()", "1.01:00:00"), ("([timespan]'1:02:03').TotalSeconds", "3723"),
        ("[timespan]::new(1,2,3,4).Hours", "2"), ("([timespan]'00:00:01.5').ToString()", "00:00:01.5000000"),
        ("([timespan]'-00:01:00').Duration().Minutes", "1"), ("[timespan]::FromMinutes(90).ToString('hh\\:mm')", "01:30"),
        ("[guid]::Empty.ToString()", "00000000-0000-0000-0000-000000000000"),
        ("([guid]'0f8fad5b-d9cb-469f-a165-70867728950e').ToString('N')", "0f8fad5bd9cb469fa16570867728950e"),
        ("([guid]'0f8fad5b-d9cb-469f-a165-70867728950e').ToString('B')", "{0f8fad5b-d9cb-469f-a165-70867728950e}"),
        ("[guid]::NewGuid().ToString().Length", "36"), ("([version]'10.0.17763.1').Build", "17763"),
        ("([version]'1.2').Revision", "-1"), ("([version]'1.2.3.4').ToString(2)", "1.2"),
    ])
    func dateAndValueTypes(_ script: String, _ expected: String) {
        #expect(run(script) == expected + "\n")
    }

    @Test func environmentPathAndConsole() {
        #expect(run("[Environment]::MachineName") == "TESTHOST\n")
        #expect(run("[Environment]::NewLine -eq \"`r`n\"") == "True\n")
        #expect(run("[Environment]::SetEnvironmentVariable('TL_X', 'v', 'Process'); $env:TL_X; [Environment]::ExpandEnvironmentVariables('<%TL_X%|%NOPE%>')")
                == "v\n<v|%NOPE%>\n")
        #expect(run("[Environment]::GetFolderPath('Desktop')") == "C:\\Users\\Administrator\\Desktop\n")
        #expect(run("[Environment]::GetFolderPath([Environment+SpecialFolder]::ProgramFiles)") == "C:\\Program Files\n")
        #expect(run("[Environment]::Is64BitOperatingSystem") == "True\n")
        #expect(run("[Environment]::OSVersion.Version.Major; \"$([Environment]::OSVersion)\".StartsWith('Microsoft Windows NT 10.0.')")
                == "10\nTrue\n")
        #expect(run("[IO.Path]::Combine('C:\\a', 'b', 'c.txt')") == "C:\\a\\b\\c.txt\n")
        #expect(run("[IO.Path]::Combine('C:\\a', 'D:\\b')") == "D:\\b\n")
        #expect(run("[IO.Path]::GetFileName('C:\\a\\b.txt'); [IO.Path]::GetExtension('b.tar.gz'); [IO.Path]::GetFileNameWithoutExtension('C:\\a\\b.txt')")
                == "b.txt\n.gz\nb\n")
        #expect(run("[IO.Path]::GetDirectoryName('C:\\a\\b\\c.txt'); [IO.Path]::ChangeExtension('a.txt', 'log'); [IO.Path]::IsPathRooted('C:\\x')")
                == "C:\\a\\b\na.log\nTrue\n")
        #expect(run("[IO.Path]::GetFullPath('C:\\a\\..\\b\\.\\c')") == "C:\\b\\c\n")
        #expect(TypeLibraryTests.first("[IO.Path]::GetFileName('a|b')")
                == "Exception calling \"GetFileName\" with \"1\" argument(s): \"Illegal characters in path.\"")
        #expect(run("[Console]::WriteLine('out {0}', 1)") == "out 1\n")
        #expect(run("[Console]::WindowWidth") == "120\n")
        #expect(run("([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)")
                == "True\n")
    }

    @Test func collections() {
        #expect(run("$l = [System.Collections.Generic.List[string]]::new(); $l.Add('b'); $l.Add('a'); $l.Sort(); $l -join ','; $l.Count")
                == "a,b\n2\n")
        #expect(run("$l = [Collections.Generic.List[int]]@(3,1,2); $l.Contains(2); $l.IndexOf(1); $l.GetRange(1,2) -join ','")
                == "True\n1\n1,2\n")
        #expect(run("$a = New-Object System.Collections.ArrayList; $a.Add('x'); $a.Add('y'); $a.RemoveAt(0); $a -join ','") == "0\n1\ny\n")
        #expect(run("$s = [System.Collections.Generic.HashSet[int]]::new(); $s.Add(1); $s.Add(1); $s.Count") == "True\nFalse\n1\n")
        #expect(run("$q = [System.Collections.Generic.Queue[int]]::new(); $q.Enqueue(1); $q.Enqueue(2); $q.Dequeue(); $q.Peek(); $q.Count")
                == "1\n2\n1\n")
        #expect(run("$s = [System.Collections.Generic.Stack[string]]::new(); $s.Push('a'); $s.Push('b'); $s.Pop(); $s.Count") == "b\n1\n")
        #expect(run("$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d['x'] = 1; $d.ContainsKey('x'); $d.Count; $d.Remove('x'); $d.Count")
                == "True\n1\nTrue\n0\n")
        #expect(TypeLibraryTests.first("$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d.Add('k',1); $d.Add('k',2)")
                == "Exception calling \"Add\" with \"2\" argument(s): \"An item with the same key has already been added.\"")
        #expect(run("$d = [System.Collections.Generic.SortedDictionary[string,int]]::new(); $d.Add('b',2); $d.Add('a',1); $d.Keys -join ','")
                == "a,b\n")
        #expect(run("$a = 3,1,2; [Array]::Sort($a); $a -join ','; [Array]::Reverse($a); $a -join ','; [Array]::IndexOf($a, 2)")
                == "1,2,3\n3,2,1\n1\n")
        #expect(run("$b = [Array]::CreateInstance([int], 3); $b.Count; $b[0]") == "3\n0\n")
        #expect(run("$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('a').AppendLine('b').AppendFormat('{0}-{1}', 1, 2); $sb.ToString(); $sb.Length")
                == "ab\r\n1-2\n7\n")
        #expect(run("$sb = [Text.StringBuilder]'abcdef'; [void]$sb.Remove(1,2).Insert(0,'>').Replace('e','E'); \"$sb\"") == ">adEf\n")
        #expect(run("$o = [ordered]@{}; $o.Add('b', 2); $o.Insert(0, 'a', 1); $o.Keys -join ','") == "a,b\n")
    }

    @Test func networkAndMisc() {
        #expect(run("[ipaddress]::Parse('10.1.2.3').GetAddressBytes() -join '.'") == "10.1.2.3\n")
        #expect(run("[Net.IPAddress]::Loopback.ToString(); ([ipaddress]'::1').ToString(); ([ipaddress]'10.0.0.1').AddressFamily") == "127.0.0.1\n::1\nInterNetwork\n")
        #expect(run("$ip = $null; [ipaddress]::TryParse('300.1.1.1', [ref]$ip)") == "False\n")
        #expect(run("([uri]'https://example.com:8443/a/b?q=1').Port; ([uri]'https://example.com/a').Host") == "8443\nexample.com\n")
        #expect(run("[Enum]::GetNames([DayOfWeek]).Count; [Enum]::Parse([ConsoleColor], 'red', $true); [Enum]::IsDefined([DayOfWeek], 'Funday')")
                == "7\nRed\nFalse\n")
        #expect(run("[System.Management.Automation.WildcardPattern]::new('a*').IsMatch('abc'); [WildcardPattern]::ContainsWildcardCharacters('x?')")
                == "True\nTrue\n")
        #expect(run("$w = [Diagnostics.Stopwatch]::StartNew(); $w.IsRunning; $w.Stop(); $w.Elapsed.GetType().Name") == "True\nTimeSpan\n")
        #expect(run("$r = [Random]::new(5); $a = $r.Next(10); $a -ge 0 -and $a -lt 10") == "True\n")
    }
}
