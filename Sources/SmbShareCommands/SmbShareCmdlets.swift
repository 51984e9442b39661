import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-, Set- and Reset-SmbClientConfiguration / -SmbServerConfiguration. Their parameters are
/// derived from the SMBPolicy schema for the active OS profile; they are CDXML cmdlets on Windows,
/// so errors carry the command name as FullyQualifiedErrorId suffix.
enum SmbShareCmdlets {

    static func noun(_ side: PolicySide) -> String {
        side == .client ? "SmbClientConfiguration" : "SmbServerConfiguration"
    }

    /// `Performing operation 'Modify' on Target 'SMB Client Configuration'.`
    static func operationDescription(_ side: PolicySide) -> String {
        "Performing operation 'Modify' on Target 'SMB \(side == .client ? "Client" : "Server") Configuration'."
    }

    static let cimParameters: [ParameterMetadata] = [
        ParameterMetadata("CimSession", .array(.object), aliases: ["Session"], validations: [.notNullOrEmpty],
                          help: "Runs the cmdlet in a remote session or on a remote computer. Enter a computer name or a session object, such as the output of a New-CimSession or Get-CimSession cmdlet. The default is the current session on the local computer."),
        ParameterMetadata("ThrottleLimit", .int32,
                          help: "Specifies the maximum number of concurrent operations that can be established to run the cmdlet. If this parameter is omitted or a value of 0 is entered, an optimum throttle limit is calculated from the number of CIM cmdlets running on the computer."),
        ParameterMetadata("AsJob", .switchParameter,
                          help: "Runs the cmdlet as a background job. Use this parameter to run commands that take a long time to complete."),
    ]

    static func parameterType(_ type: PolicyType) -> ParameterType {
        switch type {
        case .boolean: return .boolean
        case .uint32: return .uint32
        case .uint64: return .uint64
        case .string: return .string
        case .enumeration(let e): return .enumeration(typeName: e.fullName, values: e.memberNames)
        }
    }

    static func validations(_ property: PolicyProperty) -> [ParameterValidation] {
        switch property.validation {
        case .range(let min, let max): return [.range(min: Double(min), max: Double(max))]
        case .allowedValues(let values): return [.set(values.map(String.init), ignoreCase: true)]
        default: return []
        }
    }

    static func getDefinition(_ side: PolicySide, _ profile: OSProfile) -> CmdletDefinition {
        let metadata = CommandMetadata(
            name: "Get-" + noun(side), module: SmbShareModule.name, implementation: .function,
            parameters: cimParameters, supportsShouldProcess: true, confirmImpact: .medium,
            synopsis: "Retrieves the SMB \(side.rawValue) configuration.",
            description: "Gets the \(side == .client ? "SMB client" : "SMB server") configuration of the emulated computer: the effective value of every setting of the active OS profile (\(profile.displayName)).",
            examples: [HelpExample(code: "Get-\(noun(side))", remarks: "Shows every setting."),
                       HelpExample(code: "(Get-\(noun(side))).EnableMailslots",
                                   remarks: "Shows whether remote mailslots are enabled."),
                       HelpExample(code: "Get-SmbConfigurationSource -Side \(side == .client ? "Client" : "Server") -Name EnableMailslots",
                                   remarks: "Shows where the value comes from (profile default, local setting or Group Policy); an addition of this shell.")],
            outputType: side.cimTypeName)
        return CmdletDefinition(metadata: metadata,
                                outputProperties: { _ in PolicySchema.properties(side: side, profile: profile).map(\.name) }) {
            GetConfiguration(side: side)
        }
    }

    static func setDefinition(_ side: PolicySide, _ profile: OSProfile) -> CmdletDefinition {
        let settings = PolicySchema.setParameters(side: side, profile: profile).map { p in
            ParameterMetadata(p.name, parameterType(p.type), validations: validations(p.property),
                              help: p.help)
        }
        let metadata = CommandMetadata(
            name: "Set-" + noun(side), module: SmbShareModule.name, implementation: .function,
            parameters: settings + [ParameterMetadata("Force", .switchParameter,
                                                      help: "Forces the command to run without asking for user confirmation.")]
                + cimParameters,
            supportsShouldProcess: true, confirmImpact: .high,
            synopsis: "Sets the SMB \(side.rawValue) configuration.",
            description: "Changes settings of the \(side == .client ? "SMB client" : "SMB server") and persists them. Prompts for confirmation unless -Force or -Confirm:$false is given. -Verbose shows each registry value Windows would write.",
            examples: [HelpExample(code: "Set-\(noun(side)) -EnableMailslots $true -Force",
                                   remarks: "Re-enables remote mailslots temporarily, without a prompt.")])
        return CmdletDefinition(metadata: metadata) { SetConfiguration(side: side) }
    }

