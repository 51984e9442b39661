import Testing
import RegularExpressions

let replaceCases: [(pattern: String, input: String, replacement: String, expected: String)] = [
    ("(\\w+)@(\\w+)", "joe@host", "$2 at $1", "host at joe"),
    ("(?<user>\\w+)@(?<dom>\\w+)", "joe@host", "${dom}/${user}", "host/joe"),
    ("a", "banana", "$$", "b$n$n$"),
    ("n", "banana", "[$&]", "ba[n]a[n]a"),
    ("b", "abc", "$`", "aac"),
    ("b", "abc", "$'", "acc"),
    ("b", "abc", "$_", "aabcc"),
    ("(a)(b)?", "ac", "<$+>", "<>c"),
    ("(a)(b)", "ab", "$+", "b"),
    ("(a)", "a", "$2", "$2"),
    ("(a)", "a", "${x}", "${x}"),
    ("(a)", "a", "$10", "$10"),
    ("(a)", "a", "${1}0", "a0"),
    ("(a)", "a", "$", "$"),
    ("(a)", "a", "$x", "$x"),
    ("(a)", "a", "${1", "${1"),
    ("(a)", "a", "$0$0", "aa"),
    ("x*", "abc", "-", "-a-b-c-"),
    ("", "ab", "|", "|a|b|"),
    ("(?<n>a)", "a", "${n}${0}", "aa"),
]

@Test(arguments: replaceCases)
func replaceSubstitutesLikeDotNet(_ c: (pattern: String, input: String, replacement: String, expected: String)) throws {
    #expect(try RegularExpression(c.pattern).replace(c.input, with: c.replacement) == c.expected)
}

@Test func replaceCountAndRightToLeft() throws {
    let r = try RegularExpression("a")
    #expect(try r.replace("aaaa", with: "b", count: 2) == "bbaa")
    #expect(try r.replace("aaaa", with: "b", count: 0) == "aaaa")
    let rtl = try RegularExpression("a", options: .rightToLeft)
    #expect(try rtl.replace("aaaa", with: "b", count: 2) == "aabb")
    let evaluated = try RegularExpression("\\d+").replace("a1b22", evaluator: { String($0.length) })
    #expect(evaluated == "a1b2")
}

let splitCases: [(pattern: String, options: RegexOptions, input: String, count: Int, expected: [String])] = [
    (",", [], "a,b,c", 0, ["a", "b", "c"]),
    (",", [], "a,b,c", 2, ["a", "b,c"]),
    (",", [], "a,b,c", 1, ["a,b,c"]),
    ("(1:)", [], "a1:b1:c", 0, ["a", "1:", "b", "1:", "c"]),
    ("(1)(:)", [], "a1:b", 0, ["a", "1", ":", "b"]),
    ("(1)|(:)", [], "a1b:c", 0, ["a", "1", "b", ":", "c"]),
    (",", [], ",a,", 0, ["", "a", ""]),
    ("", [], "abc", 0, ["", "a", "b", "c", ""]),
    ("x", [], "abc", 0, ["abc"]),
    (",", .rightToLeft, "a,b,c", 2, ["a,b", "c"]),
    ("(,)", .rightToLeft, "a,b,c", 0, ["a", ",", "b", ",", "c"]),
    ("(?<n>,)", .explicitCapture, "a,b", 0, ["a", ",", "b"]),
]

@Test(arguments: splitCases)
func splitFollowsDotNet(_ c: (pattern: String, options: RegexOptions, input: String, count: Int, expected: [String])) throws {
    #expect(try RegularExpression(c.pattern, options: c.options).split(c.input, count: c.count) == c.expected)
}

@Test func escapeAndUnescape() throws {
    #expect(RegularExpression.escape("a.b*c [x] {y} #\t\n") == "a\\.b\\*c\\ \\[x]\\ \\{y}\\ \\#\\t\\n")
    #expect(try RegularExpression.unescape("a\\.b\\t\\x41\\u0042") == "a.b\tAB")
    let error = #expect(throws: RegexError.self) { try RegularExpression.unescape("a\\") }
    #expect(error?.message == "parsing \"a\\\" - Illegal \\ at end of pattern.")
    for s in ["$1.50 (x)", "a|b^c", "\\d+?"] {
        #expect(try RegularExpression(RegularExpression.escape(s)).match(in: "zz" + s).value == s)
    }
}

@Test func matchResultAndNextMatch() throws {
    let m = try RegularExpression("(\\d)").match(in: "a1b2")
    #expect(try m.result("<$1>") == "<1>")
    let n = try m.nextMatch()
    #expect(n.success && n.value == "2" && n.index == 3)
    #expect(try n.nextMatch().success == false)
}
