import EmulatedHost
import SMBPolicy
import ShellEngine

/// The File and Printer Sharing rules of Windows Firewall (MSFT_NetFirewallRule): each rule is
/// enabled or not as the release ships it until a script changes it; the change is kept where
/// Windows keeps it, as the rule's value under FirewallPolicy\FirewallRules.
struct FirewallRule {
    let name: String
    let displayName: String
    let description: String
    let inbound: Bool
    let profile: String
    let enabledByDefault: Bool

    static let group = "@FirewallAPI.dll,-28502"
    static let displayGroup = "File and Printer Sharing"
    static let key = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules"

    static func all(_ profile: OSProfile) -> [FirewallRule] {
        let kinds: [(id: String, title: String, text: String, port: String)] = [
            ("SMB", "SMB", "Server Message Block transmission and reception via Named Pipes.", "TCP 445"),
            ("NB_Session", "NB-Session", "NetBIOS Session Service connections.", "TCP 139"),
            ("NB_Name", "NB-Name", "NetBIOS Name Resolution.", "UDP 137"),
            ("NB_Datagram", "NB-Datagram", "NetBIOS Datagram transmission and reception.", "UDP 138"),
        ]
        var rules: [FirewallRule] = []
        for kind in kinds {
            for inbound in [true, false] {
                let suffix = kind.port.hasPrefix("TCP") ? "-TCP" : "-UDP"
                let name = "FPS-" + kind.id + (inbound ? "-In" : "-Out") + suffix
                let text = (inbound ? "Inbound" : "Outbound") + " rule for File and Printer Sharing to allow " + kind.text + " [" + kind.port + "]"
                // A server shares files from the start: its SMB-In rule is on.
                let on = profile.isServer && inbound && kind.id == "SMB"
                let display = "File and Printer Sharing (" + kind.title + (inbound ? "-In)" : "-Out)")
                rules.append(FirewallRule(name: name + "-NoScope", displayName: display, description: text, inbound: inbound,
                                          profile: "Domain", enabledByDefault: on))
                rules.append(FirewallRule(name: name, displayName: display, description: text, inbound: inbound,
                                          profile: "Private, Public", enabledByDefault: on))
            }
        }
        for inbound in [true, false] {
            let name = "FPS-ICMP4-ERQ-" + (inbound ? "In" : "Out")
            let display = "File and Printer Sharing (Echo Request - ICMPv4-" + (inbound ? "In)" : "Out)")
            let text = "Echo Request messages are sent as ping requests to other nodes."
            rules.append(FirewallRule(name: name + "-NoScope", displayName: display, description: text, inbound: inbound,
                                      profile: "Domain", enabledByDefault: false))
            rules.append(FirewallRule(name: name, displayName: display, description: text, inbound: inbound,
                                      profile: "Private, Public", enabledByDefault: false))
        }
        return rules
    }

    /// Whether the rule is on now: the value Windows writes for it when it was changed, else the default.
    func enabled(_ snapshot: PolicySnapshot) -> Bool {
        let view = RegistryView(snapshot: snapshot)
        let key = RegistryPath(components: Array(Self.key.split(separator: "\\").dropFirst().map(String.init)), typed: Self.key)
        guard let node = view.node(key), let value = node.value(name),
              case .string(let text) = value.data else { return enabledByDefault }
        return text.uppercased().contains("|ACTIVE=TRUE|")
    }

    /// The rule as Windows stores it (`v2.30|Action=Allow|Active=TRUE|Dir=In|...`).
    func registryText(enabled: Bool) -> String {
        let port = description.hasSuffix("[TCP 445]") ? "445" : description.hasSuffix("[TCP 139]") ? "139"
            : description.hasSuffix("[UDP 137]") ? "137" : description.hasSuffix("[UDP 138]") ? "138" : ""
        let protocolNumber = description.contains("[TCP") ? "6" : description.contains("[UDP") ? "17" : "1"
        let profiles = profile.split(separator: ",").map { "Profile=" + String($0.drop { $0 == " " }) }.joined(separator: "|")
        return "v2.30|Action=Allow|Active=\(enabled ? "TRUE" : "FALSE")|Dir=\(inbound ? "In" : "Out")|Protocol=\(protocolNumber)|"
            + profiles + "|" + (port.isEmpty ? "" : (inbound ? "LPort=" : "RPort=") + port + "|")
            + "App=System|Name=\(displayName)|Desc=\(description)|EmbedCtxt=\(Self.group)|"
    }

