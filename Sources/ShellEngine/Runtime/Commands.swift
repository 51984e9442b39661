import CmdletParser

/// Runs a compiled cmdlet inside a pipeline.
package final class CmdletProcessor: CommandProcessor {
    package let context: CommandContext
    package let cmdlet: Cmdlet
    package let binder: ParameterBinder
    package let arguments: [CommandArgument]
    private var capture: StreamCapture?
    /// The parameters bound from the command line, which pipeline input does not rebind.
    private var commandLine: Set<String> = []
    /// The parameters pipeline objects bind to, found at the first object.
    private var pipelineParameters: [ParameterMetadata]?
    /// The one parameter that takes each object as it is, when binding has nothing else to do.
    private var unchangedInput: String?

    package init(context: CommandContext, cmdlet: Cmdlet, binder: ParameterBinder, arguments: [CommandArgument]) {
        self.context = context
        self.cmdlet = cmdlet
        self.binder = binder
        self.arguments = arguments
    }

    package override func begin() throws(EvalError) {
        // A command without [CmdletBinding()] (an emulated program such as nbtstat) takes every
        // argument it does not declare, `-x` tokens included, as a host program would.
        let binding = context.metadata.cmdletBinding
        let result = try converting { try binder.bind(arguments, acceptsRemainingArguments: !binding) }
        commandLine = Set(result.bound.keys)
        context.parameterSetName = result.parameterSetName
        context.bound = result.bound
        context.remainingArguments = result.unbound
        context.boundExtents = result.extents
        let streams = try converting { try StreamVariables(bound: result.bound, engine: context.engine, isLast: isLast) }
        capture = streams.capture
        next = streams.wrap(next, engine: context.engine)
        context.output = next
        context.applyCommonParameters()
        try context.engine.checkMandatory(binder, bound: &context.bound, pipelineInput: !isFirst,
                                          parameterSet: context.parameterSetName)
        try guardErrors { try cmdlet.begin(context) }
    }

    package override var stopIdentity: ObjectIdentifier? { ObjectIdentifier(context) }

    package override func processWithoutInput() throws(EvalError) {
        try guardErrors { try cmdlet.process(context, input: nil) }
    }

    package override func process(_ input: PSValue) throws(EvalError) {
        try bindPipelineInput(input)
        try guardErrors { try cmdlet.process(context, input: input) }
    }

    package override func end() throws(EvalError) {
        try guardErrors { try cmdlet.end(context) }
    }

    /// ValueFromPipeline and ValueFromPipelineByPropertyName parameters take each input object.
    private func bindPipelineInput(_ input: PSValue) throws(EvalError) {
        let candidates = pipelineParameters ?? binder.pipelineParameters(commandLine: commandLine)
        if pipelineParameters == nil {
            pipelineParameters = candidates
            unchangedInput = binder.parameterTakingObjectsUnchanged(candidates)
        }
        if let unchangedInput {
            context.bound[unchangedInput] = input
            return
        }
        for (parameter, value) in try converting({ try binder.bindPipelineObject(input, candidates: candidates) }) {
            context.bound[parameter.name] = value
        }
    }

    /// The one place a cmdlet's untyped errors enter the evaluator: flow control passes through,
    /// any other Swift error becomes an ErrorRecord of this command (never dropped). `$?` turns
    /// false after an error.
    private func guardErrors(_ body: () throws -> Void) throws(EvalError) {
        do {
            try context.engine.withCapture(capture, body)
        } catch {
            let converted: EvalError
            if error is EvalError || error is RuntimeError {
                converted = EvalError(error)
            } else {
                // Any other exception leaving a cmdlet is CommandProcessor's CmdletInvocationException:
                // the exception's own message, an error of this command.
                let (exception, errorId, category) = EvalError.exception(of: error)
                let record = context.errorRecord(message: exception.message, errorId: errorId, category: category,
                                                 exceptionType: exception.typeName)
                converted = .failure(record)
            }
            if case .error = converted { context.engine.lastSucceeded = false }
            throw converted
        }
    }
}

