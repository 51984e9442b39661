import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-Acl and Set-Acl of Microsoft.PowerShell.Security, over the files of the emulated C: drive
/// and the keys of its registry.
public enum SecurityAclCommands: CommandModule {
    public static let name = "Microsoft.PowerShell.Security"
    public static let version = "3.0.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied(AclCmdlets.definitions()) }
        registration.types { AclTypes.all }
    }
}

/// One access control entry: who, which rights (FileSystemRights or RegistryRights as a number,
/// negative for the generic rights of an inheritable entry), allow or deny, and inheritance.
struct AccessRuleData {
    var identity: String
    var rights: Int64
    var allow: Bool
    var inherited: Bool
    var inheritance: Int64
    var propagation: Int64
    var registry: Bool

    var ruleType: String { registry ? AclTypes.registryRule : AclTypes.fileRule }
}

/// The security descriptor of one item, as Windows keeps it.
struct SecurityDescriptorData {
    var owner: String
    var group: String
    var rules: [AccessRuleData]
    var protected: Bool
}

/// The descriptors Set-Acl gave, by item (a provider path in lower case).
final class AclStore: EngineService {
    var descriptors: [String: SecurityDescriptorData] = [:]
    func shutdown() {}
}

enum AclTypes {
    static let fileRule = "System.Security.AccessControl.FileSystemAccessRule"
    static let registryRule = "System.Security.AccessControl.RegistryAccessRule"
    static let ntAccount = "System.Security.Principal.NTAccount"

    static let fileSystemRights: [(String, Int64)] = [
        ("ListDirectory", 1), ("ReadData", 1), ("CreateFiles", 2), ("WriteData", 2), ("AppendData", 4), ("CreateDirectories", 4),
        ("ReadExtendedAttributes", 8), ("WriteExtendedAttributes", 16), ("ExecuteFile", 32), ("Traverse", 32),
        ("DeleteSubdirectoriesAndFiles", 64), ("ReadAttributes", 128), ("WriteAttributes", 256), ("Write", 278),
        ("Delete", 65536), ("ReadPermissions", 131072), ("Read", 131209), ("ReadAndExecute", 131241), ("Modify", 197055),
        ("ChangePermissions", 262144), ("TakeOwnership", 524288), ("Synchronize", 1048576), ("FullControl", 2032127)]
    static let registryRights: [(String, Int64)] = [
        ("QueryValues", 1), ("SetValue", 2), ("CreateSubKey", 4), ("EnumerateSubKeys", 8), ("Notify", 16), ("CreateLink", 32),
        ("Delete", 65536), ("ReadPermissions", 131072), ("WriteKey", 131078), ("ExecuteKey", 131097), ("ReadKey", 131097),
        ("ChangePermissions", 262144), ("TakeOwnership", 524288), ("FullControl", 983103)]

    /// An instance of one of these types.
    static func make(_ engine: Engine, _ typeName: String, _ payload: Any) -> PSValue {
        guard let type = engine.types.type(named: typeName) else { return .null }
        return .object(DotNetObject(type, payload: payload, engine: engine))
    }

    static var all: [DotNetType] {
        [
            DotNetType("System.Security.AccessControl.FileSystemRights", kind: .enumeration(flags: true)) { $0.values(fileSystemRights) },
            DotNetType("System.Security.AccessControl.RegistryRights", kind: .enumeration(flags: true)) { $0.values(registryRights) },
            DotNetType("System.Security.AccessControl.AccessControlType", kind: .enumeration(flags: false)) { $0.values(["Allow", "Deny"]) },
            DotNetType("System.Security.AccessControl.InheritanceFlags", kind: .enumeration(flags: true)) {
                $0.values([("None", 0), ("ContainerInherit", 1), ("ObjectInherit", 2)])
            },
            DotNetType("System.Security.AccessControl.PropagationFlags", kind: .enumeration(flags: true)) {
                $0.values([("None", 0), ("NoPropagateInherit", 1), ("InheritOnly", 2)])
            },
            DotNetType("System.Security.Principal.IdentityReference"),
            DotNetType(ntAccount, base: "System.Security.Principal.IdentityReference") { t in
                t.constructor("string name") { c in c.make(ntAccount, c.text(0)) }
                t.constructor("string domainName, string accountName") { c in c.make(ntAccount, c.text(0) + "\\" + c.text(1)) }
                t.property("Value", "string") { c in .string(c.payload(String.self) ?? "") }
                t.method("ToString", "string") { c in .string(c.payload(String.self) ?? "") }
            },
            DotNetType("System.Security.AccessControl.AuthorizationRule"),
            DotNetType("System.Security.AccessControl.AccessRule", base: "System.Security.AccessControl.AuthorizationRule"),
            rule(fileRule, rightsName: "FileSystemRights", registry: false),
            rule(registryRule, rightsName: "RegistryRights", registry: true),
        ]
    }

