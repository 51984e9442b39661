import EmulatedHost
import SMBPolicy
import ShellEngine

/// `gpupdate.exe`: refreshes Group Policy (the emulated host reads its policy values directly, so
/// there is nothing to wait for).
enum GpupdateTool: NativeTool {
    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let known = ["/force", "/target:computer", "/target:user", "/wait:0", "/boot", "/logoff", "/sync"]
        if let bad = arguments.first(where: { !known.contains($0.lowercased()) && !$0.lowercased().hasPrefix("/wait:") }) {
            try context.writeLines(["Invalid Syntax: '\(bad)' is not a valid option.", "", "Type GPUPDATE /? for help.", ""])
            return 1
        }
        let target = arguments.first { $0.lowercased().hasPrefix("/target:") }?.lowercased()
        var lines = ["Updating policy...", ""]
        if target != "/target:user" { lines.append("Computer Policy update has completed successfully.") }
        if target != "/target:computer" { lines.append("User Policy update has completed successfully.") }
        try context.writeLines(lines + [""])
        return 0
    }
}

/// `auditpol.exe /get` and `/set` of the advanced audit policy subcategories, as a fresh
/// installation configures them; a change lasts for the session.
enum AuditpolTool: NativeTool {
    static let categories: [(name: String, subcategories: [(String, String)])] = [
        ("System", [("Security System Extension", "No Auditing"), ("System Integrity", "Success and Failure"),
                    ("IPsec Driver", "No Auditing"), ("Other System Events", "Success and Failure"),
                    ("Security State Change", "Success")]),
        ("Logon/Logoff", [("Logon", "Success and Failure"), ("Logoff", "Success"), ("Account Lockout", "Success"),
                          ("IPsec Main Mode", "No Auditing"), ("IPsec Quick Mode", "No Auditing"),
                          ("IPsec Extended Mode", "No Auditing"), ("Special Logon", "Success"),
                          ("Other Logon/Logoff Events", "No Auditing"), ("Network Policy Server", "Success and Failure"),
                          ("User / Device Claims", "No Auditing"), ("Group Membership", "No Auditing")]),
        ("Object Access", [("File System", "No Auditing"), ("Registry", "No Auditing"), ("Kernel Object", "No Auditing"),
                           ("SAM", "No Auditing"), ("Certification Services", "No Auditing"),
                           ("Application Generated", "No Auditing"), ("Handle Manipulation", "No Auditing"),
                           ("File Share", "No Auditing"), ("Filtering Platform Packet Drop", "No Auditing"),
                           ("Filtering Platform Connection", "No Auditing"), ("Other Object Access Events", "No Auditing"),
                           ("Detailed File Share", "No Auditing"), ("Removable Storage", "No Auditing"),
                           ("Central Policy Staging", "No Auditing")]),
        ("Privilege Use", [("Non Sensitive Privilege Use", "No Auditing"), ("Other Privilege Use Events", "No Auditing"),
                           ("Sensitive Privilege Use", "No Auditing")]),
        ("Detailed Tracking", [("Process Creation", "No Auditing"), ("Process Termination", "No Auditing"),
                               ("DPAPI Activity", "No Auditing"), ("RPC Events", "No Auditing"),
                               ("Plug and Play Events", "No Auditing"), ("Token Right Adjusted Events", "No Auditing")]),
        ("Policy Change", [("Audit Policy Change", "Success"), ("Authentication Policy Change", "Success"),
                           ("Authorization Policy Change", "No Auditing"), ("MPSSVC Rule-Level Policy Change", "No Auditing"),
                           ("Filtering Platform Policy Change", "No Auditing"), ("Other Policy Change Events", "No Auditing")]),
        ("Account Management", [("Computer Account Management", "No Auditing"), ("Security Group Management", "Success"),
                                ("Distribution Group Management", "No Auditing"), ("Application Group Management", "No Auditing"),
                                ("Other Account Management Events", "No Auditing"), ("User Account Management", "Success")]),
        ("DS Access", [("Directory Service Access", "No Auditing"), ("Directory Service Changes", "No Auditing"),
                       ("Directory Service Replication", "No Auditing"), ("Detailed Directory Service Replication", "No Auditing")]),
        ("Account Logon", [("Kerberos Service Ticket Operations", "No Auditing"), ("Other Account Logon Events", "No Auditing"),
                           ("Kerberos Authentication Service", "No Auditing"), ("Credential Validation", "No Auditing")]),
    ]

