extension RegexMatcher {
    /// Runs the program from `start`; returns where the match ended, or nil.
    mutating func run(_ t: UnsafeBufferPointer<UInt16>, _ start: Int, _ textStart: Int,
                      _ cancellation: (() -> Bool)?) throws(RegexError) -> Int? {
        let code = program.instructions
        let n = t.count
        var pc = 0
        var pos = start
        while true {
            steps &+= 1
            if steps & 0xFFFF == 0 { try checkCancellation(cancellation) }
            let i = code[pc]
            var ok = true
            switch i.op {
            case .char, .charIC, .notChar, .anyChar, .set, .setIC:
                if i.rightToLeft {
                    if pos > 0 && test(i, t[pos - 1]) { pos -= 1; pc += 1 } else { ok = false }
                } else {
                    if pos < n && test(i, t[pos]) { pos += 1; pc += 1 } else { ok = false }
                }
            case .string, .stringIC:
                let s = program.strings[Int(i.a)]
                let from = i.rightToLeft ? pos - s.count : pos
                if from < 0 || from + s.count > n {
                    ok = false
                } else if i.op == .string {
                    for k in 0..<s.count where t[from + k] != s[k] { ok = false; break }
                } else {
                    for k in 0..<s.count where UnicodeTables.toLower(t[from + k]) != s[k] { ok = false; break }
                }
                if ok { pos = i.rightToLeft ? from : from + s.count; pc += 1 }
            case .repeatGreedy:
                let m = code[pc + 1]
                let minimum = Int(i.a)
                let room = i.rightToLeft ? pos : n - pos
                let limit = i.b < 0 ? room : min(Int(i.b), room)
                var count = 0
                if i.rightToLeft {
                    while count < limit && test(m, t[pos - 1 - count]) { count += 1 }
                } else {
                    while count < limit && test(m, t[pos + count]) { count += 1 }
                }
                if count < minimum { ok = false; break }
                let end = i.rightToLeft ? pos - count : pos + count
                if count > minimum {
                    let floor = i.rightToLeft ? pos - minimum : pos + minimum
                    stack.append(Entry(kind: i.rightToLeft ? .giveBackRTL : .giveBack, pc: Int32(pc + 2), pos: end, x: floor))
                }
                pos = end
                pc += 2
            case .repeatLazy:
                let m = code[pc + 1]
                let minimum = Int(i.a)
                var count = 0
                while count < minimum {
                    if i.rightToLeft {
                        guard pos > 0, test(m, t[pos - 1]) else { break }
                        pos -= 1
                    } else {
                        guard pos < n, test(m, t[pos]) else { break }
                        pos += 1
                    }
                    count += 1
                }
                if count < minimum { ok = false; break }
                if i.b < 0 || count < Int(i.b) {
                    stack.append(Entry(kind: .lazyMore, pc: Int32(pc), pos: pos, x: count))
                }
                pc += 2
            case .split:
                stack.append(Entry(kind: .branch, pc: i.b, pos: pos, x: 0))
                pc = Int(i.a)
            case .jump:
                pc = Int(i.a)
            case .mark:
                setRegister(Int(i.a), pos)
                pc += 1
            case .capture:
                let mark = registers[Int(i.b)]
                var lo = min(mark, pos), hi = max(mark, pos)
                if i.c >= 0 {
                    let other = Int(i.c)
                    let t2 = top[other]
                    guard t2 >= 0 else { ok = false; break }
                    let s2 = log[Int(t2)].start, e2 = log[Int(t2)].end
                    if lo >= e2 { hi = lo; lo = e2 } else if hi <= s2 { lo = hi; hi = s2 } else {
                        hi = min(hi, e2)
                        lo = max(lo, s2)
                    }
                    removeLastCapture(other)
                }
                if i.a >= 0 { addCapture(Int(i.a), lo, hi) }
                pc += 1
            case .loopInit:
                let r = Int(i.a)
                setRegister(r, 0)
                setRegister(r + 1, -1)
                pc += 1
            case .loopGreedy, .loopLazy:
                let r = Int(i.a)
                let count = registers[r]
                if count < Int(i.b) {
                    setRegister(r, count + 1)
                    setRegister(r + 1, pos)
                    pc += 1
                } else if i.op == .loopLazy {
                    stack.append(Entry(kind: .lazyLoop, pc: Int32(pc), pos: pos, x: 0))
                    pc = Int(i.d)
                } else if (i.c < 0 || count < Int(i.c)) && pos != registers[r + 1] {
                    stack.append(Entry(kind: .branch, pc: i.d, pos: pos, x: 0))
                    setRegister(r, count + 1)
                    setRegister(r + 1, pos)
                    pc += 1
                } else {
                    pc = Int(i.d)
                }
            case .anchor:
                if anchorHolds(Int(i.a), t, pos, textStart) { pc += 1 } else { ok = false }
            case .backreference:
                let slot = top[Int(i.a)]
                guard slot >= 0 else { ok = false; break }
                let e = log[Int(slot)]
                let length = e.end - e.start
                let from = i.rightToLeft ? pos - length : pos
                guard from >= 0, from + length <= n else { ok = false; break }
                for k in 0..<length {
                    let a = t[e.start + k], b = t[from + k]
                    if a != b && (i.b == 0 || UnicodeTables.toLower(a) != UnicodeTables.toLower(b)) { ok = false; break }
                }
                if ok { pos = i.rightToLeft ? from : from + length; pc += 1 }
            case .atomicBegin, .lookBegin:
                stack.append(Entry(kind: .barrier, pc: 0, pos: pos, x: 0))
                pc += 1
            case .atomicEnd:
                _ = cut()
                pc += 1
            case .lookEnd, .conditionEnd:
                pos = cut()
                pc += 1
            case .negativeLookBegin:
                stack.append(Entry(kind: .negativeMarker, pc: i.a, pos: pos, x: 0))
                pc += 1
            case .negativeLookEnd:
                // The body matched, so the assertion fails: unwind everything it did, then fail.
                while let e = stack.popLast() {
                    if e.kind == .negativeMarker { break }
                    if e.kind == .restoreRegister { registers[e.x] = e.pos } else if e.kind == .undoCapture { undoCapture() }
                }
                ok = false
            case .conditionalGroup:
                pc = top[Int(i.a)] >= 0 ? pc + 1 : Int(i.b)
            case .conditionBegin:
                stack.append(Entry(kind: .conditionMarker, pc: i.a, pos: pos, x: 0))
                pc += 1
            case .match:
                return pos
            }
            if ok { continue }
            guard let (nextPC, nextPos) = try backtrack(t, cancellation) else { return nil }
            pc = nextPC
            pos = nextPos
        }
    }

