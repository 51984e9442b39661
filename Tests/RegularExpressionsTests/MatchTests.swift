import Testing
import RegularExpressions

/// One pattern run over one input: the expected match value and group values (nil = group failed).
struct MatchCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let options: RegexOptions
    let input: String
    let expected: [String?]?  // nil: no match
    var testDescription: String { "\(pattern) on \(input)" }

    init(_ pattern: String, _ input: String, _ expected: [String?]?, _ options: RegexOptions = []) {
        self.pattern = pattern
        self.input = input
        self.expected = expected
        self.options = options
    }
}

let matchCases: [MatchCase] = [
    // Literals, escapes, dot.
    MatchCase("abc", "xxabcxx", ["abc"]),
    MatchCase("a.c", "a\nc abc", ["abc"]),
    MatchCase("a.c", "a\nc", ["a\nc"], .singleline),
    MatchCase("\\t\\n\\x41\\u0042\\101\\cA\\e", "\t\nABA\u{1}\u{1B}", ["\t\nABA\u{1}\u{1B}"]),
    MatchCase("\\0", "a\0b", ["\0"]),
    MatchCase("a\\.b", "axb a.b", ["a.b"]),
    MatchCase("\\$\\^", "$^", ["$^"]),
    // Classes.
    MatchCase("[a-c]+", "xxbcaz", ["bca"]),
    MatchCase("[^a-c]+", "abcxyzabc", ["xyz"]),
    MatchCase("[]a]+", "x]a]y", ["]a]"]),
    MatchCase("[a-z-[aeiou]]+", "aebcdi", ["bcd"]),
    MatchCase("[\\d-[5]]+", "12563", ["12"]),
    MatchCase("[a\\-z]+", "b-az", ["-az"]),
    MatchCase("[-a]+", "b-a", ["-a"]),
    MatchCase("[a-]+", "b-a", ["-a"]),
    MatchCase("[\\w.]+", "  a.b_c  ", ["a.b_c"]),
    MatchCase("\\d+", "ab١٢3", ["١٢3"]),
    MatchCase("\\d+", "ab١٢3", ["3"], .ecmaScript),
    MatchCase("\\w+", "—élan—", ["élan"]),
    MatchCase("\\s+", "a\u{A0}\t b", ["\u{A0}\t "]),
    MatchCase("\\p{Lu}+", "abcDEFghi", ["DEF"]),
    MatchCase("\\P{L}+", "abc123def", ["123"]),
    MatchCase("\\p{IsGreek}+", "abcαβγ", ["αβγ"]),
    MatchCase("\\p{N}+", "x½3y", ["½3"]),
    MatchCase("[\\p{Lu}\\d]+", "abC1Dx", ["C1D"]),
    // Case-insensitivity.
    MatchCase("HELLO", "say hello", ["hello"], .ignoreCase),
    MatchCase("[A-C]+", "xxabcz", ["abc"], .ignoreCase),
    MatchCase("[^a]", "Ab", ["b"], .ignoreCase),
    MatchCase("(?i)abc", "ABC", ["ABC"]),
    MatchCase("a(?i)bc", "aBC ABC", ["aBC"]),
    MatchCase("(?i:a)b", "Ab AB", ["Ab"]),
    MatchCase("\\p{Lu}", "a", ["a"], .ignoreCase),
    MatchCase("(a)\\1", "aA", ["aA", "a"], .ignoreCase),
    // Anchors.
    MatchCase("^abc$", "abc", ["abc"]),
    MatchCase("^abc$", "abc\n", ["abc"]),
    MatchCase("^b", "a\nb", nil),
    MatchCase("^b$", "a\nb\nc", ["b"], .multiline),
    MatchCase("abc\\z", "abc\n", nil),
    MatchCase("abc\\Z", "abc\n", ["abc"]),
    MatchCase("\\Aabc", "xabc", nil),
    MatchCase("\\bcat\\b", "concat cat", ["cat"]),
    MatchCase("\\Bcat", "concat cat", ["cat"]),
    // Quantifiers.
    MatchCase("a*", "aaa", ["aaa"]),
    MatchCase("a*?", "aaa", [""]),
    MatchCase("a+?", "aaa", ["a"]),
    MatchCase("a{2}", "aaa", ["aa"]),
    MatchCase("a{2,}", "aaaa", ["aaaa"]),
    MatchCase("a{1,2}", "aaa", ["aa"]),
    MatchCase("a{1,2}?", "aaa", ["a"]),
    MatchCase("x{,2}", "x{,2}", ["x{,2}"]),
    MatchCase("a{", "a{", ["a{"]),
    MatchCase("(ab)+", "ababab", ["ababab", "ab"]),
    MatchCase("(ab)+?c", "ababc", ["ababc", "ab"]),
    MatchCase("(a|ab)(c|bcd)(d*)", "abcd", ["abcd", "a", "bcd", ""]),
    MatchCase("(a*)*b", "aab", ["aab", ""]),
    MatchCase("(a*)+b", "aab", ["aab", ""]),
    MatchCase("(a|b)*?c", "abac", ["abac", "a"]),
    MatchCase("(?:a{2}){2}", "aaaaa", ["aaaa"]),
    MatchCase(".*foo", "xfooyfoo", ["xfooyfoo"]),
    MatchCase(".*?foo", "xfooyfoo", ["xfoo"]),
    MatchCase("<.+>", "<a><b>", ["<a><b>"]),
    MatchCase("<.+?>", "<a><b>", ["<a>"]),
    // Groups and numbering.
    MatchCase("(?<x>a)(b)", "ab", ["ab", "b", "a"]),
    MatchCase("(?'x'a)(?<y>b)(c)", "abc", ["abc", "c", "a", "b"]),
    MatchCase("(?<2>a)(b)", "ab", ["ab", "b", "a"]),
    MatchCase("(a)(?:b)(c)", "abc", ["abc", "a", "c"]),
    MatchCase("(a)(?<n>b)", "ab", ["ab", "b"], .explicitCapture),
    MatchCase("(?n:(a))(b)", "ab", ["ab", "b"]),
    MatchCase("(a)|(b)", "b", ["b", nil, "b"]),
    MatchCase("(a)?b", "b", ["b", nil]),
    // Back references.
    MatchCase("(\\w)\\1", "abccd", ["cc", "c"]),
    MatchCase("(?<c>\\w)\\k<c>", "abccd", ["cc", "c"]),
    MatchCase("(?<c>\\w)\\k'c'", "abccd", ["cc", "c"]),
    MatchCase("(a)?\\1b", "b", nil),
    MatchCase("(\\d+)-\\1", "12-12 3-4", ["12-12", "12"]),
    // Alternation.
    MatchCase("cat|dog", "hotdog", ["dog"]),
    MatchCase("a|ab", "ab", ["a"]),
    MatchCase("(|a)b", "ab", ["ab", "a"]),
    // Lookaround.
    MatchCase("foo(?=bar)", "foobaz foobar", ["foo"]),
    MatchCase("foo(?!bar)", "foobar foobaz", ["foo"]),
    MatchCase("(?<=\\$)\\d+", "a1 $25", ["25"]),
    MatchCase("(?<!\\$)\\b\\d+", "$25 30", ["30"]),
    MatchCase("(?<=a.*)b", "xxaxxb", ["b"]),
    MatchCase("(?<=(\\d)(\\d))x", "12x", ["x", "1", "2"]),
    MatchCase("(?=(a+))a*b", "aab", ["aab", "aa"]),
    MatchCase("(?!(a))b", "b", ["b", nil]),
    // Atomic groups.
    MatchCase("(?>a+)b", "aab", ["aab"]),
    MatchCase("(?>a+)a", "aaa", nil),
    MatchCase("(?>(a+))b", "aab", ["aab", "aa"]),
    // Conditionals.
    MatchCase("(a)?(?(1)b|c)", "ab", ["ab", "a"]),
    MatchCase("(a)?(?(1)b|c)", "c", ["c", nil]),
    MatchCase("(?<n>a)?(?(n)b|c)", "xc", ["c", nil]),
    MatchCase("(?(\\d)\\d{2}|[a-z]{2})", "a12", ["12"]),
    MatchCase("(?(?=a)ab|cd)", "cd", ["cd"]),
    MatchCase("(?(x)xy|z)", "z", ["z"]),
    // Balancing groups.
    MatchCase("^(?:(?<o>\\()|(?<-o>\\))|[^()])*(?(o)(?!))$", "(a(b)c)", ["(a(b)c)", nil]),
    MatchCase("^(?:(?<o>\\()|(?<-o>\\))|[^()])*(?(o)(?!))$", "(a(b)c", nil),
    MatchCase("(?<o>a)(?<c-o>b)", "ab", ["ab", nil, ""]),
    MatchCase("(?<o>a)x(?<c-o>b)", "axb", ["axb", nil, "x"]),
    // Comments and free spacing.
    MatchCase("a(?#comment)b", "ab", ["ab"]),
    MatchCase("a b # comment\n c", "abc", ["abc"], .ignorePatternWhitespace),
    MatchCase("(?x) a [ ] b", "a b", ["a b"]),
    MatchCase("a\\ b", "a b", ["a b"], .ignorePatternWhitespace),
    // Right to left.
    MatchCase("\\d+", "12 34", ["34"], .rightToLeft),
    MatchCase("(\\d)(\\d)", "1234", ["34", "3", "4"], .rightToLeft),
    MatchCase("a.*?b", "ab ab", ["ab"], .rightToLeft),
    // UTF-16 units.
    MatchCase("..", "😀", ["😀"]),
    MatchCase("\\uD83D\\uDE00", "x😀", ["😀"]),
]

