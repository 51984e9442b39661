import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-Service, Set-Service, Start-/Stop-/Restart-Service over the emulated host's services
/// (Microsoft.PowerShell.Management), with 5.1's parameters, objects and errors.
enum ServiceCmdlets {
    enum Verb: String { case get = "Get", set = "Set", start = "Start", stop = "Stop", restart = "Restart" }

    static func definitions(module: String) -> [CmdletDefinition] {
        let names = ParameterMetadata("Name", .array(.string), aliases: ["ServiceName"], position: 0,
                                      valueFromPipelineByPropertyName: true, parameterSets: ["Default"],
                                      help: "Service names (wildcards allowed).")
        let display = ParameterMetadata("DisplayName", .array(.string), parameterSets: ["DisplayName"],
                                        help: "Display names (wildcards allowed).")
        let input = ParameterMetadata("InputObject", .array(.object), valueFromPipeline: true, parameterSets: ["InputObject"],
                                      help: "ServiceController objects.")
        let filters = [ParameterMetadata("Include", .array(.string)), ParameterMetadata("Exclude", .array(.string))]
        let force = ParameterMetadata("Force", .switchParameter, help: "Stops the service with the services that depend on it.")
        let passThru = ParameterMetadata("PassThru", .switchParameter)
        let startup = ParameterMetadata("StartupType", .enumeration(typeName: "System.ServiceProcess.ServiceStartMode",
                                                                    values: ["Automatic", "Manual", "Disabled"]),
                                        aliases: ["StartMode", "SM", "ST"])
        let status = ParameterMetadata("Status", .string, validations: [.set(["Running", "Stopped", "Paused"], ignoreCase: true)])
        func define(_ verb: Verb, _ parameters: [ParameterMetadata], _ synopsis: String, shouldProcess: Bool = true) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(
                name: verb.rawValue + "-Service", module: module,
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.\(verb.rawValue)ServiceCommand"),
                parameters: parameters, supportsShouldProcess: shouldProcess, defaultParameterSet: "Default",
                synopsis: synopsis, outputType: ServiceControllerObject.typeName),
                outputProperties: { _ in ["Name", "RequiredServices", "CanPauseAndContinue", "CanShutdown", "CanStop", "DisplayName",
                                          "DependentServices", "MachineName", "ServiceName", "ServicesDependedOn", "ServiceHandle",
                                          "Status", "ServiceType", "StartType", "Site", "Container"] },
                completeArgument: { engine, parameter, _ in
                    let services = engine.policySnapshot().installedServices()
                    switch parameter.lowercased() {
                    case "name": return services.map(\.name)
                    case "displayname": return services.filter { !$0.isDriver }.map(\.displayName)
                    default: return nil
                    }
                }) { ServiceCmdlet(verb) }
        }
        let setName = ParameterMetadata("Name", .string, aliases: ["ServiceName", "SN"], position: 0, mandatory: true,
                                        valueFromPipelineByPropertyName: true, parameterSets: ["Name"])
        return [
            define(.get, [names, ParameterMetadata("ComputerName", .array(.string), aliases: ["Cn"]),
                          ParameterMetadata("DependentServices", .switchParameter, aliases: ["DS"]),
                          ParameterMetadata("RequiredServices", .switchParameter, aliases: ["SDO", "ServicesDependedOn"]),
                          display] + filters + [input], "Gets the services on the computer.", shouldProcess: false),
            define(.set, [setName, ParameterMetadata("ComputerName", .array(.string), aliases: ["cn"]),
                          ParameterMetadata("DisplayName", .string, aliases: ["DN"]),
                          ParameterMetadata("Description", .string), startup, status,
                          ParameterMetadata("InputObject", .object, valueFromPipeline: true, parameterSets: ["InputObject"]), passThru],
                   "Starts, stops, and suspends a service, and changes its properties."),
            define(.start, [input, names, passThru, display] + filters, "Starts one or more stopped services."),
            define(.stop, [force, ParameterMetadata("NoWait", .switchParameter), input, passThru, names, display] + filters,
                   "Stops one or more running services."),
            define(.restart, [force, input, passThru, names, display] + filters, "Stops and then starts one or more services."),
        ]
    }
}

