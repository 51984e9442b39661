import CmdletParser

extension Engine {

    package func evaluate(_ expression: ExpressionAst) throws(EvalError) -> PSValue {
        try ensureStackRoom()
        switch expression {
        case let c as ConstantExpressionAst:
            return PSValue(c.value)
        case let s as StringConstantExpressionAst:
            return .string(s.value)
        case let v as VariableExpressionAst:
            return try readVariable(v)
        case let b as BinaryExpressionAst:
            if b.operatorKind == .and || b.operatorKind == .or {
                let left = LanguagePrimitives.isTrue(try evaluate(b.left))
                if b.operatorKind == .and && !left { return .bool(false) }
                if b.operatorKind == .or && left { return .bool(true) }
                return .bool(LanguagePrimitives.isTrue(try evaluate(b.right)))
            }
            return try binary(b.operatorKind, try evaluate(b.left), try evaluate(b.right), extent: b.errorPosition)
        case let u as UnaryExpressionAst:
            return try evaluateUnary(u)
        case let s as ExpandableStringExpressionAst:
            var text = ""
            for part in s.parts {
                switch part {
                case .literal(let l): text += l
                case .expression(let e): text += expandToString(try evaluate(e))
                }
            }
            return .string(text)
        case let p as ParenExpressionAst:
            return try evaluatePipelineValue(p.pipeline)
        case let s as SubExpressionAst:
            let collector = OutputCollector()
            try executeBlock(s.subExpression, output: collector.sink)
            return collector.asValue
        case let a as ArrayExpressionAst:
            let collector = OutputCollector()
            try executeBlock(a.subExpression, output: collector.sink)
            return .array(PSArray(collector.items))
        case let a as ArrayLiteralAst:
            var items: [PSValue] = []
            items.reserveCapacity(a.elements.count)
            for element in a.elements { items.append(try evaluate(element)) }
            return .array(PSArray(items))
        case let h as HashtableAst:
            let table = PSHashtable()
            for entry in h.keyValuePairs {
                let key = try evaluate(entry.key)
                if table.containsKey(key) {
                    throw .failure(runtimeErrorRecord(
                        message: ParserStrings.format("DuplicateKeyInHashLiteral", [LanguagePrimitives.toString(key)]),
                        errorId: "DuplicateKeyInHashLiteral", category: .InvalidOperation, extent: entry.key.extent))
                }
                table[key] = try evaluateStatementValue(entry.value)
            }
            return .hashtable(table)
        case let s as ScriptBlockExpressionAst:
            return .scriptBlock(ScriptBlock(ast: s.scriptBlock))
        case let c as ConvertExpressionAst:
            return try evaluateConvert(c)
        case let t as TypeExpressionAst:
            return .type(try resolveType(t.typeName))
        case let m as InvokeMemberExpressionAst:
            let target = try evaluate(m.expression)
            var arguments: [PSValue] = []
            for argument in m.arguments { arguments.append(try evaluate(argument)) }
            let name = try memberName(m.member)
            return try converting { try invokeMethod(target, name, arguments, isStatic: m.isStatic, extent: m.extent) }
        case let m as MemberExpressionAst:
            let target = try evaluate(m.expression)
            let name = try memberName(m.member)
            return try converting { try getMember(target, name, isStatic: m.isStatic, extent: m.extent) }
        case let i as IndexExpressionAst:
            let target = try evaluate(i.target)
            let key = try evaluate(i.index)
            return try converting { try index(target, key, extent: i.extent) }
        case let a as AttributedExpressionAst:
            return try evaluate(a.child)
        case let u as UsingExpressionAst:
            try converting { try checkUsingAllowed(u) }
            return try evaluate(u.subExpression)
        default:
            throw .failure(runtimeErrorRecord(message: "This expression is not supported by this shell.",
                errorId: "ExpressionNotSupported", category: .NotImplemented, extent: expression.extent))
        }
    }

    /// A binary operator on two values.
    /// The numbers of `expression` when it is a range (`1..$n`), its operands evaluated as
    /// `evaluate` does, for the places that take its items one at a time (the head of a pipeline,
    /// `foreach`) instead of building the array; nil for any other expression.
    package func rangeItems(_ expression: ExpressionAst) throws(EvalError) -> IntegerRange? {
        guard let b = expression as? BinaryExpressionAst, b.operatorKind == .dotDot else { return nil }
        try ensureStackRoom()
        let left = try evaluate(b.left)
        let right = try evaluate(b.right)
        return try converting { try Operators.rangeBounds(left, right, engine: self, extent: b.errorPosition) }
    }

