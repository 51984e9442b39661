/// The options of `System.Text.RegularExpressions.RegexOptions`, with .NET's bit values.
public struct RegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let ignoreCase = RegexOptions(rawValue: 1)
    public static let multiline = RegexOptions(rawValue: 2)
    public static let explicitCapture = RegexOptions(rawValue: 4)
    public static let compiled = RegexOptions(rawValue: 8)
    public static let singleline = RegexOptions(rawValue: 16)
    public static let ignorePatternWhitespace = RegexOptions(rawValue: 32)
    public static let rightToLeft = RegexOptions(rawValue: 64)
    public static let ecmaScript = RegexOptions(rawValue: 256)
    public static let cultureInvariant = RegexOptions(rawValue: 512)

    /// The enum's member names in declaration order, as `[enum]::GetNames` lists them.
    public static let names: [(name: String, value: RegexOptions)] = [
        ("None", []), ("IgnoreCase", .ignoreCase), ("Multiline", .multiline),
        ("ExplicitCapture", .explicitCapture), ("Compiled", .compiled), ("Singleline", .singleline),
        ("IgnorePatternWhitespace", .ignorePatternWhitespace), ("RightToLeft", .rightToLeft),
        ("ECMAScript", .ecmaScript), ("CultureInvariant", .cultureInvariant),
    ]

    /// Whether .NET accepts the combination: only known bits, and ECMAScript only beside
    /// IgnoreCase, Multiline, Compiled and CultureInvariant.
    public var isValid: Bool {
        let known = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 256 | 512
        if rawValue & ~known != 0 || rawValue < 0 { return false }
        if contains(.ecmaScript) {
            let allowed: RegexOptions = [.ecmaScript, .ignoreCase, .multiline, .compiled, .cultureInvariant]
            if !subtracting(allowed).isEmpty { return false }
        }
        return true
    }
}

/// A failure raised by the regular expression API, carrying .NET's exception type and message.
public struct RegexError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// `System.ArgumentException` thrown by the pattern parser.
        case parse
        /// `System.ArgumentOutOfRangeException`.
        case argumentOutOfRange
        /// `System.ArgumentException` for a bad replacement or argument.
        case argument
        /// `System.ArgumentNullException`.
        case argumentNull
        /// `System.Text.RegularExpressions.RegexMatchTimeoutException`.
        case matchTimeout
    }
    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The .NET exception type's full name.
    public var exceptionTypeName: String {
        switch kind {
        case .parse, .argument: return "System.ArgumentException"
        case .argumentOutOfRange: return "System.ArgumentOutOfRangeException"
        case .argumentNull: return "System.ArgumentNullException"
        case .matchTimeout: return "System.Text.RegularExpressions.RegexMatchTimeoutException"
        }
    }

    public var description: String { message }

    static func parse(_ pattern: String, _ detail: String) -> RegexError {
        RegexError(.parse, "parsing \"\(pattern)\" - \(detail)")
    }

    static func outOfRange(_ parameter: String) -> RegexError {
        RegexError(.argumentOutOfRange,
                   "Specified argument was out of the range of valid values.\r\nParameter name: \(parameter)")
    }

    static let timeout = RegexError(.matchTimeout,
        "The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.")
}

/// .NET Framework's parser messages (`System.Text.RegularExpressions` resources).
enum ParseMessage {
    static let notEnoughParens = "Not enough )'s."
    static let tooManyParens = "Too many )'s."
    static let unterminatedBracket = "Unterminated [] set."
    static let quantifyAfterNothing = "Quantifier {x,y} following nothing."
    static func nestedQuantify(_ q: String) -> String { "Nested quantifier \(q)." }
    static let illegalRange = "Illegal {x,y} with x > y."
    static let reversedCharRange = "[x-y] range in reverse order."
    static let illegalEndEscape = "Illegal \\ at end of pattern."
    static func unrecognizedEscape(_ c: String) -> String { "Unrecognized escape sequence \\\(c)." }
    static func undefinedBackref(_ n: Int) -> String { "Reference to undefined group number \(n)." }
    static func undefinedNameRef(_ n: String) -> String { "Reference to undefined group name \(n)." }
    static func undefinedReference(_ n: String) -> String { "(?(\(n)) ) reference to undefined group." }
    static func malformedReference(_ n: String) -> String { "(?(\(n)) ) malformed." }
    static func unknownProperty(_ n: String) -> String { "Unknown property '\(n)'." }
    static let tooFewHex = "Insufficient hex digits."
    static let missingControl = "Missing control character."
    static let unrecognizedControl = "Unrecognized control character."
    static let incompleteSlashP = "Incomplete \\p{X} character escape."
    static let malformedSlashP = "Malformed \\p{X} character escape."
    static func badClassInCharRange(_ c: String) -> String { "Cannot include class \\\(c) in character range." }
    static let subtractionMustBeLast = "A subtraction must be the last element in a character class."
    static let unrecognizedGrouping = "Unrecognized grouping construct."
    static let alternationCantCapture = "Alternation conditions do not capture and cannot be named."
    static let alternationCantHaveComment = "Alternation conditions cannot be comments."
    static let tooManyAlternates = "Too many | in (?()|)."
    static let illegalCondition = "Illegal conditional (?(...)) expression."
    static let captureGroupOutOfRange = "Capture group numbers must be less than or equal to Int32.MaxValue."
    static let invalidGroupName = "Invalid group name: Group names must begin with a word character."
    static let capnumNotZero = "Capture number cannot be zero."
    static let malformedNameRef = "Malformed \\k<...> named back reference."
    static let unterminatedComment = "Unterminated (?#...) comment."
    /// Nesting deeper than the matcher's structures accept.
    static let tooComplex = "Regular expression is too complex."
}
