/// The compiled form the matcher runs: a flat instruction array and its side tables.
struct RegexProgram: Sendable {
    enum Op: UInt8, Sendable {
        case char, charIC, notChar, anyChar, set, setIC
        case string, stringIC
        /// a = min, b = max (-1 unbounded); the single-character matcher is at pc + 1; continue at pc + 2.
        case repeatGreedy, repeatLazy
        /// Try a, remember b.
        case split
        case jump
        /// Save the position in register a.
        case mark
        /// Capture slot a from register b's position to here; c = the slot a balancing group pops (-1 none).
        case capture
        /// a = first of the loop's two registers (count, start of the last iteration).
        case loopInit
        /// a = register, b = min, c = max (-1 unbounded), d = exit; the body starts at pc + 1.
        case loopGreedy, loopLazy
        case anchor
        /// a = slot, b = 1 when case-insensitive.
        case backreference
        case atomicBegin, atomicEnd
        case lookBegin, lookEnd
        /// a = where to continue once the body has failed.
        case negativeLookBegin, negativeLookEnd
        /// a = slot, b = the `no` branch.
        case conditionalGroup
        /// a = the `no` branch.
        case conditionBegin, conditionEnd
        case match
    }

    struct Instruction: Sendable {
        var op: Op
        var rightToLeft: Bool
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
    }

    var instructions: [Instruction] = []
    var strings: [[UInt16]] = []
    var classes: [CharClass] = []
    var registerCount = 0
    var slotCount = 1
    var rightToLeft = false

    /// Where a left-to-right match may begin.
    var anchoredAtBeginning = false
    var anchoredAtStart = false
    /// First-character filter: bit c of the ASCII mask, and whether any non-ASCII unit may begin a match.
    var firstASCII: (UInt64, UInt64)? = nil
    var firstNonASCII = true
    /// A literal every match begins with (case-sensitive), used to skip ahead.
    var prefix: [UInt16] = []
}
