import EmulatedHost
import SMBPolicy
import ShellEngine

/// `net start|stop|config` over the emulated services, `net share|use|session|user|localgroup`
/// (`NetShareTool`); other subcommands come from the modules that own their part of the host
/// (`NetSubcommands`). Exit codes are net's: 0, or 2 on an error.
enum NetTool: NativeTool {
    static let syntax = ["The syntax of this command is:", "", "NET",
                         "    [ ACCOUNTS | COMPUTER | CONFIG | CONTINUE | FILE | GROUP | HELP |",
                         "      HELPMSG | LOCALGROUP | PAUSE | SESSION | SHARE | START |",
                         "      STATISTICS | STOP | TIME | USE | USER | VIEW ]", ""]

    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        guard let subcommand = arguments.first?.lowercased() else {
            try context.writeLines(syntax)
            return 1
        }
        let rest = Array(arguments.dropFirst())
        switch subcommand {
        case "start": return try start(rest, context)
        case "stop": return try stop(rest, context)
        case "config": return try config(rest, context)
        case "share": return try NetShareTool.share(rest, context)
        case "use": return try NetShareTool.use(rest, context)
        case "session", "sessions", "sess": return try NetShareTool.session(rest, context)
        case "user", "users": return try NetShareTool.user(rest, context)
        case "localgroup": return try NetShareTool.localgroup(rest, context)
        default:
            if let handler = context.engine.netSubcommands.handlers[subcommand] { return try handler(context, rest) }
            try context.writeLines(syntax)
            return 1
        }
    }

    static func helpMessage(_ text: String, _ number: Int) -> [String] {
        [text, "", "More help is available by typing NET HELPMSG \(number).", ""]
    }

    /// A service by its name or display name, as net accepts both.
    static func service(_ text: String, _ snapshot: PolicySnapshot) -> ServiceDefinition? {
        snapshot.service(text) ?? snapshot.installedServices().first { !$0.isDriver && $0.displayName.caseInsensitiveEquals(text) }
    }

    private static func start(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let snapshot = context.engine.policySnapshot()
        guard let name = arguments.first else {
            let running = snapshot.installedServices().filter { !$0.isDriver && snapshot.serviceRunning($0) }
            try context.writeLines(["These Windows services are started:", ""]
                + running.map { "   " + $0.displayName }.sorted() + ["", "The command completed successfully.", ""])
            return 0
        }
        guard let service = service(name, snapshot), !service.isDriver else {
            try context.writeLines(helpMessage("The service name is invalid.", 2185))
            return 2
        }
        guard !snapshot.serviceRunning(service) else {
            try context.writeLines(helpMessage("The requested service has already been started.", 2182))
            return 2
        }
        do {
            try ServiceHost.start(service, context.engine)
        } catch {
            try context.writeLines(["System error 1058 has occurred.", "", Win32Text.texts[1058] ?? "", ""])
            return 2
        }
        try context.writeLines(["The \(service.displayName) service is starting.",
                                "The \(service.displayName) service was started successfully.", ""])
        return 0
    }

    private static func stop(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let snapshot = context.engine.policySnapshot()
        guard let name = arguments.first, let service = service(name, snapshot), !service.isDriver else {
            try context.writeLines(helpMessage("The service name is invalid.", 2185))
            return 2
        }
        guard snapshot.serviceRunning(service) else {
            try context.writeLines(helpMessage("The \(service.displayName) service is not started.", 3521))
            return 2
        }
        let dependents = ServiceHost.runningDependents(of: service, snapshot)
        if !dependents.isEmpty {
            try context.writeLines(["The following services are dependent on the \(service.displayName) service.",
                                    "Stopping the \(service.displayName) service will also stop these services.", ""]
                                   + dependents.map { "   " + $0.displayName } + [""])
            let yes = arguments.dropFirst().contains { $0.lowercased() == "/y" || $0.lowercased() == "/yes" }
            guard yes || context.askYesNo("Do you want to continue this operation? (Y/N) [N]:") else { return 2 }
        }
        guard service.canStop else {
            try context.writeLines(helpMessage("The requested pause, continue, or stop is not valid for this service.", 2191))
            return 2
        }
        try ServiceHost.stopOrFail(service, context)
        for stopped in dependents + [service] {
            try context.writeLines(["The \(stopped.displayName) service is stopping.",
                                    "The \(stopped.displayName) service was stopped successfully.", ""])
        }
        return 0
    }

    private static func config(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        let snapshot = engine.policySnapshot()
        func running(_ name: String) -> Bool { snapshot.service(name).map(snapshot.serviceRunning) ?? false }
        switch arguments.first?.lowercased() {
        case nil:
            let controllable = [("LanmanServer", "Server"), ("LanmanWorkstation", "Workstation")].filter { running($0.0) }
            try context.writeLines(["The following running services can be controlled:", ""]
                + controllable.map { "   " + $0.1 } + ["", "The command completed successfully.", ""])
            return 0
        case "server"?, "srv"?:
            guard running("LanmanServer") else {
                try context.writeLines(helpMessage("The Server service is not started.", 2114))
                return 2
            }
            let idle = snapshot.value("AutoDisconnectTimeout", side: .server)?.displayText ?? "15"
            try context.writeLines([
                "Server Name                           \\\\" + engine.computerName,
                "Server Comment                        ", "",
                "Software version                      " + engine.osProfile.displayName,
                "Server is active on                   ",
                "        NetbiosSmb (\(engine.computerName))", "", "",
                "Server hidden                         No",
                "Maximum Logged On Users               " + (engine.osProfile.isServer ? "16777216" : "20"),
                "Maximum open files per session        16384", "",
                "Idle session time (min)               " + idle,
                "The command completed successfully.", ""])
            return 0
        case "workstation"?, "work"?, "wksta"?:
            guard running("LanmanWorkstation") else {
                try context.writeLines(helpMessage("The Workstation service is not started.", 2138))
                return 2
            }
            try context.writeLines([
                "Computer name                        \\\\" + engine.computerName,
                "Full Computer name                   " + engine.computerName,
                "User name                            " + engine.userName, "",
                "Workstation active on                ", "",
                "Software version                     " + engine.osProfile.displayName, "",
                "Workstation domain                   " + engine.workgroup,
                "Logon domain                         " + engine.computerName, "",
                "COM Open Timeout (sec)               0",
                "COM Send Count (byte)                16",
                "COM Send Timeout (msec)              250",
                "The command completed successfully.", ""])
            return 0
        default:
            try context.writeLines(["The syntax of this command is:", "", "NET CONFIG", "[SERVER | WORKSTATION]", ""])
            return 1
        }
    }
}
