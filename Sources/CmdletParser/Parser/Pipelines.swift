// Pipelines, assignments, commands, command arguments and redirections.

enum CommandArgumentContext {
    case commandName, commandNameAfterInvocationOperator, fileName, commandArgument, switchCondition

    var isCommandName: Bool { self == .commandName || self == .commandNameAfterInvocationOperator }
}

extension ScriptParser {
    mutating func pipelineRule() -> PipelineBaseAst? {
        var elements: [CommandBaseAst] = []
        var startExtent: SourceExtent?
        var pipeTok: Tok?
        while true {
            var assignTok: Tok?
            let savedMode = mode
            setMode(.expression)
            let expr = expressionRule()
            if expr != nil {
                let tok = peekToken()
                if tok.kind.isAssignmentOperator {
                    skipToken()
                    assignTok = tok
                }
            }
            // Once errors are no longer recorded, a token that cannot follow the expression is
            // left for the statement list as is: scanning it in command mode only served the
            // message, and a bare word can run to the end of a long run (`$$$…`) at every statement.
            let abandoned = expr != nil && assignTok == nil && sink.isDiscarding
                && ungot.map { !$0.kind.isParseModeInvariant && $0.kind != .redirection && $0.kind != .redirectInStd } == true
            setMode(savedMode)

            var command: CommandBaseAst?
            if let expr {
                if !elements.isEmpty { reportError(expr.extent, "ExpressionsMustBeFirstInPipeline") }
                if let assignTok {
                    skipNewlines()
                    var statement: StatementAst
                    if let s = statementRule() {
                        statement = s
                    } else {
                        let pos = after(assignTok)
                        reportIncompleteInput(pos, "ExpectedValueExpression", assignTok.kind.text)
                        statement = ErrorStatementAst(extent: pos, nestedAst: [])
                    }
                    SemanticChecks.assignmentTarget(expr, op: assignTok.kind, sink)
                    return AssignmentStatementAst(extent: extentOf(expr.extent, statement.extent), left: expr,
                                                  operatorKind: assignTok.kind, right: statement,
                                                  errorPosition: assignTok.extent)
                }
                var redirections = RedirectionSlots()
                var lastRedirection: RedirectionAst?
                while !abandoned && (peekToken().kind == .redirection || peekToken().kind == .redirectInStd) {
                    let r = nextToken()
                    var unused = r.extent
                    if let red = redirectionRule(r, &redirections, &unused) { lastRedirection = red }
                }
                let extent = lastRedirection.map { extentOf(expr.extent, $0.extent) } ?? expr.extent
                command = CommandExpressionAst(extent: extent, expression: expr, redirections: redirections.list)
            } else {
                command = commandRule()
            }

            if let command {
                if startExtent == nil { startExtent = command.extent }
                elements.append(command)
            } else if !elements.isEmpty || peekToken().kind == .pipe {
                let pos = pipeTok.map { after($0) } ?? peekToken().extent
                reportIncompleteInput(pos, "EmptyPipeElement")
            }

            if abandoned { break }
            let p = peekToken()
            pipeTok = p
            switch p.kind {
            case .semi, .newline, .rParen, .rCurly, .endOfInput:
                break
            case .pipe:
                skipToken()
                skipNewlines()
                if peekToken().kind == .endOfInput {
                    reportIncompleteInput(after(p), "EmptyPipeElement")
                    break
                }
                continue
            case .andAnd, .orOr:
                skipToken()
                skipNewlines()
                reportError(p.extent, "InvalidEndOfLine", text(p))
                if peekToken().kind == .endOfInput { break }
                continue
            default:
                reportError(p.extent, "UnexpectedToken", text(p))
            }
            break
        }
        guard let first = startExtent, let last = elements.last else { return nil }
        return PipelineAst(extent: extentOf(first, last.extent), pipelineElements: elements)
    }

