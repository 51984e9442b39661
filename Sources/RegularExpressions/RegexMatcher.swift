/// Runs a `RegexProgram` over UTF-16 text with an explicit backtracking stack.
///
/// Every choice point and every register or capture change is an entry on `stack`, so neither the
/// input's length nor the pattern's nesting grows the call stack.
struct RegexMatcher: Sendable {
    struct Entry {
        enum Kind: UInt8 {
            case branch, restoreRegister, undoCapture
            case giveBack, giveBackRTL, lazyMore, lazyLoop
            case barrier, negativeMarker, conditionMarker
        }
        var kind: Kind
        var pc: Int32
        var pos: Int
        var x: Int
    }

    struct CaptureEntry {
        var slot: Int32
        var start: Int
        var end: Int
        var previous: Int32
    }

    let program: RegexProgram
    var stack: [Entry] = []
    var registers: [Int]
    var log: [CaptureEntry] = []
    var top: [Int32]
    var steps = 0

    init(program: RegexProgram) {
        self.program = program
        registers = [Int](repeating: -1, count: program.registerCount)
        top = [Int32](repeating: -1, count: program.slotCount)
    }

    /// The captures of the last successful attempt as flat (start, end) pairs, slot after slot,
    /// oldest first, with each slot's starting offset.
    func captureSpans() -> (spans: [Int], offsets: [Int]) {
        var spans: [Int] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(top.count + 1)
        for slot in 0..<top.count {
            let begin = spans.count
            var i = top[slot]
            while i >= 0 {
                let e = log[Int(i)]
                spans.append(e.start)
                spans.append(e.end)
                i = e.previous
            }
            var a = begin, b = spans.count - 2
            while a < b {
                spans.swapAt(a, b)
                spans.swapAt(a + 1, b + 1)
                a += 2
                b -= 2
            }
            offsets.append(spans.count)
        }
        return (spans, offsets)
    }

    // MARK: - Scanning

    /// Finds the next match starting the scan at `startAt`; true when `captures()` holds one.
    mutating func scan(_ t: UnsafeBufferPointer<UInt16>, startAt: Int, textStart: Int,
                       cancellation: (() -> Bool)?) throws(RegexError) -> Bool {
        let n = t.count
        if program.rightToLeft {
            var start = startAt
            while start >= 0 {
                if try attempt(t, start, textStart, cancellation) { return true }
                start -= 1
            }
            return false
        }
        if program.anchoredAtBeginning { return startAt == 0 ? try attempt(t, 0, textStart, cancellation) : false }
        if program.anchoredAtStart { return try attempt(t, startAt, textStart, cancellation) }
        var start = startAt
        let prefix = program.prefix
        if let (low, high) = program.firstASCII {
            let nonASCII = program.firstNonASCII
            while start < n {
                if prefix.count > 1 {
                    guard let found = RegexMatcher.find(prefix, in: t, from: start) else { break }
                    start = found
                } else {
                    let c = t[start]
                    let possible = c < 64 ? low & (1 << UInt64(c)) != 0
                        : c < 128 ? high & (1 << UInt64(c - 64)) != 0 : nonASCII
                    if !possible { start += 1; continue }
                }
                if try attempt(t, start, textStart, cancellation) { return true }
                start += 1
            }
            return false
        }
        while start <= n {
            if try attempt(t, start, textStart, cancellation) { return true }
            start += 1
        }
        return false
    }

    private static func find(_ p: [UInt16], in t: UnsafeBufferPointer<UInt16>, from: Int) -> Int? {
        let first = p[0]
        let last = t.count - p.count
        var i = from
        while i <= last {
            if t[i] == first {
                var k = 1
                while k < p.count && t[i + k] == p[k] { k += 1 }
                if k == p.count { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: - One attempt

    mutating func attempt(_ t: UnsafeBufferPointer<UInt16>, _ start: Int, _ textStart: Int,
                          _ cancellation: (() -> Bool)?) throws(RegexError) -> Bool {
        stack.removeAll(keepingCapacity: true)
        log.removeAll(keepingCapacity: true)
        for i in 0..<top.count { top[i] = -1 }
        guard let end = try run(t, start, textStart, cancellation) else { return false }
        addCapture(0, min(start, end), max(start, end), undoable: false)
        return true
    }

    @inline(__always) func test(_ i: RegexProgram.Instruction, _ c: UInt16) -> Bool {
        switch i.op {
        case .char: return c == UInt16(truncatingIfNeeded: i.a)
        case .charIC: return UnicodeTables.toLower(c) == UInt16(truncatingIfNeeded: i.a)
        case .notChar: return c != UInt16(truncatingIfNeeded: i.a)
        case .anyChar: return true
        case .set: return program.classes[Int(i.a)].contains(c)
        case .setIC: return program.classes[Int(i.a)].contains(UnicodeTables.toLower(c))
        default: return false
        }
    }

    @inline(__always) mutating func setRegister(_ r: Int, _ value: Int) {
        stack.append(Entry(kind: .restoreRegister, pc: 0, pos: registers[r], x: r))
        registers[r] = value
    }

    mutating func addCapture(_ slot: Int, _ start: Int, _ end: Int, undoable: Bool = true) {
        log.append(CaptureEntry(slot: Int32(slot), start: start, end: end, previous: top[slot]))
        top[slot] = Int32(log.count - 1)
        if undoable { stack.append(Entry(kind: .undoCapture, pc: 0, pos: 0, x: 0)) }
    }

    mutating func removeLastCapture(_ slot: Int) {
        let current = top[slot]
        log.append(CaptureEntry(slot: Int32(slot), start: -1, end: -1, previous: current))
        top[slot] = log[Int(current)].previous
        stack.append(Entry(kind: .undoCapture, pc: 0, pos: 0, x: 0))
    }

    mutating func undoCapture() {
        guard let e = log.popLast() else { return }
        top[Int(e.slot)] = e.previous
    }

    /// Removes the choice points above the innermost marker and the marker itself, keeping the
    /// undo entries so that a later backtrack still restores registers and captures. Returns the
    /// position the marker saved.
    mutating func cut() -> Int {
        var k = stack.count - 1
        while k >= 0 {
            let kind = stack[k].kind
            if kind == .barrier || kind == .negativeMarker || kind == .conditionMarker { break }
            k -= 1
        }
        guard k >= 0 else { return 0 }
        let saved = stack[k].pos
        var w = k
        for r in (k + 1)..<stack.count {
            let kind = stack[r].kind
            if kind == .restoreRegister || kind == .undoCapture {
                stack[w] = stack[r]
                w += 1
            }
        }
        stack.removeSubrange(w..<stack.count)
        return saved
    }

    func checkCancellation(_ cancellation: (() -> Bool)?) throws(RegexError) {
        if let cancellation, cancellation() { throw RegexError.timeout }
    }
}
