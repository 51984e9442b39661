// A PowerShell program generator for the engine fuzzer: a byte string is a list of choices, each
// byte picking one alternative of the production being expanded, so that libFuzzer's byte
// mutations become changes of statements, operators, names and constants. Names are read from
// the engine's tables, never typed here; the constants are the values at which arithmetic,
// conversions, widths and indexes break.
import ShellEngine

final class EngineGrammar {
    struct Cmdlet {
        let name: String
        let parameters: [String]
    }
    struct Member {
        let type: String
        let name: String
        let arity: Int
    }

    let cmdlets: [Cmdlet]
    let staticMembers: [Member]
    let instanceMembers: [Member]
    let typeNames: [String]

    static let boundaries = [
        "[long]::MinValue", "[long]::MaxValue", "[int]::MinValue", "[int]::MaxValue", "-1", "0", "1", "2",
        "0x8000000000000000", "0x7FFFFFFF", "0xFFFFFFFF", "2147483648", "-2147483648", "9223372036854775807",
        "-9223372036854775808", "18446744073709551615", "1e308", "-1e308", "1e-320", "[double]::NaN",
        "[double]::PositiveInfinity", "[decimal]::MaxValue", "[decimal]::MinValue", "79228162514264337593543950335",
        "2147483647", "65536", "100000", "1000000000", "[char]0", "[char]0xFFFF", "0.5", "-0.0", "1kb", "1pb",
        "$null", "$true", "$false", "''", "'a'", "'abc'", "\"`0\"", "'{0}'", "'{5}'", "'{0,-9223372036854775808}'",
        "'{0,2147483647}'", "'{0:D}'", "'{0:N99}'", "'{0:X}'", "'{'", "'}'", "'*'", "'['", "'\\\\'", "'C:\\'",
        "'HKLM:\\'", "'\\\\.\\mailslot\\x'", "'x.txt'", "@()", "@($null)", "@(1,2,3)", ",@()", "@{}", "@{a=1}",
        "{}", "{ $_ }", "{ param($a) $a }", "[datetime]::MaxValue", "[timespan]::MinValue", "[guid]::Empty",
        "(1..3)", "$args", "$input", "$_", "$PSItem", "$Error", "$host", "$PSVersionTable", "$env:PATH",
    ]
    static let binaryOperators = [
        "+", "-", "*", "/", "%", "-eq", "-ne", "-lt", "-gt", "-le", "-ge", "-like", "-notlike", "-match",
        "-notmatch", "-replace", "-split", "-join", "-contains", "-in", "-band", "-bor", "-bxor", "-shl", "-shr",
        "-and", "-or", "-xor", "-f", "-as", "-is", "..", "-ceq", "-ireplace", "-csplit",
    ]
    static let unaryOperators = ["-not ", "!", "-", "+", "-bnot ", "-split ", "-join ", ",", "++", "--"]
    static let accelerators = [
        "int", "long", "byte", "sbyte", "int16", "uint16", "uint32", "uint64", "double", "single", "decimal",
        "bigint", "char", "string", "bool", "datetime", "timespan", "array", "hashtable", "regex", "xml",
        "scriptblock", "type", "object", "object[]", "int[]", "string[]", "System.Collections.Generic.List[int]",
    ]

    init(engine: Engine) {
        cmdlets = engine.cmdlets.all.map { Cmdlet(name: $0.metadata.name, parameters: $0.metadata.parameters.map(\.name)) }
            .sorted { $0.name < $1.name }
        var statics: [Member] = []
        var instance: [Member] = []
        for type in engine.types.allTypes.sorted(by: { $0.fullName < $1.fullName }) {
            for m in type.staticMethods { statics.append(Member(type: type.fullName, name: m.name, arity: m.parameters.count)) }
            for p in type.staticProperties { statics.append(Member(type: type.fullName, name: p.name, arity: -1)) }
            for m in type.methods { instance.append(Member(type: type.fullName, name: m.name, arity: m.parameters.count)) }
            for p in type.properties { instance.append(Member(type: type.fullName, name: p.name, arity: -1)) }
        }
        staticMembers = statics
        instanceMembers = instance
        typeNames = engine.types.allTypes.map(\.fullName).sorted()
    }

