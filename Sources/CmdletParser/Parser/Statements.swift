// Statements: the dispatcher, flow control, labels, if, try/catch/finally, trap, data. Loops and
// switch are in Loops.swift.

extension ScriptParser {
    /// One statement, or nil at the end of a statement list.
    mutating func statementRule() -> StatementAst? {
        guard enterNesting() else { leaveNesting(); return nil }
        defer { leaveNesting() }
        if ungot == nil && Char.cannotStartStatementKeyword(lexer.peekChar()) {
            // No keyword, label or attribute can start here: the statement is a pipeline, whose
            // first element is tried as an expression. Scanning the token in command mode first
            // would only be thrown away (and a bare word can run far: see `atClosingToken`).
            return pipelineRule()
        }
        var restore = 0
        var token = nextToken()
        var attributes: [AttributeBaseAst]? = nil
        if token.kind == .generic && lexer.bytes[token.start] == 0x5B {
            restore = token.start
            resync(token)
            attributes = attributeListRule(inExpressionMode: false)
            token = nextToken()
            if let attrs = attributes, !attrs.isEmpty {
                if token.kind.statementDoesntSupportAttributes {
                    if attrs.contains(where: { $0 is TypeConstraintAst }) {
                        resync(to: restore)
                        token = nextToken()
                    } else {
                        reportError(attrs[0].extent, "UnexpectedAttribute", attrs[0].typeName.name)
                    }
                } else if token.flags.contains(.keyword) {
                    if let t = attrs.first(where: { !($0 is AttributeAst) }) {
                        reportError(t.extent, "TypeNotAllowedBeforeStatement", t.typeName.name)
                    }
                } else {
                    resync(to: restore)
                    token = nextToken()
                }
            }
        }
        switch token.kind {
        case .if: return ifStatementRule(token)
        case .switch: return switchStatementRule(label: nil, token)
        case .foreach: return foreachStatementRule(label: nil, token)
        case .for: return forStatementRule(label: nil, token)
        case .while: return whileStatementRule(label: nil, token)
        case .do: return doWhileStatementRule(label: nil, token)
        case .function, .filter, .workflow: return functionDeclarationRule(token)
        case .return:
            let p = pipelineRule()
            let r = ReturnStatementAst(extent: p.map { extentOf(token.extent, $0.extent) } ?? token.extent, pipeline: p)
            SemanticChecks.controlFlow(r, isReturn: true, finallyContext, sink)
            return r
        case .throw:
            let p = pipelineRule()
            return ThrowStatementAst(extent: p.map { extentOf(token.extent, $0.extent) } ?? token.extent, pipeline: p)
        case .exit:
            let p = pipelineRule()
            return ExitStatementAst(extent: p.map { extentOf(token.extent, $0.extent) } ?? token.extent, pipeline: p)
        case .break:
            let label = labelOrKeyRule()
            let b = BreakStatementAst(extent: label.map { extentOf(token.extent, $0.extent) } ?? token.extent, label: label)
            SemanticChecks.controlFlow(b, isReturn: false, finallyContext, sink)
            return b
        case .continue:
            let label = labelOrKeyRule()
            let c = ContinueStatementAst(extent: label.map { extentOf(token.extent, $0.extent) } ?? token.extent, label: label)
            SemanticChecks.controlFlow(c, isReturn: false, finallyContext, sink)
            return c
        case .trap: return trapStatementRule(token)
        case .try: return tryStatementRule(token)
        case .data: return dataStatementRule(token)
        case .parallel, .sequence: return blockStatementRule(token)
        case .configuration: return configurationStatementRule(token, attributes: attributes?.compactMap { $0 as? AttributeAst } ?? [])
        case .from, .define, .var:
            reportError(token.extent, "ReservedKeywordNotAllowed", text(token).lowercased())
            return ErrorStatementAst(extent: token.extent, nestedAst: [])
        case .label:
            skipNewlines()
            return labeledStatementRule(token)
        case .endOfInput:
            if attributes != nil {
                resync(to: restore)
                return pipelineRule()
            }
            ungetToken(token)
            return nil
        case .else, .elseIf, .catch, .until:
            if sink.count > 0 {
                skipNewlines()
                return statementRule()
            }
            ungetToken(token)
            return pipelineRule()
        case .class: return classDefinitionRule(attributes: attributes, token)
        case .enum: return enumDefinitionRule(attributes: attributes, token)
        case .using:
            let statement = usingStatementRule(token)
            reportError(statement.extent, "UsingMustBeAtStartOfScript")
            return statement
        default:
            if attributes != nil { resync(to: restore) } else { ungetToken(token) }
            return pipelineRule()
        }
    }

