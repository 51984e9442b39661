import CmdletParser

/// Member names after `[Type]::` and after `[Type].`, from the type library: `[Math]::Ro<Tab>`
/// offers `Round(`, `[ConsoleColor]::<Tab>` the enum's names.
package struct StaticMemberCompletion {
    package let member: String
    package let memberStart: Int
    package let memberEnd: Int
    package let typeName: String
    package let isStatic: Bool

    package init?(source: ScriptSource, tokens: [Token], cursor: Int) {
        let before = tokens.filter { $0.extent.startOffset < cursor && ![.newline, .endOfInput, .comment].contains($0.kind) }
        guard let last = before.last, last.extent.endOffset >= cursor else { return nil }
        var operatorIndex = before.count - 1
        if last.kind == .colonColon || last.kind == .dot {
            memberStart = last.extent.endOffset
            memberEnd = last.extent.endOffset
        } else if [.identifier, .generic].contains(last.kind), before.count >= 2,
                  [.colonColon, .dot].contains(before[before.count - 2].kind) {
            operatorIndex = before.count - 2
            memberStart = last.extent.startOffset
            memberEnd = Swift.max(last.extent.endOffset, cursor)
        } else {
            return nil
        }
        isStatic = before[operatorIndex].kind == .colonColon
        // `[Name]` right before the operator: the text between the brackets.
        guard operatorIndex >= 1, before[operatorIndex - 1].kind == .rBracket else { return nil }
        var open = operatorIndex - 1
        var depth = 0
        while open >= 0 {
            if before[open].kind == .rBracket { depth += 1 }
            if before[open].kind == .lBracket { depth -= 1; if depth == 0 { break } }
            open -= 1
        }
        guard open >= 0 else { return nil }
        typeName = source.text(of: SourceExtent(before[open].extent.endOffset, before[operatorIndex - 1].extent.startOffset))
        member = source.text(of: SourceExtent(memberStart, memberEnd))
    }
}

extension Engine {
    /// The completion candidates of a type literal's members: methods end in `(` (`()` when they take
    /// no arguments), as PowerShell's completion inserts them.
    package func staticMemberCandidates(_ access: StaticMemberCompletion) -> [String] {
        guard let info = types.resolve(access.typeName),
              let members = libraryMembers(of: .type(info), isStatic: access.isStatic) else { return [] }
        let names = members.map { member -> String in
            guard member.memberType == "Method" else { return member.name }
            return member.name + (member.definition.contains("()") && !member.definition.contains(", ") ? "()" : "(")
        }
        return names.filter { $0.lowercased().hasPrefix(access.member.lowercased()) }
    }
}
