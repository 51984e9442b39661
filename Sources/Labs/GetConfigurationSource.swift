import EmulatedHost
import SMBPolicy
import ShellEngine

/// Get-SmbConfigurationSource: where each effective SMB value comes from (shell extension).
enum SourceCmdlets {
    static func definitions() -> [CmdletDefinition] {
        [CmdletDefinition(metadata: CommandMetadata(
            name: "Get-SmbConfigurationSource", module: LabsModule.name, implementation: .function,
            parameters: [
                ParameterMetadata("Name", .array(.string), position: 0,
                                  help: "Property names (wildcards allowed); every property when omitted."),
                ParameterMetadata("Side", .enumeration(typeName: "SmbConfigShell.PolicySide", values: ["Client", "Server"]),
                                  help: "Client (Get-SmbClientConfiguration) or Server (Get-SmbServerConfiguration); both when omitted."),
            ],
            synopsis: "Shows where each effective SMB setting comes from: Default, Local or GroupPolicy (shell extension; not a Windows cmdlet).",
            description: "For every property of Get-SmbClientConfiguration / Get-SmbServerConfiguration: the effective value, its source (the OS profile's Default, the Local setting made with Set-Smb*Configuration, or GroupPolicy under HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\NetworkProvider or ...\\Bowser, which wins over the local setting as on Windows), the local value, and the registry locations.",
            examples: [HelpExample(code: "Get-SmbConfigurationSource -Name EnableMailslots",
                                   remarks: "Shows whether Group Policy or the local setting decides EnableMailslots on each side.")])) { GetConfigurationSource() }]
    }
}

final class GetConfigurationSource: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let snapshot = context.engine.policySnapshot()
        let sides: [PolicySide] = context.string("Side").map { $0.lowercased() == "server" ? [.server] : [.client] }
            ?? [.client, .server]
        let patterns = context.value("Name").map { ($0.enumerated ?? [$0]).map { WildcardPattern(LanguagePrimitives.toString($0)) } }
        for side in sides {
            for entry in snapshot.entries(side: side) {
                if let patterns, !patterns.contains(where: { $0.matches(entry.property.name) }) { continue }
                let o = PSCustomObject(typeNames: ["SmbConfigShell.SmbConfigurationSource", "System.Object"])
                o.add("Side", .string(side == .client ? "Client" : "Server"))
                o.add("Name", .string(entry.property.name))
                let type = entry.property.type
                o.add("Value", entry.value.psValue(type: type))
                let source: String
                switch entry.source {
                case .default: source = "Default"
                case .local: source = "Local"
                case .groupPolicy: source = "GroupPolicy"
                }
                o.add("Source", .string(source))
                o.add("LocalValue", entry.localValue.map { $0.psValue(type: type) } ?? .null)
                o.add("DefaultValue", entry.property.defaultValue(in: snapshot.profile)
                    .map { $0.psValue(type: type) } ?? .null)
                let storage = entry.property.storage
                o.add("RegistryPath", .string("HKLM:\\" + RegistryView.components(storage.key).joined(separator: "\\") + "\\" + storage.valueName))
                o.add("PolicyPath", entry.property.groupPolicy.map {
                    .string("HKLM:\\" + RegistryView.components($0.key).joined(separator: "\\") + "\\" + $0.valueName)
                } ?? .null)
                try context.writeObject(.object(o))
            }
        }
    }
}
