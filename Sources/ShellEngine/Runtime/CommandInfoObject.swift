import CmdletParser

/// A CommandInfo (CmdletInfo, FunctionInfo, FilterInfo, ExternalScriptInfo, AliasInfo) as
/// Get-Command, Get-Alias and `$MyInvocation.MyCommand` give it.
package final class CommandInfoObject: PSObject {
    package let name: String
    package let kind: String
    package let module: String
    /// The module's version; empty for commands of no module.
    package let version: String
    package let definition: String
    /// A function's or script's body.
    package let scriptBlock: ScriptBlockAst?
    /// A script's full path.
    package let path: String?

    package init(name: String, kind: String, module: String, version: String = "", definition: String,
                 scriptBlock: ScriptBlockAst? = nil, path: String? = nil) {
        self.name = name
        self.kind = kind
        self.module = module
        self.version = version
        self.definition = definition
        self.scriptBlock = scriptBlock
        self.path = path
        super.init(typeNames: ["System.Management.Automation.\(kind)Info", FormatView.commandInfoTypeName, "System.Object"])
    }

    /// The command an invocation ran, as `$MyInvocation.MyCommand` shows it.
    package convenience init(name: String, info: InvocationInfo) {
        switch info.commandKind {
        case .externalScript:
            let file = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
            self.init(name: file, kind: "ExternalScript", module: "", definition: name, scriptBlock: info.definition,
                      path: name)
        case .function:
            let body = info.definition.map { ScriptBlock(ast: $0).text } ?? ""
            self.init(name: name, kind: info.isFilter ? "Filter" : "Function", module: "", definition: body,
                      scriptBlock: info.definition)
        case .scriptBlock:
            let body = info.definition.map { ScriptBlock(ast: $0).text } ?? ""
            self.init(name: "", kind: "Script", module: "", definition: body, scriptBlock: info.definition)
        case .cmdlet:
            self.init(name: name, kind: "Cmdlet", module: "", definition: name)
        }
    }

    /// An alias as Get-Alias, Set-Alias -PassThru and Get-Command write it (an AliasInfo): its
    /// name, and `name -> definition` as its DisplayName, which the command table shows.
    package static func alias(_ name: String, definition: String, version: String = "") -> CommandInfoObject {
        CommandInfoObject(name: name, kind: "Alias", module: "", version: version, definition: definition)
    }

    /// What the Name column of the command table shows: an alias's `name -> definition`.
    package var displayName: String { kind == "Alias" ? "\(name) -> \(definition)" : name }

    package override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "CommandType", value: .string(kind)), PSPropertyInfo(name: "Name", value: .string(name)),
         PSPropertyInfo(name: "Version", value: .string(version)),
         PSPropertyInfo(name: "Source", value: .string(module))]
    }

    package override func property(_ name: String) -> PSValue? {
        switch name.lowercased() {
        case "definition": return .string(definition)
        case "displayname" where kind == "Alias": return .string(displayName)
        case "options" where kind == "Alias": return .string("None")
        case "description" where kind == "Alias": return .string("")
        case "modulename": return .string(module)
        case "scriptblock": return scriptBlock.map { .scriptBlock(ScriptBlock(ast: $0)) } ?? .null
        case "path": return path.map { .string($0) } ?? .null
        default: return super.property(name)
        }
    }

    package override func toString() -> String { kind == "ExternalScript" ? (path ?? name) : name }
}
