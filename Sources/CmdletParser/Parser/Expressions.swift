// Expressions: binary operators by precedence, array literals, unary operators and casts,
// primary expressions and their member access, method calls and indexing.

extension ScriptParser {
    mutating func expressionRule() -> ExpressionAst? {
        guard enterNesting() else { leaveNesting(); return nil }
        defer { leaveNesting() }
        let savedMode = mode
        setMode(.expression)
        defer { setMode(savedMode) }

        guard var expr = arrayLiteralRule() else { return nil }
        var token = peekToken()
        if !token.kind.isBinaryOperator {
            if token.kind == .parameter { return errorRecoveryParameterInExpression(token, expr) }
            return expr
        }
        skipToken()
        var operands: [ExpressionAst] = [expr]
        var operators: [Tok] = [token]
        var precedence = token.kind.binaryPrecedence
        var paramTok: Tok?
        var chain = 0
        defer { releaseChain(chain) }
        while true {
            skipNewlines()
            if let e = arrayLiteralRule() {
                expr = e
            } else {
                let pos = after(token)
                reportIncompleteInput(pos, "ExpectedValueExpression", text(token))
                expr = ErrorExpressionAst(extent: pos, nestedAst: [])
            }
            operands.append(expr)
            token = nextToken()
            if !token.kind.isBinaryOperator {
                if token.kind == .parameter { paramTok = token }
                ungetToken(token)
                break
            }
            if !growChain(&chain) { break }
            let newPrecedence = token.kind.binaryPrecedence
            while newPrecedence <= precedence {
                let rhs = operands.removeLast()
                let lhs = operands.removeLast()
                let op = operators.removeLast()
                operands.append(BinaryExpressionAst(extent: extentOf(lhs.extent, rhs.extent), operatorKind: op.kind,
                                                    left: lhs, right: rhs, errorPosition: op.extent))
                guard let top = operators.last else { break }
                precedence = top.kind.binaryPrecedence
            }
            operators.append(token)
            precedence = newPrecedence
        }
        var rhs = operands.removeLast()
        while let lhs = operands.popLast() {
            let op = operators.removeLast()
            rhs = BinaryExpressionAst(extent: extentOf(lhs.extent, rhs.extent), operatorKind: op.kind, left: lhs,
                                      right: rhs, errorPosition: op.extent)
        }
        if let paramTok { return errorRecoveryParameterInExpression(paramTok, rhs) }
        return rhs
    }

    /// A parameter after an expression is taken as a mistyped operator: reported and skipped.
    mutating func errorRecoveryParameterInExpression(_ paramTok: Tok, _ expr: ExpressionAst) -> ExpressionAst {
        reportError(paramTok.extent, "UnexpectedToken", text(paramTok))
        skipToken()
        return ErrorExpressionAst(extent: extentOf(expr.extent, paramTok.extent), nestedAst: [
            expr, CommandParameterAst(extent: paramTok.extent, parameterName: parameterName(paramTok), argument: nil,
                                      errorPosition: paramTok.extent)])
    }

    mutating func arrayLiteralRule() -> ExpressionAst? {
        guard let firstExpr = unaryExpressionRule() else { return nil }
        var lastExpr = firstExpr
        var commaTok = peekToken()
        if commaTok.kind != .comma || disableCommaOperator { return lastExpr }
        var values: [ExpressionAst] = [lastExpr]
        while commaTok.kind == .comma {
            skipToken()
            skipNewlines()
            guard let e = unaryExpressionRule() else {
                reportIncompleteInput(after(commaTok), "MissingExpressionAfterToken", text(commaTok))
                lastExpr = ErrorExpressionAst(extent: commaTok.extent, nestedAst: [])
                values.append(lastExpr)
                break
            }
            lastExpr = e
            values.append(e)
            commaTok = peekToken()
        }
        return ArrayLiteralAst(extent: extentOf(firstExpr.extent, lastExpr.extent), elements: values)
    }

