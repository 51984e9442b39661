import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-SmbConnection, -SmbSession, -SmbOpenFile, -SmbMapping and the network interfaces: each
/// lists the instances of its class that its filters select, with the query's not-found errors.
final class LiveStateCmdlet: Cmdlet {
    enum Kind { case connection, session, openFile, mapping, clientInterface, serverInterface }
    let kind: Kind
    /// Close-SmbSession / Close-SmbOpenFile: the selected instances are closed instead of listed.
    let closing: Bool
    init(kind: Kind, closing: Bool = false) {
        self.kind = kind
        self.closing = closing
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        let engine = context.engine
        let state = engine.currentShares()
        // Removing a share disconnects its clients: only mappings to existing shares are connected.
        let mappings = state.mappings.filter { kind == .mapping || SmbCim.isConnected($0, state) }
        let user = engine.computerName + "\\" + engine.userName
        var instances: [(ViewedCimInstance, [String: String])] = []
        var className = ""
        switch kind {
        case .connection:
            className = "MSFT_SmbConnection"
            for m in mappings {
                guard let (server, share) = SmbClientCmdlets.uncParts(m.remotePath) else { continue }
                let name = m.userName.isEmpty ? user : m.userName
                instances.append((SmbClientCmdlets.instance(className, SmbClientCmdlets.connectionView, [
                    ("ContinuouslyAvailable", .bool(false)), ("Credential", .string(name)), ("Dialect", .string("3.1.1")),
                    ("Encrypted", .bool(false)), ("NumOpens", .uint32(0)), ("Redirected", .bool(false)),
                    ("ServerName", .string(server)), ("ShareName", .string(share)), ("Signed", .bool(false)),
                    ("SmbInstance", SmbCim.enumValue("Default", "SmbInstance")), ("UserName", .string(name))]),
                    ["ServerName": server, "UserName": name]))
            }
        case .session:
            className = "MSFT_SmbSession"
            for (index, name) in Set(mappings.map { $0.userName.isEmpty ? user : $0.userName }).sorted().enumerated() {
                let id = UInt64(0x0000_1000_0000_0001) + UInt64(index) * 4
                instances.append((SmbClientCmdlets.instance(className, SmbClientCmdlets.sessionView, [
                    ("ClientComputerName", .string("[::1]")), ("ClientUserName", .string(name)), ("ClusterNodeName", .string("")),
                    ("Dialect", .string("3.1.1")), ("NumOpens", .uint32(0)), ("ScopeName", .string("*")),
                    ("SecondsExists", .uint32(0)), ("SecondsIdle", .uint32(0)), ("SessionId", .uint64(id)),
                    ("TransportName", .string(""))]),
                    ["SessionId": String(id), "ClientComputerName": "[::1]", "ClientUserName": name, "ScopeName": "*"]))
            }
        case .openFile:
            className = "MSFT_SmbOpenFile"
        case .mapping:
            className = "MSFT_SmbMapping"
            for m in mappings {
                instances.append((SmbCim.mapping(m, in: state), ["LocalPath": m.localPath, "RemotePath": m.remotePath]))
            }
        case .clientInterface, .serverInterface:
            let address = engine.hostAddress
            let loopback = address.hasPrefix("127.")
            let speed: UInt64 = loopback ? 1_073_741_824 : 1_000_000_000
            let name = loopback ? "Loopback Pseudo-Interface 1" : "Ethernet"
            let index: UInt32 = loopback ? 1 : 4
            let client = kind == .clientInterface
            className = client ? "MSFT_SmbClientNetworkInterface" : "MSFT_SmbServerNetworkInterface"
            var properties: [(String, PSValue)] = [("FriendlyName", .string(name)), ("InterfaceIndex", .uint32(index))]
            properties.append(client ? ("IpAddresses", .array(PSArray([.string(address)], elementTypeName: "System.String")))
                                     : ("IpAddress", .string(address)))
            properties += [("LinkSpeed", .uint64(speed)), ("RdmaCapable", .bool(false)), ("RssCapable", .bool(false))]
            if !client { properties.append(("ScopeName", .string("*"))) }
            let view = client ? SmbClientCmdlets.clientInterfaceView : SmbClientCmdlets.serverInterfaceView
            instances.append((SmbClientCmdlets.instance(className, view, properties,
                                                        cells: ["Speed": SmbClientCmdlets.speed(speed, padded: client)]), [:]))
        }
        // The first filter given decides (PowerShell's cmdletization reports for a single filter).
        var filters = context.metadata.parameters.map(\.name).filter { name in
            context.has(name) && !["CimSession", "ThrottleLimit", "AsJob", "IncludeHidden", "SmbInstance", "ClusterNodeName", "Force",
                                   "InputObject"].contains(name)
        }
        var selected = instances
        if closing, let objects = context.value("InputObject") ?? input.flatMap({ value -> PSValue? in
            if case .object(let object as CimInstanceObject) = value, object.className == className { return value }
            return nil
        }) {
            // Objects piped from Get-SmbSession / Get-SmbOpenFile name their instance by its key.
            let key = kind == .session ? "SessionId" : "FileId"
            let ids = (objects.enumerated ?? [objects]).compactMap { value -> String? in
                guard case .object(let object) = value else { return nil }
                return object.property(key).map { LanguagePrimitives.toString($0) }
            }
            selected = selected.filter { ids.contains($0.1[key] ?? "") }
            filters = []
        }
        for name in filters {
            let wanted = CimQuery.strings(context, name)
            selected = selected.filter { CimQuery.matches($0.1[name] ?? "", wanted) }
        }
        if let first = filters.first, selected.isEmpty {
            try CimQuery.writeNotFound(context, className: className, property: first, values: CimQuery.strings(context, first)) { _ in false }
        }
        guard closing else {
            for (instance, _) in selected { try context.writeObject(.object(instance)) }
            return
        }
        // A mapped drive's session is opened again at its next use, so the mapping stays.
        for (instance, keys) in selected {
            let target = kind == .session ? keys["SessionId"] ?? "" : keys["FileId"] ?? ""
            _ = try context.shouldProcess(verboseDescription: "Performing operation 'Close' on Target '\(target)'.",
                                          force: context.switchValue("Force"))
            _ = instance
        }
    }
}

