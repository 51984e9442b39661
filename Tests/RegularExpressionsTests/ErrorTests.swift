import Testing
import RegularExpressions

/// Patterns .NET rejects, with the detail after `parsing "pattern" - `.
let errorCases: [(String, String)] = [
    ("(", "Not enough )'s."),
    ("(a(b)", "Not enough )'s."),
    (")", "Too many )'s."),
    ("a)", "Too many )'s."),
    ("[a", "Unterminated [] set."),
    ("[", "Unterminated [] set."),
    ("*", "Quantifier {x,y} following nothing."),
    ("a|*", "Quantifier {x,y} following nothing."),
    ("(*)", "Quantifier {x,y} following nothing."),
    ("a**", "Nested quantifier *."),
    ("a{2}{3}", "Nested quantifier {."),
    ("a+?+", "Nested quantifier +."),
    ("a{3,2}", "Illegal {x,y} with x > y."),
    ("[z-a]", "[x-y] range in reverse order."),
    ("a\\", "Illegal \\ at end of pattern."),
    ("\\q", "Unrecognized escape sequence \\q."),
    ("\\1", "Reference to undefined group number 1."),
    ("(a)\\2", "Reference to undefined group number 2."),
    ("\\k<x>", "Reference to undefined group name x."),
    ("\\k", "Malformed \\k<...> named back reference."),
    ("\\p{Foo}", "Unknown property 'Foo'."),
    ("\\p{L", "Incomplete \\p{X} character escape."),
    ("\\pLxy", "Malformed \\p{X} character escape."),
    ("\\x4", "Insufficient hex digits."),
    ("\\u12", "Insufficient hex digits."),
    ("\\c", "Missing control character."),
    ("\\c1", "Unrecognized control character."),
    ("[a-\\d]", "Cannot include class \\d in character range."),
    ("[a-z-[b]c]", "A subtraction must be the last element in a character class."),
    ("(?<", "Invalid group name: Group names must begin with a word character."),
    ("(?<>a)", "Invalid group name: Group names must begin with a word character."),
    ("(?<0>a)", "Capture number cannot be zero."),
    ("(?q)", "Unrecognized grouping construct."),
    ("(?", "Unrecognized grouping construct."),
    ("(?(?<n>a)b|c)", "Alternation conditions do not capture and cannot be named."),
    ("(?(?#x)b|c)", "Alternation conditions cannot be comments."),
    ("(a)(?(1)b|c|d)", "Too many | in (?()|)."),
    ("(?(2)a|b)", "(?(2) ) reference to undefined group."),
    ("(?#abc", "Unterminated (?#...) comment."),
    ("(?<a-b>x)", "Reference to undefined group name b."),
    ("a{2147483648}", "Capture group numbers must be less than or equal to Int32.MaxValue."),
]

@Test(arguments: errorCases)
func parseErrorsUseDotNetText(_ c: (String, String)) {
    let error = #expect(throws: RegexError.self) { try RegularExpression(c.0) }
    #expect(error?.message == "parsing \"\(c.0)\" - \(c.1)")
    #expect(error?.exceptionTypeName == "System.ArgumentException")
}

@Test func invalidOptionCombinations() {
    let bad: [RegexOptions] = [[.ecmaScript, .singleline], [.ecmaScript, .rightToLeft], RegexOptions(rawValue: 1024)]
    for options in bad {
        let error = #expect(throws: RegexError.self) { try RegularExpression("a", options: options) }
        #expect(error?.kind == .argumentOutOfRange)
        #expect(error?.message == "Specified argument was out of the range of valid values.\r\nParameter name: options")
    }
    #expect(throws: Never.self) { try RegularExpression("a", options: [.ecmaScript, .ignoreCase, .multiline, .cultureInvariant]) }
}

@Test func forwardReferencesAndOctal() throws {
    #expect(try RegularExpression("(?:\\1b|(a))+").isMatch("aab"))
    #expect(try RegularExpression("\\12").isMatch("\n"))
    #expect(try RegularExpression("[\\b]").isMatch("\u{8}"))
}
