import CmdletParser

/// Statement execution: a tree-walking evaluator that reads like the grammar.
extension Engine {

    package func executeBlock(_ block: StatementBlockAst, output: @escaping OutputSink) throws(EvalError) {
        try executeStatements(block.statements, traps: block.traps, output: output)
    }

    package func executeStatements(_ statements: [StatementAst], traps: [TrapStatementAst] = [],
                                   output: @escaping OutputSink) throws(EvalError) {
        if !traps.isEmpty { trapDepth += 1 }
        defer { if !traps.isEmpty { trapDepth -= 1 } }
        for statement in statements {
            do {
                try executeStatement(statement, output: output)
            } catch {
                guard case .error(let error) = error else { throw error }
                if let trap = traps.first(where: { trapMatches($0, error.record) }) {
                    try runTrap(trap, record: error.record, output: output)
                    continue
                }
                // A statement-terminating error outside any try or trap: $ErrorActionPreference decides
                // (ExceptionHandlingOps.CheckActionPreference): report it and go on with the next
                // statement, go on silently, or stop the script.
                guard !error.terminatesScript && tryDepth == 0 && trapDepth == 0 else { throw .error(error) }
                appendError(error.record)
                lastSucceeded = false
                switch errorActionPreference {
                case .SilentlyContinue, .Ignore: continue
                case .Stop: throw .failure(error.record, terminatesScript: true)
                default: reportError(error.record)
                }
            }
        }
    }

    private func trapMatches(_ trap: TrapStatementAst, _ record: ErrorRecord) -> Bool {
        guard let type = trap.trapType else { return true }
        return exceptionMatches(record.exception, typeName: type.typeName.name)
    }

    /// A trap handles the error: it is reported (unless the trap breaks), then execution continues
    /// with the next statement, or leaves the scope on `break`.
    private func runTrap(_ trap: TrapStatementAst, record: ErrorRecord, output: @escaping OutputSink) throws(EvalError) {
        appendError(record)
        let saved = sessionState.lookup("_")?.value
        sessionState.setLocal("_", .object(record))
        defer { if let saved { sessionState.setLocal("_", saved) } }
        do {
            try executeBlock(trap.body, output: output)
            reportError(record)
        } catch .continue {
            // `continue` in a trap: resume silently.
        } catch .break {
            throw .failure(record)
        }
    }

