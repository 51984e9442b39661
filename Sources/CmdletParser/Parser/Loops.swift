// Loops and switch: foreach, for, while, do/while, do/until, switch.

extension ScriptParser {
    /// A loop or switch body: `break` and `continue` inside it stay inside a finally block.
    mutating func loopBodyRule() -> StatementBlockAst? {
        let saved = finallyContext
        if finallyContext.inFinally { finallyContext.loops += 1 }
        defer { finallyContext = saved }
        return statementBlockRule()
    }

    mutating func switchStatementRule(label: Tok?, _ switchTok: Tok) -> StatementAst {
        let startExtent = (label ?? switchTok).extent
        var endError = startExtent
        var isError = false
        var isIncompleteError = false
        skipNewlines()
        var condition: PipelineBaseAst?
        var flags: SwitchFlags = []
        var errorAsts: [Ast] = []
        var paramTok = peekToken()
        while paramTok.kind == .parameter {
            skipToken()
            endError = paramTok.extent
            if isSpecificParameter(paramTok, "regex") {
                flags.insert(.regex); flags.remove(.wildcard)
            } else if isSpecificParameter(paramTok, "wildcard") {
                flags.insert(.wildcard); flags.remove(.regex)
            } else if isSpecificParameter(paramTok, "exact") {
                flags.remove(.regex); flags.remove(.wildcard)
            } else if isSpecificParameter(paramTok, "casesensitive") {
                flags.insert(.caseSensitive)
            } else if isSpecificParameter(paramTok, "parallel") {
                flags.insert(.parallel)
            } else if isSpecificParameter(paramTok, "file") {
                flags.insert(.file)
                skipNewlines()
                if let fileName = singleCommandArgument(.fileName) {
                    endError = fileName.extent
                    condition = PipelineAst(extent: fileName.extent, pipelineElements: [
                        CommandExpressionAst(extent: fileName.extent, expression: fileName, redirections: [])])
                } else {
                    isError = true
                    isIncompleteError = reportIncompleteInput(after(paramTok), "MissingFilenameOption")
                }
            } else {
                isError = true
                reportError(paramTok.extent, "InvalidSwitchFlag", parameterName(paramTok))
            }
            paramTok = peekToken()
        }
        let lParen = peekToken()
        if lParen.kind == .lParen {
            endError = lParen.extent
            skipToken()
            if flags.contains(.file) {
                isError = true
                reportError(lParen.extent, "PipelineValueRequired")
            }
            skipNewlines()
            condition = pipelineRule()
            if let c = condition {
                endError = c.extent
                errorAsts.append(c)
            } else {
                isError = true
                isIncompleteError = reportIncompleteInput(after(lParen), "PipelineValueRequired")
            }
            skipNewlines()
            let rParen = nextToken()
            if rParen.kind != .rParen {
                ungetToken(rParen)
                if !isIncompleteError {
                    isError = true
                    isIncompleteError = reportIncompleteInput(after(endError), "MissingEndParenthesisInSwitchStatement")
                }
            } else {
                endError = rParen.extent
            }
        } else if condition == nil {
            if !flags.contains(.file) {
                isError = true
                isIncompleteError = reportIncompleteInput(after(endError), "PipelineValueRequired")
            }
        }
        skipNewlines()
        let lCurly = nextToken()
        var defaultClause: StatementBlockAst?
        var clauses: [SwitchClause] = []
        var rCurly: Tok?
        if lCurly.kind != .lCurly {
            ungetToken(lCurly)
            if !isIncompleteError {
                isError = true
                reportIncompleteInput(after(endError), "MissingCurlyBraceInSwitchStatement")
            }
        } else {
            endError = lCurly.extent
            skipNewlines()
            while true {
                guard let clauseCondition = singleCommandArgument(.switchCondition) else {
                    isError = true
                    reportIncompleteInput(after(endError), "MissingSwitchConditionExpression")
                    if peekToken().kind == .rCurly { skipToken() }
                    break
                }
                errorAsts.append(clauseCondition)
                endError = clauseCondition.extent
                if let body = loopBodyRule() {
                    errorAsts.append(body)
                    endError = body.extent
                    if let s = clauseCondition as? StringConstantExpressionAst, s.stringConstantType == .bareWord,
                       s.value.lowercased() == "default" {
                        if defaultClause != nil {
                            isError = true
                            reportError(clauseCondition.extent, "MultipleSwitchDefaultClauses")
                        }
                        defaultClause = body
                    } else {
                        clauses.append(SwitchClause(test: clauseCondition, body: body))
                    }
                } else {
                    isError = true
                    isIncompleteError = reportIncompleteInput(after(endError), "MissingSwitchStatementClause")
                }
                skipNewlinesAndSemicolons()
                let tok = peekToken()
                if tok.kind == .rCurly {
                    rCurly = tok
                    skipToken()
                    break
                }
                if tok.kind == .endOfInput {
                    if !isIncompleteError {
                        isError = true
                        reportIncompleteInput(lCurly.extent, detected: tok.extent, "MissingEndCurlyBrace")
                    }
                    break
                }
            }
        }
        if isError {
            return ErrorStatementAst(extent: extentOf(startExtent, endError), nestedAst: errorAsts)
        }
        return SwitchStatementAst(extent: extentOf((label ?? switchTok).extent, rCurly!.extent),
                                  label: label.map(labelText), condition: condition, flags: flags, clauses: clauses,
                                  defaultClause: defaultClause)
    }