    static func rule(_ name: String, rightsName: String, registry: Bool) -> DotNetType {
        let rightsType = "System.Security.AccessControl." + rightsName
        return DotNetType(name, base: "System.Security.AccessControl.AccessRule") { t in
            // An allowing file system rule always carries Synchronize, as .NET's constructor adds it.
            @Sendable func rights(_ value: Int64, allow: Bool) -> Int64 { registry || !allow ? value : value | 1_048_576 }
            t.constructor("string identity, \(rightsType) rights, System.Security.AccessControl.AccessControlType type") { c in
                c.make(name, AccessRuleData(identity: c.text(0), rights: rights(c.enumValue(1), allow: c.enumValue(2) == 0),
                                            allow: c.enumValue(2) == 0, inherited: false, inheritance: 0, propagation: 0, registry: registry))
            }
            t.constructor("string identity, \(rightsType) rights, System.Security.AccessControl.InheritanceFlags inheritanceFlags, System.Security.AccessControl.PropagationFlags propagationFlags, System.Security.AccessControl.AccessControlType type") { c in
                c.make(name, AccessRuleData(identity: c.text(0), rights: rights(c.enumValue(1), allow: c.enumValue(4) == 0),
                                            allow: c.enumValue(4) == 0, inherited: false,
                                            inheritance: c.enumValue(2), propagation: c.enumValue(3), registry: registry))
            }
            t.property(rightsName, rightsType) { c in c.enumeration(rightsType, c.payload(AccessRuleData.self)?.rights ?? 0) }
            t.property("AccessControlType", "System.Security.AccessControl.AccessControlType") { c in
                c.enumeration("System.Security.AccessControl.AccessControlType", c.payload(AccessRuleData.self)?.allow ?? true ? 0 : 1)
            }
            t.property("IdentityReference", "System.Security.Principal.IdentityReference") { c in
                c.make(ntAccount, c.payload(AccessRuleData.self)?.identity ?? "")
            }
            t.property("IsInherited", "bool") { c in .bool(c.payload(AccessRuleData.self)?.inherited ?? false) }
            t.property("InheritanceFlags", "System.Security.AccessControl.InheritanceFlags") { c in
                c.enumeration("System.Security.AccessControl.InheritanceFlags", c.payload(AccessRuleData.self)?.inheritance ?? 0)
            }
            t.property("PropagationFlags", "System.Security.AccessControl.PropagationFlags") { c in
                c.enumeration("System.Security.AccessControl.PropagationFlags", c.payload(AccessRuleData.self)?.propagation ?? 0)
            }
        }
    }
}

enum AclCmdlets {
    static let notMapped = DotNetException("System.Security.Principal.IdentityNotMappedException",
                                           "Some or all identity references could not be translated.")

