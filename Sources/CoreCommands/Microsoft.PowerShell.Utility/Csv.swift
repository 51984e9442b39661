import ShellEngine

/// The CSV text of Windows PowerShell 5.1 (Microsoft.PowerShell.Commands.ExportCsvHelper and
/// ImportCsvHelper): every field quoted, a `#TYPE` line unless -NoTypeInformation, the columns
/// fixed by the first object.
enum CsvFormat {
    static let separator = ","
    static let typePrefix = "CSV:"
    static let unspecifiedName = "H"
    static let defaultNameWarning = "One or more headers were not specified. Default names starting with \"H\" have been used in place of any missing headers."
    static let memberAlreadyPresent = "The member \"{0}\" is already present."

    /// The delimiter: -Delimiter, the culture's list separator with -UseCulture (`,` in en-US), or a comma.
    static func delimiter(_ context: CommandContext) -> Character {
        if let text = context.string("Delimiter"), let first = text.first { return first }
        if context.switchValue("UseCulture") {
            let culture = ThreadCultures.of(context.engine).culture
            return culture.listSeparator.first ?? ","
        }
        return ","
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// `#TYPE <first type name>`, without the `CSV:` prefix an imported object carries.
    static func typeLine(_ value: PSValue) -> String {
        if case .object(let object) = value, object.typeNames.isEmpty { return "#TYPE" }
        var name = value.typeName
        if name.lowercased().hasPrefix("csv:") { name.removeFirst(4) }
        return "#TYPE " + name
    }

    /// The column names: the object's extended and adapted properties, in order.
    static func propertyNames(_ value: PSValue) -> [String] {
        FormatSelection.properties(of: value).map(\.name)
    }

    /// One row; a property the object lacks (or whose value is null) leaves its field empty.
    static func row(_ value: PSValue, _ names: [String], _ delimiter: Character) -> String {
        let properties = FormatSelection.properties(of: value)
        return names.map { name -> String in
            guard let p = properties.first(where: { $0.name.caseInsensitiveEquals(name) }), !p.value.isNull else { return "" }
            return quoted(FormatValue.toString(p.value))
        }.joined(separator: String(delimiter))
    }

    /// Parses records as ImportCsvHelper.ParseNextRecord: quotes group, `""` escapes a quote,
    /// blanks before a field are dropped and quoted fields keep their newlines.
    struct Reader {
        private let chars: [Character]
        private var i = 0
        let delimiter: Character

        init(_ text: String, delimiter: Character) {
            chars = Array(text)
            self.delimiter = delimiter
        }

        var atEnd: Bool { i >= chars.count }

        mutating func typeLine() -> String? {
            guard i < chars.count, chars[i] == "#" else { return nil }
            let start = i
            while i < chars.count, !chars[i].isNewline { i += 1 }
            let line = String(chars[start..<i])
            if i < chars.count { i += 1 }
            guard line.lowercased().hasPrefix("#type") else { return nil }
            let name = String(line.dropFirst(5)).trimmedWhitespace
            return name.isEmpty ? nil : name
        }

        mutating func record() -> [String] {
            var result: [String] = []
            var current = ""
            var inQuotes = false
            while i < chars.count {
                let c = chars[i]
                i += 1
                if c == delimiter && !inQuotes {
                    result.append(current)
                    current = ""
                } else if c == "\"" {
                    if inQuotes {
                        if i < chars.count, chars[i] == "\"" {
                            i += 1
                            current.append("\"")
                        } else {
                            inQuotes = false
                            let end = tillDelimiter(&current, eatBlanks: true)
                            result.append(current)
                            current = ""
                            if end { return result }
                        }
                    } else if current.isEmpty {
                        inQuotes = true
                    } else {
                        current.append(c)
                        let end = tillDelimiter(&current, eatBlanks: false)
                        result.append(current)
                        current = ""
                        if end { return result }
                    }
                } else if (c == " " || c == "\t") && !inQuotes {
                    if current.isEmpty { continue }
                    current.append(c)
                    let end = tillDelimiter(&current, eatBlanks: true)
                    result.append(current)
                    current = ""
                    if end { return result }
                } else if c.isNewline && !inQuotes {
                    result.append(current)
                    return result
                } else {
                    current.append(c)
                }
            }
            if !current.isEmpty { result.append(current) }
            return result
        }

        /// The rest of a field up to the delimiter; true when the record ended.
        private mutating func tillDelimiter(_ current: inout String, eatBlanks: Bool) -> Bool {
            var rest = ""
            var nonBlank = false
            var end = false
            while true {
                guard i < chars.count else { end = true; break }
                let c = chars[i]
                i += 1
                if c == delimiter { break }
                if c.isNewline { end = true; break }
                rest.append(c)
                if c != " " && c != "\t" { nonBlank = true }
            }
            current += eatBlanks && !nonBlank ? "" : rest
            return end
        }
    }

    /// The header of a text: a given -Header, a `#Fields: ` line (W3C extended log), or the first
    /// record that does not start with `#`.
    static func header(_ reader: inout Reader, given: [String]?) -> [String]? {
        if let given { return given }
        while !reader.atEnd {
            var values = reader.record()
            while values.count > 1 && values.last == "" { values.removeLast() }
            if let first = values.first, first.hasPrefix("#Fields: ") {
                values[0] = String(first.dropFirst(9))
                return values
            }
            if let first = values.first, first.hasPrefix("#") { continue }
            return values
        }
        return nil
    }

    /// The first repeated column name, compared without case.
    static func duplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        for name in names where !name.isEmpty {
            if !seen.insert(name.lowercased()).inserted { return name }
        }
        return nil
    }