    package func executeStatement(_ statement: StatementAst, output: @escaping OutputSink) throws(EvalError) {
        if interruptRequested() { throw .stopped }
        try ensureStackRoom()
        switch statement {
        case let pipeline as PipelineAst:
            try runPipeline(pipeline, output: output)
        case let assignment as AssignmentStatementAst:
            try executeAssignment(assignment)
        case let s as IfStatementAst:
            for clause in s.clauses where LanguagePrimitives.isTrue(try evaluatePipelineValue(clause.condition)) {
                try executeBlock(clause.body, output: output)
                return
            }
            if let elseClause = s.elseClause { try executeBlock(elseClause, output: output) }
        case let s as ForEachStatementAst:
            try executeForEach(s, output: output)
        case let s as ForStatementAst:
            if let initializer = s.initializer { try executeStatement(initializer, output: { _ in }) }
            try loop(label: s.label) { () throws(EvalError) -> Bool in
                if let condition = s.condition, !LanguagePrimitives.isTrue(try evaluatePipelineValue(condition)) {
                    return false
                }
                try runLoopBody(s.body, label: s.label, output: output)
                if let iterator = s.iterator { try executeStatement(iterator, output: { _ in }) }
                return true
            }
        case let s as WhileStatementAst:
            try loop(label: s.label) { () throws(EvalError) -> Bool in
                guard LanguagePrimitives.isTrue(try evaluatePipelineValue(s.condition!)) else { return false }
                try runLoopBody(s.body, label: s.label, output: output)
                return true
            }
        case let s as DoWhileStatementAst:
            try loop(label: s.label) { () throws(EvalError) -> Bool in
                try runLoopBody(s.body, label: s.label, output: output)
                return LanguagePrimitives.isTrue(try evaluatePipelineValue(s.condition!))
            }
        case let s as DoUntilStatementAst:
            try loop(label: s.label) { () throws(EvalError) -> Bool in
                try runLoopBody(s.body, label: s.label, output: output)
                return !LanguagePrimitives.isTrue(try evaluatePipelineValue(s.condition!))
            }
        case let s as SwitchStatementAst:
            try executeSwitch(s, output: output)
        case let s as TryStatementAst:
            try executeTry(s, output: output)
        case let s as ThrowStatementAst:
            throw .failure(try throwRecord(s), terminatesScript: true)
        case let s as ReturnStatementAst:
            if let pipeline = s.pipeline { try executeStatement(pipeline, output: returnSink(for: s, default: output)) }
            throw .return
        case let s as ExitStatementAst:
            var code: Int32 = 0
            if let pipeline = s.pipeline {
                let value = try evaluatePipelineValue(pipeline)
                code = Int32(truncatingIfNeeded: LanguagePrimitives.toInt64(value) ?? 0)
            }
            throw .exit(code)
        case let s as BreakStatementAst:
            throw .break(try flowLabel(s.label))
        case let s as ContinueStatementAst:
            throw .continue(try flowLabel(s.label))
        case let s as FunctionDefinitionAst:
            try converting { try defineFunction(s) }
        case let s as TypeDefinitionAst:
            try converting { try defineType(s) }
        case is TrapStatementAst, is UsingStatementAst:
            break
        case let s as DataStatementAst:
            let collector = OutputCollector()
            try executeBlock(s.body, output: collector.sink)
            if let name = s.variable { try assignVariable(name, scope: .unqualified, collector.asValue, extent: s.extent) }
            else { for item in collector.items { try output(item) } }
        case let s as BlockStatementAst:
            try executeBlock(s.body, output: output)
        default:
            throw .failure(runtimeErrorRecord(
                message: "This statement is not supported by this shell.", errorId: "StatementNotSupported",
                category: .NotImplemented, extent: statement.extent))
        }
    }

    private func flowLabel(_ label: ExpressionAst?) throws(EvalError) -> String? {
        guard let label else { return nil }
        return LanguagePrimitives.toString(try evaluate(label))
    }

    /// True when a `break`/`continue` with `target` is aimed at a loop labelled `label`.
    private func aims(_ target: String?, at label: String?) -> Bool {
        target == nil || target!.caseInsensitiveEquals(label ?? "")
    }

    /// Runs a loop; `step` returns false to stop. Handles `break`/`continue` aimed at this loop.
    private func loop(label: String?, _ step: () throws(EvalError) -> Bool) throws(EvalError) {
        while true {
            // Ctrl-C stops even a loop whose body is empty.
            if interruptRequested() { throw .stopped }
            do {
                if try !step() { return }
            } catch .break(let target) where aims(target, at: label) {
                return
            }
        }
    }

    private func runLoopBody(_ body: StatementBlockAst, label: String?, output: @escaping OutputSink) throws(EvalError) {
        do {
            try executeBlock(body, output: output)
        } catch .continue(let target) where aims(target, at: label) {}
    }

    private func executeForEach(_ s: ForEachStatementAst, output: @escaping OutputSink) throws(EvalError) {
        if let pipeline = s.condition as? PipelineAst, pipeline.pipelineElements.count == 1,
           let head = pipeline.pipelineElements[0] as? CommandExpressionAst, head.redirections.isEmpty,
           let range = try rangeItems(head.expression) {
            // `foreach ($i in 1..N)` takes the numbers one at a time rather than building the array.
            var iterator = range.makeIterator()
            try loop(label: s.label) { () throws(EvalError) -> Bool in
                guard let i = iterator.next() else { return false }
                try assignVariable(s.variable.variablePath.name, scope: s.variable.variablePath.scope, .int32(i),
                                   extent: s.variable.extent)
                try runLoopBody(s.body, label: s.label, output: output)
                return true
            }
            return
        }
        let collection = try evaluatePipelineValue(s.condition!)
        let items: [PSValue]
        if case .null = collection { items = [] } else { items = collection.enumerated ?? [collection] }
        var index = 0
        try loop(label: s.label) { () throws(EvalError) -> Bool in
            guard index < items.count else { return false }
            try assignVariable(s.variable.variablePath.name, scope: s.variable.variablePath.scope, items[index],
                               extent: s.variable.extent)
            index += 1
            try runLoopBody(s.body, label: s.label, output: output)
            return true
        }
    }

