import CmdletParser

extension ParameterBinder {

    /// Binds one pipeline object: `ValueFromPipeline` parameters take the object, and
    /// `ValueFromPipelineByPropertyName` ones its property of their name or alias. A parameter
    /// the object cannot convert to is passed over; when no parameter takes the object, the first
    /// conversion error, else PowerShell's InputObjectNotBound. Parameters bound on the command
    /// line (`commandLine`) are left alone.
    package func bindPipelineObject(_ input: PSValue, commandLine: Set<String>) throws -> [(ParameterMetadata, PSValue)] {
        try bindPipelineObject(input, candidates: pipelineParameters(commandLine: commandLine))
    }

    /// The parameters that take pipeline objects, less those bound on the command line (the same
    /// for every object of one invocation).
    package func pipelineParameters(commandLine: Set<String>) -> [ParameterMetadata] {
        metadata.parameters.filter {
            ($0.valueFromPipeline || $0.valueFromPipelineByPropertyName) && !commandLine.contains($0.name)
        }
    }

    /// The parameter that takes each pipeline object as it is, when it is the only candidate and
    /// binding cannot change or refuse the object (an Object or PSObject parameter taking the
    /// object by value, without validation): the binding of `bindPipelineObject` without its work.
    package func parameterTakingObjectsUnchanged(_ candidates: [ParameterMetadata]) -> String? {
        guard candidates.count == 1, let parameter = candidates.first, parameter.valueFromPipeline,
              !parameter.valueFromPipelineByPropertyName, parameter.validations.isEmpty,
              !(parameter.mandatory && metadata.implementation == .function) else { return nil }
        switch parameter.type {
        case .object, .psObject: return parameter.name
        default: return nil
        }
    }

    /// Binds one pipeline object to `candidates` (from `pipelineParameters`).
    package func bindPipelineObject(_ input: PSValue, candidates: [ParameterMetadata]) throws -> [(ParameterMetadata, PSValue)] {
        guard !candidates.isEmpty else { return [] }
        var bound: [(ParameterMetadata, PSValue)] = []
        var firstError: Error?
        for parameter in candidates {
            var value: PSValue?
            if parameter.valueFromPipeline {
                value = input
                // By property name without coercion comes before by value with coercion: an object
                // that has the property binds it rather than its string form (`[pscustomobject]@{Path=…}`).
                if parameter.valueFromPipelineByPropertyName, Self.needsCoercion(input, to: parameter.type),
                   let byName = propertyValue(of: input, names: [parameter.name] + parameter.aliases) {
                    value = byName
                }
            } else {
                value = propertyValue(of: input, names: [parameter.name] + parameter.aliases)
            }
            guard let value else { continue }
            do {
                bound.append((parameter, try convert(value, for: parameter, extent: commandExtent)))
            } catch {
                firstError = firstError ?? error
            }
        }
        if bound.isEmpty {
            if let firstError { throw firstError }
            // A compiled cmdlet may still read the object itself.
            if case .compiled = metadata.implementation { return [] }
            throw bindingError("InputObjectNotBound", parameterName: "", extent: commandExtent)
        }
        return bound
    }

    /// Whether an object or dictionary would have to be converted to bind to a parameter of this
    /// type (any parameter but an Object or PSObject one).
    private static func needsCoercion(_ input: PSValue, to type: ParameterType) -> Bool {
        switch input {
        case .object, .hashtable: break
        default: return false
        }
        switch type {
        case .object, .psObject, .array(.object), .array(.psObject): return false
        default: return true
        }
    }

    /// The first of `names` the object has as a property (a hashtable's key counts too).
    private func propertyValue(of input: PSValue, names: [String]) -> PSValue? {
        for name in names {
            switch input {
            case .object(let o):
                if let v = o.property(name) { return v }
            case .hashtable(let h):
                if let v = h[string: name] { return v }
            case .null, .array:
                continue
            default:
                if let v = try? engine.getMember(input, name, isStatic: false, extent: commandExtent), !v.isNull { return v }
            }
        }
        return nil
    }
}
