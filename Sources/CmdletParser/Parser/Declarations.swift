// Declarations: functions and their parameters, attributes and type names, classes, enums,
// `using` and `configuration`.

extension ScriptParser {
    // MARK: - Functions

    mutating func functionDeclarationRule(_ functionTok: Tok) -> StatementAst {
        skipNewlines()
        let nameTok = nextToken()
        if nameTok.kind.cannotBeFunctionName {
            ungetToken(nameTok)
            reportIncompleteInput(after(functionTok), "MissingNameAfterKeyword", text(functionTok))
            return ErrorStatementAst(extent: functionTok.extent, nestedAst: [])
        }
        let (parameters, endErrorFromParams, rParen) = functionParameterDeclarationRule()
        var endError = endErrorFromParams
        let lCurly = nextToken()
        if lCurly.kind != .lCurly {
            ungetToken(lCurly)
            if endError == nil {
                let e = rParen?.extent ?? nameTok.extent
                endError = e
                reportIncompleteInput(after(e), "MissingFunctionBody")
            }
        }
        if let endError {
            return ErrorStatementAst(extent: extentOf(functionTok.extent, endError), nestedAst: parameters ?? [])
        }
        let isFilter = functionTok.kind == .filter
        let isWorkflow = functionTok.kind == .workflow
        let savedWorkflow = lexer.inWorkflowContext
        let savedFinally = finallyContext
        lexer.inWorkflowContext = isWorkflow
        finallyContext = FinallyContext()
        let body = scriptBlockRule(lCurly: lCurly, isFilter: isFilter)
        lexer.inWorkflowContext = savedWorkflow
        finallyContext = savedFinally
        if let parameters {
            SemanticChecks.duplicateParameters(parameters, sink)
            if let pb = body.paramBlock { sink.defer("OnlyOneParameterListAllowed", pb.extent, args: []) }
        }
        let name = nameTok.kind == .generic ? genericValue(nameTok) : text(nameTok)
        return FunctionDefinitionAst(extent: extentOf(functionTok.extent, body.extent), isFilter: isFilter,
                                     isWorkflow: isWorkflow, name: name, parameters: parameters, body: body)
    }

    /// `( parameters )` after a function name; returns the error end if the `)` is missing.
    mutating func functionParameterDeclarationRule() -> ([ParameterAst]?, SourceExtent?, Tok?) {
        skipNewlines()
        let lParen = peekToken()
        guard lParen.kind == .lParen else { return (nil, nil, nil) }
        skipToken()
        let parameters = parameterListRule()
        skipNewlines()
        let rParen = nextToken()
        var endError: SourceExtent?
        if rParen.kind != .rParen {
            ungetToken(rParen)
            let e = parameters.last?.extent ?? lParen.extent
            endError = e
            reportIncompleteInput(after(e), "MissingEndParenthesisInFunctionParameterList")
            skipNewlines()
            return (parameters, endError, nil)
        }
        skipNewlines()
        return (parameters, nil, rParen)
    }

    mutating func parameterListRule() -> [ParameterAst] {
        var parameters: [ParameterAst] = []
        var commaTok: Tok?
        while true {
            guard let p = parameterRule() else {
                if let c = commaTok { reportIncompleteInput(after(c), "MissingExpressionAfterToken", ",") }
                break
            }
            parameters.append(p)
            skipNewlines()
            let c = peekToken()
            if c.kind != .comma { break }
            commaTok = c
            skipToken()
        }
        return parameters
    }