    final class Settings: EngineService {
        var values: [String: String] = [:]
        func shutdown() {}
    }

    static func setting(_ name: String, _ fallback: String, _ engine: Engine) -> String {
        engine.service(Settings.self) { Settings() }.values[name.lowercased()] ?? fallback
    }

    static func option(_ arguments: [String], _ name: String) -> String? {
        arguments.first { $0.lowercased().hasPrefix("/" + name + ":") }.map { String($0.dropFirst(name.count + 2)) }
    }

    static func names(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmedWhitespace.trimmingQuotes }
    }

    static func run(_ arguments: [String], _ context: CommandContext) throws -> Int32 {
        let engine = context.engine
        let verb = arguments.first?.lowercased()
        let invalid = ["Error 0x00000057 occurred:", "The parameter is incorrect.", ""]
        if verb == "/get" {
            var lines = ["System audit policy", "Category/Subcategory                      Setting"]
            if let wanted = option(arguments, "subcategory") {
                var lastCategory = ""
                for name in names(wanted) {
                    guard let category = categories.first(where: { $0.subcategories.contains { $0.0.caseInsensitiveEquals(name) } }),
                          let sub = category.subcategories.first(where: { $0.0.caseInsensitiveEquals(name) }) else {
                        try context.writeLines(invalid)
                        return 87
                    }
                    if lastCategory != category.name { lines.append(category.name) }
                    lastCategory = category.name
                    lines.append("  " + NetShareTool.pad(sub.0, 40) + setting(sub.0, sub.1, engine))
                }
            } else if let wanted = option(arguments, "category") {
                let chosen = wanted.trimmingQuotes == "*" ? categories
                    : names(wanted).compactMap { name in categories.first { $0.name.caseInsensitiveEquals(name) } }
                guard !chosen.isEmpty else {
                    try context.writeLines(invalid)
                    return 87
                }
                for category in chosen {
                    lines.append(category.name)
                    lines += category.subcategories.map { "  " + NetShareTool.pad($0.0, 40) + setting($0.0, $0.1, engine) }
                }
            } else {
                try context.writeLines(invalid)
                return 87
            }
            try context.writeLines(lines)
            return 0
        }
        if verb == "/set", let wanted = option(arguments, "subcategory") {
            let success = option(arguments, "success")?.lowercased(), failure = option(arguments, "failure")?.lowercased()
            guard success != nil || failure != nil,
                  [success, failure].allSatisfy({ $0 == nil || $0 == "enable" || $0 == "disable" }) else {
                try context.writeLines(invalid)
                return 87
            }
            for name in names(wanted) {
                guard let sub = categories.flatMap(\.subcategories).first(where: { $0.0.caseInsensitiveEquals(name) }) else {
                    try context.writeLines(invalid)
                    return 87
                }
                let current = setting(sub.0, sub.1, engine)
                let onSuccess = success.map { $0 == "enable" } ?? current.hasPrefix("Success")
                let onFailure = failure.map { $0 == "enable" } ?? current.hasSuffix("Failure")
                let text = onSuccess && onFailure ? "Success and Failure" : onSuccess ? "Success" : onFailure ? "Failure" : "No Auditing"
                engine.service(Settings.self) { Settings() }.values[sub.0.lowercased()] = text
            }
            try context.writeLines(["The command was successfully executed."])
            return 0
        }
        try context.writeLines(["Usage: AuditPol command [<sub-command><options>]", "",
                                "Commands (only one command permitted per execution)", "  /?               Help (context-sensitive)",
                                "  /get             Displays the current audit policy.", "  /set             Sets the audit policy.", ""])
        return 87
    }
}

extension String {
    /// The text without the double quotes around it (`"File Share"`).
    var trimmingQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
