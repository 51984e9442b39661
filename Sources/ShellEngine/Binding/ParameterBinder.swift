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
                if acceptsRemainingArguments && !metadata.cmdletBinding {
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
        // Positional binding in position order. Parameters of different sets may share a
        // position (ForEach-Object's -Process and -MemberName): the first whose type accepts the
        // argument takes it.
        var remaining = parameters.filter { $0.position != nil && result.bound[$0.name] == nil }
            .sorted { $0.position! < $1.position! }
        for (value, extent) in positional {
            guard let position = remaining.first?.position else {
                if acceptsRemainingArguments { result.unbound.append(value); continue }
                throw bindingError("PositionalParameterNotFound", parameterName: LanguagePrimitives.toString(value),
                                   extent: commandExtent)
            }
            let source = extent ?? commandExtent
            let candidates = remaining.filter { $0.position == position }
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
            guard let chosen else { throw firstError! }
            result.extents[chosen.name] = source
            let sets = Set(chosen.parameterSets)
            remaining.removeAll { p in
                p.position == position || (!sets.isEmpty && !p.parameterSets.isEmpty && sets.isDisjoint(with: p.parameterSets))
            }
        }
        return result
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
            converted = try Conversion.convert(value, to: parameter.type)
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
        try validate(converted, for: parameter, extent: extent)
        return converted
    }

    private func validate(_ value: PSValue, for parameter: ParameterMetadata, extent: SourceExtent) throws {
        for validation in parameter.validations {
            let inner: String?
            let innerId: String
            switch validation {
            case .set(let allowed, let ignoreCase):
                let items = value.enumerated ?? [value]
                let bad = items.first { item in
                    let text = LanguagePrimitives.toString(item)
                    return !allowed.contains { ignoreCase ? $0.caseInsensitiveEquals(text) : $0 == text }
                }
                inner = bad.map { Messages.format("ValidateSetFailure", LanguagePrimitives.toString($0),
                                                  allowed.joined(separator: ",")) }
                innerId = "ValidateSetFailure"
            case .range(let min, let max):
                guard let order = Self.rangeOrder(value, min: min, max: max) else { inner = nil; innerId = ""; break }
                let text = LanguagePrimitives.toString(value)
                if order < 0 {
                    inner = Messages.format("ValidateRangeSmallerThanMinRangeFailure", text, Self.boundText(min))
                } else if order > 0 {
                    inner = Messages.format("ValidateRangeGreaterThanMaxRangeFailure", text, Self.boundText(max))
                } else { inner = nil }
                innerId = "ValidateRange"
            case .notNullOrEmpty, .notNull:
                var empty = value.isNull
                if case .string(let s) = value, s.isEmpty, validation == .notNullOrEmpty { empty = true }
                if case .array(let a) = value, a.items.isEmpty, validation == .notNullOrEmpty { empty = true }
                inner = empty ? Messages.template(validation == .notNull ? "ValidateNotNullFailure" : "ValidateNotNullOrEmptyFailure") : nil
                innerId = "ValidateNotNullOrEmpty"
            case .pattern(let pattern):
                let text = LanguagePrimitives.toString(value)
                let ok = (try? RegexOperators.firstMatch(text, pattern, caseSensitive: false, engine: engine)) != nil
                inner = ok ? nil : Messages.format("ValidatePatternFailure", text, pattern)
                innerId = "ValidatePattern"
            case .length(_, let max):
                let text = LanguagePrimitives.toString(value)
                inner = text.count > max ? Messages.format("ValidateLengthMaxLengthFailure", String(max), text) : nil
                innerId = "ValidateLength"
            case .count:
                inner = nil
                innerId = ""
            }
            if let inner {
                _ = innerId
                throw bindingError("ParameterArgumentValidationError", parameterName: parameter.name, extent: extent,
                                   extra: inner)
            }
        }
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
        case "ParameterArgumentValidationError":
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