    static func resetDefinition(_ side: PolicySide, _ profile: OSProfile) -> CmdletDefinition {
        let switches = PolicySchema.resetSwitches(side: side, profile: profile).map {
            ParameterMetadata($0.name, .switchParameter,
                              help: $0.help)
        }
        let metadata = CommandMetadata(
            name: "Reset-" + noun(side), module: SmbShareModule.name, implementation: .function,
            parameters: switches + [ParameterMetadata("Force", .switchParameter,
                                                      help: "Forces the command to run without asking for user confirmation.")]
                + cimParameters,
            supportsShouldProcess: true, confirmImpact: .high,
            synopsis: "Resets SMB \(side.rawValue) settings to their default values.",
            description: "Resets the selected settings (or all with -All) to the defaults of the active OS profile.",
            examples: [HelpExample(code: "Reset-\(noun(side)) -EnableMailslots -Force",
                                   remarks: "Disables remote mailslots again (the default).")])
        return CmdletDefinition(metadata: metadata) { ResetConfiguration(side: side) }
    }
}

/// The checks every SmbShare cmdlet makes: `-CimSession` names the local computer, `-AsJob` is refused.
func checkCimParameters(_ context: CommandContext) throws {
    try context.checkLocalCimTarget(parameter: "CimSession")
}

final class GetConfiguration: Cmdlet {
    let side: PolicySide
    init(side: PolicySide) { self.side = side }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        try context.writeObject(.object(SmbConfigurationObject(side: side, snapshot: context.engine.policySnapshot())))
    }
}

/// Writes a change to the store and reports it: VERBOSE lines for the registry values Windows
/// would write, the new policy applied to the transport.
private func commit(_ context: CommandContext, side: PolicySide,
                    _ change: (PolicyStore) throws(PolicyStoreError) -> PolicyChangeResult) throws {
    let engine = context.engine
    do {
        let result = try change(engine.policyStore)
        for warning in result.warnings { context.writeWarning(warning) }
        engine.applyPolicy(result)
        for write in result.registryWrites {
            let data = write.data.map { "\($0.kind.rawValue) \($0.displayText)" } ?? "(deleted)"
            context.writeVerbose("Registry: \(write.path) = \(data)")
            switch write.activation {
            case .immediate: break
            case .reboot: context.writeVerbose("A restart of the computer is required for this change to take effect.")
            case .serviceRestart(let service):
                context.writeVerbose("The \(service) service must be restarted for this change to take effect.")
            }
        }
    } catch {
        try context.writeError(context.errorRecord(message: error.message, errorId: "PolicyStoreError",
            category: .WriteError, exceptionType: "Microsoft.Management.Infrastructure.CimException",
            target: .string(side.cimClassName)))
    }
}

final class SetConfiguration: Cmdlet {
    let side: PolicySide
    init(side: PolicySide) { self.side = side }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        let engine = context.engine
        var values: [String: PolicyValue] = [:]
        for parameter in PolicySchema.setParameters(side: side, profile: engine.osProfile) {
            guard let bound = context.value(parameter.name) else { continue }
            let argument: PolicyValue
            switch bound {
            case .bool(let b): argument = .bool(b)
            case .uint32(let v): argument = .uint32(v)
            case .uint64(let v): argument = .uint64(v)
            default:
                if case .enumeration = parameter.type { argument = .enumeration(LanguagePrimitives.toString(bound)) }
                else { argument = .string(LanguagePrimitives.toString(bound)) }
            }
            switch parameter.propertyValue(for: argument) {
            case .success(let value): values[parameter.property.name] = value
            case .failure(let failure):
                let binder = ParameterBinder(engine: engine, metadata: context.metadata, invocation: context.invocation,
                                             commandExtent: context.invocation.extent ?? .empty)
                throw binder.bindingError("ParameterArgumentValidationError", parameterName: parameter.name,
                                          extent: context.boundExtents[parameter.name] ?? .empty, extra: failure.message)
            }
        }
        guard try context.shouldProcess(verboseDescription: SmbShareCmdlets.operationDescription(side),
                                        force: context.switchValue("Force")) else { return }
        guard !values.isEmpty else { return }
        try commit(context, side: side) { store throws(PolicyStoreError) in try store.update(side: side, set: values) }
    }
}

final class ResetConfiguration: Cmdlet {
    let side: PolicySide
    init(side: PolicySide) { self.side = side }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        var names: [String] = []
        for entry in PolicySchema.resetSwitches(side: side, profile: context.engine.osProfile)
        where context.switchValue(entry.name) {
            names.append(contentsOf: entry.properties.map(\.name))
        }
        guard try context.shouldProcess(verboseDescription: SmbShareCmdlets.operationDescription(side),
                                        force: context.switchValue("Force")) else { return }
        guard !names.isEmpty else { return }
        try commit(context, side: side) { store throws(PolicyStoreError) in try store.reset(side: side, properties: names) }
    }
}
