// `class`, `enum`, `using` and `configuration` statements. The engine defines the classes and enums
// (`ScriptTypes`); configurations are parsed and checked only.

extension ScriptParser {
    mutating func classDefinitionRule(attributes: [AttributeBaseAst]?, _ classTok: Tok) -> StatementAst {
        skipNewlines()
        guard let (name, _) = simpleNameRule() else {
            reportIncompleteInput(after(classTok), "MissingNameAfterKeyword", text(classTok))
            return ErrorStatementAst(extent: classTok.extent, nestedAst: [])
        }
        skipNewlines()
        let savedMode = mode
        setMode(.signature)
        defer { setMode(savedMode) }
        var bases: [TypeConstraintAst] = []
        let colon = peekToken()
        if colon.kind == .colon {
            skipToken()
            skipNewlines()
            var commaTok: Tok?
            while true {
                guard let (base, _) = typeNameRule(allowAssemblyQualifiedNames: false) else {
                    reportIncompleteInput(after(commaTok ?? colon), "TypeNameExpected")
                    break
                }
                bases.append(TypeConstraintAst(extent: base.extent, typeName: base))
                skipNewlines()
                let c = peekToken()
                if c.kind == .comma {
                    commaTok = c
                    skipToken()
                    skipNewlines()
                } else {
                    break
                }
            }
        }
        let lCurly = nextToken()
        if lCurly.kind != .lCurly {
            ungetToken(lCurly)
            let last = bases.last?.extent ?? name.extent
            reportIncompleteInput(after(last), "MissingTypeBody", "class")
            return ErrorStatementAst(extent: extentOf(classTok.extent, last), nestedAst: bases)
        }
        var lastExtent = lCurly.extent
        var members: [TypeMemberAst] = []
        while let member = classMemberRule(className: name.value) {
            members.append(member)
            lastExtent = member.extent
        }
        let rCurly = nextToken()
        if rCurly.kind != .rCurly {
            ungetToken(rCurly)
            reportIncompleteInput(after(lCurly), detected: rCurly.extent, "MissingEndCurlyBrace")
        } else {
            lastExtent = rCurly.extent
        }
        let start = attributes?.first?.extent ?? classTok.extent
        return TypeDefinitionAst(extent: extentOf(start, lastExtent), kind: .class, name: name.value,
                                 attributes: attributes?.compactMap { $0 as? AttributeAst } ?? [], baseTypes: bases,
                                 members: members)
    }

    mutating func classMemberRule(className: String) -> TypeMemberAst? {
        var attributes: [AttributeBaseAst] = []
        var start: SourceExtent?
        var isStatic = false
        var isHidden = false
        var lastModifier: SourceExtent?
        var token: Tok
        while true {
            skipNewlines()
            if let a = attributeRule() {
                if start == nil { start = a.extent }
                if a is TypeConstraintAst && attributes.contains(where: { $0 is TypeConstraintAst }) {
                    reportError(a.extent, "TooManyTypes")
                }
                attributes.append(a)
                lastModifier = a.extent
                continue
            }
            token = peekToken()
            if start == nil { start = token.extent }
            if token.kind == .hidden || token.kind == .static {
                if token.kind == .static {
                    if isStatic { reportError(token.extent, "DuplicateQualifier", text(token)) }
                    isStatic = true
                } else {
                    isHidden = true
                }
                lastModifier = token.extent
                skipToken()
                continue
            }
            break
        }
        if token.kind == .variable {
            skipToken()
            var initial: ExpressionAst?
            if peekToken().kind == .equals {
                skipToken()
                skipNewlines()
                initial = expressionRule()
            }
            var end = initial?.extent ?? token.extent
            let terminator = peekToken()
            if terminator.kind != .newline && terminator.kind != .semi && terminator.kind != .rCurly {
                reportIncompleteInput(after(end), "MissingPropertyTerminator")
            }
            skipNewlinesAndSemicolons()
            if terminator.kind == .semi { end = terminator.extent }
            return TypeMemberAst(extent: extentOf(start ?? token.extent, end), name: VariablePathParser.path(stringValue(token)).name,
                                 isMethod: false, isStatic: isStatic, attributes: attributes, initialValue: initial,
                                 parameters: [], body: nil, isHidden: isHidden)
        }
        if token.kind == .identifier {
            skipToken()
            let member = methodDeclarationRule(token, className: className, isStatic: isStatic, isHidden: isHidden,
                                               attributes: attributes, start: start ?? token.extent)
            skipNewlinesAndSemicolons()
            return member
        }
        if let lastModifier {
            reportIncompleteInput(after(lastModifier), "IncompleteMemberDefinition")
        }
        return nil
    }

