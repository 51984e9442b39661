/// The flat providers over the session's own tables: Environment (`Env:`), Variable
/// (`Variable:`), Function (`Function:`) and Alias (`Alias:`). Each drive is one container whose
/// items are the table's entries.
package final class SessionTableProvider: ItemProvider {
    package enum Table { case environment, variable, function, alias }

    package let name: String
    let driveName: String
    let table: Table

    package init(_ table: Table) {
        self.table = table
        switch table {
        case .environment: name = "Environment"; driveName = "Env"
        case .variable: name = "Variable"; driveName = "Variable"
        case .function: name = "Function"; driveName = "Function"
        case .alias: name = "Alias"; driveName = "Alias"
        }
    }

    package func initialDrives(_ engine: Engine) -> [PSDriveInfo] {
        let descriptions: [Table: String] = [.environment: "Drive containing a view of the environment variables for the process.",
                                             .variable: "Drive containing a view of those variables stored in a session state.",
                                             .function: "Drive containing a view of the functions stored in a session state.",
                                             .alias: "Drive containing a view of the aliases stored in session state."]
        return [PSDriveInfo(name: driveName, provider: self, root: "", description: descriptions[table] ?? "")]
    }

    package func splitRoot(_ path: String) -> (root: String, rest: String) { ("", path) }
    package func normalizeRoot(_ root: String, _ engine: Engine) -> String? { root.isEmpty ? "" : nil }

    private func names(_ engine: Engine) -> [String] {
        let state = engine.sessionState
        switch table {
        case .environment: return Array(state.environment.keys)
        case .variable: return state.visibleVariables.map(\.name)
        case .function: return state.visibleFunctions.map(\.name)
        case .alias: return engine.aliases.keys.map(\.name)
        }
    }

    private func entryName(_ path: String, _ engine: Engine) -> String? {
        let name = PathText.split(Substring(path)).last ?? ""
        return names(engine).first { $0.caseInsensitiveEquals(name) }
    }

    package func itemExists(_ path: String, _ engine: Engine) -> Bool {
        PathText.split(Substring(path)).isEmpty || entryName(path, engine) != nil
    }

    package func isContainer(_ path: String, _ engine: Engine) -> Bool { PathText.split(Substring(path)).isEmpty }

    package func childNames(_ path: String, _ engine: Engine) throws(ProviderError) -> [String] {
        guard isContainer(path, engine) else { return [] }
        return names(engine).sorted { $0.lowercased() < $1.lowercased() }
    }

    package func item(_ path: String, _ engine: Engine) throws(ProviderError) -> ProviderItem? {
        if isContainer(path, engine) {
            return ProviderItem(object: .object(SessionItemObject(typeName: "System.Management.Automation.PSDriveInfo",
                                                                  fields: [("Name", .string(driveName))], text: driveName + ":\\")),
                                isContainer: true)
        }
        guard let name = entryName(path, engine) else { return nil }
        return ProviderItem(object: .object(entryObject(name, engine)), isContainer: false)
    }

    private func entryObject(_ name: String, _ engine: Engine) -> PSObject {
        let state = engine.sessionState
        switch table {
        case .environment:
            return EnvironmentEntryObject(key: .string(name), value: .string(state.environment[name] ?? ""))
        case .variable:
            let variable = state.lookup(name)
            return SessionItemObject(typeName: "System.Management.Automation.PSVariable",
                                     fields: [("Name", .string(name)), ("Value", variable?.value ?? .null),
                                              ("Description", .string(variable?.description ?? "")),
                                              ("Options", .string(variable?.isConstant == true ? "Constant"
                                                                  : variable?.isReadOnly == true ? "ReadOnly" : "None"))],
                                     text: "System.Management.Automation.PSVariable")
        case .function:
            let function = state.function(name)
            let body = function.map { LanguagePrimitives.toString(.scriptBlock(ScriptBlock(ast: $0.definition))) } ?? ""
            return SessionItemObject(typeName: "System.Management.Automation.FunctionInfo",
                                     fields: [("CommandType", .string(function?.isFilter == true ? "Filter" : "Function")),
                                              ("Name", .string(name)), ("Version", .string("")), ("Source", .string("")),
                                              ("Definition", .string(body)),
                                              ("ScriptBlock", function.map { .scriptBlock(ScriptBlock(ast: $0.definition)) } ?? .null)],
                                     text: name)
        case .alias:
            let target = engine.aliases[NameKey(name)] ?? ""
            return SessionItemObject(typeName: "System.Management.Automation.AliasInfo",
                                     fields: [("CommandType", .string("Alias")), ("Name", .string(name)),
                                              ("Definition", .string(target)), ("ReferencedCommand", .string(target)),
                                              ("DisplayName", .string("\(name) -> \(target)")),
                                              ("Options", .string("None")), ("Description", .string(""))],
                                     text: name)
        }
    }

    package func newItem(_ path: String, type: String?, value: PSValue?, force: Bool, _ engine: Engine) throws(ProviderError) -> ProviderItem {
        let name = PathText.split(Substring(path)).last ?? ""
        if entryName(path, engine) != nil && !force {
            throw ProviderError(message: Messages.fill(ProviderMessages.newItemAlreadyExists, [name]),
                                errorId: table == .environment ? "NewItemAlreadyExists" : "\(self.name)Exists",
                                category: .ResourceExists, exceptionType: "System.Management.Automation.SessionStateException",
                                target: name)
        }
        try setItem(name, value: value ?? .null, engine)
        guard let item = try item(name, engine) else { throw .pathNotFound(path) }
        return item
    }

    package func setItem(_ path: String, value: PSValue, _ engine: Engine) throws(ProviderError) {
        let name = entryName(path, engine) ?? PathText.split(Substring(path)).last ?? ""
        guard !name.isEmpty else { throw .notSupported }
        let state = engine.sessionState
        switch table {
        case .environment:
            state.environment[name] = LanguagePrimitives.toString(value)
        case .variable:
            do { try state.set(name, value, scope: .global) } catch {
                throw ProviderError(message: Messages.format("VariableNotWritable", name), errorId: "VariableNotWritable",
                                    category: .WriteError,
                                    exceptionType: "System.Management.Automation.SessionStateUnauthorizedAccessException",
                                    target: name)
            }
        case .function:
            guard case .scriptBlock(let block) = value else {
                throw ProviderError(message: ProviderMessages.operationNotSupported, errorId: "Argument",
                                    category: .InvalidArgument, exceptionType: "System.ArgumentException", target: name)
            }
            state.defineFunction(FunctionInfo(name: name, definition: block.ast, isFilter: false, outerParameters: nil),
                                 scope: .global)
        case .alias:
            engine.aliases[NameKey(name)] = LanguagePrimitives.toString(value)
        }
    }

    package func clearItem(_ path: String, _ engine: Engine) throws(ProviderError) {
        guard let name = entryName(path, engine) else { throw .pathNotFound(path) }
        switch table {
        case .variable: try setItem(name, value: .null, engine)
        case .environment: engine.sessionState.environment[name] = nil
        default: throw .notSupported
        }
    }

    package func removeItem(_ path: String, recurse: Bool, _ engine: Engine) throws(ProviderError) {
        guard let name = entryName(path, engine) else { throw .pathNotFound(path) }
        let state = engine.sessionState
        switch table {
        case .environment: state.environment[name] = nil
        case .variable: _ = state.removeVariable(name)
        case .function:
            var scope: Scope? = state.current
            while let s = scope {
                if s.functions.removeValue(forKey: NameKey(name)) != nil { break }
                scope = s.parent
            }
        case .alias: engine.aliases[NameKey(name)] = nil
        }
    }

    package func renameItem(_ path: String, newName: String, _ engine: Engine) throws(ProviderError) -> String {
        guard let name = entryName(path, engine), let item = try item(name, engine) else { throw .pathNotFound(path) }
        let value: PSValue
        switch (table, item.object) {
        case (.environment, _): value = .string(engine.sessionState.environment[name] ?? "")
        case (.variable, _): value = engine.sessionState.lookup(name)?.value ?? .null
        case (.function, .object(let o)): value = o.property("ScriptBlock") ?? .null
        case (.alias, _): value = .string(engine.aliases[NameKey(name)] ?? "")
        default: throw .notSupported
        }
        try setItem(newName, value: value, engine)
        try removeItem(name, recurse: false, engine)
        return newName
    }

    package func copyItem(_ path: String, to destination: String, recurse: Bool, force: Bool, _ engine: Engine) throws(ProviderError) {
        guard let name = entryName(path, engine) else { throw .pathNotFound(path) }
        let target = PathText.split(Substring(destination)).last ?? destination
        switch table {
        case .environment: try setItem(target, value: .string(engine.sessionState.environment[name] ?? ""), engine)
        case .variable: try setItem(target, value: engine.sessionState.lookup(name)?.value ?? .null, engine)
        case .alias: try setItem(target, value: .string(engine.aliases[NameKey(name)] ?? ""), engine)
        case .function:
            guard let f = engine.sessionState.function(name) else { throw .pathNotFound(path) }
            try setItem(target, value: .scriptBlock(ScriptBlock(ast: f.definition)), engine)
        }
    }

    /// Get-Content on these drives returns the value.
    package func readContent(_ path: String, _ engine: Engine) throws(ProviderError) -> [UInt8] {
        guard let name = entryName(path, engine), case .object(let o)? = try item(name, engine)?.object else { throw .pathNotFound(path) }
        let value = o.property("Value") ?? o.property("Definition") ?? .null
        return Array(LanguagePrimitives.toString(value).utf8)
    }
}

/// An environment variable as `Get-ChildItem Env:` returns it (a DictionaryEntry).
package final class EnvironmentEntryObject: DictionaryEntryObject, ProviderNotes {
    package var providerNotes: [PSPropertyInfo] = []
    package override var properties: [PSPropertyInfo] { providerNotes + super.properties }
}

/// A variable, function, alias or drive item with a fixed set of fields.
package final class SessionItemObject: PSObject, ProviderNotes {
    package var providerNotes: [PSPropertyInfo] = []
    let fields: [(String, PSValue)]
    let text: String

    package init(typeName: String, fields: [(String, PSValue)], text: String) {
        self.fields = fields
        self.text = text
        super.init(typeNames: [typeName, "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        providerNotes + fields.map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) }
    }

    package override func toString() -> String { text }
}