    private func executeSwitch(_ s: SwitchStatementAst, output: @escaping OutputSink) throws(EvalError) {
        // An error in the condition ends the statement, as any statement-terminating error does.
        let value = try s.condition.map { condition throws(EvalError) in try evaluatePipelineValue(condition) } ?? .null
        let items = value.enumerated ?? [value]
        let saved = sessionState.lookup("_")?.value
        defer { sessionState.setLocal("_", saved ?? .null) }
        do {
            for item in items {
                sessionState.setLocal("_", item)
                var matched = false
                do {
                    for clause in s.clauses where try switchClauseMatches(clause.test, item, flags: s.flags) {
                        matched = true
                        try executeBlock(clause.body, output: output)
                    }
                    if !matched, let d = s.defaultClause { try executeBlock(d, output: output) }
                } catch .continue(let target) where aims(target, at: s.label) {
                    continue
                }
            }
        } catch .break(let target) where aims(target, at: s.label) {
            return
        }
    }

    private func switchClauseMatches(_ test: ExpressionAst, _ item: PSValue, flags: SwitchFlags) throws(EvalError) -> Bool {
        if case let block as ScriptBlockExpressionAst = test {
            let result = try invokeScriptBlockInCurrentScope(ScriptBlock(ast: block.scriptBlock), dollarUnder: item)
            return LanguagePrimitives.isTrue(result)
        }
        let pattern = try evaluate(test)
        let caseSensitive = flags.contains(.caseSensitive)
        if flags.contains(.regex) {
            guard let matches = try converting({ try RegexOperators.firstMatch(LanguagePrimitives.toString(item),
                LanguagePrimitives.toString(pattern), caseSensitive: caseSensitive, engine: self) }) else { return false }
            sessionState.setLocal("Matches", .hashtable(matches))
            return true
        }
        if flags.contains(.wildcard) {
            return WildcardPattern(LanguagePrimitives.toString(pattern), caseSensitive: caseSensitive)
                .matches(LanguagePrimitives.toString(item))
        }
        return Operators.equals(item, pattern, caseSensitive: caseSensitive)
    }

    private func executeTry(_ s: TryStatementAst, output: @escaping OutputSink) throws(EvalError) {
        // What leaves the try and catch blocks leaves after the finally block has run; an error
        // or exit in the finally block takes its place.
        var pending: EvalError?
        do {
            try executeTryBody(s, output: output)
        } catch {
            pending = error
        }
        if let finallyBlock = s.finally { try executeBlock(finallyBlock, output: output) }
        if let pending { throw pending }
    }

    private func executeTryBody(_ s: TryStatementAst, output: @escaping OutputSink) throws(EvalError) {
        do {
            tryDepth += 1
            defer { tryDepth -= 1 }
            try executeBlock(s.body, output: output)
        } catch .error(let error) {
            guard let index = catchClauseIndex(for: error.record.exception,
                                               clauseTypes: s.catchClauses.map { $0.catchTypes.map(\.typeName.name) })
            else { throw .error(error) }
            let clause = s.catchClauses[index]
            appendError(error.record)
            let saved = sessionState.lookup("_")?.value
            sessionState.setLocal("_", .object(error.record))
            caughtErrors.append(CaughtError(record: error.record, source: currentSource, body: clause.body.extent))
            defer {
                caughtErrors.removeLast()
                sessionState.setLocal("_", saved ?? .null)
            }
            try executeBlock(clause.body, output: output)
        }
    }

