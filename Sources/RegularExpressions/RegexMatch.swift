/// One capture: `System.Text.RegularExpressions.Capture`.
public struct RegexCapture: Sendable {
    public let index: Int
    public let length: Int
    public let value: String

    public init(index: Int, length: Int, value: String) {
        self.index = index
        self.length = length
        self.value = value
    }
}

/// One group of a match: `System.Text.RegularExpressions.Group`.
public struct RegexGroup: Sendable {
    public let name: String
    public let number: Int
    public let success: Bool
    /// Every capture of the group, oldest first; the group's own index and value are the last one's.
    public let captures: [RegexCapture]

    public var index: Int { captures.last?.index ?? 0 }
    public var length: Int { captures.last?.length ?? 0 }
    public var value: String { captures.last?.value ?? "" }
}

/// A match: `System.Text.RegularExpressions.Match`.
public struct RegexMatch: Sendable {
    public let groups: [RegexGroup]
    let text: MatchText
    let regex: RegularExpression

    public var success: Bool { groups[0].success }
    public var index: Int { groups[0].index }
    public var length: Int { groups[0].length }
    public var value: String { groups[0].value }
    public var captures: [RegexCapture] { groups[0].captures }
    public var input: String { text.string }

    init(_ text: MatchText, _ regex: RegularExpression, _ captures: [[(start: Int, end: Int)]]) {
        self.text = text
        self.regex = regex
        let layout = regex.layout
        groups = captures.enumerated().map { slot, list in
            RegexGroup(name: layout.names[slot], number: layout.numbers[slot], success: !list.isEmpty,
                       captures: list.map { RegexCapture(index: $0.start, length: $0.end - $0.start,
                                                         value: text.substring($0.start, $0.end - $0.start)) })
        }
    }

    static func failed(_ text: MatchText, _ regex: RegularExpression) -> RegexMatch {
        RegexMatch(text, regex, [[(start: Int, end: Int)]](repeating: [], count: regex.layout.numbers.count))
    }

    /// The group with this number, or a failed group when there is none (as `Groups[n]`).
    public func group(number: Int) -> RegexGroup {
        if let slot = regex.layout.slot(of: number) { return groups[slot] }
        return RegexGroup(name: "", number: number, success: false, captures: [])
    }

    /// The group with this name (or number spelled as digits); a failed group when there is none.
    public func group(named name: String) -> RegexGroup {
        let number = regex.groupNumber(fromName: name)
        if number < 0 { return RegexGroup(name: "", number: -1, success: false, captures: []) }
        return group(number: number)
    }

    /// `Match.NextMatch()`.
    public func nextMatch(cancellation: RegularExpression.Cancellation? = nil) throws(RegexError) -> RegexMatch {
        guard success else { return self }
        return try regex.match(after: self, cancellation: cancellation)
    }

    /// `Match.Result(replacement)`.
    public func result(_ replacement: String) throws(RegexError) -> String {
        let r = try RegexReplacement(replacement, regex: regex)
        var out: [UInt16] = []
        r.append(self, to: &out)
        return String(decoding: out, as: UTF16.self)
    }
}
