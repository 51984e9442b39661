import EmulatedHost
import SMBPolicy
import ShellEngine

/// `System.ServiceProcess.ServiceController` as Get-Service returns it: the state of one service
/// or driver of the emulated host when it was read.
final class ServiceControllerObject: PSObject {
    static let typeName = "System.ServiceProcess.ServiceController"
    let service: ServiceDefinition
    private(set) var running: Bool
    private(set) var startMode: ServiceStartMode
    private(set) var dependents: [ServiceDefinition]
    let required: [ServiceDefinition]

    /// The engine whose host the methods act on (Start(), Stop(), Refresh()).
    private weak var engine: Engine?

    init(_ service: ServiceDefinition, _ snapshot: PolicySnapshot, engine: Engine? = nil) {
        self.service = service
        self.engine = engine
        running = snapshot.serviceRunning(service)
        startMode = snapshot.startMode(service)
        dependents = ServiceHost.dependents(of: service, snapshot)
        required = snapshot.dependencies(service).compactMap { snapshot.service($0) }
        super.init(typeNames: [Self.typeName, "System.ComponentModel.Component", "System.MarshalByRefObject", "System.Object"])
    }

    /// `Server (LanmanServer)`, as the service cmdlets name a service in messages and prompts.
    var label: String { Messages.fill(ServiceMessages.serviceNameForConfirmation, [service.displayName, service.name]) }

    override var properties: [PSPropertyInfo] {
        func list(_ items: [ServiceDefinition]) -> PSValue {
            .array(PSArray(items.map { .string($0.name) }, elementTypeName: Self.typeName))
        }
        let type: String
        switch service.type {
        case 1: type = "KernelDriver"
        case 2: type = "FileSystemDriver"
        default: type = "Win32ShareProcess"
        }
        return [
            PSPropertyInfo(name: "Name", value: .string(service.name), isSettable: false),
            PSPropertyInfo(name: "RequiredServices", value: list(required), isSettable: false),
            PSPropertyInfo(name: "CanPauseAndContinue", value: .bool(false), isSettable: false),
            PSPropertyInfo(name: "CanShutdown", value: .bool(running && !service.isDriver), isSettable: false),
            PSPropertyInfo(name: "CanStop", value: .bool(running && service.canStop), isSettable: false),
            PSPropertyInfo(name: "DisplayName", value: .string(service.displayName), isSettable: false),
            PSPropertyInfo(name: "DependentServices", value: list(dependents), isSettable: false),
            PSPropertyInfo(name: "MachineName", value: .string("."), isSettable: false),
            PSPropertyInfo(name: "ServiceName", value: .string(service.name), isSettable: false),
            PSPropertyInfo(name: "ServicesDependedOn", value: list(required), isSettable: false),
            PSPropertyInfo(name: "ServiceHandle", value: .null, isSettable: false),
            PSPropertyInfo(name: "Status", value: .object(CimEnumValue(name: running ? "Running" : "Stopped",
                typeName: "System.ServiceProcess.ServiceControllerStatus")), isSettable: false),
            PSPropertyInfo(name: "ServiceType", value: .object(CimEnumValue(name: type,
                typeName: "System.ServiceProcess.ServiceType")), isSettable: false),
            PSPropertyInfo(name: "StartType", value: .object(CimEnumValue(name: startMode.name,
                typeName: "System.ServiceProcess.ServiceStartMode")), isSettable: false),
            PSPropertyInfo(name: "Site", value: .null, isSettable: false),
            PSPropertyInfo(name: "Container", value: .null, isSettable: false),
        ]
    }

    override var methodNames: [String] { ["Start", "Stop", "Refresh", "WaitForStatus"] }