/// Runs a function or script block (begin/process/end blocks, `$_`, `$input`, `$args`).
package final class ScriptProcessor: CommandProcessor {
    package let engine: Engine
    package let block: ScriptBlockAst
    package let metadata: CommandMetadata
    package let binder: ParameterBinder
    package let arguments: [CommandArgument]
    package let dotSource: Bool
    package let isFilter: Bool
    /// A `.ps1` script: its scope is a script scope.
    package let isScript: Bool
    /// `exit` in a script ends the script; only the script powershell.exe runs with -File passes
    /// it on, to end the process.
    package var rethrowsExit = false
    /// The script ran `exit`: its remaining blocks do not run.
    private var exited = false
    /// Parameters written after a function's name, when it has no `param()` block.
    package var parameterAsts: [ParameterAst]?
    /// A module function's module scope, the parent of its call scope.
    package var parentScope: Scope?
    private var scope: Scope?
    private var capture: StreamCapture?
    /// The parameters bound from the command line, which pipeline input does not rebind.
    private var commandLine: Set<String> = []
    private var collectedInput: [PSValue] = []
    /// Whether `begin` counted this call in the engine's call depth (undone when the call's
    /// processor goes).
    private var entered = false

    deinit {
        if entered { engine.callDepth -= 1 }
    }
    private var receivedInput = false

    package init(engine: Engine, block: ScriptBlockAst, metadata: CommandMetadata, binder: ParameterBinder,
         arguments: [CommandArgument], dotSource: Bool, isFilter: Bool, isScript: Bool = false) {
        self.isScript = isScript
        self.engine = engine
        self.block = block
        self.metadata = metadata
        self.binder = binder
        self.arguments = arguments
        self.dotSource = dotSource
        self.isFilter = isFilter
    }

    private func inScope<T>(_ body: () throws(EvalError) -> T) throws(EvalError) -> T {
        let savedCaller = engine.callerInvocation
        if metadata.name.isEmpty == false || isScript { engine.callerInvocation = binder.invocation }
        // Positions inside the block refer to the text it was written in.
        let savedSource = engine.currentSource
        engine.currentSource = block.source
        defer {
            engine.callerInvocation = savedCaller
            engine.currentSource = savedSource
        }
        if dotSource { return try engine.withCapture(capture, body) }
        let saved = engine.sessionState.current
        engine.sessionState.current = scope!
        defer { engine.sessionState.current = saved }
        return try engine.withCapture(capture, body)
    }

    package override func begin() throws(EvalError) {
        // Recursion ends with CallDepthOverflow when the stack runs low, as PowerShell's
        // CheckStackDepth (EnsureSufficientExecutionStack) does, or after 3000 nested calls, which
        // keeps runaway recursion quick (each call looks its commands up through every scope).
        guard engine.callDepth < Engine.maximumCallDepth else {
            throw .failure(engine.callDepthOverflow(), terminatesScript: true)
        }
        try engine.ensureStackRoom()
        engine.callDepth += 1
        entered = true
        let arguments = arguments
        var result = try converting { try binder.bind(arguments, acceptsRemainingArguments: true) }
        try engine.checkMandatory(binder, bound: &result.bound, pipelineInput: !isFirst,
                                 parameterSet: result.parameterSetName)
        commandLine = Set(result.bound.keys)
        let bound = result.bound
        let streams = try converting { try StreamVariables(bound: bound, engine: engine, isLast: isLast) }
        capture = streams.capture
        next = streams.wrap(next, engine: engine)
        scope = Scope(parent: parentScope ?? engine.sessionState.current, isScriptScope: isScript)
        scope!.variables.reserveCapacity(result.bound.count + 6)
        try inScope { () throws(EvalError) in
            try engine.bindScriptParameters(parameterAsts ?? FunctionMetadata.parameterAsts(of: block),
                                            metadata: metadata, result: result)
            if metadata.cmdletBinding {
                let context = CommandContext(engine: engine, metadata: metadata, invocation: binder.invocation)
                context.bound = result.bound
                context.parameterSetName = result.parameterSetName
                context.applyCommonParameters()
                context.output = next
                engine.sessionState.setLocal("PSCmdlet", .object(PSCmdletObject(context)))
            }
            binder.invocation.boundParameters = result.bound
            binder.invocation.unboundArguments = result.unbound
            binder.invocation.expectingInput = !isFirst
            engine.sessionState.current.automatics.invocation = binder.invocation
            if let begin = block.beginBlock { try run(begin) }
        }
    }

    package override func processWithoutInput() throws(EvalError) {
        if (block.processBlock != nil || isFilter) && !exited {
            try inScope { () throws(EvalError) in
                engine.sessionState.setLocal("_", .null)
                try run(block.processBlock ?? block.endBlock!)
            }
        }
    }

    package override func process(_ input: PSValue) throws(EvalError) {
        guard !exited else { return }
        receivedInput = true
        collectedInput.append(input)
        let process = block.processBlock ?? (isFilter ? block.endBlock : nil)
        try inScope { () throws(EvalError) in
            // Without a process block the pipeline parameters still take each object: the end
            // block sees the last one.
            try bindPipelineInput(input)
            guard let process else { return }
            engine.sessionState.setLocal("_", input)
            engine.sessionState.setLocal("PSItem", input)
            try run(process)
        }
    }

    package override func end() throws(EvalError) {
        guard let end = block.endBlock, !isFilter, !exited else { return }
        try inScope { () throws(EvalError) in
            engine.sessionState.current.automatics.input = collectedInput
            if block.processBlock == nil, receivedInput, let last = collectedInput.last {
                engine.sessionState.setLocal("_", last)
            }
            try run(end)
        }
    }

    /// ValueFromPipeline / ValueFromPipelineByPropertyName parameters take each input object.
    private func bindPipelineInput(_ input: PSValue) throws(EvalError) {
        let commandLine = commandLine
        for (parameter, converted) in try converting({ try binder.bindPipelineObject(input, commandLine: commandLine) }) {
            let variable = (parameterAsts ?? FunctionMetadata.parameterAsts(of: block))
                .first { $0.name.variablePath.name.caseInsensitiveEquals(parameter.name) }?.name.variablePath.name ?? parameter.name
            engine.sessionState.setLocal(variable, converted)
            engine.sessionState.current.automatics.bind(parameter.name, converted)
        }
    }

    private func run(_ named: NamedBlockAst) throws(EvalError) {
        do {
            try engine.executeStatements(named.statements, traps: named.traps, output: next)
        } catch .return {
            return
        } catch .exit(let code) where isScript && !rethrowsExit {
            // ScriptCommandProcessor: exit ends this script file (dot-sourced too) and sets
            // $LASTEXITCODE; a non-zero code makes `$?` false.
            exited = true
            engine.setLastExitCode(code)
            if code != 0 { engine.lastSucceeded = false }
        }
    }
}

