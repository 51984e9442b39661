import ShellEngine

/// System.Management.Automation.PathInfo: what Get-Location, Resolve-Path and Pop-Location -PassThru return.
final class PathInfoObject: PSObject, PSDefaultDisplayPropertySet {
    let path: ItemPath
    init(_ path: ItemPath) {
        self.path = path
        super.init(typeNames: ["System.Management.Automation.PathInfo", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Drive", value: path.drive.map { .object(PSDriveObject($0)) } ?? .null, isSettable: false),
         PSPropertyInfo(name: "Provider", value: .object(ProviderInfoObject(path.provider)), isSettable: false),
         PSPropertyInfo(name: "ProviderPath", value: .string(path.providerPath), isSettable: false),
         PSPropertyInfo(name: "Path", value: .string(path.path), isSettable: false)]
    }

    /// 5.1's PathInfo view shows the path alone.
    var defaultDisplayPropertySet: [String] { ["Path"] }

    override func toString() -> String { path.path }
}

/// Get-Location, Set-Location, Push-Location, Pop-Location.
final class LocationCmdlet: Cmdlet {
    enum Verb { case get, set, push, pop }
    let verb: Verb
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let locations = engine.locations
        let stackName = context.string("StackName") ?? locations.defaultStackName
        switch verb {
        case .get:
            if context.switchValue("Stack") || context.has("StackName") {
                let stack = locations.stacks[NameKey(stackName)] ?? []
                for path in stack.reversed() { try context.writeObject(.object(PathInfoObject(path))) }
                return
            }
            guard let current = engine.currentLocation else { return }
            try context.writeObject(.object(PathInfoObject(current)))
        case .set, .push:
            if verb == .set, context.has("StackName") {
                locations.defaultStackName = stackName
                return
            }
            if verb == .push, let current = engine.currentLocation {
                locations.stacks[NameKey(stackName), default: []].append(current)
            }
            // Without a path the location stays where it is (after Push-Location has saved it).
            guard context.has("Path") || context.has("LiteralPath") else {
                if context.switchValue("PassThru"), let current = engine.currentLocation {
                    try context.writeObject(.object(PathInfoObject(current)))
                }
                return
            }
            let (texts, literal) = try context.providerPaths()
            guard let text = texts.first else { return }
            try change(context, to: text, literal: literal)
        case .pop:
            guard var stack = locations.stacks[NameKey(stackName)], let top = stack.popLast() else {
                if context.has("StackName") {
                    try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.locationStackEmpty, [stackName]),
                        errorId: "Argument", category: .InvalidArgument, exceptionType: "System.Management.Automation.PSArgumentException",
                        target: .string(stackName)))
                }
                return
            }
            locations.stacks[NameKey(stackName)] = stack
            locations.setLocation(top)
            if context.switchValue("PassThru") { try context.writeObject(.object(PathInfoObject(top))) }
        }
    }

    private func change(_ context: CommandContext, to text: String, literal: Bool) throws {
        let engine = context.engine
        do {
            let matches = try engine.resolvePaths(text.isEmpty ? "~" : text, literal: literal)
            guard let target = matches.first, target.provider.itemExists(target.providerPath, engine) else {
                return try context.writeError(context.pathNotFoundError(matches.first?.path ?? text))
            }
            guard target.provider.isContainer(target.providerPath, engine) else {
                return try context.writeError(context.pathNotFoundError(target.path))
            }
            engine.locations.setLocation(target)
            if context.switchValue("PassThru") { try context.writeObject(.object(PathInfoObject(target))) }
        } catch let error as ProviderError {
            try context.writeProviderError(error)
        }
    }
}

