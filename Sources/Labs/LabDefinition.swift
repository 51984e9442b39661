import ShellEngine
import EmulatedHost
import CmdletParser
import SMBPolicy
import MailslotTransport

/// A training lab as its `.psd1` file describes it.
struct LabDefinition {
    struct Host {
        var name: String
        var profile: OSProfile
        var mailslots: [String]
        /// Remote mailslot policy on 24H2 / 2025 hosts (ignored on 23H2 / 2022, where they work).
        var inbound: Bool
        var outbound: Bool
    }

    struct Workload {
        var name: String
        var kind: LegacyAppKind
        var target: String?
        var computer: String?
        var message: String?
        var interval: Int
        /// The NetBIOS name of the target to address (`MasterBrowser`: `WORKGROUP<1D>`, ...).
        var nameType: MailslotNameType?
    }

    struct Task {
        var id: Int
        var title: String
        var hint: String
        var check: ScriptBlockAst
    }

    var path: String
    var title: String
    var description: String
    var profile: OSProfile
    var settings: [(side: PolicySide, name: String, value: Bool)]
    var groupPolicy: [(side: PolicySide, name: String, value: UInt32)]
    var mailslots: [String]
    var hosts: [Host]
    var lmhosts: [String]
    var workloads: [Workload]
    var tasks: [Task]

    /// Builds the definition from the data file, with a clear message for each mistake.
    init(data: LabData, path: String) throws(LabFileError) {
        func fail(_ message: String) -> LabFileError { LabFileError(message: "The lab file '\(path)': \(message)") }
        func text(_ value: LabData?, _ what: String) throws(LabFileError) -> String {
            guard let value, let text = value.text, !text.isEmpty else { throw fail("\(what) is missing or not text.") }
            return text
        }
        func profile(_ value: LabData?, _ what: String) throws(LabFileError) -> OSProfile {
            let name = try text(value, what)
            guard let profile = OSProfile(parsing: name) else {
                throw fail("\(what) '\(name)' is not one of \(OSProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return profile
        }
        func sides(_ value: LabData?) throws(LabFileError) -> [(PolicySide, String, LabData)] {
            var result: [(PolicySide, String, LabData)] = []
            guard let value else { return result }
            guard case .table(let entries) = value else { throw fail("Settings and GroupPolicy must be @{ Client = @{...}; Server = @{...} }.") }
            for (sideName, settings) in entries {
                guard let side = PolicySide.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(sideName) }),
                      case .table(let pairs) = settings else {
                    throw fail("'\(sideName)' is not Client or Server, or its value is not a hashtable.")
                }
                for (name, v) in pairs { result.append((side, name, v)) }
            }
            return result
        }
        self.path = path
        title = try text(data["Title"], "Title")
        description = data["Description"]?.text ?? ""
        self.profile = try profile(data["OSProfile"], "OSProfile")
        settings = []
        for (side, name, value) in try sides(data["Settings"]) {
            guard case .bool(let flag) = value else { throw fail("Settings.\(side.rawValue).\(name) must be $true or $false.") }
            settings.append((side, name, flag))
        }
        groupPolicy = []
        for (side, name, value) in try sides(data["GroupPolicy"]) {
            guard case .number(let n) = value, n >= 0, n <= Double(UInt32.max), n == n.rounded() else {
                throw fail("GroupPolicy.\(side.rawValue).\(name) must be a DWORD number such as 1 or 0.")
            }
            groupPolicy.append((side, name, UInt32(n)))
        }
        mailslots = data["Mailslots"]?.list.compactMap(\.text) ?? []
        hosts = []
        for entry in data["Hosts"]?.list ?? [] {
            let name = try text(entry["Name"], "Hosts: Name")
            let hostProfile = try profile(entry["OSProfile"], "Host \(name): OSProfile")
            func flag(_ key: String) -> Bool { if case .bool(let b)? = entry[key] { return b } else { return false } }
            hosts.append(Host(name: name, profile: hostProfile, mailslots: entry["Mailslots"]?.list.compactMap(\.text) ?? [],
                              inbound: flag("InboundMailslots"), outbound: flag("OutboundMailslots")))
        }
        lmhosts = data["Lmhosts"]?.list.compactMap(\.text) ?? []
        workloads = []
        for entry in data["Workloads"]?.list ?? [] {
            let kindName = try text(entry["Kind"], "Workloads: Kind")
            guard let kind = LegacyAppKind(name: kindName) else {
                throw fail("Workload kind '\(kindName)' is not one of \(LegacyAppKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            var interval = 1000
            if case .number(let n)? = entry["IntervalMilliseconds"] { interval = Int(max(50, min(3_600_000, n))) }
            var nameType: MailslotNameType?
            if let typeName = entry["NameType"]?.text {
                guard let type = MailslotNameType(name: typeName) else {
                    throw fail("Workload NameType '\(typeName)' is not one of \(MailslotNameType.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                nameType = type
            }
            workloads.append(Workload(name: entry["Name"]?.text ?? kind.rawValue, kind: kind, target: entry["Target"]?.text,
                                      computer: entry["ComputerName"]?.text, message: entry["Message"]?.text,
                                      interval: interval, nameType: nameType))
        }
        tasks = []
        for (index, entry) in (data["Tasks"]?.list ?? []).enumerated() {
            let title = try text(entry["Title"], "Task \(index + 1): Title")
            guard case .scriptBlock(let check)? = entry["Check"] else { throw fail("Task \(index + 1) has no Check = { ... } script block.") }
            tasks.append(Task(id: index + 1, title: title, hint: entry["Hint"]?.text ?? "", check: check))
        }
        if tasks.isEmpty { throw fail("Tasks is missing: a lab needs at least one task with a Check script block.") }
    }
}

/// The lab that is running: its definition and what Start-Lab changed, so Reset-Lab can undo it.
struct RunningLab {
    var definition: LabDefinition
    var lmhostsPath: String?
    /// The lmhosts file before the lab wrote it (nil: there was none).
    var savedLmhosts: [UInt8]?
    var createdMailslots: [String]
}