    /// libFuzzer's dictionary: every name and constant, quoted in its format.
    func dictionary() -> String {
        var words = Set(Self.boundaries + Self.binaryOperators + Self.accelerators.map { "[\($0)]" })
        for c in cmdlets {
            words.insert(c.name)
            for p in c.parameters { words.insert("-" + p) }
        }
        for m in staticMembers { words.insert("[\(m.type)]::\(m.name)") }
        for m in instanceMembers { words.insert("." + m.name + (m.arity >= 0 ? "(" : "")) }
        return words.sorted().map { word in
            "\"" + word.utf8.map { b in
                b == 0x22 || b == 0x5C ? "\\" + String(UnicodeScalar(b)) : (32..<127).contains(b) ? String(UnicodeScalar(b))
                    : "\\x" + String(b, radix: 16).leftPadded(2)
            }.joined() + "\""
        }.joined(separator: "\n") + "\n"
    }

    /// The program the choices describe (a short input still gives a whole program: choices past
    /// the end read as zero).
    func program(from choices: [UInt8]) -> String {
        var cursor = Cursor(bytes: choices)
        var statements: [String] = []
        let count = 1 + cursor.pick(4)
        for _ in 0..<count { statements.append(statement(&cursor, depth: 0)) }
        return statements.joined(separator: "\n")
    }

    struct Cursor {
        let bytes: [UInt8]
        var index = 0
        mutating func next() -> Int {
            defer { index += 1 }
            return index < bytes.count ? Int(bytes[index]) : 0
        }
        /// A number in 0..<n (two bytes where one cannot address every choice).
        mutating func pick(_ n: Int) -> Int {
            guard n > 1 else { return 0 }
            return n <= 256 ? next() % n : (next() << 8 | next()) % n
        }
        mutating func element<T>(_ items: [T]) -> T { items[pick(items.count)] }
        var exhausted: Bool { index >= bytes.count }
    }

    private func block(_ c: inout Cursor, depth: Int) -> String {
        let count = c.pick(3)
        return "{ " + (0..<count).map { _ in statement(&c, depth: depth + 1) }.joined(separator: "; ") + " }"
    }

    func statement(_ c: inout Cursor, depth: Int) -> String {
        let deep = depth > 3 || c.exhausted
        switch deep ? c.pick(3) : c.pick(14) {
        case 0: return pipeline(&c, depth: depth)
        case 1: return "$\(variable(&c)) = \(expression(&c, depth: depth))"
        case 2: return expression(&c, depth: depth)
        case 3: return "if (\(expression(&c, depth: depth))) \(block(&c, depth: depth)) else \(block(&c, depth: depth))"
        case 4: return "foreach ($\(variable(&c)) in \(expression(&c, depth: depth))) \(block(&c, depth: depth))"
        case 5: return "try \(block(&c, depth: depth)) catch \(block(&c, depth: depth)) finally \(block(&c, depth: depth))"
        case 6: return "switch (\(expression(&c, depth: depth))) { \(expression(&c, depth: depth + 1)) \(block(&c, depth: depth)) default \(block(&c, depth: depth)) }"
        case 7: return "function f\(c.pick(3))($a, $b) \(block(&c, depth: depth)); f\(c.pick(3)) \(argument(&c, depth: depth))"
        case 8: return "$\(variable(&c))\(c.element(["[0]", "[-1]", ".x", "[[long]::MinValue]", "[$null]"])) \(c.element(["=", "+=", "*=", "-="])) \(expression(&c, depth: depth))"
        case 9: return "for ($i = 0; $i -lt \(c.pick(5)); $i++) \(block(&c, depth: depth))"
        case 10: return "\(c.element(["throw", "return", "exit", "break", "continue", "trap { continue };"])) \(expression(&c, depth: depth))"
        case 11: return "\(c.element(["&", "."])) \(block(&c, depth: depth)) \(argument(&c, depth: depth))"
        case 12: return "$\(variable(&c)) = \(pipeline(&c, depth: depth)) \(c.element(["2>&1", "2>$null", "*>&1", "| Out-Null", "| Out-String"]))"
        default: return "do \(block(&c, depth: depth)) while ($false)"
        }
    }

