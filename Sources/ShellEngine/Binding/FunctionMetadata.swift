import CmdletParser

/// Derives a function's or script's parameter table from its `param()` block, so functions bind
/// with the same binder as cmdlets.
package enum FunctionMetadata {

    package static func parameterAsts(of block: ScriptBlockAst) -> [ParameterAst] {
        block.paramBlock?.parameters ?? []
    }

    package static func build(name: String, ast: ScriptBlockAst, outerParameters: [ParameterAst]?) -> CommandMetadata {
        let parameterAsts = outerParameters ?? parameterAsts(of: ast)
        let blockAttributes = ast.paramBlock?.attributes ?? []
        let cmdletBinding = blockAttributes.first { $0.typeName.name.caseInsensitiveEquals("CmdletBinding") }
        var isAdvanced = cmdletBinding != nil
        var explicitPositions = false
        var parameters: [ParameterMetadata] = []
        for p in parameterAsts {
            var meta = ParameterMetadata(p.name.variablePath.name, .object)
            var parameterSets: [String] = []
            for attribute in p.attributes {
                if let constraint = attribute as? TypeConstraintAst {
                    meta.type = Conversion.parameterType(named: constraint.typeName.name) ?? .object
                    continue
                }
                guard let a = attribute as? AttributeAst else { continue }
                let attributeName = a.typeName.name.lowercased()
                switch attributeName {
                case "parameter", "system.management.automation.parameter":
                    isAdvanced = true
                    var setName = "__AllParameterSets"
                    for named in a.namedArguments {
                        let value = named.expressionOmitted ? PSValue.bool(true) : constant(named.argument)
                        switch named.argumentName.lowercased() {
                        case "mandatory": meta.mandatory = LanguagePrimitives.isTrue(value)
                        case "position":
                            meta.position = LanguagePrimitives.toInt64(value).map { Int($0) }
                            explicitPositions = true
                        case "valuefrompipeline": meta.valueFromPipeline = LanguagePrimitives.isTrue(value)
                        case "valuefrompipelinebypropertyname":
                            meta.valueFromPipelineByPropertyName = LanguagePrimitives.isTrue(value)
                        case "helpmessage": meta.helpMessage = LanguagePrimitives.toString(value)
                        case "parametersetname": setName = LanguagePrimitives.toString(value)
                        case "valuefromremainingarguments":
                            meta.valueFromRemainingArguments = LanguagePrimitives.isTrue(value)
                        default: break
                        }
                    }
                    // Each [Parameter()] attribute adds the parameter to one set; in the set of
                    // all sets it belongs everywhere.
                    parameterSets.append(setName)
                case "alias":
                    meta.aliases += a.positionalArguments.flatMap { arg in
                        let v = constant(arg)
                        return (v.enumerated ?? [v]).map { LanguagePrimitives.toString($0) }
                    }
                case "validateset":
                    let values = a.positionalArguments.flatMap { arg in
                        let v = constant(arg)
                        return (v.enumerated ?? [v]).map { LanguagePrimitives.toString($0) }
                    }
                    let ignoreCase = a.namedArguments.first { $0.argumentName.caseInsensitiveEquals("IgnoreCase") }
                        .map { LanguagePrimitives.isTrue(constant($0.argument)) } ?? true
                    meta.validations.append(.set(values, ignoreCase: ignoreCase))
                case "validaterange":
                    if a.positionalArguments.count == 2,
                       let lo = LanguagePrimitives.toDouble(constant(a.positionalArguments[0])),
                       let hi = LanguagePrimitives.toDouble(constant(a.positionalArguments[1])) {
                        meta.validations.append(.range(min: lo, max: hi))
                    }
                case "allownull": meta.allowNull = true
                case "allowemptystring": meta.allowEmptyString = true
                case "allowemptycollection": meta.allowEmptyCollection = true
                case "validatescript":
                    if let block = a.positionalArguments.first as? ScriptBlockExpressionAst {
                        meta.validations.append(.script(ValidationScript(block.scriptBlock)))
                    }
                case "validatecount", "validatelength":
                    if a.positionalArguments.count == 2,
                       let lo = LanguagePrimitives.toInt64(constant(a.positionalArguments[0])).flatMap({ Int(exactly: $0) }),
                       let hi = LanguagePrimitives.toInt64(constant(a.positionalArguments[1])).flatMap({ Int(exactly: $0) }) {
                        meta.validations.append(attributeName == "validatecount" ? .count(min: lo, max: hi)
                                                : .length(min: lo, max: hi))
                    }
                case "validatenotnullorempty": meta.validations.append(.notNullOrEmpty)
                case "validatenotnull": meta.validations.append(.notNull)
                case "validatepattern":
                    if let first = a.positionalArguments.first {
                        meta.validations.append(.pattern(LanguagePrimitives.toString(constant(first))))
                    }
                default: break
                }
            }
            if !parameterSets.contains("__AllParameterSets") { meta.parameterSets = parameterSets }
            parameters.append(meta)
        }
        var positionalBinding = true
        var defaultParameterSet: String?
        for named in cmdletBinding?.namedArguments ?? [] {
            let value = named.expressionOmitted ? PSValue.bool(true) : constant(named.argument)
            switch named.argumentName.lowercased() {
            case "positionalbinding": positionalBinding = LanguagePrimitives.isTrue(value)
            case "defaultparametersetname": defaultParameterSet = LanguagePrimitives.toString(value)
            default: break
            }
        }
        if !explicitPositions && positionalBinding {
            var next = 0
            for i in parameters.indices where parameters[i].type != .switchParameter && !parameters[i].valueFromRemainingArguments {
                parameters[i].position = next
                next += 1
            }
        }
        var supportsShouldProcess = false
        var confirmImpact = ConfirmImpact.medium
        if let cmdletBinding {
            for named in cmdletBinding.namedArguments {
                let value = named.expressionOmitted ? PSValue.bool(true) : constant(named.argument)
                switch named.argumentName.lowercased() {
                case "supportsshouldprocess": supportsShouldProcess = LanguagePrimitives.isTrue(value)
                case "confirmimpact": confirmImpact = ConfirmImpact(name: LanguagePrimitives.toString(value)) ?? .medium
                default: break
                }
            }
        }
        return CommandMetadata(name: name, module: "", implementation: .function, parameters: parameters,
                               supportsShouldProcess: supportsShouldProcess, confirmImpact: confirmImpact,
                               defaultParameterSet: defaultParameterSet, cmdletBinding: isAdvanced)
    }

    /// Attribute arguments are constants: numbers, strings, `$true`/`$false`, arrays of those.
    package static func constant(_ expression: ExpressionAst, depth: Int = 0) -> PSValue {
        // A default nested deeper than any real one is no constant (and no stack overflow).
        guard depth < 64 else { return .null }
        switch expression {
        case let c as ConstantExpressionAst:
            return PSValue(c.value)
        case let s as StringConstantExpressionAst: return .string(s.value)
        case let s as ExpandableStringExpressionAst: return .string(s.value)
        case let v as VariableExpressionAst:
            switch v.variablePath.name.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .null
            }
        case let a as ArrayLiteralAst: return .array(PSArray(a.elements.map { constant($0, depth: depth + 1) }))
        case let u as UnaryExpressionAst where u.tokenKind == .minus:
            let v = constant(u.child, depth: depth + 1)
            if let d = LanguagePrimitives.toInt64(v) { return .int64(-d) }
            return v
        case let p as ParenExpressionAst:
            if let e = (p.pipeline as? PipelineAst)?.pipelineElements.first as? CommandExpressionAst { return constant(e.expression, depth: depth + 1) }
            return .null
        default: return .null
        }
    }
}
