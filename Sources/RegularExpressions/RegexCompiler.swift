/// Turns a `RegexNode` tree into a `RegexProgram`.
struct RegexCompiler {
    var program = RegexProgram()

    static func compile(_ tree: RegexNode, slotCount: Int, rightToLeft: Bool) -> RegexProgram {
        var compiler = RegexCompiler()
        compiler.program.slotCount = slotCount
        compiler.program.rightToLeft = rightToLeft
        compiler.compile(tree, rightToLeft)
        compiler.emit(.match, rightToLeft)
        if !rightToLeft { compiler.analyseStart(tree) }
        return compiler.program
    }

    @discardableResult
    private mutating func emit(_ op: RegexProgram.Op, _ rtl: Bool, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0,
                               _ d: Int = 0) -> Int {
        program.instructions.append(.init(op: op, rightToLeft: rtl, a: Int32(truncatingIfNeeded: a),
                                          b: Int32(truncatingIfNeeded: b), c: Int32(truncatingIfNeeded: c),
                                          d: Int32(truncatingIfNeeded: d)))
        return program.instructions.count - 1
    }

    private var here: Int { program.instructions.count }

    private mutating func patch(_ at: Int, a: Int? = nil, b: Int? = nil, d: Int? = nil) {
        if let a { program.instructions[at].a = Int32(a) }
        if let b { program.instructions[at].b = Int32(b) }
        if let d { program.instructions[at].d = Int32(d) }
    }

    private mutating func register(_ count: Int) -> Int {
        defer { program.registerCount += count }
        return program.registerCount
    }

    private mutating func addClass(_ c: CharClass) -> Int {
        program.classes.append(c)
        return program.classes.count - 1
    }

    private mutating func compile(_ node: RegexNode, _ rtl: Bool) {
        switch node {
        case .empty: break
        case .one, .set, .any: emitSingle(node, rtl)
        case .anchor(let kind): emit(.anchor, rtl, RegexCompiler.anchorCode(kind))
        case .concat(let items): compileConcat(items, rtl)
        case .alternate(let alternatives):
            var jumps: [Int] = []
            for (i, alternative) in alternatives.enumerated() {
                if i == alternatives.count - 1 {
                    compile(alternative, rtl)
                } else {
                    let split = emit(.split, rtl)
                    patch(split, a: here)
                    compile(alternative, rtl)
                    jumps.append(emit(.jump, rtl))
                    patch(split, b: here)
                }
            }
            for j in jumps { patch(j, a: here) }
        case .loop(let body, let min, let max, let lazy): compileLoop(body, min, max, lazy, rtl)
        case .capture(let body, let number, let uncapture):
            let r = register(1)
            emit(.mark, rtl, r)
            compile(body, rtl)
            emit(.capture, rtl, number, r, uncapture)
        case .atomic(let body):
            emit(.atomicBegin, rtl)
            compile(body, rtl)
            emit(.atomicEnd, rtl)
        case .lookaround(let body, let behind, let negative):
            let direction = behind ? true : rtl
            if negative {
                let begin = emit(.negativeLookBegin, direction)
                compile(body, direction)
                emit(.negativeLookEnd, direction)
                patch(begin, a: here)
            } else {
                emit(.lookBegin, direction)
                compile(body, direction)
                emit(.lookEnd, direction)
            }
        case .backreference(let slot, let ignoreCase): emit(.backreference, rtl, slot, ignoreCase ? 1 : 0)
        case .conditionalGroup(let slot, let yes, let no):
            let test = emit(.conditionalGroup, rtl, slot)
            compileBranches(test, yes, no, rtl)
        case .conditionalExpression(let condition, let yes, let no):
            let begin = emit(.conditionBegin, rtl)
            compile(condition, rtl)
            emit(.conditionEnd, rtl)
            compileBranches(begin, yes, no, rtl)
        }
    }

    /// `yes`, then `no` at the address the test instruction (`at`) jumps to on failure.
    private mutating func compileBranches(_ at: Int, _ yes: RegexNode, _ no: RegexNode, _ rtl: Bool) {
        compile(yes, rtl)
        let jump = emit(.jump, rtl)
        if program.instructions[at].op == .conditionalGroup { patch(at, b: here) } else { patch(at, a: here) }
        compile(no, rtl)
        patch(jump, a: here)
    }

    private mutating func compileConcat(_ items: [RegexNode], _ rtl: Bool) {
        var i = 0
        let ordered = rtl ? items.reversed() : items
        while i < ordered.count {
            // Runs of literal characters become one string instruction.
            if case .one(_, let ic) = ordered[i] {
                var run: [UInt16] = []
                var j = i
                while j < ordered.count, case .one(let c, let ic2) = ordered[j], ic2 == ic {
                    run.append(c)
                    j += 1
                }
                if run.count > 1 {
                    program.strings.append(rtl ? run.reversed() : run)
                    emit(ic ? .stringIC : .string, rtl, program.strings.count - 1)
                    i = j
                    continue
                }
            }
            compile(ordered[i], rtl)
            i += 1
        }
    }

    private static func isSingle(_ node: RegexNode) -> Bool {
        switch node {
        case .one, .set, .any: return true
        default: return false
        }
    }

    private mutating func emitSingle(_ node: RegexNode, _ rtl: Bool) {
        switch node {
        case .one(let c, let ic): emit(ic ? .charIC : .char, rtl, Int(c))
        case .set(let cls, let ic):
            if let c = cls.singleCharacter, !ic { emit(.char, rtl, Int(c)) } else { emit(ic ? .setIC : .set, rtl, addClass(cls)) }
        case .any(let singleline): if singleline { emit(.anyChar, rtl) } else { emit(.notChar, rtl, 0x0A) }
        default: break
        }
    }

    private mutating func compileLoop(_ body: RegexNode, _ min: Int, _ max: Int, _ lazy: Bool, _ rtl: Bool) {
        if max == 0 { return }
        if min == 1 && max == 1 { compile(body, rtl); return }
        if RegexCompiler.isSingle(body) {
            emit(lazy ? .repeatLazy : .repeatGreedy, rtl, min, max)
            emitSingle(body, rtl)
            return
        }
        let r = register(2)
        emit(.loopInit, rtl, r)
        let head = emit(lazy ? .loopLazy : .loopGreedy, rtl, r, min, max)
        compile(body, rtl)
        emit(.jump, rtl, head)
        patch(head, d: here)
    }

    static func anchorCode(_ kind: RegexNode.Anchor) -> Int {
        switch kind {
        case .beginning: return 0
        case .bol: return 1
        case .eol: return 2
        case .endZ: return 3
        case .end: return 4
        case .start: return 5
        case .boundary: return 6
        case .nonBoundary: return 7
        case .ecmaBoundary: return 8
        case .nonECMABoundary: return 9
        case .bolMultiline: return 10
        case .eolMultiline: return 11
        }
    }
}