extension Engine {

    /// Resolves the command of a `CommandAst` and prepares its processor.
    package func makeProcessor(for command: CommandAst, pipelinePosition: Int,
                               pipelineLength: Int) throws(EvalError) -> CommandProcessor {
        let elements = command.commandElements
        guard let first = elements.first else { throw .stopped }
        let arguments = try evaluateArguments(Array(elements.dropFirst()))
        let nameExtent = first.extent
        let dotSource = command.invocationOperator == .dot
        let invocationName: String

        if let nameAst = first as? StringConstantExpressionAst {
            invocationName = nameAst.value
        } else {
            let target = try evaluate(first as! ExpressionAst)
            if case .scriptBlock(let block) = target {
                return scriptProcessor(block.ast, name: "", isFilter: false, arguments: arguments, command: command,
                                       kind: .scriptBlock, dotSource: dotSource, invocationName: "",
                                       pipelinePosition: pipelinePosition, pipelineLength: pipelineLength)
            }
            invocationName = LanguagePrimitives.toString(target)
        }

        let resolved = try converting({ try resolveCommandAutoloading(invocationName) })
        // `command -?` shows the command's help (Get-Help) instead of running it.
        if arguments.contains(where: { $0.parameterName == "?" }) {
            let target: String?
            switch resolved {
            case .function(let f): target = f.name
            case .cmdlet(let definition): target = definition.metadata.name
            default: target = nil
            }
            if let target, case .cmdlet(let help) = resolveCommand("Get-Help") {
                let invocation = InvocationInfo(myCommand: help.metadata.name, commandKind: .cmdlet, invocationName: "Get-Help",
                                                source: currentSource, extent: command.extent)
                let context = CommandContext(engine: self, metadata: help.metadata, invocation: invocation)
                let binder = ParameterBinder(engine: self, metadata: help.metadata, invocation: invocation,
                                             commandExtent: command.extent)
                return CmdletProcessor(context: context, cmdlet: help.make(), binder: binder,
                                       arguments: [CommandArgument(parameterName: "Name", value: .string(target))])
            }
        }
        switch resolved {
        case .function(let f):
            let processor = scriptProcessor(f.definition, name: f.name, isFilter: f.isFilter, arguments: arguments,
                                            command: command, kind: .function, dotSource: dotSource, metadata: f.metadata,
                                            invocationName: invocationName, pipelinePosition: pipelinePosition,
                                            pipelineLength: pipelineLength)
            (processor as? ScriptProcessor)?.parameterAsts = f.outerParameters
            (processor as? ScriptProcessor)?.parentScope = f.moduleScope
            return processor
        case .cmdlet(let definition):
            let invocation = InvocationInfo(myCommand: definition.metadata.name,
                                            commandKind: definition.metadata.implementation == .function ? .function : .cmdlet,
                                            invocationName: invocationName, source: currentSource, extent: command.extent)
            if sandbox != nil { try converting { try enforceSandbox(.command(definition.metadata), extent: command.extent, invocation: invocation) } }
            let context = CommandContext(engine: self, metadata: definition.metadata, invocation: invocation)
            let binder = ParameterBinder(engine: self, metadata: definition.metadata, invocation: invocation,
                                         commandExtent: command.extent)
            return CmdletProcessor(context: context, cmdlet: definition.make(), binder: binder, arguments: arguments)
        case .script(let path):
            let source = try converting { try loadScript(path, extent: nameExtent) }
            if let record = ScriptRequirements(source).unmet(scriptName: fileName(path), engine: self) {
                record.invocationInfo = InvocationInfo(myCommand: nil, invocationName: invocationName, source: currentSource,
                                                       extent: nameExtent)
                throw .failure(record)
            }
            return scriptProcessor(source.ast, name: path, isFilter: false, arguments: arguments, command: command,
                                   kind: .externalScript, dotSource: dotSource, invocationName: invocationName,
                                   pipelinePosition: pipelinePosition, pipelineLength: pipelineLength)
        case .notFound:
            let exception = PSExceptionObject(typeName: "System.Management.Automation.CommandNotFoundException",
                                              message: Messages.format("CommandNotFoundException", invocationName))
            let record = ErrorRecord(exception: exception, errorId: "CommandNotFoundException", category: .ObjectNotFound,
                                     targetObject: .string(invocationName),
                                     invocationInfo: InvocationInfo(myCommand: nil, invocationName: invocationName,
                                                                    source: currentSource, extent: nameExtent))
            throw .failure(record)
        }
    }

