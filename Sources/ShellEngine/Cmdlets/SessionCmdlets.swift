import SMBPolicy

/// Cmdlets about the session itself: variables, commands, help, aliases, members, the OS profile.
enum SessionCmdlets {
    static func definitions() -> [CmdletDefinition] {
        let utility = { (name: String, cls: String, params: [ParameterMetadata], synopsis: String) in
            CoreCmdlets.compiled(name, cls, params, synopsis: synopsis)
        }
        return [
            CmdletDefinition(metadata: utility("Get-Variable", "GetVariableCommand",
                [ParameterMetadata("Name", .array(.string), position: 0), ParameterMetadata("ValueOnly", .switchParameter),
                 ParameterMetadata("Scope", .string)], "Gets the variables in the current console.")) { GetVariable() },
            CmdletDefinition(metadata: utility("Set-Variable", "SetVariableCommand",
                [ParameterMetadata("Name", .array(.string), position: 0, mandatory: true),
                 ParameterMetadata("Value", .object, position: 1, valueFromPipeline: true), ParameterMetadata("Scope", .string),
                 ParameterMetadata("Option", .string), ParameterMetadata("PassThru", .switchParameter)],
                "Sets the value of a variable.")) { SetVariable(create: false) },
            CmdletDefinition(metadata: utility("New-Variable", "NewVariableCommand",
                [ParameterMetadata("Name", .string, position: 0, mandatory: true),
                 ParameterMetadata("Value", .object, position: 1, valueFromPipeline: true), ParameterMetadata("Scope", .string),
                 ParameterMetadata("Option", .string), ParameterMetadata("PassThru", .switchParameter)],
                "Creates a new variable.")) { SetVariable(create: true) },
            CmdletDefinition(metadata: utility("Remove-Variable", "RemoveVariableCommand",
                [ParameterMetadata("Name", .array(.string), position: 0, mandatory: true), ParameterMetadata("Scope", .string)],
                "Deletes a variable and its value.")) { RemoveVariable() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Get-Command", "GetCommandCommand", module: "Microsoft.PowerShell.Core",
                [ParameterMetadata("Name", .array(.string), position: 0), ParameterMetadata("Module", .array(.string)),
                 ParameterMetadata("Syntax", .switchParameter), ParameterMetadata("Noun", .array(.string)),
                 ParameterMetadata("Verb", .array(.string))],
                synopsis: "Gets all commands.")) { GetCommand() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Get-Help", "GetHelpCommand", module: "Microsoft.PowerShell.Core",
                [ParameterMetadata("Name", .string, position: 0), ParameterMetadata("Parameter", .string),
                 ParameterMetadata("Full", .switchParameter), ParameterMetadata("Examples", .switchParameter),
                 ParameterMetadata("Detailed", .switchParameter)],
                synopsis: "Displays information about PowerShell commands and concepts.")) { GetHelp() },
            CmdletDefinition(metadata: utility("Get-Alias", "GetAliasCommand",
                [ParameterMetadata("Name", .array(.string), position: 0), ParameterMetadata("Definition", .array(.string))],
                "Gets the aliases for the current session.")) { GetAlias() },
            CmdletDefinition(metadata: utility("Get-Member", "GetMemberCommand",
                [ParameterMetadata("InputObject", .psObject, valueFromPipeline: true),
                 ParameterMetadata("Name", .array(.string), position: 0), ParameterMetadata("MemberType", .string),
                 ParameterMetadata("Static", .switchParameter)],
                "Gets the properties and methods of objects.")) { GetMember() },
            CmdletDefinition(metadata: CommandMetadata(name: "Get-SmbShellProfile", module: "SmbConfigShell",
                implementation: .function, parameters: [],
                synopsis: "Shows the Windows release this shell emulates (SMBCONFIG_OS_PROFILE).",
                description: "Returns the active OS profile (Name, DisplayName), the Windows PowerShell version it reports, whether remote mailslots are gated by EnableMailslots there (RemoteMailslotsGated), the computer name and the folder that holds the SMB configuration (SMBCONFIG_HOME). The profile is chosen when the shell starts, from the environment variable SMBCONFIG_OS_PROFILE: "
                    + OSProfile.allCases.map { "\($0.rawValue) (\($0.displayName))" }.joined(separator: ", ")
                    + "; unset or unknown means \(OSProfile.defaultProfile.rawValue). Windows11-24H2 and WindowsServer2025 have EnableMailslots (off by default); Windows11-23H2 and WindowsServer2022 have no such setting and remote mailslots work there. The console banner names the same profile.",
                examples: [HelpExample(code: "Get-SmbShellProfile", remarks: "Shows the emulated release and where its state is kept."),
                           HelpExample(code: "(Get-SmbShellProfile).RemoteMailslotsGated",
                                       remarks: "True when Set-SmbClientConfiguration -EnableMailslots decides whether remote mailslots work."),
                           HelpExample(code: "$env:SMBCONFIG_OS_PROFILE = 'WindowsServer2022'; smbconfig-shell",
                                       remarks: "Starts a shell that behaves as Windows Server 2022 (set the variable before the shell starts).")],
                outputType: "SmbConfigShell.OSProfile")) { GetShellProfile() },
        ]
    }
}

