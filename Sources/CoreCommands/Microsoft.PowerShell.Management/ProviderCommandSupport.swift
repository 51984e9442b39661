import ShellEngine

/// What the provider cmdlets share: the -Path/-LiteralPath pair, resolving it with wildcards,
/// the provider notes on each item, -Include/-Exclude/-Filter, and provider errors as records.
extension CommandContext {
    /// The paths a command names and whether they are literal; `fallback` when neither is bound.
    /// -Path and -LiteralPath are alternatives, so the command checks that one is there.
    func providerPaths(fallback: String? = nil) throws -> (texts: [String], literal: Bool) {
        let binder = ParameterBinder(engine: engine, metadata: metadata, invocation: invocation,
                                     commandExtent: invocation.extent ?? .empty)
        for (name, literal) in [("LiteralPath", true), ("Path", false)] {
            guard let given = value(name) else { continue }
            // The path parameters are mandatory: $null (or `$()`) is refused as the binder refuses it.
            if given.isNull || (given.enumerated.map { $0.isEmpty || $0.allSatisfy(\.isNull) } ?? false) {
                throw binder.bindingError("ParameterArgumentValidationErrorNullNotAllowed", parameterName: name,
                                          extent: boundExtents[name] ?? invocation.extent ?? .empty)
            }
            return (strings(given), literal)
        }
        if let fallback { return ([fallback], false) }
        throw binder.bindingError("MissingMandatoryParameter", parameterName: " Path", extent: invocation.extent ?? .empty)
    }

    func strings(_ value: PSValue) -> [String] {
        (value.enumerated ?? [value]).map { LanguagePrimitives.toString($0) }
    }

    func stringList(_ name: String) -> [String]? { value(name).map(strings) }

    /// The error record of a provider failure, with this command's id suffix.
    func record(_ error: ProviderError) -> ErrorRecord {
        errorRecord(message: error.message, errorId: error.errorId, category: error.category,
                    exceptionType: error.exceptionType, target: .string(error.target))
    }

    func writeProviderError(_ error: ProviderError) throws { try writeError(record(error)) }

    /// Resolves each path: wildcard paths that match nothing, and plain paths that do not
    /// exist (when `mustExist`), are reported as `PathNotFound`.
    /// `reportsWildcardMiss`: a wildcard path that matches nothing is ContentCommandBase's
    /// ItemNotFound (which names the -Path parameter's value as .NET formats it, an array's type).
    func resolveExisting(_ texts: [String], literal: Bool, mustExist: Bool = true,
                         reportsWildcardMiss: Bool = false) throws -> [ItemPath] {
        var result: [ItemPath] = []
        for text in texts {
            do {
                let paths = try engine.resolvePaths(text, literal: literal)
                let existing = paths.filter { $0.provider.itemExists($0.providerPath, engine) }
                if existing.isEmpty && mustExist {
                    if literal || !PathText.hasWildcard(text) {
                        try writeError(pathNotFoundError(paths.first?.path ?? text))
                    } else if reportsWildcardMiss {
                        let given = value("Path") ?? .string(text)
                        let shown = given.enumerated != nil ? "System.String[]" : LanguagePrimitives.toString(given)
                        try writeError(errorRecord(
                            message: "An object at the specified path \(shown) does not exist, or has been filtered by the -Include or -Exclude parameter.",
                            errorId: "ItemNotFound", category: .ObjectNotFound, exceptionType: "System.Exception", target: given))
                    }
                    continue
                }
                result += mustExist ? existing : paths
            } catch let error as ProviderError {
                try writeProviderError(error)
            }
        }
        return result
    }

    /// Reads each file -Path/-LiteralPath names (folders are skipped); provider failures become
    /// this command's errors and the next file is read.
    func forEachFileContent(_ body: (ItemPath, [UInt8]) throws -> Void) throws {
        let (texts, literal) = try providerPaths()
        for path in try resolveExisting(texts, literal: literal) {
            do {
                if path.provider.isContainer(path.providerPath, engine) { continue }
                try body(path, try path.provider.readContent(path.providerPath, engine))
            } catch let error as ProviderError {
                try writeProviderError(error)
            }
        }
    }

    /// The item at a path with its provider notes, or nil when it does not exist.
    func providerItem(_ path: ItemPath) throws(ProviderError) -> PSValue? {
        guard let item = try path.provider.item(path.providerPath, engine) else { return nil }
        if case .object(let object) = item.object, let noted = object as? ProviderNotes {
            noted.providerNotes = path.notes(isContainer: item.isContainer)
        }
        return item.object
    }

    /// -Include, -Exclude and -Filter on a name (wildcards, case-insensitive).
    func nameFilter() -> (String) -> Bool {
        let include = stringList("Include")?.map { WildcardPattern($0) } ?? []
        let exclude = stringList("Exclude")?.map { WildcardPattern($0) } ?? []
        let filter = string("Filter").map { WildcardPattern($0) }
        return { name in
            if let filter, !filter.matches(name) { return false }
            if !include.isEmpty && !include.contains(where: { $0.matches(name) }) { return false }
            return !exclude.contains { $0.matches(name) }
        }
    }
}

/// The parameters the provider cmdlets declare alike.
enum ProviderParameters {
    /// -Path; mandatory where Windows declares it so, which also refuses `$null` and `''` (an empty
    /// path would otherwise name the current location). `byValue`: the commands whose -Path also
    /// takes the piped object itself (Test-Path, Get-Item…).
    static func path(position: Int? = 0, mandatory: Bool = false, byValue: Bool = false) -> ParameterMetadata {
        var path = ParameterMetadata("Path", .array(.string), position: position, mandatory: mandatory,
                                     valueFromPipeline: byValue, valueFromPipelineByPropertyName: true, parameterSets: ["Path"],
                                     help: "The path of the item; wildcards are permitted.")
        path.refusesNullOrEmpty = mandatory
        return path
    }

    static let literalPath: ParameterMetadata = {
        var path = ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"], mandatory: true,
                                     valueFromPipelineByPropertyName: true, parameterSets: ["LiteralPath"],
                                     help: "The path, taken exactly as typed (no wildcards).")
        path.refusesNullOrEmpty = true
        return path
    }()
    static let filter = ParameterMetadata("Filter", .string, help: "A filter in the provider's format (wildcards on the name).")
    static let include = ParameterMetadata("Include", .array(.string), help: "Only the items whose names match.")
    static let exclude = ParameterMetadata("Exclude", .array(.string), help: "Leaves out the items whose names match.")
    static let force = ParameterMetadata("Force", .switchParameter, help: "Also acts on hidden and read-only items.")
    static let passThru = ParameterMetadata("PassThru", .switchParameter, help: "Returns the item.")
    static let credential = ParameterMetadata("Credential", .object, valueFromPipelineByPropertyName: true,
                                              help: "This parameter is not supported by any providers installed with PowerShell. To impersonate another user or elevate your credentials when running this cmdlet, use Invoke-Command.")

    static func compiledMetadata(_ name: String, _ parameters: [ParameterMetadata], shouldProcess: Bool = false,
                                 synopsis: String) -> CommandMetadata {
        var metadata = compiled(name, name.replacing("-", with: "") + "Command", parameters, synopsis: synopsis,
                                shouldProcess: shouldProcess)
        metadata.defaultParameterSet = "Path"
        return metadata
    }
}