    mutating func commandRule() -> CommandAst? {
        var elements: [CommandElementAst] = []
        var redirections = RedirectionSlots()
        var sawDashDash = false
        var foundVerbatim = false
        let savedMode = mode
        setMode(.command)
        defer { setMode(savedMode) }

        var token = nextToken()
        let firstTok = token
        var endExtent = token.extent
        var invocation: TokenKind = .unknown
        var context: CommandArgumentContext = .commandName
        if token.kind == .dot || token.kind == .ampersand {
            invocation = token.kind
            token = nextToken()
            context = .commandNameAfterInvocationOperator
        }
        scanning: while true {
            switch token.kind {
            case .pipe, .rCurly, .rParen, .endOfInput, .newline, .semi, .andAnd, .orOr:
                ungetToken(token)
                break scanning
            case .ampersand:
                endExtent = token.extent
                reportError(token.extent, "AmpersandNotAllowed")
            case .minusMinus:
                endExtent = token.extent
                if sawDashDash {
                    elements.append(StringConstantExpressionAst(extent: token.extent, value: text(token), stringConstantType: .bareWord))
                } else {
                    elements.append(CommandParameterAst(extent: token.extent, parameterName: "-", argument: nil,
                                                        errorPosition: token.extent))
                }
                sawDashDash = true
            case .comma:
                endExtent = token.extent
                reportError(token.extent, "MissingArgument")
                skipNewlines()
            case .parameter:
                if context.isCommandName || sawDashDash {
                    endExtent = token.extent
                    elements.append(StringConstantExpressionAst(extent: token.extent, value: text(token), stringConstantType: .bareWord))
                    break
                }
                var argument: ExpressionAst?
                var extent = token.extent
                if token.flags.contains(.usedColon) && peekToken().kind != .comma {
                    let next = nextToken()
                    argument = commandArgument(.commandArgument, next)
                    if let a = argument {
                        extent = extentOf(token.extent, a.extent)
                    } else {
                        reportError(after(token), "ParameterRequiresArgument", text(token))
                    }
                }
                endExtent = extent
                elements.append(CommandParameterAst(extent: extent, parameterName: parameterName(token), argument: argument,
                                                    errorPosition: token.extent))
            case .redirection, .redirectInStd:
                if !context.isCommandName {
                    _ = redirectionRule(token, &redirections, &endExtent)
                } else {
                    endExtent = token.extent
                    elements.append(StringConstantExpressionAst(extent: token.extent, value: text(token), stringConstantType: .bareWord))
                }
            default:
                if token.kind == .inlineScript && context == .commandName {
                    let more = inlineScriptRule(token, &elements)
                    endExtent = elements.last!.extent
                    if !more { break scanning }
                } else {
                    guard let ast = commandArgument(context, token) else {
                        ungetToken(token)
                        break scanning
                    }
                    endExtent = ast.extent
                    elements.append(ast)
                    if token.kind == .generic, !token.flags.contains(.expandable), stringValue(token) == "--%" {
                        ungot = nil
                        let verbatim = lexer.verbatimCommandArgument()
                        foundVerbatim = true
                        let v = StringConstantExpressionAst(extent: verbatim.extent, value: stringValue(verbatim),
                                                            stringConstantType: .bareWord)
                        elements.append(v)
                        endExtent = v.extent
                        break scanning
                    }
                }
            }
            if !foundVerbatim {
                context = .commandArgument
                token = nextToken()
            }
        }
        if elements.isEmpty {
            if invocation != .unknown {
                reportError(firstTok.extent, "MissingExpression", text(firstTok))
            }
            return nil
        }
        return CommandAst(extent: extentOf(firstTok.extent, endExtent), commandElements: elements,
                          invocationOperator: invocation, redirections: redirections.list)
    }

    mutating func inlineScriptRule(_ tok: Tok, _ elements: inout [CommandElementAst]) -> Bool {
        elements.append(StringConstantExpressionAst(extent: tok.extent, value: text(tok), stringConstantType: .bareWord))
        skipNewlines()
        let lCurly = nextToken()
        if lCurly.kind != .lCurly {
            ungetToken(lCurly)
            reportIncompleteInput(after(tok), "MissingStatementAfterKeyword", text(tok))
            return false
        }
        elements.append(scriptBlockExpressionRule(lCurly))
        return true
    }

    mutating func singleCommandArgument(_ context: CommandArgumentContext) -> ExpressionAst? {
        let k = peekToken().kind
        if k == .comma || k == .endOfInput { return nil }
        let savedMode = mode
        setMode(.command)
        defer { setMode(savedMode) }
        return commandArgument(context, nextToken())
    }

