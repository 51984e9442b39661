// Script blocks: `using` statements, the param block, named blocks (begin/process/end/
// dynamicparam) or a statement list, and statement blocks `{ … }`.

extension ScriptParser {
    /// Where a speculative parse can be undone (the lookahead token, if any, is rescanned).
    var restorePoint: Int { ungot?.start ?? lexer.index }

    mutating func scriptBlockRule(lCurly: Tok?, isFilter: Bool, predefined: StatementAst? = nil) -> ScriptBlockAst {
        skipNewlines()
        let usings = lCurly == nil ? usingStatementsRule() : []
        let restore = restorePoint
        let paramBlock = paramBlockRule()
        if paramBlock == nil { resync(to: restore) }
        skipNewlinesAndSemicolons()
        return scriptBlockBodyRule(lCurly: lCurly, usings: usings, paramBlock: paramBlock, isFilter: isFilter,
                                   predefined: predefined)
    }

    mutating func usingStatementsRule() -> [UsingStatementAst] {
        var result: [UsingStatementAst] = []
        while true {
            let tok = peekToken()
            if tok.kind == .using {
                skipToken()
                let statement = usingStatementRule(tok)
                skipNewlinesAndSemicolons()
                if let u = statement as? UsingStatementAst { result.append(u) }
                continue
            }
            resync(tok)
            return result
        }
    }

    mutating func paramBlockRule() -> ParamBlockAst? {
        skipNewlines()
        let candidates = attributeListRule(inExpressionMode: false)
        skipNewlines()
        let paramTok = peekToken()
        guard paramTok.kind == .param else { return nil }
        skipToken()
        skipNewlines()
        let lParen = nextToken()
        guard lParen.kind == .lParen else {
            ungetToken(lParen)
            return nil  // a command named 'param'
        }
        let parameters = parameterListRule()
        skipNewlines()
        let rParen = nextToken()
        var endExtent = rParen.extent
        if rParen.kind != .rParen {
            ungetToken(rParen)
            endExtent = before(rParen)
            reportIncompleteInput(after(parameters.last?.extent ?? lParen.extent), "MissingEndParenthesisInFunctionParameterList")
        }
        var attributes: [AttributeAst] = []
        for attr in candidates ?? [] {
            if let a = attr as? AttributeAst {
                attributes.append(a)
            } else {
                reportError(attr.extent, "TypeNotAllowedBeforeParam", attr.typeName.name)
            }
        }
        SemanticChecks.duplicateParameters(parameters, sink)
        return ParamBlockAst(extent: extentOf(paramTok.extent, endExtent), attributes: attributes, parameters: parameters)
    }

    mutating func scriptBlockBodyRule(lCurly: Tok?, usings: [UsingStatementAst], paramBlock: ParamBlockAst?,
                                      isFilter: Bool, predefined: StatementAst?) -> ScriptBlockAst {
        let tok = peekToken()
        switch tok.kind {
        case .begin, .process, .end, .dynamicparam:
            return namedBlockListRule(lCurly: lCurly, usings: usings, paramBlock: paramBlock)
        default:
            break
        }
        var statements: [StatementAst] = []
        var traps: [TrapStatementAst] = []
        if let p = predefined { statements.append(p) }
        var listExtent: SourceExtent? = paramBlock?.extent
        var blockExtent: SourceExtent
        while true {
            let e = statementListRule(&statements, &traps,
                                      topLevel: lCurly == nil && lexer.recording && lexer.nestedScanDepth == 0)
            if let e { listExtent = listExtent.map { extentOf($0, e) } ?? e }
            let (done, full) = completeScriptBlockBody(lCurly: lCurly, bodyExtent: &listExtent)
            blockExtent = full
            if done { break }
        }
        let bodyExtent = listExtent ?? SourceExtent(blockExtent.startOffset, blockExtent.startOffset)
        let named = NamedBlockAst(extent: bodyExtent, blockKind: isFilter ? .process : .end, unnamed: true,
                                  statements: statements, traps: traps)
        return ScriptBlockAst(extent: blockExtent, source: source, usingStatements: usings,
                              attributes: paramBlock?.attributes ?? [], paramBlock: paramBlock,
                              beginBlock: nil, processBlock: isFilter ? named : nil, endBlock: isFilter ? nil : named,
                              dynamicParamBlock: nil)
    }

    /// Consumes the closing `}` (or, at top level, checks for end of input). False when an
    /// unexpected token was reported and the statement list should continue after it.
    mutating func completeScriptBlockBody(lCurly: Tok?, bodyExtent: inout SourceExtent?) -> (Bool, SourceExtent) {
        if let lCurly {
            let rCurly = nextToken()
            let end: SourceExtent
            if rCurly.kind != .rCurly {
                ungetToken(rCurly)
                end = bodyExtent ?? lCurly.extent
                reportIncompleteInput(lCurly.extent, detected: rCurly.extent, "MissingEndCurlyBrace")
            } else {
                end = rCurly.extent
                if bodyExtent == nil && lCurly.end != rCurly.start {
                    bodyExtent = SourceExtent(lCurly.end, rCurly.start)
                }
            }
            return (true, extentOf(lCurly.extent, end))
        }
        let full = SourceExtent(0, lexer.limit)
        let tok = nextToken()
        if tok.kind != .endOfInput {
            reportError(tok.extent, "UnexpectedToken", text(tok))
            return (false, full)
        }
        return (true, full)
    }

