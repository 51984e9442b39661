import EmulatedHost
import ShellEngine

/// The CIM sessions of this shell (New-CimSession): each reaches the emulated computer itself,
/// the only computer on its network.
final class CimSessionTable: EngineService {
    struct Session {
        let id: Int
        let name: String
        let instanceId: String
        let computerName: String
        let protocolName: String
    }

    var sessions: [Session] = []
    var nextId = 1

    func shutdown() {}
}

extension Engine {
    var cimSessions: CimSessionTable { service(CimSessionTable.self) { CimSessionTable() } }
}

enum CimSessionCmdlets {
    static let typeName = "Microsoft.Management.Infrastructure.CimSession"

    static func object(_ session: CimSessionTable.Session) -> PSObject {
        ListedWindowsObject(typeNames: [typeName], properties: [
            ("Id", .uint32(UInt32(clamping: session.id))), ("Name", .string(session.name)), ("InstanceId", .string(session.instanceId)),
            ("ComputerName", .string(session.computerName)), ("Protocol", .string(session.protocolName)),
        ], display: ["Id", "Name", "InstanceId", "ComputerName", "Protocol"], text: session.computerName)
    }

    static func definitions() -> [CmdletDefinition] {
        func define(_ verb: String, _ parameters: [ParameterMetadata], defaultSet: String?, synopsis: String, description: String,
                    examples: [HelpExample], shouldProcess: Bool = false, output: String? = typeName) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(
                name: verb + "-CimSession", module: CimCmdletsModule.name,
                implementation: .compiled(className: "Microsoft.Management.Infrastructure.CimCmdlets.\(verb)CimSessionCommand"),
                parameters: parameters, supportsShouldProcess: shouldProcess, defaultParameterSet: defaultSet,
                synopsis: synopsis, description: description, examples: examples, outputType: output)) { CimSessionCmdlet(verb: verb) }
        }
        let selectors = [
            ParameterMetadata("Id", .array(.uint32), position: 0, mandatory: true, valueFromPipelineByPropertyName: true,
                              parameterSets: ["SessionIdSet"], help: "Specifies the identifiers of the sessions."),
            ParameterMetadata("InstanceId", .array(.string), mandatory: true, valueFromPipelineByPropertyName: true,
                              parameterSets: ["InstanceIdSet"], help: "Specifies the instance identifiers of the sessions."),
            ParameterMetadata("Name", .array(.string), mandatory: true, valueFromPipelineByPropertyName: true,
                              parameterSets: ["NameSet"], help: "Specifies the names of the sessions."),
        ]
        return [
            define("New", [
                ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "ServerName"], position: 0,
                                  valueFromPipelineByPropertyName: true, help: "Specifies the computers to connect to (only this computer is reachable)."),
                ParameterMetadata("Name", .string, help: "Specifies the name of the session."),
                ParameterMetadata("Credential", .object, help: "Specifies a user account that has permission to perform this action."),
                ParameterMetadata("Authentication", .string, help: "Specifies the authentication mechanism."),
                ParameterMetadata("Port", .uint32, help: "Specifies the network port on the remote computer."),
                ParameterMetadata("SessionOption", .object, help: "Specifies advanced options for the session."),
                ParameterMetadata("OperationTimeoutSec", .uint32, aliases: ["OT"], help: "Specifies the amount of time that the cmdlet waits for a response."),
                ParameterMetadata("SkipTestConnection", .switchParameter, help: "Does not test the connection."),
            ], defaultSet: "CredentialParameterSet", synopsis: "Creates a CIM session.",
               description: "Creates a CIM session to the computer; the CIM cmdlets run against it with -CimSession.",
               examples: [HelpExample(code: "$s = New-CimSession", remarks: "Creates a session to this computer."),
                          HelpExample(code: "New-CimSession -ComputerName localhost | Get-SmbServerConfiguration",
                                      remarks: "Reads the SMB server configuration through a session.")]),
            define("Get", [ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "ServerName"], position: 0,
                                             valueFromPipelineByPropertyName: true, parameterSets: ["ComputerNameSet"],
                                             help: "Specifies the computers the sessions reach.")]
                   + selectors.map { var p = $0; p.mandatory = false; return p },
                   defaultSet: "ComputerNameSet", synopsis: "Gets the CIM session objects from the current session.",
                   description: "Gets the CIM sessions created with New-CimSession in this shell.",
                   examples: [HelpExample(code: "Get-CimSession", remarks: "Lists the sessions."),
                              HelpExample(code: "Get-CimSession -Id 1", remarks: "Gets the session whose identifier is 1.")]),
            define("Remove", [ParameterMetadata("CimSession", .array(.object), position: 0, mandatory: true, valueFromPipeline: true,
                                                parameterSets: ["CimSessionSet"], help: "Specifies the sessions to close."),
                              ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "ServerName"], mandatory: true,
                                                valueFromPipelineByPropertyName: true, parameterSets: ["ComputerNameSet"],
                                                help: "Specifies the computers whose sessions are closed.")] + selectors,
                   defaultSet: "CimSessionSet", synopsis: "Removes one or more CIM sessions.",
                   description: "Closes CIM sessions created with New-CimSession.",
                   examples: [HelpExample(code: "Get-CimSession | Remove-CimSession", remarks: "Closes every session."),
                              HelpExample(code: "Remove-CimSession -Id 1", remarks: "Closes the session whose identifier is 1.")],
                   shouldProcess: true, output: nil),
        ]
    }
}

