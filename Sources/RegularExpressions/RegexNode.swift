/// The parsed form of a pattern, before compilation.
indirect enum RegexNode {
    enum Anchor: Sendable {
        case beginning, bol, eol, endZ, end, start, boundary, nonBoundary, ecmaBoundary, nonECMABoundary
        case bolMultiline, eolMultiline
    }

    case empty
    case one(UInt16, ignoreCase: Bool)
    case set(CharClass, ignoreCase: Bool)
    case any(singleline: Bool)
    case anchor(Anchor)
    case concat([RegexNode])
    case alternate([RegexNode])
    case loop(RegexNode, min: Int, max: Int, lazy: Bool)
    /// `number` is -1 for `(?<-b>…)`; `uncapture` is -1 unless balancing.
    case capture(RegexNode, number: Int, uncapture: Int)
    case atomic(RegexNode)
    case lookaround(RegexNode, behind: Bool, negative: Bool)
    case backreference(Int, ignoreCase: Bool)
    case conditionalGroup(Int, yes: RegexNode, no: RegexNode)
    case conditionalExpression(RegexNode, yes: RegexNode, no: RegexNode)
}

/// The capture groups a pattern declares, numbered as .NET numbers them.
struct CaptureLayout: Sendable {
    /// Group numbers in ascending order (0 first).
    var numbers: [Int] = [0]
    /// Name of each group, indexed like `numbers`: the number's digits for unnamed groups.
    var names: [String] = ["0"]
    var numberForName: [String: Int] = [:]
    var slotForNumber: [Int: Int] = [0: 0]

    func slot(of number: Int) -> Int? {
        if number >= 0, number < numbers.count, numbers[number] == number { return number }
        return slotForNumber[number]
    }
}