/// Get-PSDrive, New-PSDrive, Remove-PSDrive and Get-PSProvider.
final class DriveCmdlet: Cmdlet {
    enum Verb { case get, new, remove, providers }
    let verb: Verb
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let locations = engine.locations
        switch verb {
        case .get:
            let providerFilter = context.stringList("PSProvider")
            let names = context.stringList("Name") ?? context.stringList("LiteralName") ?? ["*"]
            for name in names {
                let pattern = WildcardPattern(name)
                let matches = locations.drives(engine).filter { drive in
                    pattern.matches(drive.name)
                        && (providerFilter?.contains { WildcardPattern($0).matches(drive.provider.name) } ?? true)
                }
                if matches.isEmpty && !PathText.hasWildcard(name) {
                    try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.driveNotFound, [name]),
                        errorId: "GetLocationNoMatchingDrive", category: .ObjectNotFound,
                        exceptionType: "System.Management.Automation.DriveNotFoundException", target: .string(name)))
                }
                for drive in matches { try context.writeObject(.object(driveObject(engine, drive))) }
            }
        case .new:
            let name = context.string("Name") ?? ""
            let providerName = context.string("PSProvider") ?? ""
            if locations.drive(named: name, engine) != nil {
                return try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.driveAlreadyExists, [name]),
                    errorId: "DriveAlreadyExists", category: .ResourceExists,
                    exceptionType: "System.Management.Automation.SessionStateException", target: .string(name)))
            }
            guard let provider = locations.provider(named: providerName) else {
                return try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.providerNotFound, [providerName]),
                    errorId: "ProviderNotFound", category: .ObjectNotFound,
                    exceptionType: "System.Management.Automation.ProviderNotFoundException", target: .string(providerName)))
            }
            let rootText = context.string("Root") ?? ""
            guard let root = provider.normalizeRoot(rootText, engine) else {
                return try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.driveRootNotFound, [rootText]),
                    errorId: "DriveRootError", category: .ObjectNotFound,
                    exceptionType: "System.IO.IOException", target: .string(rootText)))
            }
            guard try context.shouldProcess(target: "Name: \(name) Provider: \(provider.qualifiedName) Root: \(rootText)",
                                            action: "New drive") else { return }
            let drive = PSDriveInfo(name: name, provider: provider, root: root,
                                    description: context.string("Description") ?? "")
            locations.addDrive(drive)
            try context.writeObject(.object(driveObject(engine, drive)))
        case .remove:
            for name in context.stringList("Name") ?? context.stringList("LiteralName") ?? [] {
                let pattern = WildcardPattern(name)
                let matches = locations.drives(engine).filter { pattern.matches($0.name) }
                if matches.isEmpty {
                    try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.driveNotFound, [name]),
                        errorId: "DriveNotFound", category: .ObjectNotFound,
                        exceptionType: "System.Management.Automation.DriveNotFoundException", target: .string(name)))
                }
                for drive in matches {
                    guard try context.shouldProcess(target: "Name: \(drive.name) Provider: \(drive.provider.qualifiedName) Root: \(drive.root)",
                                                    action: "Remove Drive") else { continue }
                    locations.removeDrive(drive)
                }
            }
        case .providers:
            let names = context.stringList("PSProvider") ?? ["*"]
            for name in names {
                let pattern = WildcardPattern(name)
                let matches = locations.providers.filter { pattern.matches($0.name) }
                if matches.isEmpty && !PathText.hasWildcard(name) {
                    try context.writeError(context.errorRecord(message: Messages.fill(ProviderMessages.providerNotFound, [name]),
                        errorId: "GetProvider", category: .ObjectNotFound,
                        exceptionType: "System.Management.Automation.ProviderNotFoundException", target: .string(name)))
                }
                for provider in matches {
                    let drives = locations.drives(engine).filter { $0.provider === provider }.map(\.name)
                    let home = provider === engine.fileSystemProvider ? engine.homeLocation?.path ?? "" : ""
                    try context.writeObject(.object(ProviderInfoObject(provider, drives: drives, home: home)))
                }
            }
        }
    }

    private func driveObject(_ engine: Engine, _ drive: PSDriveInfo) -> PSDriveObject {
        PSDriveObject(drive, currentLocation: engine.locations.location(in: drive).joined(separator: "\\"))
    }
}