    private func binary(_ op: TokenKind, _ left: PSValue, _ right: PSValue, extent: SourceExtent) throws(EvalError) -> PSValue {
        try converting { try Operators.binary(op, left, right, engine: self, extent: extent) }
    }

    /// String expansion: arrays joined with `$OFS` (a space by default).
    package func expandToString(_ value: PSValue) -> String {
        if case .array(let a) = value {
            let separator = sessionState.lookup("OFS").map { LanguagePrimitives.toString($0.value) } ?? " "
            return a.items.map(LanguagePrimitives.elementString).joined(separator: separator)
        }
        return LanguagePrimitives.toString(value)
    }

    package func memberName(_ member: CommandElementAst) throws(EvalError) -> String {
        if let s = member as? StringConstantExpressionAst { return s.value }
        if let e = member as? ExpressionAst { return LanguagePrimitives.toString(try evaluate(e)) }
        return ""
    }

    package func readVariable(_ v: VariableExpressionAst) throws(EvalError) -> PSValue {
        let path = v.variablePath
        if case .drive(let drive) = path.scope {
            switch drive.lowercased() {
            case "env":
                if let value = environmentValue(path.name) { return .string(value) }
                return .null
            case "variable":
                return sessionState.lookup(path.name)?.value ?? .null
            case "function":
                return sessionState.function(path.name).map { .scriptBlock(ScriptBlock(ast: $0.definition)) } ?? .null
            default:
                return .null
            }
        }
        if let variable = sessionState.lookup(path.name, scope: path.scope) { return variable.value }
        if path.name == "?" { return .bool(lastSucceeded) }
        if strictMode {
            throw .failure(runtimeErrorRecord(message: Messages.format("VariableIsUndefined", path.name),
                errorId: "VariableIsUndefined", category: .InvalidOperation, extent: v.extent, target: .string(path.name)))
        }
        return .null
    }

    /// `$env:NAME`: names are case-insensitive on Windows.
    package func environmentValue(_ name: String) -> String? {
        if let exact = sessionState.environment[name] { return exact }
        return sessionState.environment.first { $0.key.caseInsensitiveEquals(name) }?.value
    }

    private func evaluateUnary(_ u: UnaryExpressionAst) throws(EvalError) -> PSValue {
        switch u.tokenKind {
        case .not, .exclaim:
            return .bool(!LanguagePrimitives.isTrue(try evaluate(u.child)))
        case .minus:
            return try binary(.minus, .int32(0), try evaluate(u.child), extent: u.extent)
        case .plus:
            let value = try evaluate(u.child)
            return LanguagePrimitives.numericOperand(value) ?? value
        case .bnot:
            return .int32(~Int32(truncatingIfNeeded: LanguagePrimitives.toInt64(try evaluate(u.child)) ?? 0))
        case .comma:
            return .array(PSArray([try evaluate(u.child)]))
        case .join:
            let items = try evaluate(u.child)
            return .string((items.enumerated ?? [items]).map { LanguagePrimitives.toString($0) }.joined())
        case .isplit, .csplit:
            let value = try evaluate(u.child)
            return try converting { try RegexOperators.unarySplit(value, engine: self, extent: u.extent) }
        case .plusPlus, .minusMinus, .postfixPlusPlus, .postfixMinusMinus:
            let old = try evaluate(u.child)
            let delta: TokenKind = (u.tokenKind == .plusPlus || u.tokenKind == .postfixPlusPlus) ? .plus : .minus
            let new = try binary(delta, old.isNull ? .int32(0) : old, .int32(1), extent: u.extent)
            try assign(to: u.child, new)
            return (u.tokenKind == .plusPlus || u.tokenKind == .minusMinus) ? new : old
        default:
            throw .failure(runtimeErrorRecord(message: "Unexpected operator '\(u.tokenKind.rawValue)'.",
                errorId: "UnexpectedOperator", category: .InvalidOperation, extent: u.extent))
        }
    }