    mutating func parameterRule() -> ParameterAst? {
        let savedComma = disableCommaOperator
        let savedMode = mode
        disableCommaOperator = true
        setMode(.expression)
        defer { disableCommaOperator = savedComma; setMode(savedMode) }
        skipNewlines()
        let attributes = attributeListRule(inExpressionMode: false)
        skipNewlines()
        let tok = nextToken()
        guard tok.kind == .variable || tok.kind == .splattedVariable else {
            ungetToken(tok)
            if let attributes {
                reportIncompleteInput(after(attributes[attributes.count - 1]), "InvalidFunctionParameter")
                syncOnError(consumeClosingToken: true, .rParen)
                let extent = extentOf(attributes[0].extent, attributes[attributes.count - 1].extent)
                return ParameterAst(extent: extent, name: VariableExpressionAst(
                    extent: extent, variablePath: VariablePathParser.path("__error__"), splatted: false),
                                    attributes: attributes, defaultValue: nil)
            }
            return nil
        }
        var defaultValue: ExpressionAst?
        skipNewlines()
        let equals = peekToken()
        if equals.kind == .equals {
            skipToken()
            skipNewlines()
            defaultValue = expressionRule()
            if defaultValue == nil { reportIncompleteInput(after(equals), "MissingExpressionAfterToken", "=") }
        }
        let start = attributes?.first?.extent ?? tok.extent
        let end = defaultValue?.extent ?? tok.extent
        return ParameterAst(extent: extentOf(start, end), name: variableExpression(tok), attributes: attributes ?? [],
                            defaultValue: defaultValue)
    }

    // MARK: - Attributes and type names

    mutating func attributeListRule(inExpressionMode: Bool) -> [AttributeBaseAst]? {
        var attributes: [AttributeBaseAst] = []
        while let a = attributeRule() {
            attributes.append(a)
            if !inExpressionMode || a is AttributeAst { skipNewlines() }
        }
        return attributes.isEmpty ? nil : attributes
    }

    /// An attribute or type constraint. Attributes are parsed speculatively (before a param
    /// block, before a statement, then as an expression), and may nest (script blocks in their
    /// arguments); each one is parsed once and then replayed from `attributeCache`, which keeps
    /// the parse linear.
    mutating func attributeRule() -> AttributeBaseAst? {
        guard let lBracket = nextLBracket() else { return nil }
        let key = AttributeCacheKey(offset: lBracket.start, mode: mode)
        if let hit = attributeCache[key] {
            lexer.index = hit.end
            if lexer.recording && lexer.nestedScanDepth == 0 { lexer.tokens.append(contentsOf: hit.tokens) }
            ungot = hit.pending
            return hit.ast
        }
        let tokenMark = lexer.tokens.count
        let result = attributeBodyRule(lBracket)
        // An attribute that ended by looking at a token and giving it back (one left open, as in
        // `[A({ [A({ …` cut short) is cached with that token, which a replay gives back again:
        // otherwise every speculative pass re-parses its nested attributes and the time grows
        // exponentially with their depth. The token depends on the lexer's mode, hence the key.
        if let result {
            attributeCache[key] = CachedAttribute(ast: result, end: lexer.index, pending: ungot,
                                                  tokens: Array(lexer.tokens[Swift.min(tokenMark, lexer.tokens.count)...]))
        }
        return result
    }

    mutating func attributeBodyRule(_ lBracket: Tok) -> AttributeBaseAst? {
        v3SkipNewlines()
        guard let (typeName, _) = typeNameRule(allowAssemblyQualifiedNames: true) else {
            resync(lBracket)
            reportIncompleteInput(after(lBracket), "MissingTypename")
            return nil
        }
        let next = nextToken()
        if next.kind == .lParen {
            skipNewlines()
            var positional: [ExpressionAst] = []
            var named: [NamedAttributeArgumentAst] = []
            var lastExtent = next.extent
            let savedMode = mode
            setMode(.expression)
            attributeArgumentsRule(&positional, &named, &lastExtent)
            setMode(savedMode)
            skipNewlines()
            var rParen: Tok? = nextToken()
            if rParen!.kind != .rParen {
                ungetToken(rParen!)
                rParen = nil
                reportIncompleteInput(SourceExtent(lastExtent.endOffset, lastExtent.endOffset), "MissingEndParenthesisInExpression")
            }
            skipNewlines()
            var rBracket: Tok? = nextToken()
            if rBracket!.kind != .rBracket {
                ungetToken(rBracket!)
                rBracket = nil
                if let rParen { reportIncompleteInput(after(rParen), "EndSquareBracketExpectedAtEndOfAttribute") }
            }
            let end = rBracket?.extent ?? rParen?.extent ?? lastExtent
            return AttributeAst(extent: extentOf(lBracket.extent, end), typeName: typeName, positionalArguments: positional,
                                namedArguments: named)
        }
        var end = next.extent
        if next.kind != .rBracket {
            ungetToken(next)
            reportError(before(next), "EndSquareBracketExpectedAtEndOfAttribute")
            end = typeName.extent
        }
        return TypeConstraintAst(extent: extentOf(lBracket.extent, end), typeName: typeName)
    }

