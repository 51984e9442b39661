import ShellEngine

/// Microsoft.PowerShell.Utility's text and data commands: CSV, Select-String, measuring, time
/// spans, culture and host.
extension MicrosoftPowerShellUtility {
    static func dataDefinitions() -> [CmdletDefinition] {
        let delimiter = ParameterMetadata("Delimiter", .char, position: 1, parameterSets: ["Delimiter"],
                                          help: "The character that separates the fields (a comma by default).")
        let useCulture = ParameterMetadata("UseCulture", .switchParameter, parameterSets: ["UseCulture"],
                                           help: "Separates the fields with the culture's list separator.")
        let noType = ParameterMetadata("NoTypeInformation", .switchParameter, aliases: ["NTI"],
                                       help: "Leaves out the #TYPE line.")
        let header = ParameterMetadata("Header", .array(.string), help: "Column names to use instead of the first line.")
        let encodings = ["Unicode", "UTF7", "UTF8", "ASCII", "UTF32", "BigEndianUnicode", "Default", "OEM"]
        let encoding = ParameterMetadata("Encoding", .string, validations: [.set(encodings, ignoreCase: true)],
                                         help: "The file's encoding.")
        var exportCsv = compiled("Export-Csv", "ExportCsvCommand",
            [ParameterMetadata("InputObject", .psObject, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true),
             ParameterMetadata("Path", .string, position: 0), ParameterMetadata("LiteralPath", .string, aliases: ["PSPath"]),
             ParameterMetadata("Force", .switchParameter), ParameterMetadata("NoClobber", .switchParameter, aliases: ["NoOverwrite"]),
             encoding, ParameterMetadata("Append", .switchParameter), delimiter, useCulture, noType],
            synopsis: "Converts objects into a series of comma-separated value (CSV) strings and saves the strings to a file.",
            shouldProcess: true)
        exportCsv.defaultParameterSet = "Delimiter"
        var convertToCsv = compiled("ConvertTo-Csv", "ConvertToCsvCommand",
            [ParameterMetadata("InputObject", .psObject, position: 0, mandatory: true, valueFromPipeline: true,
                               valueFromPipelineByPropertyName: true), delimiter, useCulture, noType],
            synopsis: "Converts objects into a series of comma-separated value (CSV) strings.")
        convertToCsv.defaultParameterSet = "Delimiter"
        var importCsv = compiled("Import-Csv", "ImportCsvCommand",
            [ParameterMetadata("Delimiter", .char, position: 1, parameterSets: ["Delimiter"]),
             ParameterMetadata("Path", .array(.string), position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true),
             ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"], valueFromPipelineByPropertyName: true),
             ParameterMetadata("UseCulture", .switchParameter, mandatory: true, parameterSets: ["UseCulture"]), header, encoding],
            synopsis: "Creates table-like custom objects from the items in a CSV file.")
        importCsv.defaultParameterSet = "Delimiter"
        var convertFromCsv = compiled("ConvertFrom-Csv", "ConvertFromCsvCommand",
            [delimiter, useCulture,
             ParameterMetadata("InputObject", .array(.psObject), position: 0, mandatory: true, valueFromPipeline: true,
                               valueFromPipelineByPropertyName: true), header],
            synopsis: "Converts object properties in comma-separated value (CSV) format into CSV versions of the original objects.")
        convertFromCsv.defaultParameterSet = "Delimiter"
        var selectString = compiled("Select-String", "SelectStringCommand",
            [ParameterMetadata("InputObject", .psObject, valueFromPipeline: true, parameterSets: ["Object"]),
             ParameterMetadata("Pattern", .array(.string), position: 0, mandatory: true),
             ParameterMetadata("Path", .array(.string), position: 1, valueFromPipelineByPropertyName: true, parameterSets: ["File"]),
             ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"], valueFromPipelineByPropertyName: true,
                               parameterSets: ["LiteralFile"]),
             ParameterMetadata("SimpleMatch", .switchParameter), ParameterMetadata("CaseSensitive", .switchParameter),
             ParameterMetadata("Quiet", .switchParameter), ParameterMetadata("List", .switchParameter),
             ParameterMetadata("Include", .array(.string)), ParameterMetadata("Exclude", .array(.string)),
             ParameterMetadata("NotMatch", .switchParameter), ParameterMetadata("AllMatches", .switchParameter),
             ParameterMetadata("Encoding", .string, validations: [.set(["unicode", "utf7", "utf8", "utf32", "ascii",
                                                                        "bigendianunicode", "default", "oem"], ignoreCase: true)]),
             ParameterMetadata("Context", .array(.int32), validations: [.count(min: 1, max: 2), .range(min: 0, max: Double(Int32.max))])],
            synopsis: "Finds text in strings and files.")
        selectString.defaultParameterSet = "File"
        var newTimeSpan = compiled("New-TimeSpan", "NewTimeSpanCommand",
            [ParameterMetadata("Start", .object, aliases: ["LastWriteTime"], position: 0, valueFromPipelineByPropertyName: true,
                               parameterSets: ["Date"]),
             ParameterMetadata("End", .object, position: 1, valueFromPipelineByPropertyName: true, parameterSets: ["Date"]),
             ParameterMetadata("Days", .int32, parameterSets: ["Time"]), ParameterMetadata("Hours", .int32, parameterSets: ["Time"]),
             ParameterMetadata("Minutes", .int32, parameterSets: ["Time"]), ParameterMetadata("Seconds", .int32, parameterSets: ["Time"])],
            synopsis: "Creates a TimeSpan object.")
        newTimeSpan.defaultParameterSet = "Date"
        var fileHash = compiled("Get-FileHash", "", [
            ParameterMetadata("Path", .array(.string), position: 0, valueFromPipelineByPropertyName: true, parameterSets: ["Path"]),
            ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"], valueFromPipelineByPropertyName: true,
                              parameterSets: ["LiteralPath"]),
            ParameterMetadata("InputStream", .object, parameterSets: ["Stream"]),
            ParameterMetadata("Algorithm", .string, validations: [.set(HashAlgorithm.allCases.map(\.rawValue), ignoreCase: true)])],
            synopsis: "Computes the hash value for a file by using a specified hash algorithm.")
        // Get-FileHash is a script function of the module in 5.1.
        fileHash.implementation = .function
        fileHash.defaultParameterSet = "Path"
        return [
            CmdletDefinition(metadata: exportCsv) { ExportCsv() },
            CmdletDefinition(metadata: convertToCsv) { ConvertToCsv() },
            CmdletDefinition(metadata: importCsv) { ImportCsv() },
            CmdletDefinition(metadata: convertFromCsv) { ConvertFromCsv() },
            CmdletDefinition(metadata: selectString) { SelectString() },
            CmdletDefinition(metadata: newTimeSpan) { NewTimeSpan() },
            CmdletDefinition(metadata: compiled("Measure-Command", "MeasureCommandCommand",
                [ParameterMetadata("InputObject", .psObject, valueFromPipeline: true),
                 ParameterMetadata("Expression", .scriptBlock, position: 0, mandatory: true)],
                synopsis: "Measures the time it takes to run script blocks and cmdlets.")) { MeasureCommand() },
            CmdletDefinition(metadata: compiled("Get-Culture", "GetCultureCommand", [],
                synopsis: "Gets the current culture set in the operating system.")) { StaticValue(type: "System.Globalization.CultureInfo", member: "CurrentCulture") },
            CmdletDefinition(metadata: compiled("Get-UICulture", "GetUICultureCommand", [],
                synopsis: "Gets the current user interface (UI) culture settings in the operating system.")) { StaticValue(type: "System.Globalization.CultureInfo", member: "CurrentUICulture") },
            CmdletDefinition(metadata: compiled("Format-Wide", "FormatWideCommand",
                [ParameterMetadata("InputObject", .psObject, valueFromPipeline: true),
                 ParameterMetadata("Property", .object, position: 0), ParameterMetadata("AutoSize", .switchParameter),
                 ParameterMetadata("Column", .int32, validations: [.range(min: 1, max: Double(Int32.max))])]
                    + formatParameters,
                synopsis: "Formats objects as a wide table that displays only one property of each object.")) { FormatWide() },
            CmdletDefinition(metadata: withDefaultSet("ByPath", compiled("Export-Clixml", "ExportClixmlCommand",
                [ParameterMetadata("Depth", .int32, validations: [.range(min: 1, max: Double(Int32.max))]),
                 ParameterMetadata("Path", .string, position: 0, parameterSets: ["ByPath"]),
                 ParameterMetadata("LiteralPath", .string, aliases: ["PSPath"], parameterSets: ["ByLiteralPath"]),
                 ParameterMetadata("InputObject", .psObject, mandatory: true, valueFromPipeline: true),
                 ParameterMetadata("Force", .switchParameter), ParameterMetadata("NoClobber", .switchParameter, aliases: ["NoOverwrite"]),
                 encoding],
                synopsis: "Creates an XML-based representation of an object or objects and stores it in a file.", shouldProcess: true))) { ExportClixml() },
            CmdletDefinition(metadata: withDefaultSet("ByPath", compiled("Import-Clixml", "ImportClixmlCommand",
                [ParameterMetadata("Path", .array(.string), position: 0, valueFromPipelineByPropertyName: true, parameterSets: ["ByPath"]),
                 ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"], valueFromPipelineByPropertyName: true,
                                   parameterSets: ["ByLiteralPath"]),
                 ParameterMetadata("IncludeTotalCount", .switchParameter), ParameterMetadata("Skip", .uint64),
                 ParameterMetadata("First", .uint64)],
                synopsis: "Imports a CLIXML file and creates corresponding objects in Windows PowerShell."))) { ImportClixml() },
            CmdletDefinition(metadata: withDefaultSet("Page", compiled("ConvertTo-Html", "ConvertToHtmlCommand",
                [ParameterMetadata("InputObject", .psObject, valueFromPipeline: true),
                 ParameterMetadata("Property", .array(.object), position: 0),
                 ParameterMetadata("Body", .array(.string), position: 3, parameterSets: ["Page"]),
                 ParameterMetadata("Head", .array(.string), position: 1, parameterSets: ["Page"]),
                 ParameterMetadata("Title", .string, position: 2, parameterSets: ["Page"]),
                 ParameterMetadata("As", .string, validations: [.set(["Table", "List"], ignoreCase: true)]),
                 ParameterMetadata("CssUri", .string, aliases: ["cu", "uri"], parameterSets: ["Page"]),
                 ParameterMetadata("Fragment", .switchParameter, parameterSets: ["Fragment"]),
                 ParameterMetadata("PostContent", .array(.string)), ParameterMetadata("PreContent", .array(.string))],
                synopsis: "Converts Microsoft .NET Framework objects into HTML that can be displayed in a Web browser."))) { ConvertToHtml() },
            CmdletDefinition(metadata: fileHash) { GetFileHash() },
            CmdletDefinition(metadata: withDefaultSet("ByPath", compiled("Export-Alias", "ExportAliasCommand",
                [ParameterMetadata("Path", .string, position: 0, parameterSets: ["ByPath"]),
                 ParameterMetadata("LiteralPath", .string, aliases: ["PSPath"], valueFromPipelineByPropertyName: true,
                                   parameterSets: ["ByLiteralPath"]),
                 ParameterMetadata("Name", .array(.string), position: 1, valueFromPipelineByPropertyName: true),
                 ParameterMetadata("PassThru", .switchParameter),
                 ParameterMetadata("As", .string, validations: [.set(["Csv", "Script"], ignoreCase: true)]),
                 ParameterMetadata("Append", .switchParameter), ParameterMetadata("Force", .switchParameter),
                 ParameterMetadata("NoClobber", .switchParameter, aliases: ["NoOverwrite"]),
                 ParameterMetadata("Description", .string), ParameterMetadata("Scope", .string)],
                synopsis: "Exports information about currently defined aliases to a file.", shouldProcess: true))) { ExportAlias() },
            CmdletDefinition(metadata: withDefaultSet("ByPath", compiled("Import-Alias", "ImportAliasCommand",
                [ParameterMetadata("Path", .array(.string), position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true,
                                   parameterSets: ["ByPath"]),
                 ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"], valueFromPipelineByPropertyName: true,
                                   parameterSets: ["ByLiteralPath"]),
                 ParameterMetadata("Scope", .string), ParameterMetadata("PassThru", .switchParameter),
                 ParameterMetadata("Force", .switchParameter)],
                synopsis: "Imports an alias list from a file.", shouldProcess: true))) { ImportAlias() },
            CmdletDefinition(metadata: compiled("Get-Host", "GetHostCommand", [],
                synopsis: "Gets an object that represents the current host program.")) { GetHost() },
        ]
    }
}

/// Get-Culture and Get-UICulture: a static property of the type library.
final class StaticValue: Cmdlet {
    let type: String
    let member: String

    init(type: String, member: String) {
        self.type = type
        self.member = member
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.writeObject(try context.engine.staticMember(PSTypeInfo(fullName: type), member) ?? .null)
    }
}

/// Get-Host: the `$Host` object.
final class GetHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        try context.writeObject(context.engine.sessionState.lookup("Host")?.value ?? .null)
    }
}
