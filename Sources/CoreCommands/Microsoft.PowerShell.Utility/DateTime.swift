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
        if let format = context.string("Format") {
            try context.writeObject(try engine.invokeMethod(date, "ToString", [.string(format)], isStatic: false, extent: extent))
        } else if let uformat = context.string("UFormat") {
            var pattern = ""
            var chars = Array(uformat)[...]
            while let c = chars.popFirst() {
                guard c == "%", let code = chars.popFirst() else { pattern += c == "'" ? "\\'" : String(c); continue }
                pattern += Self.uformat[code] ?? String(code)
            }
            try context.writeObject(try engine.invokeMethod(date, "ToString", [.string(pattern)], isStatic: false, extent: extent))
        } else {
            try context.writeObject(date)
        }
    }

    /// Get-Date -UFormat's codes as .NET custom format patterns.
    private static let uformat: [Character: String] = [
        "Y": "yyyy", "y": "yy", "m": "MM", "d": "dd", "e": "%d", "H": "HH", "I": "hh", "M": "mm", "S": "ss",
        "A": "dddd", "a": "ddd", "B": "MMMM", "b": "MMM", "h": "MMM", "p": "tt", "D": "MM/dd/yy", "T": "HH:mm:ss",
        "R": "HH:mm", "r": "hh:mm:ss tt", "x": "MM/dd/yy", "X": "HH:mm:ss", "c": "ddd MMM dd HH:mm:ss yyyy",
        "n": "\n", "t": "\t", "%": "%", "Z": "zz", "k": "%H", "l": "%h",
    ]
}
