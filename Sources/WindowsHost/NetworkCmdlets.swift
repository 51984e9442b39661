import EmulatedHost
import SMBPolicy
import ShellEngine

/// Windows' NetAdapter module (CDXML functions): the virtual machine's one adapter.
public enum NetAdapterModule: CommandModule {
    public static let name = "NetAdapter"
    public static let version = "2.0.0.0"
    public static let commandType = ModuleCommandType.function

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied([NetworkCmdlets.getNetAdapter()]) }
    }
}

/// Windows' NetSecurity module (CDXML functions): the firewall rules SMB scripts check.
public enum NetSecurityModule: CommandModule {
    public static let name = "NetSecurity"
    public static let version = "2.0.0.0"
    public static let commandType = ModuleCommandType.function

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied(FirewallCmdlets.definitions()) }
    }
}

/// Windows' NetTCPIP module: Test-NetConnection (a script function), Get-NetTCPConnection and Get-NetIPAddress.
public enum NetTCPIPModule: CommandModule {
    public static let name = "NetTCPIP"
    public static let version = "1.0.0.0"
    public static let commandType = ModuleCommandType.function

    public static func register(in registration: ModuleRegistration) {
        EmulatedHost.attach(to: registration)
        registration.commands { WindowsHostHelp.applied([NetworkCmdlets.testNetConnection()] + NetTcpipCmdlets.definitions()) }
        registration.aliases(["TNC": "Test-NetConnection"])
    }
}

enum NetworkCmdlets {
    static func function(_ name: String, module: String, _ parameters: [ParameterMetadata], synopsis: String, description: String,
                         examples: [HelpExample], output: String?, shouldProcess: Bool = false) -> CommandMetadata {
        CommandMetadata(name: name, module: module, implementation: .function, parameters: parameters,
                        supportsShouldProcess: shouldProcess, synopsis: synopsis, description: description,
                        examples: examples, outputType: output)
    }

    /// `No MSFT_NetAdapter objects found with property 'Name' equal to 'X'.  Verify the value of the property and retry.`
    static func notFound(_ context: CommandContext, className: String, property: String, value: String) -> ErrorRecord {
        context.errorRecord(
            message: "No \(className) objects found with property '\(property)' equal to '\(value)'.  Verify the value of the property and retry.",
            errorId: "CmdletizationQuery_NotFound_" + property, category: .ObjectNotFound,
            exceptionType: "Microsoft.PowerShell.Cmdletization.Cim.CimJobException", target: .string(value))
    }

