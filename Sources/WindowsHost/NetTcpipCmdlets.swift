import EmulatedHost
import SMBPolicy
import ShellEngine

/// Windows' NetConnection module: the network profile of the one adapter.
public enum NetConnectionModule: CommandModule {
    public static let name = "NetConnection"
    public static let version = "1.0.0.0"
    public static let commandType = ModuleCommandType.function

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied(NetTcpipCmdlets.connectionProfileDefinitions()) }
    }
}

/// The network category scripts set to allow file sharing (Set-NetConnectionProfile), for the session.
final class NetworkCategoryState: EngineService {
    var category = "Public"
    func shutdown() {}
}

enum NetTcpipCmdlets {
    static let module = NetTCPIPModule.name

    static func definitions() -> [CmdletDefinition] {
        [
            CmdletDefinition(metadata: NetworkCmdlets.function("Get-NetTCPConnection", module: module, [
                ParameterMetadata("LocalAddress", .array(.string), position: 0, help: "Specifies the local IP addresses."),
                ParameterMetadata("LocalPort", .array(.uint32), position: 1, help: "Specifies the local ports."),
                ParameterMetadata("RemoteAddress", .array(.string), help: "Specifies the remote IP addresses."),
                ParameterMetadata("RemotePort", .array(.uint32), help: "Specifies the remote ports."),
                ParameterMetadata("State", .array(.string), validations: [.set(["Closed", "Listen", "SynSent", "SynReceived", "Established",
                    "FinWait1", "FinWait2", "CloseWait", "Closing", "LastAck", "TimeWait", "DeleteTCB", "Bound"], ignoreCase: true)],
                    help: "Specifies the states of the connections."),
                ParameterMetadata("OwningProcess", .array(.uint32), help: "Specifies the processes that own the connections."),
                ParameterMetadata("CimSession", .array(.object), aliases: ["Session"], help: "Runs the cmdlet in a remote session or on a remote computer."),
            ], synopsis: "Gets TCP connections.",
               description: "Gets the TCP connections and listeners of the computer: the SMB server listens on port 445 (and NetBIOS on 139) while the Server service runs.",
               examples: [HelpExample(code: "Get-NetTCPConnection -LocalPort 445 -State Listen", remarks: "Shows whether the SMB server listens."),
                          HelpExample(code: "Get-NetTCPConnection -State Listen", remarks: "Lists the listening ports.")],
               output: "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection")) { GetNetTcpConnection() },
            CmdletDefinition(metadata: NetworkCmdlets.function("Get-NetIPAddress", module: module, [
                ParameterMetadata("IPAddress", .array(.string), position: 0, help: "Specifies the IP addresses."),
                ParameterMetadata("InterfaceIndex", .array(.uint32), aliases: ["ifIndex"], help: "Specifies the interface indexes."),
                ParameterMetadata("InterfaceAlias", .array(.string), aliases: ["ifAlias"], help: "Specifies the interface aliases (wildcards allowed)."),
                ParameterMetadata("AddressFamily", .array(.string), validations: [.set(["IPv4", "IPv6"], ignoreCase: true)],
                                  help: "Specifies the address family (IPv4 or IPv6)."),
                ParameterMetadata("CimSession", .array(.object), aliases: ["Session"], help: "Runs the cmdlet in a remote session or on a remote computer."),
            ], synopsis: "Gets the IP address configuration.",
               description: "Gets the IPv4 and IPv6 addresses of the computer's interfaces.",
               examples: [HelpExample(code: "Get-NetIPAddress -AddressFamily IPv4", remarks: "Lists the IPv4 addresses."),
                          HelpExample(code: "(Get-NetIPAddress -InterfaceAlias Ethernet -AddressFamily IPv4).IPAddress", remarks: "Gets the adapter's IPv4 address.")],
               output: "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress")) { GetNetIPAddress() },
        ]
    }

