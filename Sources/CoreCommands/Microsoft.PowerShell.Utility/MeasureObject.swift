import ShellEngine

/// Measure-Object as in 5.1: a GenericMeasureInfo (Count, Average, Sum, Maximum, Minimum,
/// Property) of numbers, or with -Line/-Word/-Character a TextMeasureInfo of the text, one per
/// property named.
final class MeasureObject: Cmdlet {
    static let notNumeric = "Input object \"{0}\" is not numeric."
    static let propertyNotFound = "The property \"{0}\" cannot be found in the input for any objects."

    private struct Statistics {
        var count = 0
        var sum = 0.0
        var maximum: Double?
        var minimum: Double?
        var lines = 0, words = 0, characters = 0
    }

    private var statistics: [(name: String, stat: Statistics)] = []
    private var records = 0
    private var nonNumeric = false

    private func isText(_ context: CommandContext) -> Bool {
        ["Line", "Word", "Character", "IgnoreWhiteSpace"].contains(where: context.has)
    }

    private func index(_ name: String) -> Int {
        if let i = statistics.firstIndex(where: { $0.name.caseInsensitiveEquals(name) }) { return i }
        statistics.append((name, Statistics()))
        return statistics.count - 1
    }

    func begin(_ context: CommandContext) throws {
        // Plain names are reported even when no object has them; wildcards name what they match.
        for name in context.stringList("Property") ?? [] where !WildcardPattern.hasWildcards(name) { _ = index(name) }
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let value = input ?? context.value("InputObject") else { return }
        records += 1
        guard let names = context.stringList("Property") else {
            return try analyze(value, at: index(""), context)
        }
        let properties = FormatSelection.properties(of: value)
        for name in names {
            let matching = WildcardPattern.hasWildcards(name)
                ? properties.filter { WildcardPattern(name).matches($0.name) }
                : properties.filter { $0.name.caseInsensitiveEquals(name) }
            for property in matching { try analyze(property.value, at: index(property.name), context) }
        }
    }

    private func analyze(_ value: PSValue, at i: Int, _ context: CommandContext) throws {
        statistics[i].stat.count += 1
        if isText(context) {
            let text = LanguagePrimitives.toString(value)
            let ignore = context.switchValue("IgnoreWhiteSpace")
            statistics[i].stat.characters += ignore ? text.unicodeScalars.filter { !$0.properties.isWhitespace }.count : text.utf16.count
            var words = 0, blank = true
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace { blank = true } else if blank { words += 1; blank = false }
            }
            statistics[i].stat.words += words
            if !text.isEmpty {
                statistics[i].stat.lines += text.unicodeScalars.filter { $0 == "\n" }.count + (text.hasSuffix("\n") ? 0 : 1)
            }
            return
        }
        guard ["Sum", "Average", "Maximum", "Minimum"].contains(where: context.switchValue) else { return }
        guard !value.isNull else { return }
        guard let number = LanguagePrimitives.toDouble(value) else {
            nonNumeric = true
            return try context.writeError(context.errorRecord(message: Messages.fill(Self.notNumeric, [LanguagePrimitives.toString(value)]),
                errorId: "NonNumericInputObject", category: .InvalidType,
                exceptionType: "System.Management.Automation.PSInvalidOperationException", target: value))
        }
        statistics[i].stat.sum += number
        statistics[i].stat.maximum = max(statistics[i].stat.maximum ?? number, number)
        statistics[i].stat.minimum = min(statistics[i].stat.minimum ?? number, number)
    }

    func end(_ context: CommandContext) throws {
        let named = context.has("Property")
        if records == 0 && !named { _ = index("") }
        for (name, stat) in statistics {
            if named && stat.count == 0 {
                try context.writeError(context.errorRecord(message: Messages.fill(Self.propertyNotFound, [name]),
                    errorId: isText(context) ? "TextMeasurePropertyNotFound" : "GenericMeasurePropertyNotFound",
                    category: .ObjectNotFound, exceptionType: "System.ArgumentException", target: .null))
                continue
            }
            let property: PSValue = named ? .string(name) : .null
            if isText(context) {
                let o = PSCustomObject(typeNames: ["Microsoft.PowerShell.Commands.TextMeasureInfo",
                                                   "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"])
                o.add("Lines", context.switchValue("Line") ? .int32(Int32(clamping: stat.lines)) : .null, typeName: "System.Nullable`1[[System.Int32]]")
                o.add("Words", context.switchValue("Word") ? .int32(Int32(clamping: stat.words)) : .null, typeName: "System.Nullable`1[[System.Int32]]")
                o.add("Characters", context.switchValue("Character") ? .int32(Int32(clamping: stat.characters)) : .null,
                      typeName: "System.Nullable`1[[System.Int32]]")
                o.add("Property", property, typeName: "System.String")
                try context.writeObject(.object(o))
                continue
            }
            let numbers = !nonNumeric
            let o = PSCustomObject(typeNames: ["Microsoft.PowerShell.Commands.GenericMeasureInfo",
                                               "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"])
            let nullableDouble = "System.Nullable`1[[System.Double]]"
            o.add("Count", .int32(Int32(clamping: stat.count)), typeName: "System.Int32")
            o.add("Average", numbers && context.switchValue("Average") && stat.count > 0 ? .double(stat.sum / Double(stat.count)) : .null,
                  typeName: nullableDouble)
            o.add("Sum", numbers && context.switchValue("Sum") ? .double(stat.sum) : .null, typeName: nullableDouble)
            o.add("Maximum", context.switchValue("Maximum") ? stat.maximum.map { .double($0) } ?? .null : .null, typeName: nullableDouble)
            o.add("Minimum", context.switchValue("Minimum") ? stat.minimum.map { .double($0) } ?? .null : .null, typeName: nullableDouble)
            o.add("Property", property, typeName: "System.String")
            try context.writeObject(.object(o))
        }
    }
}
