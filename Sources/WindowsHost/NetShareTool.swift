import EmulatedHost
import SMBPolicy
import ShellEngine

/// `net share|use|session|user|localgroup` over the emulated host's shares, mappings and local
/// accounts, with net's console layout and exit codes (0, or 2 on an error).
enum NetShareTool {
    static let rule = String(repeating: "-", count: 79)
    static let completed = "The command completed successfully."

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func trimEnd(_ text: String) -> String {
        String(text.reversed().drop { $0 == " " }.reversed())
    }

    // MARK: net share

    static func share(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        let options = arguments.filter { $0.hasPrefix("/") }
        let words = arguments.filter { !$0.hasPrefix("/") }
        guard let first = words.first else {
            try context.writeLines(list(engine.currentShares()))
            return 0
        }
        if let equals = first.firstIndex(of: "=") {
            return try create(name: String(first[..<equals]), path: String(first[first.index(after: equals)...]), options, context)
        }
        let state = engine.currentShares()
        guard let share = state.shares.first(where: { $0.name.caseInsensitiveEquals(first) }) else {
            try context.writeLines(NetTool.helpMessage("This shared resource does not exist.", 2310))
            return 2
        }
        if options.contains(where: { $0.lowercased().hasPrefix("/d") }) {
            do {
                try engine.deleteShare(name: share.name, scopeName: share.scopeName)
            } catch {
                try context.writeLines(NetTool.helpMessage("This shared resource does not exist.", 2310))
                return 2
            }
            try context.writeLines([share.name + " was deleted successfully.", ""])
            return 0
        }
        try context.writeLines(details(share, engine))
        return 0
    }