    /// The objects of the records after the header; blank lines are skipped.
    static func objects(_ reader: inout Reader, header: [String], typeName: String?,
                        warned: inout Bool, context: CommandContext) throws {
        while !reader.atEnd {
            let values = reader.record()
            if values.isEmpty { break }
            if values.count == 1 && values[0].isEmpty { continue }
            var typeNames = ["System.Management.Automation.PSCustomObject", "System.Object"]
            if let typeName { typeNames = [typeName, typePrefix + typeName] }
            let object = PSCustomObject(typeNames: typeNames)
            var unnamed = 1
            for (index, name) in header.enumerated() {
                var label = name
                if label.isEmpty {
                    label = unspecifiedName + String(unnamed)
                    unnamed += 1
                }
                object.add(label, index < values.count ? .string(values[index]) : .null)
            }
            if unnamed > 1 && !warned {
                context.writeWarning(defaultNameWarning)
                warned = true
            }
            try context.writeObject(.object(object))
        }
    }

    static func duplicateError(_ name: String, _ context: CommandContext) -> RuntimeError {
        RuntimeError(record: context.errorRecord(message: Messages.fill(memberAlreadyPresent, [name]),
            errorId: "ExtendedTypeSystemException", category: .NotSpecified,
            exceptionType: "System.Management.Automation.ExtendedTypeSystemException"))
    }
}

/// ConvertTo-Csv: each object as a CSV line (a `#TYPE` line and the header before the first).
final class ConvertToCsv: Cmdlet {
    private var names: [String]?

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let value = input ?? context.value("InputObject"), !value.isNull else { return }
        let delimiter = CsvFormat.delimiter(context)
        if names == nil {
            let columns = CsvFormat.propertyNames(value)
            names = columns
            if !context.switchValue("NoTypeInformation") { try context.writeObject(.string(CsvFormat.typeLine(value))) }
            try context.writeObject(.string(columns.map(CsvFormat.quoted).joined(separator: String(delimiter))))
        }
        try context.writeObject(.string(CsvFormat.row(value, names ?? [], delimiter)))
    }
}

/// Export-Csv: ConvertTo-Csv's lines written to a file (ASCII by default, as in 5.1); -Append
/// keeps the file's columns and writes no header.
final class ExportCsv: Cmdlet {
    static let mismatched = "Cannot append CSV content to the following file: {1}. The appended object does not have a property that corresponds to the following column: {0}. To continue with mismatched properties, add the -Force parameter, and then retry the command."
    static let pathOrLiteralPath = "You must specify either the -Path or -LiteralPath parameters, but not both."
    private var lines: [String] = []
    private var names: [String]?
    private var appending = false
    private var target: ItemPath?
    private var refused = false