    /// One command argument; in argument position a comma-separated list becomes an array.
    mutating func commandArgument(_ context: CommandArgumentContext, _ first: Tok) -> ExpressionAst? {
        var token = first
        var list: [ExpressionAst] = []
        var commaTok: Tok?
        var expr: ExpressionAst
        while true {
            switch token.kind {
            case _ where token.kind.endsCommandArgument:
                ungetToken(token)
                guard let commaTok else { return nil }
                reportIncompleteInput(after(commaTok), "MissingExpression", ",")
                return ErrorExpressionAst(extent: extentOf(list[0].extent, commaTok.extent), nestedAst: list)
            case .splattedVariable, .variable, .number, .hereStringExpandable, .stringExpandable, .hereStringLiteral,
                 .stringLiteral, .lParen, .dollarParen, .atParen, .atCurly, .lCurly:
                ungetToken(token)
                splatAllowed = commaTok == nil
                expr = primaryExpressionRule(withMemberAccess: true) ?? ErrorExpressionAst(extent: token.extent, nestedAst: [])
            case .generic:
                if token.flags.contains(.expandable) && context != .commandName {
                    expr = expandableString(token, type: .bareWord)
                } else {
                    expr = StringConstantExpressionAst(extent: token.extent, value: genericValue(token), stringConstantType: .bareWord)
                }
            default:
                expr = StringConstantExpressionAst(extent: token.extent, value: text(token), stringConstantType: .bareWord)
            }
            if context != .commandArgument { break }
            if token.kind == .generic && stringValue(token) == "--%" { break }
            let next = peekToken()
            if next.kind != .comma { break }
            commaTok = next
            list.append(expr)
            skipToken()
            skipNewlines()
            token = nextToken()
        }
        if !list.isEmpty {
            if let v = list[0] as? VariableExpressionAst, v.splatted { SemanticChecks.splattedVariableOutsideCommand(v, sink) }
            list.append(expr)
            return ArrayLiteralAst(extent: extentOf(list[0].extent, expr.extent), elements: list)
        }
        return expr
    }

    /// The value of a generic token (an expandable one keeps its raw value).
    func genericValue(_ tok: Tok) -> String {
        if tok.flags.contains(.expandable), tok.payload >= 0 { return lexer.expandables[Int(tok.payload)].value }
        return stringValue(tok)
    }

    mutating func redirectionRule(_ tok: Tok, _ slots: inout RedirectionSlots, _ extent: inout SourceExtent) -> RedirectionAst? {
        let info = RedirectionInfo(packed: tok.payload)
        let result: RedirectionAst
        if !info.merging {
            var fileName = singleCommandArgument(.fileName)
            if fileName == nil {
                reportError(after(tok), "MissingFileSpecification")
                fileName = ErrorExpressionAst(extent: tok.extent, nestedAst: [])
            }
            if info.input {
                reportError(tok.extent, "RedirectionNotSupported", text(tok))
                extent = extentOf(tok.extent, fileName!.extent)
                return nil
            }
            result = FileRedirectionAst(extent: extentOf(tok.extent, fileName!.extent),
                                        fromStream: RedirectionStream(rawValue: info.from) ?? .output,
                                        location: fileName!, append: info.append)
        } else {
            var to = info.to
            if to != 1 {
                reportError(tok.extent, "RedirectionNotSupported", text(tok))
                to = 1
            } else if info.from == to {
                reportError(tok.extent, "RedirectionNotSupported", text(tok))
            }
            result = MergingRedirectionAst(extent: tok.extent, fromStream: RedirectionStream(rawValue: info.from) ?? .output,
                                           toStream: RedirectionStream(rawValue: to) ?? .output)
        }
        if !slots.add(result) {
            let names = ["* stream", "output stream", "error stream", "warning stream", "verbose stream",
                         "debug stream", "information stream"]
            reportError(result.extent, "StreamAlreadyRedirected", names[result.fromStream.rawValue])
        }
        extent = result.extent
        return result
    }
}

/// One redirection per stream, in stream order as PowerShell keeps them.
struct RedirectionSlots {
    var slots = [RedirectionAst?](repeating: nil, count: 7)

    mutating func add(_ r: RedirectionAst) -> Bool {
        if slots[r.fromStream.rawValue] != nil { return false }
        slots[r.fromStream.rawValue] = r
        return true
    }

    var list: [RedirectionAst] { slots.compactMap { $0 } }
}