    private func evaluateConvert(_ c: ConvertExpressionAst) throws(EvalError) -> PSValue {
        let name = c.type.typeName.name.lowercased()
        if name == "ordered", let h = c.child as? HashtableAst {
            let table = PSHashtable(ordered: true)
            for entry in h.keyValuePairs { table[try evaluate(entry.key)] = try evaluateStatementValue(entry.value) }
            return .hashtable(table)
        }
        if name == "ref" || name == "system.management.automation.psreference" {
            let value = try evaluate(c.child)
            if case .object(let o as DotNetObject) = value, o.payload is ReferenceBox { return value }
            let box: ReferenceBox
            if c.child is VariableExpressionAst {
                let child = c.child
                box = ReferenceBox(get: { [unowned self] in (try? self.evaluate(child)) ?? .null },
                                   set: { [unowned self] in try self.assign(to: child, $0) })
            } else {
                box = ReferenceBox(value: value)
            }
            guard let type = types.type(named: "System.Management.Automation.PSReference") else { return value }
            return .object(DotNetObject(type, payload: box, engine: self))
        }
        let value = try evaluate(c.child)
        return try converting { try cast(value, to: c.type.typeName, extent: c.extent) }
    }

    /// `[type]value`.
    package func cast(_ value: PSValue, to typeName: TypeName, extent: SourceExtent) throws -> PSValue {
        let name = typeName.name.lowercased()
        switch name {
        case "pscustomobject", "psobject", "system.management.automation.pscustomobject":
            if case .hashtable(let h) = value {
                let object = PSCustomObject()
                for (k, v) in h.entries {
                    let key = LanguagePrimitives.toString(k)
                    // A PSTypeName entry names the object's type instead of adding a property.
                    if key.caseInsensitiveEquals("PSTypeName") {
                        object.typeNames.insert(LanguagePrimitives.toString(v), at: 0)
                    } else {
                        object.add(key, v)
                    }
                }
                return .object(object)
            }
            return value
        case "void": return .null
        case "hashtable", "system.collections.hashtable":
            if case .hashtable(let h) = value, h.isOrdered {
                let copy = PSHashtable()
                for (k, v) in h.entries { copy[k] = v }
                return .hashtable(copy)
            }
        case "array", "object[]", "system.object[]":
            if case .array = value { return value }
            if value.isNull { return .null }
            return .array(PSArray([value]))
        case "string":
            if value.isNull { return .string("") }
            return .string(expandToString(value))
        case "decimal", "system.decimal":
            if let d = LanguagePrimitives.toDouble(value) { return LanguagePrimitives.parseDecimal(LanguagePrimitives.formatDouble(d)) }
        case "regex", "system.text.regularexpressions.regex":
            do { return try RegexTypes.cast(value) } catch let failure as ConversionFailure {
                throw RuntimeError(record: runtimeErrorRecord(message: failure.message, errorId: failure.errorId,
                    category: .InvalidArgument, extent: extent, target: value))
            }
        case "xml":
            return value
        default: break
        }
        // A cast of $null to an array type is $null.
        if value.isNull && name.hasSuffix("[]") { _ = try resolveType(typeName); return .null }
        guard let type = Conversion.parameterType(named: typeName.name) else {
            let info = try resolveType(typeName)
            do {
                return try types.convert(value, toTypeNamed: info.fullName, engine: self) ?? value
            } catch {
                throw RuntimeError(record: runtimeErrorRecord(message: error.message, errorId: error.errorId,
                    category: .InvalidArgument, extent: extent,
                    exceptionType: "System.Management.Automation.PSInvalidCastException"))
            }
        }
        do {
            if type == .boolean { return .bool(LanguagePrimitives.isTrue(value)) }
            return try Conversion.convert(value, to: type)
        } catch {
            throw RuntimeError(record: runtimeErrorRecord(message: error.message, errorId: error.errorId,
                category: .InvalidArgument, extent: extent,
                exceptionType: "System.Management.Automation.RuntimeException"))
        }
    }

    /// A type literal; unknown names fail as 5.1 does: `Unable to find type [X].`
    package func resolveType(_ typeName: TypeName) throws(EvalError) -> PSTypeInfo {
        if let known = types.resolve(typeName.name) { return known }
        throw .failure(runtimeErrorRecord(message: Messages.format("TypeNotFound", typeName.name),
            errorId: "TypeNotFound", category: .InvalidOperation, extent: typeName.extent, target: .string(typeName.name)))
    }
}