    static func definitions() -> [CmdletDefinition] {
        let path = ParameterMetadata("Path", .array(.string), position: 0, valueFromPipelineByPropertyName: true, parameterSets: ["ByPath"],
                                     help: "Specifies the paths of the items whose security descriptor is read (wildcards allowed).")
        let literal = ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath", "LP"], valueFromPipelineByPropertyName: true,
                                        parameterSets: ["ByLiteralPath"], help: "Specifies the paths exactly as typed.")
        return [
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-Acl", module: SecurityAclCommands.name,
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.GetAclCommand"),
                parameters: [path, literal,
                             ParameterMetadata("Audit", .switchParameter, help: "Gets the audit data of the security descriptor."),
                             ParameterMetadata("AllCentralAccessPolicies", .switchParameter, help: "Gets the central access policies."),
                             ParameterMetadata("Filter", .string), ParameterMetadata("Include", .array(.string)),
                             ParameterMetadata("Exclude", .array(.string))],
                defaultParameterSet: "ByPath",
                synopsis: "Gets the security descriptor for a resource, such as a file or registry key.",
                description: "Gets the owner, group and access rules of files, folders and registry keys. Without a path, the current location's.",
                examples: [HelpExample(code: "Get-Acl C:\\Windows", remarks: "Shows the owner and access of a folder."),
                           HelpExample(code: "(Get-Acl HKLM:\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters).Access",
                                       remarks: "Lists the access rules of a registry key.")],
                outputType: "System.Security.AccessControl.FileSecurity")) { GetAcl() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Set-Acl", module: SecurityAclCommands.name,
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.SetAclCommand"),
                parameters: [path, literal,
                             ParameterMetadata("AclObject", .object, position: 1, mandatory: true, valueFromPipeline: true,
                                               valueFromPipelineByPropertyName: true, help: "Specifies the security descriptor to apply."),
                             ParameterMetadata("Passthru", .switchParameter, help: "Returns the security descriptor that was set."),
                             ParameterMetadata("ClearCentralAccessPolicy", .switchParameter),
                             ParameterMetadata("Filter", .string), ParameterMetadata("Include", .array(.string)),
                             ParameterMetadata("Exclude", .array(.string))],
                supportsShouldProcess: true, defaultParameterSet: "ByPath",
                synopsis: "Changes the security descriptor of a specified item, such as a file or a registry key.",
                description: "Applies the owner, group and access rules of a security descriptor (from Get-Acl, changed) to files, folders and registry keys.",
                examples: [HelpExample(code: "$acl = Get-Acl C:\\Data; $acl.SetAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule('Everyone','Read','Allow'))); Set-Acl C:\\Data $acl",
                                       remarks: "Grants Everyone read access to C:\\Data."),
                           HelpExample(code: "Get-Acl C:\\Data | Set-Acl C:\\Public", remarks: "Copies the security descriptor of one folder to another.")])) { SetAcl() },
        ]
    }

    /// The items a -Path or -LiteralPath names (the current location without either), with
    /// Get-Acl's error for a path that does not exist.
    static func items(_ context: CommandContext, errorId: String) throws -> [ItemPath] {
        let engine = context.engine
        let literal = context.has("LiteralPath")
        let texts = NetworkCmdlets.texts(context, literal ? "LiteralPath" : "Path") ?? ["."]
        var result: [ItemPath] = []
        for text in texts {
            let paths: [ItemPath]
            do { paths = try engine.resolvePaths(text, literal: literal) } catch {
                try context.writeError(pathNotFound(context, text, errorId))
                continue
            }
            if paths.isEmpty && WildcardPattern.hasWildcards(text) && !literal { continue }
            for path in paths {
                guard path.provider.itemExists(path.providerPath, engine) else {
                    try context.writeError(pathNotFound(context, text, errorId))
                    continue
                }
                guard ["FileSystem", "Registry"].contains(path.provider.name) else {
                    try context.writeError(context.errorRecord(message: "The method or operation is not implemented.",
                        errorId: errorId.replacing("PathNotFound_Exception", with: "OperationNotSupported"),
                        category: .NotImplemented, exceptionType: "System.NotSupportedException", target: .string(path.path)))
                    continue
                }
                result.append(path)
            }
        }
        return result
    }

    static func pathNotFound(_ context: CommandContext, _ path: String, _ errorId: String) -> ErrorRecord {
        context.errorRecord(message: Messages.fill(ProviderMessages.pathNotFound, [path]), errorId: errorId,
                            category: .ObjectNotFound, exceptionType: "System.Management.Automation.ItemNotFoundException")
    }

    /// The descriptor an item has: as Set-Acl last set it, else as Windows creates it there.
    static func descriptor(_ path: ItemPath, _ engine: Engine) -> SecurityDescriptorData {
        if let set = engine.service(AclStore.self, create: { AclStore() }).descriptors[path.psPath.lowercased()] { return set }
        let registry = path.provider.name == "Registry"
        func rule(_ identity: String, _ rights: Int64, inheritance: Int64 = 0, propagation: Int64 = 0) -> AccessRuleData {
            AccessRuleData(identity: identity, rights: rights, allow: true, inherited: !path.components.isEmpty,
                           inheritance: inheritance, propagation: propagation, registry: registry)
        }
        if registry {
            let user = path.root.uppercased().hasSuffix("CURRENT_USER")
            let all: Int64 = 983103, read: Int64 = 131097, container: Int64 = 1
            if user {
                let me = engine.computerName + "\\" + engine.userName
                return SecurityDescriptorData(owner: me, group: engine.computerName + "\\None", rules: [
                    rule(me, all, inheritance: container), rule("NT AUTHORITY\\SYSTEM", all, inheritance: container),
                    rule("BUILTIN\\Administrators", all, inheritance: container), rule("NT AUTHORITY\\RESTRICTED", read, inheritance: container),
                ], protected: false)
            }
            return SecurityDescriptorData(owner: "NT AUTHORITY\\SYSTEM", group: "NT AUTHORITY\\SYSTEM", rules: [
                rule("NT AUTHORITY\\Authenticated Users", read, inheritance: container),
                rule("BUILTIN\\Administrators", all, inheritance: container),
                rule("NT AUTHORITY\\SYSTEM", all, inheritance: container),
                rule("CREATOR OWNER", all, inheritance: container, propagation: 2),
                rule("APPLICATION PACKAGE AUTHORITY\\ALL APPLICATION PACKAGES", read, inheritance: container),
            ], protected: false)
        }
        let system = path.components.isEmpty || path.components.first?.caseInsensitiveEquals("Windows") == true
        let owner = system ? "NT SERVICE\\TrustedInstaller" : "BUILTIN\\Administrators"
        let group = system ? "NT SERVICE\\TrustedInstaller" : engine.computerName + "\\None"
        let full: Int64 = 2032127, modify: Int64 = 1245631, readExecute: Int64 = 1179817
        guard path.provider.isContainer(path.providerPath, engine) else {
            return SecurityDescriptorData(owner: owner, group: group, rules: [
                rule("BUILTIN\\Administrators", full), rule("NT AUTHORITY\\SYSTEM", full), rule("BUILTIN\\Users", readExecute),
                rule("NT AUTHORITY\\Authenticated Users", modify),
            ], protected: false)
        }
        let both: Int64 = 3, inheritOnly: Int64 = 2
        return SecurityDescriptorData(owner: owner, group: group, rules: [
            rule("BUILTIN\\Administrators", full), rule("BUILTIN\\Administrators", 268435456, inheritance: both, propagation: inheritOnly),
            rule("NT AUTHORITY\\SYSTEM", full), rule("NT AUTHORITY\\SYSTEM", 268435456, inheritance: both, propagation: inheritOnly),
            rule("BUILTIN\\Users", readExecute, inheritance: both),
            rule("NT AUTHORITY\\Authenticated Users", modify),
            rule("NT AUTHORITY\\Authenticated Users", -536805376, inheritance: both, propagation: inheritOnly),
        ], protected: false)
    }

    /// The name Windows shows for an account a rule names (`Users` → `BUILTIN\Users`); nil when no
    /// account has that name.
    static func canonicalAccount(_ text: String, _ engine: Engine) -> String? {
        let wellKnown = ["everyone": "Everyone", "administrators": "BUILTIN\\Administrators", "users": "BUILTIN\\Users",
                         "guests": "BUILTIN\\Guests", "backup operators": "BUILTIN\\Backup Operators",
                         "authenticated users": "NT AUTHORITY\\Authenticated Users", "system": "NT AUTHORITY\\SYSTEM",
                         "network": "NT AUTHORITY\\NETWORK", "interactive": "NT AUTHORITY\\INTERACTIVE",
                         "network service": "NT AUTHORITY\\NETWORK SERVICE", "local service": "NT AUTHORITY\\LOCAL SERVICE",
                         "creator owner": "CREATOR OWNER", "anonymous logon": "NT AUTHORITY\\ANONYMOUS LOGON",
                         "trustedinstaller": "NT SERVICE\\TrustedInstaller"]
        var name = text
        if let slash = text.firstIndex(of: "\\") {
            let domain = String(text[..<slash]).uppercased()
            name = String(text[text.index(after: slash)...])
            if !["BUILTIN", "NT AUTHORITY", "NT SERVICE", ".", engine.computerName.uppercased()].contains(domain) { return nil }
        }
        if let known = wellKnown[name.lowercased()] { return known }
        if let group = LocalAccounts.group(name, engine) { return "BUILTIN\\" + group.name }
        if let user = LocalAccounts.users(engine).first(where: { $0.name.caseInsensitiveEquals(name) }) {
            return engine.computerName + "\\" + user.name
        }
        return nil
    }
}

