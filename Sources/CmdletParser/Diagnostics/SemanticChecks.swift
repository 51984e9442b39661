// The checks PowerShell runs on a finished tree before reporting parse errors
// (SemanticChecks.cs): splatting outside commands, invalid assignment targets, control flow
// leaving a finally block, duplicate parameters and hash keys. The parser calls them as it
// builds each node (one pass, no second walk); their errors are held back and reported after
// the syntax errors, in source order, as PowerShell reports them.

/// Where the parser stands with respect to `finally` blocks.
struct FinallyContext {
    var inFinally = false
    /// Loops (and switches) entered since the innermost finally began.
    var loops = 0
}

enum SemanticChecks {
    static func splattedVariableOutsideCommand(_ v: VariableExpressionAst, _ sink: DiagnosticSink) {
        sink.defer("SplattingNotPermitted", v.extent, args: [v.variablePath.userPath])
    }

    static func controlFlow(_ statement: StatementAst, isReturn: Bool, _ context: FinallyContext, _ sink: DiagnosticSink) {
        guard context.inFinally else { return }
        if isReturn || context.loops == 0 {
            sink.defer("ControlLeavingFinally", statement.extent, args: [])
        }
    }

    static func duplicateParameters(_ parameters: [ParameterAst], _ sink: DiagnosticSink) {
        var seen = Set<String>()
        for p in parameters {
            let name = p.name.variablePath.userPath
            if !seen.insert(name.lowercased()).inserted {
                sink.defer("DuplicateFormalParameter", p.name.extent, args: [name])
            }
            if p.name.splatted { splattedVariableOutsideCommand(p.name, sink) }
        }
    }

    static func duplicateKeys(_ h: HashtableAst, _ sink: DiagnosticSink) {
        guard h.keyValuePairs.count > 1 else { return }
        var seen = Set<String>()
        for entry in h.keyValuePairs {
            guard let key = constantKey(entry.key) else { continue }
            if !seen.insert(key.lowercased()).inserted {
                sink.defer("DuplicateKeyInHashLiteral", entry.key.extent, args: [key])
            }
        }
    }

    static func constantKey(_ key: ExpressionAst) -> String? {
        if let s = key as? StringConstantExpressionAst { return s.value }
        if let c = key as? ConstantExpressionAst {
            switch c.value {
            case .int32(let v): return String(v)
            case .int64(let v): return String(v)
            default: return nil
            }
        }
        return nil
    }

    static func assignmentTarget(_ left: ExpressionAst, op: TokenKind, _ sink: DiagnosticSink) {
        if left is ErrorExpressionAst { return }
        if let array = left as? ArrayLiteralAst, op == .equals {
            for e in array.elements { assignmentTarget(e, op: op, sink) }
            return
        }
        if !isAssignable(left) {
            sink.defer("InvalidLeftHandSide", left.extent, args: [])
            return
        }
        if left is AttributedExpressionAst || left is ConvertExpressionAst { automaticVariableConstraint(left, sink) }
    }

    /// The automatic variables a script may assign, and the one type a constraint on them may
    /// name (SpecialVariables.AutomaticVariableTypes); PSScriptCmdlet and
    /// PSBoundParametersDictionary are internal, so no constraint names them.
    static let automaticVariableTypes: [(name: String, type: String, spellings: [String])] = [
        ("_", "System.Object", ["object", "System.Object"]),
        ("args", "System.Object[]", ["object[]", "System.Object[]"]),
        ("this", "System.Object", ["object", "System.Object"]),
        ("input", "System.Object", ["object", "System.Object"]),
        ("PSCmdlet", "System.Management.Automation.PSScriptCmdlet", []),
        ("PSBoundParameters", "System.Management.Automation.PSBoundParametersDictionary", []),
        ("MyInvocation", "System.Management.Automation.InvocationInfo", ["System.Management.Automation.InvocationInfo"]),
        ("PSScriptRoot", "System.String", ["string", "System.String"]),
        ("PSCommandPath", "System.String", ["string", "System.String"]),
    ]

    /// `[datetime]$_ = 1`: a type constraint on an automatic variable other than its own type.
    /// The innermost cast is the one that counts, as in PowerShell.
    static func automaticVariableConstraint(_ left: ExpressionAst, _ sink: DiagnosticSink) {
        var e = left
        var innermost: String?
        while true {
            if let c = e as? ConvertExpressionAst { innermost = c.type.typeName.name; e = c.child }
            else if let a = e as? AttributedExpressionAst { e = a.child }
            else { break }
        }
        guard let v = e as? VariableExpressionAst else { return }
        switch v.variablePath.scope {
        case .unqualified, .local: break
        default: return
        }
        let name = v.variablePath.name
        guard let entry = automaticVariableTypes.first(where: { $0.name.lowercased() == name.lowercased() }) else { return }
        let matches = innermost.map { written in
            let w = written.filter { !$0.isWhitespace }.lowercased()
            return entry.spellings.contains { $0.lowercased() == w || $0.lowercased() == "system." + w }
        } ?? false
        if !matches {
            sink.defer("AssignmentStatementToAutomaticNotSupported", left.extent, args: [name, entry.type])
        }
    }

    /// Casts and parentheses are looked through in a loop: a long chain of casts must not recurse.
    static func isAssignable(_ expression: ExpressionAst) -> Bool {
        var e = expression
        while true {
            switch e {
            case let v as VariableExpressionAst: return !v.splatted
            case is InvokeMemberExpressionAst: return false
            case is MemberExpressionAst, is IndexExpressionAst: return true
            case let c as ConvertExpressionAst: e = c.child
            case let a as AttributedExpressionAst: e = a.child
            case let p as ParenExpressionAst:
                guard let pipe = p.pipeline as? PipelineAst, pipe.pipelineElements.count == 1,
                      let ce = pipe.pipelineElements[0] as? CommandExpressionAst else { return false }
                // Nested parentheses around arrays recurse once per level, bounded by the parser's nesting limit.
                if let arr = ce.expression as? ArrayLiteralAst { return arr.elements.allSatisfy(isAssignable) }
                e = ce.expression
            default: return false
            }
        }
    }
}