    mutating func namedBlockListRule(lCurly: Tok?, usings: [UsingStatementAst], paramBlock: ParamBlockAst?) -> ScriptBlockAst {
        var blocks: [BlockKind: NamedBlockAst] = [:]
        var startExtent: SourceExtent? = lCurly?.extent ?? paramBlock?.extent
        var endExtent: SourceExtent? = nil
        loop: while true {
            let nameTok = nextToken()
            let kind: BlockKind
            switch nameTok.kind {
            case .begin: kind = .begin
            case .process: kind = .process
            case .end: kind = .end
            case .dynamicparam: kind = .dynamicparam
            default:
                ungetToken(nameTok)
                break loop
            }
            if startExtent == nil { startExtent = nameTok.extent }
            endExtent = nameTok.extent
            var block = statementBlockRule()
            if block == nil {
                reportIncompleteInput(after(nameTok), "MissingNamedStatementBlock", kind.rawValue)
                block = StatementBlockAst(extent: nameTok.extent, statements: [], traps: [])
            } else {
                endExtent = block!.extent
            }
            let extent = extentOf(nameTok.extent, endExtent!)
            if blocks[kind] == nil {
                blocks[kind] = NamedBlockAst(extent: extent, blockKind: kind, unnamed: false,
                                             statements: block!.statements, traps: block!.traps)
            } else {
                reportError(extent, "DuplicateScriptCommandClause", kind.rawValue)
            }
            skipNewlinesAndSemicolons()
        }
        var bodyExtent: SourceExtent? = startExtent.map { s in endExtent.map { extentOf(s, $0) } ?? s }
        var full: SourceExtent
        repeat {
            let (done, f) = completeScriptBlockBody(lCurly: lCurly, bodyExtent: &bodyExtent)
            full = f
            if done { break }
            // Top level: an unexpected token after the named blocks; keep looking for the end.
            var statements: [StatementAst] = []
            var traps: [TrapStatementAst] = []
            _ = statementListRule(&statements, &traps)
        } while true
        return ScriptBlockAst(extent: full, source: source, usingStatements: usings,
                              attributes: paramBlock?.attributes ?? [], paramBlock: paramBlock,
                              beginBlock: blocks[.begin], processBlock: blocks[.process], endBlock: blocks[.end],
                              dynamicParamBlock: blocks[.dynamicparam])
    }

    /// `{ statements }`, or nil (nothing consumed) when the next token is not `{`.
    mutating func statementBlockRule() -> StatementBlockAst? {
        skipNewlines()
        let lCurly = nextToken()
        guard lCurly.kind == .lCurly else {
            ungetToken(lCurly)
            return nil
        }
        var statements: [StatementAst] = []
        var traps: [TrapStatementAst] = []
        let listExtent = statementListRule(&statements, &traps)
        let rCurly = nextToken()
        let end: SourceExtent
        if rCurly.kind != .rCurly {
            ungetToken(rCurly)
            end = listExtent ?? lCurly.extent
            reportIncompleteInput(lCurly.extent, detected: rCurly.extent, "MissingEndCurlyBrace")
        } else {
            end = rCurly.extent
        }
        return StatementBlockAst(extent: extentOf(lCurly.extent, end), statements: statements, traps: traps)
    }

    /// Statements up to `)`, `}` or end of input; returns the extent they cover. Between the
    /// statements of a script's top level no speculative parse can return to an earlier attribute,
    /// so the attribute cache is emptied there: it stays as small as one statement's attributes.
    /// `)` or `}` comes next. Looked at without scanning a token: a token at a statement's start
    /// scanned in command mode can run far (`$$$…` is one bare word) only to be rescanned as an
    /// expression, and doing that at every statement of such a run would be quadratic.
    func atClosingToken() -> Bool {
        if let t = ungot { return t.kind == .rParen || t.kind == .rCurly }
        let c = lexer.peekChar()
        return c == 0x29 || c == 0x7D
    }

    mutating func statementListRule(_ statements: inout [StatementAst], _ traps: inout [TrapStatementAst],
                                    topLevel: Bool = false) -> SourceExtent? {
        var first: StatementAst?
        var last: StatementAst?
        skipNewlinesAndSemicolons()
        while true {
            guard let statement = statementRule() else { break }
            if let t = statement as? TrapStatementAst { traps.append(t) } else { statements.append(statement) }
            if first == nil { first = statement }
            last = statement
            if topLevel && !attributeCache.isEmpty { attributeCache.removeAll() }
            skipNewlinesAndSemicolons()
            if atClosingToken() { break }
        }
        guard let first, let last else { return nil }
        return extentOf(first.extent, last.extent)
    }
}