    mutating func unaryExpressionRule() -> ExpressionAst? {
        guard enterNesting() else { leaveNesting(); return nil }
        defer { leaveNesting() }
        let savedSigned = lexer.allowSignedNumbers
        lexer.allowSignedNumbers = true
        if let u = ungot, u.kind == .minus { resync(u) }
        var token = peekToken()
        lexer.allowSignedNumbers = savedSigned

        var expr: ExpressionAst?
        if token.kind.isUnaryOperator {
            if disableCommaOperator && token.kind == .comma { return nil }
            skipToken()
            skipNewlines()
            guard let child = unaryExpressionRule() else {
                reportIncompleteInput(after(token), "MissingExpressionAfterOperator", text(token))
                return ErrorExpressionAst(extent: token.extent, nestedAst: [])
            }
            if token.kind == .comma {
                expr = ArrayLiteralAst(extent: extentOf(token.extent, child.extent), elements: [child])
            } else {
                expr = UnaryExpressionAst(extent: extentOf(token.extent, child.extent), tokenKind: token.kind, child: child)
            }
        } else if token.kind == .lBracket {
            guard let attributes = attributeListRule(inExpressionMode: true) else { return nil }
            var chain = 0
            defer { releaseChain(chain) }
            for _ in attributes where !growChain(&chain) { return nil }
            let last = attributes[attributes.count - 1]
            if let attribute = last as? AttributeAst {
                skipNewlines()
                guard let child = unaryExpressionRule() else {
                    reportIncompleteInput(attribute.extent, "UnexpectedAttribute", attribute.typeName.name)
                    return ErrorExpressionAst(extent: extentOf(token.extent, attribute.extent), nestedAst: [])
                }
                expr = AttributedExpressionAst(extent: extentOf(attribute.extent, child.extent), attribute: attribute, child: child)
            } else {
                let typeExpr = TypeExpressionAst(extent: last.extent, typeName: last.typeName)
                if ungot == nil, let memberTok = nextMemberAccessToken(allowLBracket: false) {
                    expr = checkPostPrimaryExpressionOperators(memberTok, typeExpr)
                } else {
                    token = peekToken()
                    if token.kind != .newline && token.kind != .comma, let child = unaryExpressionRule() {
                        expr = ConvertExpressionAst(extent: extentOf(last.extent, child.extent),
                                                    type: last as! TypeConstraintAst, child: child)
                    }
                }
                if expr == nil { expr = typeExpr }
            }
            for attr in attributes.dropLast().reversed() {
                if let tc = attr as? TypeConstraintAst {
                    expr = ConvertExpressionAst(extent: extentOf(tc.extent, expr!.extent), type: tc, child: expr!)
                } else {
                    expr = AttributedExpressionAst(extent: extentOf(attr.extent, expr!.extent), attribute: attr, child: expr!)
                }
            }
        } else {
            expr = primaryExpressionRule(withMemberAccess: true)
        }
        if let e = expr {
            let t = peekToken()
            if t.kind == .plusPlus || t.kind == .minusMinus {
                skipToken()
                expr = UnaryExpressionAst(extent: extentOf(e.extent, t.extent),
                                          tokenKind: t.kind == .plusPlus ? .postfixPlusPlus : .postfixMinusMinus, child: e)
            }
        }
        return expr
    }

    mutating func primaryExpressionRule(withMemberAccess: Bool) -> ExpressionAst? {
        let allowSplat = splatAllowed
        splatAllowed = false
        let token = nextToken()
        var expr: ExpressionAst
        switch token.kind {
        case .splattedVariable, .variable:
            expr = checkUsingVariable(token, withMemberAccess: withMemberAccess)
        case .number:
            let value = (token.payload >= 0 ? lexer.numbers[Int(token.payload)] : nil) ?? .int32(0)
            expr = ConstantExpressionAst(extent: token.extent, value: value)
        case .hereStringExpandable, .stringExpandable:
            expr = expandableString(token, type: token.kind == .stringExpandable ? .doubleQuoted : .doubleQuotedHereString)
        case .hereStringLiteral, .stringLiteral:
            expr = StringConstantExpressionAst(extent: token.extent, value: stringValue(token),
                                               stringConstantType: token.kind == .stringLiteral ? .singleQuoted : .singleQuotedHereString)
        case .lParen:
            expr = parenthesizedExpressionRule(token)
        case .atParen, .dollarParen:
            expr = subExpressionRule(token)
        case .atCurly:
            expr = hashExpressionRule(token)
        case .lCurly:
            expr = scriptBlockExpressionRule(token)
        default:
            ungetToken(token)
            return nil
        }
        let result = withMemberAccess ? checkPostPrimaryExpressionOperators(nextMemberAccessToken(allowLBracket: true), expr) : expr
        if token.kind == .splattedVariable, let v = expr as? VariableExpressionAst, !(allowSplat && result === expr) {
            SemanticChecks.splattedVariableOutsideCommand(v, sink)
        }
        return result
    }

    func variableExpression(_ tok: Tok) -> VariableExpressionAst {
        VariableExpressionAst(extent: tok.extent, variablePath: VariablePathParser.path(stringValue(tok)),
                              splatted: tok.kind == .splattedVariable)
    }