    func object(_ snapshot: PolicySnapshot) -> PSObject {
        let display = ["Name", "DisplayName", "Description", "DisplayGroup", "Group", "Enabled", "Profile", "Platform", "Direction",
                       "Action", "EdgeTraversalPolicy", "LooseSourceMapping", "LocalOnlyMapping", "Owner", "PrimaryStatus", "Status",
                       "EnforcementStatus", "PolicyStoreSource", "PolicyStoreSourceType"]
        let prefix = "Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity."
        let properties: [(String, PSValue)] = [
            ("Name", .string(name)), ("ID", .string(name)), ("DisplayName", .string(displayName)),
            ("Description", .string(description)), ("DisplayGroup", .string(Self.displayGroup)), ("Group", .string(Self.group)),
            ("Enabled", dotNetEnum(enabled(snapshot) ? "True" : "False", prefix + "Enabled")),
            ("Profile", dotNetEnum(profile, prefix + "Profile")), ("Platform", .array(PSArray([]))),
            ("Direction", dotNetEnum(inbound ? "Inbound" : "Outbound", prefix + "Direction")),
            ("Action", dotNetEnum("Allow", prefix + "Action")),
            ("EdgeTraversalPolicy", dotNetEnum("Block", prefix + "EdgeTraversal")),
            ("LooseSourceMapping", .bool(false)), ("LocalOnlyMapping", .bool(false)), ("Owner", .null),
            ("PrimaryStatus", dotNetEnum("OK", prefix + "PrimaryStatus")),
            ("Status", .string("The rule was parsed successfully from the store. (65536)")),
            ("EnforcementStatus", dotNetEnum("NotApplicable", prefix + "EnforcementStatus")),
            ("PolicyStoreSource", .string("PersistentStore")),
            ("PolicyStoreSourceType", dotNetEnum("Local", prefix + "PolicyStoreType")),
            ("PSComputerName", .null),
        ]
        return ListedWindowsObject(typeNames: ["Microsoft.Management.Infrastructure.CimInstance#root/standardcimv2/MSFT_NetFirewallRule",
                                            "Microsoft.Management.Infrastructure.CimInstance#MSFT_NetFirewallRule",
                                            "Microsoft.Management.Infrastructure.CimInstance"],
                                properties: properties, display: display,
                                text: "MSFT_NetFirewallRule (CreationClassName = \"MSFT|FW|FirewallRule|\(name)\", PolicyRuleName = \"\", SystemCreationClassName = \"\", SystemName = \"\")")
    }
}

enum FirewallCmdlets {
    static func definitions() -> [CmdletDefinition] {
        let selectors = [
            ParameterMetadata("Name", .array(.string), aliases: ["ID"], position: 0, valueFromPipelineByPropertyName: true,
                              parameterSets: ["ByName"], help: "Specifies the rule names (wildcards allowed)."),
            ParameterMetadata("DisplayName", .array(.string), parameterSets: ["ByQuery"], help: "Specifies the localized rule names (wildcards allowed)."),
            ParameterMetadata("DisplayGroup", .array(.string), parameterSets: ["ByQuery"], help: "Specifies the localized group names (wildcards allowed)."),
            ParameterMetadata("Group", .array(.string), parameterSets: ["ByQuery"], help: "Specifies the group names as stored (`@FirewallAPI.dll,-28502`)."),
            ParameterMetadata("Direction", .array(.string), validations: [.set(["Inbound", "Outbound"], ignoreCase: true)], parameterSets: ["ByQuery"],
                              help: "Specifies the direction of the rules."),
            ParameterMetadata("InputObject", .array(.object), valueFromPipeline: true, parameterSets: ["InputObject"],
                              help: "Specifies the rules as objects from Get-NetFirewallRule."),
            ParameterMetadata("PolicyStore", .string, help: "Specifies the policy store (only the local persistent store)."),
            ParameterMetadata("CimSession", .array(.object), aliases: ["Session"], help: "Runs the cmdlet in a remote session or on a remote computer."),
            ParameterMetadata("AsJob", .switchParameter, help: "Runs the cmdlet as a background job."),
        ]
        let enabled = ParameterMetadata("Enabled", .array(.string), validations: [.set(["True", "False"], ignoreCase: true)],
                                        parameterSets: ["ByQuery"], help: "Specifies whether the rules are enabled (True or False).")
        let passThru = ParameterMetadata("PassThru", .switchParameter, help: "Returns the changed rules.")
        func define(_ verb: String, _ parameters: [ParameterMetadata], synopsis: String, description: String, examples: [HelpExample]) -> CmdletDefinition {
            CmdletDefinition(metadata: NetworkCmdlets.function(verb + "-NetFirewallRule", module: NetSecurityModule.name, parameters,
                synopsis: synopsis, description: description, examples: examples,
                output: "Microsoft.Management.Infrastructure.CimInstance#root/StandardCimv2/MSFT_NetFirewallRule",
                shouldProcess: verb != "Get")) { FirewallRuleCmdlet(verb: verb) }
        }
        return [
            define("Get", selectors + [enabled, ParameterMetadata("All", .switchParameter, parameterSets: ["All"], help: "Gets every rule.")],
                   synopsis: "Retrieves firewall rules from the target computer.",
                   description: "Gets the File and Printer Sharing firewall rules of the computer with whether each is enabled.",
                   examples: [HelpExample(code: "Get-NetFirewallRule -DisplayGroup 'File and Printer Sharing'", remarks: "Lists the File and Printer Sharing rules."),
                              HelpExample(code: "Get-NetFirewallRule -Name FPS-SMB-In-TCP | Select-Object Name, Enabled, Profile",
                                          remarks: "Shows whether inbound SMB is allowed.")]),
            define("Enable", selectors + [passThru], synopsis: "Enables a previously disabled firewall rule.",
                   description: "Enables the firewall rules given by name, display name, group or object.",
                   examples: [HelpExample(code: "Enable-NetFirewallRule -DisplayGroup 'File and Printer Sharing'", remarks: "Allows file and printer sharing."),
                              HelpExample(code: "Enable-NetFirewallRule -Name FPS-SMB-In-TCP -PassThru", remarks: "Allows inbound SMB and returns the rule.")]),
            define("Set", selectors + [ParameterMetadata("Enabled", .string, validations: [.set(["True", "False"], ignoreCase: true)],
                                                         help: "Specifies whether the rules are enabled (True or False)."), passThru],
                   synopsis: "Modifies existing firewall rules.",
                   description: "Turns the firewall rules given by name, display name, group or object on or off (-Enabled True or False).",
                   examples: [HelpExample(code: "Set-NetFirewallRule -DisplayGroup 'File and Printer Sharing' -Enabled True",
                                          remarks: "Allows file and printer sharing."),
                              HelpExample(code: "Set-NetFirewallRule -Name FPS-SMB-In-TCP -Enabled False", remarks: "Blocks inbound SMB.")]),
            define("Disable", selectors + [passThru], synopsis: "Disables a firewall rule.",
                   description: "Disables the firewall rules given by name, display name, group or object.",
                   examples: [HelpExample(code: "Disable-NetFirewallRule -DisplayGroup 'File and Printer Sharing'", remarks: "Blocks file and printer sharing."),
                              HelpExample(code: "Get-NetFirewallRule -Name 'FPS-NB*' | Disable-NetFirewallRule", remarks: "Turns the NetBIOS rules off.")]),
        ]
    }
}

