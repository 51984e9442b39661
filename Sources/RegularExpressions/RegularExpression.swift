import Synchronization

/// A .NET-compatible regular expression (`System.Text.RegularExpressions.Regex`).
///
/// Matching runs over UTF-16 code units, so indexes and lengths agree with .NET for any text.
public final class RegularExpression: Sendable {
    public let pattern: String
    public let options: RegexOptions
    let program: RegexProgram
    let layout: CaptureLayout
    /// A matcher kept between calls, so its stacks are allocated once.
    private let spare = Mutex<RegexMatcher?>(nil)

    /// A cancellation check the matcher calls every few thousand steps; returning true aborts the
    /// match with a `RegexMatchTimeoutException`-kind error.
    public typealias Cancellation = () -> Bool

    public init(_ pattern: String, options: RegexOptions = []) throws(RegexError) {
        guard options.isValid else { throw RegexError.outOfRange("options") }
        self.pattern = pattern
        self.options = options
        let (tree, layout) = try RegexParser.parse(pattern, options: options)
        self.layout = layout
        program = RegexCompiler.compile(tree, slotCount: layout.numbers.count,
                                        rightToLeft: options.contains(.rightToLeft))
    }

    public var rightToLeft: Bool { options.contains(.rightToLeft) }

    // MARK: - Groups

    public func groupNames() -> [String] { layout.names }
    public func groupNumbers() -> [Int] { layout.numbers }

    public func groupName(fromNumber number: Int) -> String {
        layout.slotForNumber[number].map { layout.names[$0] } ?? ""
    }

    public func groupNumber(fromName name: String) -> Int {
        if let n = layout.numberForName[name] { return n }
        if let n = Int(name), layout.slotForNumber[n] != nil { return n }
        return -1
    }

    // MARK: - Matching

    /// The first match at or after `startAt` (before it, right to left); `Match.Empty`-like when none.
    public func match(in input: String, startAt: Int? = nil, cancellation: Cancellation? = nil) throws(RegexError) -> RegexMatch {
        let text = MatchText(input)
        let start = try startPosition(startAt, text)
        var matcher = makeMatcher()
        defer { recycle(matcher) }
        return try next(&matcher, text, startAt: start, previousLength: -1, cancellation)
    }

    public func isMatch(_ input: String, startAt: Int? = nil, cancellation: Cancellation? = nil) throws(RegexError) -> Bool {
        try match(in: input, startAt: startAt, cancellation: cancellation).success
    }

    /// Every match, in the order .NET's `MatchCollection` lists them.
    public func matches(in input: String, startAt: Int? = nil, limit: Int = -1,
                        cancellation: Cancellation? = nil) throws(RegexError) -> [RegexMatch] {
        let text = MatchText(input)
        var position = try startPosition(startAt, text)
        var matcher = makeMatcher()
        defer { recycle(matcher) }
        var result: [RegexMatch] = []
        var previousLength = -1
        while limit < 0 || result.count < limit {
            let m = try next(&matcher, text, startAt: position, previousLength: previousLength, cancellation)
            guard m.success else { break }
            result.append(m)
            position = rightToLeft ? m.index : m.index + m.length
            previousLength = m.length
        }
        return result
    }

    func match(after m: RegexMatch, cancellation: Cancellation?) throws(RegexError) -> RegexMatch {
        var matcher = makeMatcher()
        defer { recycle(matcher) }
        return try next(&matcher, m.text, startAt: rightToLeft ? m.index : m.index + m.length,
                        previousLength: m.length, cancellation)
    }

    func makeMatcher() -> RegexMatcher {
        spare.withLock { $0.take() } ?? RegexMatcher(program: program)
    }

    func recycle(_ matcher: RegexMatcher) {
        spare.withLock { $0 = matcher }
    }

    func startPosition(_ startAt: Int?, _ text: MatchText) throws(RegexError) -> Int {
        guard let startAt else { return rightToLeft ? text.units.count : 0 }
        guard startAt >= 0, startAt <= text.units.count else { throw RegexError.outOfRange("startat") }
        return startAt
    }

    private func next(_ matcher: inout RegexMatcher, _ text: MatchText, startAt: Int,
                      previousLength: Int, _ cancellation: Cancellation?) throws(RegexError) -> RegexMatch {
        var scanStart = startAt
        if previousLength == 0 {
            if rightToLeft {
                if scanStart == 0 { return RegexMatch.failed(text, self) }
                scanStart -= 1
            } else {
                if scanStart == text.units.count { return RegexMatch.failed(text, self) }
                scanStart += 1
            }
        }
        let found = try text.units.withUnsafeBufferPointer { (t) throws(RegexError) -> Bool in
            try matcher.scan(t, startAt: scanStart, textStart: startAt, cancellation: cancellation)
        }
        guard found else { return RegexMatch.failed(text, self) }
        let (spans, offsets) = matcher.captureSpans()
        return RegexMatch(text, self, spans: spans, offsets: offsets)
    }

    // MARK: - Escaping

    /// `Regex.Escape`.
    public static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\", "*", "+", "?", "|", "{", "[", "(", ")", "^", "$", ".", "#", " ":
                out.append("\\")
                out.append(scalar)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\u{0C}": out.append(contentsOf: "\\f".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `Regex.Unescape`.
    public static func unescape(_ s: String) throws(RegexError) -> String {
        guard s.utf16.contains(0x5C) else { return s }
        var parser = RegexParser(s, options: [], scanOnly: true)
        var out: [UInt16] = []
        while let c = parser.peek() {
            parser.pos += 1
            if c != 0x5C { out.append(c); continue }
            guard let e = parser.peek() else { throw parser.error(ParseMessage.illegalEndEscape) }
            parser.pos += 1
            out.append(try parser.scanCharEscape(e))
        }
        return out.withUnsafeBufferPointer { MatchText.string($0) }
    }
}

/// The input of a match, held once as UTF-16 code units.
final class MatchText: Sendable {
    let string: String
    let units: [UInt16]
    /// ASCII text has the same offsets in UTF-8 and UTF-16, so pieces can be cut from the string itself.
    let isASCII: Bool

    init(_ string: String) {
        self.string = string
        var s = string
        // ASCII text widens byte for byte, much faster than walking the UTF-16 view.
        let widened: [UInt16]? = s.withUTF8 { bytes in
            for b in bytes where b >= 0x80 { return nil }
            return bytes.map { UInt16($0) }
        }
        isASCII = widened != nil
        units = widened ?? Array(string.utf16)
    }

    func substring(_ start: Int, _ length: Int) -> String {
        if start == 0 && length == units.count { return string }
        if isASCII {
            let u = string.utf8
            let lo = u.index(u.startIndex, offsetBy: start)
            return String(string[lo..<u.index(lo, offsetBy: length)])
        }
        let u = string.utf16
        let lo = u.index(u.startIndex, offsetBy: start)
        if let piece = String(u[lo..<u.index(lo, offsetBy: length)]) { return piece }
        return units.withUnsafeBufferPointer { MatchText.string(UnsafeBufferPointer(rebasing: $0[start..<(start + length)])) }
    }

    /// A string from UTF-16 units, taking the fast UTF-8 path when they are all ASCII.
    static func string(_ buffer: UnsafeBufferPointer<UInt16>) -> String {
        for unit in buffer where unit >= 0x80 { return String(decoding: buffer, as: UTF16.self) }
        return String(unsafeUninitializedCapacity: buffer.count) { bytes in
            for (i, unit) in buffer.enumerated() { bytes[i] = UInt8(truncatingIfNeeded: unit) }
            return buffer.count
        }
    }
}
