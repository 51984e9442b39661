import ShellEngine

/// The local accounts and groups of a fresh installation of the emulated release: the built-in
/// accounts (disabled), the signed-in user's account and the built-in groups with their members.
/// Get-LocalUser, Win32_UserAccount, `net user` and `net localgroup` all read them here.
package struct LocalAccount: Sendable {
    package let name: String
    /// The relative identifier after the machine SID (500 Administrator, 1001 the first user).
    package let rid: Int
    package let description: String
    package let enabled: Bool

    /// Guest and DefaultAccount have no password to require.
    package var passwordRequired: Bool { rid != 501 && rid != 503 }
}

/// A member of a local group: a local account, or a well-known principal such as
/// `NT AUTHORITY\INTERACTIVE`.
package struct LocalGroupMember: Sendable {
    package let name: String
    package let sid: String
    package let isGroup: Bool
    package let isLocal: Bool
}

package struct LocalGroupDefinition: Sendable {
    package let name: String
    /// The RID under S-1-5-32 (the BUILTIN domain).
    package let rid: Int
    package let description: String
    package var sid: String { "S-1-5-32-" + String(rid) }
}

package enum LocalAccounts {
    /// The machine part of the emulated host's account SIDs.
    package static let machineSID = "S-1-5-21-3623811015-3361044348-30300820"

    private static let builtIn: [(name: String, rid: Int, description: String)] = [
        ("Administrator", 500, "Built-in account for administering the computer/domain"),
        ("DefaultAccount", 503, "A user account managed by the system."),
        ("Guest", 501, "Built-in account for guest access to the computer/domain"),
        ("WDAGUtilityAccount", 504, "A user account managed and used by the system for Windows Defender Application Guard scenarios."),
    ]

    /// The accounts by name: the built-in ones are disabled, the signed-in user's is enabled.
    package static func users(_ engine: Engine) -> [LocalAccount] {
        let user = engine.userName
        let changed = engine.service(AccountChanges.self) { AccountChanges() }.enabled
        var accounts = builtIn.map { LocalAccount(name: $0.name, rid: $0.rid, description: $0.description,
                                                  enabled: changed[$0.name.lowercased()] ?? $0.name.caseInsensitiveEquals(user)) }
        if !accounts.contains(where: { $0.name.caseInsensitiveEquals(user) }) {
            accounts.append(LocalAccount(name: user, rid: 1001, description: "", enabled: changed[user.lowercased()] ?? true))
            accounts.sort { $0.name.uppercased() < $1.name.uppercased() }
        }
        return accounts
    }

    /// Enables or disables an account (Enable-LocalUser, `net user NAME /active:no`).
    package static func setEnabled(_ name: String, _ enabled: Bool, _ engine: Engine) {
        engine.service(AccountChanges.self) { AccountChanges() }.enabled[name.lowercased()] = enabled
    }

    package static func sid(of account: LocalAccount) -> String { machineSID + "-" + String(account.rid) }

    private static let clientGroups: [LocalGroupDefinition] = [
        .init(name: "Access Control Assistance Operators", rid: 579,
              description: "Members of this group can remotely query authorization attributes and permissions for resources on this computer."),
        .init(name: "Administrators", rid: 544, description: "Administrators have complete and unrestricted access to the computer/domain"),
        .init(name: "Backup Operators", rid: 551,
              description: "Backup Operators can override security restrictions for the sole purpose of backing up or restoring files"),
        .init(name: "Cryptographic Operators", rid: 569, description: "Members are authorized to perform cryptographic operations."),
        .init(name: "Device Owners", rid: 583, description: "Members of this group can change system-wide settings."),
        .init(name: "Distributed COM Users", rid: 562,
              description: "Members are allowed to launch, activate and use Distributed COM objects on this machine."),
        .init(name: "Event Log Readers", rid: 573, description: "Members of this group can read event logs from local machine"),
        .init(name: "Guests", rid: 546,
              description: "Guests have the same access as members of the Users group by default, except for the Guest account which is further restricted"),
        .init(name: "Hyper-V Administrators", rid: 578,
              description: "Members of this group have complete and unrestricted access to all features of Hyper-V."),
        .init(name: "IIS_IUSRS", rid: 568, description: "Built-in group used by Internet Information Services."),
        .init(name: "Network Configuration Operators", rid: 556,
              description: "Members in this group can have some administrative privileges to manage configuration of networking features"),
        .init(name: "Performance Log Users", rid: 559,
              description: "Members of this group may schedule logging of performance counters, enable trace providers, and collect event traces both locally and via remote access to this computer"),
        .init(name: "Performance Monitor Users", rid: 558,
              description: "Members of this group can access performance counter data locally and remotely"),
        .init(name: "Power Users", rid: 547,
              description: "Power Users are included for backwards compatibility and possess limited administrative powers"),
        .init(name: "Remote Desktop Users", rid: 555, description: "Members in this group are granted the right to logon remotely"),
        .init(name: "Remote Management Users", rid: 580,
              description: "Members of this group can access WMI resources over management protocols (such as WS-Management via the Windows Remote Management service). This applies only to WMI namespaces that grant access to the user."),
        .init(name: "Replicator", rid: 552, description: "Supports file replication in a domain"),
        .init(name: "System Managed Accounts Group", rid: 581, description: "Members of this group are managed by the system."),
        .init(name: "Users", rid: 545,
              description: "Users are prevented from doing dangerous changes to the system and can run most applications"),
    ]

    private static let serverGroups: [LocalGroupDefinition] = [
        .init(name: "Certificate Service DCOM Access", rid: 574,
              description: "Members of this group are allowed to connect to Certification Authorities in the enterprise"),
        .init(name: "RDS Endpoint Servers", rid: 576,
              description: "Servers in this group run virtual machines and host sessions where users RemoteApp programs and personal virtual desktops run. This group needs to be populated on servers running RD Connection Broker. RD Session Host servers and RD Virtualization Host servers used in the deployment need to be in this group."),
        .init(name: "RDS Management Servers", rid: 577,
              description: "Servers in this group can perform routine administrative actions on servers running Remote Desktop Services. This group needs to be populated on all servers in a Remote Desktop Services deployment. The servers running the RDS Central Management service must be included in this group."),
        .init(name: "RDS Remote Access Servers", rid: 575,
              description: "Servers in this group enable users of RemoteApp programs and personal virtual desktops access to these resources. In Internet-facing deployments, these servers are typically deployed in an edge network. This group needs to be populated on servers running RD Connection Broker. RD Gateway servers and RD Web Access servers used in the deployment need to be in this group."),
        .init(name: "Storage Replica Administrators", rid: 582,
              description: "Members of this group have complete and unrestricted access to all features of Storage Replica."),
    ]

    /// The built-in groups of the release, by name.
    package static func groups(_ engine: Engine) -> [LocalGroupDefinition] {
        let all = engine.osProfile.isServer ? clientGroups + serverGroups : clientGroups
        return all.sorted { $0.name.uppercased() < $1.name.uppercased() }
    }

    package static func group(_ name: String, _ engine: Engine) -> LocalGroupDefinition? {
        let bare = name.split(separator: "\\").last.map(String.init) ?? name
        return groups(engine).first { $0.name.caseInsensitiveEquals(bare) || $0.sid.caseInsensitiveEquals(name) }
    }

    /// The members of a group: those of a fresh installation, with the session's changes.
    package static func members(of group: LocalGroupDefinition, _ engine: Engine) -> [LocalGroupMember] {
        let changes = engine.service(AccountChanges.self) { AccountChanges() }
        var result = freshMembers(of: group, engine).filter { member in
            !(changes.removed[group.rid] ?? []).contains { $0.caseInsensitiveEquals(member.name) }
        }
        for name in changes.added[group.rid] ?? [] where !result.contains(where: { $0.name.caseInsensitiveEquals(name) }) {
            if let member = principal(name, engine) { result.append(member) }
        }
        return result
    }

    /// The local account a name gives (`Guest`, `COMPUTER\Guest`, `.\Guest`), as a group member.
    package static func principal(_ text: String, _ engine: Engine) -> LocalGroupMember? {
        var name = text
        if let slash = text.firstIndex(of: "\\") {
            let domain = String(text[..<slash])
            guard domain == "." || domain.caseInsensitiveEquals(engine.computerName) else { return nil }
            name = String(text[text.index(after: slash)...])
        }
        guard let account = users(engine).first(where: { $0.name.caseInsensitiveEquals(name) || sid(of: $0).caseInsensitiveEquals(text) })
        else { return nil }
        return LocalGroupMember(name: engine.computerName + "\\" + account.name, sid: sid(of: account), isGroup: false, isLocal: true)
    }

    /// Adds a member to a group or removes it, for the session.
    package static func setMember(_ member: LocalGroupMember, of group: LocalGroupDefinition, present: Bool, _ engine: Engine) {
        let changes = engine.service(AccountChanges.self) { AccountChanges() }
        changes.added[group.rid, default: []].removeAll { $0.caseInsensitiveEquals(member.name) }
        changes.removed[group.rid, default: []].removeAll { $0.caseInsensitiveEquals(member.name) }
        if present { changes.added[group.rid, default: []].append(member.name) } else { changes.removed[group.rid, default: []].append(member.name) }
    }

    private static func freshMembers(of group: LocalGroupDefinition, _ engine: Engine) -> [LocalGroupMember] {
        let users = Self.users(engine)
        func account(_ name: String) -> [LocalGroupMember] {
            users.first { $0.name.caseInsensitiveEquals(name) }.map {
                [LocalGroupMember(name: engine.computerName + "\\" + $0.name, sid: sid(of: $0), isGroup: false, isLocal: true)]
            } ?? []
        }
        let signedIn = users.first { $0.rid >= 1000 }.map { account($0.name) } ?? []
        switch group.rid {
        case 544: return account("Administrator") + signedIn
        case 545:
            return [LocalGroupMember(name: "NT AUTHORITY\\Authenticated Users", sid: "S-1-5-11", isGroup: true, isLocal: false),
                    LocalGroupMember(name: "NT AUTHORITY\\INTERACTIVE", sid: "S-1-5-4", isGroup: true, isLocal: false)] + signedIn
        case 546: return account("Guest")
        case 581: return account("DefaultAccount")
        default: return []
        }
    }

    /// The local groups an account is a member of.
    package static func groups(of account: LocalAccount, _ engine: Engine) -> [LocalGroupDefinition] {
        let qualified = engine.computerName + "\\" + account.name
        return groups(engine).filter { group in members(of: group, engine).contains { $0.name.caseInsensitiveEquals(qualified) } }
    }
}

/// The accounts enabled or disabled in this session, by name in lower case.
final class AccountChanges: EngineService {
    var enabled: [String: Bool] = [:]
    /// Members added to and removed from groups, by group RID.
    var added: [Int: [String]] = [:]
    var removed: [Int: [String]] = [:]
    func shutdown() {}
}
