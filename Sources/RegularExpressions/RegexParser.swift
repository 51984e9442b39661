/// Reads .NET pattern syntax into a `RegexNode` tree.
///
/// The parser is iterative: open groups live on an explicit stack, so nesting depth costs heap, not
/// call stack. It runs twice, as .NET's does: a first pass only collects the capture groups, so that
/// back references may point forward and names can be numbered after the unnamed groups.
struct RegexParser {
    static let maximumNesting = 500

    let pattern: [UInt16]
    let patternText: String
    var pos = 0
    var options: RegexOptions
    let scanOnly: Bool
    var layout: CaptureLayout

    // Pass-one bookkeeping.
    var unnamedCount = 0
    var explicitNumbers: [Int] = []
    var namesInOrder: [String] = []

    enum FrameKind {
        case root
        case capture(number: Int, uncapture: Int)
        case group
        case atomic
        case lookaround(behind: Bool, negative: Bool, conditionTest: Bool)
        case conditionalGroup(Int)
        case conditionalExpression(RegexNode?)
    }

    struct Frame {
        var kind: FrameKind
        var options: RegexOptions
        var alternatives: [RegexNode] = []
        var concat: [RegexNode] = []
        var canQuantify = false
        var lastWasQuantifier = false
    }

    init(_ text: String, options: RegexOptions, scanOnly: Bool, layout: CaptureLayout = CaptureLayout()) {
        pattern = Array(text.utf16)
        patternText = text
        self.options = options
        self.scanOnly = scanOnly
        self.layout = layout
    }

    /// Parses `text`: returns the tree and the capture layout.
    static func parse(_ text: String, options: RegexOptions) throws(RegexError) -> (RegexNode, CaptureLayout) {
        var first = RegexParser(text, options: options, scanOnly: true)
        _ = try first.parseAll()
        let layout = first.assignNumbers()
        var second = RegexParser(text, options: options, scanOnly: false, layout: layout)
        let tree = try second.parseAll()
        return (tree, layout)
    }

    func error(_ detail: String) -> RegexError { RegexError.parse(patternText, detail) }

    var atEnd: Bool { pos >= pattern.count }
    func peek(_ offset: Int = 0) -> UInt16? {
        let i = pos + offset
        return i < pattern.count ? pattern[i] : nil
    }
    func isChar(_ offset: Int, _ c: Character) -> Bool { peek(offset) == c.utf16.first }

    // MARK: - Structure

    mutating func parseAll() throws(RegexError) -> RegexNode {
        var stack: [Frame] = [Frame(kind: .root, options: options)]
        while true {
            try skipBlanks()
            guard let c = peek() else { break }
            pos += 1
            switch c {
            case 0x28:  // (
                if stack.count > RegexParser.maximumNesting { throw error(ParseMessage.tooComplex) }
                try openGroup(&stack)
            case 0x29:  // )
                guard stack.count > 1 else { throw error(ParseMessage.tooManyParens) }
                let frame = stack.removeLast()
                options = frame.options
                let node = try close(frame)
                if case .lookaround(_, _, true) = frame.kind, case .conditionalExpression(nil) = stack[stack.count - 1].kind {
                    stack[stack.count - 1].kind = .conditionalExpression(node)
                    continue
                }
                append(node, to: &stack, quantifiable: true)
            case 0x7C:  // |
                let top = stack.count - 1
                stack[top].alternatives.append(concatenation(stack[top].concat))
                stack[top].concat = []
                stack[top].canQuantify = false
                stack[top].lastWasQuantifier = false
            case 0x2A, 0x2B, 0x3F:  // * + ?
                try quantify(&stack, min: c == 0x2B ? 1 : 0, max: c == 0x3F ? 1 : -1, text: String(UnicodeScalar(UInt8(c))))
            case 0x7B:  // {
                if let (lo, hi) = try scanQuantifierBraces() {
                    try quantify(&stack, min: lo, max: hi, text: "{")
                } else {
                    append(.one(c, ignoreCase: false), to: &stack, quantifiable: true)
                }
            case 0x5B:  // [
                let set = try scanCharClass()
                append(set, to: &stack, quantifiable: true)
            case 0x5C:  // backslash
                let node = try scanBackslash()
                append(node, to: &stack, quantifiable: true)
            case 0x5E:  // ^
                append(.anchor(options.contains(.multiline) ? .bolMultiline : .beginning), to: &stack, quantifiable: true)
            case 0x24:  // $
                append(.anchor(options.contains(.multiline) ? .eolMultiline : .endZ), to: &stack, quantifiable: true)
            case 0x2E:  // .
                append(.any(singleline: options.contains(.singleline)), to: &stack, quantifiable: true)
            default:
                append(literal(c), to: &stack, quantifiable: true)
            }
        }
        if stack.count > 1 { throw error(ParseMessage.notEnoughParens) }
        return try close(stack[0])
    }

    func literal(_ c: UInt16) -> RegexNode {
        let ic = options.contains(.ignoreCase)
        return .one(ic ? UnicodeTables.toLower(c) : c, ignoreCase: ic)
    }

    func concatenation(_ items: [RegexNode]) -> RegexNode {
        items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
    }

    func append(_ node: RegexNode, to stack: inout [Frame], quantifiable: Bool) {
        let top = stack.count - 1
        stack[top].concat.append(node)
        stack[top].canQuantify = quantifiable
        stack[top].lastWasQuantifier = false
    }

