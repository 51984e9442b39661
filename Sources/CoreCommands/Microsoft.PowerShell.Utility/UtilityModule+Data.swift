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
            [ParameterMetadata("Delimiter", .char, position: 1),
             ParameterMetadata("Path", .array(.string), position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true),
             ParameterMetadata("LiteralPath", .array(.string), aliases: ["PSPath"], valueFromPipelineByPropertyName: true),
             ParameterMetadata("UseCulture", .switchParameter), header, encoding],
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