    static func texts(_ context: CommandContext, _ name: String) -> [String]? {
        context.value(name).map { value in (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) } }
    }

    // MARK: Get-NetAdapter

    static let adapterView = CimTableView(name: "MSFT_NetAdapter", columns: [
        .init("Name", width: 25), .init("InterfaceDescription", width: 39), .init("ifIndex", width: 7), .init("Status", width: 12),
        .init("MacAddress", width: 22), .init("LinkSpeed", width: 9)])

    static func getNetAdapter() -> CmdletDefinition {
        CmdletDefinition(metadata: function("Get-NetAdapter", module: NetAdapterModule.name, [
            ParameterMetadata("Name", .array(.string), aliases: ["ifAlias", "InterfaceAlias"], position: 0, parameterSets: ["ByName"],
                              help: "Specifies the names of the network adapters (wildcards allowed)."),
            ParameterMetadata("InterfaceDescription", .array(.string), aliases: ["ifDesc"], parameterSets: ["ByInstanceID"],
                              help: "Specifies the descriptions of the network adapters (wildcards allowed)."),
            ParameterMetadata("InterfaceIndex", .array(.uint32), aliases: ["ifIndex"], parameterSets: ["ByIfIndex"],
                              help: "Specifies the interface indexes of the network adapters."),
            ParameterMetadata("IncludeHidden", .switchParameter, help: "Includes hidden network adapters."),
            ParameterMetadata("Physical", .switchParameter, help: "Gets only physical network adapters."),
            ParameterMetadata("CimSession", .array(.object), aliases: ["Session"], help: "Runs the cmdlet in a remote session or on a remote computer."),
            ParameterMetadata("ThrottleLimit", .int32, help: "Specifies the maximum number of concurrent operations."),
            ParameterMetadata("AsJob", .switchParameter, help: "Runs the cmdlet as a background job."),
        ], synopsis: "Gets the basic network adapter properties.",
           description: "Gets the basic properties of the computer's network adapters: name, description, interface index, status, MAC address and link speed.",
           examples: [HelpExample(code: "Get-NetAdapter", remarks: "Lists the visible network adapters."),
                      HelpExample(code: "Get-NetAdapter | Where-Object Status -eq 'Up'", remarks: "Lists the connected adapters.")],
           output: "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter")) { GetNetAdapter() }
    }

    static func adapter(_ engine: Engine) -> PSObject {
        let name = HostInventory.adapterName
        return ViewedWindowsObject(typeNames: ["Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter",
                                            "Microsoft.Management.Infrastructure.CimInstance#MSFT_NetAdapter",
                                            "Microsoft.Management.Infrastructure.CimInstance"], properties: [
            ("Name", .string(name)), ("InterfaceDescription", .string(HostInventory.adapterDescription)),
            ("ifIndex", .int32(Int32(HostInventory.adapterIndex))), ("Status", .string("Up")),
            ("MacAddress", .string(HostInventory.macAddress)), ("LinkSpeed", .string(HostInventory.linkSpeed)),
            ("MediaType", .string("802.3")), ("PhysicalMediaType", .string("Unspecified")),
            ("AdminStatus", .string("Up")), ("MediaConnectionState", .string("Connected")), ("DriverInformation",
            .string("Driver Date 2006-06-21 Version 10.0.\(engine.identity.windowsBuild.number).1 NDIS 6.85")),
            ("DriverFileName", .string("netvsc.sys")), ("NdisVersion", .string("6.85")), ("ifOperStatus", .string("Up")),
            ("ifAlias", .string(name)), ("InterfaceAlias", .string(name)), ("ifDesc", .string(HostInventory.adapterDescription)),
            ("InterfaceIndex", .int32(Int32(HostInventory.adapterIndex))), ("Virtual", .bool(false)),
            ("ConnectorPresent", .bool(true)), ("FullDuplex", .bool(true)), ("MtuSize", .uint32(1500)),
            ("PSComputerName", .null),
        ], view: adapterView, rightAligned: ["ifIndex", "LinkSpeed"], text: "MSFT_NetAdapter (CreationClassName = \"MSFT_NetAdapter\", DeviceID = \"{6B1E6E44-8AE1-4E6B-9F19-2B1D2B9F4C10}\", SystemCreationClassName = \"CIM_NetworkPort\", SystemName = \"\(engine.computerName)\")")
    }

    // MARK: Test-NetConnection

    static func testNetConnection() -> CmdletDefinition {
        CmdletDefinition(metadata: function("Test-NetConnection", module: NetTCPIPModule.name, [
            ParameterMetadata("ComputerName", .string, aliases: ["RemoteAddress", "cn"], position: 0, valueFromPipeline: true,
                              valueFromPipelineByPropertyName: true, help: "Specifies the computer to test (default internetbeacon.msedge.net)."),
            ParameterMetadata("CommonTCPPort", .string, position: 1, validations: [.set(["HTTP", "RDP", "SMB", "WINRM"], ignoreCase: true)],
                              parameterSets: ["CommonTCPPort"], help: "Specifies a common service TCP port number (HTTP, RDP, SMB, WINRM)."),
            ParameterMetadata("Port", .int32, aliases: ["RemotePort"], parameterSets: ["RemotePort"], help: "Specifies the TCP port number on the remote computer."),
            ParameterMetadata("InformationLevel", .string, validations: [.set(["Quiet", "Detailed"], ignoreCase: true)],
                              help: "Specifies the information level: Quiet returns only whether the test succeeded."),
            ParameterMetadata("TraceRoute", .switchParameter, parameterSets: ["ICMP"], help: "Traces the route to the computer."),
            ParameterMetadata("Hops", .int32, parameterSets: ["ICMP"], help: "Specifies the number of hops to traverse in a traceroute."),
        ], synopsis: "Displays diagnostic information for a connection.",
           description: "Tests whether a computer answers a ping, or whether a TCP port on it accepts a connection (-Port, -CommonTCPPort SMB for port 445).",
           examples: [HelpExample(code: "Test-NetConnection -ComputerName localhost -Port 445", remarks: "Tests whether the SMB port accepts connections."),
                      HelpExample(code: "Test-NetConnection -ComputerName localhost -CommonTCPPort SMB -InformationLevel Quiet",
                                  remarks: "Returns True when the SMB server accepts connections.")],
           output: "TestNetConnectionResult")) { TestNetConnection() }
    }

    // MARK: Get-HotFix

    static let hotFixView = CimTableView(name: "Win32_QuickFixEngineering", columns: [
        .init("Source", property: "CSName", width: 13), .init("Description", width: 16), .init("HotFixID", width: 13),
        .init("InstalledBy", width: 20), .init("InstalledOn", width: 26)])

    static func getHotFix() -> CmdletDefinition {
        CmdletDefinition(metadata: CommandMetadata(
            name: "Get-HotFix", module: RegistryItemCommands.name,
            implementation: .compiled(className: "Microsoft.PowerShell.Commands.GetHotFixCommand"),
            parameters: [
                ParameterMetadata("Id", .array(.string), aliases: ["HFID"], position: 0, parameterSets: ["Default"],
                                  help: "Specifies the hotfix IDs that this cmdlet gets."),
                ParameterMetadata("Description", .array(.string), parameterSets: ["Description"],
                                  help: "Specifies the hotfix descriptions that this cmdlet gets (wildcards allowed)."),
                ParameterMetadata("ComputerName", .array(.string), aliases: ["CN", "__Server", "IPAddress"],
                                  help: "Specifies the computer (only this computer is reachable)."),
                ParameterMetadata("Credential", .object, help: "Specifies a user account that has permission to perform this action."),
            ], defaultParameterSet: "Default",
            synopsis: "Gets the hotfixes that are installed on local or remote computers.",
            description: "Gets the updates (hotfixes) installed on the computer, as Win32_QuickFixEngineering reports them.",
            examples: [HelpExample(code: "Get-HotFix", remarks: "Lists the installed updates."),
                       HelpExample(code: "Get-HotFix -Description 'Security*'", remarks: "Lists the installed security updates.")],
            outputType: "System.Management.ManagementObject#root\\cimv2\\Win32_QuickFixEngineering")) { GetHotFix() }
    }

    static func hotFix(_ fix: HostInventory.HotFix, _ engine: Engine) -> PSObject {
        let kb = fix.id.dropFirst(2)
        return ViewedWindowsObject(typeNames: ["System.Management.ManagementObject#root\\cimv2\\Win32_QuickFixEngineering",
                                            "System.Management.ManagementObject", "System.Management.ManagementBaseObject",
                                            "System.ComponentModel.Component", "System.MarshalByRefObject"], properties: [
            ("PSComputerName", .string(engine.computerName)), ("InstalledOn", .object(DateTimeObject(seconds: HostInventory.midnight(fix.installedOn)))),
            ("__GENUS", .int32(2)), ("__CLASS", .string("Win32_QuickFixEngineering")),
            ("__RELPATH", .string("Win32_QuickFixEngineering.HotFixID=\"\(fix.id)\",ServicePackInEffect=\"\"")),
            ("__SERVER", .string(engine.computerName)), ("__NAMESPACE", .string("root\\cimv2")),
            ("Caption", .string("http://support.microsoft.com/?kbid=" + kb)), ("CSName", .string(engine.computerName)),
            ("Description", .string(fix.description)), ("FixComments", .string("")), ("HotFixID", .string(fix.id)),
            ("InstallDate", .null), ("InstalledBy", .string("NT AUTHORITY\\SYSTEM")), ("Name", .null),
            ("ServicePackInEffect", .string("")), ("Status", .null),
        ], view: hotFixView, text: "\\\\\(engine.computerName)\\root\\cimv2:Win32_QuickFixEngineering.HotFixID=\"\(fix.id)\",ServicePackInEffect=\"\"")
    }
}