    mutating func quantify(_ stack: inout [Frame], min: Int, max: Int, text: String) throws(RegexError) {
        let top = stack.count - 1
        if stack[top].lastWasQuantifier { throw error(ParseMessage.nestedQuantify(text)) }
        guard stack[top].canQuantify, let last = stack[top].concat.popLast() else {
            throw error(ParseMessage.quantifyAfterNothing)
        }
        var lazy = false
        if peek() == 0x3F { lazy = true; pos += 1 }
        stack[top].concat.append(.loop(last, min: min, max: max, lazy: lazy))
        stack[top].canQuantify = false
        stack[top].lastWasQuantifier = true
    }

    func close(_ frame: Frame) throws(RegexError) -> RegexNode {
        var alternatives = frame.alternatives
        alternatives.append(concatenation(frame.concat))
        let body = alternatives.count == 1 ? alternatives[0] : .alternate(alternatives)
        switch frame.kind {
        case .root, .group: return body
        case .capture(let number, let uncapture): return .capture(body, number: number, uncapture: uncapture)
        case .atomic: return .atomic(body)
        case .lookaround(let behind, let negative, _): return .lookaround(body, behind: behind, negative: negative)
        case .conditionalGroup(let number):
            if alternatives.count > 2 { throw error(ParseMessage.tooManyAlternates) }
            return .conditionalGroup(number, yes: alternatives[0], no: alternatives.count > 1 ? alternatives[1] : .empty)
        case .conditionalExpression(let condition):
            if alternatives.count > 2 { throw error(ParseMessage.tooManyAlternates) }
            return .conditionalExpression(condition ?? .empty, yes: alternatives[0],
                                          no: alternatives.count > 1 ? alternatives[1] : .empty)
        }
    }

    /// Skips whitespace and `#` comments under IgnorePatternWhitespace, and `(?#…)` comments always.
    mutating func skipBlanks() throws(RegexError) {
        while true {
            if options.contains(.ignorePatternWhitespace) {
                while let c = peek(), isPatternSpace(c) { pos += 1 }
                if peek() == 0x23 {
                    while let c = peek(), c != 0x0A { pos += 1 }
                    continue
                }
            }
            if isChar(0, "("), isChar(1, "?"), isChar(2, "#") {
                var i = pos + 3
                while i < pattern.count, pattern[i] != 0x29 { i += 1 }
                if i >= pattern.count { throw error(ParseMessage.unterminatedComment) }
                pos = i + 1
                continue
            }
            return
        }
    }

    func isPatternSpace(_ c: UInt16) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor (just after `{`); nil when the brace is a literal.
    mutating func scanQuantifierBraces() throws(RegexError) -> (Int, Int)? {
        var i = pos
        func digits() -> Bool {
            let s = i
            while i < pattern.count, pattern[i] >= 0x30, pattern[i] <= 0x39 { i += 1 }
            return i > s
        }
        guard digits() else { return nil }
        if i < pattern.count, pattern[i] == 0x2C { i += 1; _ = digits() }
        guard i < pattern.count, pattern[i] == 0x7D else { return nil }
        let lo = try scanDecimal()
        var hi = lo
        if peek() == 0x2C {
            pos += 1
            hi = (peek().map { $0 >= 0x30 && $0 <= 0x39 } ?? false) ? try scanDecimal() : -1
        }
        pos += 1  // }
        if hi != -1 && hi < lo { throw error(ParseMessage.illegalRange) }
        return (lo, hi)
    }

    mutating func scanDecimal() throws(RegexError) -> Int {
        var value = 0
        while let c = peek(), c >= 0x30, c <= 0x39 {
            pos += 1
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 0x30))
            if o1 || o2 || s > Int(Int32.max) { throw error(ParseMessage.captureGroupOutOfRange) }
            value = s
        }
        return value
    }

    // MARK: - Capture numbering (pass one)

    func assignNumbers() -> CaptureLayout {
        var used = Set(explicitNumbers)
        for n in 1...max(unnamedCount, 1) where n <= unnamedCount { used.insert(n) }
        var numberForName: [String: Int] = [:]
        var next = unnamedCount + 1
        for name in namesInOrder where numberForName[name] == nil {
            while used.contains(next) { next += 1 }
            numberForName[name] = next
            used.insert(next)
            next += 1
        }
        var layout = CaptureLayout()
        let numbers = ([0] + used.sorted()).reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }
        layout.numbers = numbers
        var nameOfNumber: [Int: String] = [:]
        for (name, n) in numberForName { nameOfNumber[n] = name }
        layout.names = numbers.map { nameOfNumber[$0] ?? String($0) }
        for (slot, n) in numbers.enumerated() { layout.slotForNumber[n] = slot }
        for (i, n) in numbers.enumerated() { layout.numberForName[layout.names[i]] = n }
        return layout
    }

    mutating func noteName(_ name: String) -> Int {
        if let n = Int(name) {
            if scanOnly { explicitNumbers.append(n); return 0 }
            return layout.slotForNumber[n] ?? 0
        }
        if scanOnly { namesInOrder.append(name); return 0 }
        return layout.numberForName[name].flatMap { layout.slotForNumber[$0] } ?? 0
    }

    /// The slot of a referenced group name or number, nil when undefined.
    func slot(forReference name: String) -> Int? {
        if let n = Int(name) { return layout.slotForNumber[n] }
        return layout.numberForName[name].flatMap { layout.slotForNumber[$0] }
    }
}
