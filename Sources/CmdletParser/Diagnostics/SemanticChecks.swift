// The checks PowerShell runs on a finished tree before reporting parse errors
// (SemanticChecks.cs): splatting outside commands, invalid assignment targets, control flow
// leaving a finally block, duplicate parameters and hash keys.

struct SemanticChecks {
    let sink: DiagnosticSink

    static func check(_ ast: ScriptBlockAst, sink: DiagnosticSink) {
        var checks = SemanticChecks(sink: sink)
        checks.visit(ast, parent: nil, context: Context())
    }

    struct Context {
        /// Inside a finally block (of the current script block).
        var inFinally = false
        /// Loops and switches entered since the innermost finally began.
        var loopsInFinally = 0
    }

    mutating func visit(_ node: Ast, parent: Ast?, context: Context) {
        var ctx = context
        switch node {
        case is ScriptBlockAst:
            ctx = Context()
        case let v as VariableExpressionAst:
            if v.splatted && !splatAllowed(parent) {
                sink.report("SplattingNotPermitted", v.extent, incomplete: false, args: [v.variablePath.userPath])
            }
        case let a as AssignmentStatementAst:
            checkAssignmentTarget(a.left, op: a.operatorKind)
        case is LoopStatementAst, is SwitchStatementAst:
            if ctx.inFinally { ctx.loopsInFinally += 1 }
        case is BreakStatementAst, is ContinueStatementAst:
            if ctx.inFinally && ctx.loopsInFinally == 0 {
                sink.report("ControlLeavingFinally", node.extent, incomplete: false, args: [])
            }
        case is ReturnStatementAst:
            if ctx.inFinally {
                sink.report("ControlLeavingFinally", node.extent, incomplete: false, args: [])
            }
        case let p as ParamBlockAst:
            checkDuplicateParameters(p.parameters)
        case let f as FunctionDefinitionAst:
            if let params = f.parameters {
                checkDuplicateParameters(params)
                if let pb = f.body.paramBlock {
                    sink.report("OnlyOneParameterListAllowed", pb.extent, incomplete: false, args: [])
                }
            }
        case let h as HashtableAst:
            var seen = Set<String>()
            for entry in h.keyValuePairs {
                guard let key = constantKey(entry.key) else { continue }
                if !seen.insert(key.lowercased()).inserted {
                    sink.report("DuplicateKeyInHashLiteral", entry.key.extent, incomplete: false, args: [key])
                }
            }
        default:
            break
        }
        if let t = node as? TryStatementAst {
            visit(t.body, parent: t, context: ctx)
            for c in t.catchClauses { visit(c, parent: t, context: ctx) }
            if let f = t.finally {
                var inner = ctx
                inner.inFinally = true
                inner.loopsInFinally = 0
                visit(f, parent: t, context: inner)
            }
            return
        }
        for child in node.children { visit(child, parent: node, context: ctx) }
    }

    func splatAllowed(_ parent: Ast?) -> Bool {
        parent is CommandAst || parent is UsingExpressionAst
    }

    func constantKey(_ key: ExpressionAst) -> String? {
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

    func checkDuplicateParameters(_ parameters: [ParameterAst]) {
        var seen = Set<String>()
        for p in parameters {
            let name = p.name.variablePath.userPath
            if !seen.insert(name.lowercased()).inserted {
                sink.report("DuplicateFormalParameter", p.name.extent, incomplete: false, args: [name])
            }
        }
    }

    func checkAssignmentTarget(_ left: ExpressionAst, op: TokenKind) {
        if left is ErrorExpressionAst { return }
        if let array = left as? ArrayLiteralAst, op == .equals {
            for e in array.elements { checkAssignmentTarget(e, op: op) }
            return
        }
        if !isAssignable(left) {
            sink.report("InvalidLeftHandSide", left.extent, incomplete: false, args: [])
        }
    }

    func isAssignable(_ e: ExpressionAst) -> Bool {
        switch e {
        case let v as VariableExpressionAst: return !v.splatted
        case is InvokeMemberExpressionAst: return false
        case is MemberExpressionAst, is IndexExpressionAst: return true
        case let c as ConvertExpressionAst: return isAssignable(c.child)
        case let a as AttributedExpressionAst: return isAssignable(a.child)
        case let p as ParenExpressionAst:
            if let pipe = p.pipeline as? PipelineAst, pipe.pipelineElements.count == 1,
               let ce = pipe.pipelineElements[0] as? CommandExpressionAst {
                if let arr = ce.expression as? ArrayLiteralAst { return arr.elements.allSatisfy(isAssignable) }
                return isAssignable(ce.expression)
            }
            return false
        default: return false
        }
    }
}
