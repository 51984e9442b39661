import ShellEngine

/// Modules.resx texts.
enum ModuleMessages {
    static let moduleNotFound = "The specified module '{0}' was not loaded because no valid module file was found in any module directory."
    static let noModulesRemoved = "No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace."
    static let exportOutsideModule = "The Export-ModuleMember cmdlet can only be called from inside a module."
    static let loadingModule = "Loading module from path '{0}'."
    static let importingFunction = "Importing function '{0}'."
    static let exportingFunction = "Exporting function '{0}'."
}

/// Import-Module: the shell's own modules are always loaded; script modules, manifests and module
/// folders are loaded from their files; anything else is not found, as on a machine without it.
final class ImportModule: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let arguments = ModuleLoader.strings(context.value("ArgumentList")).map { PSValue.string($0) }
        let rawArguments = context.value("ArgumentList").map { $0.enumerated ?? [$0] } ?? arguments
        for value in context.value("Name").map({ $0.enumerated ?? [$0] }) ?? [] {
            if case .object(let info as ScriptModuleInfoObject) = value {
                if context.switchValue("PassThru") { try context.writeObject(.object(info)) }
                continue
            }
            let name = LanguagePrimitives.toString(value)
            if let builtin = engine.modules.first(where: { $0.name.caseInsensitiveEquals(name) && $0.directory != nil }) {
                if context.switchValue("PassThru") {
                    try context.writeObject(.object(ModuleInfoObject(builtin, directory: builtin.directory ?? "",
                                                                     exportedCommands: [], listAvailable: false)))
                }
                continue
            }
            guard let path = ModuleLoader.resolve(name, engine: engine) else {
                let record = context.errorRecord(message: Messages.fill(ModuleMessages.moduleNotFound, [name]),
                                                 errorId: "Modules_ModuleNotFound", category: .ResourceUnavailable,
                                                 exceptionType: "System.IO.FileNotFoundException", target: .string(name))
                try context.writeError(record)
                continue
            }
            let service = ScriptModuleService.of(engine)
            let moduleName = ModuleLoader.moduleName(of: path, engine: engine)
            if let existing = service.module(named: moduleName), !context.switchValue("Force") {
                if context.switchValue("PassThru") { try context.writeObject(.object(ScriptModuleInfoObject(existing))) }
                continue
            }
            if let existing = service.module(named: moduleName) { RemoveModule.remove(existing, engine: engine) }
            let module = try load(path, name: moduleName, arguments: rawArguments, context: context)
            if context.switchValue("PassThru") { try context.writeObject(.object(ScriptModuleInfoObject(module))) }
        }
    }

    private func load(_ path: String, name: String, arguments: [PSValue], context: CommandContext) throws -> ScriptModule {
        let engine = context.engine
        let service = ScriptModuleService.of(engine)
        let module = ScriptModule(name: name, path: path, scope: Scope(parent: engine.sessionState.global, isScriptScope: true))
        context.writeVerbose(Messages.fill(ModuleMessages.loadingModule, [path]))
        service.loading.append(module)
        defer { service.loading.removeLast() }
        var functionFilter: [String]?
        if path.lowercased().hasSuffix(".psd1") {
            module.moduleType = "Manifest"
            let manifest = try ModuleLoader.manifest(path, engine: engine) ?? PSHashtable()
            module.version = manifest[string: "ModuleVersion"].map { LanguagePrimitives.toString($0) } ?? "0.0"
            module.description = manifest[string: "Description"].map { LanguagePrimitives.toString($0) } ?? ""
            for required in ModuleLoader.strings(manifest[string: "RequiredModules"]) {
                try importRequired(required, context: context)
            }
            let root = ModuleLoader.strings(manifest[string: "RootModule"] ?? manifest[string: "ModuleToProcess"]).first
            let nested = ModuleLoader.strings(manifest[string: "NestedModules"])
            for file in nested + (root.map { [$0] } ?? []) {
                let full = engine.absolutePath(module.base + "/" + file.replacing("\\", with: "/"))
                guard let resolved = ModuleLoader.resolve(full, engine: engine) else { continue }
                if resolved.lowercased().hasSuffix(".psm1") && module.moduleType == "Manifest" && file == root {
                    module.moduleType = "Script"
                }
                try ModuleLoader.run(resolved, in: module, arguments: arguments, engine: engine, output: context.output)
            }
            if let filter = manifest[string: "FunctionsToExport"] { functionFilter = ModuleLoader.strings(filter) }
        } else {
            try ModuleLoader.run(path, in: module, arguments: arguments, engine: engine, output: context.output)
        }
        export(module, functionFilter: functionFilter, context: context)
        service.loaded.append(module)
        return module
    }

    private func importRequired(_ name: String, context: CommandContext) throws {
        let engine = context.engine
        if engine.modules.contains(where: { $0.name.caseInsensitiveEquals(name) }) { return }
        if ScriptModuleService.of(engine).module(named: name) != nil { return }
        guard let path = ModuleLoader.resolve(name, engine: engine) else {
            try context.throwTerminatingError(context.errorRecord(
                message: Messages.fill(ModuleMessages.moduleNotFound, [name]), errorId: "Modules_ModuleNotFound",
                category: .ResourceUnavailable, exceptionType: "System.IO.FileNotFoundException", target: .string(name)))
        }
        _ = try load(path, name: ModuleLoader.moduleName(of: path, engine: engine), arguments: [], context: context)
    }

    /// Puts the module's exported functions (and variables) into the global scope.
    private func export(_ module: ScriptModule, functionFilter: [String]?, context: CommandContext) {
        let engine = context.engine
        let prefix = context.string("Prefix") ?? ""
        let requested = module.exportRequest.map { $0.map { WildcardPattern($0) } }
        let filter = functionFilter.map { $0.map { WildcardPattern($0) } }
        let functions = module.scope.functions.values.sorted { $0.name.lowercased() < $1.name.lowercased() }
        for function in functions {
            function.moduleScope = module.scope
            if let requested, !requested.contains(where: { $0.matches(function.name) }) { continue }
            if let filter, !filter.contains(where: { $0.matches(function.name) }) { continue }
            var name = function.name
            if !prefix.isEmpty, let dash = name.firstIndex(of: "-") {
                name = String(name[...dash]) + prefix + String(name[name.index(after: dash)...])
            }
            let imported = FunctionInfo(name: name, definition: function.definition, isFilter: function.isFilter,
                                        outerParameters: function.outerParameters)
            imported.moduleScope = module.scope
            imported.declaration = function.declaration
            engine.sessionState.global.functions[NameKey(name)] = imported
            module.importedFunctions.append(name)
            context.writeVerbose(Messages.fill(ModuleMessages.importingFunction, [name]))
        }
        for variable in module.exportVariables {
            if let found = module.scope.variables[NameKey(variable)] { engine.sessionState.define(found, in: engine.sessionState.global) }
        }
        for alias in module.exportAliases {
            if let target = engine.aliases[NameKey(alias)] { engine.aliases[NameKey(alias)] = target }
        }
    }
}