final class CimSessionCmdlet: Cmdlet {
    let verb: String
    init(verb: String) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let table = context.engine.cimSessions
        switch verb {
        case "New":
            if let record = context.unreachableTarget(parameter: "ComputerName") { return try context.writeError(record) }
            let computers = NetworkCmdletsTexts.texts(context, "ComputerName") ?? ["localhost"]
            for computer in computers {
                let id = table.nextId
                table.nextId += 1
                let session = CimSessionTable.Session(id: id, name: context.string("Name") ?? "CimSession" + String(id),
                                                      instanceId: Self.instanceId(id), computerName: computer, protocolName: "WSMAN")
                table.sessions.append(session)
                try context.writeObject(.object(CimSessionCmdlets.object(session)))
            }
        case "Get":
            guard let matches = try select(context, table) else {
                for session in table.sessions { try context.writeObject(.object(CimSessionCmdlets.object(session))) }
                return
            }
            for session in matches { try context.writeObject(.object(CimSessionCmdlets.object(session))) }
        default:
            var matches: [CimSessionTable.Session] = []
            if let values = context.value("CimSession") {
                for value in values.enumerated ?? [values] {
                    guard case .object(let object) = value, let id = object.property("Id").flatMap(LanguagePrimitives.toInt64),
                          let session = table.sessions.first(where: { $0.id == id }) else {
                        try context.writeError(notFound(context, "CimSession", LanguagePrimitives.toString(value)))
                        continue
                    }
                    matches.append(session)
                }
            } else {
                matches = try select(context, table) ?? []
            }
            for session in matches {
                guard try context.shouldProcess(verboseDescription: "Remove-CimSession: CimSession id = \(session.id), name = \(session.name), ComputerName = \(session.computerName), instance id = \(session.instanceId)") else { continue }
                table.sessions.removeAll { $0.id == session.id }
            }
        }
    }

    /// The sessions -Id, -Name, -InstanceId or -ComputerName select; nil without any of them.
    private func select(_ context: CommandContext, _ table: CimSessionTable) throws -> [CimSessionTable.Session]? {
        for (parameter, key) in [("Id", { (s: CimSessionTable.Session) in String(s.id) }), ("Name", { $0.name }),
                                 ("InstanceId", { $0.instanceId }), ("ComputerName", { $0.computerName })] as [(String, (CimSessionTable.Session) -> String)] {
            guard let wanted = NetworkCmdletsTexts.texts(context, parameter) else { continue }
            var result: [CimSessionTable.Session] = []
            for text in wanted {
                let pattern = WildcardPattern(text)
                let found = table.sessions.filter { pattern.matches(key($0)) }
                if found.isEmpty { try context.writeError(notFound(context, parameter, text)) }
                result += found.filter { session in !result.contains { $0.id == session.id } }
            }
            return result
        }
        return nil
    }

    private func notFound(_ context: CommandContext, _ property: String, _ value: String) -> ErrorRecord {
        context.errorRecord(message: "Could not find CimSession with the given \(property) = \(value)", errorId: "",
                            category: .ObjectNotFound, exceptionType: "Microsoft.Management.Infrastructure.CimException")
    }

    /// A GUID that stays the same for a session number (sessions are this shell's own).
    static func instanceId(_ id: Int) -> String {
        let hex = String(UInt32(truncatingIfNeeded: id &* 2_654_435_761), radix: 16)
        let tail = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        return "a6f1c0de-5b2e-4c1a-9e7d-3f40" + tail
    }
}

enum NetworkCmdletsTexts {
    static func texts(_ context: CommandContext, _ name: String) -> [String]? {
        context.value(name).map { value in (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) } }
    }
}

