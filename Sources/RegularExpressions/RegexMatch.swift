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
///
/// Capture positions are kept flat; `Group` and `Capture` values are built only when asked for.
public struct RegexMatch: Sendable {
    let text: MatchText
    let regex: RegularExpression
    /// Start and end of every capture, slot after slot, oldest first within a slot.
    let spans: [Int]
    /// Where each slot's pairs begin in `spans` (one more entry than there are slots).
    let offsets: [Int]

    public var success: Bool { offsets[1] > offsets[0] }
    public var index: Int { lastSpan(0)?.start ?? 0 }
    public var length: Int { lastSpan(0).map { $0.end - $0.start } ?? 0 }
    public var value: String { lastSpan(0).map { text.substring($0.start, $0.end - $0.start) } ?? "" }
    public var captures: [RegexCapture] { group(slot: 0).captures }
    public var input: String { text.string }
    public var groups: [RegexGroup] { (0..<(offsets.count - 1)).map(group(slot:)) }

    init(_ text: MatchText, _ regex: RegularExpression, spans: [Int], offsets: [Int]) {
        self.text = text
        self.regex = regex
        self.spans = spans
        self.offsets = offsets
    }

    static func failed(_ text: MatchText, _ regex: RegularExpression) -> RegexMatch {
        RegexMatch(text, regex, spans: [], offsets: [Int](repeating: 0, count: regex.layout.numbers.count + 1))
    }

    /// The last capture of a slot, nil when the group did not participate.
    @inline(__always) func lastSpan(_ slot: Int) -> (start: Int, end: Int)? {
        let end = offsets[slot + 1]
        guard end > offsets[slot] else { return nil }
        return (spans[end - 2], spans[end - 1])
    }

    func group(slot: Int) -> RegexGroup {
        var captures: [RegexCapture] = []
        var i = offsets[slot]
        while i < offsets[slot + 1] {
            captures.append(RegexCapture(index: spans[i], length: spans[i + 1] - spans[i],
                                         value: text.substring(spans[i], spans[i + 1] - spans[i])))
            i += 2
        }
        return RegexGroup(name: regex.layout.names[slot], number: regex.layout.numbers[slot],
                          success: !captures.isEmpty, captures: captures)
    }

    /// The value of the group with this number, nil when it did not match (cheaper than `group`).
    public func groupValue(number: Int) -> String? {
        guard let slot = regex.layout.slot(of: number), let span = lastSpan(slot) else { return nil }
        return text.substring(span.start, span.end - span.start)
    }

    /// The group with this number, or a failed group when there is none (as `Groups[n]`).
    public func group(number: Int) -> RegexGroup {
        if let slot = regex.layout.slot(of: number) { return group(slot: slot) }
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
        return out.withUnsafeBufferPointer { MatchText.string($0) }
    }
}