final class FirewallRuleCmdlet: Cmdlet {
    let verb: String
    init(verb: String) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.checkLocalCimTarget(parameter: "CimSession")
        let engine = context.engine
        let snapshot = engine.policySnapshot()
        var rules = FirewallRule.all(engine.osProfile)
        func texts(_ name: String) -> [String]? { NetworkCmdlets.texts(context, name) }
        func filter(_ parameter: String, _ value: (FirewallRule) -> String, notFoundProperty: String) throws {
            guard let wanted = texts(parameter) else { return }
            for text in wanted where !WildcardPattern.hasWildcards(text) && !rules.contains(where: { value($0).caseInsensitiveEquals(text) }) {
                try context.writeError(NetworkCmdlets.notFound(context, className: "MSFT_NetFirewallRule", property: notFoundProperty, value: text))
            }
            rules = rules.filter { rule in wanted.contains { WildcardPattern($0).matches(value(rule)) } }
        }
        if let objects = context.value("InputObject") {
            let names = (objects.enumerated ?? [objects]).compactMap { value -> String? in
                guard case .object(let object) = value else { return nil }
                return object.property("Name").map { LanguagePrimitives.toString($0) }
            }
            rules = rules.filter { rule in names.contains { $0.caseInsensitiveEquals(rule.name) } }
        }
        try filter("Name", \.name, notFoundProperty: "ID")
        try filter("DisplayName", \.displayName, notFoundProperty: "DisplayName")
        try filter("DisplayGroup", { _ in FirewallRule.displayGroup }, notFoundProperty: "DisplayGroup")
        try filter("Group", { _ in FirewallRule.group }, notFoundProperty: "RuleGroup")
        if let directions = texts("Direction") {
            rules = rules.filter { rule in directions.contains { $0.caseInsensitiveEquals(rule.inbound ? "Inbound" : "Outbound") } }
        }
        if verb == "Get", let states = texts("Enabled") {
            rules = rules.filter { rule in states.contains { $0.caseInsensitiveEquals(rule.enabled(snapshot) ? "True" : "False") } }
        }
        guard verb != "Get" else {
            for rule in rules { try context.writeObject(.object(rule.object(snapshot))) }
            return
        }
        let enable = verb == "Set" ? context.string("Enabled")?.caseInsensitiveEquals("True") : verb == "Enable"
        guard let enable else {
            // Set-NetFirewallRule without a property to change leaves the rules as they are.
            if context.switchValue("PassThru") { for rule in rules { try context.writeObject(.object(rule.object(snapshot))) } }
            return
        }
        for rule in rules {
            guard try context.shouldProcess(verboseDescription: "\(verb)-NetFirewallRule DisplayName: \(rule.displayName)") else { continue }
            guard try context.saveHost({ store throws(PolicyStoreError) in
                _ = try store.createRegistryKey(FirewallRule.key)
                return try store.setRegistryValue(key: FirewallRule.key, name: rule.name, data: .string(rule.registryText(enabled: enable)))
            }) else { return }
            if context.switchValue("PassThru") { try context.writeObject(.object(rule.object(engine.policySnapshot()))) }
        }
    }
}