/// Get-CimClass: the classes of a namespace with their methods and properties.
enum GetCimClassDefinition {
    static func definition() -> CmdletDefinition {
        CmdletDefinition(metadata: CommandMetadata(
            name: "Get-CimClass", module: CimCmdletsModule.name,
            implementation: .compiled(className: "Microsoft.Management.Infrastructure.CimCmdlets.GetCimClassCommand"),
            parameters: [
                ParameterMetadata("ClassName", .string, position: 0, valueFromPipelineByPropertyName: true,
                                  help: "Specifies the name of the class (wildcards allowed)."),
                ParameterMetadata("Namespace", .string, position: 1, valueFromPipelineByPropertyName: true, help: CimQueryCmdlets.namespaceHelp),
                ParameterMetadata("MethodName", .string, help: "Gets the classes that have this method (wildcards allowed)."),
                ParameterMetadata("PropertyName", .string, help: "Gets the classes that have this property (wildcards allowed)."),
                ParameterMetadata("QualifierName", .string, help: "Gets the classes that have this qualifier."),
                ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "ServerName"], help: "Specifies the computer (only this computer is reachable)."),
                ParameterMetadata("CimSession", .array(.object), help: "Runs the command using the specified CIM session."),
                ParameterMetadata("OperationTimeoutSec", .uint32, aliases: ["OT"], help: "Specifies the amount of time that the cmdlet waits for a response."),
                ParameterMetadata("Amended", .switchParameter, help: "Gets the amended (localized) class information."),
            ],
            defaultParameterSet: "ComputerSet",
            synopsis: "Gets a list of CIM classes in a specific namespace.",
            description: "Gets the classes of a namespace of the emulated computer's CIM repository, with their methods and properties.",
            examples: [HelpExample(code: "Get-CimClass -ClassName Win32_Share", remarks: "Shows the Win32_Share class, its methods and properties."),
                       HelpExample(code: "Get-CimClass -Namespace root/Microsoft/Windows/SMB", remarks: "Lists the classes of the SMB provider.")],
            outputType: "Microsoft.Management.Infrastructure.CimClass"),
            completeArgument: CimQueryCmdlets.classNames) { GetCimClass() }
    }
}

final class GetCimClass: Cmdlet {
    static let view = CimTableView(name: "Microsoft.Management.Infrastructure.CimClass", columns: [
        .init("CimClassName", width: 35), .init("CimClassMethods", width: 20), .init("CimClassProperties")])

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        if let record = context.unreachableTarget(parameter: "ComputerName") { return try context.writeError(record) }
        try context.checkLocalCimTarget(parameter: "CimSession")
        let typed = context.string("Namespace") ?? "root/cimv2"
        let namespace = CimClass.normalize(typed)
        let name = context.string("ClassName") ?? "*"
        guard CimClass.namespaces.contains(where: { $0.caseInsensitiveEquals(namespace) }) else {
            return try context.writeError(context.errorRecord(message: "Invalid namespace ", errorId: "HRESULT 0x8004100e",
                category: .MetadataError, exceptionType: "Microsoft.Management.Infrastructure.CimException", target: .string(typed)))
        }
        let pattern = WildcardPattern(name)
        let classes = CimClass.all.filter { $0.namespace.caseInsensitiveEquals(namespace) && pattern.matches($0.name) }
        if classes.isEmpty && !WildcardPattern.hasWildcards(name) {
            return try context.writeError(context.errorRecord(message: "Not found ", errorId: "HRESULT 0x80041002",
                category: .ObjectNotFound, exceptionType: "Microsoft.Management.Infrastructure.CimException",
                target: .string(typed + ":" + name)))
        }
        let methodPattern = context.string("MethodName").map { WildcardPattern($0) }
        let propertyPattern = context.string("PropertyName").map { WildcardPattern($0) }
        let shown = CimClass.namespaceDisplay(namespace)
        for cimClass in classes {
            let methods = CimMethods.names(of: cimClass.name)
            let sample = cimClass.instances(engine).first
            let properties = ((sample as? CimInstanceObject)?.cimProperties ?? sample?.properties ?? []).map(\.name)
            if let methodPattern, !methods.contains(where: methodPattern.matches) { continue }
            if let propertyPattern, !properties.contains(where: propertyPattern.matches) { continue }
            let object = ViewedWindowsObject(typeNames: ["Microsoft.Management.Infrastructure.CimClass"], properties: [
                ("CimSuperClassName", .null), ("CimSuperClass", .null),
                ("CimClassProperties", .array(PSArray(properties.map { name in
                    .object(WindowsObject(typeNames: ["Microsoft.Management.Infrastructure.CimPropertyDeclaration"], properties: [
                        ("Name", .string(name)), ("Value", .null), ("CimType", .string("String")), ("Flags", .string("Property, ReadOnly, NullValue")),
                        ("Qualifiers", .array(PSArray([]))), ("ReferenceClassName", .null)], text: name)) }))),
                ("CimClassQualifiers", .array(PSArray([]))),
                ("CimClassMethods", .array(PSArray(methods.map { name in
                    .object(WindowsObject(typeNames: ["Microsoft.Management.Infrastructure.CimMethodDeclaration"], properties: [
                        ("Name", .string(name)), ("ReturnType", .string("UInt32")), ("Parameters", .array(PSArray([]))),
                        ("Qualifiers", .array(PSArray([])))], text: name)) }))),
                ("CimSystemProperties", .string("Microsoft.Management.Infrastructure.CimSystemProperties")),
                ("CimClassName", .string(cimClass.name)),
            ], view: Self.view, groupLabel: "   NameSpace: " + shown, text: shown + ":" + cimClass.name)
            try context.writeObject(.object(object))
        }
    }
}