    private func scriptProcessor(_ block: ScriptBlockAst, name: String, isFilter: Bool, arguments: [CommandArgument],
                                 command: CommandAst, kind: CommandKind, dotSource: Bool,
                                 metadata: CommandMetadata? = nil, invocationName: String? = nil,
                                 pipelinePosition: Int = 1, pipelineLength: Int = 1) -> CommandProcessor {
        let meta = metadata ?? FunctionMetadata.build(name: name, ast: block, outerParameters: nil)
        let invocation = InvocationInfo(myCommand: name, commandKind: kind, invocationName: invocationName ?? name,
                                        source: currentSource, extent: command.extent)
        invocation.definition = block
        invocation.isFilter = isFilter
        invocation.pipelineLength = pipelineLength
        invocation.pipelinePosition = pipelinePosition
        let binder = ParameterBinder(engine: self, metadata: meta, invocation: invocation, commandExtent: command.extent)
        return ScriptProcessor(engine: self, block: block, metadata: meta, binder: binder, arguments: arguments,
                               dotSource: dotSource, isFilter: isFilter, isScript: kind == .externalScript)
    }

    package enum ResolvedCommand {
        case function(FunctionInfo)
        case cmdlet(CmdletDefinition)
        case script(String)
        case notFound
    }

    /// Alias, then function, then cmdlet; `.ps1` paths are scripts. Host programs are never run.
    package func resolveCommand(_ name: String) -> ResolvedCommand {
        var resolved = name
        if let target = aliases[NameKey(name)] { resolved = target }
        if let f = sessionState.function(resolved) { return .function(f) }
        if let c = cmdlets[NameKey(resolved)] { return .cmdlet(c) }
        if let slash = resolved.lastIndex(where: { $0 == "\\" || $0 == "/" }), resolved[slash...].contains(":") {
            // `Module\Command` qualified names.
            if let c = cmdlets[NameKey(String(resolved[resolved.index(after: slash)...]))] { return .cmdlet(c) }
        }
        if let bare = resolved.split(whereSeparator: { $0 == "\\" }).last.map(String.init), resolved.contains("\\"),
           !resolved.lowercased().hasSuffix(".ps1"), let c = cmdlets[NameKey(bare)] {
            return .cmdlet(c)
        }
        // A script is run by its path: 5.1 never loads a bare `file.ps1` from the current folder.
        if resolved.lowercased().hasSuffix(".ps1"), resolved.contains(where: { $0 == "\\" || $0 == "/" }) {
            return .script(resolved)
        }
        // PowerShell's last resort: a bare noun names its Get- cmdlet (`date` → Get-Date).
        if !resolved.contains("-"), let c = cmdlets[NameKey("Get-" + resolved)] { return .cmdlet(c) }
        return .notFound
    }