    mutating func checkUsingVariable(_ tok: Tok, withMemberAccess: Bool) -> ExpressionAst {
        let path = VariablePathParser.path(stringValue(tok))
        if case .using = path.scope, !path.name.isEmpty {
            var child: ExpressionAst = VariableExpressionAst(
                extent: tok.extent, variablePath: VariablePathParser.path(path.name), splatted: tok.kind == .splattedVariable)
            if withMemberAccess {
                child = checkPostPrimaryExpressionOperators(nextMemberAccessToken(allowLBracket: true), child)
            }
            return UsingExpressionAst(extent: child.extent, subExpression: child)
        }
        return VariableExpressionAst(extent: tok.extent, variablePath: path, splatted: tok.kind == .splattedVariable)
    }

    mutating func checkPostPrimaryExpressionOperators(_ first: Tok?, _ start: ExpressionAst) -> ExpressionAst {
        var token = first
        var expr = start
        var chain = 0
        defer { releaseChain(chain) }
        while let t = token {
            if !growChain(&chain) { break }
            v3SkipNewlines()
            if t.kind == .dot || t.kind == .colonColon {
                expr = memberAccessRule(expr, t)
            } else if t.kind == .lBracket {
                expr = elementAccessRule(expr, t)
            }
            token = nextMemberAccessToken(allowLBracket: true)
        }
        return expr
    }

    mutating func memberNameRule() -> CommandElementAst? {
        if let (name, _) = simpleNameRule() { return name }
        let tok = peekToken()
        if tok.kind.isUnaryOperator || tok.kind == .lBracket { return unaryExpressionRule() }
        return primaryExpressionRule(withMemberAccess: false)
    }

    mutating func memberAccessRule(_ target: ExpressionAst, _ op: Tok) -> ExpressionAst {
        var member: CommandElementAst
        if let m = memberNameRule() {
            member = m
            if let lParen = nextInvokeMemberToken() {
                return memberInvokeRule(target, lParen, op, member)
            }
        } else {
            reportIncompleteInput(after(op), "MissingPropertyName")
            member = singleCommandArgument(.commandArgument)
                ?? ErrorExpressionAst(extent: extentOf(target.extent, op.extent), nestedAst: [])
        }
        return MemberExpressionAst(extent: extentOf(target.extent, member.extent), expression: target, member: member,
                                   isStatic: op.kind == .colonColon)
    }

    mutating func memberInvokeRule(_ target: ExpressionAst, _ lBracket: Tok, _ op: Tok, _ member: CommandElementAst) -> ExpressionAst {
        var arguments: [ExpressionAst]
        var lastExtent: SourceExtent
        if lBracket.kind == .lParen {
            (arguments, lastExtent) = invokeParamParenListRule(lBracket)
        } else {
            skipNewlines()
            let arg = scriptBlockExpressionRule(lBracket)
            arguments = [arg]
            lastExtent = arg.extent
        }
        return InvokeMemberExpressionAst(extent: extentOf(target.extent, lastExtent), expression: target, member: member,
                                         isStatic: op.kind == .colonColon, arguments: arguments)
    }

    mutating func invokeParamParenListRule(_ lParen: Tok) -> ([ExpressionAst], SourceExtent) {
        var arguments: [ExpressionAst] = []
        var comma: Tok?
        var reported = false
        let saved = disableCommaOperator
        disableCommaOperator = true
        defer { disableCommaOperator = saved }
        while true {
            skipNewlines()
            guard let arg = expressionRule() else {
                if let comma {
                    reportIncompleteInput(after(comma), "MissingExpressionAfterToken", ",")
                    reported = true
                }
                break
            }
            arguments.append(arg)
            skipNewlines()
            let c = nextToken()
            if c.kind != .comma {
                ungetToken(c)
                comma = nil
                break
            }
            comma = c
        }
        skipNewlines()
        let rParen = nextToken()
        if rParen.kind != .rParen {
            ungetToken(rParen)
            if !reported {
                reportIncompleteInput(arguments.last.map { after($0) } ?? after(lParen), "MissingEndParenthesisInMethodCall")
            }
            return (arguments, comma?.extent ?? arguments.last?.extent ?? lParen.extent)
        }
        return (arguments, rParen.extent)
    }

    mutating func elementAccessRule(_ target: ExpressionAst, _ lBracket: Tok) -> ExpressionAst {
        skipNewlines()
        var index: ExpressionAst
        if let e = expressionRule() {
            index = e
        } else {
            reportIncompleteInput(after(lBracket), "MissingArrayIndexExpression")
            index = ErrorExpressionAst(extent: lBracket.extent, nestedAst: [])
        }
        skipNewlines()
        let rBracket = nextToken()
        var end = rBracket.extent
        if rBracket.kind != .rBracket {
            ungetToken(rBracket)
            if !(index is ErrorExpressionAst) {
                reportIncompleteInput(after(index), "MissingEndSquareBracket")
            }
            end = index.extent
        }
        return IndexExpressionAst(extent: extentOf(target.extent, end), target: target, index: index)
    }