    /// Pops the stack to the most recent choice point; nil when there is none left.
    private mutating func backtrack(_ t: UnsafeBufferPointer<UInt16>,
                                    _ cancellation: (() -> Bool)?) throws(RegexError) -> (Int, Int)? {
        let n = t.count
        while let e = stack.popLast() {
            steps &+= 1
            if steps & 0xFFFF == 0 { try checkCancellation(cancellation) }
            switch e.kind {
            case .branch, .negativeMarker, .conditionMarker:
                return (Int(e.pc), e.pos)
            case .restoreRegister:
                registers[e.x] = e.pos
            case .undoCapture:
                undoCapture()
            case .barrier:
                continue
            case .giveBack:
                let p = e.pos - 1
                if p > e.x { stack.append(Entry(kind: .giveBack, pc: e.pc, pos: p, x: e.x)) }
                return (Int(e.pc), p)
            case .giveBackRTL:
                let p = e.pos + 1
                if p < e.x { stack.append(Entry(kind: .giveBackRTL, pc: e.pc, pos: p, x: e.x)) }
                return (Int(e.pc), p)
            case .lazyMore:
                let i = program.instructions[Int(e.pc)]
                let m = program.instructions[Int(e.pc) + 1]
                let p: Int
                if i.rightToLeft {
                    guard e.pos > 0, test(m, t[e.pos - 1]) else { continue }
                    p = e.pos - 1
                } else {
                    guard e.pos < n, test(m, t[e.pos]) else { continue }
                    p = e.pos + 1
                }
                let count = e.x + 1
                if i.b < 0 || count < Int(i.b) { stack.append(Entry(kind: .lazyMore, pc: e.pc, pos: p, x: count)) }
                return (Int(e.pc) + 2, p)
            case .lazyLoop:
                let i = program.instructions[Int(e.pc)]
                let r = Int(i.a)
                let count = registers[r]
                guard (i.c < 0 || count < Int(i.c)) && e.pos != registers[r + 1] else { continue }
                setRegister(r, count + 1)
                setRegister(r + 1, e.pos)
                return (Int(e.pc) + 1, e.pos)
            }
        }
        return nil
    }

    private func anchorHolds(_ code: Int, _ t: UnsafeBufferPointer<UInt16>, _ pos: Int, _ textStart: Int) -> Bool {
        let n = t.count
        switch code {
        case 0: return pos == 0
        case 1, 10: return pos == 0 || t[pos - 1] == 0x0A
        case 2, 11: return pos == n || t[pos] == 0x0A
        case 3: return pos == n || (pos == n - 1 && t[pos] == 0x0A)
        case 4: return pos == n
        case 5: return pos == textStart
        case 6, 7:
            let before = pos > 0 && UnicodeTables.isWordChar(t[pos - 1])
            let after = pos < n && UnicodeTables.isWordChar(t[pos])
            return (before != after) == (code == 6)
        default:
            let before = pos > 0 && UnicodeTables.isECMAWordChar(t[pos - 1])
            let after = pos < n && UnicodeTables.isECMAWordChar(t[pos])
            return (before != after) == (code == 8)
        }
    }
}
