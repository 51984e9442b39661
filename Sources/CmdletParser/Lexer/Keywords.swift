// Keyword and dash-operator tables, looked up case-insensitively straight from the bytes.

enum Keywords {
    static let table: [String: TokenKind] = [
        "elseif": .elseIf, "if": .if, "else": .else, "switch": .switch, "foreach": .foreach, "from": .from,
        "in": .in, "for": .for, "while": .while, "until": .until, "do": .do, "try": .try, "catch": .catch,
        "finally": .finally, "trap": .trap, "data": .data, "return": .return, "continue": .continue,
        "break": .break, "exit": .exit, "throw": .throw, "begin": .begin, "process": .process, "end": .end,
        "dynamicparam": .dynamicparam, "function": .function, "filter": .filter, "param": .param,
        "class": .class, "define": .define, "var": .var, "using": .using, "workflow": .workflow,
        "parallel": .parallel, "sequence": .sequence, "inlinescript": .inlineScript,
        "configuration": .configuration, "public": .public, "private": .private, "static": .static,
        "interface": .interface, "enum": .enum, "namespace": .namespace, "module": .module, "type": .type,
        "assembly": .assembly, "command": .command, "hidden": .hidden, "base": .base,
    ]

    /// Keywords grouped by length, lowercased bytes: the lookup compares bytes, allocating nothing.
    static let byLength: [[([UInt8], TokenKind)]] = {
        var buckets = [[([UInt8], TokenKind)]](repeating: [], count: 14)
        for (k, v) in table { buckets[k.utf8.count].append((Array(k.utf8), v)) }
        return buckets
    }()

    static func lookup(_ bytes: [UInt8], _ start: Int, _ end: Int) -> TokenKind? {
        let n = end - start
        guard n >= 2 && n <= 13 else { return nil }
        candidates: for (word, kind) in byLength[n] {
            for i in 0..<n {
                let b = bytes[start + i]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != word[i] { continue candidates }
            }
            return kind
        }
        return nil
    }

    /// The text PowerShell prints for a keyword kind (`TokenKind.Text()`).
    static func text(_ kind: TokenKind) -> String {
        for (k, v) in table where v == kind { return k }
        return kind.rawValue
    }
}

enum Operators {
    static let table: [String: TokenKind] = [
        "as": .as, "is": .is, "isnot": .isNot, "f": .format, "not": .not, "bnot": .bnot, "and": .and,
        "or": .or, "xor": .xor, "band": .band, "bor": .bor, "bxor": .bxor, "join": .join, "shl": .shl,
        "shr": .shr,
        "eq": .ieq, "ne": .ine, "ge": .ige, "gt": .igt, "lt": .ilt, "le": .ile, "like": .ilike,
        "notlike": .inotlike, "match": .imatch, "notmatch": .inotmatch, "replace": .ireplace,
        "contains": .icontains, "notcontains": .inotcontains, "in": .iin, "notin": .inotin, "split": .isplit,
        "ieq": .ieq, "ine": .ine, "ige": .ige, "igt": .igt, "ilt": .ilt, "ile": .ile, "ilike": .ilike,
        "inotlike": .inotlike, "imatch": .imatch, "inotmatch": .inotmatch, "ireplace": .ireplace,
        "icontains": .icontains, "inotcontains": .inotcontains, "iin": .iin, "inotin": .inotin,
        "isplit": .isplit,
        "ceq": .ceq, "cne": .cne, "cge": .cge, "cgt": .cgt, "clt": .clt, "cle": .cle, "clike": .clike,
        "cnotlike": .cnotlike, "cmatch": .cmatch, "cnotmatch": .cnotmatch, "creplace": .creplace,
        "ccontains": .ccontains, "cnotcontains": .cnotcontains, "cin": .cin, "cnotin": .cnotin,
        "csplit": .csplit,
    ]

    static func lookup(_ bytes: [UInt8], _ start: Int, _ end: Int) -> TokenKind? {
        let n = end - start
        guard n >= 1 && n <= 12 else { return nil }
        var s = ""
        for i in start..<end {
            let b = bytes[i]
            guard b < 0x80 else { return nil }
            s.unicodeScalars.append(Unicode.Scalar(b >= 0x41 && b <= 0x5A ? b | 0x20 : b))
        }
        return table[s]
    }
}
