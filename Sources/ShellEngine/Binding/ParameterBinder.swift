import CmdletParser

/// Binds a command's arguments to its declared parameters with Windows PowerShell 5.1's rules
/// (named, `-Name:value`, switches, unique prefixes, aliases, positional, splatting, conversion,
/// validation, mandatory), raising its errors with its texts, ids and extents.
package struct ParameterBinder {
    package let engine: Engine
    package let metadata: CommandMetadata
    package let invocation: InvocationInfo
    /// The whole command, where positional and mandatory errors point.
    package let commandExtent: SourceExtent

    package init(engine: Engine, metadata: CommandMetadata, invocation: InvocationInfo, commandExtent: SourceExtent) {
        self.engine = engine
        self.metadata = metadata
        self.invocation = invocation
        self.commandExtent = commandExtent
    }

    package struct Result {
        package var bound: [String: PSValue] = [:]
        package var extents: [String: SourceExtent] = [:]
        /// Arguments no parameter took (they become `$args` of simple functions).
        package var unbound: [PSValue] = []
        /// The parameter set the arguments select (`$PSCmdlet.ParameterSetName`).
        package var parameterSetName = "__AllParameterSets"
    }

    package enum Match {
        case found(ParameterMetadata)
        case ambiguous([ParameterMetadata])
        case notFound
    }

    /// Exact name or alias first, then a unique prefix of the names (and aliases).
    package static func match(_ typed: String, in parameters: [ParameterMetadata]) -> Match {
        if let exact = parameters.first(where: { $0.name.caseInsensitiveEquals(typed) }) { return .found(exact) }
        if let alias = parameters.first(where: { $0.aliases.contains { $0.caseInsensitiveEquals(typed) } }) {
            return .found(alias)
        }
        let candidates = parameters.filter { p in
            p.name.caseInsensitiveHasPrefix(typed) || p.aliases.contains { $0.caseInsensitiveHasPrefix(typed) }
        }
        switch candidates.count {
        case 0: return .notFound
        case 1: return .found(candidates[0])
        default: return .ambiguous(candidates)
        }
    }

    package func bind(_ arguments: [CommandArgument], acceptsRemainingArguments: Bool) throws -> Result {
        let parameters = metadata.allParameters
        let remainingParameter = parameters.first { $0.valueFromRemainingArguments }
        var result = Result()
        var positional: [(PSValue, SourceExtent?)] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            guard let typed = argument.parameterName else {
                positional.append((argument.value ?? .null, argument.valueExtent))
                continue
            }
            let tokenExtent = argument.parameterExtent ?? commandExtent
            let parameter: ParameterMetadata
            switch Self.match(typed, in: parameters) {
            case .found(let p): parameter = p
            case .ambiguous(let candidates):
                throw bindingError("AmbiguousParameter", parameterName: typed, extent: tokenExtent,
                                   extra: candidates.map { " -" + $0.name }.joined())
            case .notFound:
                // A script's remaining-arguments parameter takes an unknown `-Name` as text; a compiled
                // cmdlet (Write-Host, Write-Output) still reports it.
                let takesNames = remainingParameter != nil && metadata.implementation == .function
                if takesNames || (acceptsRemainingArguments && !metadata.cmdletBinding) {
                    positional.append((.string("-" + typed), tokenExtent))
                    if let v = argument.value { positional.append((v, argument.valueExtent)) }
                    continue
                }
                throw bindingError("NamedParameterNotFound", parameterName: typed, extent: tokenExtent)
            }
            if result.bound[parameter.name] != nil {
                throw bindingError("ParameterAlreadyBound", parameterName: parameter.name, extent: tokenExtent)
            }
            var value: PSValue
            var valueExtent: SourceExtent
            if let v = argument.value, argument.colonForm || parameter.type != .switchParameter {
                value = v
                valueExtent = argument.valueExtent ?? tokenExtent
            } else if parameter.type == .switchParameter {
                value = .switchParameter(true)
                valueExtent = tokenExtent
            } else if i < arguments.count, arguments[i].parameterName == nil {
                value = arguments[i].value ?? .null
                valueExtent = arguments[i].valueExtent ?? tokenExtent
                i += 1
            } else {
                throw bindingError("MissingArgument", parameterName: parameter.name, extent: tokenExtent,
                                   typeName: parameter.type.dotNetName)
            }
            value = try convert(value, for: parameter, extent: valueExtent)
            result.bound[parameter.name] = value
            result.extents[parameter.name] = valueExtent
        }
        var sets = try candidateSets(bound: result.bound)
        // Positional binding in position order, among the parameters of the sets still possible.
        // Parameters of different sets may share a position (ForEach-Object's -Process and
        // -MemberName): one of the default set first, else the first whose type accepts the argument.
        var remaining = parameters.filter { p in
            p.position != nil && result.bound[p.name] == nil && !p.valueFromRemainingArguments
                && (sets == nil || p.parameterSets.isEmpty || !sets!.isDisjoint(with: p.parameterSets))
        }.sorted { $0.position! < $1.position! }
        var leftOver: [(PSValue, SourceExtent?)] = []
        for (value, extent) in positional {
            guard let position = remaining.first?.position else {
                leftOver.append((value, extent))
                continue
            }
            let source = extent ?? commandExtent
            var candidates = remaining.filter { $0.position == position }
            if let preferred = metadata.defaultParameterSet,
               let index = candidates.firstIndex(where: { $0.parameterSets.contains(preferred) }) {
                candidates.insert(candidates.remove(at: index), at: 0)
            }
            var firstError: Error?
            var chosen: ParameterMetadata?
            for candidate in candidates {
                do {
                    result.bound[candidate.name] = try convert(value, for: candidate, extent: source)
                    chosen = candidate
                    break
                } catch {
                    firstError = firstError ?? error
                }
            }
            guard let chosen else { throw firstError ?? bindingError("PositionalParameterNotFound",
                parameterName: LanguagePrimitives.toString(value), extent: commandExtent) }
            result.extents[chosen.name] = source
            if !chosen.parameterSets.isEmpty {
                sets = (sets ?? Set(chosen.parameterSets)).intersection(chosen.parameterSets)
            }
            remaining.removeAll { p in
                p.position == position || (sets != nil && !p.parameterSets.isEmpty && sets!.isDisjoint(with: p.parameterSets))
            }
        }
        if let remainingParameter, result.bound[remainingParameter.name] == nil, !leftOver.isEmpty {
            // A cmdlet takes a single remaining argument that is a collection as the collection itself
            // (`Write-Output 1,2` as `Write-Output 1 2`); a script's parameter always gets the list.
            var values = PSValue.array(PSArray(leftOver.map(\.0)))
            if case .compiled = metadata.implementation, leftOver.count == 1, leftOver[0].0.enumerated != nil {
                values = leftOver[0].0
            }
            result.bound[remainingParameter.name] = try convert(values, for: remainingParameter,
                                                                extent: leftOver[0].1 ?? commandExtent)
            result.extents[remainingParameter.name] = leftOver[0].1 ?? commandExtent
        } else if let (value, _) = leftOver.first {
            guard acceptsRemainingArguments else {
                throw bindingError("PositionalParameterNotFound", parameterName: LanguagePrimitives.toString(value),
                                   extent: commandExtent)
            }
            result.unbound = leftOver.map(\.0)
        }
        try applyDefaultValues(&result)
        result.parameterSetName = Self.chooseSet(sets, metadata: metadata, bound: result.bound)
        return result
    }

    /// `$PSDefaultParameterValues`: `Command:Parameter` keys (the command part may hold
    /// wildcards) give a value to parameters the command line left unbound; a script block
    /// value is run for it, unless the parameter takes a script block. `Disabled = $true` turns
    /// them all off.
    private func applyDefaultValues(_ result: inout Result) throws {
        guard !metadata.name.isEmpty, case .hashtable(let table) = engine.variableValue("PSDefaultParameterValues"),
              table.count > 0 else { return }
        if let disabled = table[string: "Disabled"], LanguagePrimitives.isTrue(disabled) { return }
        for (key, value) in table.entries {
            let text = LanguagePrimitives.toString(key)
            guard let colon = text.lastIndex(of: ":") else { continue }
            let trim = { (part: Substring) in String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
            let command = trim(text[..<colon])
            let name = trim(text[text.index(after: colon)...])
            guard !command.isEmpty, !name.isEmpty, WildcardPattern(command).matches(metadata.name),
                  let parameter = metadata.allParameters.first(where: { p in
                      p.name.caseInsensitiveEquals(name) || p.aliases.contains { $0.caseInsensitiveEquals(name) }
                  }),
                  result.bound[parameter.name] == nil else { continue }
            var argument = value
            if case .scriptBlock(let block) = value, parameter.type != .scriptBlock {
                argument = try engine.invokeScriptBlock(block, arguments: [])
            }
            result.bound[parameter.name] = try convert(argument, for: parameter, extent: commandExtent)
        }
    }

    /// The parameter sets every named parameter bound so far belongs to; nil when the command
    /// declares no sets. Named parameters of disjoint sets are PowerShell's AmbiguousParameterSet.
    private func candidateSets(bound: [String: PSValue]) throws -> Set<String>? {
        var declared = Set(metadata.parameters.flatMap(\.parameterSets))
        guard !declared.isEmpty else { return nil }
        if let preferred = metadata.defaultParameterSet { declared.insert(preferred) }
        var sets = declared
        for parameter in metadata.parameters where bound[parameter.name] != nil && !parameter.parameterSets.isEmpty {
            sets.formIntersection(parameter.parameterSets)
        }
        if sets.isEmpty {
            throw bindingError("AmbiguousParameterSet", parameterName: "", extent: commandExtent)
        }
        return sets
    }

    /// The set `$PSCmdlet.ParameterSetName` reports: the only set left, else the default set,
    /// else the first set (in declaration order) whose mandatory parameters are all bound.
    private static func chooseSet(_ sets: Set<String>?, metadata: CommandMetadata, bound: [String: PSValue]) -> String {
        guard let sets, !sets.isEmpty else { return metadata.defaultParameterSet ?? "__AllParameterSets" }
        if sets.count == 1, let only = sets.first { return only }
        if let preferred = metadata.defaultParameterSet, sets.contains(preferred) { return preferred }
        var ordered: [String] = []
        for name in metadata.parameters.flatMap(\.parameterSets) where sets.contains(name) && !ordered.contains(name) {
            ordered.append(name)
        }
        let satisfied = ordered.first { set in
            !metadata.parameters.contains { $0.mandatory && $0.parameterSets.contains(set) && bound[$0.name] == nil }
        }
        return satisfied ?? ordered.first ?? "__AllParameterSets"
    }

    /// Converts an argument to the parameter's type, then validates it.
    package func convert(_ value: PSValue, for parameter: ParameterMetadata, extent: SourceExtent) throws -> PSValue {
        let converted: PSValue
        do throws(ConversionFailure) {
            // Cmdlet-bound script parameters refuse an array for a [string] (ArgumentTypeConverterAttribute).
            if parameter.type == .string, metadata.implementation == .function, metadata.cmdletBinding,
               case .array = value {
                throw ConversionFailure(Messages.template("InvalidCastCannotRetrieveString"),
                                        errorId: "InvalidCastFromAnyTypeToString")
            }
            if value.isNull, case .array = parameter.type {
                // `$null` given to an array parameter stays `$null`.
                converted = .null
            } else if value.isNull, parameter.type == .switchParameter {
                // `-Switch:$null`: a function's [switch] converts $null first (ArgumentTypeConverterAttribute) to a
                // switch that is not present; a cmdlet's binder takes it as the switch named alone
                // (HandleNullParameterForSpecialTypes).
                converted = .switchParameter(metadata.implementation != .function)
            } else if metadata.implementation == .function, !metadata.cmdletBinding,
               parameter.type == .boolean || parameter.type == .array(.boolean) {
                // A simple function's [bool] takes any value as the language converts it ('a' → $true).
                converted = parameter.type == .boolean ? .bool(LanguagePrimitives.isTrue(value))
                    : .array(PSArray((value.enumerated ?? [value]).map { .bool(LanguagePrimitives.isTrue($0)) },
                                     elementTypeName: "System.Boolean"))
            } else {
                converted = try Conversion.convert(value, to: parameter.type)
            }
        } catch {
            switch metadata.implementation {
            case .function:
                throw bindingError("ParameterArgumentTransformationError", parameterName: parameter.name,
                                   extent: extent, extra: error.message)
            case .compiled:
                if parameter.type == .boolean || parameter.type == .switchParameter {
                    throw bindingError("CannotConvertArgument", parameterName: parameter.name, extent: extent,
                                       typeName: parameter.type.dotNetName, extra: value.typeName, extra2: "")
                }
                throw bindingError("CannotConvertArgumentNoMessage", parameterName: parameter.name, extent: extent,
                                   extra: error.message)
            }
        }
        // Compiled cmdlets declare their own [AllowNull()]-style exceptions in their definitions;
        // functions get the check from their param() block.
        if parameter.mandatory, metadata.implementation == .function || parameter.refusesNullOrEmpty {
            try checkNullOrEmpty(converted, for: parameter, extent: extent)
        }
        try validate(converted, for: parameter, extent: extent)
        return converted
    }

    /// -1 below the range, 1 above it, 0 inside; nil when the value is not a number. Integers are
    /// compared exactly: through Double, 2^53 + 1 would pass a 2^53 maximum.
    package static func rangeOrder(_ value: PSValue, min: Double, max: Double) -> Int? {
        let exact: (Int64?, UInt64?)
        switch value {
        case .int32(let v): exact = (Int64(v), nil)
        case .int64(let v): exact = (v, nil)
        case .byte(let v): exact = (Int64(v), nil)
        case .uint32(let v): exact = (Int64(v), nil)
        case .uint64(let v): exact = (v <= UInt64(Int64.max) ? Int64(v) : nil, v)
        default: exact = (nil, nil)
        }
        if let big = exact.1, exact.0 == nil {
            // Above Int64: only an unsigned maximum can still hold it.
            if let top = UInt64(exactly: max) { return big > top ? 1 : 0 }
            return max >= 1.8446744073709552e19 ? 0 : 1
        }
        if let small = exact.0 {
            if let low = Int64(exactly: min), small < low { return -1 }
            if Int64(exactly: min) == nil, Double(small) < min { return -1 }
            if let high = Int64(exactly: max) { return small > high ? 1 : 0 }
            return Double(small) > max ? 1 : 0
        }
        guard let number = LanguagePrimitives.toDouble(value) else { return nil }
        return number < min ? -1 : (number > max ? 1 : 0)
    }

    /// A range bound as the attribute prints it: integral bounds as integers (`9007199254740992`).
    package static func boundText(_ bound: Double) -> String {
        if let integer = Int64(exactly: bound) { return String(integer) }
        if let integer = UInt64(exactly: bound) { return String(integer) }
        return LanguagePrimitives.formatDouble(bound)
    }

    /// A ParameterBindingException error record, worded by its resource key.
    package func bindingError(_ key: String, parameterName: String, extent: SourceExtent, typeName: String = "",
                      extra: String = "", extra2: String = "") -> RuntimeError {
        let message = Messages.fill(Messages.template(key),
                                    [metadata.name, parameterName, typeName, "", "", "", extra, extra2])
        let (category, exceptionType): (ErrorCategory, String)
        switch key {
        case "ParameterArgumentTransformationError":
            (category, exceptionType) = (.InvalidData, "System.Management.Automation.ParameterBindingArgumentTransformationException")
        case _ where key.hasPrefix("ParameterArgumentValidationError"):
            (category, exceptionType) = (.InvalidData, "System.Management.Automation.ParameterBindingValidationException")
        default:
            (category, exceptionType) = (.InvalidArgument, "System.Management.Automation.ParameterBindingException")
        }
        let info = InvocationInfo(myCommand: metadata.name, commandKind: invocation.commandKind, invocationName: "",
                                  source: invocation.source, extent: extent)
        let exception = PSExceptionObject(typeName: exceptionType, message: message)
        let record = ErrorRecord(exception: exception, errorId: key + "," + metadata.errorIdSuffix, category: category,
                                 targetObject: .null, invocationInfo: info)
        record.categoryInfo.activity = metadata.name
        return RuntimeError(record: record)
    }
}
