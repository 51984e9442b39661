/// A parsed replacement pattern (`$1`, `${name}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_`), tied to
/// the expression whose groups it names.
public struct RegexReplacement: Sendable {
    enum Part: Sendable {
        case literal([UInt16])
        case group(Int)  // slot
        case prefix, suffix, lastGroup, wholeInput
    }

    let parts: [Part]

    public init(_ replacement: String, regex: RegularExpression) throws(RegexError) {
        let s = Array(replacement.utf16)
        let layout = regex.layout
        var parts: [Part] = []
        var literal: [UInt16] = []
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)); literal = [] }
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            i += 1
            guard c == 0x24, i < s.count else { literal.append(c); continue }
            let back = i
            var ch = s[i]
            var angled = false
            if ch == 0x7B && i + 1 < s.count { angled = true; i += 1; ch = s[i] }
            var part: Part?
            if ch >= 0x30 && ch <= 0x39 {
                var number = 0
                while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                    number = min(number &* 10 &+ Int(s[i] - 0x30), Int(Int32.max) + 1)
                    i += 1
                }
                if !angled || (i < s.count && s[i] == 0x7D && { i += 1; return true }()) {
                    if let slot = layout.slot(of: number) { part = .group(slot) }
                }
            } else if angled && UnicodeTables.isWordChar(ch) {
                let start = i
                while i < s.count, UnicodeTables.isWordChar(s[i]) { i += 1 }
                let name = String(decoding: s[start..<i], as: UTF16.self)
                if i < s.count && s[i] == 0x7D {
                    i += 1
                    let number = regex.groupNumber(fromName: name)
                    if number >= 0, let slot = layout.slot(of: number) { part = .group(slot) }
                }
            } else if !angled {
                i += 1
                switch ch {
                case 0x24: literal.append(0x24); continue
                case 0x26: part = .group(0)
                case 0x60: part = .prefix
                case 0x27: part = .suffix
                case 0x2B: part = .lastGroup
                case 0x5F: part = .wholeInput
                default: break
                }
            }
            if let part {
                flush()
                parts.append(part)
            } else {
                i = back
                literal.append(0x24)
            }
        }
        flush()
        self.parts = parts
    }

    func append(_ m: RegexMatch, to out: inout [UInt16]) {
        let units = m.text.units
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .group(let slot):
                if let span = m.lastSpan(slot) { out += units[span.start..<span.end] }
            case .prefix: out += units[0..<m.index]
            case .suffix: out += units[(m.index + m.length)...]
            case .lastGroup:
                if let span = m.lastSpan(m.offsets.count - 2) { out += units[span.start..<span.end] }
            case .wholeInput: out += units
            }
        }
    }
}

extension RegularExpression {
    /// `Regex.Replace` with a replacement pattern.
    public func replace(_ input: String, with replacement: String, count: Int = -1, startAt: Int? = nil,
                        cancellation: Cancellation? = nil) throws(RegexError) -> String {
        try replace(input, with: try RegexReplacement(replacement, regex: self), count: count, startAt: startAt,
                    cancellation: cancellation)
    }

    /// `Regex.Replace` with a replacement pattern parsed once for many inputs.
    public func replace(_ input: String, with r: RegexReplacement, count: Int = -1, startAt: Int? = nil,
                        cancellation: Cancellation? = nil) throws(RegexError) -> String {
        return try replace(input, count: count, startAt: startAt, cancellation: cancellation) { m, out in
            r.append(m, to: &out)
        }
    }

    /// `Regex.Replace` with a `MatchEvaluator`.
    public func replace(_ input: String, count: Int = -1, startAt: Int? = nil, cancellation: Cancellation? = nil,
                        evaluator: (RegexMatch) throws -> String) throws -> String {
        var failure: (any Error)?
        let result = try replace(input, count: count, startAt: startAt, cancellation: cancellation) { m, out in
            guard failure == nil else { return }
            do { out += Array(try evaluator(m).utf16) } catch { failure = error }
        }
        if let failure { throw failure }
        return result
    }

    private func replace(_ input: String, count: Int, startAt: Int?, cancellation: Cancellation?,
                         _ produce: (RegexMatch, inout [UInt16]) -> Void) throws(RegexError) -> String {
        if count < -1 { throw RegexError(.argumentOutOfRange, "Count cannot be less than -1.\r\nParameter name: count") }
        if count == 0 { return input }
        let found = try matches(in: input, startAt: startAt, limit: count, cancellation: cancellation)
        guard let first = found.first else { return input }
        let units = first.text.units
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        if rightToLeft {
            var pieces: [[UInt16]] = []
            var previous = units.count
            for m in found {
                pieces.append(Array(units[(m.index + m.length)..<previous]))
                var piece: [UInt16] = []
                produce(m, &piece)
                pieces.append(piece)
                previous = m.index
            }
            pieces.append(Array(units[0..<previous]))
            for piece in pieces.reversed() { out += piece }
        } else {
            out.reserveCapacity(units.count + 16)
            var previous = 0
            for m in found {
                out += units[previous..<m.index]
                produce(m, &out)
                previous = m.index + m.length
            }
            out += units[previous...]
        }
        return out.withUnsafeBufferPointer { MatchText.string($0) }
    }

    /// `Regex.Split`: captured groups are included; `count` limits the pieces (0 = no limit).
    public func split(_ input: String, count: Int = 0, startAt: Int? = nil,
                      cancellation: Cancellation? = nil) throws(RegexError) -> [String] {
        if count < 0 { throw RegexError(.argumentOutOfRange, "Count cannot be less than -1.\r\nParameter name: count") }
        if count == 1 { return [input] }
        let found = try matches(in: input, startAt: startAt, limit: count == 0 ? -1 : count - 1,
                                cancellation: cancellation)
        guard let first = found.first else { return [input] }
        let text = first.text
        var pieces: [String] = []
        func groups(_ m: RegexMatch) {
            for slot in 1..<(m.offsets.count - 1) {
                if let span = m.lastSpan(slot) { pieces.append(text.substring(span.start, span.end - span.start)) }
            }
        }
        if rightToLeft {
            var previous = text.units.count
            for m in found {
                pieces.append(text.substring(m.index + m.length, previous - m.index - m.length))
                previous = m.index
                groups(m)
            }
            pieces.append(text.substring(0, previous))
            return pieces.reversed()
        }
        var previous = 0
        for m in found {
            pieces.append(text.substring(previous, m.index - previous))
            previous = m.index + m.length
            groups(m)
        }
        pieces.append(text.substring(previous, text.units.count - previous))
        return pieces
    }
}
