import RegularExpressions
import ShellEngine

/// Microsoft.PowerShell.Commands.MatchInfo: one matching line; shown by its custom view as
/// `path:line:text` for files (the path relative to the location) or the line alone for input.
final class MatchInfoObject: PSObject, PSCustomView {
    var ignoreCase = true
    var lineNumber: UInt64 = 0
    var line = ""
    var path: String?
    var displayPath = ""
    var pattern = ""
    var matches: [PSValue] = []
    /// PreContext, PostContext, DisplayPreContext, DisplayPostContext.
    var context: (pre: [String], post: [String], displayPre: [String], displayPost: [String])?

    init() {
        super.init(typeNames: ["Microsoft.PowerShell.Commands.MatchInfo", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        let fileName = path.map { String($0.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last ?? "") } ?? "InputStream"
        return [
            PSPropertyInfo(name: "IgnoreCase", value: .bool(ignoreCase), typeName: "System.Boolean"),
            PSPropertyInfo(name: "LineNumber", value: .int32(Int32(clamping: lineNumber)), typeName: "System.Int32"),
            PSPropertyInfo(name: "Line", value: .string(line), typeName: "System.String"),
            PSPropertyInfo(name: "Filename", value: .string(fileName), typeName: "System.String", isSettable: false),
            PSPropertyInfo(name: "Path", value: .string(path ?? "InputStream"), typeName: "System.String"),
            PSPropertyInfo(name: "Pattern", value: .string(pattern), typeName: "System.String"),
            PSPropertyInfo(name: "Context", value: contextValue, typeName: "Microsoft.PowerShell.Commands.MatchInfoContext"),
            PSPropertyInfo(name: "Matches", value: .array(PSArray(matches, elementTypeName: "System.Text.RegularExpressions.Match")),
                           typeName: "System.Text.RegularExpressions.Match[]"),
        ]
    }

    private var contextValue: PSValue {
        guard let context else { return .null }
        let o = PSCustomObject(typeNames: ["Microsoft.PowerShell.Commands.MatchInfoContext", "System.Object"])
        let strings = { (lines: [String]) in PSValue.array(PSArray(lines.map { .string($0) }, elementTypeName: "System.String")) }
        o.add("PreContext", strings(context.pre))
        o.add("PostContext", strings(context.post))
        o.add("DisplayPreContext", strings(context.displayPre))
        o.add("DisplayPostContext", strings(context.displayPost))
        return .object(o)
    }

    /// The view: ToString relative to the location the match was made in.
    var customViewLines: [String] { lines(displayPath) }

    /// MatchInfo.ToString(directory): `> ` marks the match and `  ` its context lines.
    private func lines(_ shownPath: String) -> [String] {
        let format = { (text: String, number: UInt64, prefix: String) -> String in
            self.path == nil ? prefix + text : "\(prefix)\(shownPath):\(number):\(text)"
        }
        guard let context else { return [format(line, lineNumber, "")] }
        var number = lineNumber &- UInt64(context.displayPre.count)
        var lines: [String] = []
        for text in context.displayPre { lines.append(format(text, number, "  ")); number &+= 1 }
        lines.append(format(line, number, "> "))
        number &+= 1
        for text in context.displayPost { lines.append(format(text, number, "  ")); number &+= 1 }
        return lines
    }

    /// ToString(): the full path.
    override func toString() -> String { lines(path ?? "").joined(separator: "\r\n") }
}

/// Select-String: lines of files or of piped text that match a regular expression (or contain a
/// text with -SimpleMatch), as MatchInfo objects.
final class SelectString: Cmdlet {
    static let invalidRegex = "The string {0} is not a valid regular expression: {1}"
    private var regexes: [RegularExpression] = []
    private var inputLines: [String] = []
    private var inputCount: UInt64 = 0
    private var done = false

    func begin(_ context: CommandContext) throws {
        guard !context.switchValue("SimpleMatch") else { return }
        let options: RegexOptions = context.switchValue("CaseSensitive") ? [] : .ignoreCase
        for pattern in patterns(context) {
            do {
                regexes.append(try RegularExpression(pattern, options: options))
            } catch {
                throw RuntimeError(record: context.errorRecord(message: Messages.fill(Self.invalidRegex, [pattern, error.message]),
                    errorId: "InvalidRegex", category: .InvalidArgument, exceptionType: "System.ArgumentException"))
            }
        }
    }

    private func patterns(_ context: CommandContext) -> [String] { context.stringList("Pattern") ?? [] }

    private var contextCounts: (Int, Int) = (0, 0)

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard !done else { return }
        if let counts = context.value("Context").map({ context.strings($0).compactMap { Int($0) } }), let pre = counts.first {
            contextCounts = (max(0, pre), max(0, counts.count > 1 ? counts[1] : pre))
        }
        if context.has("Path") || context.has("LiteralPath") {
            return try searchFiles(context)
        }
        guard let value = input ?? context.value("InputObject"), !value.isNull else { return }
        if case .object(let file as FileSystemInfoObject) = value, !file.isDirectory {
            return try searchFile(context, display: file.fullName, path: file.fullName, bytes: nil)
        }
        let text: String
        if case .object(let previous as MatchInfoObject) = value { text = previous.line } else { text = LanguagePrimitives.toString(value) }
        inputCount += 1
        if contextCounts != (0, 0) { inputLines.append(text); return }
        if let info = try match(text, context) {
            info.lineNumber = inputCount
            try emit(info, context)
        }
    }

    func end(_ context: CommandContext) throws {
        if !inputLines.isEmpty && !done {
            try search(inputLines, path: nil, context: context)
        }
    }

    private func searchFiles(_ context: CommandContext) throws {
        let keep = context.nameFilter()
        try context.forEachFileContent { path, bytes in
            guard !done, keep(path.components.last ?? "") else { return }
            try searchFile(context, display: path.path, path: path.path, bytes: bytes)
        }
    }

    private func searchFile(_ context: CommandContext, display: String, path: String, bytes: [UInt8]?) throws {
        var content = bytes
        if content == nil {
            let item = try context.engine.resolveItemPath(path)
            content = try item.provider.readContent(item.providerPath, context.engine)
        }
        let encoding = context.string("Encoding").flatMap(TextEncoding.init(name:)) ?? .default
        try search(TextEncoding.lines(encoding.decode(content ?? [])), path: display, context: context)
    }

    /// Searches a whole document (a file, or the piped lines when -Context needs them together).
    private func search(_ lines: [String], path: String?, context: CommandContext) throws {
        let (before, after) = contextCounts
        var previous: (index: Int, shownUntil: Int)?
        var pending: MatchInfoObject?
        for (index, text) in lines.enumerated() where !done {
            guard let info = try match(text, context) else { continue }
            info.lineNumber = UInt64(index + 1)
            if let path { info.path = path; info.displayPath = relative(path, context) }
            if before > 0 || after > 0 {
                let preStart = max(previous.map { $0.index + 1 } ?? 0, index - before)
                let shownStart = max(previous?.shownUntil ?? 0, index - before)
                if let pending, let previous {
                    let post = Array(lines[(previous.index + 1)..<min(previous.index + 1 + after, index)])
                    pending.context?.post = post
                    pending.context?.displayPost = post
                    try emit(pending, context)
                }
                info.context = (Array(lines[preStart..<index]), [], Array(lines[min(shownStart, index)..<index]), [])
                let postEnd = min(index + 1 + after, lines.count)
                previous = (index, postEnd)
                pending = info
            } else {
                try emit(info, context)
            }
        }
        if let pending, let previous, !done {
            let post = Array(lines[(previous.index + 1)..<min(previous.index + 1 + after, lines.count)])
            pending.context?.post = post
            pending.context?.displayPost = post
            try emit(pending, context)
        }
    }

    private func relative(_ path: String, _ context: CommandContext) -> String {
        guard let location = context.engine.currentLocation?.path, !location.isEmpty,
              path.lowercased().hasPrefix(location.lowercased()), path.count > location.count else { return path }
        let rest = path.dropFirst(location.count)
        if location.hasSuffix("\\") || location.hasSuffix("/") { return String(rest) }
        if rest.first == "\\" || rest.first == "/" { return String(rest.dropFirst()) }
        return path
    }

    private func emit(_ info: MatchInfoObject, _ context: CommandContext) throws {
        if context.switchValue("Quiet") {
            done = true
            return try context.writeObject(.bool(true))
        }
        try context.writeObject(.object(info))
        if context.switchValue("List") { done = true }
    }

    /// DoMatchWorker: the first pattern that matches (every match with -AllMatches), or the
    /// lines none matches with -NotMatch.
    private func match(_ text: String, _ context: CommandContext) throws -> MatchInfoObject? {
        let patterns = patterns(context)
        var found: Int?
        var matches: [PSValue] = []
        if context.switchValue("SimpleMatch") {
            let caseSensitive = context.switchValue("CaseSensitive")
            let haystack = caseSensitive ? text : text.lowercased()
            found = patterns.firstIndex { haystack.contains(caseSensitive ? $0 : $0.lowercased()) }
        } else {
            let all = context.switchValue("AllMatches") && !context.switchValue("NotMatch")
            for (index, regex) in regexes.enumerated() {
                if all {
                    let list = try RegexOperators.run(context.engine) { (c) throws(RegexError) in try regex.matches(in: text, cancellation: c) }
                    if !list.isEmpty { matches = list.map(RegexTypes.matchValue); found = index; break }
                } else {
                    let m = try RegexOperators.run(context.engine) { (c) throws(RegexError) in try regex.match(in: text, cancellation: c) }
                    if m.success { matches = [RegexTypes.matchValue(m)]; found = index; break }
                }
            }
        }
        if context.switchValue("NotMatch") { found = found == nil ? 0 : nil }
        guard let index = found else { return nil }
        let info = MatchInfoObject()
        info.ignoreCase = !context.switchValue("CaseSensitive")
        info.line = text
        info.pattern = index < patterns.count ? patterns[index] : ""
        info.matches = matches
        return info
    }
}