/// A FileSecurity, DirectorySecurity or RegistrySecurity as Get-Acl writes it: the item's
/// descriptor with the members types.ps1xml and the provider add (Path, Owner, Access,
/// AccessToString, Sddl, PSPath…), shown by the FileSecurityTable view (files, grouped by folder)
/// or the ObjectSecurity view (registry keys).
final class SecurityDescriptorObject: PSObject, TableViewProvider {
    var data: SecurityDescriptorData
    let item: ItemPath
    let isContainer: Bool
    private weak var engine: Engine?

    init(_ item: ItemPath, _ data: SecurityDescriptorData, isContainer: Bool, engine: Engine) {
        self.item = item
        self.data = data
        self.isContainer = isContainer
        self.engine = engine
        let kind: [String]
        if item.provider.name == "Registry" {
            kind = ["System.Security.AccessControl.RegistrySecurity"]
        } else {
            kind = [isContainer ? "System.Security.AccessControl.DirectorySecurity" : "System.Security.AccessControl.FileSecurity",
                    "System.Security.AccessControl.FileSystemSecurity"]
        }
        super.init(typeNames: kind + ["System.Security.AccessControl.NativeObjectSecurity", "System.Security.AccessControl.CommonObjectSecurity",
                                      "System.Security.AccessControl.ObjectSecurity", "System.Object"])
    }