    mutating func methodDeclarationRule(_ nameTok: Tok, className: String, isStatic: Bool, isHidden: Bool,
                                        attributes: [AttributeBaseAst], start: SourceExtent) -> TypeMemberAst? {
        var parameters: [ParameterAst] = []
        var endError: SourceExtent?
        var rParen: Tok?
        var baseArguments: [ExpressionAst]?
        if peekToken().kind == .lParen {
            let (p, e, r) = functionParameterDeclarationRule()
            parameters = p ?? []
            endError = e
            rParen = r
        } else {
            reportIncompleteInput(after(nameTok), "MissingMethodParameterList")
        }
        let isCtor = text(nameTok).lowercased() == className.lowercased()
        if isCtor && !isStatic {
            skipNewlines()
            let savedMode = mode
            setMode(.signature)
            let colon = peekToken()
            if colon.kind == .colon {
                skipToken()
                skipNewlines()
                let base = peekToken()
                if base.kind == .base {
                    skipToken()
                    skipNewlines()
                    let lParen = peekToken()
                    if lParen.kind == .lParen {
                        skipToken()
                        baseArguments = invokeParamParenListRule(lParen).0
                        skipNewlines()
                    } else {
                        endError = base.extent
                        reportIncompleteInput(after(base), "MissingMethodParameterList")
                    }
                } else {
                    endError = colon.extent
                    reportIncompleteInput(after(colon), "MissingBaseCtorCall")
                }
            }
            setMode(savedMode)
        }
        let lCurly = nextToken()
        if lCurly.kind != .lCurly {
            ungetToken(lCurly)
            if endError == nil {
                let e = rParen?.extent ?? nameTok.extent
                endError = e
                reportIncompleteInput(after(e), "MissingFunctionBody")
            }
        }
        if endError != nil { return nil }
        let savedMode = mode
        setMode(.command)
        let body = scriptBlockRule(lCurly: lCurly, isFilter: false)
        setMode(savedMode)
        return TypeMemberAst(extent: extentOf(start, body.extent), name: text(nameTok), isMethod: true, isStatic: isStatic,
                             attributes: attributes, initialValue: nil, parameters: parameters, body: body,
                             isHidden: isHidden, baseArguments: baseArguments)
    }

    mutating func enumDefinitionRule(attributes: [AttributeBaseAst]?, _ enumTok: Tok) -> StatementAst {
        skipNewlines()
        guard let (name, _) = simpleNameRule() else {
            reportIncompleteInput(after(enumTok), "MissingNameAfterKeyword", text(enumTok))
            return ErrorStatementAst(extent: enumTok.extent, nestedAst: [])
        }
        skipNewlines()
        let lCurly = nextToken()
        if lCurly.kind != .lCurly {
            ungetToken(lCurly)
            reportIncompleteInput(after(name), "MissingTypeBody", "enum")
            return ErrorStatementAst(extent: extentOf(enumTok.extent, name.extent), nestedAst: [])
        }
        var members: [TypeMemberAst] = []
        var lastExtent = lCurly.extent
        while let member = enumMemberRule() {
            members.append(member)
            lastExtent = member.extent
        }
        let rCurly = nextToken()
        if rCurly.kind != .rCurly {
            ungetToken(rCurly)
            reportIncompleteInput(after(lCurly), detected: rCurly.extent, "MissingEndCurlyBrace")
        } else {
            lastExtent = rCurly.extent
        }
        let start = attributes?.first?.extent ?? enumTok.extent
        return TypeDefinitionAst(extent: extentOf(start, lastExtent), kind: .enum, name: name.value,
                                 attributes: attributes?.compactMap { $0 as? AttributeAst } ?? [], baseTypes: [],
                                 members: members)
    }

    mutating func enumMemberRule() -> TypeMemberAst? {
        skipNewlines()
        guard let (name, _) = simpleNameRule() else { return nil }
        var end = name.extent
        var initial: ExpressionAst?
        var missingInitializer = false
        let savedMode = mode
        setMode(.expression)
        let assign = peekToken()
        if assign.kind == .equals {
            skipToken()
            initial = expressionRule()
            if let i = initial {
                end = i.extent
            } else {
                reportError(after(assign), "ExpectedValueExpression", "=")
                end = assign.extent
                missingInitializer = true
            }
        }
        setMode(savedMode)
        let terminator = peekToken()
        if terminator.kind != .newline && terminator.kind != .semi && terminator.kind != .rCurly && !missingInitializer {
            reportIncompleteInput(after(end), "MissingPropertyTerminator")
        }
        skipNewlinesAndSemicolons()
        if terminator.kind == .semi { end = terminator.extent }
        return TypeMemberAst(extent: extentOf(name.extent, end), name: name.value, isMethod: false, isStatic: true,
                             attributes: [], initialValue: initial, parameters: [], body: nil)
    }