    static func connectionProfileDefinitions() -> [CmdletDefinition] {
        let selectors = [
            ParameterMetadata("Name", .array(.string), help: "Specifies the names of the network profiles."),
            ParameterMetadata("InterfaceAlias", .array(.string), help: "Specifies the interface aliases."),
            ParameterMetadata("InterfaceIndex", .array(.uint32), help: "Specifies the interface indexes."),
            ParameterMetadata("CimSession", .array(.object), aliases: ["Session"], help: "Runs the cmdlet in a remote session or on a remote computer."),
        ]
        return [
            CmdletDefinition(metadata: NetworkCmdlets.function("Get-NetConnectionProfile", module: NetConnectionModule.name,
                selectors + [ParameterMetadata("NetworkCategory", .array(.string), help: "Specifies the network categories.")],
                synopsis: "Gets a connection profile.",
                description: "Gets the network profile of the connected adapter: its name and network category (Public, Private or DomainAuthenticated).",
                examples: [HelpExample(code: "Get-NetConnectionProfile", remarks: "Shows the network profile."),
                           HelpExample(code: "(Get-NetConnectionProfile).NetworkCategory", remarks: "Shows whether the network is public or private.")],
                output: "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetConnectionProfile")) { NetConnectionProfileCmdlet(set: false) },
            CmdletDefinition(metadata: NetworkCmdlets.function("Set-NetConnectionProfile", module: NetConnectionModule.name,
                selectors + [ParameterMetadata("NetworkCategory", .string, validations: [.set(["Public", "Private"], ignoreCase: true)],
                                               help: "Specifies the network category (Public or Private)."),
                             ParameterMetadata("InputObject", .array(.object), valueFromPipeline: true, help: "Specifies the profiles as objects."),
                             ParameterMetadata("PassThru", .switchParameter, help: "Returns the changed profile.")],
                synopsis: "Changes the network category of a connection profile.",
                description: "Sets the network category of the network profile (Private lets the Private firewall rules apply).",
                examples: [HelpExample(code: "Set-NetConnectionProfile -InterfaceAlias Ethernet -NetworkCategory Private", remarks: "Makes the network private."),
                           HelpExample(code: "Get-NetConnectionProfile | Set-NetConnectionProfile -NetworkCategory Public", remarks: "Makes the network public.")],
                output: nil, shouldProcess: true)) { NetConnectionProfileCmdlet(set: true) },
        ]
    }

    static let tcpView = CimTableView(name: "MSFT_NetTCPConnection", columns: [
        .init("LocalAddress", width: 35), .init("LocalPort", width: 9), .init("RemoteAddress", width: 35), .init("RemotePort", width: 10),
        .init("State", width: 11), .init("AppliedSetting", width: 14), .init("OwningProcess", width: 13)])

    static let cimTypes = ["Microsoft.Management.Infrastructure.CimInstance"]
}

