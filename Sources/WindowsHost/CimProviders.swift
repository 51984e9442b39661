import EmulatedHost
import SMBPolicy
import ShellEngine

/// The CIM classes whose instances are the emulated host's services and optional features
/// (Win32_Service, Win32_OptionalFeature): the same state Get-Service, sc.exe and Dism show.
enum HostCimProviders {
    static let cimv2 = "root/cimv2"

    static func register(_ engine: Engine) {
        engine.cimRepository.provide(namespace: cimv2, className: "Win32_Service") { services($0) }
        engine.cimRepository.provide(namespace: cimv2, className: "Win32_OptionalFeature") { features($0) }
    }

    static func services(_ engine: Engine) -> [CimInstanceObject] {
        let snapshot = engine.policySnapshot()
        let installed = snapshot.installedServices().filter { !$0.isDriver }.sorted { $0.name.uppercased() < $1.name.uppercased() }
        return installed.enumerated().map { index, service in
            let running = snapshot.serviceRunning(service)
            let mode: String
            switch snapshot.startMode(service) {
            case .automatic: mode = "Auto"
            case .boot: mode = "Boot"
            case .system: mode = "System"
            case .manual: mode = "Manual"
            case .disabled: mode = "Disabled"
            }
            let account = service.name.caseInsensitiveEquals("LanmanWorkstation") ? "NT AUTHORITY\\NetworkService" : "LocalSystem"
            let properties: [(String, PSValue)] = [
                ("Name", .string(service.name)), ("Status", .string("OK")), ("ExitCode", .uint32(running ? 0 : 1077)),
                ("DesktopInteract", .bool(false)), ("ErrorControl", .string("Normal")),
                ("PathName", .string("C:\\Windows\\system32\\svchost.exe -k " + (account == "LocalSystem" ? "netsvcs -p" : "NetworkService -p"))),
                ("ServiceType", .string("Share Process")), ("StartMode", .string(mode)), ("Caption", .string(service.displayName)),
                ("Description", .string("")), ("InstallDate", .null), ("CreationClassName", .string("Win32_Service")),
                ("Started", .bool(running)), ("SystemCreationClassName", .string("Win32_ComputerSystem")),
                ("SystemName", .string(engine.computerName)), ("AcceptPause", .bool(false)), ("AcceptStop", .bool(running && service.canStop)),
                ("DisplayName", .string(service.displayName)), ("ServiceSpecificExitCode", .uint32(0)), ("StartName", .string(account)),
                ("State", .string(running ? "Running" : "Stopped")), ("TagId", .uint32(0)), ("CheckPoint", .uint32(0)),
                ("DelayedAutoStart", .bool(false)), ("ProcessId", .uint32(running ? UInt32(clamping: 1000 + index * 4) : 0)),
                ("WaitHint", .uint32(0)),
            ]
            return CimInstanceObject(className: "Win32_Service", namespace: cimv2,
                                     properties: properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) })
        }
    }

    static func features(_ engine: Engine) -> [CimInstanceObject] {
        let snapshot = engine.policySnapshot()
        return HostCatalog.optionalFeatures.map { feature in
            let properties: [(String, PSValue)] = [
                ("Caption", .string(feature.displayName)), ("Description", .string(feature.displayName)), ("InstallDate", .null),
                ("Name", .string(feature.name)), ("Status", .null),
                ("InstallState", .uint32(snapshot.featureEnabled(feature.name) ? 1 : 2)),
            ]
            return CimInstanceObject(className: "Win32_OptionalFeature", namespace: cimv2,
                                     properties: properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) })
        }
    }
}
