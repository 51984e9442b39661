import ShellEngine

/// The SmbShare commands' help beyond what each definition states.
enum SmbShareHelp {
    private static let configuration = ["Get-SmbClientConfiguration", "Set-SmbClientConfiguration", "Reset-SmbClientConfiguration",
                                        "Get-SmbServerConfiguration", "Set-SmbServerConfiguration", "Reset-SmbServerConfiguration"]
    private static let shares = ["Get-SmbShare", "New-SmbShare", "Set-SmbShare", "Remove-SmbShare", "Get-SmbShareAccess"]
    private static let access = ["Get-SmbShareAccess", "Grant-SmbShareAccess", "Revoke-SmbShareAccess", "Block-SmbShareAccess",
                                 "Unblock-SmbShareAccess"]
    private static let mappings = ["Get-SmbMapping", "New-SmbMapping", "Remove-SmbMapping", "Get-SmbConnection"]
    private static let sessions = ["Get-SmbSession", "Get-SmbOpenFile", "Get-SmbConnection"]
    private static let closing = ["Get-SmbSession", "Close-SmbSession", "Get-SmbOpenFile", "Close-SmbOpenFile"]

    private static let configurationNote = "The settings are stored in the registry; a value set by Group Policy overrides the value set with this cmdlet. Run the cmdlet in an elevated session."
    private static let shareNote = "Share changes take effect at once for new connections; run the cmdlet in an elevated session."
    private static let accessNote = "A deny entry wins over an allow entry. The share's access list applies in addition to the permissions of the shared folder."

    static let table: [String: CommandHelp] = [
        "Get-SmbClientConfiguration": CommandHelp(notes: "The values shown are the effective ones: a setting made by Group Policy shows the policy's value.",
                                                  relatedLinks: configuration),
        "Get-SmbServerConfiguration": CommandHelp(notes: "The values shown are the effective ones: a setting made by Group Policy shows the policy's value.",
                                                  relatedLinks: configuration),
        "Set-SmbClientConfiguration": CommandHelp(
            examples: [HelpExample(code: "Set-SmbClientConfiguration -RequireSecuritySignature $true -Confirm:$false",
                                   remarks: "Requires SMB signing for every connection this computer makes, without asking.")],
            notes: configurationNote, relatedLinks: configuration, outputType: "None"),
        "Set-SmbServerConfiguration": CommandHelp(
            examples: [HelpExample(code: "Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force",
                                   remarks: "Turns off the SMB 1.0 server without asking.")],
            notes: configurationNote, relatedLinks: configuration, outputType: "None"),
        "Reset-SmbClientConfiguration": CommandHelp(
            examples: [HelpExample(code: "Reset-SmbClientConfiguration -All -Force",
                                   remarks: "Puts every client setting back to its default without asking.")],
            notes: configurationNote, relatedLinks: configuration, outputType: "None"),
        "Reset-SmbServerConfiguration": CommandHelp(
            examples: [HelpExample(code: "Reset-SmbServerConfiguration -All -Force",
                                   remarks: "Puts every server setting back to its default without asking.")],
            notes: configurationNote, relatedLinks: configuration, outputType: "None"),
        "Get-SmbShare": CommandHelp(notes: "Administrative shares (C$, ADMIN$, IPC$) are listed too; their names end in $.", relatedLinks: shares),
        "New-SmbShare": CommandHelp(notes: shareNote, relatedLinks: shares),
        "Set-SmbShare": CommandHelp(notes: shareNote, relatedLinks: shares, outputType: "None"),
        "Remove-SmbShare": CommandHelp(notes: "Removing a share leaves the shared folder and its files in place. " + shareNote, relatedLinks: shares),
        "Get-SmbShareAccess": CommandHelp(notes: accessNote, relatedLinks: access),
        "Grant-SmbShareAccess": CommandHelp(notes: accessNote, relatedLinks: access),
        "Revoke-SmbShareAccess": CommandHelp(notes: accessNote, relatedLinks: access),
        "Block-SmbShareAccess": CommandHelp(notes: accessNote, relatedLinks: access),
        "Unblock-SmbShareAccess": CommandHelp(notes: accessNote, relatedLinks: access),
        "Get-SmbMapping": CommandHelp(notes: "Mappings belong to the user who made them.", relatedLinks: mappings),
        "New-SmbMapping": CommandHelp(notes: "A mapping made without -Persistent $true lasts until the user signs out.", relatedLinks: mappings),
        "Remove-SmbMapping": CommandHelp(notes: "Files still open on the mapping are closed.", relatedLinks: mappings, outputType: "None"),
        "Get-SmbConnection": CommandHelp(notes: "Only connections this computer made as a client are listed; connections to its shares are sessions (Get-SmbSession).",
                                         relatedLinks: mappings + ["Get-SmbSession"]),
        "Get-SmbSession": CommandHelp(notes: "Sessions are the connections other computers made to this computer's shares.", relatedLinks: sessions),
        "Get-SmbOpenFile": CommandHelp(notes: "Files opened through this computer's shares by other computers are listed.", relatedLinks: sessions),
        "Close-SmbSession": CommandHelp(notes: "Use the cmdlet with care: a client that has not written all its changes back to the server before its session ends loses them. Run the cmdlet in an elevated session.",
                                        relatedLinks: closing, outputType: "None"),
        "Close-SmbOpenFile": CommandHelp(notes: "Use the cmdlet with care: a client that has not written all its changes to the file back to the server before the file is closed loses them. Run the cmdlet in an elevated session.",
                                         relatedLinks: closing, outputType: "None"),
        "Get-SmbClientNetworkInterface": CommandHelp(notes: "The interfaces the SMB client can use, with their speed and whether they support RSS and RDMA.",
                                                     relatedLinks: ["Get-SmbServerNetworkInterface", "Get-SmbConnection"]),
        "Get-SmbServerNetworkInterface": CommandHelp(notes: "The interfaces the SMB server listens on, with their speed and whether they support RSS and RDMA.",
                                                     relatedLinks: ["Get-SmbClientNetworkInterface", "Get-SmbSession"]),
    ]
}

extension SmbShareHelp {
    static func applied(_ definitions: [CmdletDefinition]) -> [CmdletDefinition] {
        definitions.map { $0.withHelp(table[$0.metadata.name]) }
    }
}
