import EmulatedHost
import SMBPolicy
import ShellEngine

/// The SMB client and server's live state: connections, sessions, open files, drive mappings and
/// network interfaces. The emulated host has no SMB peer on the network, so its only connections
/// are the mappings to its own shares (over loopback), each also a session on its server side.
enum SmbClientCmdlets {
    static let names = ["Get-SmbConnection", "Get-SmbSession", "Get-SmbOpenFile", "Get-SmbMapping", "New-SmbMapping",
                        "Remove-SmbMapping", "Get-SmbClientNetworkInterface", "Get-SmbServerNetworkInterface",
                        "Close-SmbSession", "Close-SmbOpenFile"]

    static func outputType(_ className: String) -> String {
        CimInstanceObject.instanceTypeName + "#root/Microsoft/Windows/SMB/" + className
    }

    static let connectionView = CimTableView(name: "MSFT_SmbConnection", columns: [
        .init("ServerName", width: 19), .init("ShareName", width: 19), .init("UserName", width: 20),
        .init("Credential", width: 20), .init("Dialect", width: 19), .init("NumOpens")])
    static let sessionView = CimTableView(name: "MSFT_SmbSession", columns: [
        .init("SessionId"), .init("ClientComputerName"), .init("ClientUserName"), .init("NumOpens")])
    static let openFileView = CimTableView(name: "MSFT_SmbOpenFile", columns: [
        .init("FileId"), .init("SessionId"), .init("Path"), .init("ShareRelativePath"), .init("ClientComputerName"),
        .init("ClientUserName")])
    static let clientInterfaceView = CimTableView(name: "MSFT_SmbClientNetworkInterface", columns: [
        .init("Interface Index", property: "InterfaceIndex", width: 19), .init("RSS Capable", property: "RssCapable", width: 19),
        .init("RDMA Capable", property: "RdmaCapable", width: 19), .init("Speed", width: 19),
        .init("IpAddresses", width: 19), .init("Friendly Name", property: "FriendlyName")])
    static let serverInterfaceView = CimTableView(name: "MSFT_SmbServerNetworkInterface", columns: [
        .init("Scope Name", property: "ScopeName", width: 19), .init("Interface Index", property: "InterfaceIndex", width: 19),
        .init("RSS Capable", property: "RssCapable", width: 19), .init("RDMA Capable", property: "RdmaCapable", width: 19),
        .init("Speed", width: 19), .init("IpAddress")])

