import ShellEngine

/// Microsoft.PowerShell.Security: secure strings, credentials and execution policies.
public enum MicrosoftPowerShellSecurity: CommandModule {
    public static let name = "Microsoft.PowerShell.Security"
    public static let version = "3.0.0.0"

    public static func register(in registration: ModuleRegistration) {
        registration.commands { definitions().map { $0.withHelp(SecurityHelp.table[$0.metadata.name]) } }
    }

    static func definitions() -> [CmdletDefinition] {
        let policy = ParameterType.enumeration(typeName: "Microsoft.PowerShell.ExecutionPolicy",
                                                          values: ExecutionPolicyStore.policies)
        let scope = ParameterType.enumeration(typeName: "Microsoft.PowerShell.ExecutionPolicyScope",
                                                         values: ExecutionPolicyStore.scopes)
        return [
            CmdletDefinition(metadata: compiled("ConvertTo-SecureString", "ConvertToSecureStringCommand",
                [ParameterMetadata("String", .string, position: 0, mandatory: true, valueFromPipeline: true),
                 ParameterMetadata("AsPlainText", .switchParameter, position: 1), ParameterMetadata("Force", .switchParameter, position: 2),
                 ParameterMetadata("SecureKey", .object), ParameterMetadata("Key", .array(.byte))],
                synopsis: "Converts plain text or encrypted strings to secure strings.")) { ConvertToSecureString() },
            CmdletDefinition(metadata: compiled("ConvertFrom-SecureString", "ConvertFromSecureStringCommand",
                [ParameterMetadata("SecureString", .object, position: 0, mandatory: true, valueFromPipeline: true),
                 ParameterMetadata("SecureKey", .object), ParameterMetadata("Key", .array(.byte))],
                synopsis: "Converts a secure string to an encrypted standard string.")) { ConvertFromSecureString() },
            CmdletDefinition(metadata: compiled("Get-ExecutionPolicy", "GetExecutionPolicyCommand",
                [ParameterMetadata("Scope", scope, position: 0, valueFromPipelineByPropertyName: true),
                 ParameterMetadata("List", .switchParameter)],
                synopsis: "Gets the execution policies for the current session.")) { GetExecutionPolicy() },
            CmdletDefinition(metadata: compiled("Set-ExecutionPolicy", "SetExecutionPolicyCommand",
                [ParameterMetadata("ExecutionPolicy", policy, position: 0, mandatory: true, valueFromPipelineByPropertyName: true),
                 ParameterMetadata("Scope", scope, position: 1, valueFromPipelineByPropertyName: true),
                 ParameterMetadata("Force", .switchParameter)],
                synopsis: "Changes the user preference for the Windows PowerShell execution policy.",
                shouldProcess: true)) { SetExecutionPolicy() },
            CmdletDefinition(metadata: compiled("Get-Credential", "GetCredentialCommand",
                [ParameterMetadata("Credential", .object, position: 0), ParameterMetadata("Message", .string),
                 ParameterMetadata("UserName", .string), ParameterMetadata("Title", .string)],
                synopsis: "Gets a credential object based on a user name and password.")) { GetCredential() },
        ]
    }
}

/// System.Security.SecureString: its characters are never shown; it prints as its type name.
final class SecureStringObject: PSObject {
    let characters: [UInt16]

    init(_ text: String) {
        characters = Array(text.utf16)
        super.init(typeNames: ["System.Security.SecureString", "System.Object"])
    }

    override func property(_ name: String) -> PSValue? {
        name.caseInsensitiveEquals("Length") ? .int32(Int32(clamping: characters.count)) : nil
    }

    override var methodNames: [String] { ["AppendChar", "Clear", "Copy", "Dispose", "IsReadOnly", "MakeReadOnly"] }

    override func toString() -> String { "System.Security.SecureString" }

    var plainText: String { String(decoding: characters, as: UTF16.self) }
}