    mutating func attributeArgumentsRule(_ positional: inout [ExpressionAst], _ named: inout [NamedAttributeArgumentAst],
                                         _ lastExtent: inout SourceExtent) {
        let saved = disableCommaOperator
        disableCommaOperator = true
        defer { disableCommaOperator = saved }
        var commaTok: Tok?
        var keysSeen = Set<String>()
        while true {
            skipNewlines()
            let name = simpleNameRule()?.0
            var expr: ExpressionAst?
            var omitted = false
            if let name {
                if peekToken().kind == .equals {
                    let eq = nextToken()
                    skipNewlines()
                    expr = expressionRule()
                    if expr == nil {
                        let pos = after(eq)
                        reportIncompleteInput(pos, "MissingExpressionInNamedArgument")
                        expr = ErrorExpressionAst(extent: pos, nestedAst: [])
                        syncOnError(consumeClosingToken: true, .comma, .rParen, .rBracket, .newline)
                    }
                    lastExtent = expr!.extent
                } else {
                    expr = VariableExpressionAst(extent: name.extent, variablePath: VariablePathParser.path("true"), splatted: false)
                    omitted = true
                }
            } else {
                expr = expressionRule()
            }
            if let name {
                let key = name.value.lowercased()
                if keysSeen.contains(key) {
                    reportError(name.extent, "DuplicateNamedArgument", name.value)
                } else {
                    keysSeen.insert(key)
                    named.append(NamedAttributeArgumentAst(extent: extentOf(name.extent, expr!.extent), argumentName: name.value,
                                                           argument: expr!, expressionOmitted: omitted))
                }
            } else if let expr {
                positional.append(expr)
                lastExtent = expr.extent
            } else if let c = commaTok {
                let pos = after(c)
                reportIncompleteInput(pos, "MissingExpressionAfterToken", ",")
                positional.append(ErrorExpressionAst(extent: pos, nestedAst: []))
                lastExtent = pos
            }
            skipNewlines()
            let c = peekToken()
            if c.kind != .comma { break }
            commaTok = c
            lastExtent = c.extent
            skipToken()
        }
    }

    mutating func typeNameRule(allowAssemblyQualifiedNames: Bool) -> (TypeName, Tok)? {
        let savedMode = mode
        setMode(.typeName)
        defer { setMode(savedMode) }
        let tok = nextToken()
        guard tok.kind == .identifier else {
            ungetToken(tok)
            return nil
        }
        return (finishTypeNameRule(tok, unbracketedGenericArg: false, allowAssemblyQualifiedNames: allowAssemblyQualifiedNames), tok)
    }

    mutating func finishTypeNameRule(_ nameTok: Tok, unbracketedGenericArg: Bool, allowAssemblyQualifiedNames: Bool = true) -> TypeName {
        var token = peekToken()
        let simple = TypeName(name: text(nameTok), extent: nameTok.extent)
        if token.kind == .lBracket {
            let lBracket = token
            skipToken()
            v3SkipNewlines()
            token = nextToken()
            switch token.kind {
            case .rBracket, .comma:
                return completeArrayTypeName(simple, token)
            case .lBracket, .identifier:
                return genericTypeArgumentsRule(nameTok, token, unbracketedGenericArg: unbracketedGenericArg)
            default:
                if token.kind != .endOfInput {
                    reportError(token.extent, "UnexpectedToken", text(token))
                    syncOnError(consumeClosingToken: true, .rBracket)
                } else {
                    ungetToken(token)
                    reportIncompleteInput(after(lBracket), "MissingTypename")
                }
                return simple
            }
        }
        if token.kind == .comma && allowAssemblyQualifiedNames && !unbracketedGenericArg {
            skipToken()
            let spec = lexer.assemblyNameSpec()
            if spec.allSatisfy({ $0 == " " || $0 == "\t" }) {
                reportError(after(token), "MissingAssemblyNameSpecification")
                return simple
            }
            return TypeName(name: simple.name + "," + spec, extent: extentOf(nameTok.extent, SourceExtent(lexer.index, lexer.index)))
        }
        return simple
    }

