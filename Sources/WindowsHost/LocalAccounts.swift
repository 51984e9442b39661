import EmulatedHost
import ShellEngine

/// Microsoft.PowerShell.LocalAccounts 1.0.0.0: the local users and groups of the emulated host
/// (an account enabled or disabled keeps that state for the rest of the session).
public enum LocalAccountsModule: CommandModule {
    public static let name = "Microsoft.PowerShell.LocalAccounts"
    public static let version = "1.0.0.0"

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied(LocalAccountCmdlets.definitions()) }
        registration.aliases(["glu": "Get-LocalUser", "glg": "Get-LocalGroup", "glgm": "Get-LocalGroupMember"])
    }
}

enum LocalAccountCmdlets {
    static let userType = "Microsoft.PowerShell.Commands.LocalUser"
    static let groupType = "Microsoft.PowerShell.Commands.LocalGroup"
    static let principalType = "Microsoft.PowerShell.Commands.LocalPrincipal"

    static func definitions() -> [CmdletDefinition] {
        func define(_ noun: String, _ parameters: [ParameterMetadata], defaultSet: String?, synopsis: String, description: String,
                    examples: [HelpExample], output: String, _ make: @escaping () -> Cmdlet) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-" + noun, module: LocalAccountsModule.name,
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.Get\(noun)Command"),
                parameters: parameters, defaultParameterSet: defaultSet, synopsis: synopsis, description: description,
                examples: examples, outputType: output), make: make)
        }
        func names(_ noun: String) -> [ParameterMetadata] {
            [ParameterMetadata("Name", .array(.string), position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true,
                               parameterSets: ["Default"], help: "Specifies the names of the \(noun)s to get (wildcards allowed)."),
             ParameterMetadata("SID", .array(.string), position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true,
                               parameterSets: ["SecurityIdentifier"], help: "Specifies the security identifiers of the \(noun)s to get.")]
        }
        func toggle(_ verb: String) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(
                name: verb + "-LocalUser", module: LocalAccountsModule.name,
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.\(verb)LocalUserCommand"),
                parameters: [
                    ParameterMetadata("InputObject", .array(.object), position: 0, mandatory: true, valueFromPipeline: true,
                                      parameterSets: ["InputObject"], help: "Specifies the accounts as objects from Get-LocalUser."),
                    ParameterMetadata("Name", .array(.string), position: 0, mandatory: true, valueFromPipeline: true,
                                      valueFromPipelineByPropertyName: true, parameterSets: ["Default"], help: "Specifies the names of the accounts."),
                    ParameterMetadata("SID", .array(.string), position: 0, mandatory: true, valueFromPipeline: true,
                                      parameterSets: ["SecurityIdentifier"], help: "Specifies the security identifiers of the accounts."),
                ], supportsShouldProcess: true, defaultParameterSet: "Default",
                synopsis: verb == "Enable" ? "Enables a local user account." : "Disables a local user account.",
                description: verb == "Enable" ? "Enables local user accounts so they can sign in." : "Disables local user accounts so they cannot sign in.",
                examples: [HelpExample(code: "\(verb)-LocalUser -Name Guest", remarks: "\(verb)s the Guest account."),
                           HelpExample(code: "Get-LocalUser Guest | \(verb)-LocalUser", remarks: "\(verb)s the account Get-LocalUser returns.")]),
                make: { ToggleLocalUser(enable: verb == "Enable") })
        }
        func membership(_ verb: String) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(
                name: verb + "-LocalGroupMember", module: LocalAccountsModule.name,
                implementation: .compiled(className: "Microsoft.PowerShell.Commands.\(verb)LocalGroupMemberCommand"),
                parameters: [
                    ParameterMetadata("Group", .string, position: 0, mandatory: true, parameterSets: ["Group"],
                                      help: "Specifies the security group."),
                    ParameterMetadata("Name", .string, position: 0, mandatory: true, parameterSets: ["Default"],
                                      help: "Specifies the name of the security group."),
                    ParameterMetadata("SID", .string, position: 0, mandatory: true, parameterSets: ["SecurityIdentifier"],
                                      help: "Specifies the security identifier of the security group."),
                    ParameterMetadata("Member", .array(.string), position: 1, mandatory: true, valueFromPipeline: true,
                                      help: "Specifies the users or groups to \(verb == "Add" ? "add" : "remove")."),
                ], supportsShouldProcess: true, defaultParameterSet: "Default",
                synopsis: verb == "Add" ? "Adds members to a local group." : "Removes members from a local group.",
                description: verb == "Add" ? "Adds users to a local security group (for the session)." : "Removes users from a local security group (for the session).",
                examples: [HelpExample(code: "\(verb)-LocalGroupMember -Group Administrators -Member Guest", remarks: "\(verb == "Add" ? "Adds Guest to" : "Removes Guest from") the administrators."),
                           HelpExample(code: "\(verb)-LocalGroupMember -Name Users -Member 'COMPUTER\\User1'", remarks: "\(verb == "Add" ? "Adds a user to" : "Removes a user from") Users.")]),
                make: { ChangeLocalGroupMember(add: verb == "Add") })
        }
        return [
            toggle("Enable"), toggle("Disable"), membership("Add"), membership("Remove"),
            define("LocalUser", names("user account"), defaultSet: "Default",
                   synopsis: "Gets local user accounts.",
                   description: "Gets the local user accounts of the computer: the built-in accounts and the accounts created on it.",
                   examples: [HelpExample(code: "Get-LocalUser", remarks: "Lists every local account with whether it is enabled."),
                              HelpExample(code: "Get-LocalUser -Name Guest | Select-Object Name, Enabled", remarks: "Shows whether the Guest account is enabled.")],
                   output: userType) { GetLocalAccount(kind: .user) },
            define("LocalGroup", names("security group"), defaultSet: "Default",
                   synopsis: "Gets the local security groups.",
                   description: "Gets the local security groups of the computer, the built-in groups among them.",
                   examples: [HelpExample(code: "Get-LocalGroup", remarks: "Lists every local group with its description."),
                              HelpExample(code: "Get-LocalGroup -Name Administrators", remarks: "Gets the Administrators group.")],
                   output: groupType) { GetLocalAccount(kind: .group) },
            define("LocalGroupMember", [
                ParameterMetadata("Group", .string, position: 0, mandatory: true, valueFromPipeline: true, parameterSets: ["Group"],
                                  help: "Specifies the security group whose members are listed."),
                ParameterMetadata("Name", .string, position: 0, mandatory: true, parameterSets: ["Default"],
                                  help: "Specifies the name of the security group whose members are listed."),
                ParameterMetadata("SID", .string, position: 0, mandatory: true, parameterSets: ["SecurityIdentifier"],
                                  help: "Specifies the security identifier of the security group whose members are listed."),
                ParameterMetadata("Member", .string, position: 1, help: "Specifies a user or group to look for in the group (wildcards allowed)."),
            ], defaultSet: "Default",
               synopsis: "Gets members from a local group.",
               description: "Gets the users and groups that are members of a local security group.",
               examples: [HelpExample(code: "Get-LocalGroupMember -Group Administrators", remarks: "Lists the local administrators."),
                          HelpExample(code: "Get-LocalGroupMember -Group Users -Member 'NT AUTHORITY\\*'", remarks: "Lists the well-known principals among the users.")],
               output: principalType) { GetLocalAccount(kind: .member) },
        ]
    }

    static let userView = CimTableView(name: userType, columns: [.init("Name"), .init("Enabled"), .init("Description")])
    static let groupView = CimTableView(name: groupType, columns: [.init("Name"), .init("Description")])
    static let principalView = CimTableView(name: principalType, columns: [.init("ObjectClass"), .init("Name"), .init("PrincipalSource")])

    static func source(_ local: Bool) -> PSValue {
        dotNetEnum(local ? "Local" : "Unknown", "Microsoft.PowerShell.Commands.PrincipalSource")
    }

    static func user(_ account: LocalAccount) -> PSObject {
        ViewedWindowsObject(typeNames: [userType, "Microsoft.PowerShell.Commands.LocalPrincipal"], properties: [
            ("AccountExpires", .null), ("Description", .string(account.description)), ("Enabled", .bool(account.enabled)),
            ("FullName", .string("")), ("PasswordChangeableDate", .null), ("PasswordExpires", .null),
            ("UserMayChangePassword", .bool(true)), ("PasswordRequired", .bool(account.passwordRequired)),
            ("PasswordLastSet", .null), ("LastLogon", .null), ("Name", .string(account.name)),
            ("SID", .string(LocalAccounts.sid(of: account))), ("PrincipalSource", source(true)), ("ObjectClass", .string("User")),
        ], view: userView, text: account.name)
    }

    static func group(_ group: LocalGroupDefinition) -> PSObject {
        ViewedWindowsObject(typeNames: [groupType, "Microsoft.PowerShell.Commands.LocalPrincipal"], properties: [
            ("Description", .string(group.description)), ("Name", .string(group.name)), ("SID", .string(group.sid)),
            ("PrincipalSource", source(true)), ("ObjectClass", .string("Group")),
        ], view: groupView, text: group.name)
    }

    static func member(_ member: LocalGroupMember) -> PSObject {
        ViewedWindowsObject(typeNames: [principalType], properties: [
            ("Name", .string(member.name)), ("SID", .string(member.sid)), ("PrincipalSource", source(member.isLocal)),
            ("ObjectClass", .string(member.isGroup ? "Group" : "User")),
        ], view: principalView, text: member.name)
    }
}