/// ConvertTo-SecureString: `-AsPlainText` needs `-Force` in Windows PowerShell 5.1; without it the
/// input is an encrypted standard string as ConvertFrom-SecureString wrote it.
final class ConvertToSecureString: Cmdlet {
    static let forceRequired = "The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString."

    func process(_ context: CommandContext, input: PSValue?) throws {
        let text = context.string("String") ?? ""
        if context.switchValue("AsPlainText") {
            guard context.switchValue("Force") else {
                try context.writeError(context.errorRecord(message: Self.forceRequired, errorId: "ImportSecureString_ForceRequired",
                                                           category: .InvalidArgument, exceptionType: "System.ArgumentException"))
                return
            }
            try context.writeObject(.object(SecureStringObject(text)))
            return
        }
        guard let plain = EncryptedString.decode(text) else {
            try context.writeError(context.errorRecord(message: "Input string was not in a correct format.",
                                                       errorId: "ImportSecureString_InvalidArgument", category: .InvalidArgument,
                                                       exceptionType: "System.FormatException", target: .null))
            return
        }
        try context.writeObject(.object(SecureStringObject(plain)))
    }
}

final class ConvertFromSecureString: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard case .object(let secure as SecureStringObject)? = context.value("SecureString") else {
            let text = context.string("SecureString") ?? ""
            try context.writeError(context.errorRecord(
                message: "Cannot bind parameter 'SecureString'. Cannot convert the \"\(text)\" value of type \"System.String\" to type \"System.Security.SecureString\".",
                errorId: "CannotConvertArgumentNoMessage", category: .InvalidArgument,
                exceptionType: "System.Management.Automation.ParameterBindingException"))
            return
        }
        try context.writeObject(.string(EncryptedString.encode(secure.plainText)))
    }
}

/// The encrypted standard string form: a DPAPI-style blob in hexadecimal. The shell's blob is
/// only meant to be read back by the shell (the DPAPI keys of the emulated user do not exist).
enum EncryptedString {
    static let header = "01000000d08c9ddf0115d1118c7a00c04fc297eb01000000"

    static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        for (i, unit) in text.utf16.enumerated() {
            let mask = UInt8(truncatingIfNeeded: 0x5A &+ i &* 31)
            bytes.append(UInt8(truncatingIfNeeded: unit) ^ mask)
            bytes.append(UInt8(truncatingIfNeeded: unit >> 8) ^ mask)
        }
        return header + bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    static func decode(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix(header) else { return nil }
        let body = Array(lower.dropFirst(header.count))
        guard body.count % 4 == 0 else { return nil }
        var units: [UInt16] = []
        var index = 0
        while index + 3 < body.count {
            guard let low = UInt8(String(body[index..<index + 2]), radix: 16),
                  let high = UInt8(String(body[index + 2..<index + 4]), radix: 16) else { return nil }
            let mask = UInt8(truncatingIfNeeded: 0x5A &+ units.count &* 31)
            units.append(UInt16(low ^ mask) | UInt16(high ^ mask) << 8)
            index += 4
        }
        return String(decoding: units, as: UTF16.self)
    }
}

/// The execution policy of each scope, for this session (Process) and the emulated machine.
final class ExecutionPolicyStore: EngineService {
    static let policies = ["Unrestricted", "RemoteSigned", "AllSigned", "Restricted", "Default", "Bypass", "Undefined"]
    static let scopes = ["Process", "CurrentUser", "LocalMachine", "UserPolicy", "MachinePolicy"]
    /// `-List` order: the most specific scope first.
    static let listOrder = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"]

    /// LocalMachine and CurrentUser outlive the session (Windows keeps them in HKLM and HKCU): they
    /// are kept in the emulated host's state folder, one `Scope=Policy` line each.
    static let persistedScopes = ["CurrentUser", "LocalMachine"]
    private let file: String?