final class GetNetTcpConnection: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.checkLocalCimTarget(parameter: "CimSession")
        let engine = context.engine
        let snapshot = engine.policySnapshot()
        let server = snapshot.service("LanmanServer").map(snapshot.serviceRunning) ?? false
        var listeners: [(address: String, port: UInt32, pid: UInt32)] = [("::", 135, 1044), ("0.0.0.0", 135, 1044)]
        if server { listeners += [("::", 445, 4), ("0.0.0.0", 445, 4), (HostInventory.ipAddress(engine), 139, 4)] }
        let texts = { (name: String) in NetworkCmdlets.texts(context, name) }
        var rows = listeners
        var conditions: [String] = []
        if let ports = texts("LocalPort") {
            rows = rows.filter { row in ports.contains(String(row.port)) }
            conditions.append("(" + ports.map { "LocalPort = " + $0 }.joined(separator: " OR ") + ")")
        }
        if let addresses = texts("LocalAddress") {
            rows = rows.filter { row in addresses.contains(row.address) }
            conditions.append("(" + addresses.map { "LocalAddress LIKE '" + $0 + "'" }.joined(separator: " OR ") + ")")
        }
        if let states = texts("State") {
            if !states.contains(where: { $0.caseInsensitiveEquals("Listen") }) { rows = [] }
            conditions.append("(" + states.map { "State = " + $0 }.joined(separator: " OR ") + ")")
        }
        if let processes = texts("OwningProcess") {
            rows = rows.filter { row in processes.contains(String(row.pid)) }
            conditions.append("(" + processes.map { "OwningProcess = " + $0 }.joined(separator: " OR ") + ")")
        }
        if texts("RemoteAddress") != nil || texts("RemotePort") != nil { rows = [] }
        guard !rows.isEmpty || conditions.isEmpty else {
            let query = "SELECT * FROM MSFT_NetTCPConnection  WHERE (" + conditions.joined(separator: " AND ") + ")"
            return try context.writeError(context.errorRecord(
                message: "No matching MSFT_NetTCPConnection objects found by CIM query for instances of the ROOT/StandardCimv2/MSFT_NetTCPConnection class on the  CIM server: \(query). Verify query parameters and retry.",
                errorId: "CmdletizationQuery_NotFound", category: .ObjectNotFound,
                exceptionType: "Microsoft.PowerShell.Cmdletization.Cim.CimJobException", target: .null))
        }
        for row in rows {
            try context.writeObject(.object(ViewedWindowsObject(
                typeNames: ["Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection"] + NetTcpipCmdlets.cimTypes,
                properties: [("LocalAddress", .string(row.address)), ("LocalPort", .uint32(row.port)),
                             ("RemoteAddress", .string(row.address == "::" ? "::" : "0.0.0.0")), ("RemotePort", .uint32(0)),
                             ("State", dotNetEnum("Listen", "Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetTCPConnection.State")),
                             ("AppliedSetting", .null), ("OwningProcess", .uint32(row.pid)),
                             ("CreationTime", .object(DateTimeObject(seconds: HostInventory.midnight(HostInventory.installDate)))),
                             ("OffloadState", .string("InHost")), ("PSComputerName", .null)],
                view: NetTcpipCmdlets.tcpView,
                text: "MSFT_NetTCPConnection (CreationClassName = \"\", LocalAddress = \"\(row.address)\", LocalPort = \(row.port), RemoteAddress = \"\(row.address == "::" ? "::" : "0.0.0.0")\", ...)")))
        }
    }
}

final class GetNetIPAddress: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.checkLocalCimTarget(parameter: "CimSession")
        let engine = context.engine
        let ethernet = HostInventory.adapterName, loopback = "Loopback Pseudo-Interface 1"
        let index = Int32(HostInventory.adapterIndex)
        let all: [(address: String, index: Int32, alias: String, family: String, prefix: Int32, origin: String)] = [
            ("fe80::215:5dff:fe01:a2b%\(index)", index, ethernet, "IPv6", 64, "WellKnown"),
            ("::1", 1, loopback, "IPv6", 128, "WellKnown"),
            (HostInventory.ipAddress(engine), index, ethernet, "IPv4", 24, "Manual"),
            ("127.0.0.1", 1, loopback, "IPv4", 8, "WellKnown"),
        ]
        var rows = all
        if let families = NetworkCmdlets.texts(context, "AddressFamily") {
            rows = rows.filter { row in families.contains { $0.caseInsensitiveEquals(row.family) } }
        }
        if let aliases = NetworkCmdlets.texts(context, "InterfaceAlias") {
            rows = rows.filter { row in aliases.contains { WildcardPattern($0).matches(row.alias) } }
        }
        if let indexes = NetworkCmdlets.texts(context, "InterfaceIndex") {
            rows = rows.filter { row in indexes.contains(String(row.index)) }
        }
        if let addresses = NetworkCmdlets.texts(context, "IPAddress") {
            rows = rows.filter { row in addresses.contains { WildcardPattern($0).matches(row.address) } }
            for address in addresses where !WildcardPattern.hasWildcards(address) && !rows.contains(where: { $0.address == address }) {
                try context.writeError(NetworkCmdlets.notFound(context, className: "MSFT_NetIPAddress", property: "IPAddress", value: address))
            }
        }
        let prefix = "Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetIPAddress."
        for row in rows {
            let origin = row.origin == "Manual" ? "Manual" : "WellKnown"
            let suffix = row.address.hasPrefix("fe80") ? "Link" : origin
            let properties: [(String, PSValue)] = [
                ("IPAddress", .string(row.address)), ("InterfaceIndex", .int32(row.index)), ("InterfaceAlias", .string(row.alias)),
                ("AddressFamily", dotNetEnum(row.family, prefix + "AddressFamily")), ("Type", dotNetEnum("Unicast", prefix + "Type")),
                ("PrefixLength", .byte(UInt8(clamping: row.prefix))), ("PrefixOrigin", dotNetEnum(origin, prefix + "PrefixOrigin")),
                ("SuffixOrigin", dotNetEnum(suffix, prefix + "SuffixOrigin")), ("AddressState", dotNetEnum("Preferred", prefix + "AddressState")),
                ("ValidLifetime", .string("Infinite ([TimeSpan]::MaxValue)")), ("PreferredLifetime", .string("Infinite ([TimeSpan]::MaxValue)")),
                ("SkipAsSource", .bool(false)), ("PolicyStore", .string("ActiveStore")), ("PSComputerName", .null),
            ]
            try context.writeObject(.object(ListedWindowsObject(
                typeNames: ["Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress"] + NetTcpipCmdlets.cimTypes,
                properties: properties,
                display: ["IPAddress", "InterfaceIndex", "InterfaceAlias", "AddressFamily", "Type", "PrefixLength", "PrefixOrigin",
                          "SuffixOrigin", "AddressState", "ValidLifetime", "PreferredLifetime", "SkipAsSource", "PolicyStore"],
                text: "MSFT_NetIPAddress (Name = \"\(row.address)\", CreationClassName = \"\", SystemCreationClassName = \"\", SystemName = \"\")")))
        }
    }
}