    private func throwRecord(_ s: ThrowStatementAst) throws(EvalError) -> ErrorRecord {
        // `throw` alone written inside a catch block throws the error that block caught again
        // (ThrowStatementAst.IsRethrow: decided by where the statement is written).
        if s.pipeline == nil, let caught = caughtErrors.last(where: {
            $0.source === currentSource && $0.body.startOffset <= s.extent.startOffset
                && s.extent.endOffset <= $0.body.endOffset
        }) {
            return caught.record
        }
        let value = try s.pipeline.map { pipeline throws(EvalError) in try evaluatePipelineValue(pipeline) } ?? .null
        if case .object(let o) = value, let record = o as? ErrorRecord { return record }
        if case .object(let o) = value, let exception = o as? PSExceptionObject {
            return ErrorRecord(exception: exception, errorId: exception.shortName, category: .OperationStopped,
                               targetObject: .null, invocationInfo: InvocationInfo(myCommand: nil, source: currentSource,
                                                                                   extent: s.extent))
        }
        let message = value.isNull ? "ScriptHalted" : LanguagePrimitives.toString(value)
        let exception = PSExceptionObject(typeName: "System.Management.Automation.RuntimeException", message: message)
        return ErrorRecord(exception: exception, errorId: message, category: .OperationStopped, targetObject: value,
                           invocationInfo: InvocationInfo(myCommand: nil, source: currentSource, extent: s.extent))
    }

    private func defineFunction(_ s: FunctionDefinitionAst) throws {
        var name = s.name
        var scope = VariableScope.unqualified
        if let colon = name.firstIndex(of: ":") {
            switch name[..<colon].lowercased() {
            case "global": scope = .global
            case "script": scope = .script
            case "function", "local": scope = .unqualified
            default: break
            }
            if scope != .unqualified, sandbox != nil {
                try enforceSandbox(.defineFunction(name: s.name, scope: String(name[..<colon])), extent: s.extent)
            }
            name = String(name[name.index(after: colon)...])
        }
        let function = FunctionInfo(name: name, definition: s.body, isFilter: s.isFilter, outerParameters: s.parameters)
        function.declaration = s.extent
        sessionState.defineFunction(function, scope: scope)
    }

    // MARK: Assignment

    package func executeAssignment(_ s: AssignmentStatementAst) throws(EvalError) {
        let right = try evaluateStatementValue(s.right)
        if s.operatorKind == .equals {
            try assign(to: s.left, right)
            return
        }
        let current = try evaluate(s.left)
        let op: TokenKind
        switch s.operatorKind {
        case .plusEquals: op = .plus
        case .minusEquals: op = .minus
        case .multiplyEquals: op = .multiply
        case .divideEquals: op = .divide
        default: op = .rem
        }
        try assign(to: s.left, try converting { try Operators.binary(op, current, right, engine: self, extent: s.errorPosition) })
    }

    /// The value of a statement used as an expression (the right side of `=`, a hashtable entry).
    package func evaluateStatementValue(_ statement: StatementAst) throws(EvalError) -> PSValue {
        if let pipeline = statement as? PipelineAst, pipeline.pipelineElements.count == 1,
           let expression = pipeline.pipelineElements[0] as? CommandExpressionAst, expression.redirections.isEmpty {
            return try evaluate(expression.expression)
        }
        if let assignment = statement as? AssignmentStatementAst {
            try executeAssignment(assignment)
            return try evaluate(assignment.left)
        }
        let collector = OutputCollector()
        try executeStatement(statement, output: collector.sink)
        return collector.asValue
    }

    /// A condition or collection: the pipeline's output as one value.
    package func evaluatePipelineValue(_ pipeline: PipelineBaseAst) throws(EvalError) -> PSValue {
        try evaluateStatementValue(pipeline)
    }