    func begin(_ context: CommandContext) throws {
        let engine = context.engine
        guard context.has("LiteralPath") != context.has("Path"),
              let text = context.string("LiteralPath") ?? context.string("Path") else {
            throw RuntimeError(record: context.errorRecord(message: Self.pathOrLiteralPath,
                errorId: "CannotSpecifyPathAndLiteralPath", category: .InvalidData,
                exceptionType: "System.InvalidOperationException"))
        }
        do {
            let path = try engine.resolveItemPath(text)
            target = path
            let exists = path.provider.itemExists(path.providerPath, engine)
            if context.switchValue("NoClobber") && !context.switchValue("Append") && exists {
                refused = true
                throw RuntimeError(record: context.errorRecord(message: Messages.fill(ProviderMessages.fileExists, [path.path]),
                    errorId: "NoClobber", category: .ResourceExists, exceptionType: "System.IO.IOException",
                    target: .string(path.path)))
            }
            guard try context.shouldProcess(target: path.path, action: "Export-Csv") else { refused = true; return }
            if context.switchValue("Append") && exists {
                let bytes = try path.provider.readContent(path.providerPath, engine)
                var reader = CsvFormat.Reader(TextEncoding.default.decode(bytes), delimiter: CsvFormat.delimiter(context))
                _ = reader.typeLine()
                if let header = CsvFormat.header(&reader, given: nil), !(header.count == 1 && header[0].isEmpty) {
                    names = header
                    appending = true
                }
            }
        } catch let error as ProviderError {
            refused = true
            throw RuntimeError(record: context.record(error))
        }
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard !refused, let value = input ?? context.value("InputObject"), !value.isNull else { return }
        let delimiter = CsvFormat.delimiter(context)
        if let names, appending, !context.switchValue("Force") {
            let present = Set(CsvFormat.propertyNames(value).map { $0.lowercased() })
            if let missing = names.first(where: { !present.contains($0.lowercased()) }) {
                appending = false
                refused = true
                throw RuntimeError(record: context.errorRecord(
                    message: Messages.fill(Self.mismatched, [missing, target?.path ?? ""]),
                    errorId: "CannotAppendCsvWithMismatchedPropertyNames", category: .InvalidData,
                    exceptionType: "System.InvalidOperationException", target: value))
            }
        }
        if names == nil {
            let columns = CsvFormat.propertyNames(value)
            names = columns
            if !context.switchValue("NoTypeInformation") { lines.append(CsvFormat.typeLine(value)) }
            lines.append(columns.map(CsvFormat.quoted).joined(separator: String(delimiter)))
        }
        lines.append(CsvFormat.row(value, names ?? [], delimiter))
    }

    func end(_ context: CommandContext) throws {
        guard !refused, let target else { return }
        let encoding = context.string("Encoding").flatMap(TextEncoding.init(name:)) ?? .ascii
        let text = lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
        let engine = context.engine
        do {
            if context.switchValue("Force") && target.provider.itemExists(target.providerPath, engine) {
                // -Force writes over a read-only file, as PathUtils.MasterStreamOpen clears the attribute.
                try? target.provider.setProperty(target.providerPath, name: "IsReadOnly", value: .bool(false), type: nil,
                                                 create: false, force: true, engine)
            }
            try engine.writeText(to: target, text, append: context.switchValue("Append"), encoding: encoding)
        } catch {
            throw RuntimeError(record: context.errorRecord(message: error.message, errorId: "FileOpenFailure",
                category: .OpenError, exceptionType: error.exceptionType, target: .string(target.path)))
        }
    }
}

/// ConvertFrom-Csv: the lines piped in (or given) as one CSV text, a header first.
final class ConvertFromCsv: Cmdlet {
    private var header: [String]?
    private var typeName: String?
    private var warned = false

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let given = input ?? context.value("InputObject") else { return }
        for item in given.enumerated ?? [given] where !item.isNull {
            var reader = CsvFormat.Reader(LanguagePrimitives.toString(item), delimiter: CsvFormat.delimiter(context))
            if header == nil {
                if typeName == nil { typeName = reader.typeLine() }
                header = CsvFormat.header(&reader, given: context.stringList("Header"))
                if let header, let name = CsvFormat.duplicate(header) { throw CsvFormat.duplicateError(name, context) }
            }
            guard let header else { continue }
            try CsvFormat.objects(&reader, header: header, typeName: typeName, warned: &warned, context: context)
        }
    }
}

/// Import-Csv: each file's records as objects whose properties are strings.
final class ImportCsv: Cmdlet {
    private var warned = false

    func process(_ context: CommandContext, input: PSValue?) throws {
        let encoding = context.string("Encoding").flatMap(TextEncoding.init(name:)) ?? .default
        try context.forEachFileContent { _, bytes in
            var reader = CsvFormat.Reader(encoding.decode(bytes), delimiter: CsvFormat.delimiter(context))
            let typeName = reader.typeLine()
            guard let names = CsvFormat.header(&reader, given: context.stringList("Header")) else { return }
            if let name = CsvFormat.duplicate(names) { throw CsvFormat.duplicateError(name, context) }
            try CsvFormat.objects(&reader, header: names, typeName: typeName, warned: &warned, context: context)
        }
    }
}
