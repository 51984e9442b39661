import ShellEngine

/// Local remoting: `Invoke-Command` runs in the session, or (for `-ComputerName` this machine and
/// `-Session`) in an engine of its own; any other computer is unreachable, as WinRM reports a
/// host that does not answer.
enum Remoting {
    static func isLocal(_ name: String, engine: Engine) -> Bool {
        let lower = name.lowercased()
        return ["localhost", ".", "127.0.0.1", "::1"].contains(lower)
            || name.caseInsensitiveEquals(engine.identity.computerName)
    }

    static let unreachable = "Connecting to remote server {0} failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer. By default, the WinRM firewall exception for public profiles limits access to remote computers within the same local subnet. For more information, see the about_Remote_Troubleshooting Help topic."

    /// The error a connection to an unreachable computer reports (it has no position: it comes
    /// from the connection, not from the script).
    static func connectionFailure(_ computer: String, prefixed: Bool) -> ErrorRecord {
        let message = Messages.fill(unreachable, [computer])
        let exception = PSExceptionObject(typeName: "System.Management.Automation.Remoting.PSRemotingTransportException",
                                          message: message, extraProperties: [PSPropertyInfo(name: "ErrorCode", value: .int32(-2144108250))])
        let record = ErrorRecord(exception: exception, errorId: "WinRMOperationTimeout,PSSessionStateBroken",
                                 category: .OpenError, targetObject: .string(computer))
        if prefixed { record.errorDetails = "[\(computer)] " + message }
        return record
    }

    static func computers(_ context: CommandContext) -> [String]? {
        context.value("ComputerName").map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }
    }
}

/// A PSSession to this machine: an engine that keeps its state between Invoke-Command calls.
final class SessionObject: PSObject {
    let id: Int
    let computer: String
    let runspace: Runspace
    var state = "Opened"

    init(id: Int, computer: String, parent: Engine) {
        self.id = id
        self.computer = computer
        self.runspace = Runspace(for: parent)
        super.init(typeNames: ["System.Management.Automation.Runspaces.PSSession", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Id", value: .int32(Int32(clamping: id))),
         PSPropertyInfo(name: "Name", value: .string("WinRM\(id)")),
         PSPropertyInfo(name: "ComputerName", value: .string(computer)),
         PSPropertyInfo(name: "ComputerType", value: .string("RemoteMachine")),
         PSPropertyInfo(name: "State", value: .string(state)),
         PSPropertyInfo(name: "ConfigurationName", value: .string("Microsoft.PowerShell")),
         PSPropertyInfo(name: "Availability", value: .string(state == "Opened" ? "Available" : "None"))]
    }

    override func toString() -> String { "[PSSession]WinRM\(id)" }
}

final class SessionService: EngineService {
    var sessions: [SessionObject] = []
    var nextId = 1

    func shutdown() {}

    static func of(_ engine: Engine) -> SessionService { engine.service(SessionService.self) { SessionService() } }
}

final class InvokeCommand: Cmdlet {
    private var pipelineInput: [PSValue] = []

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { pipelineInput.append(input) }
    }

    func end(_ context: CommandContext) throws {
        let engine = context.engine
        let block: ScriptBlock
        if case .scriptBlock(let given)? = context.value("ScriptBlock") {
            block = given
        } else if let path = context.string("FilePath") {
            block = ScriptBlock(ast: try engine.loadScript(path, extent: .empty).ast)
        } else {
            return
        }
        let arguments = context.value("ArgumentList").map { $0.enumerated ?? [$0] } ?? []
        var targets: [(computer: String, runspace: Runspace?)] = []
        if let sessions = context.value("Session").map({ $0.enumerated ?? [$0] }) {
            for case .object(let session as SessionObject) in sessions { targets.append((session.computer, session.runspace)) }
        } else if let computers = Remoting.computers(context) {
            for computer in computers {
                guard Remoting.isLocal(computer, engine: engine) else {
                    try context.writeError(Remoting.connectionFailure(computer, prefixed: true))
                    continue
                }
                targets.append((computer, Runspace(for: engine)))
            }
        } else {
            if context.switchValue("AsJob") {
                try StartJob.start(block, arguments: arguments, name: context.string("JobName"), context: context)
                return
            }
            let result = try engine.invokeScriptBlock(block, arguments: arguments)
            try context.writeEnumerated(result)
            return
        }
        for target in targets {
            guard let runspace = target.runspace else { continue }
            let result = runspace.run(block, arguments: arguments, caller: engine)
            for (text, stream) in runspace.host.written { engine.host.write(text, stream: stream) }
            runspace.host.written.removeAll()
            for record in result.errors { try context.writeError(record) }
            for value in result.output { try context.writeObject(value) }
            if let failure = result.failure { try context.writeError(failure) }
        }
    }
}

final class NewPSSession: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let service = SessionService.of(engine)
        for computer in Remoting.computers(context) ?? ["localhost"] {
            guard Remoting.isLocal(computer, engine: engine) else {
                try context.writeError(Remoting.connectionFailure(computer, prefixed: true))
                continue
            }
            let session = SessionObject(id: service.nextId, computer: computer, parent: engine)
            service.nextId += 1
            service.sessions.append(session)
            try context.writeObject(.object(session))
        }
    }
}

final class GetPSSession: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for session in SessionService.of(context.engine).sessions { try context.writeObject(.object(session)) }
    }
}

final class RemovePSSession: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let service = SessionService.of(context.engine)
        var values = context.value("Session").map { $0.enumerated ?? [$0] } ?? []
        if let input { values.append(input) }
        for case .object(let session as SessionObject) in values {
            session.state = "Closed"
            session.runspace.engine.shutdown()
            service.sessions.removeAll { $0 === session }
        }
    }
}

/// Enter-PSSession: an interactive session on another computer; this machine's own is refused as
/// the console host refuses a nested interactive session it cannot host.
final class EnterPSSession: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let computer = context.string("ComputerName") ?? "localhost"
        try context.writeError(Remoting.connectionFailure(computer, prefixed: false))
    }
}
