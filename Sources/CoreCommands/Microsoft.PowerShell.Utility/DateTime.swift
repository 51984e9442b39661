import ShellEngine

/// Get-Date: System.DateTime values of the type library; -Format and -UFormat format them.
final class GetDate: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let extent = context.invocation.extent ?? .empty
        let dateType = PSTypeInfo(fullName: "System.DateTime")
        var date = try engine.staticMember(dateType, "Now") ?? .null
        if let given = context.value("Date"), !given.isNull {
            do {
                date = try engine.types.convert(given, toTypeNamed: dateType.fullName, engine: engine) ?? date
            } catch {
                throw RuntimeError(record: context.errorRecord(
                    message: "Cannot bind parameter 'Date'. " + error.message, errorId: "CannotConvertArgumentNoMessage",
                    category: .InvalidArgument, exceptionType: "System.Management.Automation.ParameterBindingException",
                    target: given))
            }
        }
        // -Year … -Millisecond move the date by the difference to the value given, field by field.
        for field in Self.fields {
            guard let given = context.value(field.name).flatMap(LanguagePrimitives.toInt64) else { continue }
            let current = LanguagePrimitives.toInt64(try engine.getMember(date, field.name, isStatic: false, extent: extent)) ?? 0
            date = try engine.invokeMethod(date, field.add, [field.add == "AddYears" || field.add == "AddMonths"
                                                             ? .int32(Int32(clamping: given - current)) : .double(Double(given - current))],
                                           isStatic: false, extent: extent)
        }
        if let format = context.string("Format") {
            try context.writeObject(try engine.invokeMethod(date, "ToString", [.string(format)], isStatic: false, extent: extent))
        } else if let uformat = context.string("UFormat") {
            var pattern = ""
            var chars = Array(uformat)[...]
            while let c = chars.popFirst() {
                // Text outside the codes is literal (5.1 copies it into a composite format).
                guard c == "%", let code = chars.popFirst() else { pattern += c == "'" ? "\"'\"" : "\\" + String(c); continue }
                if let computed = try Self.computed(code, date, engine) {
                    pattern += "'" + computed + "'"
                } else {
                    pattern += Self.uformat[code] ?? (code == "'" ? "\"'\"" : "\\" + String(code))
                }
            }
            try context.writeObject(try engine.invokeMethod(date, "ToString", [.string(pattern)], isStatic: false, extent: extent))
        } else {
            try context.writeObject(date)
        }
    }

    /// The date fields Get-Date sets, their ranges and the DateTime method that moves each.
    static let fields: [(name: String, min: Double, max: Double, add: String)] = [
        ("Year", 1, 9999, "AddYears"), ("Month", 1, 12, "AddMonths"), ("Day", 1, 31, "AddDays"),
        ("Hour", 0, 23, "AddHours"), ("Minute", 0, 59, "AddMinutes"), ("Second", 0, 59, "AddSeconds"),
        ("Millisecond", 0, 999, "AddMilliseconds"),
    ]

    /// The -UFormat codes 5.1 computes from the date's numbers rather than a format pattern: the
    /// century, the space-padded day, the day of the year, the day of the week (Sunday is 0 for
    /// %u too), the week numbers as DayOfYear / 7, and %s as the local time's seconds since 1970
    /// with their fraction.
    private static func computed(_ code: Character, _ date: PSValue, _ engine: Engine) throws -> String? {
        let number = { (name: String) throws -> Int64 in
            LanguagePrimitives.toInt64(try engine.getMember(date, name, isStatic: false, extent: .empty)) ?? 0
        }
        switch code {
        case "C": return String(try number("Year") / 100)
        case "e":
            let day = String(try number("Day"))
            return day.count < 2 ? " " + day : day
        case "j":
            let day = String(try number("DayOfYear"))
            return String(repeating: "0", count: max(0, 3 - day.count)) + day
        case "u", "w": return String((try number("Ticks") / 864_000_000_000 + 1) % 7)
        case "U", "W": return String(try number("DayOfYear") / 7)
        case "V": return String(try number("DayOfYear") / 7 + 1)
        case "s": return LanguagePrimitives.toString(.double(Double(try number("Ticks") - 621_355_968_000_000_000) / 10_000_000))
        default: return nil
        }
    }

    /// Get-Date -UFormat's codes as .NET custom format patterns.
    private static let uformat: [Character: String] = [
        "Y": "yyyy", "y": "yy", "m": "MM", "d": "dd", "e": "%d", "H": "HH", "I": "hh", "M": "mm", "S": "ss",
        "A": "dddd", "a": "ddd", "B": "MMMM", "b": "MMM", "h": "MMM", "p": "tt", "D": "MM/dd/yy", "T": "HH:mm:ss",
        "R": "HH:mm", "r": "hh:mm:ss tt", "x": "MM/dd/yy", "X": "HH:mm:ss", "c": "ddd MMM dd HH:mm:ss yyyy",
        "n": "\n", "t": "\t", "%": "%", "Z": "zz", "k": "HH", "l": "hh", "G": "yyyy", "g": "yy",
    ]
}