    mutating func foreachStatementRule(label: Tok?, _ foreachTok: Tok) -> StatementAst {
        let start = (label ?? foreachTok).extent
        var endError: SourceExtent?
        var parallel = false
        skipNewlines()
        var paramTok = peekToken()
        while paramTok.kind == .parameter {
            skipToken()
            if isSpecificParameter(paramTok, "parallel") {
                parallel = true
            } else if isSpecificParameter(paramTok, "throttlelimit") {
                skipNewlines()
                if singleCommandArgument(.commandArgument) == nil {
                    reportIncompleteInput(after(paramTok), "MissingThrottleLimit")
                }
            } else {
                endError = paramTok.extent
                reportError(paramTok.extent, "InvalidForeachFlag", parameterName(paramTok))
            }
            skipNewlines()
            paramTok = peekToken()
        }
        let lParen = nextToken()
        if lParen.kind != .lParen {
            ungetToken(lParen)
            reportIncompleteInput(after(foreachTok), "MissingOpenParenthesisAfterKeyword", "foreach")
            return ErrorStatementAst(extent: extentOf(start, foreachTok.extent), nestedAst: [])
        }
        skipNewlines()
        let varTok = nextToken()
        if varTok.kind != .variable && varTok.kind != .splattedVariable {
            ungetToken(varTok)
            reportIncompleteInput(after(lParen), "MissingVariableNameAfterForeach")
            return ErrorStatementAst(extent: extentOf(start, lParen.extent), nestedAst: [])
        }
        let variable = variableExpression(varTok)
        if variable.splatted { SemanticChecks.splattedVariableOutsideCommand(variable, sink) }
        skipNewlines()
        var pipeline: PipelineBaseAst?
        var body: StatementBlockAst?
        let inTok = nextToken()
        if inTok.kind != .in {
            ungetToken(inTok)
            endError = variable.extent
            reportIncompleteInput(after(variable), "MissingInInForeach")
        } else {
            skipNewlines()
            pipeline = pipelineRule()
            if let p = pipeline {
                skipNewlines()
                let rParen = nextToken()
                if rParen.kind != .rParen {
                    ungetToken(rParen)
                    endError = p.extent
                    reportIncompleteInput(after(p), "MissingEndParenthesisAfterForeach")
                } else {
                    body = loopBodyRule()
                    if body == nil {
                        endError = rParen.extent
                        reportIncompleteInput(after(rParen), "MissingForeachStatement")
                    }
                }
            } else {
                endError = inTok.extent
                reportIncompleteInput(after(inTok), "MissingForeachExpression")
            }
        }
        if let endError {
            return ErrorStatementAst(extent: extentOf(start, endError),
                                     nestedAst: [variable as Ast?, pipeline, body].compactMap { $0 })
        }
        return ForEachStatementAst(extent: extentOf(start, body!.extent), label: label.map(labelText), variable: variable,
                                   collection: pipeline!, body: body!, parallel: parallel)
    }

    mutating func forStatementRule(label: Tok?, _ forTok: Tok) -> StatementAst {
        let start = (label ?? forTok).extent
        var endError: SourceExtent?
        skipNewlines()
        let lParen = nextToken()
        if lParen.kind != .lParen {
            ungetToken(lParen)
            reportIncompleteInput(after(forTok), "MissingOpenParenthesisAfterKeyword", "for")
            return ErrorStatementAst(extent: extentOf(start, forTok.extent), nestedAst: [])
        }
        skipNewlines()
        let initializer = pipelineRule()
        if let i = initializer { endError = i.extent }
        if peekToken().kind == .semi { endError = nextToken().extent }
        skipNewlines()
        let condition = pipelineRule()
        if let c = condition { endError = c.extent }
        if peekToken().kind == .semi { endError = nextToken().extent }
        skipNewlines()
        let iterator = pipelineRule()
        if let i = iterator { endError = i.extent }
        skipNewlines()
        let rParen = nextToken()
        var body: StatementBlockAst?
        if rParen.kind != .rParen {
            ungetToken(rParen)
            let e = endError ?? lParen.extent
            endError = e
            reportIncompleteInput(after(e), "MissingEndParenthesisAfterStatement", "for")
        } else {
            body = loopBodyRule()
            if body == nil {
                endError = rParen.extent
                reportIncompleteInput(after(rParen), "MissingLoopStatement", "for")
            }
        }
        guard let body else {
            return ErrorStatementAst(extent: extentOf(start, endError ?? start),
                                     nestedAst: [initializer, condition, iterator].compactMap { $0 })
        }
        return ForStatementAst(extent: extentOf(start, body.extent), label: label.map(labelText), initializer: initializer,
                               condition: condition, iterator: iterator, body: body)
    }