final class GetNetAdapter: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.checkLocalCimTarget(parameter: "CimSession")
        let adapter = NetworkCmdlets.adapter(context.engine)
        for (parameter, property) in [("Name", "Name"), ("InterfaceDescription", "InterfaceDescription")] {
            guard let wanted = NetworkCmdlets.texts(context, parameter) else { continue }
            var written = false
            for text in wanted {
                if WildcardPattern(text).matches(HostInventory.value(of: property)) {
                    if !written { try context.writeObject(.object(adapter)) }
                    written = true
                } else if !WildcardPattern.hasWildcards(text) {
                    try context.writeError(NetworkCmdlets.notFound(context, className: "MSFT_NetAdapter", property: property, value: text))
                }
            }
            return
        }
        if let indexes = NetworkCmdlets.texts(context, "InterfaceIndex") {
            for index in indexes {
                if index == String(HostInventory.adapterIndex) { try context.writeObject(.object(adapter)) } else {
                    try context.writeError(NetworkCmdlets.notFound(context, className: "MSFT_NetAdapter", property: "InterfaceIndex", value: index))
                }
            }
            return
        }
        try context.writeObject(.object(adapter))
    }
}

extension HostInventory {
    static func value(of property: String) -> String {
        property == "Name" ? adapterName : adapterDescription
    }
}