final class ServiceCmdlet: Cmdlet {
    let verb: ServiceCmdlets.Verb
    init(_ verb: ServiceCmdlets.Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        for service in try selected(context) {
            switch verb {
            case .get: try get(context, service)
            case .set: try set(context, service)
            case .start, .stop, .restart: try control(context, service)
            }
        }
    }

    /// The services the parameters name, with 5.1's error for a name that matches none.
    private func selected(_ context: CommandContext) throws -> [ServiceDefinition] {
        let snapshot = context.engine.policySnapshot()
        let all = snapshot.installedServices()
        var result: [ServiceDefinition] = []
        func add(_ service: ServiceDefinition) { if !result.contains(where: { $0.name == service.name }) { result.append(service) } }
        if let objects = context.value("InputObject") {
            for object in objects.enumerated ?? [objects] {
                var name = LanguagePrimitives.toString(object)
                if case .object(let controller as ServiceControllerObject) = object { name = controller.service.name }
                if let service = snapshot.service(name) { add(service) } else { try notFound(context, name, display: false) }
            }
        } else if let displayNames = context.value("DisplayName").flatMap({ verb == .set ? nil : $0 }) {
            for text in (displayNames.enumerated ?? [displayNames]).map(LanguagePrimitives.toString) {
                let pattern = WildcardPattern(text)
                let matches = all.filter { !$0.isDriver && pattern.matches($0.displayName) }
                if matches.isEmpty && !WildcardPattern.hasWildcards(text) { try notFound(context, text, display: true) }
                matches.forEach(add)
            }
        } else if let names = context.value("Name") {
            for text in (names.enumerated ?? [names]).map(LanguagePrimitives.toString) {
                if WildcardPattern.hasWildcards(text) {
                    let pattern = WildcardPattern(text)
                    all.filter { !$0.isDriver && pattern.matches($0.name) }.forEach(add)
                } else if let service = snapshot.service(text) {
                    add(service)
                } else {
                    try notFound(context, text, display: false)
                }
            }
        } else {
            all.filter { !$0.isDriver }.forEach(add)
        }
        let include = context.value("Include").map { ($0.enumerated ?? [$0]).map { WildcardPattern(LanguagePrimitives.toString($0)) } }
        let exclude = (context.value("Exclude").map { $0.enumerated ?? [$0] } ?? []).map { WildcardPattern(LanguagePrimitives.toString($0)) }
        return result.filter { service in
            (include.map { $0.contains { $0.matches(service.name) } } ?? true) && !exclude.contains { $0.matches(service.name) }
        }
    }

    private func notFound(_ context: CommandContext, _ name: String, display: Bool) throws {
        let message = display ? Messages.fill(ServiceMessages.noServiceFoundForGivenDisplayName, ["", name])
                              : Messages.fill(ServiceMessages.noServiceFoundForGivenName, [name])
        try context.writeError(context.errorRecord(message: message,
            errorId: display ? "NoServiceFoundForGivenDisplayName" : "NoServiceFoundForGivenName", category: .ObjectNotFound,
            exceptionType: "Microsoft.PowerShell.Commands.ServiceCommandException", target: .string(name)))
    }

    private func object(_ service: ServiceDefinition, _ engine: Engine) -> ServiceControllerObject {
        ServiceControllerObject(service, engine.policySnapshot(), engine: engine)
    }

    private func get(_ context: CommandContext, _ service: ServiceDefinition) throws {
        let snapshot = context.engine.policySnapshot()
        let controller = ServiceControllerObject(service, snapshot, engine: context.engine)
        if context.switchValue("DependentServices") || context.switchValue("RequiredServices") {
            let related = (context.switchValue("DependentServices") ? controller.dependents : [])
                + (context.switchValue("RequiredServices") ? controller.required : [])
            for other in related { try context.writeObject(.object(ServiceControllerObject(other, snapshot, engine: context.engine))) }
            return
        }
        try context.writeObject(.object(controller))
    }

