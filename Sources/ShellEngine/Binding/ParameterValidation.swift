import CmdletParser

extension ParameterBinder {

    /// A mandatory parameter refuses `$null`, an empty string and an empty collection (and such
    /// elements) unless `[AllowNull()]`, `[AllowEmptyString()]`, `[AllowEmptyCollection()]` say otherwise.
    func checkNullOrEmpty(_ value: PSValue, for parameter: ParameterMetadata, extent: SourceExtent) throws {
        if parameter.type == .switchParameter { return }
        func refuse(_ key: String) -> RuntimeError { bindingError(key, parameterName: parameter.name, extent: extent) }
        if value.isNull {
            if !parameter.allowNull { throw refuse("ParameterArgumentValidationErrorNullNotAllowed") }
            return
        }
        if case .string(let text) = value, text.isEmpty, !parameter.allowEmptyString {
            throw refuse("ParameterArgumentValidationErrorEmptyStringNotAllowed")
        }
        guard case .array(let array) = value else { return }
        if array.items.isEmpty {
            if !parameter.allowEmptyCollection {
                throw refuse(array.elementTypeName == "System.Collections.ArrayList"
                             ? "ParameterArgumentValidationErrorEmptyCollectionNotAllowed"
                             : "ParameterArgumentValidationErrorEmptyArrayNotAllowed")
            }
            return
        }
        for item in array.items {
            if item.isNull, !parameter.allowNull { throw refuse("ParameterArgumentValidationErrorNullNotAllowed") }
            if case .string(let text) = item, text.isEmpty, !parameter.allowEmptyString {
                throw refuse("ParameterArgumentValidationErrorEmptyStringNotAllowed")
            }
        }
    }

    /// Runs the parameter's validation attributes in declaration order; the first failure is
    /// PowerShell's ParameterArgumentValidationError with the attribute's own text.
    func validate(_ value: PSValue, for parameter: ParameterMetadata, extent: SourceExtent) throws {
        for validation in parameter.validations {
            if let inner = try validation.failure(value, engine: engine) {
                throw bindingError("ParameterArgumentValidationError", parameterName: parameter.name, extent: extent,
                                   extra: inner)
            }
        }
    }

}

extension ParameterValidation {
    /// The message of a failed validation, nil when the value passes (parameters and class properties).
    package func failure(_ value: PSValue, engine: Engine) throws -> String? {
        let validation = self
        let items = value.isNull ? [] : (value.enumerated ?? [value])
        switch validation {
        case .set(let allowed, let ignoreCase):
            let bad = items.first { item in
                let text = LanguagePrimitives.toString(item)
                return !allowed.contains { ignoreCase ? $0.caseInsensitiveEquals(text) : $0 == text }
            }
            return bad.map { Messages.format("ValidateSetFailure", LanguagePrimitives.toString($0),
                                             allowed.joined(separator: ",")) }
        case .range(let min, let max):
            for item in items {
                guard let order = ParameterBinder.rangeOrder(item, min: min, max: max) else { continue }
                let text = LanguagePrimitives.toString(item)
                if order < 0 { return Messages.format("ValidateRangeSmallerThanMinRangeFailure", text, ParameterBinder.boundText(min)) }
                if order > 0 { return Messages.format("ValidateRangeGreaterThanMaxRangeFailure", text, ParameterBinder.boundText(max)) }
            }
            return nil
        case .notNull:
            if value.isNull { return Messages.template("ValidateNotNullFailure") }
            if case .array(let a) = value, a.items.contains(where: \.isNull) {
                return Messages.template("ValidateNotNullCollectionFailure")
            }
            return nil
        case .notNullOrEmpty:
            if value.isNull { return Messages.template("ValidateNotNullOrEmptyFailure") }
            if case .string(let s) = value, s.isEmpty { return Messages.template("ValidateNotNullOrEmptyFailure") }
            if case .array(let a) = value {
                // A null element is the collection failure; an empty string element or no
                // element at all is the plain one (ValidateNotNullOrEmptyAttribute's order).
                for item in a.items {
                    if item.isNull { return Messages.template("ValidateNotNullOrEmptyCollectionFailure") }
                    if case .string(let s) = item, s.isEmpty { return Messages.template("ValidateNotNullOrEmptyFailure") }
                }
                return a.items.isEmpty ? Messages.template("ValidateNotNullOrEmptyFailure") : nil
            }
            return nil
        case .pattern(let pattern):
            for item in items {
                let text = LanguagePrimitives.toString(item)
                let ok = (try? RegexOperators.firstMatch(text, pattern, caseSensitive: false, engine: engine)) != nil
                if !ok { return Messages.format("ValidatePatternFailure", text, pattern) }
            }
            return nil
        case .length(let min, let max):
            for item in items {
                let text = LanguagePrimitives.toString(item)
                if text.count < min { return Messages.format("ValidateLengthMinLengthFailure", String(min), String(text.count)) }
                if text.count > max { return Messages.format("ValidateLengthMaxLengthFailure", String(max), text) }
            }
            return nil
        case .count(let min, let max):
            let count = items.count
            if count < min { return Messages.format("ValidateCountMinLengthFailure", String(min), String(count)) }
            if count > max { return Messages.format("ValidateCountMaxLengthFailure", String(max), String(count)) }
            return nil
        case .script(let script):
            let block = ScriptBlock(ast: script.ast)
            for item in items.isEmpty ? [value] : items {
                let result: PSValue
                do {
                    result = try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: item)
                } catch {
                    guard case .error(let failure) = error else { throw error }
                    return failure.record.exception.message
                }
                if !LanguagePrimitives.isTrue(result) {
                    return Messages.format("ValidateScriptFailure", LanguagePrimitives.toString(item), block.text)
                }
            }
            return nil
        }
    }
}