    package func assign(to target: ExpressionAst, _ value: PSValue) throws(EvalError) {
        switch target {
        case let v as VariableExpressionAst:
            try assignVariable(v.variablePath.name, scope: v.variablePath.scope, value, extent: v.extent)
        case let c as ConvertExpressionAst:
            let converted = try converting { try cast(value, to: c.type.typeName, extent: c.extent) }
            // `[int]$x = …` constrains the variable: later assignments convert to its type.
            if let v = c.child as? VariableExpressionAst, Self.constrains(c.type.typeName) {
                try assignVariable(v.variablePath.name, scope: v.variablePath.scope, converted, extent: v.extent,
                                   constraint: c.type.typeName)
            } else {
                try assign(to: c.child, converted)
            }
        case let m as MemberExpressionAst:
            let object = try evaluate(m.expression)
            let name = try memberName(m.member)
            try converting { try setMember(object, name, value, extent: m.extent) }
        case let i as IndexExpressionAst:
            let object = try evaluate(i.target)
            let index = try evaluate(i.index)
            try converting { try setIndex(object, index, value, extent: i.extent) }
        case let a as ArrayLiteralAst:
            let values = value.enumerated ?? [value]
            for (n, element) in a.elements.enumerated() {
                if n == a.elements.count - 1 && values.count > a.elements.count {
                    try assign(to: element, .array(PSArray(Array(values[n...]))))
                } else {
                    try assign(to: element, n < values.count ? values[n] : .null)
                }
            }
        case let p as ParenExpressionAst:
            if let inner = (p.pipeline as? PipelineAst)?.pipelineElements.first as? CommandExpressionAst {
                try assign(to: inner.expression, value)
            }
        default:
            throw .failure(runtimeErrorRecord(message: ParserStrings.format("InvalidLeftHandSide", []),
                errorId: "InvalidLeftHandSide", category: .ParserError, extent: target.extent))
        }
    }

    /// Type constraints that stay on a variable (`[ref]` and `[void]` only convert the value).
    static func constrains(_ type: TypeName) -> Bool {
        let name = type.name.lowercased()
        return name != "ref" && name != "void" && name != "system.management.automation.psreference" && name != "system.void"
    }

    package func assignVariable(_ name: String, scope: VariableScope, _ value: PSValue, extent: SourceExtent,
                                constraint: TypeName? = nil) throws(EvalError) {
        if name.utf8.count == 4 && NameKey(name) == "null" { return }  // `$null = …` discards
        if case .drive(let drive) = scope, drive.lowercased() == "env" {
            if value.isNull { sessionState.environment.removeValue(forKey: name) }
            else { sessionState.environment[name] = LanguagePrimitives.toString(value) }
            return
        }
        var value = value
        if constraint == nil, let type = sessionState.assignmentTarget(name, scope: scope)?.typeConstraint {
            value = try convertForVariable(value, to: type, extent: extent)
        }
        do {
            // `$?` is a constant of every scope; the engine alone sets it.
            if name == "?" { throw VariableError.notWritable(name) }
            try sessionState.set(name, value, scope: scope, constraint: constraint)
        } catch {
            throw .failure(runtimeErrorRecord(message: Messages.format("VariableNotWritable", name),
                errorId: "VariableNotWritable", category: .WriteError, extent: extent,
                exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                target: .string(name)))
        }
    }

    /// A value assigned to a typed variable, converted as its ArgumentTypeConverterAttribute does:
    /// a failure is ArgumentTransformationMetadataException with the conversion's message.
    func convertForVariable(_ value: PSValue, to type: TypeName, extent: SourceExtent) throws(EvalError) -> PSValue {
        do {
            return try cast(value, to: type, extent: extent)
        } catch let error as EvalError {
            throw error
        } catch let error as RuntimeError {
            throw .failure(runtimeErrorRecord(message: error.record.exception.message, errorId: "RuntimeException",
                category: .MetadataError, extent: extent,
                exceptionType: "System.Management.Automation.ArgumentTransformationMetadataException"))
        } catch {
            throw .failure(runtimeErrorRecord(message: "\(error)", errorId: "RuntimeException", category: .MetadataError,
                extent: extent, exceptionType: "System.Management.Automation.ArgumentTransformationMetadataException"))
        }
    }
}