    /// ServiceController's methods: Stop() stops the dependents too, as the service control manager
    /// does; the object keeps the state it read until Refresh().
    override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        guard let engine else { return nil }
        do {
            switch name.lowercased() {
            case "start": try ServiceHost.start(service, engine)
            case "stop": try ServiceHost.stop(service, engine)
            case "refresh":
                let snapshot = engine.policySnapshot()
                running = snapshot.serviceRunning(service)
                startMode = snapshot.startMode(service)
                dependents = ServiceHost.dependents(of: service, snapshot)
            case "waitforstatus": break
            default: return nil
            }
        } catch {
            let text: String
            switch error {
            case .disabled: text = Messages.fill(ServiceMessages.cannotStart, [service.name, "."])
            case .cannotStop: text = Messages.fill(ServiceMessages.cannotStop, [service.name, "."])
            case .store(let failure): text = failure.message
            }
            throw ConversionFailure(text, errorId: "InvalidOperationException")
        }
        return .null
    }

    override func toString() -> String { Self.typeName }
}

/// The service operations the cmdlets and the native tools share.
enum ServiceHost {
    static func dependents(of service: ServiceDefinition, _ snapshot: PolicySnapshot) -> [ServiceDefinition] {
        snapshot.installedServices().filter { candidate in
            snapshot.dependencies(candidate).contains { $0.caseInsensitiveEquals(service.name) }
        }
    }

    /// The running services that depend on `service`, directly or through others (stopped first).
    static func runningDependents(of service: ServiceDefinition, _ snapshot: PolicySnapshot) -> [ServiceDefinition] {
        var result: [ServiceDefinition] = []
        for dependent in dependents(of: service, snapshot) where snapshot.serviceRunning(dependent) {
            for inner in runningDependents(of: dependent, snapshot) where !result.contains(where: { $0.name == inner.name }) {
                result.append(inner)
            }
            if !result.contains(where: { $0.name == dependent.name }) { result.append(dependent) }
        }
        return result
    }

    /// The stopped services `service` needs, deepest first (the service control manager starts them).
    static func stoppedRequirements(of service: ServiceDefinition, _ snapshot: PolicySnapshot) -> [ServiceDefinition] {
        var result: [ServiceDefinition] = []
        for name in snapshot.dependencies(service) {
            guard let required = snapshot.service(name), !snapshot.serviceRunning(required) else { continue }
            for inner in stoppedRequirements(of: required, snapshot) where !result.contains(where: { $0.name == inner.name }) {
                result.append(inner)
            }
            if !result.contains(where: { $0.name == required.name }) { result.append(required) }
        }
        return result
    }

    enum Failure: Error {
        case disabled, cannotStop, store(PolicyStoreError)
    }

    /// Starts a service and the services it needs; a disabled one cannot start.
    static func start(_ service: ServiceDefinition, _ engine: Engine) throws(Failure) {
        let snapshot = engine.policySnapshot()
        let chain = stoppedRequirements(of: service, snapshot) + [service]
        guard !chain.contains(where: { snapshot.startMode($0) == .disabled }) else { throw .disabled }
        try save(engine) { store throws(PolicyStoreError) in try store.setServiceRunning(chain.map(\.name), running: true) }
    }

    /// Stops a service with the services that depend on it (the caller has checked -Force).
    static func stop(_ service: ServiceDefinition, _ engine: Engine) throws(Failure) {
        let snapshot = engine.policySnapshot()
        let chain = runningDependents(of: service, snapshot) + [service]
        guard service.canStop else { throw .cannotStop }
        try save(engine) { store throws(PolicyStoreError) in try store.setServiceRunning(chain.map(\.name), running: false) }
    }

    /// Writes the `Start` value of the service's key (what `sc config` and Set-Service change).
    static func setStartMode(_ service: ServiceDefinition, _ mode: ServiceStartMode, _ engine: Engine) throws(Failure) {
        try save(engine) { store throws(PolicyStoreError) in
            try store.setRegistryValue(key: service.registryKey, name: "Start", data: .dword(mode.rawValue))
        }
    }

    private static func save(_ engine: Engine, _ change: (PolicyStore) throws(PolicyStoreError) -> PolicyChangeResult) throws(Failure) {
        do { try engine.emulatedHost.commit(change) } catch { throw .store(error) }
    }
}