    mutating func whileStatementRule(label: Tok?, _ whileTok: Tok) -> StatementAst {
        let start = (label ?? whileTok).extent
        skipNewlines()
        let lParen = nextToken()
        if lParen.kind != .lParen {
            ungetToken(lParen)
            reportIncompleteInput(after(whileTok), "MissingOpenParenthesisAfterKeyword", text(whileTok))
            return ErrorStatementAst(extent: extentOf(start, whileTok.extent), nestedAst: [])
        }
        skipNewlines()
        var condition: PipelineBaseAst
        var errorCondition: PipelineBaseAst?
        if let c = pipelineRule() {
            condition = c
            errorCondition = c
        } else {
            let pos = after(lParen)
            reportIncompleteInput(pos, "MissingExpressionAfterKeyword", "while")
            condition = ErrorStatementAst(extent: pos, nestedAst: [])
        }
        skipNewlines()
        let rParen = nextToken()
        if rParen.kind != .rParen {
            ungetToken(rParen)
            if !(condition is ErrorStatementAst) {
                reportIncompleteInput(after(condition), "MissingEndParenthesisAfterStatement", "while")
            }
            return ErrorStatementAst(extent: extentOf(start, condition.extent), nestedAst: [errorCondition].compactMap { $0 })
        }
        skipNewlines()
        guard let body = loopBodyRule() else {
            reportIncompleteInput(after(rParen), "MissingLoopStatement", "while")
            return ErrorStatementAst(extent: extentOf(start, rParen.extent), nestedAst: [errorCondition].compactMap { $0 })
        }
        return WhileStatementAst(extent: extentOf(start, body.extent), label: label.map(labelText), condition: condition, body: body)
    }

    mutating func doWhileStatementRule(label: Tok?, _ doTok: Tok) -> StatementAst {
        let start = (label ?? doTok).extent
        var endError: SourceExtent?
        var rParen: Tok?
        var keyword: Tok?
        var condition: PipelineBaseAst?
        let body = loopBodyRule()
        if let body {
            skipNewlines()
            let kw = nextToken()
            keyword = kw
            if kw.kind != .while && kw.kind != .until {
                ungetToken(kw)
                endError = body.extent
                reportIncompleteInput(after(body), "MissingWhileOrUntilInDoWhile")
            } else {
                skipNewlines()
                let lParen = nextToken()
                if lParen.kind != .lParen {
                    ungetToken(lParen)
                    endError = kw.extent
                    reportIncompleteInput(after(kw), "MissingOpenParenthesisAfterKeyword", text(kw).lowercased())
                } else {
                    skipNewlines()
                    condition = pipelineRule()
                    if condition == nil {
                        endError = lParen.extent
                        reportIncompleteInput(after(lParen), "MissingExpressionAfterKeyword", text(kw).lowercased())
                    }
                    skipNewlines()
                    let r = nextToken()
                    if r.kind != .rParen {
                        ungetToken(r)
                        if let c = condition {
                            endError = c.extent
                            reportIncompleteInput(after(c), "MissingEndParenthesisAfterStatement", text(kw).lowercased())
                        }
                    } else {
                        rParen = r
                    }
                }
            }
        } else {
            endError = doTok.extent
            reportIncompleteInput(after(doTok), "MissingLoopStatement", "do")
        }
        if let endError {
            return ErrorStatementAst(extent: extentOf(start, endError), nestedAst: [body as Ast?, condition].compactMap { $0 })
        }
        guard let body, let condition, let rParen, let keyword else {
            return ErrorStatementAst(extent: start, nestedAst: [])
        }
        let extent = extentOf(start, rParen.extent)
        if keyword.kind == .until {
            return DoUntilStatementAst(extent: extent, label: label.map(labelText), condition: condition, body: body)
        }
        return DoWhileStatementAst(extent: extent, label: label.map(labelText), condition: condition, body: body)
    }
}