    /// A simple name (an identifier), as for loop labels, hash keys and attribute arguments.
    mutating func simpleNameRule() -> (StringConstantExpressionAst, Tok)? {
        lexer.wantSimpleName = true
        let tok = peekToken()
        lexer.wantSimpleName = false
        guard tok.kind == .identifier else { return nil }
        skipToken()
        return (StringConstantExpressionAst(extent: tok.extent, value: text(tok), stringConstantType: .bareWord), tok)
    }

    mutating func labelOrKeyRule() -> ExpressionAst? {
        if let (name, _) = simpleNameRule() { return name }
        let tok = peekToken()
        if tok.kind != .newline && tok.kind != .semi {
            let saved = disableCommaOperator
            disableCommaOperator = true
            defer { disableCommaOperator = saved }
            return unaryExpressionRule()
        }
        return nil
    }

    func labelText(_ tok: Tok) -> String { lexer.text(tok.start + 1, tok.end) }

    mutating func labeledStatementRule(_ label: Tok) -> StatementAst? {
        let tok = nextToken()
        switch tok.kind {
        case .switch: return switchStatementRule(label: label, tok)
        case .foreach: return foreachStatementRule(label: label, tok)
        case .for: return forStatementRule(label: label, tok)
        case .while: return whileStatementRule(label: label, tok)
        case .do: return doWhileStatementRule(label: label, tok)
        default:
            resync(label)
            return pipelineRule()
        }
    }

    mutating func blockStatementRule(_ kindTok: Tok) -> StatementAst {
        guard let body = statementBlockRule() else {
            reportIncompleteInput(after(kindTok), "MissingStatementAfterKeyword", text(kindTok))
            return ErrorStatementAst(extent: kindTok.extent, nestedAst: [])
        }
        return BlockStatementAst(extent: extentOf(kindTok.extent, body.extent), kind: text(kindTok).lowercased(), body: body)
    }

    mutating func ifStatementRule(_ ifTok: Tok) -> StatementAst {
        var clauses: [IfClause] = []
        var components: [Ast] = []
        var elseClause: StatementBlockAst?
        var keyword = ifTok
        while true {
            skipNewlines()
            let lParen = nextToken()
            if lParen.kind != .lParen {
                ungetToken(lParen)
                reportIncompleteInput(after(keyword), "MissingOpenParenthesisInIfStatement", text(keyword))
                return ErrorStatementAst(extent: extentOf(ifTok.extent, keyword.extent), nestedAst: components)
            }
            skipNewlines()
            var condition: PipelineBaseAst
            if let c = pipelineRule() {
                condition = c
                components.append(c)
            } else {
                let pos = after(lParen)
                reportIncompleteInput(pos, "IfStatementMissingCondition", text(keyword))
                condition = ErrorStatementAst(extent: pos, nestedAst: [])
            }
            skipNewlines()
            let rParen = nextToken()
            if rParen.kind != .rParen {
                ungetToken(rParen)
                if !(condition is ErrorStatementAst) {
                    reportIncompleteInput(rParen.extent, "MissingEndParenthesisAfterStatement", text(keyword))
                }
                return ErrorStatementAst(extent: extentOf(ifTok.extent, before(rParen)), nestedAst: components)
            }
            skipNewlines()
            guard let body = statementBlockRule() else {
                reportIncompleteInput(rParen.extent, "MissingStatementBlock", text(keyword))
                return ErrorStatementAst(extent: extentOf(ifTok.extent, rParen.extent), nestedAst: components)
            }
            components.append(body)
            clauses.append(IfClause(condition: condition, body: body))
            // Look past newlines for `elseif`/`else`, but give the newline back when neither
            // follows: it may terminate an enclosing construct (a hash literal entry).
            let restore = restorePoint
            skipNewlines()
            keyword = peekToken()
            if keyword.kind != .elseIf && keyword.kind != .else {
                resync(to: restore)
                break
            }
            if keyword.kind == .elseIf {
                skipToken()
                continue
            }
            if keyword.kind == .else {
                skipToken()
                skipNewlines()
                elseClause = statementBlockRule()
                if elseClause == nil {
                    reportIncompleteInput(after(keyword), "MissingStatementBlockAfterElse")
                    return ErrorStatementAst(extent: extentOf(ifTok.extent, keyword.extent), nestedAst: components)
                }
            }
            break
        }
        let end = elseClause?.extent ?? clauses[clauses.count - 1].body.extent
        return IfStatementAst(extent: extentOf(ifTok.extent, end), clauses: clauses, elseClause: elseClause)
    }

    mutating func trapStatementRule(_ trapTok: Tok) -> StatementAst {
        let restore = restorePoint
        skipNewlines()
        let type = attributeRule()
        let constraint = type as? TypeConstraintAst
        if type != nil && constraint == nil { resync(to: restore) }
        guard let body = statementBlockRule() else {
            let end = constraint?.extent ?? trapTok.extent
            reportIncompleteInput(after(end), "MissingTrapStatement")
            return ErrorStatementAst(extent: extentOf(trapTok.extent, end), nestedAst: [constraint].compactMap { $0 })
        }
        return TrapStatementAst(extent: extentOf(trapTok.extent, body.extent), trapType: constraint, body: body)
    }