final class NetConnectionProfileCmdlet: Cmdlet {
    let set: Bool
    init(set: Bool) { self.set = set }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.checkLocalCimTarget(parameter: "CimSession")
        let state = context.engine.service(NetworkCategoryState.self) { NetworkCategoryState() }
        for (parameter, value) in [("Name", "Network"), ("InterfaceAlias", HostInventory.adapterName),
                                   ("InterfaceIndex", String(HostInventory.adapterIndex))] {
            guard let wanted = NetworkCmdlets.texts(context, parameter) else { continue }
            for text in wanted where !WildcardPattern(text).matches(value) {
                try context.writeError(NetworkCmdlets.notFound(context, className: "MSFT_NetConnectionProfile", property: parameter, value: text))
                return
            }
        }
        if set {
            guard let category = context.string("NetworkCategory") else { return }
            guard try context.shouldProcess(verboseDescription: "Set-NetConnectionProfile -NetworkCategory \(category)") else { return }
            state.category = category.caseInsensitiveEquals("Private") ? "Private" : "Public"
            if !context.switchValue("PassThru") { return }
        } else if let categories = NetworkCmdlets.texts(context, "NetworkCategory"),
                  !categories.contains(where: { $0.caseInsensitiveEquals(state.category) }) {
            return
        }
        let prefix = "Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetConnectionProfile."
        try context.writeObject(.object(ListedWindowsObject(
            typeNames: ["Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetConnectionProfile"] + NetTcpipCmdlets.cimTypes,
            properties: [("Name", .string("Network")), ("InterfaceAlias", .string(HostInventory.adapterName)),
                         ("InterfaceIndex", .uint32(UInt32(HostInventory.adapterIndex))),
                         ("NetworkCategory", dotNetEnum(state.category, prefix + "NetworkCategory")),
                         ("IPv4Connectivity", dotNetEnum("Internet", prefix + "IPv4Connectivity")),
                         ("IPv6Connectivity", dotNetEnum("NoTraffic", prefix + "IPv6Connectivity")), ("PSComputerName", .null)],
            display: ["Name", "InterfaceAlias", "InterfaceIndex", "NetworkCategory", "IPv4Connectivity", "IPv6Connectivity"],
            text: "MSFT_NetConnectionProfile (InstanceID = \"{6B1E6E44-8AE1-4E6B-9F19-2B1D2B9F4C10}\")")))
    }
}