final class GetHotFix: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        if let record = context.unreachableTarget(parameter: "ComputerName") { return try context.writeError(record) }
        var fixes = HostInventory.hotFixes(engine.osProfile)
        if let ids = NetworkCmdlets.texts(context, "Id") {
            fixes = fixes.filter { fix in ids.contains { $0.caseInsensitiveEquals(fix.id) } }
            for id in ids where !fixes.contains(where: { $0.id.caseInsensitiveEquals(id) }) {
                try context.writeError(context.errorRecord(
                    message: "Cannot find the requested hotfix on the '\(engine.computerName)' computer. Verify the input and run the command again.",
                    errorId: "GetHotFixNoEntriesFound", category: .ObjectNotFound, exceptionType: "System.ArgumentException",
                    target: .string(id)))
            }
        } else if let descriptions = NetworkCmdlets.texts(context, "Description") {
            fixes = fixes.filter { fix in descriptions.contains { WildcardPattern($0).matches(fix.description) } }
        }
        for fix in fixes { try context.writeObject(.object(NetworkCmdlets.hotFix(fix, engine))) }
    }
}

final class TestNetConnection: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let computer = context.string("ComputerName") ?? "internetbeacon.msedge.net"
        let quiet = context.string("InformationLevel")?.caseInsensitiveEquals("Quiet") ?? false
        var port: Int32?
        if let common = context.string("CommonTCPPort") {
            port = ["http": 80, "rdp": 3389, "smb": 445, "winrm": 5985][common.lowercased()]
        } else if let value = context.value("Port") {
            port = LanguagePrimitives.toInt64(value).flatMap { Int32(exactly: $0) }
        }
        let loopback = ["localhost", "127.0.0.1", "::1", "."].contains { $0.caseInsensitiveEquals(computer) }
        let local = loopback || [engine.computerName, engine.hostAddress, HostInventory.ipAddress(engine)].contains { $0.caseInsensitiveEquals(computer) }
        guard local else {
            // Only the emulated computer is on its network: any other name does not resolve.
            context.writeWarning("Name resolution of \(computer) failed")
            if quiet { return try context.writeObject(.bool(false)) }
            try context.writeObject(.object(ListedWindowsObject(typeNames: ["TestNetConnectionResult"], properties: [
                ("ComputerName", .string(computer)), ("RemoteAddress", .null), ("InterfaceAlias", .null),
                ("SourceAddress", .null), ("PingSucceeded", .bool(false)), ("NameResolutionSucceeded", .bool(false)),
            ], display: ["ComputerName", "RemoteAddress", "InterfaceAlias", "SourceAddress", "PingSucceeded"])))
            return
        }
        let address = loopback ? "::1" : HostInventory.ipAddress(engine)
        let alias = loopback ? "Loopback Pseudo-Interface 1" : HostInventory.adapterName
        var properties: [(String, PSValue)] = [("ComputerName", .string(computer)), ("RemoteAddress", .string(address))]
        var display = ["ComputerName", "RemoteAddress"]
        if let port {
            let snapshot = engine.policySnapshot()
            let server = snapshot.service("LanmanServer").map(snapshot.serviceRunning) ?? false
            let open = (port == 445 || port == 139) && server
            if !open { context.writeWarning("TCP connect to (\(address) : \(port)) failed") }
            if quiet { return try context.writeObject(.bool(open)) }
            properties += [("RemotePort", .int32(port)), ("InterfaceAlias", .string(alias)), ("SourceAddress", .string(address)),
                           ("TcpTestSucceeded", .bool(open)), ("PingSucceeded", .bool(open)), ("NameResolutionSucceeded", .bool(true))]
            display += ["RemotePort", "InterfaceAlias", "SourceAddress"] + (open ? [] : ["PingSucceeded"]) + ["TcpTestSucceeded"]
        } else {
            if quiet { return try context.writeObject(.bool(true)) }
            properties += [("InterfaceAlias", .string(alias)), ("SourceAddress", .string(address)), ("PingSucceeded", .bool(true)),
                           ("PingReplyDetails (RTT)", .string("0 ms")), ("NameResolutionSucceeded", .bool(true))]
            display += ["InterfaceAlias", "SourceAddress", "PingSucceeded", "PingReplyDetails (RTT)"]
        }
        try context.writeObject(.object(ListedWindowsObject(typeNames: ["TestNetConnectionResult"], properties: properties, display: display)))
    }
}
