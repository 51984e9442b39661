import ShellEngine

/// Get-Item and Get-ChildItem.
final class GetItem: Cmdlet {
    let children: Bool
    init(children: Bool) { self.children = children }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let (texts, literal) = try context.providerPaths(fallback: children ? "." : nil)
        let filter = context.nameFilter()
        let paths = try context.resolveExisting(texts, literal: literal)
        for path in paths {
            do {
                if children && path.provider.isContainer(path.providerPath, context.engine) {
                    let depth = context.value("Depth").flatMap { LanguagePrimitives.toInt64($0) }
                    let recurse = context.switchValue("Recurse") || depth != nil
                    try listChildren(context, path, relative: [], depth: recurse ? (depth ?? Int64.max) : 0, filter: filter)
                } else if filter(path.name) || !children && context.value("Include") == nil {
                    try emit(context, path, relativeName: path.name)
                }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }

    private func listChildren(_ context: CommandContext, _ parent: ItemPath, relative: [String], depth: Int64,
                              filter: (String) -> Bool) throws {
        let engine = context.engine
        for name in try parent.provider.childNames(parent.providerPath, engine) {
            let child = parent.child(name)
            let isContainer = parent.provider.isContainer(child.providerPath, engine)
            let attributes = Self.attributes(of: child, name: name, isContainer: isContainer, engine)
            if filter(name) && wanted(context, attributes: attributes, isContainer: isContainer) {
                try emit(context, child, relativeName: (relative + [name]).joined(separator: "\\"))
            }
            // Hidden folders are not descended into without -Force.
            if isContainer && depth > 0 && (context.switchValue("Force") || !attributes.contains("hidden")) {
                try listChildren(context, child, relative: relative + [name], depth: depth - 1, filter: filter)
            }
        }
    }

    /// An item's attribute names, lower-cased (a FileSystem item's own; elsewhere a leading dot hides).
    static func attributes(of path: ItemPath, name: String, isContainer: Bool, _ engine: Engine) -> Set<String> {
        if case .object(let item as FileSystemInfoObject)? = (try? path.provider.item(path.providerPath, engine))??.object {
            return Set(item.attributes.map { $0.lowercased() })
        }
        var names: Set<String> = [isContainer ? "directory" : "normal"]
        if name.hasPrefix(".") { names.insert("hidden") }
        return names
    }

    /// -File, -Directory, -Hidden, -Attributes, -Force: hidden items show with -Force, -Hidden or
    /// an -Attributes expression that names Hidden.
    private func wanted(_ context: CommandContext, attributes: Set<String>, isContainer: Bool) -> Bool {
        if context.switchValue("File") && isContainer { return false }
        if context.switchValue("Directory") && !isContainer { return false }
        let hidden = attributes.contains("hidden")
        if context.switchValue("Hidden") && !hidden { return false }
        if let expression = context.string("Attributes"), !expression.isEmpty {
            // FlagsExpression: `,` is or, `+` is and, `!` is not.
            let alternatives = expression.lowercased().split(separator: ",").map { $0.split(separator: "+") }
            let matches = alternatives.contains { terms in
                terms.allSatisfy { term in
                    let text = String(term).trimmedWhitespace
                    return text.hasPrefix("!") ? !attributes.contains(String(text.dropFirst()).trimmedWhitespace)
                                               : attributes.contains(text)
                }
            }
            if !matches { return false }
            if hidden && !context.switchValue("Force") && !context.switchValue("Hidden") && !expression.lowercased().contains("hidden") {
                return false
            }
            return true
        }
        return !hidden || context.switchValue("Force") || context.switchValue("Hidden")
    }

    private func emit(_ context: CommandContext, _ path: ItemPath, relativeName: String) throws {
        if context.switchValue("Name") { return try context.writeObject(.string(relativeName)) }
        guard let item = try context.providerItem(path) else { return }
        try context.writeObject(item)
    }
}

/// New-Item (and the `mkdir` function: New-Item -ItemType Directory).
final class NewItem: Cmdlet {
    let directory: Bool
    init(directory: Bool = false) { self.directory = directory }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        var texts = try context.providerPaths(fallback: ".").texts
        if let name = context.string("Name") {
            texts = texts.map { $0.isEmpty || $0 == "." && context.value("Path") == nil ? name : $0 + "\\" + name }
        }
        let type = directory ? "Directory" : context.string("ItemType")
        for text in texts {
            do {
                let path = try engine.resolveItemPath(text)
                let kind = (type ?? "File").lowercased().hasPrefix("d") ? "Directory" : "File"
                let isFileSystem = path.provider === engine.fileSystemProvider
                let action = isFileSystem ? "Create \(kind)" : "New Item"
                guard try context.shouldProcess(target: isFileSystem ? "Destination: \(path.path)" : "Item: \(path.path)",
                                                action: action) else { continue }
                let item = try path.provider.newItem(path.providerPath, type: isFileSystem ? kind : type,
                                                     value: context.value("Value"), force: context.switchValue("Force"), engine)
                if let object = try context.providerItem(path) { try context.writeObject(object) } else {
                    try context.writeObject(item.object)
                }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }
}

/// Remove-Item.
final class RemoveItem: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let (texts, literal) = try context.providerPaths()
        let filter = context.nameFilter()
        for path in try context.resolveExisting(texts, literal: literal) where filter(path.name) {
            do {
                let isContainer = path.provider.isContainer(path.providerPath, engine)
                let isFileSystem = path.provider === engine.fileSystemProvider
                let action = isFileSystem ? (isContainer ? "Remove Directory" : "Remove File") : "Remove Item"
                guard try context.shouldProcess(target: isFileSystem ? path.path : "Item: \(path.path)", action: action) else { continue }
                if isContainer && isFileSystem && !context.switchValue("Recurse"),
                   !(try path.provider.childNames(path.providerPath, engine)).isEmpty {
                    let message = Messages.fill(ProviderMessages.removeItemWithChildren, [path.path])
                    switch try engine.promptForChoice(caption: "Confirm", message: message, context: context) {
                    case .no, .noToAll: continue
                    default: break
                    }
                }
                try path.provider.removeItem(path.providerPath, recurse: true, engine)
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }
}

/// Copy-Item and Move-Item.
final class CopyItem: Cmdlet {
    let move: Bool
    init(move: Bool) { self.move = move }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let (texts, literal) = try context.providerPaths()
        let filter = context.nameFilter()
        for source in try context.resolveExisting(texts, literal: literal) where filter(source.name) {
            do {
                var target = try engine.resolveItemPath(context.string("Destination") ?? ".")
                if target.provider.isContainer(target.providerPath, engine) { target = target.child(source.name) }
                let isContainer = source.provider.isContainer(source.providerPath, engine)
                let noun = source.provider === engine.fileSystemProvider ? (isContainer ? "Directory" : "File") : "Item"
                // A container copied or moved into itself would grow without end.
                if isContainer && (move || context.switchValue("Recurse")),
                   Self.isSameOrInside(target.providerPath, source.providerPath) {
                    throw ProviderError(message: Messages.fill(ProviderMessages.targetCannotBeSubdirectoryOfSource, [target.path]),
                                        errorId: move ? "MoveItemArgumentError" : "CopyContainerItemArgumentError",
                                        category: .InvalidArgument, exceptionType: "System.IO.IOException", target: target.path)
                }
                guard try context.shouldProcess(target: "Item: \(source.path) Destination: \(target.path)",
                                                action: (move ? "Move " : "Copy ") + noun) else { continue }
                try source.provider.copyItem(source.providerPath, to: target.providerPath,
                                             recurse: move || context.switchValue("Recurse"),
                                             force: context.switchValue("Force"), engine)
                if move { try source.provider.removeItem(source.providerPath, recurse: true, engine) }
                if context.switchValue("PassThru"), let item = try context.providerItem(target) {
                    try context.writeObject(item)
                }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }
}

extension CopyItem {
    /// True when `path` is `container` or lies inside it (provider paths, either separator, any case).
    static func isSameOrInside(_ path: String, _ container: String) -> Bool {
        func normal(_ p: String) -> String {
            var text = p.replacing("/", with: "\\").lowercased()
            while text.count > 1 && text.hasSuffix("\\") { text.removeLast() }
            return text
        }
        let inner = normal(path), outer = normal(container)
        return inner == outer || inner.hasPrefix(outer.hasSuffix("\\") ? outer : outer + "\\")
    }
}

/// Rename-Item.
final class RenameItem: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let (texts, literal) = try context.providerPaths()
        let newName = context.string("NewName") ?? ""
        for path in try context.resolveExisting(texts, literal: literal) {
            do {
                guard let parent = path.parent else { throw ProviderError.notSupported }
                let target = parent.child(newName)
                let isContainer = path.provider.isContainer(path.providerPath, engine)
                let noun = path.provider === engine.fileSystemProvider ? (isContainer ? "Directory" : "File") : "Item"
                guard try context.shouldProcess(target: "Item: \(path.path) Destination: \(target.path)",
                                                action: "Rename " + noun) else { continue }
                _ = try path.provider.renameItem(path.providerPath, newName: newName, engine)
                if context.switchValue("PassThru"), let item = try context.providerItem(target) { try context.writeObject(item) }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }
}

/// Set-Item, Clear-Item and Invoke-Item.
final class ItemValueCmdlet: Cmdlet {
    enum Verb { case set, clear, invoke }
    let verb: Verb
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let (texts, literal) = try context.providerPaths()
        let paths = verb == .set ? try texts.flatMap { text -> [ItemPath] in
            do { return try engine.resolvePaths(text, literal: literal) } catch let error as ProviderError {
                try context.writeProviderError(error)
                return []
            }
        } : try context.resolveExisting(texts, literal: literal)
        for path in paths {
            do {
                switch verb {
                case .set:
                    guard try context.shouldProcess(target: "Item: \(path.path)", action: "Set Item") else { continue }
                    try path.provider.setItem(path.providerPath, value: context.value("Value") ?? .null, engine)
                    if context.switchValue("PassThru"), let item = try context.providerItem(path) { try context.writeObject(item) }
                case .clear:
                    guard try context.shouldProcess(target: "Item: \(path.path)", action: "Clear Item") else { continue }
                    try path.provider.clearItem(path.providerPath, engine)
                case .invoke:
                    guard try context.shouldProcess(target: path.path, action: "Invoke Item") else { continue }
                    throw ProviderError(message: ProviderMessages.invokeItemNoProgram, errorId: "InvokeItemError",
                                        category: .InvalidOperation, exceptionType: "System.ComponentModel.Win32Exception",
                                        target: path.path)
                }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }
}
