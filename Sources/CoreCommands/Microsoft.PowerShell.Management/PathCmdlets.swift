#if canImport(Glibc)
import Glibc
#endif
import ShellEngine

/// Join-Path: the provider's separator (`\`, or `/` under a host path), one separator between
/// the parts (5.1 has no -AdditionalChildPath).
final class JoinPath: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let child = context.string("ChildPath") ?? ""
        for path in context.stringList("Path") ?? [] {
            let separator = path.hasPrefix("/") ? "/" : "\\"
            var parent = path
            while parent.count > 1, let last = parent.last, PathText.isSeparator(last), !parent.hasSuffix(":\\") { parent.removeLast() }
            var tail = Substring(child)
            while let first = tail.first, PathText.isSeparator(first) { tail = tail.dropFirst() }
            let joined = parent.isEmpty ? String(tail)
                : tail.isEmpty ? parent
                : parent.last.map(PathText.isSeparator) == true ? parent + tail : parent + separator + tail
            if context.switchValue("Resolve") {
                for resolved in try context.resolveExisting([joined], literal: false) {
                    try context.writeObject(.string(resolved.path))
                }
            } else {
                try context.writeObject(.string(joined))
            }
        }
    }
}

/// Split-Path: -Parent (default), -Leaf, -Qualifier, -NoQualifier, -IsAbsolute, -Resolve.
final class SplitPath: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let (texts, literal) = try context.providerPaths()
        var paths = texts
        if context.switchValue("Resolve") {
            paths = try context.resolveExisting(texts, literal: literal).map(\.path)
        }
        for path in paths {
            let qualifierEnd = Self.qualifierEnd(path)
            if context.switchValue("IsAbsolute") {
                let absolute = qualifierEnd != nil || path.hasPrefix("\\") || path.hasPrefix("/") || path.hasPrefix("~")
                try context.writeObject(.bool(absolute))
            } else if context.switchValue("Qualifier") {
                guard let end = qualifierEnd else {
                    try context.writeError(context.errorRecord(message: "Cannot parse path because path '\(path)' does not have a qualifier specified.",
                        errorId: "ParsePathFormatError", category: .InvalidArgument,
                        exceptionType: "System.Management.Automation.ParameterBindingException", target: .string(path)))
                    continue
                }
                try context.writeObject(.string(String(path[..<end])))
            } else if context.switchValue("NoQualifier") {
                try context.writeObject(.string(qualifierEnd.map { String(path[$0...]) } ?? path))
            } else if context.switchValue("Leaf") {
                var trimmed = Substring(path)
                while trimmed.count > 1, let last = trimmed.last, PathText.isSeparator(last) { trimmed = trimmed.dropLast() }
                let start = trimmed.lastIndex(where: { PathText.isSeparator($0) || $0 == ":" }).map { trimmed.index(after: $0) }
                try context.writeObject(.string(String(trimmed[(start ?? trimmed.startIndex)...])))
            } else {
                try context.writeObject(.string(Self.parent(path)))
            }
        }
    }

    /// The index after `NAME:` when the path starts with a drive qualifier.
    static func qualifierEnd(_ path: String) -> String.Index? {
        guard let colon = path.firstIndex(of: ":"), colon != path.startIndex,
              !path[..<colon].contains(where: PathText.isSeparator) else { return nil }
        return path.index(after: colon)
    }

    /// The parent: `C:\a\b` → `C:\a`, `C:\a` → `C:\`, `C:\` → ``, `a` → ``.
    static func parent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, let last = trimmed.last, PathText.isSeparator(last), !trimmed.hasSuffix(":\\") { trimmed = trimmed.dropLast() }
        guard let cut = trimmed.lastIndex(where: PathText.isSeparator) else { return "" }
        let head = trimmed[..<cut]
        if head.isEmpty { return trimmed.count > 1 ? String(trimmed[...cut]) : "" }
        if head.hasSuffix(":") { return cut == trimmed.index(before: trimmed.endIndex) ? "" : String(trimmed[...cut]) }
        return String(head)
    }
}

/// Resolve-Path and Convert-Path.
final class ResolvePath: Cmdlet {
    let convert: Bool
    init(convert: Bool) { self.convert = convert }

    func process(_ context: CommandContext, input: PSValue?) throws {
        let (texts, literal) = try context.providerPaths()
        for path in try context.resolveExisting(texts, literal: literal) {
            if convert {
                try context.writeObject(.string(path.providerPath))
            } else if context.switchValue("Relative") {
                try context.writeObject(.string(relative(context.engine, path)))
            } else {
                try context.writeObject(.object(PathInfoObject(path)))
            }
        }
    }

    /// `.\name` below the current location, `..\name` beside it.
    private func relative(_ engine: Engine, _ path: ItemPath) -> String {
        guard let current = engine.currentLocation, current.provider === path.provider,
              current.root == path.root, current.drive === path.drive else { return path.path }
        let base = current.components, target = path.components
        var common = 0
        while common < base.count, common < target.count, base[common].caseInsensitiveEquals(target[common]) { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = Array(target[common...])
        return (ups.isEmpty ? ["."] + rest : ups + rest).joined(separator: "\\")
    }
}

/// Test-Path.
final class TestPath: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let (texts, literal) = try context.providerPaths()
        let type = context.string("PathType")?.lowercased() ?? "any"
        let filter = context.nameFilter()
        for text in texts {
            if context.switchValue("IsValid") {
                try context.writeObject(.bool((try? engine.resolveItemPath(text)) != nil && !text.contains("\0")))
                continue
            }
            guard !text.isEmpty, let matches = try? engine.resolvePaths(text, literal: literal) else {
                try context.writeObject(.bool(false))
                continue
            }
            let olderThan = Self.ticks(context.value("OlderThan"), engine)
            let newerThan = Self.ticks(context.value("NewerThan"), engine)
            let found = matches.contains { path in
                guard path.provider.itemExists(path.providerPath, engine), filter(path.name) else { return false }
                let kindMatches: Bool
                switch type {
                case "container": kindMatches = path.provider.isContainer(path.providerPath, engine)
                case "leaf": kindMatches = !path.provider.isContainer(path.providerPath, engine)
                default: kindMatches = true
                }
                guard kindMatches else { return false }
                // The FileSystem provider's -OlderThan/-NewerThan: the item's LastWriteTime against the date.
                guard olderThan != nil || newerThan != nil else { return true }
                guard case .object(let item as FileSystemInfoObject)? = (try? path.provider.item(path.providerPath, engine))??.object
                else { return false }
                let written = Self.localTicks(item.lastWriteTime.seconds)
                if let olderThan, !(written < olderThan) { return false }
                if let newerThan, !(written > newerThan) { return false }
                return true
            }
            try context.writeObject(.bool(found))
        }
    }

    /// A DateTime argument's Ticks (nil when none was given or it has none).
    private static func ticks(_ value: PSValue?, _ engine: Engine) -> Int64? {
        guard let value, !value.isNull else { return nil }
        if case .object(let date as DateTimeObject) = value { return localTicks(date.seconds) }
        return (try? engine.getMember(value, "Ticks", isStatic: false, extent: .empty)).flatMap { LanguagePrimitives.toInt64($0) }
    }

    /// The .NET Ticks of a local time given as Unix seconds.
    private static func localTicks(_ seconds: Int) -> Int64 {
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        let local = Int64(seconds).addingReportingOverflow(Int64(parts.tm_gmtoff)).partialValue
        return local.multipliedReportingOverflow(by: 10_000_000).partialValue
            .addingReportingOverflow(621_355_968_000_000_000).partialValue
    }
}