    var policy: [String: String] = [:] {
        didSet { saveFailed = !save() }
    }
    /// The last change could not be written (the file is a folder, read-only, ...).
    private(set) var saveFailed = false
    /// Where Windows keeps each persisted scope.
    static let registryKeys = [
        "LocalMachine": "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\PowerShell\\1\\ShellIds\\Microsoft.PowerShell",
        "CurrentUser": "HKEY_CURRENT_USER\\Software\\Microsoft\\PowerShell\\1\\ShellIds\\Microsoft.PowerShell",
    ]

    init(file: String? = nil) {
        self.file = file
        guard let file, let bytes = FileSystemHelpers.read(file) else { return }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, Self.persistedScopes.contains(parts[0]), Self.policies.contains(parts[1]) else { continue }
            policy[parts[0]] = parts[1]
        }
    }

    private func save() -> Bool {
        guard let file else { return true }
        let lines = Self.persistedScopes.compactMap { scope in policy[scope].map { scope + "=" + $0 + "\n" } }
        try? FileSystemHelpers.makeFolder(for: file)
        return FileSystemHelpers.write(file, Array(lines.joined().utf8))
    }

    func shutdown() {}

    static func of(_ engine: Engine) -> ExecutionPolicyStore {
        engine.service(ExecutionPolicyStore.self) {
            ExecutionPolicyStore(file: engine.configuration.stateFolder + "/execution-policy")
        }
    }

    func get(_ scope: String) -> String { policy[scope] ?? "Undefined" }

    /// The policy in force: the first defined scope in precedence order; Restricted when none is.
    var effective: String {
        for scope in Self.listOrder where get(scope) != "Undefined" { return get(scope) }
        return "Restricted"
    }

    static func canonical(_ text: String, in names: [String]) -> String {
        names.first { $0.caseInsensitiveEquals(text) } ?? text
    }
}

final class GetExecutionPolicy: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let store = ExecutionPolicyStore.of(context.engine)
        if context.switchValue("List") {
            guard !context.has("Scope") else {
                try context.throwTerminatingError(context.errorRecord(
                    message: "Cannot get execution policy. Specify only the List or Scope parameters.", errorId: "ListAndScopeSpecified",
                    category: .InvalidOperation, exceptionType: "System.InvalidOperationException"))
            }
            for scope in ExecutionPolicyStore.listOrder {
                let row = PSCustomObject(typeNames: ["System.Management.Automation.PSCustomObject", "System.Object"])
                row.add("Scope", .string(scope), typeName: "Microsoft.PowerShell.ExecutionPolicyScope")
                row.add("ExecutionPolicy", .string(store.get(scope)), typeName: "Microsoft.PowerShell.ExecutionPolicy")
                try context.writeObject(.object(row))
            }
            return
        }
        if let scope = context.string("Scope") {
            try context.writeObject(.string(store.get(ExecutionPolicyStore.canonical(scope, in: ExecutionPolicyStore.scopes))))
        } else {
            try context.writeObject(.string(store.effective))
        }
    }
}

final class SetExecutionPolicy: Cmdlet {
    static let caption = "Execution Policy Change"
    static let query = "The execution policy helps protect you from scripts that you do not trust. Changing the execution policy might expose you to the security risks described in the about_Execution_Policies help topic at https:/go.microsoft.com/fwlink/?LinkID=135170. Do you want to change the execution policy?"
    static let overridden = "Windows PowerShell updated your execution policy successfully, but the setting is overridden by a policy defined at a more specific scope.  Due to the override, your shell will retain its current effective execution policy of {0}. Type \"Get-ExecutionPolicy -List\" to view your execution policy settings. For more information please see \"Get-Help Set-ExecutionPolicy\"."