final class NewSmbMapping: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        let engine = context.engine
        let className = "MSFT_SmbMapping"
        func fail(_ code: Int, _ message: String, _ category: ErrorCategory) throws {
            let record = CimQuery.win32Error(context, code: code, message: message, category: category, className: className)
            try context.writeError(record)
        }
        var local = context.string("LocalPath") ?? ""
        let remote = context.string("RemotePath") ?? ""
        if !local.isEmpty {
            let chars = Array(local)
            guard (chars.count == 2 || (chars.count == 3 && chars[2] == "\\")), chars[0].isLetter, chars[1] == ":" else {
                return try fail(1200, "The specified device name is invalid.", .InvalidArgument)
            }
            local = chars[0].uppercased() + ":"
        }
        guard let (server, share) = SmbClientCmdlets.uncParts(remote) else {
            return try fail(67, "The network name cannot be found.", .ObjectNotFound)
        }
        guard SmbClientCmdlets.isLocal(server, engine) else {
            return try fail(53, "The network path was not found.", .ObjectNotFound)
        }
        guard engine.currentShares().shares.contains(where: { $0.name.caseInsensitiveEquals(share) }) else {
            return try fail(67, "The network name cannot be found.", .ObjectNotFound)
        }
        let user = context.string("UserName") ?? ""
        let mapping = MappingRecord(localPath: local, remotePath: remote, userName: user,
                                    persistent: context.value("Persistent").map(LanguagePrimitives.isTrue) ?? false)
        guard try context.shouldProcess(verboseDescription: "Performing operation 'New' on Target '\(local) \(remote)'.") else { return }
        let added = try CimQuery.update(context) { state -> Bool in
            if local.caseInsensitiveEquals("C:") || (!local.isEmpty && state.mappings.contains { $0.localPath.caseInsensitiveEquals(local) }) {
                return false
            }
            state.mappings.append(mapping)
            return true
        }
        guard let added else { return }
        guard added else { return try fail(85, "The local device name is already in use.", .ResourceExists) }
        try context.writeObject(.object(SmbCim.mapping(mapping)))
    }
}

final class RemoveSmbMapping: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try checkCimParameters(context)
        let locals = CimQuery.strings(context, "LocalPath"), remotes = CimQuery.strings(context, "RemotePath")
        let mappings = context.engine.currentShares().mappings.filter {
            CimQuery.matches($0.localPath, locals) && CimQuery.matches($0.remotePath, remotes)
        }
        if mappings.isEmpty {
            let (property, values) = locals != nil ? ("LocalPath", locals) : ("RemotePath", remotes)
            try CimQuery.writeNotFound(context, className: "MSFT_SmbMapping", property: property, values: values) { _ in false }
            return
        }
        for mapping in mappings {
            guard try context.shouldProcess(verboseDescription: "Performing operation 'Remove' on Target '\(mapping.localPath) \(mapping.remotePath)'.",
                                            force: context.switchValue("Force")) else { continue }
            _ = try CimQuery.update(context) { state in state.mappings.removeAll { $0 == mapping } }
        }
    }
}
