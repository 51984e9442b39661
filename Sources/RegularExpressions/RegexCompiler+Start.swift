/// What a left-to-right match can begin with, so the scan can skip positions cheaply.
extension RegexCompiler {
    struct FirstSet {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var nonASCII = false
        var nullable = true

        static let anything = FirstSet(low: ~0, high: ~0, nonASCII: true, nullable: false)

        mutating func formUnion(_ o: FirstSet) {
            low |= o.low
            high |= o.high
            nonASCII = nonASCII || o.nonASCII
        }

        mutating func insert(_ c: UInt16) {
            if c < 64 { low |= 1 << UInt64(c) } else if c < 128 { high |= 1 << UInt64(c - 64) } else { nonASCII = true }
        }
    }

    mutating func analyseStart(_ tree: RegexNode) {
        let leading: RegexNode
        if case .concat(let items) = tree, let first = items.first { leading = first } else { leading = tree }
        if case .anchor(.beginning) = leading { program.anchoredAtBeginning = true; return }
        if case .anchor(.start) = leading { program.anchoredAtStart = true; return }
        let first = RegexCompiler.firstSet(tree, depth: 0)
        if !first.nullable {
            program.firstASCII = (first.low, first.high)
            program.firstNonASCII = first.nonASCII
        }
        program.prefix = RegexCompiler.literalPrefix(tree)
    }

    /// The case-sensitive literal every match starts with, if the pattern starts with one.
    private static func literalPrefix(_ tree: RegexNode) -> [UInt16] {
        var items: [RegexNode]
        if case .concat(let list) = tree { items = list } else { items = [tree] }
        var prefix: [UInt16] = []
        for item in items {
            guard case .one(let c, false) = item else { break }
            prefix.append(c)
        }
        return prefix
    }

    private static func firstSet(_ node: RegexNode, depth: Int) -> FirstSet {
        if depth > 200 { return .anything }
        switch node {
        case .empty, .anchor, .lookaround:
            return FirstSet()
        case .one(let c, let ic):
            var s = FirstSet(nullable: false)
            s.insert(c)
            if ic {
                if c >= 0x61 && c <= 0x7A { s.insert(c - 32) }
                if c >= 0x61 || c >= 128 { s.nonASCII = true }
            }
            return s
        case .set(let cls, let ic):
            var s = FirstSet(nullable: false)
            for c in UInt16(0)..<128 where cls.contains(ic ? UnicodeTables.toLower(c) : c) { s.insert(c) }
            s.nonASCII = true
            return s
        case .any:
            return .anything
        case .concat(let items):
            var result = FirstSet()
            for item in items {
                let s = firstSet(item, depth: depth + 1)
                result.formUnion(s)
                if !s.nullable { result.nullable = false; return result }
            }
            return result
        case .alternate(let alternatives):
            var result = FirstSet(nullable: false)
            for a in alternatives {
                let s = firstSet(a, depth: depth + 1)
                result.formUnion(s)
                if s.nullable { result.nullable = true }
            }
            return result
        case .loop(let body, let min, _, _):
            var s = firstSet(body, depth: depth + 1)
            if min == 0 { s.nullable = true }
            return s
        case .capture(let body, _, _), .atomic(let body):
            return firstSet(body, depth: depth + 1)
        case .backreference:
            return FirstSet(low: ~0, high: ~0, nonASCII: true, nullable: true)
        case .conditionalGroup(_, let yes, let no), .conditionalExpression(_, let yes, let no):
            var s = firstSet(yes, depth: depth + 1)
            let t = firstSet(no, depth: depth + 1)
            s.formUnion(t)
            s.nullable = s.nullable || t.nullable
            return s
        }
    }
}