    var isRegistry: Bool { item.provider.name == "Registry" }

    var rightsName: String { isRegistry ? "RegistryRights" : "FileSystemRights" }

    /// `NT AUTHORITY\SYSTEM Allow  FullControl` lines (types.ps1xml's AccessToString).
    var accessToString: String {
        let type = engine.flatMap { $0.types.type(named: "System.Security.AccessControl." + rightsName) }
        return data.rules.map { rule in
            let rights = type.map { DotNetEnum.name(rule.rights, of: $0) } ?? String(rule.rights)
            return rule.identity + " " + (rule.allow ? "Allow" : "Deny") + "  " + rights
        }.joined(separator: "\n")
    }

    var sddl: String {
        func sid(_ account: String) -> String {
            let table = ["BUILTIN\\Administrators": "BA", "NT AUTHORITY\\SYSTEM": "SY", "BUILTIN\\Users": "BU", "Everyone": "WD",
                         "NT AUTHORITY\\Authenticated Users": "AU", "CREATOR OWNER": "CO", "BUILTIN\\Guests": "BG",
                         "NT AUTHORITY\\NETWORK": "NU", "NT AUTHORITY\\INTERACTIVE": "IU", "NT AUTHORITY\\RESTRICTED": "RC",
                         "APPLICATION PACKAGE AUTHORITY\\ALL APPLICATION PACKAGES": "AC",
                         "NT SERVICE\\TrustedInstaller": "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"]
            if let short = table[account] { return short }
            if account.lowercased().hasSuffix("\\none") { return LocalAccounts.machineSID + "-513" }
            if let engine, let user = LocalAccounts.users(engine).first(where: { account.caseInsensitiveEquals(engine.computerName + "\\" + $0.name) }) {
                return LocalAccounts.sid(of: user)
            }
            return account
        }
        func rights(_ rule: AccessRuleData) -> String {
            switch (rule.registry, rule.rights) {
            case (false, 2032127): return "FA"
            case (true, 983103): return "KA"
            case (true, 131097): return "KR"
            case (_, 268435456): return "GA"
            case (_, -536805376): return "SDGXGWGR"
            case (_, -2147483648): return "GR"
            default: return "0x" + String(UInt32(truncatingIfNeeded: rule.rights), radix: 16)
            }
        }
        func flags(_ rule: AccessRuleData) -> String {
            (rule.inheritance & 2 != 0 ? "OI" : "") + (rule.inheritance & 1 != 0 ? "CI" : "") + (rule.propagation & 2 != 0 ? "IO" : "")
                + (rule.propagation & 1 != 0 ? "NP" : "") + (rule.inherited ? "ID" : "")
        }
        let aces = data.rules.map { "(" + ($0.allow ? "A" : "D") + ";" + flags($0) + ";" + rights($0) + ";;;" + sid($0.identity) + ")" }
        return "O:" + sid(data.owner) + "G:" + sid(data.group) + "D:" + (data.protected ? "P" : "") + "AI" + aces.joined()
    }

