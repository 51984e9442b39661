import EmulatedHost
import SMBPolicy
import ShellEngine

/// `hostname.exe`: the computer's name.
enum HostnameTool: NativeTool {
    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        guard arguments.isEmpty else {
            try context.writeLines(["sethostname: Use the Network Control Panel Applet to set hostname.", "hostname -s is not supported."])
            return 1
        }
        try context.writeLines([context.engine.computerName])
        return 0
    }
}

/// `whoami.exe`: the signed-in user (`computer\user`, in lower case as whoami prints it), its SID
/// and groups.
enum WhoamiTool: NativeTool {
    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        let account = LocalAccounts.users(engine).first { $0.name.caseInsensitiveEquals(engine.userName) }
        let name = (engine.computerName + "\\" + engine.userName).lowercased()
        let sid = account.map(LocalAccounts.sid(of:)) ?? LocalAccounts.machineSID + "-1001"
        var options = arguments.map { $0.lowercased() }
        if options.first == "/fo" || options.contains("/nh") {
            options = options.filter { $0.hasPrefix("/") && $0 != "/fo" && $0 != "/nh" }
        }
        switch options {
        case []:
            try context.writeLines([name])
        case ["/user"]:
            try context.writeLines(userSection(name, sid))
        case ["/groups"]:
            try context.writeLines(groupSection(engine))
        case ["/priv"]:
            try context.writeLines(privilegeSection)
        case ["/all"]:
            try context.writeLines(userSection(name, sid) + Array(groupSection(engine).dropFirst()) + Array(privilegeSection.dropFirst()))
        case ["/upn"], ["/fqdn"]:
            let what = options == ["/upn"] ? "User Principal Name (UPN)" : "Fully Qualified Distinguished Name (FQDN)"
            try context.writeLines(["ERROR: Unable to get \(what) as the current logged-on user", "       is not a domain user.", ""])
            return 1
        default:
            try context.writeLines(["ERROR: Invalid argument/option - '\(arguments.first ?? "")'.", "Type \"WHOAMI /?\" for usage."])
            return 1
        }
        return 0
    }

    /// A whoami table: each column as wide as its widest cell, underlined with `=`.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let widths = header.indices.map { column in ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let text = cells.indices.map { $0 == cells.count - 1 ? cells[$0] : NetShareTool.pad(cells[$0], widths[$0]) }
            return NetShareTool.trimEnd(text.joined(separator: " "))
        }
        return [line(header), widths.map { String(repeating: "=", count: $0) }.joined(separator: " ")] + rows.map(line)
    }

    static func userSection(_ name: String, _ sid: String) -> [String] {
        ["", "USER INFORMATION", "----------------", ""] + table(["User Name", "SID"], [[name, sid]]) + [""]
    }

    /// The privileges of an elevated administrator's token.
    static var privilegeSection: [String] {
        let rows: [[String]] = [
            ["SeIncreaseQuotaPrivilege", "Adjust memory quotas for a process", "Disabled"],
            ["SeSecurityPrivilege", "Manage auditing and security log", "Disabled"],
            ["SeTakeOwnershipPrivilege", "Take ownership of files or other objects", "Disabled"],
            ["SeLoadDriverPrivilege", "Load and unload device drivers", "Disabled"],
            ["SeSystemProfilePrivilege", "Profile system performance", "Disabled"],
            ["SeSystemtimePrivilege", "Change the system time", "Disabled"],
            ["SeProfileSingleProcessPrivilege", "Profile single process", "Disabled"],
            ["SeIncreaseBasePriorityPrivilege", "Increase scheduling priority", "Disabled"],
            ["SeCreatePagefilePrivilege", "Create a pagefile", "Disabled"],
            ["SeBackupPrivilege", "Back up files and directories", "Disabled"],
            ["SeRestorePrivilege", "Restore files and directories", "Disabled"],
            ["SeShutdownPrivilege", "Shut down the system", "Disabled"],
            ["SeDebugPrivilege", "Debug programs", "Disabled"],
            ["SeSystemEnvironmentPrivilege", "Modify firmware environment values", "Disabled"],
            ["SeChangeNotifyPrivilege", "Bypass traverse checking", "Enabled"],
            ["SeRemoteShutdownPrivilege", "Force shutdown from a remote system", "Disabled"],
            ["SeUndockPrivilege", "Remove computer from docking station", "Disabled"],
            ["SeManageVolumePrivilege", "Perform volume maintenance tasks", "Disabled"],
            ["SeImpersonatePrivilege", "Impersonate a client after authentication", "Enabled"],
            ["SeCreateGlobalPrivilege", "Create global objects", "Enabled"],
            ["SeIncreaseWorkingSetPrivilege", "Increase a process working set", "Disabled"],
            ["SeTimeZonePrivilege", "Change the time zone", "Disabled"],
            ["SeCreateSymbolicLinkPrivilege", "Create symbolic links", "Disabled"],
            ["SeDelegateSessionUserImpersonatePrivilege", "Obtain an impersonation token for another user in the same session", "Disabled"],
        ]
        return ["", "PRIVILEGES INFORMATION", "----------------------", ""] + table(["Privilege Name", "Description", "State"], rows)
    }

    static func groupSection(_ engine: Engine) -> [String] {
        let attributes = "Mandatory group, Enabled by default, Enabled group"
        let rows: [[String]] = [
            ["Everyone", "Well-known group", "S-1-1-0", attributes],
            ["NT AUTHORITY\\Local account and member of Administrators group", "Well-known group", "S-1-5-114", attributes],
            ["BUILTIN\\Administrators", "Alias", "S-1-5-32-544", "Mandatory group, Enabled by default, Enabled group, Group owner"],
            ["BUILTIN\\Users", "Alias", "S-1-5-32-545", attributes],
            ["NT AUTHORITY\\INTERACTIVE", "Well-known group", "S-1-5-4", attributes],
            ["CONSOLE LOGON", "Well-known group", "S-1-2-1", attributes],
            ["NT AUTHORITY\\Authenticated Users", "Well-known group", "S-1-5-11", attributes],
            ["NT AUTHORITY\\This Organization", "Well-known group", "S-1-5-15", attributes],
            ["NT AUTHORITY\\Local account", "Well-known group", "S-1-5-113", attributes],
            ["LOCAL", "Well-known group", "S-1-2-0", attributes],
            ["NT AUTHORITY\\NTLM Authentication", "Well-known group", "S-1-5-64-10", attributes],
            ["Mandatory Label\\High Mandatory Level", "Label", "S-1-16-12288", ""],
        ]
        return ["", "GROUP INFORMATION", "-----------------", ""] + table(["Group Name", "Type", "SID", "Attributes"], rows) + [""]
    }
}

