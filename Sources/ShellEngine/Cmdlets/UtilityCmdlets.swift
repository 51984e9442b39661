import CmdletParser
#if canImport(Glibc)
import Glibc
#endif

/// Smaller utility cmdlets admin scripts call: Get-Date, Get-Random, Write-Progress,
/// Write-Information, Get-Location, Invoke-Expression, Join-Path, Split-Path.
enum UtilityCmdlets {
    static func definitions() -> [CmdletDefinition] {
        [
            CmdletDefinition(metadata: CoreCmdlets.compiled("Get-Date", "GetDateCommand",
                [ParameterMetadata("Date", .object, aliases: ["LastWriteTime"], position: 0, valueFromPipeline: true),
                 ParameterMetadata("Format", .string), ParameterMetadata("UFormat", .string)],
                synopsis: "Gets the current date and time.")) { GetDate() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Get-Random", "GetRandomCommand",
                [ParameterMetadata("Maximum", .object, position: 0), ParameterMetadata("Minimum", .object),
                 ParameterMetadata("InputObject", .array(.object), valueFromPipeline: true), ParameterMetadata("Count", .int32)],
                synopsis: "Gets a random number, or selects objects randomly from a collection.")) { GetRandom() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Write-Progress", "WriteProgressCommand",
                [ParameterMetadata("Activity", .string, position: 0), ParameterMetadata("Status", .string, position: 1),
                 ParameterMetadata("Id", .int32, position: 2), ParameterMetadata("PercentComplete", .int32),
                 ParameterMetadata("SecondsRemaining", .int32), ParameterMetadata("CurrentOperation", .string),
                 ParameterMetadata("ParentId", .int32), ParameterMetadata("Completed", .switchParameter)],
                synopsis: "Displays a progress bar within a PowerShell command window.")) { WriteProgress() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Write-Information", "WriteInformationCommand",
                [ParameterMetadata("MessageData", .object, aliases: ["Msg", "Message"], position: 0),
                 ParameterMetadata("Tags", .array(.string), position: 1)],
                synopsis: "Specifies how PowerShell handles information stream data for a command.")) { WriteInformation() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Get-Location", "GetLocationCommand", module: "Microsoft.PowerShell.Management",
                [], synopsis: "Gets information about the current working location.")) { GetLocation() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Invoke-Expression", "InvokeExpressionCommand",
                [ParameterMetadata("Command", .string, position: 0, mandatory: true, valueFromPipeline: true)],
                synopsis: "Runs commands or expressions on the local computer.")) { InvokeExpression() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Join-Path", "JoinPathCommand", module: "Microsoft.PowerShell.Management",
                [ParameterMetadata("Path", .array(.string), aliases: ["PSPath"], position: 0, mandatory: true),
                 ParameterMetadata("ChildPath", .string, position: 1, mandatory: true)],
                synopsis: "Combines a path and a child path into a single path.")) { JoinPath() },
            CmdletDefinition(metadata: CoreCmdlets.compiled("Split-Path", "SplitPathCommand", module: "Microsoft.PowerShell.Management",
                [ParameterMetadata("Path", .array(.string), aliases: ["PSPath"], position: 0, mandatory: true),
                 ParameterMetadata("Leaf", .switchParameter), ParameterMetadata("Parent", .switchParameter)],
                synopsis: "Returns the specified part of a path.")) { SplitPath() },
        ]
    }
}

/// System.DateTime, with en-US formatting.
final class DateTimeObject: PSObject {
    let seconds: Int
    let parts: tm

    init(seconds: Int) {
        self.seconds = seconds
        var t = time_t(seconds)
        var value = tm()
        localtime_r(&t, &value)
        parts = value
        super.init(typeNames: ["System.DateTime", "System.ValueType", "System.Object"])
    }

    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    var year: Int { Int(parts.tm_year) + 1900 }
    var month: Int { Int(parts.tm_mon) + 1 }
    var day: Int { Int(parts.tm_mday) }
    var hour: Int { Int(parts.tm_hour) }
    var minute: Int { Int(parts.tm_min) }
    var second: Int { Int(parts.tm_sec) }