    static func definitions() -> [CmdletDefinition] {
        func filter(_ name: String, position: Int? = nil, _ help: String, type: ParameterType = .array(.string)) -> ParameterMetadata {
            ParameterMetadata(name, type, position: position, valueFromPipelineByPropertyName: true, help: help)
        }
        func metadata(_ name: String, _ parameters: [ParameterMetadata], _ synopsis: String, _ description: String,
                      _ examples: [HelpExample], output: String?, shouldProcess: Bool = false) -> CommandMetadata {
            CommandMetadata(name: name, module: SmbShareModule.name, implementation: .function,
                            parameters: parameters + SmbShareCmdlets.cimParameters, supportsShouldProcess: shouldProcess,
                            confirmImpact: name.hasPrefix("Remove") || name.hasPrefix("Close") ? .high : .medium,
                            synopsis: synopsis, description: description, examples: examples, outputType: output.map(outputType))
        }
        let smbInstance = filter("SmbInstance", "Specifies the SMB instance.", type: CimQuery.smbInstance)
        /// Close-*: the filters make the query parameter set, InputObject the other (as their CDXML declares).
        func closing(_ metadata: CommandMetadata) -> CommandMetadata {
            var result = metadata
            result.defaultParameterSet = "Query (cdxml)"
            return result
        }
        func query(_ parameters: [ParameterMetadata]) -> [ParameterMetadata] {
            parameters.map { parameter in
                var p = parameter
                if p.valueFromPipelineByPropertyName { p.parameterSets = ["Query (cdxml)"] }
                return p
            }
        }
        return [
            CmdletDefinition(metadata: metadata("Get-SmbConnection", [
                filter("ServerName", position: 0, "Specifies that the connections made to the server are enumerated."),
                filter("UserName", position: 1, "Specifies that the connections made by the user are enumerated."), smbInstance],
                "Retrieves the connections established from the SMB client to the SMB servers.",
                "Retrieves the connections established from the Server Message Block (SMB) client to the SMB servers: one per share per user logon per credential used.",
                [HelpExample(code: "Get-SmbConnection", remarks: "Retrieves the connections of the SMB client."),
                 HelpExample(code: "Get-SmbConnection -ServerName \"FS1\"", remarks: "Retrieves the connections to the server FS1.")],
                output: "MSFT_SmbConnection")) { LiveStateCmdlet(kind: .connection) },
            CmdletDefinition(metadata: metadata("Get-SmbSession", [
                filter("SessionId", position: 0, "Specifies the session identifier of the SMB sessions to retrieve.", type: .array(.uint64)),
                filter("ClientComputerName", position: 1, "Specifies the client computer name of the SMB sessions to retrieve."),
                filter("ClientUserName", position: 2, "Specifies the user name of the SMB sessions to retrieve."),
                filter("ScopeName", position: 3, "Specifies the scope name of the SMB sessions to retrieve."),
                filter("ClusterNodeName", "Specifies the cluster node name of the SMB sessions to retrieve."),
                ParameterMetadata("IncludeHidden", .switchParameter, help: "Indicates that hidden sessions are also enumerated."), smbInstance],
                "Retrieves information about the SMB sessions that are currently established between the SMB server and the associated clients.",
                "Retrieves the Server Message Block (SMB) sessions currently established between the SMB server and its clients.",
                [HelpExample(code: "Get-SmbSession", remarks: "Retrieves the sessions of the SMB server."),
                 HelpExample(code: "Get-SmbSession -ClientUserName \"CONTOSO\\User1\"", remarks: "Retrieves the sessions of one user.")],
                output: "MSFT_SmbSession")) { LiveStateCmdlet(kind: .session) },
            CmdletDefinition(metadata: metadata("Get-SmbOpenFile", [
                filter("FileId", position: 0, "Specifies the file identifier of the open files to retrieve.", type: .array(.uint64)),
                filter("SessionId", position: 1, "Specifies the session identifier of the open files to retrieve.", type: .array(.uint64)),
                filter("ClientComputerName", position: 2, "Specifies the client computer name of the open files to retrieve."),
                filter("ClientUserName", position: 3, "Specifies the user name of the open files to retrieve."),
                filter("ScopeName", position: 4, "Specifies the scope name of the open files to retrieve."),
                filter("ClusterNodeName", "Specifies the cluster node name of the open files to retrieve."),
                ParameterMetadata("IncludeHidden", .switchParameter, help: "Indicates that hidden files are also enumerated."), smbInstance],
                "Retrieves basic information about the files that are open on behalf of the clients of the SMB server.",
                "Retrieves the files of the Server Message Block (SMB) server that are open on behalf of its clients.",
                [HelpExample(code: "Get-SmbOpenFile", remarks: "Retrieves the files open on the SMB server."),
                 HelpExample(code: "Get-SmbOpenFile -ClientUserName \"CONTOSO\\User1\"", remarks: "Retrieves the files one user has open.")],
                output: "MSFT_SmbOpenFile")) { LiveStateCmdlet(kind: .openFile) },
            CmdletDefinition(metadata: closing(metadata("Close-SmbSession", query([
                filter("SessionId", position: 0, "Specifies the session identifier of the SMB sessions to close.", type: .array(.uint64)),
                filter("ClientComputerName", position: 1, "Specifies the client computer name of the SMB sessions to close."),
                filter("ClientUserName", position: 2, "Specifies the user name of the SMB sessions to close."),
                filter("ScopeName", position: 3, "Specifies the scope name of the SMB sessions to close."),
                filter("ClusterNodeName", "Specifies the cluster node name of the SMB sessions to close.")]) + [
                ParameterMetadata("IncludeHidden", .switchParameter, help: "Indicates that hidden sessions are also closed."),
                ParameterMetadata("InputObject", .array(.object), valueFromPipeline: true, parameterSets: ["InputObject (cdxml)"],
                                  help: "Specifies the sessions to close, as objects from Get-SmbSession."),
                ShareCmdlets.force, smbInstance],
                "Ends forcibly the SMB session.",
                "Forcibly ends the Server Message Block (SMB) sessions the filters select; a client's open files are closed with it. Prompts for confirmation unless -Force is given.",
                [HelpExample(code: "Close-SmbSession -ClientUserName \"CONTOSO\\User1\" -Force", remarks: "Ends the sessions of one user."),
                 HelpExample(code: "Get-SmbSession | Close-SmbSession -Force", remarks: "Ends every session.")],
                output: nil, shouldProcess: true))) { LiveStateCmdlet(kind: .session, closing: true) },
            CmdletDefinition(metadata: closing(metadata("Close-SmbOpenFile", query([
                filter("FileId", position: 0, "Specifies the file identifier of the open files to close.", type: .array(.uint64)),
                filter("SessionId", position: 1, "Specifies the session identifier of the open files to close.", type: .array(.uint64)),
                filter("ClientComputerName", position: 2, "Specifies the client computer name of the open files to close."),
                filter("ClientUserName", position: 3, "Specifies the user name of the open files to close."),
                filter("ScopeName", position: 4, "Specifies the scope name of the open files to close."),
                filter("ClusterNodeName", "Specifies the cluster node name of the open files to close.")]) + [
                ParameterMetadata("IncludeHidden", .switchParameter, help: "Indicates that hidden files are also closed."),
                ParameterMetadata("InputObject", .array(.object), valueFromPipeline: true, parameterSets: ["InputObject (cdxml)"],
                                  help: "Specifies the files to close, as objects from Get-SmbOpenFile."),
                ShareCmdlets.force, smbInstance],
                "Closes a file that is open by one of the clients of the SMB server.",
                "Forcibly closes the files of the Server Message Block (SMB) server that the filters select. Prompts for confirmation unless -Force is given.",
                [HelpExample(code: "Close-SmbOpenFile -ClientUserName \"CONTOSO\\User1\" -Force", remarks: "Closes the files one user has open."),
                 HelpExample(code: "Get-SmbOpenFile | Close-SmbOpenFile -Force", remarks: "Closes every open file.")],
                output: nil, shouldProcess: true))) { LiveStateCmdlet(kind: .openFile, closing: true) },
            CmdletDefinition(metadata: metadata("Get-SmbMapping", [
                filter("LocalPath", position: 0, "Specifies the local path of the SMB mappings to retrieve."),
                filter("RemotePath", position: 1, "Specifies the remote path of the SMB mappings to retrieve.")],
                "Retrieves the SMB client directory mappings created for a server.",
                "Retrieves the Server Message Block (SMB) client directory mappings (drive letters mapped to shares).",
                [HelpExample(code: "Get-SmbMapping", remarks: "Retrieves the mappings of the SMB client."),
                 HelpExample(code: "Get-SmbMapping -LocalPath \"X:\"", remarks: "Retrieves the mapping of drive X:.")],
                output: "MSFT_SmbMapping")) { LiveStateCmdlet(kind: .mapping) },
            CmdletDefinition(metadata: metadata("New-SmbMapping", [
                ParameterMetadata("LocalPath", .string, position: 0, help: "Specifies the local path to which the remote path is mapped."),
                ParameterMetadata("RemotePath", .string, position: 1, help: "Specifies the remote path that is accessed from this computer."),
                ParameterMetadata("UserName", .string, help: "Specifies the user name to use to connect to the SMB share."),
                ParameterMetadata("Password", .string, help: "Specifies the password to be used to connect to the SMB share."),
                ParameterMetadata("Persistent", .boolean, help: "Indicates that this connection is persistent."),
                ParameterMetadata("SaveCredentials", .switchParameter, help: "Indicates that the credentials provided should be saved."),
                ParameterMetadata("HomeFolder", .switchParameter, help: "Indicates that the connection is made to the home folder of the user.")],
                "Creates an SMB mapping.",
                "Creates a Server Message Block (SMB) mapping on the SMB client to an SMB share.",
                [HelpExample(code: "New-SmbMapping -LocalPath 'X:' -RemotePath \"\\\\$env:COMPUTERNAME\\Data\"", remarks: "Maps drive X: to the share Data of this computer."),
                 HelpExample(code: "Get-SmbMapping", remarks: "Shows the mapping.")],
                output: "MSFT_SmbMapping", shouldProcess: true)) { NewSmbMapping() },
            CmdletDefinition(metadata: metadata("Remove-SmbMapping", [
                ParameterMetadata("LocalPath", .array(.string), position: 0, valueFromPipelineByPropertyName: true,
                                  help: "Specifies the local path of the SMB mapping to remove."),
                ParameterMetadata("RemotePath", .array(.string), position: 1, valueFromPipelineByPropertyName: true,
                                  help: "Specifies the remote path of the SMB mapping to remove."),
                ParameterMetadata("UpdateProfile", .switchParameter, help: "Indicates that the mapping is also removed from the user profile."),
                ShareCmdlets.force],
                "Removes the SMB mapping to an SMB share.",
                "Removes the Server Message Block (SMB) client mapping to an SMB share. Prompts for confirmation unless -Force or -Confirm:$false is given.",
                [HelpExample(code: "Remove-SmbMapping -LocalPath 'X:' -Force", remarks: "Removes the mapping of drive X: without a prompt."),
                 HelpExample(code: "Get-SmbMapping | Remove-SmbMapping -Force", remarks: "Removes every mapping.")],
                output: nil, shouldProcess: true)) { RemoveSmbMapping() },
            CmdletDefinition(metadata: metadata("Get-SmbClientNetworkInterface", [],
                "Retrieves the network interfaces used by the SMB client.",
                "Retrieves the network interfaces used by the Server Message Block (SMB) client.",
                [HelpExample(code: "Get-SmbClientNetworkInterface", remarks: "Retrieves the interfaces of the SMB client."),
                 HelpExample(code: "Get-SmbClientNetworkInterface | Select-Object -Property *", remarks: "Shows every property.")],
                output: "MSFT_SmbClientNetworkInterface")) { LiveStateCmdlet(kind: .clientInterface) },
            CmdletDefinition(metadata: metadata("Get-SmbServerNetworkInterface", [],
                "Retrieves the network interfaces used by the SMB server.",
                "Retrieves the network interfaces that are used by the Server Message Block (SMB) server.",
                [HelpExample(code: "Get-SmbServerNetworkInterface", remarks: "Retrieves the interfaces of the SMB server."),
                 HelpExample(code: "Get-SmbServerNetworkInterface | Select-Object -Property *", remarks: "Shows every property.")],
                output: "MSFT_SmbServerNetworkInterface")) { LiveStateCmdlet(kind: .serverInterface) },
        ]
    }