    private func set(_ context: CommandContext, _ service: ServiceDefinition) throws {
        let controller = object(service, context.engine)
        guard try context.shouldProcess(target: controller.label) else { return }
        if let text = context.string("StartupType"),
           let mode = ServiceStartMode.allCases.first(where: { $0.name.caseInsensitiveEquals(text) }) {
            try run(context, controller) { () throws(ServiceHost.Failure) in try ServiceHost.setStartMode(service, mode, context.engine) }
        }
        switch context.string("Status")?.lowercased() {
        case "running"?:
            try run(context, controller) { () throws(ServiceHost.Failure) in try ServiceHost.start(service, context.engine) }
        case "stopped"?:
            if !ServiceHost.dependents(of: service, context.engine.policySnapshot()).isEmpty && controller.running {
                try failure(context, controller, "ServiceHasDependentServicesNoForce", ServiceMessages.serviceHasDependentServicesNoForce)
                return
            }
            try run(context, controller) { () throws(ServiceHost.Failure) in try ServiceHost.stop(service, context.engine) }
        default: break
        }
        if context.switchValue("PassThru") { try context.writeObject(.object(object(service, context.engine))) }
    }

    private func control(_ context: CommandContext, _ service: ServiceDefinition) throws {
        let controller = object(service, context.engine)
        guard try context.shouldProcess(target: controller.label) else { return }
        let engine = context.engine
        if verb != .start && controller.running {
            if !context.switchValue("Force") && !ServiceHost.runningDependents(of: service, engine.policySnapshot()).isEmpty {
                try failure(context, controller, "ServiceHasDependentServices", ServiceMessages.serviceHasDependentServices)
                return
            }
            guard try run(context, controller, { () throws(ServiceHost.Failure) in try ServiceHost.stop(service, engine) }) else { return }
        }
        if verb != .stop && !object(service, engine).running {
            guard try run(context, controller, { () throws(ServiceHost.Failure) in try ServiceHost.start(service, engine) }) else { return }
        }
        if context.switchValue("PassThru") { try context.writeObject(.object(object(service, engine))) }
    }

    /// Runs an operation; its failure becomes 5.1's non-terminating error. False when it failed.
    @discardableResult
    private func run(_ context: CommandContext, _ controller: ServiceControllerObject,
                     _ operation: () throws(ServiceHost.Failure) -> Void) throws -> Bool {
        do {
            try operation()
            return true
        } catch {
            let name = controller.service.name
            switch error {
            case .disabled:
                try failure(context, controller, "CouldNotStartService", ServiceMessages.couldNotStartService,
                            detail: Messages.fill(ServiceMessages.cannotStart, [name, "."]), category: .OpenError)
            case .cannotStop:
                try failure(context, controller, "CouldNotStopService", ServiceMessages.couldNotStopService,
                            detail: Messages.fill(ServiceMessages.cannotStop, [name, "."]), category: .CloseError)
            case .store(let failure):
                try context.writeError(context.errorRecord(message: failure.message, errorId: "PolicyStoreError",
                    category: .WriteError, exceptionType: "System.IO.IOException", target: .object(controller)))
            }
            return false
        }
    }

    private func failure(_ context: CommandContext, _ controller: ServiceControllerObject, _ errorId: String, _ template: String,
                         detail: String = "", category: ErrorCategory = .InvalidOperation) throws {
        let message = Messages.fill(template, [controller.service.name, controller.service.displayName, detail])
        try context.writeError(context.errorRecord(message: message, errorId: errorId, category: category,
            exceptionType: "Microsoft.PowerShell.Commands.ServiceCommandException", target: .object(controller)))
    }
}