    mutating func singleGenericArgument(_ first: Tok) -> TypeName {
        if first.kind == .identifier { return finishTypeNameRule(first, unbracketedGenericArg: true) }
        let tok = nextToken()
        if tok.kind != .identifier {
            ungetToken(tok)
            reportIncompleteInput(after(tok), "MissingTypename")
            return TypeName(name: ":ErrorTypeName:", extent: first.extent)
        }
        let name = finishTypeNameRule(tok, unbracketedGenericArg: false)
        let rBracket = nextToken()
        if rBracket.kind != .rBracket {
            ungetToken(rBracket)
            reportIncompleteInput(before(rBracket), "EndSquareBracketExpectedAtEndOfType")
        }
        return name
    }

    mutating func genericTypeArgumentsRule(_ nameTok: Tok, _ first: Tok, unbracketedGenericArg: Bool) -> TypeName {
        guard enterNesting() else {
            leaveNesting()
            return TypeName(name: text(nameTok), extent: nameTok.extent)
        }
        defer { leaveNesting() }
        var args: [TypeName] = [singleGenericArgument(first)]
        var closing: Tok
        while true {
            v3SkipNewlines()
            closing = nextToken()
            if closing.kind != .comma { break }
            v3SkipNewlines()
            let t = peekToken()
            if t.kind == .identifier || t.kind == .lBracket {
                skipToken()
                args.append(singleGenericArgument(t))
            } else {
                reportIncompleteInput(after(closing), "MissingTypename")
                args.append(TypeName(name: ":ErrorTypeName:", extent: closing.extent))
            }
        }
        var end = closing.extent
        if closing.kind != .rBracket {
            ungetToken(closing)
            reportIncompleteInput(before(closing), "EndSquareBracketExpectedAtEndOfAttribute")
            end = args.last?.extent ?? first.extent
        }
        let name = text(nameTok) + "[" + args.map(\.name).joined(separator: ",") + "]"
        let result = TypeName(name: name, extent: extentOf(nameTok.extent, end))
        let token = peekToken()
        if token.kind == .lBracket {
            skipToken()
            return completeArrayTypeName(result, nextToken())
        }
        if token.kind == .comma && !unbracketedGenericArg {
            skipToken()
            let spec = lexer.assemblyNameSpec()
            if spec.isEmpty {
                reportError(after(token), "MissingAssemblyNameSpecification")
            } else {
                return TypeName(name: result.name + "," + spec, extent: result.extent)
            }
        }
        return result
    }

    mutating func completeArrayTypeName(_ element: TypeName, _ firstAfterLBracket: Tok) -> TypeName {
        var elementType = element
        var first = firstAfterLBracket
        while true {
            switch first.kind {
            case .comma:
                var dims = 1
                var token = first
                var lastComma = first
                repeat {
                    lastComma = token
                    dims += 1
                    token = nextToken()
                } while token.kind == .comma
                if token.kind != .rBracket {
                    ungetToken(token)
                    reportError(after(lastComma), "EndSquareBracketExpectedAtEndOfAttribute")
                }
                elementType = TypeName(name: elementType.name + "[" + String(repeating: ",", count: dims - 1) + "]",
                                       extent: extentOf(elementType.extent, token.extent))
            case .rBracket:
                elementType = TypeName(name: elementType.name + "[]", extent: extentOf(elementType.extent, first.extent))
            case .endOfInput:
                ungetToken(first)
                reportError(before(first), "EndSquareBracketExpectedAtEndOfAttribute")
            default:
                reportError(first.extent, "UnexpectedToken", text(first))
                syncOnError(consumeClosingToken: true, .rBracket)
            }
            let token = peekToken()
            if token.kind == .comma {
                skipToken()
                let spec = lexer.assemblyNameSpec()
                if spec.isEmpty {
                    reportError(after(token), "MissingAssemblyNameSpecification")
                } else {
                    elementType = TypeName(name: elementType.name + "," + spec, extent: elementType.extent)
                }
                break
            }
            if token.kind != .lBracket { break }
            skipToken()
            first = nextToken()
        }
        return elementType
    }
}