@Test(arguments: matchCases)
func matchesLikeDotNet(_ c: MatchCase) throws {
    let regex = try RegularExpression(c.pattern, options: c.options)
    let m = try regex.match(in: c.input)
    guard let expected = c.expected else {
        #expect(!m.success)
        return
    }
    #expect(m.success)
    let values: [String?] = m.groups.map { $0.success ? $0.value : nil }
    #expect(values == expected)
}

@Test func indexesAreUTF16Units() throws {
    let m = try RegularExpression("b+").match(in: "😀bb")
    #expect(m.index == 2 && m.length == 2)
    let all = try RegularExpression(".").matches(in: "a😀")
    #expect(all.count == 3)
}

@Test func capturesKeepEveryIteration() throws {
    let m = try RegularExpression("(?:(\\w)-)+").match(in: "a-b-c-")
    #expect(m.groups[1].captures.map(\.value) == ["a", "b", "c"])
    #expect(m.groups[1].value == "c")
    #expect(m.groups[1].index == 4)
}

@Test func groupNamesAndNumbers() throws {
    let r = try RegularExpression("(?<year>\\d+)-(\\d+)(?<5>x)?(?<day>y)")
    #expect(r.groupNames() == ["0", "1", "year", "day", "5"] || r.groupNames() == ["0", "1", "year", "5", "day"])
    #expect(r.groupNumbers() == r.groupNames().map { r.groupNumber(fromName: $0) })
    #expect(r.groupNumber(fromName: "year") == 2)
    #expect(r.groupName(fromNumber: 1) == "1")
    #expect(r.groupNumber(fromName: "nope") == -1)
}