/// `systeminfo.exe`: the emulated machine's configuration, as a list (default), a table or CSV
/// (`/FO LIST|TABLE|CSV`, `/NH` without the header line).
enum SystemInfoTool: NativeTool {
    static func fields(_ engine: Engine) -> [(label: String, values: [String])] {
        let profile = engine.osProfile
        let build = engine.identity.windowsBuild.number
        let hotfixes = HostInventory.hotFixes(profile)
        func date(_ d: (month: Int, day: Int, year: Int)) -> String { "\(d.month)/\(d.day)/\(d.year), 12:00:00 AM" }
        return [
            ("Host Name", [engine.computerName]),
            ("OS Name", [HostInventory.productName(profile)]),
            ("OS Version", ["10.0.\(build) N/A Build \(build)"]),
            ("OS Manufacturer", ["Microsoft Corporation"]),
            ("OS Configuration", [profile.isServer ? "Standalone Server" : "Standalone Workstation"]),
            ("OS Build Type", ["Multiprocessor Free"]),
            ("Registered Owner", [engine.userName]),
            ("Registered Organization", ["N/A"]),
            ("Product ID", ["00330-80000-00000-AA000"]),
            ("Original Install Date", [date(HostInventory.installDate)]),
            ("System Boot Time", [date(HostInventory.installDate)]),
            ("System Manufacturer", ["Microsoft Corporation"]),
            ("System Model", ["Virtual Machine"]),
            ("System Type", ["x64-based PC"]),
            ("Processor(s)", ["1 Processor(s) Installed.", "[01]: " + HostInventory.processor]),
            ("BIOS Version", ["Microsoft Corporation Hyper-V UEFI Release v4.1, 4/6/2022"]),
            ("Windows Directory", ["C:\\Windows"]),
            ("System Directory", ["C:\\Windows\\system32"]),
            ("Boot Device", ["\\Device\\HarddiskVolume1"]),
            ("System Locale", ["en-us;English (United States)"]),
            ("Input Locale", ["en-us;English (United States)"]),
            ("Time Zone", ["(UTC) Coordinated Universal Time"]),
            ("Total Physical Memory", ["8,192 MB"]),
            ("Available Physical Memory", ["6,144 MB"]),
            ("Virtual Memory: Max Size", ["10,240 MB"]),
            ("Virtual Memory: Available", ["7,168 MB"]),
            ("Virtual Memory: In Use", ["3,072 MB"]),
            ("Page File Location(s)", ["C:\\pagefile.sys"]),
            ("Domain", [engine.workgroup]),
            ("Logon Server", ["\\\\" + engine.computerName]),
            ("Hotfix(s)", ["\(hotfixes.count) Hotfix(s) Installed."]
                + hotfixes.enumerated().map { "[" + twoDigits($0.offset + 1) + "]: " + $0.element.id }),
            ("Network Card(s)", ["1 NIC(s) Installed.", "[01]: " + HostInventory.adapterDescription,
                                 "      Connection Name: " + HostInventory.adapterName, "      DHCP Enabled:    No",
                                 "      IP address(es)", "      [01]: " + HostInventory.ipAddress(engine)]),
            ("Hyper-V Requirements", ["A hypervisor has been detected. Features required for Hyper-V will not be displayed."]),
        ]
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        var format = "list", header = true
        var index = 0
        while index < arguments.count {
            switch arguments[index].lowercased() {
            case "/fo":
                index += 1
                guard index < arguments.count, ["list", "table", "csv"].contains(arguments[index].lowercased()) else {
                    try context.writeLines(["ERROR: Invalid argument or option - '\(index < arguments.count ? arguments[index] : "/FO")'.",
                                            "Type \"SYSTEMINFO /?\" for usage."])
                    return 1
                }
                format = arguments[index].lowercased()
            case "/nh": header = false
            default:
                try context.writeLines(["ERROR: Invalid argument or option - '\(arguments[index])'.", "Type \"SYSTEMINFO /?\" for usage."])
                return 1
            }
            index += 1
        }
        if !header && format == "list" {
            try context.writeLines(["ERROR: Invalid syntax. /NH option is valid only for \"TABLE\" and \"CSV\" format.",
                                    "Type \"SYSTEMINFO /?\" for usage."])
            return 1
        }
        let fields = fields(context.engine)
        switch format {
        case "csv":
            func quoted(_ cells: [String]) -> String { cells.map { "\"" + $0 + "\"" }.joined(separator: ",") }
            var lines: [String] = []
            if header { lines.append(quoted(fields.map(\.label))) }
            lines.append(quoted(fields.map { $0.values.map { $0.trimmedWhitespace }.joined(separator: ",") }))
            try context.writeLines(lines)
        case "table":
            let cells = fields.map { $0.values.map { $0.trimmedWhitespace }.joined(separator: ",") }
            let widths = fields.indices.map { max(fields[$0].label.count, cells[$0].count) }
            var lines = [""]
            if header {
                lines.append(fields.indices.map { NetShareTool.pad(fields[$0].label, widths[$0]) }.joined(separator: " "))
                lines.append(widths.map { String(repeating: "=", count: $0) }.joined(separator: " "))
            }
            lines.append(fields.indices.map { NetShareTool.pad(cells[$0], widths[$0]) }.joined(separator: " "))
            try context.writeLines(lines)
        default:
            var lines = [""]
            for field in fields {
                for (offset, value) in field.values.enumerated() {
                    lines.append(offset == 0 ? NetShareTool.pad(field.label + ":", 27) + value : String(repeating: " ", count: 27) + value)
                }
            }
            try context.writeLines(lines)
        }
        return 0
    }
}
