import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-, Grant-, Revoke-, Block- and Unblock-SmbShareAccess: the share's access control entries
/// (MSFT_SmbShareAccessControlEntry, shown as Name ScopeName AccountName AccessControlType AccessRight).
enum ShareAccess {
    static let className = "MSFT_SmbShare"
    static let outputType = CimInstanceObject.instanceTypeName + "#root/Microsoft/Windows/SMB/MSFT_SmbShareAccessControlEntry"

    enum Change { case grant, revoke, block, unblock }

    static let names = ["Get-SmbShareAccess", "Grant-SmbShareAccess", "Revoke-SmbShareAccess",
                        "Block-SmbShareAccess", "Unblock-SmbShareAccess"]

    static func definitions() -> [CmdletDefinition] {
        let target = ShareCmdlets.nameParameter(mandatory: true, help: "Specifies the name of the SMB share.")
        let account = ParameterMetadata("AccountName", .array(.string), help: "Specifies the name of the trustee. Use a comma-separated list to specify multiple trustees.")
        let examples: [Change: (String, String, String)] = [
            .grant: ("Grant", "Adds an allow access control entry (ACE) for a trustee to the security descriptor of the SMB share.",
                     "Grant-SmbShareAccess -Name \"Data\" -AccountName \"Users\" -AccessRight Change -Force"),
            .revoke: ("Revoke", "Removes all of the allow ACEs for a trustee from the security descriptor of the SMB share.",
                      "Revoke-SmbShareAccess -Name \"Data\" -AccountName \"Everyone\" -Force"),
            .block: ("Block", "Adds a deny ACE for a trustee to the security descriptor of the SMB share.",
                     "Block-SmbShareAccess -Name \"Data\" -AccountName \"Guest\" -Force"),
            .unblock: ("Unblock", "Removes all of the deny ACEs for the trustee from the security descriptor of the SMB share.",
                       "Unblock-SmbShareAccess -Name \"Data\" -AccountName \"Guest\" -Force"),
        ]
        var definitions = [CmdletDefinition(metadata: CommandMetadata(
            name: "Get-SmbShareAccess", module: SmbShareModule.name, implementation: .function,
            parameters: target + SmbShareCmdlets.cimParameters,
            synopsis: "Retrieves the ACL of the SMB share.",
            description: "Retrieves the access control list (ACL) of a Server Message Block (SMB) share.",
            examples: [HelpExample(code: "Get-SmbShareAccess -Name \"Data\"", remarks: "Retrieves the ACL of the share Data."),
                       HelpExample(code: "Get-SmbShare | Get-SmbShareAccess", remarks: "Retrieves the ACL of every share.")],
            outputType: outputType)) { ShareAccessCmdlet(change: nil) }]
        for change in [Change.grant, .revoke, .block, .unblock] {
            let (verb, synopsis, example) = examples[change]!
            let right = change == .grant
                ? [ParameterMetadata("AccessRight", CimQuery.shareAccessRight, help: "Specifies the access right to grant to the trustee: Full, Change, or Read.")]
                : []
            definitions.append(CmdletDefinition(metadata: CommandMetadata(
                name: verb + "-SmbShareAccess", module: SmbShareModule.name, implementation: .function,
                parameters: target + [account] + right + [ShareCmdlets.force] + SmbShareCmdlets.cimParameters,
                supportsShouldProcess: true, confirmImpact: .high,
                synopsis: synopsis, description: synopsis + " Prompts for confirmation unless -Force or -Confirm:$false is given; writes the resulting ACL.",
                examples: [HelpExample(code: example, remarks: synopsis),
                           HelpExample(code: "Get-SmbShareAccess -Name \"Data\"", remarks: "Shows the resulting ACL.")],
                outputType: outputType)) { ShareAccessCmdlet(change: change) })
        }
        return definitions
    }