    /// Drive shares first, then IPC$ and ADMIN$, then the shares users created.
    static func ordered(_ shares: [ShareRecord]) -> [ShareRecord] {
        func rank(_ share: ShareRecord) -> Int {
            guard share.special else { return 3 }
            if share.name.caseInsensitiveEquals("IPC$") { return 1 }
            if share.name.caseInsensitiveEquals("ADMIN$") { return 2 }
            return 0
        }
        return shares.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    static func list(_ state: ShareState) -> [String] {
        var lines = ["", "Share name   Resource                        Remark", "", rule]
        for share in ordered(state.shares) {
            var line = share.name.count > 12 ? share.name : pad(share.name, 13)
            if share.name.count > 12 {
                lines.append(share.name)
                line = String(repeating: " ", count: 13)
            }
            if share.path.count > 31 {
                lines.append(trimEnd(line + share.path))
                line = String(repeating: " ", count: 45)
            } else {
                line += pad(share.path, 32)
            }
            lines.append(trimEnd(line + share.description))
        }
        return lines + [completed, ""]
    }

    static func cachingText(_ mode: String) -> String {
        switch mode.lowercased() {
        case "documents": return "Automatic caching of documents"
        case "programs": return "Automatic caching of programs and documents"
        case "none": return "Caching disabled"
        case "branchcache": return "Manual caching of documents with BranchCache enabled"
        default: return "Manual caching of documents"
        }
    }

    static func rightText(_ entry: ShareAccessEntry) -> String {
        switch entry.right {
        case .full: return "FULL"
        case .change: return "CHANGE"
        case .read: return "READ"
        case .custom: return "CUSTOM"
        }
    }

    static func details(_ share: ShareRecord, _ engine: Engine) -> [String] {
        func row(_ label: String, _ value: String) -> String { trimEnd(pad(label, 18) + value) }
        let permissions = share.access.filter { $0.controlType == .allow }.map { $0.accountName + ", " + rightText($0) }
        var lines = [row("Share name", share.name), row("Path", share.path), row("Remark", share.description),
                     row("Maximum users", share.concurrentUserLimit == 0 ? "No limit" : String(share.concurrentUserLimit)),
                     row("Users", ""), row("Caching", cachingText(share.cachingMode))]
        lines.append(row("Permission", permissions.first ?? ""))
        lines += permissions.dropFirst().map { String(repeating: " ", count: 18) + $0 }
        return lines + ["", completed, ""]
    }

    /// The account name a /GRANT option names, as the server stores it.
    static func account(_ text: String, _ engine: Engine) -> String {
        let known = ["everyone": "Everyone", "administrators": "BUILTIN\\Administrators", "users": "BUILTIN\\Users",
                     "guests": "BUILTIN\\Guests", "authenticated users": "NT AUTHORITY\\Authenticated Users",
                     "system": "NT AUTHORITY\\SYSTEM", "network": "NT AUTHORITY\\NETWORK", "interactive": "NT AUTHORITY\\INTERACTIVE"]
        if let name = known[text.lowercased()] { return name }
        if text.contains("\\") { return text }
        if let user = LocalAccounts.users(engine).first(where: { $0.name.caseInsensitiveEquals(text) }) {
            return engine.computerName + "\\" + user.name
        }
        return text
    }

    private static func create(name: String, path: String, _ options: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        var share = ShareRecord(name: name, path: path)
        var access: [ShareAccessEntry] = []
        for option in options {
            let parts = option.split(separator: ":", maxSplits: 1).map(String.init)
            let key = parts[0].lowercased(), value = parts.count > 1 ? parts[1] : ""
            switch key {
            case "/grant":
                let pieces = value.split(separator: ",", maxSplits: 1).map { String($0).trimmedWhitespace }
                let right: ShareAccessEntry.Right
                switch pieces.count > 1 ? pieces[1].lowercased() : "" {
                case "full": right = .full
                case "change": right = .change
                case "read": right = .read
                default:
                    try context.writeLines(syntax)
                    return 1
                }
                access.append(ShareAccessEntry(accountName: account(pieces[0], engine), controlType: .allow, right: right))
            case "/remark": share.description = value
            case "/users": share.concurrentUserLimit = UInt32(value) ?? 0
            case "/unlimited": share.concurrentUserLimit = 0
            case "/cache":
                let modes = ["manual": "Manual", "documents": "Documents", "programs": "Programs", "branchcache": "BranchCache", "none": "None"]
                share.cachingMode = modes[value.lowercased()] ?? "Manual"
            default:
                try context.writeLines(syntax)
                return 1
            }
        }
        share.access = access.isEmpty ? [ShareAccessEntry(accountName: "Everyone", controlType: .allow, right: .read)] : access
        guard Engine.isValidShareName(name) else {
            try context.writeLines(NetTool.helpMessage("The share name entered may not be accessible from some MS-DOS workstations.", 2116))
            return 2
        }
        do throws(ShareFailure) {
            share.path = try engine.shareablePath(path)
            try engine.createShare(share)
        } catch .duplicate {
            try context.writeLines(NetTool.helpMessage("The name has already been shared.", 2118))
            return 2
        } catch .store(let message) {
            try context.writeLines(["System error 29 has occurred.", "", message, ""])
            return 2
        } catch {
            try context.writeLines(NetTool.helpMessage("The device or directory does not exist.", 2116))
            return 2
        }
        try context.writeLines([name + " was shared successfully.", ""])
        return 0
    }

    static let syntax = ["The syntax of this command is:", "", "NET SHARE", "sharename",
                         "          sharename=drive:path [/GRANT:user,[READ | CHANGE | FULL]]",
                         "                               [/USERS:number | /UNLIMITED]",
                         "                               [/REMARK:\"text\"]",
                         "                               [/CACHE:Manual | Documents| Programs | BranchCache | None]",
                         "          sharename [/USERS:number | /UNLIMITED]",
                         "                    [/REMARK:\"text\"]",
                         "                    [/CACHE:Manual | Documents | Programs | BranchCache | None]",
                         "          {sharename | devicename | drive:path} /DELETE",
                         "          sharename \\\\computername /DELETE", ""]

    // MARK: net use

    static func use(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let state = context.engine.currentShares()
        guard arguments.isEmpty else {
            try context.writeLines(["The syntax of this command is:", "", "NET USE",
                                    "[devicename | *] [\\\\computername\\sharename[\\volume] [password | *]]",
                                    "        [/USER:[domainname\\]username]", "        [/USER:[dotted domain name\\]username]",
                                    "        [/USER:[username@dotted domain name]", "        [/SMARTCARD]", "        [/SAVECRED]",
                                    "        [/REQUIREINTEGRITY]", "        [/REQUIREPRIVACY]", "        [/WRITETHROUGH]",
                                    "        [[/DELETE] | [/PERSISTENT:{YES | NO}]]", "",
                                    "NET USE {devicename | *} [password | *] /HOME", "", "NET USE [/PERSISTENT:{YES | NO}]", ""])
            return 1
        }
        guard !state.mappings.isEmpty else {
            try context.writeLines(["New connections will be remembered.", "", "There are no entries in the list.", ""])
            return 0
        }
        var lines = ["New connections will be remembered.", "", "", "Status       Local     Remote                    Network", "", rule]
        for mapping in state.mappings {
            let status = SmbCim.isConnected(mapping, state) ? "OK" : "Unavailable"
            var line = pad(status, 13) + pad(mapping.localPath, 10)
            if mapping.remotePath.count > 25 {
                lines.append(line + mapping.remotePath)
                line = String(repeating: " ", count: 48)
            } else {
                line += pad(mapping.remotePath, 26)
            }
            lines.append(line + "Microsoft Windows Network")
        }
        try context.writeLines(lines + [completed, ""])
        return 0
    }

    // MARK: net session

    static func session(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        // No client holds a session with the emulated server.
        try context.writeLines(["There are no entries in the list.", ""])
        return 0
    }

    // MARK: net user

    static func user(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        let users = LocalAccounts.users(engine)
        let words = arguments.filter { !$0.hasPrefix("/") }
        guard let name = words.first else {
            var lines = ["", "User accounts for \\\\" + engine.computerName, "", rule]
            var index = 0
            while index < users.count {
                let row = users[index..<min(index + 3, users.count)].map { pad($0.name, 25) }.joined()
                lines.append(trimEnd(row))
                index += 3
            }
            try context.writeLines(lines + [completed, ""])
            return 0
        }
        guard let account = users.first(where: { $0.name.caseInsensitiveEquals(name) }) else {
            try context.writeLines(NetTool.helpMessage("The user name could not be found.", 2221))
            return 2
        }
        if let option = arguments.first(where: { $0.lowercased().hasPrefix("/active") }) {
            let value = option.split(separator: ":", maxSplits: 1).dropFirst().first.map { $0.lowercased() } ?? "yes"
            guard value == "yes" || value == "no" else {
                try context.writeLines(NetTool.helpMessage("You entered an invalid value for the /ACTIVE option.", 3952))
                return 2
            }
            LocalAccounts.setEnabled(account.name, value == "yes", engine)
            try context.writeLines([completed, ""])
            return 0
        }
        func row(_ label: String, _ value: String) -> String { trimEnd(pad(label, 29) + value) }
        let groups = LocalAccounts.groups(of: account, engine).map { "*" + $0.name }
        var groupLines: [String] = []
        var index = 0
        repeat {
            let chunk = groups.isEmpty ? [] : Array(groups[index..<min(index + 2, groups.count)])
            let text = chunk.map { pad($0, 22) }.joined()
            groupLines.append(trimEnd((index == 0 ? pad("Local Group Memberships", 29) : String(repeating: " ", count: 29)) + text))
            index += 2
        } while index < groups.count
        let set = "1/1/2024 12:00:00 AM"
        try context.writeLines([
            row("User name", account.name), row("Full Name", ""), row("Comment", account.description), row("User's comment", ""),
            row("Country/region code", "000 (System Default)"), row("Account active", account.enabled ? "Yes" : "No"),
            row("Account expires", "Never"), "", row("Password last set", set), row("Password expires", "Never"),
            row("Password changeable", set), row("Password required", account.passwordRequired ? "Yes" : "No"),
            row("User may change password", "Yes"), "", row("Workstations allowed", "All"), row("Logon script", ""),
            row("User profile", ""), row("Home directory", ""), row("Last logon", account.enabled ? set : "Never"), "",
            row("Logon hours allowed", "All"), "",
        ] + groupLines + [row("Global Group memberships", "*None"), completed, ""])
        return 0
    }

    // MARK: net localgroup

    static func localgroup(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        let words = arguments.filter { !$0.hasPrefix("/") }
        guard let name = words.first else {
            try context.writeLines(["", "Aliases for \\\\" + engine.computerName, "", rule]
                + LocalAccounts.groups(engine).map { "*" + $0.name } + [completed, ""])
            return 0
        }
        guard let group = LocalAccounts.group(name, engine) else {
            try context.writeLines(NetTool.helpMessage("The specified local group does not exist.", 3783))
            return 2
        }
        if let option = arguments.first(where: { ["/add", "/delete", "/del"].contains($0.lowercased()) }) {
            let add = option.lowercased() == "/add"
            for text in words.dropFirst() {
                guard let member = LocalAccounts.principal(text, engine) else {
                    try context.writeLines(["System error 1332 has occurred.", "", "No mapping between account names and security IDs was done.", ""])
                    return 2
                }
                let present = LocalAccounts.members(of: group, engine).contains { $0.sid == member.sid }
                if add && present {
                    try context.writeLines(["System error 1378 has occurred.", "", "The specified account name is already a member of the group.", ""])
                    return 2
                }
                if !add && !present {
                    try context.writeLines(["System error 1377 has occurred.", "", "The specified account name is not a member of the group.", ""])
                    return 2
                }
                LocalAccounts.setMember(member, of: group, present: add, engine)
            }
            try context.writeLines([completed, ""])
            return 0
        }
        // net shows members without the computer's own name.
        let prefix = engine.computerName + "\\"
        let members = LocalAccounts.members(of: group, engine).map { member in
            member.name.lowercased().hasPrefix(prefix.lowercased()) ? String(member.name.dropFirst(prefix.count)) : member.name
        }
        try context.writeLines([trimEnd("Alias name     " + group.name), trimEnd("Comment        " + group.description), "",
                                "Members", "", rule] + members + [completed, ""])
        return 0
    }
}
