import CmdletParser

/// Member names after a variable and a dot, read from the variable's current value as
/// PowerShell's completion reads it: `$s.Le<Tab>` offers `Length` when `$s` holds a string.
package struct VariableMemberCompletion {
    package let member: String
    package let memberStart: Int
    package let memberEnd: Int
    /// The variable's name, without `$`.
    package let variable: String

    package init?(source: ScriptSource, tokens: [Token], cursor: Int) {
        let before = tokens.filter { $0.extent.startOffset < cursor && ![.newline, .endOfInput, .comment].contains($0.kind) }
        guard let last = before.last, last.extent.endOffset >= cursor else { return nil }
        var dotIndex = before.count - 1
        if last.kind == .dot {
            memberStart = last.extent.endOffset
            memberEnd = last.extent.endOffset
        } else if [.identifier, .generic].contains(last.kind), before.count >= 2, before[before.count - 2].kind == .dot,
                  before[before.count - 2].extent.endOffset == last.extent.startOffset {
            dotIndex = before.count - 2
            memberStart = last.extent.startOffset
            memberEnd = Swift.max(last.extent.endOffset, cursor)
        } else {
            return nil
        }
        guard dotIndex >= 1, before[dotIndex - 1].kind == .variable,
              before[dotIndex - 1].extent.endOffset == before[dotIndex].extent.startOffset else { return nil }
        let name = source.text(of: before[dotIndex - 1].extent).dropFirst()
        guard !name.isEmpty, !name.contains(":") || name.lowercased().hasPrefix("global:") || name.lowercased().hasPrefix("script:")
        else { return nil }
        variable = String(name)
        member = source.text(of: SourceExtent(memberStart, memberEnd))
    }
}

extension Engine {
    /// The members of the variable's value: properties, and methods ending in `(` or `()`.
    package func variableMemberCandidates(_ access: VariableMemberCompletion) -> [String] {
        var name = access.variable
        if let colon = name.firstIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        let value = variableValue(name)
        if case .null = value { return [] }
        var names: [String]
        if let members = libraryMembers(of: value, isStatic: false) {
            names = members.map { member in
                guard member.memberType == "Method" else { return member.name }
                return member.name + (member.definition.contains("()") && !member.definition.contains(", ") ? "()" : "(")
            }
        } else if case .object(let object) = value {
            names = object.properties.map(\.name)
        } else {
            names = []
        }
        let typed = access.member.lowercased()
        return names.filter { $0.lowercased().hasPrefix(typed) }
    }
}