    private var ruleValues: PSValue {
        guard let engine else { return .array(PSArray([])) }
        let type = isRegistry ? AclTypes.registryRule : AclTypes.fileRule
        return .array(PSArray(data.rules.map { AclTypes.make(engine, type, $0) }))
    }

    override var properties: [PSPropertyInfo] {
        let parent = item.parent
        let values: [(String, PSValue)] = [
            ("PSPath", .string(item.psPath)), ("PSParentPath", .string(parent?.psPath ?? "")),
            ("PSChildName", .string(item.name)), ("PSDrive", .string(item.drive?.name ?? "")),
            ("PSProvider", .string(item.provider.qualifiedName)),
            ("CentralAccessPolicyId", .null), ("CentralAccessPolicyName", .null),
            ("Path", .string(item.psPath)), ("Owner", .string(data.owner)), ("Group", .string(data.group)),
            ("Access", ruleValues), ("Sddl", .string(sddl)), ("AccessToString", .string(accessToString)),
            ("AuditToString", .string("")),
            ("AccessRightType", .string("System.Security.AccessControl." + rightsName)),
            ("AccessRuleType", .string(isRegistry ? AclTypes.registryRule : AclTypes.fileRule)),
            ("AuditRuleType", .string(isRegistry ? "System.Security.AccessControl.RegistryAuditRule" : "System.Security.AccessControl.FileSystemAuditRule")),
            ("AreAccessRulesProtected", .bool(data.protected)), ("AreAuditRulesProtected", .bool(false)),
            ("AreAccessRulesCanonical", .bool(true)), ("AreAuditRulesCanonical", .bool(true)),
        ]
        return values.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) }
    }

    override func property(_ name: String) -> PSValue? {
        properties.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    override var methodNames: [String] {
        ["AddAccessRule", "SetAccessRule", "RemoveAccessRule", "RemoveAccessRuleAll", "PurgeAccessRules", "SetAccessRuleProtection",
         "SetOwner", "GetOwner", "GetAccessRules", "GetSecurityDescriptorSddlForm", "SetSecurityDescriptorSddlForm", "ToString"]
    }

    private func ruleArgument(_ value: PSValue) throws -> AccessRuleData {
        guard case .object(let object as DotNetObject) = value, var rule = object.payload as? AccessRuleData else {
            throw DotNetException.argumentNull("rule")
        }
        guard let engine, let account = AclCmdlets.canonicalAccount(rule.identity, engine) else {
            throw AclCmdlets.notMapped
        }
        rule.identity = account
        return rule
    }

    override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        func argument(_ i: Int) -> PSValue { i < arguments.count ? arguments[i] : .null }
        switch name.lowercased() {
        case "addaccessrule":
            let rule = try ruleArgument(argument(0))
            if let index = data.rules.firstIndex(where: { !$0.inherited && $0.identity == rule.identity && $0.allow == rule.allow
                                                             && $0.inheritance == rule.inheritance && $0.propagation == rule.propagation }) {
                data.rules[index].rights |= rule.rights
            } else {
                insert(rule)
            }
            return .null
        case "setaccessrule":
            let rule = try ruleArgument(argument(0))
            data.rules.removeAll { !$0.inherited && $0.identity == rule.identity && $0.allow == rule.allow }
            insert(rule)
            return .null
        case "removeaccessrule":
            let rule = try ruleArgument(argument(0))
            let before = data.rules
            for index in data.rules.indices.reversed() where !data.rules[index].inherited && data.rules[index].identity == rule.identity
                && data.rules[index].allow == rule.allow {
                data.rules[index].rights &= ~rule.rights
                if data.rules[index].rights == 0 { data.rules.remove(at: index) }
            }
            return .bool(before.count != data.rules.count || before.map(\.rights) != data.rules.map(\.rights))
        case "removeaccessruleall":
            let rule = try ruleArgument(argument(0))
            data.rules.removeAll { !$0.inherited && $0.identity == rule.identity && $0.allow == rule.allow }
            return .null
        case "purgeaccessrules":
            let identity = LanguagePrimitives.toString(argument(0))
            let account = engine.flatMap { AclCmdlets.canonicalAccount(identity, $0) } ?? identity
            data.rules.removeAll { !$0.inherited && $0.identity.caseInsensitiveEquals(account) }
            return .null
        case "setaccessruleprotection":
            let protect = LanguagePrimitives.isTrue(argument(0)), keep = LanguagePrimitives.isTrue(argument(1))
            data.protected = protect
            if protect {
                if keep {
                    for index in data.rules.indices { data.rules[index].inherited = false }
                } else {
                    data.rules.removeAll { $0.inherited }
                }
            }
            return .null
        case "setowner":
            let identity = LanguagePrimitives.toString(argument(0))
            guard let engine, let account = AclCmdlets.canonicalAccount(identity, engine) else {
                throw AclCmdlets.notMapped
            }
            data.owner = account
            return .null
        case "getowner":
            guard let engine else { return .null }
            return AclTypes.make(engine, AclTypes.ntAccount, data.owner)
        case "getaccessrules":
            let explicit = arguments.isEmpty || LanguagePrimitives.isTrue(argument(0))
            let inherited = arguments.count < 2 || LanguagePrimitives.isTrue(argument(1))
            guard let engine else { return .null }
            let type = isRegistry ? AclTypes.registryRule : AclTypes.fileRule
            return .array(PSArray(data.rules.filter { $0.inherited ? inherited : explicit }.map { AclTypes.make(engine, type, $0) }))
        case "getsecuritydescriptorsddlform":
            return .string(sddl)
        case "tostring":
            return .string(toString())
        default:
            return nil
        }
    }

    /// Windows keeps explicit entries before inherited ones, denials first.
    private func insert(_ rule: AccessRuleData) {
        let index = rule.allow ? (data.rules.firstIndex { $0.inherited } ?? data.rules.count) : 0
        data.rules.insert(rule, at: index)
    }

    override func toString() -> String { typeNames.first ?? "System.Object" }

    // The view: files are grouped by folder and show the item's name; keys show the whole path.
    var tableViewName: String { isRegistry ? "System.Security.AccessControl.ObjectSecurity" : "FileSecurityTable" }

    var tableHeader: TableHeaderInfo {
        TableHeaderInfo(labels: ["Path", "Owner", "Access"], widths: [0, 0, 0], alignments: [.left, .left, .left])
    }

    func tableRow(display: (PSValue) -> String) -> [String] {
        [isRegistry ? item.psPath : item.name, data.owner, accessToString]
    }

    var tableGroupLabel: String? {
        guard !isRegistry else { return nil }
        return "    Directory: " + (item.parent?.providerPath ?? "") + "\n"
    }
}