    override var properties: [PSPropertyInfo] {
        [("Date", PSValue.string(format("M/d/yyyy") + " 12:00:00 AM")), ("Day", .int32(Int32(day))),
         ("DayOfWeek", .string(Self.days[Int(parts.tm_wday)])), ("DayOfYear", .int32(Int32(parts.tm_yday) + 1)),
         ("Hour", .int32(Int32(hour))), ("Kind", .string("Local")), ("Millisecond", .int32(0)),
         ("Minute", .int32(Int32(minute))), ("Month", .int32(Int32(month))), ("Second", .int32(Int32(second))),
         ("Year", .int32(Int32(year)))].map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) }
    }

    /// .NET custom date formats: yyyy, yy, MMMM, MMM, MM, M, dddd, ddd, dd, d, HH, H, hh, h, mm, m, ss, s, tt.
    func format(_ pattern: String) -> String {
        let chars = Array(pattern)
        var out = ""
        var i = 0
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count && chars[i + run] == c { run += 1 }
            switch c {
            case "y": out += run >= 4 ? String(year) : two(year % 100)
            case "M": out += run >= 4 ? Self.months[month - 1] : run == 3 ? String(Self.months[month - 1].prefix(3)) : run == 2 ? two(month) : String(month)
            case "d": out += run >= 4 ? Self.days[Int(parts.tm_wday)] : run == 3 ? String(Self.days[Int(parts.tm_wday)].prefix(3)) : run == 2 ? two(day) : String(day)
            case "H": out += run >= 2 ? two(hour) : String(hour)
            case "h": let h12 = hour % 12 == 0 ? 12 : hour % 12; out += run >= 2 ? two(h12) : String(h12)
            case "m": out += run >= 2 ? two(minute) : String(minute)
            case "s": out += run >= 2 ? two(second) : String(second)
            case "t": out += run >= 2 ? (hour < 12 ? "AM" : "PM") : (hour < 12 ? "A" : "P")
            case "f", "F": out += String(repeating: "0", count: run)
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 2
                continue
            default: out += String(repeating: String(c), count: run)
            }
            i += run
        }
        return out
    }

    /// Standard formats d, D, t, T, g, G, f, F, s, u, o or a custom pattern.
    func standardFormat(_ f: String) -> String {
        switch f {
        case "d": return format("M/d/yyyy")
        case "D": return format("dddd, MMMM d, yyyy")
        case "t": return format("h:mm tt")
        case "T": return format("h:mm:ss tt")
        case "g": return format("M/d/yyyy h:mm tt")
        case "G": return format("M/d/yyyy h:mm:ss tt")
        case "f": return format("dddd, MMMM d, yyyy h:mm tt")
        case "F": return format("dddd, MMMM d, yyyy h:mm:ss tt")
        case "s": return format("yyyy-MM-ddTHH:mm:ss")
        case "u": return format("yyyy-MM-dd HH:mm:ssZ")
        case "o", "O": return format("yyyy-MM-ddTHH:mm:ss.0000000")
        default: return format(f)
        }
    }

    override func toString() -> String { standardFormat("G") }

    override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        let n = arguments.first.flatMap { LanguagePrimitives.toDouble($0) } ?? 0
        switch name.lowercased() {
        case "tostring":
            return .string(arguments.isEmpty ? toString() : standardFormat(LanguagePrimitives.toString(arguments[0])))
        case "adddays": return .object(DateTimeObject(seconds: seconds + Int(n * 86400)))
        case "addhours": return .object(DateTimeObject(seconds: seconds + Int(n * 3600)))
        case "addminutes": return .object(DateTimeObject(seconds: seconds + Int(n * 60)))
        case "addseconds": return .object(DateTimeObject(seconds: seconds + Int(n)))
        case "toshortdatestring": return .string(standardFormat("d"))
        case "tolongdatestring": return .string(standardFormat("D"))
        case "toshorttimestring": return .string(standardFormat("t"))
        case "tolongtimestring": return .string(standardFormat("T"))
        default: return nil
        }
    }
}

