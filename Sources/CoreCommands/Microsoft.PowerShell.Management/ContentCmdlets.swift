import ShellEngine

/// Get-Content: lines (or one string with -Raw, or chunks split at -Delimiter), -TotalCount from
/// the start, -Tail from the end, -ReadCount lines per output array.
final class GetContent: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let count = { (name: String) in context.value(name).flatMap { LanguagePrimitives.toInt64($0) } ?? -1 }
        if count("TotalCount") != -1 && count("Tail") != -1 {
            try context.writeError(context.errorRecord(
                message: "The parameters TotalCount and Tail cannot be used together. Please specify only one parameter.",
                errorId: "TailAndHeadCannotCoexist", category: .InvalidOperation, exceptionType: "System.InvalidOperationException"))
            return
        }
        if count("TotalCount") == 0 { return }
        let (texts, literal) = try context.providerPaths()
        let encoding = context.string("Encoding").flatMap(TextEncoding.init(name:)) ?? .default
        for path in try context.resolveExisting(texts, literal: literal, reportsWildcardMiss: true) {
            if count("Tail") != -1 && !(path.provider is FileSystemProvider) {
                try context.writeError(context.errorRecord(
                    message: "The Tail parameter currently is supported only for the FileSystem provider.",
                    errorId: "TailNotSupported", category: .InvalidOperation, exceptionType: "System.InvalidOperationException",
                    target: context.value("Tail") ?? .null))
                continue
            }
            do {
                if path.provider.isContainer(path.providerPath, engine) {
                    try context.writeError(context.errorRecord(message: "Unable to get content because it is a directory: '\(path.path)'. Please use 'Get-ChildItem' instead.",
                        errorId: "GetContainerContentException", category: .InvalidOperation,
                        exceptionType: "System.UnauthorizedAccessException", target: .string(path.path)))
                    continue
                }
                let bytes = try path.provider.readContent(path.providerPath, engine)
                if encoding == .byte {
                    try emit(context, bytes.map { PSValue.byte($0) })
                    continue
                }
                let text = encoding.decode(bytes)
                if context.switchValue("Raw") {
                    if !text.isEmpty { try context.writeObject(.string(text)) }
                    continue
                }
                let lines: [String]
                if let delimiter = context.string("Delimiter"), !delimiter.isEmpty {
                    lines = Self.chunks(text, delimiter)
                } else {
                    lines = TextEncoding.lines(text)
                }
                try emit(context, lines.map { PSValue.string($0) })
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }

    private func emit(_ context: CommandContext, _ all: [PSValue]) throws {
        var items = all
        if let count = context.value("TotalCount").flatMap({ LanguagePrimitives.toInt64($0) }), count >= 0 {
            items = Array(items.prefix(Int(clamping: count)))
        }
        if let tail = context.value("Tail").flatMap({ LanguagePrimitives.toInt64($0) }), tail >= 0 {
            items = Array(items.suffix(Int(clamping: tail)))
        }
        let readCount = context.value("ReadCount").flatMap { LanguagePrimitives.toInt64($0) } ?? 1
        if readCount <= 0 && !items.isEmpty { return try context.writeObject(.array(PSArray(items))) }
        if readCount <= 1 {
            for item in items { try context.writeObject(item) }
            return
        }
        var start = 0
        while start < items.count {
            let end = min(items.count, start + Int(clamping: readCount))
            try context.writeObject(.array(PSArray(Array(items[start..<end]))))
            start = end
        }
    }

    /// Pieces ending with the delimiter (the delimiter stays, as in 5.1).
    static func chunks(_ text: String, _ delimiter: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let range = rest.firstRange(of: delimiter) {
            result.append(String(rest[..<range.upperBound]))
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }
}

/// Set-Content, Add-Content and Clear-Content: the values as lines, in the ANSI code page
/// unless -Encoding says otherwise.
final class SetContent: Cmdlet {
    enum Verb { case set, add, clear }
    let verb: Verb
    private var values: [PSValue] = []
    init(_ verb: Verb) { self.verb = verb }

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let value = context.value("Value") {
            values += input != nil ? [value] : (value.enumerated ?? [value])
        }
    }

    func end(_ context: CommandContext) throws {
        let engine = context.engine
        let (texts, literal) = try context.providerPaths()
        let encoding = context.string("Encoding").flatMap(TextEncoding.init(name:)) ?? .default
        let noNewline = context.switchValue("NoNewline")
        let text = values.map { LanguagePrimitives.toString($0) }.joined(separator: noNewline ? "" : "\r\n")
            + (noNewline || values.isEmpty ? "" : "\r\n")
        let mustExist = verb == .clear
        var targets: [ItemPath] = []
        for text in texts {
            do {
                let matches = try engine.resolvePaths(text, literal: literal)
                let existing = matches.filter { $0.provider.itemExists($0.providerPath, engine) }
                if PathText.hasWildcard(text) && !literal || mustExist {
                    if existing.isEmpty { try context.writeError(context.pathNotFoundError(matches.first?.path ?? text)) }
                    targets += existing
                } else {
                    targets += matches
                }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
        for path in targets {
            do {
                let action = verb == .set ? "Set Content" : verb == .add ? "Add Content" : "Clear Content"
                guard try context.shouldProcess(target: "Path: \(path.path)", action: action) else { continue }
                let exists = path.provider.itemExists(path.providerPath, engine)
                let bytes: [UInt8]
                switch verb {
                case .clear: bytes = []
                case .add: bytes = encoding.encode(text, preamble: !exists)
                case .set: bytes = encoding.encode(text)
                }
                try path.provider.writeContent(path.providerPath, bytes, append: verb == .add, engine)
                if context.switchValue("PassThru") { for value in values { try context.writeObject(value) } }
            } catch let error as ProviderError {
                try context.writeProviderError(error)
            }
        }
    }
}