    static func instance(_ className: String, _ view: CimTableView, _ properties: [(String, PSValue)],
                         cells: [String: String] = [:]) -> ViewedCimInstance {
        ViewedCimInstance(className: className, namespace: SmbCim.namespace,
                          properties: properties.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) },
                          view: view, cells: cells)
    }

    /// The view's Speed column: `1 Gbps`, `100 Mbps` (the client view pads the number to two digits).
    static func speed(_ bitsPerSecond: UInt64, padded: Bool) -> String {
        let units: [(UInt64, String)] = [(1_000_000_000, "Gbps"), (1_000_000, "Mbps"), (1_000, "Kbps")]
        let (divisor, unit) = units.first { bitsPerSecond >= $0.0 } ?? (1, "bps")
        let number = String(bitsPerSecond / divisor)
        return (padded && number.count < 2 ? number + " " : number) + " " + unit
    }

    /// `\\server\share` → (server, share); nil when the text is not a UNC share path.
    static func uncParts(_ path: String) -> (server: String, share: String)? {
        guard path.hasPrefix("\\\\") else { return nil }
        let parts = path.dropFirst(2).split(separator: "\\", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    static func isLocal(_ server: String, _ engine: Engine) -> Bool {
        [engine.computerName, "localhost", ".", "127.0.0.1", engine.hostAddress].contains { $0.caseInsensitiveEquals(server) }
    }
}