final class GetDate: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var date = DateTimeObject(seconds: time(nil))
        if case .object(let given as DateTimeObject)? = context.value("Date") { date = given }
        if let format = context.string("Format") {
            try context.writeObject(.string(date.standardFormat(format)))
        } else if let uformat = context.string("UFormat") {
            let mapped = uformat.replacing("%Y", with: "yyyy").replacing("%m", with: "MM").replacing("%d", with: "dd")
                .replacing("%H", with: "HH").replacing("%M", with: "mm").replacing("%S", with: "ss")
            try context.writeObject(.string(date.format(mapped)))
        } else {
            try context.writeObject(.object(date))
        }
    }
}

final class GetRandom: Cmdlet {
    private var items: [PSValue] = []
    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { items.append(input); return }
        if let list = context.value("InputObject")?.enumerated { items = list; return }
        let low = context.value("Minimum").flatMap { LanguagePrimitives.toInt64($0) } ?? 0
        let high = context.value("Maximum").flatMap { LanguagePrimitives.toInt64($0) } ?? Int64(Int32.max)
        guard high > low else {
            throw RuntimeError(record: context.errorRecord(
                message: "Cannot process argument because the value of the \"Minimum\" parameter is greater than or equal to the value of the \"Maximum\" parameter.",
                errorId: "MinGreaterThanOrEqualMax", category: .InvalidArgument,
                exceptionType: "System.ArgumentException"))
        }
        try context.writeObject(.int32(Int32(truncatingIfNeeded: Int64.random(in: low..<high))))
    }
    func end(_ context: CommandContext) throws {
        guard !items.isEmpty else { return }
        let count = context.value("Count").flatMap { LanguagePrimitives.toInt64($0) }.map { Int($0) } ?? 1
        for item in items.shuffled().prefix(max(0, count)) { try context.writeObject(item) }
    }
}

final class WriteProgress: Cmdlet {
    /// Progress bars are drawn only by an interactive console; piped output has none, as in 5.1.
    func process(_ context: CommandContext, input: PSValue?) throws {}
}

final class WriteInformation: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard ActionPreference(value: context.engine.variableValue("InformationPreference")) == .Continue,
              let message = context.value("MessageData") else { return }
        context.engine.host.write(LanguagePrimitives.toString(message) + "\n", stream: .host)
    }
}

final class GetLocation: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let o = PSCustomObject(typeNames: ["System.Management.Automation.PathInfo", "System.Object"])
        o.add("Path", .string("C:\\"))
        try context.writeObject(.object(o))
    }
}

final class InvokeExpression: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let result = Parser.parseInput(context.string("Command") ?? "")
        if !result.errors.isEmpty { throw RuntimeError(record: ErrorView.parseErrorRecord(result, fromFile: false)) }
        let saved = engine.currentSource
        engine.currentSource = result.source
        defer { engine.currentSource = saved }
        if let end = result.ast.endBlock {
            try engine.executeStatements(end.statements, traps: end.traps, output: context.output)
        }
    }
}

final class JoinPath: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let child = context.string("ChildPath") ?? ""
        for path in (context.value("Path")?.enumerated ?? []).map({ LanguagePrimitives.toString($0) }) {
            let separator = path.hasSuffix("\\") || path.hasSuffix("/") || child.hasPrefix("\\") ? "" : "\\"
            try context.writeObject(.string(path + separator + child))
        }
    }
}

final class SplitPath: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for path in (context.value("Path")?.enumerated ?? []).map({ LanguagePrimitives.toString($0) }) {
            let cut = path.lastIndex { $0 == "\\" || $0 == "/" }
            if context.switchValue("Leaf") {
                try context.writeObject(.string(cut.map { String(path[path.index(after: $0)...]) } ?? path))
            } else {
                try context.writeObject(.string(cut.map { String(path[..<$0]) } ?? ""))
            }
        }
    }
}