    func pipeline(_ c: inout Cursor, depth: Int) -> String {
        let count = 1 + c.pick(3)
        var elements: [String] = []
        if c.pick(2) == 0 { elements.append(expression(&c, depth: depth)) }
        for _ in 0..<count { elements.append(command(&c, depth: depth)) }
        return elements.joined(separator: " | ")
    }

    func command(_ c: inout Cursor, depth: Int) -> String {
        let cmdlet = c.element(cmdlets)
        var words = [cmdlet.name]
        for _ in 0..<c.pick(4) {
            if !cmdlet.parameters.isEmpty && c.pick(3) != 0 { words.append("-" + c.element(cmdlet.parameters)) }
            if c.pick(4) != 0 { words.append(argument(&c, depth: depth)) }
        }
        return words.joined(separator: " ")
    }

    func argument(_ c: inout Cursor, depth: Int) -> String {
        switch c.pick(4) {
        case 0: return "(\(expression(&c, depth: depth + 1)))"
        case 1: return c.element(["x", "*", "Name", "Length", "-", "--", "-Force", "-WhatIf", "-ErrorAction", "Stop", "SilentlyContinue"])
        default: return primary(&c, depth: depth + 1)
        }
    }

    func expression(_ c: inout Cursor, depth: Int) -> String {
        if depth > 4 || c.exhausted { return c.element(Self.boundaries) }
        switch c.pick(6) {
        case 0, 1: return primary(&c, depth: depth + 1)
        case 2: return "\(primary(&c, depth: depth + 1)) \(c.element(Self.binaryOperators)) \(primary(&c, depth: depth + 1))"
        case 3: return c.element(Self.unaryOperators) + primary(&c, depth: depth + 1)
        case 4: return "\(primary(&c, depth: depth + 1)) \(c.element(Self.binaryOperators)) \(expression(&c, depth: depth + 1))"
        default: return "[\(c.pick(2) == 0 ? c.element(Self.accelerators) : c.element(typeNames))]\(primary(&c, depth: depth + 1))"
        }
    }

    func primary(_ c: inout Cursor, depth: Int) -> String {
        if depth > 5 || c.exhausted { return c.element(Self.boundaries) }
        switch c.pick(10) {
        case 0, 1, 2: return c.element(Self.boundaries)
        case 3: return "$\(variable(&c))"
        case 4:
            let m = c.element(staticMembers)
            return "[\(m.type)]::\(m.name)" + (m.arity < 0 ? "" : "(\(arguments(&c, m.arity, depth: depth)))")
        case 5:
            let m = c.element(instanceMembers)
            return "\(primary(&c, depth: depth + 1)).\(m.name)" + (m.arity < 0 ? "" : "(\(arguments(&c, m.arity, depth: depth)))")
        case 6: return "@(\(expression(&c, depth: depth + 1)), \(expression(&c, depth: depth + 1)))"
        case 7: return "@{ k = \(expression(&c, depth: depth + 1)); \(c.element(["Name", "Expression", "x"])) = \(expression(&c, depth: depth + 1)) }"
        case 8: return "\"a $(\(expression(&c, depth: depth + 1))) $\(variable(&c))\""
        default: return "(\(statement(&c, depth: depth + 2)))"
        }
    }

    private func arguments(_ c: inout Cursor, _ arity: Int, depth: Int) -> String {
        // Sometimes one too few or too many, for the overload errors.
        let count = max(0, arity + [0, 0, 0, -1, 1][c.pick(5)])
        return (0..<count).map { _ in expression(&c, depth: depth + 1) }.joined(separator: ", ")
    }

    private func variable(_ c: inout Cursor) -> String { c.element(["a", "b", "x", "global:g", "script:s", "env:E", "_"]) }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
