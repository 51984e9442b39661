// Generic traversal: the direct children of any node, in source order. Used by the semantic
// checks, and public so tools (completion, tests) can walk a tree without a visitor per type.

extension Ast {
    /// The node's direct children in source order.
    public var children: [Ast] {
        var out: [Ast] = []
        func add(_ a: Ast?) { if let a { out.append(a) } }
        switch self {
        case let n as ScriptBlockAst:
            n.usingStatements.forEach(add)
            add(n.paramBlock)
            add(n.dynamicParamBlock); add(n.beginBlock); add(n.processBlock); add(n.endBlock)
        case let n as NamedBlockAst:
            addInOrder(n.statements, n.traps, &out)
        case let n as ParamBlockAst:
            n.attributes.forEach(add); n.parameters.forEach(add)
        case let n as ParameterAst:
            n.attributes.forEach(add); add(n.name); add(n.defaultValue)
        case let n as AttributeAst:
            n.positionalArguments.forEach(add); n.namedArguments.forEach(add)
        case let n as NamedAttributeArgumentAst:
            if !n.expressionOmitted { add(n.argument) }
        case let n as StatementBlockAst:
            addInOrder(n.statements, n.traps, &out)
        case let n as PipelineAst:
            n.pipelineElements.forEach(add)
        case let n as AssignmentStatementAst:
            add(n.left); add(n.right)
        case let n as ErrorStatementAst:
            n.nestedAst.forEach(add)
        case let n as IfStatementAst:
            for c in n.clauses { add(c.condition); add(c.body) }
            add(n.elseClause)
        case let n as ForEachStatementAst:
            add(n.variable); add(n.condition); add(n.body)
        case let n as ForStatementAst:
            add(n.initializer); add(n.condition); add(n.iterator); add(n.body)
        case let n as DoWhileStatementAst:
            add(n.body); add(n.condition)
        case let n as DoUntilStatementAst:
            add(n.body); add(n.condition)
        case let n as WhileStatementAst:
            add(n.condition); add(n.body)
        case let n as SwitchStatementAst:
            add(n.condition)
            var items: [Ast] = []
            for c in n.clauses { items.append(c.test); items.append(c.body) }
            if let d = n.defaultClause { items.append(d) }
            items.sorted { $0.extent.startOffset < $1.extent.startOffset }.forEach(add)
        case let n as TryStatementAst:
            add(n.body); n.catchClauses.forEach(add); add(n.finally)
        case let n as CatchClauseAst:
            n.catchTypes.forEach(add); add(n.body)
        case let n as TrapStatementAst:
            add(n.trapType); add(n.body)
        case let n as BreakStatementAst: add(n.label)
        case let n as ContinueStatementAst: add(n.label)
        case let n as ReturnStatementAst: add(n.pipeline)
        case let n as ExitStatementAst: add(n.pipeline)
        case let n as ThrowStatementAst: add(n.pipeline)
        case let n as FunctionDefinitionAst:
            n.parameters?.forEach(add); add(n.body)
        case let n as DataStatementAst:
            n.commandsAllowed.forEach(add); add(n.body)
        case let n as BlockStatementAst: add(n.body)
        case let n as TypeDefinitionAst:
            n.attributes.forEach(add); n.baseTypes.forEach(add); n.members.forEach(add)
        case let n as TypeMemberAst:
            n.attributes.forEach(add); add(n.initialValue); n.parameters.forEach(add); add(n.body)
        case let n as ConfigurationDefinitionAst:
            add(n.name); add(n.body)
        case let n as CommandAst:
            n.commandElements.forEach(add); n.redirections.forEach(add)
        case let n as CommandExpressionAst:
            add(n.expression); n.redirections.forEach(add)
        case let n as FileRedirectionAst: add(n.location)
        case let n as CommandParameterAst: add(n.argument)
        case let n as ErrorExpressionAst: n.nestedAst.forEach(add)
        case let n as ExpandableStringExpressionAst:
            for p in n.parts { if case .expression(let e) = p { add(e) } }
        case let n as ConvertExpressionAst: add(n.type); add(n.child)
        case let n as AttributedExpressionAst: add(n.attribute); add(n.child)
        case let n as BinaryExpressionAst: add(n.left); add(n.right)
        case let n as UnaryExpressionAst: add(n.child)
        case let n as InvokeMemberExpressionAst:
            add(n.expression); add(n.member); n.arguments.forEach(add)
        case let n as MemberExpressionAst: add(n.expression); add(n.member)
        case let n as IndexExpressionAst: add(n.target); add(n.index)
        case let n as ArrayLiteralAst: n.elements.forEach(add)
        case let n as ArrayExpressionAst: add(n.subExpression)
        case let n as SubExpressionAst: add(n.subExpression)
        case let n as ParenExpressionAst: add(n.pipeline)
        case let n as HashtableAst:
            for e in n.keyValuePairs { add(e.key); add(e.value) }
        case let n as ScriptBlockExpressionAst: add(n.scriptBlock)
        case let n as UsingExpressionAst: add(n.subExpression)
        default:
            break
        }
        return out
    }

    private func addInOrder(_ statements: [StatementAst], _ traps: [TrapStatementAst], _ out: inout [Ast]) {
        if traps.isEmpty {
            out.append(contentsOf: statements as [Ast])
        } else {
            out.append(contentsOf: ((statements as [Ast]) + traps).sorted { $0.extent.startOffset < $1.extent.startOffset })
        }
    }

    /// Calls `body` for this node and every node below it, parents first. Iterative: no deep recursion.
    public func walk(_ body: (Ast) -> Void) {
        var stack: [Ast] = [self]
        while let n = stack.popLast() {
            body(n)
            stack.append(contentsOf: n.children.reversed())
        }
    }
}
