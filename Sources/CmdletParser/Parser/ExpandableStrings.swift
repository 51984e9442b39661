// Expandable strings: the `$var` and `$( )` parts found by the lexer are parsed here, each by a
// nested parser confined to the part's range, so their extents point into the script.

extension ScriptParser {
    mutating func expandableString(_ tok: Tok, type: StringConstantType) -> ExpressionAst {
        guard tok.payload >= 0 else {
            return StringConstantExpressionAst(extent: tok.extent, value: "", stringConstantType: type)
        }
        let scan = lexer.expandables[Int(tok.payload)]
        if !scan.parts.contains(where: { if case .literal = $0 { return false } else { return true } }) {
            return StringConstantExpressionAst(extent: tok.extent, value: scan.value, stringConstantType: type)
        }
        var parts: [ExpandableStringPart] = []
        parts.reserveCapacity(scan.parts.count)
        for raw in scan.parts {
            switch raw {
            case .literal(let s):
                parts.append(.literal(s))
            case .variable(let start, let end):
                var nested = ScriptParser(nestedIn: self, start: start, end: end)
                nested.lexer.mode = .expression
                let t = nested.nextToken()
                if t.kind == .variable || t.kind == .splattedVariable {
                    parts.append(.expression(nested.checkUsingVariable(t, withMemberAccess: false)))
                } else {
                    parts.append(.expression(ErrorExpressionAst(extent: SourceExtent(start, end), nestedAst: [])))
                }
                lexer.absorbCounts(of: nested.lexer)
            case .subExpression(let start, let end):
                var nested = ScriptParser(nestedIn: self, start: start, end: end)
                nested.lexer.mode = .expression
                let e = nested.primaryExpressionRule(withMemberAccess: true)
                parts.append(.expression(e ?? ErrorExpressionAst(extent: SourceExtent(start, end), nestedAst: [])))
                lexer.absorbCounts(of: nested.lexer)
            }
        }
        return ExpandableStringExpressionAst(extent: tok.extent, value: scan.value, stringConstantType: type, parts: parts)
    }
}

/// Splits a variable's user path into scope or drive and name: `script:x`, `env:PATH`, `x`.
enum VariablePathParser {
    static func path(_ userPath: String) -> VariablePath {
        let utf8 = userPath.utf8
        guard let colon = utf8.firstIndex(of: 0x3A) else {
            return VariablePath(userPath: userPath, scope: .unqualified, name: userPath)
        }
        let prefix = String(userPath[..<colon])
        let name = String(userPath[utf8.index(after: colon)...])
        let scope: VariableScope
        switch prefix.lowercased() {
        case "global": scope = .global
        case "script": scope = .script
        case "local": scope = .local
        case "private": scope = .private
        case "using": scope = .using
        case "workflow": scope = .workflow
        case "variable": return VariablePath(userPath: userPath, scope: .unqualified, name: name)
        default: scope = .drive(prefix)
        }
        return VariablePath(userPath: userPath, scope: scope, name: name)
    }

    /// True for `$env:` or `${}`-like paths that name no variable.
    static func unqualifiedIsEmpty(_ userPath: String) -> Bool {
        if userPath.isEmpty { return true }
        guard let colon = userPath.utf8.firstIndex(of: 0x3A) else { return false }
        return userPath.utf8.index(after: colon) == userPath.utf8.endIndex
    }
}