final class GetVariable: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")]).map { LanguagePrimitives.toString($0) }
        let variables = engine.sessionState.visibleVariables.sorted { $0.name.lowercased() < $1.name.lowercased() }
        for pattern in patterns {
            let matcher = WildcardPattern(pattern)
            let matches = variables.filter { matcher.matches($0.name) }
            if matches.isEmpty && !WildcardPattern.hasWildcards(pattern) {
                try context.writeError(context.errorRecord(message: "Cannot find a variable with the name '\(pattern)'.",
                    errorId: "VariableNotFound", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.ItemNotFoundException", target: .string(pattern)))
                continue
            }
            for v in matches {
                if context.switchValue("ValueOnly") { try context.writeObject(v.value); continue }
                let o = PSCustomObject(typeNames: ["System.Management.Automation.PSVariable", "System.Object"])
                o.add("Name", .string(v.name))
                o.add("Value", v.value)
                try context.writeObject(.object(o))
            }
        }
    }
}

final class SetVariable: Cmdlet {
    let create: Bool
    init(create: Bool) { self.create = create }
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let scope: VariableScopeName = VariableScopeName(context.string("Scope"))
        for nameValue in context.value("Name").map({ $0.enumerated ?? [$0] }) ?? [] {
            let name = LanguagePrimitives.toString(nameValue)
            if create, engine.sessionState.lookup(name, scope: scope.scope) != nil, scope.scope != .unqualified || engine.sessionState.current.variables[NameKey(name)] != nil {
                try context.writeError(context.errorRecord(message: "A variable with name '\(name)' already exists.",
                    errorId: "VariableAlreadyExists", category: .ResourceExists,
                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException", target: .string(name)))
                continue
            }
            let value = context.value("Value") ?? .null
            try engine.assignVariable(name, scope: scope.scope, value, extent: context.invocation.extent ?? .empty)
            let option = context.string("Option")?.lowercased() ?? ""
            if option.contains("readonly") || option.contains("constant") {
                engine.sessionState.lookup(name, scope: scope.scope)?.isReadOnly = true
            }
            if context.switchValue("PassThru") { try context.writeObject(value) }
        }
    }
}

import CmdletParser

/// `-Scope Global|Script|Local`.
struct VariableScopeName {
    let scope: VariableScope
    init(_ text: String?) {
        switch text?.lowercased() {
        case "global": scope = .global
        case "script": scope = .script
        case "local": scope = .local
        default: scope = .unqualified
        }
    }
}

final class RemoveVariable: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for nameValue in context.value("Name").map({ $0.enumerated ?? [$0] }) ?? [] {
            let name = LanguagePrimitives.toString(nameValue)
            if !context.engine.sessionState.removeVariable(name) {
                try context.writeError(context.errorRecord(message: "Cannot find a variable with the name '\(name)'.",
                    errorId: "VariableNotFound", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.ItemNotFoundException", target: .string(name)))
            }
        }
    }
}

/// `CommandInfo` objects for Get-Command.
final class CommandInfoObject: PSObject {
    let name: String
    let kind: String
    let module: String
    let definition: String
    init(name: String, kind: String, module: String, definition: String) {
        self.name = name
        self.kind = kind
        self.module = module
        self.definition = definition
        super.init(typeNames: ["System.Management.Automation.\(kind)Info", "System.Management.Automation.CommandInfo", "System.Object"])
    }
    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "CommandType", value: .string(kind)), PSPropertyInfo(name: "Name", value: .string(name)),
         PSPropertyInfo(name: "Version", value: .string(module.isEmpty ? "" : "1.0.0.0")),
         PSPropertyInfo(name: "Source", value: .string(module))]
    }
    override func property(_ name: String) -> PSValue? {
        if name.caseInsensitiveEquals("Definition") { return .string(definition) }
        if name.caseInsensitiveEquals("ModuleName") { return .string(module) }
        return super.property(name)
    }
    override func toString() -> String { name }
}

extension CommandMetadata {
    /// `Get-Command -Syntax`: one line per parameter set, PowerShell's bracket layout.
    var syntax: String {
        var parts = [name]
        for p in allParameters where !CommandMetadata.commonParameters.contains(where: { $0.name == p.name }) {
            let typePart = p.type == .switchParameter ? "" : " <\(p.type.syntaxName)>"
            var text = "-\(p.name)\(typePart)"
            if p.position != nil && p.type != .switchParameter { text = "[-\(p.name)]\(typePart)" }
            parts.append(p.mandatory ? text : "[\(text)]")
        }
        if cmdletBinding { parts.append("[<CommonParameters>]") }
        return parts.joined(separator: " ")
    }
}