@Test func matchesAdvancePastEmptyMatches() throws {
    let all = try RegularExpression("a*").matches(in: "baaa")
    #expect(all.map(\.value) == ["", "aaa", ""])
    #expect(all.map(\.index) == [0, 1, 4])
    let rtl = try RegularExpression("a*", options: .rightToLeft).matches(in: "baa")
    #expect(rtl.map(\.value) == ["aa", "", ""])
}

@Test func startAtAndG() throws {
    let r = try RegularExpression("\\Gab")
    #expect(try r.matches(in: "ababxab").map(\.index) == [0, 2])
    #expect(try r.match(in: "xab", startAt: 1).success)
    #expect(throws: RegexError.self) { try r.match(in: "ab", startAt: 3) }
}

@Test func cancellationStopsCatastrophicPatterns() throws {
    let r = try RegularExpression("(a+)+$")
    let input = String(repeating: "a", count: 40) + "b"
    let error = #expect(throws: RegexError.self) {
        _ = try r.match(in: input, cancellation: { true })
    }
    #expect(error?.kind == .matchTimeout)
}

@Test func deepInputDoesNotOverflow() throws {
    let input = String(repeating: "ab", count: 300_000)
    #expect(try RegularExpression("(?:ab)*$").match(in: input).length == 600_000)
    #expect(try RegularExpression("^(a|b)*$").match(in: input).groups[1].captures.count == 600_000)
    #expect(try RegularExpression("(?:a|b)*?$").match(in: input).length == 600_000)
}

@Test func deepNestingIsRejectedOrMatched() throws {
    let deep = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
    let error = #expect(throws: RegexError.self) { try RegularExpression(deep) }
    #expect(error?.message == "parsing \"\(deep)\" - Regular expression is too complex.")
    let fine = String(repeating: "(?:", count: 300) + "a" + String(repeating: ")", count: 300)
    #expect(try RegularExpression(fine).isMatch("a"))
}