final class GetLocalAccount: Cmdlet {
    enum Kind { case user, group, member }
    let kind: Kind
    init(kind: Kind) { self.kind = kind }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        switch kind {
        case .user:
            let users = LocalAccounts.users(engine)
            try select(context, all: users.map { ($0.name, LocalAccounts.sid(of: $0)) }, notFound: ("UserNotFound", "User")) { index in
                LocalAccountCmdlets.user(users[index])
            }
        case .group:
            let groups = LocalAccounts.groups(engine)
            try select(context, all: groups.map { ($0.name, $0.sid) }, notFound: ("GroupNotFound", "Group")) { index in
                LocalAccountCmdlets.group(groups[index])
            }
        case .member:
            var text = context.string("Group") ?? context.string("Name") ?? context.string("SID") ?? ""
            if case .object(let object)? = context.value("Group"), let name = object.property("Name") {
                text = LanguagePrimitives.toString(name)
            }
            guard let group = LocalAccounts.group(text, engine) else {
                return try context.writeError(notFoundRecord(context, "GroupNotFound", "Group", text))
            }
            var members = LocalAccounts.members(of: group, engine)
            if let wanted = context.string("Member") {
                let pattern = WildcardPattern(wanted)
                members = members.filter { member in
                    pattern.matches(member.name) || pattern.matches(member.name.split(separator: "\\").last.map(String.init) ?? "")
                        || member.sid.caseInsensitiveEquals(wanted)
                }
                if members.isEmpty && !WildcardPattern.hasWildcards(wanted) {
                    return try context.writeError(context.errorRecord(
                        message: "Principal \(wanted) was not found in group \(group.name).", errorId: "PrincipalNotFound",
                        category: .ObjectNotFound, exceptionType: "Microsoft.PowerShell.Commands.PrincipalNotFoundException",
                        target: .string(wanted)))
                }
            }
            for member in members { try context.writeObject(.object(LocalAccountCmdlets.member(member))) }
        }
    }

    /// -Name (wildcards) or -SID, with the module's not-found error for a name that matches none.
    private func select(_ context: CommandContext, all: [(name: String, sid: String)], notFound: (id: String, noun: String),
                        make: (Int) -> PSObject) throws {
        func texts(_ name: String) -> [String]? {
            context.value(name).map { value in (value.enumerated ?? [value]).map { item in
                if case .object(let object) = item, let name = object.property("Name") { return LanguagePrimitives.toString(name) }
                return LanguagePrimitives.toString(item)
            } }
        }
        if let sids = texts("SID") {
            for sid in sids {
                guard let index = all.firstIndex(where: { $0.sid.caseInsensitiveEquals(sid) }) else {
                    try context.writeError(notFoundRecord(context, notFound.id, notFound.noun, sid))
                    continue
                }
                try context.writeObject(.object(make(index)))
            }
            return
        }
        guard let names = texts("Name") else {
            for index in all.indices { try context.writeObject(.object(make(index))) }
            return
        }
        for name in names {
            let pattern = WildcardPattern(name)
            let matches = all.indices.filter { pattern.matches(all[$0].name) }
            if matches.isEmpty && !WildcardPattern.hasWildcards(name) {
                try context.writeError(notFoundRecord(context, notFound.id, notFound.noun, name))
            }
            for index in matches { try context.writeObject(.object(make(index))) }
        }
    }

    private func notFoundRecord(_ context: CommandContext, _ id: String, _ noun: String, _ name: String) -> ErrorRecord {
        context.errorRecord(message: "\(noun) \(name) was not found.", errorId: id, category: .ObjectNotFound,
                            exceptionType: "Microsoft.PowerShell.Commands.\(id)Exception", target: .string(name))
    }
}