    /// Evaluates a command's arguments, spreading `@splat` variables.
    package func evaluateArguments(_ elements: [CommandElementAst]) throws(EvalError) -> [CommandArgument] {
        var result: [CommandArgument] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            switch element {
            case let p as CommandParameterAst:
                var argument = CommandArgument(parameterName: p.parameterName, parameterExtent: p.errorPosition)
                if let a = p.argument {
                    argument.value = try evaluate(a)
                    argument.valueExtent = a.extent
                    argument.colonForm = true
                }
                result.append(argument)
            case let v as VariableExpressionAst where v.splatted:
                let value = try readVariable(v)
                switch value {
                case .hashtable(let h):
                    for (key, item) in h.entries {
                        result.append(CommandArgument(parameterName: LanguagePrimitives.toString(key),
                                                      parameterExtent: v.extent, value: item, valueExtent: v.extent,
                                                      colonForm: true))
                    }
                case .array(let a):
                    for item in a.items { result.append(CommandArgument(value: item, valueExtent: v.extent)) }
                default:
                    result.append(CommandArgument(value: value, valueExtent: v.extent))
                }
            case let e as ExpressionAst:
                var value = try evaluate(e)
                if let s = e as? StringConstantExpressionAst, s.stringConstantType == .bareWord {
                    value = .string(s.value)
                }
                result.append(CommandArgument(value: value, valueExtent: e.extent))
            default:
                continue
            }
        }
        return result
    }

    /// Binds a script block's `param()` values (defaults for the rest); `$args`,
    /// `$PSBoundParameters` and `$MyInvocation` are made only when the code reads them.
    package func bindScriptParameters(_ parameterAsts: [ParameterAst], metadata: CommandMetadata,
                              result: ParameterBinder.Result) throws(EvalError) {
        var bound: [(String, PSValue)] = []
        for parameter in parameterAsts {
            let name = parameter.name.variablePath.name
            // A typed parameter is a typed variable: its default converts, and so does every later assignment.
            let constraint = parameter.attributes.lazy.compactMap { $0 as? TypeConstraintAst }.first
                .map(\.typeName).flatMap { Self.constrains($0) && types.resolve($0.name) != nil ? $0 : nil }
            if let declared = metadata.parameters.first(where: { $0.name.caseInsensitiveEquals(name) }),
               let value = result.bound[declared.name] {
                sessionState.setLocal(name, value)
                bound.append((declared.name, value))
            } else if let defaultValue = parameter.defaultValue {
                var value = try evaluate(defaultValue)
                if let constraint, !value.isNull || Self.convertsNull(constraint) {
                    value = try convertForVariable(value, to: constraint, extent: defaultValue.extent)
                }
                sessionState.setLocal(name, value)
            } else {
                let type = metadata.parameters.first { $0.name.caseInsensitiveEquals(name) }?.type
                var value: PSValue = type == .switchParameter ? .switchParameter(false) : .null
                // An unbound [int], [bool] or [string] parameter holds null converted: 0, False, "".
                if let constraint, Self.convertsNull(constraint), let converted = try? cast(.null, to: constraint, extent: parameter.extent) {
                    value = converted
                }
                sessionState.setLocal(name, value)
            }
            if let constraint { sessionState.current.variables[Scope.key(name)]?.typeConstraint = constraint }
        }
        sessionState.current.automatics.arguments = result.unbound
        sessionState.current.automatics.boundParameters = bound
        guard metadata.cmdletBinding else { return }
        // Common parameters of an advanced function become its scope's preferences, so the
        // commands it runs inherit them.
        for (name, value) in result.bound {
            switch name {
            case "Verbose": sessionState.setLocal("VerbosePreference", .string(LanguagePrimitives.isTrue(value) ? "Continue" : "SilentlyContinue"))
            case "Debug": sessionState.setLocal("DebugPreference", .string(LanguagePrimitives.isTrue(value) ? "Continue" : "SilentlyContinue"))
            case "ErrorAction": sessionState.setLocal("ErrorActionPreference", value)
            case "WarningAction": sessionState.setLocal("WarningPreference", value)
            case "WhatIf": sessionState.setLocal("WhatIfPreference", .bool(LanguagePrimitives.isTrue(value)))
            case "Confirm": sessionState.setLocal("ConfirmPreference", .string(LanguagePrimitives.isTrue(value) ? "Low" : "None"))
            default: continue
            }
            if metadata.parameters.contains(where: { $0.name == name }) { continue }
            sessionState.current.automatics.boundParameters.append((name, value))
        }
    }

    /// Types whose unbound parameters hold a value rather than null (value types and strings).
    static func convertsNull(_ type: TypeName) -> Bool {
        let name = type.name.lowercased()
        let short = name.hasPrefix("system.") ? String(name.dropFirst(7)) : name
        return ["int", "int32", "long", "int64", "int16", "short", "byte", "sbyte", "uint16", "uint32", "uint64",
                "double", "float", "single", "decimal", "bool", "boolean", "string", "char", "switch"].contains(short)
    }

    /// Mandatory parameters of the chosen parameter set not bound: prompt interactively, else
    /// MissingMandatoryParameter.
    package func checkMandatory(_ binder: ParameterBinder, bound: inout [String: PSValue],
                                pipelineInput: Bool, parameterSet: String? = nil) throws(EvalError) {
        let metadata = binder.metadata
        let missing = metadata.parameters.filter {
            $0.mandatory && bound[$0.name] == nil
                && (parameterSet == nil || $0.parameterSets.isEmpty || $0.parameterSets.contains(parameterSet!))
                && !(pipelineInput && ($0.valueFromPipeline || $0.valueFromPipelineByPropertyName))
        }
        guard !missing.isEmpty else { return }
        guard host.isInteractive else {
            throw .error(binder.bindingError("MissingMandatoryParameter", parameterName: missing.map { " " + $0.name }.joined(),
                                      extent: binder.commandExtent))
        }
        host.write("\n" + Messages.format("PromptCaption", metadata.name, "1") + "\n"
                   + Messages.template("PromptMessage") + "\n", stream: .host)
        if missing.contains(where: { $0.helpMessage != nil }) { host.write(Messages.template("PromptHelp") + "\n", stream: .host) }
        for parameter in missing {
            guard case .array = parameter.type else {
                host.write(Messages.format("PromptFieldPromptInputSeparatorTemplate", parameter.name), stream: .host)
                guard case .line(let text) = host.readLine() else { throw .stopped }
                bound[parameter.name] = try converting { try binder.convert(.string(text), for: parameter, extent: binder.commandExtent) }
                continue
            }
            // A collection is asked for element by element (`Name[0]: `) until an empty line.
            var items: [PSValue] = []
            while true {
                host.write(Messages.format("PromptFieldPromptInputSeparatorTemplate", "\(parameter.name)[\(items.count)]"),
                           stream: .host)
                guard case .line(let text) = host.readLine() else { throw .stopped }
                if text.isEmpty { break }
                items.append(.string(text))
            }
            bound[parameter.name] = try converting { try binder.convert(.array(PSArray(items)), for: parameter, extent: binder.commandExtent) }
        }
    }

    /// Runs a script block in the current scope with `$_` set (Where-Object, ForEach-Object, switch).
    package func invokeScriptBlockInCurrentScope(_ block: ScriptBlock, dollarUnder: PSValue,
                                                 output: OutputSink? = nil) throws(EvalError) -> PSValue {
        let saved = sessionState.current.variables["_"]
        sessionState.setLocal("_", dollarUnder)
        sessionState.setLocal("PSItem", dollarUnder)
        defer {
            if let saved { sessionState.current.variables["_"] = saved } else { sessionState.current.variables["_"] = nil }
        }
        let collector = OutputCollector()
        let sink = output ?? collector.sink
        let body = block.ast.processBlock ?? block.ast.endBlock
        let savedSource = currentSource
        currentSource = block.ast.source
        defer { currentSource = savedSource }
        do {
            if let body { try executeStatements(body.statements, traps: body.traps, output: sink) }
        } catch .return {}
        return collector.asValue
    }

    /// Invokes a script block in a new scope with arguments (`& $sb 1 2`, `.Invoke()`).
    package func invokeScriptBlock(_ block: ScriptBlock, arguments: [PSValue]) throws(EvalError) -> PSValue {
        let output = try invokeScriptBlockOutput(block, arguments: arguments)
        switch output.count {
        case 0: return .null
        case 1: return output[0]
        default: return .array(PSArray(output))
        }
    }

    /// The objects a script block writes when invoked in a new scope with arguments.
    package func invokeScriptBlockOutput(_ block: ScriptBlock, arguments: [PSValue]) throws(EvalError) -> [PSValue] {
        let collector = OutputCollector()
        let meta = FunctionMetadata.build(name: "", ast: block.ast, outerParameters: nil)
        let invocation = InvocationInfo(myCommand: nil, commandKind: .scriptBlock, source: block.ast.source,
                                        extent: block.ast.extent)
        let binder = ParameterBinder(engine: self, metadata: meta, invocation: invocation, commandExtent: block.ast.extent)
        let processor = ScriptProcessor(engine: self, block: block.ast, metadata: meta, binder: binder,
                                        arguments: arguments.map { CommandArgument(value: $0) }, dotSource: false,
                                        isFilter: false)
        processor.next = collector.sink
        try processor.begin()
        try processor.processWithoutInput()
        try processor.end()
        return collector.items
    }
}