    mutating func catchBlockRule(endError: inout SourceExtent?, errorAsts: inout [Ast]) -> CatchClauseAst? {
        skipNewlines()
        let catchTok = nextToken()
        guard catchTok.kind == .catch else {
            ungetToken(catchTok)
            return nil
        }
        var types: [TypeConstraintAst] = []
        var commaTok: Tok?
        while true {
            let restore = restorePoint
            skipNewlines()
            guard let type = attributeRule() else {
                if let c = commaTok {
                    endError = c.extent
                    reportIncompleteInput(after(c), "MissingTypeLiteralToken")
                }
                break
            }
            guard let constraint = type as? TypeConstraintAst else {
                resync(to: restore)
                break
            }
            types.append(constraint)
            skipNewlines()
            let c = peekToken()
            commaTok = c
            if c.kind != .comma { break }
            skipToken()
        }
        guard let handler = statementBlockRule() else {
            if commaTok == nil || commaTok?.kind != .comma || endError != commaTok?.extent {
                let e = types.last?.extent ?? catchTok.extent
                endError = e
                reportIncompleteInput(after(e), "MissingCatchHandlerBlock")
            }
            errorAsts.append(contentsOf: types as [Ast])
            return nil
        }
        return CatchClauseAst(extent: extentOf(catchTok.extent, handler.extent), catchTypes: types, body: handler)
    }

    mutating func tryStatementRule(_ tryTok: Tok) -> StatementAst {
        skipNewlines()
        guard let body = statementBlockRule() else {
            reportIncompleteInput(after(tryTok), "MissingTryStatementBlock")
            return ErrorStatementAst(extent: tryTok.extent, nestedAst: [])
        }
        var endError: SourceExtent?
        var catches: [CatchClauseAst] = []
        var errorAsts: [Ast] = []
        while let c = catchBlockRule(endError: &endError, errorAsts: &errorAsts) { catches.append(c) }
        skipNewlines()
        let finallyTok = peekToken()
        var finallyBlock: StatementBlockAst?
        if finallyTok.kind == .finally {
            skipToken()
            let saved = finallyContext
            finallyContext = FinallyContext(inFinally: true, loops: 0)
            finallyBlock = statementBlockRule()
            finallyContext = saved
            if finallyBlock == nil {
                endError = finallyTok.extent
                reportIncompleteInput(after(finallyTok), "MissingFinallyStatementBlock", "finally")
            }
        }
        if catches.isEmpty && finallyBlock == nil && endError == nil {
            endError = body.extent
            reportIncompleteInput(after(body), "MissingCatchOrFinally")
        }
        if let endError {
            return ErrorStatementAst(extent: extentOf(tryTok.extent, endError), nestedAst: [body] + catches + errorAsts)
        }
        let end = finallyBlock?.extent ?? catches[catches.count - 1].extent
        return TryStatementAst(extent: extentOf(tryTok.extent, end), body: body, catchClauses: catches, finally: finallyBlock)
    }

    mutating func dataStatementRule(_ dataTok: Tok) -> StatementAst {
        var endError: SourceExtent?
        skipNewlines()
        let name = simpleNameRule()?.0
        skipNewlines()
        let supported = peekToken()
        var commands: [ExpressionAst]?
        if supported.kind == .parameter {
            skipToken()
            if !isSpecificParameter(supported, "SupportedCommand") {
                endError = supported.extent
                reportError(supported.extent, "InvalidParameterForDataSectionStatement", parameterName(supported))
            }
            var commaTok: Tok?
            var list: [ExpressionAst] = []
            while true {
                skipNewlines()
                guard let ast = singleCommandArgument(.commandName) else {
                    if endError == nil {
                        reportIncompleteInput(after(commaTok ?? supported), "MissingValueForSupportedCommandInDataSectionStatement")
                    }
                    endError = (commaTok ?? supported).extent
                    break
                }
                list.append(ast)
                let c = peekToken()
                commaTok = c
                if c.kind == .comma { skipToken(); continue }
                break
            }
            commands = list
        }
        var body: StatementBlockAst?
        if endError == nil {
            body = statementBlockRule()
            if body == nil {
                let e = commands?.last?.extent ?? name?.extent ?? dataTok.extent
                endError = e
                reportIncompleteInput(after(e), "MissingStatementBlockForDataSection")
            }
        }
        if let endError {
            return ErrorStatementAst(extent: extentOf(dataTok.extent, endError), nestedAst: commands ?? [])
        }
        return DataStatementAst(extent: extentOf(dataTok.extent, body!.extent), variable: name?.value,
                                commandsAllowed: commands ?? [], body: body!)
    }
}