    mutating func hashExpressionRule(_ atCurly: Tok) -> ExpressionAst {
        skipNewlines()
        var pairs: [HashtableEntry] = []
        while true {
            guard let pair = keyValuePairRule() else { break }
            pairs.append(pair)
            let tok = peekToken()
            if tok.kind != .newline && tok.kind != .semi { break }
            skipNewlinesAndSemicolons()
        }
        let rCurly = nextToken()
        var end = rCurly.extent
        if rCurly.kind != .rCurly {
            ungetToken(rCurly)
            reportIncompleteInput(after(atCurly), detected: rCurly.extent, "MissingEndCurlyBrace")
            end = before(rCurly)
        }
        let hash = HashtableAst(extent: extentOf(atCurly.extent, end), keyValuePairs: pairs)
        SemanticChecks.duplicateKeys(hash, sink)
        return hash
    }

    mutating func keyValuePairRule() -> HashtableEntry? {
        let savedMode = mode
        setMode(.expression)
        guard let key = labelOrKeyRule() else { setMode(savedMode); return nil }
        let equals = nextToken()
        setMode(savedMode)
        if equals.kind != .equals {
            ungetToken(equals)
            let pos = after(key)
            reportError(pos, "MissingEqualsInHashLiteral")
            syncOnError(consumeClosingToken: false, .rCurly, .semi, .newline)
            return HashtableEntry(key: key, value: ErrorStatementAst(extent: pos, nestedAst: []))
        }
        setMode(.command)
        defer { setMode(savedMode) }
        skipNewlines()
        if let statement = statementRule() { return HashtableEntry(key: key, value: statement) }
        let pos = after(equals)
        reportIncompleteInput(pos, "MissingStatementInHashLiteral")
        return HashtableEntry(key: key, value: ErrorStatementAst(extent: pos, nestedAst: []))
    }

    mutating func scriptBlockExpressionRule(_ lCurly: Tok) -> ScriptBlockExpressionAst {
        let savedComma = disableCommaOperator
        let savedMode = mode
        disableCommaOperator = false
        setMode(.command)
        skipNewlines()
        let savedFinally = finallyContext
        finallyContext = FinallyContext()
        let sb = scriptBlockRule(lCurly: lCurly, isFilter: false)
        finallyContext = savedFinally
        disableCommaOperator = savedComma
        setMode(savedMode)
        return ScriptBlockExpressionAst(extent: sb.extent, scriptBlock: sb)
    }

    mutating func subExpressionRule(_ first: Tok) -> ExpressionAst {
        let savedComma = disableCommaOperator
        let savedMode = mode
        disableCommaOperator = false
        setMode(.command)
        skipNewlines()
        var statements: [StatementAst] = []
        var traps: [TrapStatementAst] = []
        let listExtent = statementListRule(&statements, &traps)
        skipNewlines()
        let rParen = nextToken()
        var end = rParen.extent
        if rParen.kind != .rParen {
            ungetToken(rParen)
            reportIncompleteInput(rParen.extent, "MissingEndParenthesisInSubexpression")
            end = listExtent ?? first.extent
        }
        disableCommaOperator = savedComma
        setMode(savedMode)
        let block = StatementBlockAst(extent: listExtent ?? SourceExtent(first.end, first.end), statements: statements, traps: traps)
        let extent = extentOf(first.extent, end)
        if first.kind == .dollarParen { return SubExpressionAst(extent: extent, subExpression: block) }
        return ArrayExpressionAst(extent: extent, subExpression: block)
    }

    mutating func parenthesizedExpressionRule(_ lParen: Tok) -> ExpressionAst {
        let savedComma = disableCommaOperator
        let savedMode = mode
        setMode(.command)
        disableCommaOperator = false
        defer { disableCommaOperator = savedComma; setMode(savedMode) }
        skipNewlines()
        var pipeline: PipelineBaseAst
        if let p = pipelineRule() {
            pipeline = p
        } else {
            let pos = after(lParen)
            reportIncompleteInput(pos, "ExpectedExpression")
            pipeline = ErrorStatementAst(extent: pos, nestedAst: [])
        }
        skipNewlines()
        let rParen = nextToken()
        var end = rParen.extent
        if rParen.kind != .rParen {
            ungetToken(rParen)
            reportIncompleteInput(after(pipeline), "MissingEndParenthesisInExpression")
            end = pipeline.extent
        }
        return ParenExpressionAst(extent: extentOf(lParen.extent, end), pipeline: pipeline)
    }
}