final class GetCommand: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")]).map { LanguagePrimitives.toString($0) }
        let modules = context.value("Module").map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }
        var all: [(String, String, String, CommandMetadata?)] = engine.cmdlets.all.map {
            ($0.metadata.name, $0.metadata.module == "SmbShare" ? "Function" : "Cmdlet", $0.metadata.module, $0.metadata)
        }
        all += engine.sessionState.visibleFunctions.map { ($0.name, "Function", "", $0.metadata) }
        all += engine.aliases.map { ($0.key.name, "Alias", "", nil) }
        all.sort { $0.0.lowercased() < $1.0.lowercased() }
        for pattern in patterns {
            let matcher = WildcardPattern(pattern)
            let matches = all.filter { entry in
                matcher.matches(entry.0) && (modules == nil || modules!.contains { WildcardPattern($0).matches(entry.2) })
            }
            if matches.isEmpty && !WildcardPattern.hasWildcards(pattern) {
                try context.writeError(context.errorRecord(message: Messages.format("CommandNotFoundException", pattern),
                    errorId: "CommandNotFoundException", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.CommandNotFoundException", target: .string(pattern)))
            }
            for (name, kind, module, metadata) in matches {
                let display = kind == "Alias" ? "\(name) -> \(engine.aliases[NameKey(name)] ?? "")" : name
                if context.switchValue("Syntax") {
                    if let metadata { try context.writeObject(.string("\n" + metadata.syntax + "\n")) }
                    else { try context.writeObject(.string(display)) }
                    continue
                }
                try context.writeObject(.object(CommandInfoObject(name: display, kind: kind, module: module,
                                                                  definition: metadata?.syntax ?? "")))
            }
        }
    }
}

final class GetAlias: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let patterns = (context.value("Name").map { $0.enumerated ?? [$0] } ?? [.string("*")]).map { LanguagePrimitives.toString($0) }
        for pattern in patterns {
            let matcher = WildcardPattern(pattern)
            for (key, target) in context.engine.aliases.sorted(by: { $0.key.name < $1.key.name }) where matcher.matches(key.name) {
                let alias = key.name
                try context.writeObject(.object(CommandInfoObject(name: "\(alias) -> \(target)", kind: "Alias", module: "",
                                                                  definition: target)))
            }
        }
    }
}

final class GetMember: Cmdlet {
    private var seenTypes = Set<String>()

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        let typeName = input.typeName
        guard seenTypes.insert(typeName).inserted else { return }
        var rows: [(String, String, String)] = []
        for method in ["Equals", "GetHashCode", "GetType", "ToString"] {
            rows.append((method, "Method", method == "ToString" ? "string ToString()" : method == "GetType" ? "type GetType()"
                         : method == "Equals" ? "bool Equals(System.Object obj)" : "int GetHashCode()"))
        }
        for p in ObjectProperties.list(input) {
            let short = GetMember.shortType(p.typeName)
            let kind = input.isPropertyBag ? "NoteProperty" : "Property"
            let definition = kind == "NoteProperty" ? "\(short) \(p.name)=\(LanguagePrimitives.toString(p.value))"
                                                    : "\(short) \(p.name) {get;\(p.isSettable ? "set;" : "")}"
            rows.append((p.name, kind, definition))
        }
        if let names = context.value("Name").map({ ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } }) {
            rows = rows.filter { row in names.contains { WildcardPattern($0).matches(row.0) } }
        }
        if let kind = context.string("MemberType") { rows = rows.filter { WildcardPattern(kind).matches($0.1) } }
        for row in rows {
            try context.writeObject(.object(MemberDefinition(typeName: typeName, name: row.0, memberType: row.1,
                                                             definition: row.2)))
        }
    }

    /// `bool`, `uint32`, `string`: the short names Get-Member's definitions use.
    static func shortType(_ full: String) -> String {
        switch full {
        case "System.Boolean": return "bool"
        case "System.UInt32": return "uint32"
        case "System.UInt64": return "uint64"
        case "System.Int32": return "int"
        case "System.Int64": return "long"
        case "System.String": return "string"
        case "System.Double": return "double"
        default: return full
        }
    }
}

final class GetShellProfile: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let profile = engine.osProfile
        let o = PSCustomObject(typeNames: ["SmbConfigShell.OSProfile", "System.Object"])
        o.add("Name", .string(profile.rawValue))
        o.add("DisplayName", .string(profile.displayName))
        o.add("PSVersion", .string(LanguagePrimitives.toString(AutomaticVariables.versionTable(profile: profile)[string: "PSVersion"] ?? .null)))
        o.add("RemoteMailslotsGated", .bool(profile.gatesRemoteMailslots))
        o.add("ComputerName", .string(engine.computerName))
        o.add("StateFolder", .string(engine.configuration.stateFolder))
        try context.writeObject(.object(o))
    }
}