    /// A `;` or newline must end the statement (`using`), else `MissingStatementTerminator`.
    mutating func requireStatementTerminator() {
        let t = peekToken()
        if t.kind == .newline || t.kind == .semi {
            skipToken()
        } else if t.kind != .endOfInput {
            reportIncompleteInput(t.extent, "MissingStatementTerminator")
        }
    }

    mutating func usingStatementRule(_ usingTok: Tok) -> StatementAst {
        let kindTok = nextToken()
        let kind: UsingStatementKind
        switch kindTok.kind {
        case .namespace: kind = .namespace
        case .module: kind = .module
        case .assembly: kind = .assembly
        case .type: kind = .type
        case .command: kind = .command
        default:
            ungetToken(kindTok)
            reportIncompleteInput(after(usingTok), "MissingUsingStatementDirective")
            return ErrorStatementAst(extent: usingTok.extent, nestedAst: [])
        }
        let aliasAllowed = kind == .namespace || kind == .module
        let aliasRequired = kind == .type || kind == .command
        let itemTok = nextToken()
        switch itemTok.kind {
        case .endOfInput, .newline, .comma, .semi:
            ungetToken(itemTok)
            reportIncompleteInput(after(kindTok), "MissingUsingItemName")
            return ErrorStatementAst(extent: extentOf(usingTok.extent, kindTok.extent), nestedAst: [])
        default:
            break
        }
        guard let item = commandArgument(.commandArgument, itemTok) else {
            reportError(itemTok.extent, "InvalidValueForUsingItemName", text(itemTok))
            syncOnError(consumeClosingToken: true, .semi, .newline)
            return ErrorStatementAst(extent: extentOf(usingTok.extent, itemTok.extent), nestedAst: [])
        }
        let isHash = item is HashtableAst && kind == .module
        guard item is StringConstantExpressionAst || isHash else {
            reportError(item.extent, "InvalidValueForUsingItemName", source.text(of: item.extent))
            return ErrorStatementAst(extent: extentOf(usingTok.extent, item.extent), nestedAst: [item])
        }
        let name = (item as? StringConstantExpressionAst)?.value ?? source.text(of: item.extent)
        if (aliasAllowed || aliasRequired) && !isHash {
            let equals = peekToken()
            if equals.kind == .equals {
                skipToken()
                let aliasTok = nextToken()
                if aliasTok.kind == .endOfInput {
                    ungetToken(aliasTok)
                    reportIncompleteInput(after(equals), "MissingNamespaceAlias")
                    return ErrorStatementAst(extent: extentOf(usingTok.extent, equals.extent), nestedAst: [item])
                }
                guard let alias = commandArgument(.commandArgument, aliasTok),
                      alias is StringConstantExpressionAst || (kind == .module && alias is HashtableAst) else {
                    return ErrorStatementAst(extent: extentOf(usingTok.extent, aliasTok.extent), nestedAst: [item])
                }
                requireStatementTerminator()
                return UsingStatementAst(extent: extentOf(usingTok.extent, aliasTok.extent), usingKind: kind, name: name)
            }
            if aliasRequired {
                reportIncompleteInput(after(itemTok), "MissingEqualsInUsingAlias")
                return ErrorStatementAst(extent: extentOf(usingTok.extent, item.extent), nestedAst: [item])
            }
        }
        requireStatementTerminator()
        return UsingStatementAst(extent: extentOf(usingTok.extent, item.extent), usingKind: kind, name: name)
    }

    mutating func configurationStatementRule(_ configTok: Tok, attributes: [AttributeAst]) -> StatementAst? {
        skipNewlines()
        let nameTok = nextToken()
        if nameTok.kind == .lCurly {
            reportError(after(configTok), "MissingConfigurationName")
            _ = scriptBlockExpressionRule(nameTok)
            return nil
        }
        if nameTok.kind == .endOfInput {
            ungetToken(nameTok)
            reportIncompleteInput(after(nameTok), "MissingConfigurationName")
            return nil
        }
        guard let name = commandArgument(.commandArgument, nameTok) else {
            reportError(after(configTok), "ParameterRequiresArgument", text(configTok))
            reportIncompleteInput(nameTok.extent, "MissingConfigurationName")
            return ErrorStatementAst(extent: configTok.extent, nestedAst: [])
        }
        skipNewlines()
        let lCurly = nextToken()
        if lCurly.kind != .lCurly {
            reportIncompleteInput(after(lCurly), "MissingCurlyInConfigurationStatement")
            ungetToken(lCurly)
            return ErrorStatementAst(extent: extentOf(configTok.extent, name.extent), nestedAst: [name])
        }
        let body = scriptBlockExpressionRule(lCurly)
        return ConfigurationDefinitionAst(extent: extentOf(configTok.extent, body.extent), name: name, body: body)
    }
}