    /// The account name Windows stores for what the user typed (`Administrators` →
    /// `BUILTIN\Administrators`); nil after writing Windows' error for a name it cannot map.
    static func resolve(_ context: CommandContext, _ account: String, className: String) throws -> String? {
        let known = ["everyone": "Everyone", "administrators": "BUILTIN\\Administrators", "users": "BUILTIN\\Users",
                     "guests": "BUILTIN\\Guests", "backup operators": "BUILTIN\\Backup Operators",
                     "authenticated users": "NT AUTHORITY\\Authenticated Users", "interactive": "NT AUTHORITY\\INTERACTIVE",
                     "network": "NT AUTHORITY\\NETWORK", "system": "NT AUTHORITY\\SYSTEM",
                     "anonymous logon": "NT AUTHORITY\\ANONYMOUS LOGON", "service": "NT AUTHORITY\\SERVICE",
                     "local service": "NT AUTHORITY\\LOCAL SERVICE", "network service": "NT AUTHORITY\\NETWORK SERVICE",
                     "creator owner": "CREATOR OWNER", "power users": "BUILTIN\\Power Users",
                     "remote desktop users": "BUILTIN\\Remote Desktop Users", "replicator": "BUILTIN\\Replicator"]
        let trimmed = String(account.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        if let name = known[trimmed.lowercased()] { return name }
        if let slash = trimmed.firstIndex(of: "\\") {
            let domain = String(trimmed[..<slash]), user = String(trimmed[trimmed.index(after: slash)...])
            if domain.caseInsensitiveEquals("BUILTIN") || domain.caseInsensitiveEquals("NT AUTHORITY"),
               let name = known[user.lowercased()] { return name }
            if !domain.isEmpty && !user.isEmpty { return trimmed }
        }
        let engine = context.engine
        if ["administrator", "guest", engine.userName.lowercased()].contains(trimmed.lowercased()) {
            let user = trimmed.caseInsensitiveEquals(engine.userName) ? engine.userName : trimmed.prefix(1).uppercased() + trimmed.dropFirst().lowercased()
            return engine.computerName + "\\" + user
        }
        try context.writeError(CimQuery.win32Error(context, code: 1332, message: "No mapping between account names and security IDs was done.",
                                                   category: .NotSpecified, className: className))
        return nil
    }
}

final class ShareAccessCmdlet: Cmdlet {
    let change: ShareAccess.Change?
    init(change: ShareAccess.Change?) { self.change = change }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        for share in try ShareCmdlets.select(context, context.engine.currentShares().shares) {
            var current = share
            if let change {
                var accounts: [String] = []
                for account in CimQuery.strings(context, "AccountName") ?? [] {
                    guard let resolved = try ShareAccess.resolve(context, account, className: ShareAccess.className) else { return }
                    accounts.append(resolved)
                }
                guard try context.shouldProcess(verboseDescription: ShareCmdlets.operation("Modify", share),
                                                force: context.switchValue("Force")) else { continue }
                let right = context.string("AccessRight").flatMap(ShareAccessEntry.Right.init(rawValue:)) ?? .full
                let updated = try CimQuery.update(context) { state -> ShareRecord? in
                    guard let i = state.shares.firstIndex(where: { $0.name == share.name && $0.scopeName == share.scopeName }) else { return nil }
                    Self.apply(change, accounts: accounts, right: right, to: &state.shares[i].access)
                    return state.shares[i]
                }
                guard let updated = updated ?? nil else { continue }
                current = updated
            }
            for entry in current.access { try context.writeObject(.object(SmbCim.accessEntry(entry, share: current))) }
        }
    }

    /// Windows keeps deny entries first (canonical order); a grant replaces the trustee's allow entry.
    static func apply(_ change: ShareAccess.Change, accounts: [String], right: ShareAccessEntry.Right,
                      to access: inout [ShareAccessEntry]) {
        for account in accounts {
            let same: (ShareAccessEntry, ShareAccessEntry.ControlType) -> Bool = {
                $0.accountName.caseInsensitiveEquals(account) && $0.controlType == $1
            }
            switch change {
            case .grant:
                if let i = access.firstIndex(where: { same($0, .allow) }) { access[i].right = right }
                else { access.append(ShareAccessEntry(accountName: account, controlType: .allow, right: right)) }
            case .revoke: access.removeAll { same($0, .allow) }
            case .block:
                access.removeAll { same($0, .deny) }
                access.insert(ShareAccessEntry(accountName: account, controlType: .deny, right: .full), at: 0)
            case .unblock: access.removeAll { same($0, .deny) }
            }
        }
    }
}