final class ToggleLocalUser: Cmdlet {
    let enable: Bool
    init(enable: Bool) { self.enable = enable }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let users = LocalAccounts.users(engine)
        var wanted: [String] = []
        for parameter in ["InputObject", "Name", "SID"] {
            guard let value = context.value(parameter) else { continue }
            wanted += (value.enumerated ?? [value]).map { item in
                if case .object(let object) = item, let name = object.property("Name") { return LanguagePrimitives.toString(name) }
                return LanguagePrimitives.toString(item)
            }
        }
        for text in wanted {
            guard let account = users.first(where: { $0.name.caseInsensitiveEquals(text) || LocalAccounts.sid(of: $0).caseInsensitiveEquals(text) })
            else {
                try context.writeError(context.errorRecord(message: "User \(text) was not found.", errorId: "UserNotFound",
                    category: .ObjectNotFound, exceptionType: "Microsoft.PowerShell.Commands.UserNotFoundException", target: .string(text)))
                continue
            }
            guard try context.shouldProcess(target: account.name, action: enable ? "Enable local user" : "Disable local user") else { continue }
            LocalAccounts.setEnabled(account.name, enable, engine)
        }
    }
}

final class ChangeLocalGroupMember: Cmdlet {
    let add: Bool
    init(add: Bool) { self.add = add }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let text = context.string("Group") ?? context.string("Name") ?? context.string("SID") ?? ""
        guard let group = LocalAccounts.group(text, engine) else {
            return try context.writeError(context.errorRecord(message: "Group \(text) was not found.", errorId: "GroupNotFound",
                category: .ObjectNotFound, exceptionType: "Microsoft.PowerShell.Commands.GroupNotFoundException", target: .string(text)))
        }
        let members = context.value("Member").map { value in (value.enumerated ?? [value]).map { item -> String in
            if case .object(let object) = item, let name = object.property("Name") { return LanguagePrimitives.toString(name) }
            return LanguagePrimitives.toString(item)
        } } ?? []
        for name in members {
            guard let member = LocalAccounts.principal(name, engine) else {
                try context.writeError(context.errorRecord(message: "Principal \(name) was not found.", errorId: "PrincipalNotFound",
                    category: .ObjectNotFound, exceptionType: "Microsoft.PowerShell.Commands.PrincipalNotFoundException", target: .string(name)))
                continue
            }
            let present = LocalAccounts.members(of: group, engine).contains { $0.sid == member.sid }
            if add && present {
                try context.writeError(context.errorRecord(message: "\(member.name) is already a member of group \(group.name).",
                    errorId: "MemberExists", category: .ResourceExists,
                    exceptionType: "Microsoft.PowerShell.Commands.MemberExistsException", target: .string(member.name)))
                continue
            }
            if !add && !present {
                try context.writeError(context.errorRecord(message: "Member \(member.name) was not found in group \(group.name).",
                    errorId: "MemberNotFound", category: .ObjectNotFound,
                    exceptionType: "Microsoft.PowerShell.Commands.MemberNotFoundException", target: .string(member.name)))
                continue
            }
            guard try context.shouldProcess(target: group.name, action: add ? "Add member \(member.name)" : "Remove member \(member.name)") else { continue }
            LocalAccounts.setMember(member, of: group, present: add, engine)
        }
    }
}