    func process(_ context: CommandContext, input: PSValue?) throws {
        let store = ExecutionPolicyStore.of(context.engine)
        var policy = ExecutionPolicyStore.canonical(context.string("ExecutionPolicy") ?? "", in: ExecutionPolicyStore.policies)
        if policy == "Default" { policy = "Undefined" }
        let scope = ExecutionPolicyStore.canonical(context.string("Scope") ?? "LocalMachine", in: ExecutionPolicyStore.scopes)
        if scope == "MachinePolicy" || scope == "UserPolicy" {
            try context.throwTerminatingError(context.errorRecord(
                message: "Cannot set execution policy. Execution policies at the MachinePolicy or UserPolicy scopes must be set through Group Policy.",
                errorId: "CantSetGroupPolicy", category: .InvalidOperation, exceptionType: "System.ArgumentException"))
        }
        guard try context.shouldProcess(target: policy, action: nil) else { return }
        if !context.switchValue("Force") && context.engine.host.isInteractive {
            switch try context.engine.promptForChoice(caption: Self.caption, message: Self.query, context: context) {
            case .no, .noToAll: return
            case .yes, .yesToAll: break
            }
        }
        let before = store.policy[scope]
        store.policy[scope] = policy == "Undefined" ? nil : policy
        if store.saveFailed, ExecutionPolicyStore.persistedScopes.contains(scope) {
            // The registry write failed: the policy stays as it was, as on Windows.
            store.policy[scope] = before
            try context.throwTerminatingError(context.errorRecord(
                message: "Access to the registry key '\(ExecutionPolicyStore.registryKeys[scope] ?? scope)' is denied.",
                errorId: "System.UnauthorizedAccessException", category: .PermissionDenied,
                exceptionType: "System.UnauthorizedAccessException"))
        }
        let specific = ExecutionPolicyStore.listOrder.prefix { $0 != scope }
        if let overriding = specific.first(where: { store.get($0) != "Undefined" }), store.get(overriding) != policy {
            let record = context.errorRecord(message: Messages.fill(Self.overridden, [store.effective]),
                                             errorId: "ExecutionPolicyOverride", category: .PermissionDenied,
                                             exceptionType: "System.Security.SecurityException")
            try context.throwTerminatingError(record)
        }
    }
}

/// Get-Credential: the console prompt for a user name and password; non-interactive sessions get
/// Windows PowerShell 5.1's error.
final class GetCredential: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard engine.host.isInteractive else {
            try context.throwTerminatingError(context.errorRecord(message: Messages.template("ReadFailsOnNonInteractiveFlag"),
                errorId: "InvalidOperation", category: .InvalidOperation,
                exceptionType: "System.Management.Automation.PSInvalidOperationException"))
        }
        let title = context.string("Title") ?? "Windows PowerShell credential request"
        let message = context.string("Message") ?? "Enter your credentials."
        engine.host.write("\n" + title + "\n" + message + "\n", stream: .host)
        var user = context.string("UserName") ?? context.string("Credential") ?? ""
        if user.isEmpty {
            engine.host.write("User: ", stream: .host)
            guard case .line(let text) = engine.host.readLine() else { throw EvalError.stopped }
            user = text
        }
        engine.host.write("Password for user \(user): ", stream: .host)
        guard case .line(let password) = engine.host.readLine() else { throw EvalError.stopped }
        try context.writeObject(.object(CredentialObject(user: user, password: SecureStringObject(password))))
    }
}

/// System.Management.Automation.PSCredential.
final class CredentialObject: PSObject {
    let user: String
    let password: SecureStringObject

    init(user: String, password: SecureStringObject) {
        self.user = user
        self.password = password
        super.init(typeNames: ["System.Management.Automation.PSCredential", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "UserName", value: .string(user)),
         PSPropertyInfo(name: "Password", value: .object(password), typeName: "System.Security.SecureString")]
    }

    override var methodNames: [String] { ["GetNetworkCredential"] }

    override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        guard name.caseInsensitiveEquals("GetNetworkCredential") else { return nil }
        let network = PSCustomObject(typeNames: ["System.Net.NetworkCredential", "System.Object"])
        var domain = ""
        var name = user
        if let slash = user.firstIndex(of: "\\") {
            domain = String(user[..<slash])
            name = String(user[user.index(after: slash)...])
        }
        network.add("UserName", .string(name))
        network.add("Domain", .string(domain))
        network.add("Password", .string(password.plainText))
        network.add("SecurePassword", .object(password))
        return .object(network)
    }
}
