/// Filters a table of names against the typed word as PowerShell does: case-insensitive prefix
/// matching, or wildcard matching when the word holds `*` or `?`; the candidate keeps its canonical
/// casing.
package enum CompletionMatcher {
    /// Names matching the word: command names sorted as `Get-Command` lists them, or (unsorted)
    /// in the table's own order.
    package static func names(matching word: String, in table: [String], sorted: Bool = true) -> [String] {
        let hits = table.filter { matches($0, word) }
        return unique(sorted ? hits.sorted { $0.lowercased() < $1.lowercased() } : hits)
    }

    /// `$name` for each visible variable matching the word (which starts with `$`).
    package static func variables(matching word: String, in table: [String]) -> [String] {
        let typed = String(word.dropFirst())
        let hits = table.filter { matches($0, typed) }
        return unique(hits.sorted { $0.lowercased() < $1.lowercased() }).map { "$" + $0 }
    }

    /// `-Name` for each parameter not yet bound whose name starts with the typed prefix: the command's
    /// own parameters in declaration order, the common parameters last. An alias typed in full
    /// completes to its parameter when no name matches.
    package static func parameters(matching typed: String, of metadata: CommandMetadata, excluding bound: Set<String>) -> [String] {
        let open = metadata.allParameters.filter { !bound.contains($0.name) }
        var hits = open.filter { matches($0.name, typed) }
        if hits.isEmpty && !typed.isEmpty {
            hits = open.filter { $0.aliases.contains { $0.lowercased().hasPrefix(typed.lowercased()) } }
        }
        return unique(hits.map { "-" + $0.name })
    }

    /// Values in their declared order, quoted when they hold characters the parser would split on.
    /// A typed opening quote is kept.
    package static func values(matching word: String, in table: [String]) -> [String] {
        var typed = word
        var quote: Character?
        if let first = typed.first, first == "'" || first == "\"" {
            quote = first
            typed.removeFirst()
            if typed.last == first { typed.removeLast() }
        }
        let hits = table.filter { matches($0, typed) || ($0.hasPrefix("$") && matches(String($0.dropFirst()), typed)) }
        return unique(hits).map { value in
            if let quote { return "\(quote)\(value)\(quote)" }
            return needsQuotes(value) ? "'" + value.replacingQuotes + "'" : value
        }
    }

    package static func matches(_ candidate: String, _ typed: String) -> Bool {
        if typed.contains("*") || typed.contains("?") {
            return Wildcard(typed + (typed.hasSuffix("*") ? "" : "*")).matches(candidate)
        }
        return candidate.lowercased().hasPrefix(typed.lowercased())
    }

    private static func needsQuotes(_ value: String) -> Bool {
        if value.hasPrefix("$") { return false }
        return value.contains { " \t'\"`;|&(){}@,#".contains($0) }
    }

    private static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}

extension String {
    fileprivate var replacingQuotes: String {
        var out = ""
        for c in self { out.append(c); if c == "'" { out.append("'") } }
        return out
    }
}

/// PowerShell's `*` and `?` wildcards, case-insensitive.
package struct Wildcard {
    private let pattern: [Character]

    package init(_ pattern: String) {
        self.pattern = Array(pattern.lowercased())
    }

    package func matches(_ text: String) -> Bool {
        let chars = Array(text.lowercased())
        var p = 0, t = 0
        var star = -1, resume = 0
        while t < chars.count {
            if p < pattern.count && (pattern[p] == "?" || pattern[p] == chars[t]) {
                p += 1; t += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p; resume = t; p += 1
            } else if star >= 0 {
                p = star + 1; resume += 1; t = resume
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

/// Resolves a typed parameter name the way the binder does: an exact name or alias first, then a
/// unique prefix of the names.
package enum ParameterLookup {
    package static func resolve(_ typed: String, in metadata: CommandMetadata) -> ParameterMetadata? {
        let lower = typed.lowercased()
        let all = metadata.allParameters
        if let exact = all.first(where: { $0.name.lowercased() == lower || $0.aliases.contains { $0.lowercased() == lower } }) {
            return exact
        }
        let hits = all.filter { $0.name.lowercased().hasPrefix(lower) }
        return hits.count == 1 ? hits[0] : nil
    }
}