/// Export-ModuleMember: which of the running module's functions, variables and aliases it exports.
final class ExportModuleMember: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let module = ScriptModuleService.of(context.engine).loading.last else {
            try context.throwTerminatingError(context.errorRecord(
                message: ModuleMessages.exportOutsideModule, errorId: "Modules_CanOnlyExecuteExportModuleMemberInsideAModule",
                category: .PermissionDenied, exceptionType: "System.InvalidOperationException"))
        }
        let functions = ModuleLoader.strings(context.value("Function"))
        module.exportRequest = (module.exportRequest ?? []) + functions
        module.exportVariables += ModuleLoader.strings(context.value("Variable"))
        module.exportAliases += ModuleLoader.strings(context.value("Alias"))
    }
}

/// Remove-Module: takes an imported script module's functions out of the session.
final class RemoveModule: Cmdlet {
    private var removedAny = false

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let service = ScriptModuleService.of(engine)
        let values = context.value("Name").map { $0.enumerated ?? [$0] } ?? context.value("ModuleInfo").map { $0.enumerated ?? [$0] } ?? []
        for value in values {
            if case .object(let info as ScriptModuleInfoObject) = value {
                Self.remove(info.module, engine: engine)
                removedAny = true
                continue
            }
            let pattern = WildcardPattern(LanguagePrimitives.toString(value))
            for module in service.loaded where pattern.matches(module.name) {
                Self.remove(module, engine: engine)
                removedAny = true
            }
            if engine.modules.contains(where: { pattern.matches($0.name) }) { removedAny = true }
        }
    }

    func end(_ context: CommandContext) throws {
        guard !removedAny else { return }
        try context.writeError(context.errorRecord(message: ModuleMessages.noModulesRemoved, errorId: "Modules_NoModulesRemoved",
                                                   category: .ResourceUnavailable,
                                                   exceptionType: "System.InvalidOperationException"))
    }

    static func remove(_ module: ScriptModule, engine: Engine) {
        for name in module.importedFunctions {
            let key = NameKey(name)
            if engine.sessionState.global.functions[key]?.moduleScope === module.scope {
                engine.sessionState.global.functions[key] = nil
            }
        }
        ScriptModuleService.of(engine).loaded.removeAll { $0 === module }
    }
}

/// New-Module: a dynamic module from a script block.
final class NewModule: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        guard case .scriptBlock(let block)? = context.value("ScriptBlock") else { return }
        let name = context.string("Name") ?? "__DynamicModule_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let module = ScriptModule(name: name, path: "", scope: Scope(parent: engine.sessionState.global, isScriptScope: true))
        module.moduleType = "Script"
        let service = ScriptModuleService.of(engine)
        service.loading.append(module)
        defer { service.loading.removeLast() }
        let saved = engine.sessionState.current
        engine.sessionState.current = module.scope
        let arguments = context.value("ArgumentList").map { $0.enumerated ?? [$0] } ?? []
        engine.sessionState.setLocal("args", .array(PSArray(arguments)))
        do {
            _ = try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: .null)
            engine.sessionState.current = saved
        } catch {
            engine.sessionState.current = saved
            throw error
        }
        let requested = module.exportRequest.map { $0.map { WildcardPattern($0) } }
        var exported: [FunctionInfo] = []
        for function in module.scope.functions.values.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            function.moduleScope = module.scope
            if let requested, !requested.contains(where: { $0.matches(function.name) }) { continue }
            exported.append(function)
        }
        if context.switchValue("AsCustomObject") {
            let object = PSCustomObject()
            for variable in module.exportVariables {
                if let found = module.scope.variables[NameKey(variable)] { object.add(found.name, found.value) }
            }
            for function in exported {
                object.add(function.name, .scriptBlock(ScriptBlock(ast: function.definition)))
            }
            try context.writeObject(.object(object))
            return
        }
        for function in exported {
            engine.sessionState.global.functions[NameKey(function.name)] = function
            module.importedFunctions.append(function.name)
        }
        service.loaded.append(module)
        try context.writeObject(.object(ScriptModuleInfoObject(module)))
    }
}
