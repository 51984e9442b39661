import EmulatedHost
import SMBPolicy
import ShellEngine

/// `sc.exe query|qc|config|start|stop` over the emulated services, with sc's console text and
/// its exit codes (the Win32 error). In PowerShell `sc` is the Set-Content alias; only `sc.exe`
/// reaches the program, as on Windows.
enum ScTool: NativeTool {
    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        if arguments.count == 1, ["query", "queryex"].contains(arguments[0].lowercased()) {
            // sc query alone: the running Win32 services, one block each.
            let snapshot = context.engine.policySnapshot()
            for service in snapshot.installedServices() where !service.isDriver && snapshot.serviceRunning(service) {
                try context.writeLines([""] + status(service, running: true, state: nil))
            }
            return 0
        }
        guard arguments.count >= 2 else {
            try context.writeLines(["DESCRIPTION:", "        SC is a command line program used for communicating with the",
                                    "        Service Control Manager and services.",
                                    "USAGE:", "        sc <server> [command] [service name] <option1> <option2>...", ""])
            return arguments.isEmpty ? 0 : 1639
        }
        let operation = arguments[0].lowercased()
        let snapshot = context.engine.policySnapshot()
        guard let service = snapshot.service(arguments[1]) else {
            let failing = operation == "query" ? "EnumQueryServicesStatus:OpenService" : "OpenService"
            try context.writeLines(Win32Text.scFailure(failing, 1060))
            return 1060
        }
        switch operation {
        case "query", "queryex":
            try context.writeLines([""] + status(service, running: snapshot.serviceRunning(service), state: nil))
            return 0
        case "qc":
            try context.writeLines(configuration(service, snapshot))
            return 0
        case "config":
            return try config(service, Array(arguments.dropFirst(2)), context)
        case "stop":
            guard snapshot.serviceRunning(service) else {
                try context.writeLines(Win32Text.scFailure("ControlService", 1062))
                return 1062
            }
            guard ServiceHost.runningDependents(of: service, snapshot).isEmpty else {
                try context.writeLines(Win32Text.scFailure("ControlService", 1051))
                return 1051
            }
            guard service.canStop else {
                try context.writeLines(Win32Text.scFailure("ControlService", 1052))
                return 1052
            }
            try ServiceHost.stopOrFail(service, context)
            try context.writeLines([""] + status(service, running: true, state: "3  STOP_PENDING"))
            return 0
        case "start":
            guard !snapshot.serviceRunning(service) else {
                try context.writeLines(Win32Text.scFailure("StartService", 1056))
                return 1056
            }
            do {
                try ServiceHost.start(service, context.engine)
            } catch {
                try context.writeLines(Win32Text.scFailure("StartService", 1058))
                return 1058
            }
            try context.writeLines([""] + status(service, running: false, state: "2  START_PENDING") + ["        PID                : 0",
                                                                                                          "        FLAGS              :"])
            return 0
        default:
            try context.writeLines(["[SC] Unrecognized command", ""])
            return 1
        }
    }

    static func typeText(_ service: ServiceDefinition) -> String {
        switch service.type {
        case 1: return "1  KERNEL_DRIVER"
        case 2: return "2  FILE_SYSTEM_DRIVER"
        default: return "20  WIN32_SHARE_PROCESS"
        }
    }

    /// The `SERVICE_NAME:` block of sc query (and of stop/start, with their pending state).
    static func status(_ service: ServiceDefinition, running: Bool, state: String?) -> [String] {
        let controls = running
            ? (service.canStop ? "STOPPABLE" : "NOT_STOPPABLE") + ", NOT_PAUSABLE, " + (service.isDriver ? "IGNORES_SHUTDOWN" : "ACCEPTS_SHUTDOWN")
            : "NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN"
        return [
            "SERVICE_NAME: " + service.name,
            "        TYPE               : " + typeText(service),
            "        STATE              : " + (state ?? (running ? "4  RUNNING" : "1  STOPPED")),
            "                                (" + controls + ")",
            "        WIN32_EXIT_CODE    : " + (running || state != nil ? "0  (0x0)" : "1077  (0x435)"),
            "        SERVICE_EXIT_CODE  : 0  (0x0)",
            "        CHECKPOINT         : 0x0",
            "        WAIT_HINT          : 0x0",
        ]
    }

    static func configuration(_ service: ServiceDefinition, _ snapshot: PolicySnapshot) -> [String] {
        let mode = snapshot.startMode(service)
        let dependencies = snapshot.dependencies(service)
        var lines = [
            "[SC] QueryServiceConfig SUCCESS", "",
            "SERVICE_NAME: " + service.name,
            "        TYPE               : " + typeText(service),
            "        START_TYPE         : \(mode.rawValue)   " + mode.scName,
            "        ERROR_CONTROL      : 1   NORMAL",
            "        BINARY_PATH_NAME   : " + service.imagePath.replacing("%SystemRoot%", with: #"C:\Windows"#),
            "        LOAD_ORDER_GROUP   : ",
            "        TAG                : 0",
            "        DISPLAY_NAME       : " + service.displayName,
            "        DEPENDENCIES       : " + (dependencies.first ?? ""),
        ]
        lines += dependencies.dropFirst().map { "                           : " + $0 }
        lines.append("        SERVICE_START_NAME : " + (service.isDriver ? "" : "LocalSystem"))
        return lines + [""]
    }

    /// `sc config NAME start= auto|demand|disabled|boot|system|delayed-auto depend= A/B/C`.
    static func config(_ service: ServiceDefinition, _ options: [String], _ context: CommandContext) throws -> Int32 {
        var index = 0
        var mode: ServiceStartMode?
        var dependencies: [String]?
        while index + 1 < options.count {
            let (option, value) = (options[index].lowercased(), options[index + 1])
            index += 2
            switch option {
            case "start=":
                switch value.lowercased() {
                case "boot": mode = .boot
                case "system": mode = .system
                case "auto", "delayed-auto": mode = .automatic
                case "demand": mode = .manual
                case "disabled": mode = .disabled
                default: mode = nil; index = options.count + 1
                }
            case "depend=":
                dependencies = value.split(separator: "/").map(String.init)
            default:
                index = options.count + 1
            }
        }
        guard index == options.count, mode != nil || dependencies != nil else {
            try context.writeLines(["DESCRIPTION:", "        Modifies a service entry in the registry and Service Database.",
                                    "USAGE:", "        sc <server> config [service name] <option1> <option2>...", ""])
            return 1639
        }
        guard try context.saveHost({ store throws(PolicyStoreError) in
            var result: PolicyChangeResult?
            if let mode { result = try store.setRegistryValue(key: service.registryKey, name: "Start", data: .dword(mode.rawValue)) }
            if let dependencies {
                result = try store.setRegistryValue(key: service.registryKey, name: "DependOnService", data: .multiString(dependencies))
            }
            return result!
        }) else { return 1 }
        try context.writeLines(["[SC] ChangeServiceConfig SUCCESS"])
        return 0
    }
}

extension ServiceHost {
    /// Stops a service whose stop the caller has checked.
    static func stopOrFail(_ service: ServiceDefinition, _ context: CommandContext) throws {
        do {
            try stop(service, context.engine)
        } catch {
            try context.writeLines(Win32Text.scFailure("ControlService", 1052))
        }
    }
}