final class GetAcl: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let errorId = context.has("LiteralPath") ? "GetAcl_PathNotFound" : "GetAcl_PathNotFound_Exception"
        for item in try AclCmdlets.items(context, errorId: errorId) {
            let descriptor = AclCmdlets.descriptor(item, engine)
            try context.writeObject(.object(SecurityDescriptorObject(item, descriptor, isContainer: item.provider.isContainer(item.providerPath, engine),
                                                                     engine: engine)))
        }
    }
}

final class SetAcl: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard case .object(let acl as SecurityDescriptorObject)? = context.value("AclObject") else {
            return try context.writeError(context.errorRecord(message: "Value does not fall within the expected range.",
                errorId: "SetAcl_AclObject", category: .InvalidArgument, exceptionType: "System.ArgumentException",
                target: context.value("AclObject") ?? .null))
        }
        for item in try AclCmdlets.items(context, errorId: "SetAcl_PathNotFound_Exception") {
            guard item.provider.name == acl.item.provider.name else {
                try context.writeError(context.errorRecord(message: "The security descriptor is not valid for this item.",
                    errorId: "SetAcl_OperationNotSupported", category: .InvalidArgument, exceptionType: "System.ArgumentException",
                    target: .string(item.path)))
                continue
            }
            guard try context.shouldProcess(target: item.path) else { continue }
            engine.service(AclStore.self, create: { AclStore() }).descriptors[item.psPath.lowercased()] = acl.data
            if context.switchValue("Passthru") {
                try context.writeObject(.object(SecurityDescriptorObject(item, acl.data, isContainer: item.provider.isContainer(item.providerPath, engine),
                                                                         engine: engine)))
            }
        }
    }
}
