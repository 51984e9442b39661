import FoundationEssentials

/// System.DateTime and System.TimeSpan.
enum DateTypes {
    static func all() -> [DotNetType] { [dateTime, timeSpan] }

    static func date(_ c: DotNetCall) -> DateValue { c.payload(DateValue.self) ?? DateValue(ticks: 0, kind: 0) }
    static func span(_ c: DotNetCall) -> Int64 { c.payload(Int64.self) ?? 0 }
    static func make(_ c: DotNetCall, _ d: DateValue) -> PSValue { c.make("System.DateTime", d) }
    static func makeSpan(_ c: DotNetCall, _ ticks: Int64) -> PSValue { c.make("System.TimeSpan", ticks) }
    static func spanArgument(_ c: DotNetCall, _ i: Int) -> Int64 { c.payload(i, Int64.self) ?? 0 }
    static func dateArgument(_ c: DotNetCall, _ i: Int) -> DateValue { c.payload(i, DateValue.self) ?? DateValue(ticks: 0, kind: 0) }

    static let tooLong = "TimeSpan overflowed because the duration is too long."

    /// Double units → ticks with TimeSpan.Interval's rounding and range check.
    static func ticks(_ value: Double, perUnit: Double) throws -> Int64 {
        guard !value.isNaN else { throw DotNetException.argument("TimeSpan does not accept floating point Not-a-Number values.") }
        let millis = value * perUnit / 10_000 + (value >= 0 ? 0.5 : -0.5)
        guard millis <= 922_337_203_685_477, millis >= -922_337_203_685_477 else { throw DotNetException.overflow(tooLong) }
        return Int64(millis) * 10_000
    }

    static let dateTime = DotNetType("System.DateTime", aliases: ["datetime"], kind: .valueType,
                                     interfaces: ["System.IComparable", "System.IFormattable", "System.IConvertible"]) { t in
        t.constructor { c in make(c, DateValue(ticks: 0, kind: 0)) }
        t.constructor("long ticks") { c in
            guard c.int64(0) >= 0, c.int64(0) <= DateValue.maxTicks else {
                throw DotNetException.outOfRange("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.")
            }
            return make(c, DateValue(ticks: c.int64(0), kind: 0))
        }
        let parts: DotNetMethod.Body = { c in
            let n = (0..<6).map { $0 < c.args.count ? c.int($0) : 0 }
            guard let d = DateValue(year: n[0], month: n[1], day: n[2], hour: n[3], minute: n[4], second: n[5]) else {
                if !(1...9999).contains(n[0]) || !(1...12).contains(n[1]) || n[2] < 1 || n[2] > DateValue.daysInMonth(n[0], n[1]) {
                    throw DotNetException.outOfRange("", "Year, Month, and Day parameters describe an un-representable DateTime.")
                }
                throw DotNetException.outOfRange("", "Hour, Minute, and Second parameters describe an un-representable DateTime.")
            }
            return make(c, d)
        }
        t.constructor("int year, int month, int day", parts)
        t.constructor("int year, int month, int day, int hour, int minute, int second", parts)
        t.constructor("int year, int month, int day, int hour, int minute, int second, System.DateTimeKind kind") { c in
            var value = try parts(c)
            if case .object(let o as DotNetObject) = value, var d = o.payload as? DateValue {
                d.kind = c.enumValue(6)
                value = make(c, d)
            }
            return value
        }
        t.staticProperty("Now", "datetime") { c in make(c, DateValue.now()) }
        t.staticProperty("UtcNow", "datetime") { c in make(c, DateValue.utcNow()) }
        t.staticProperty("Today", "datetime") { c in make(c, DateValue.now().date) }
        t.staticProperty("MinValue", "datetime") { c in make(c, DateValue(ticks: 0, kind: 0)) }
        t.staticProperty("MaxValue", "datetime") { c in make(c, DateValue(ticks: DateValue.maxTicks, kind: 0)) }
        t.staticMethod("Parse", "datetime", "string s") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            return make(c, try DateParsing.parse(s))
        }
        t.staticMethod("Parse", "datetime", "string s, System.IFormatProvider provider") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            return make(c, try DateParsing.parse(s))
        }
        let exact: DotNetMethod.Body = { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("s") }
            guard let f = c.string(1) else { throw DotNetException.argumentNull("format") }
            return make(c, try DateParsing.parseExact(s, f))
        }
        t.staticMethod("ParseExact", "datetime", "string s, string format, System.IFormatProvider provider", exact)
        t.staticMethod("ParseExact", "datetime", "string s, string format, System.IFormatProvider provider, System.Globalization.DateTimeStyles style", exact)
        t.staticMethod("TryParse", "bool", "string s, System.Management.Automation.PSReference result") { c in
            guard let s = c.string(0), let d = try? DateParsing.parse(s) else {
                try c.setReference(1, make(c, DateValue(ticks: 0, kind: 0)))
                return .bool(false)
            }
            try c.setReference(1, make(c, d))
            return .bool(true)
        }
        t.staticMethod("TryParseExact", "bool", "string s, string format, System.IFormatProvider provider, System.Globalization.DateTimeStyles style, System.Management.Automation.PSReference result") { c in
            guard let s = c.string(0), let d = try? DateParsing.parseExact(s, c.text(1)) else {
                try c.setReference(4, make(c, DateValue(ticks: 0, kind: 0)))
                return .bool(false)
            }
            try c.setReference(4, make(c, d))
            return .bool(true)
        }
        t.staticMethod("DaysInMonth", "int", "int year, int month") { c in
            guard (1...12).contains(c.int64(1)) else { throw DotNetException.outOfRange("month", "Month must be between one and twelve.") }
            guard (1...9999).contains(c.int64(0)) else { throw DotNetException.outOfRange("year", "Year must be between 1 and 9999.") }
            return .int32(Int32(DateValue.daysInMonth(c.int(0), c.int(1))))
        }
        t.staticMethod("IsLeapYear", "bool", "int year") { c in
            guard (1...9999).contains(c.int64(0)) else { throw DotNetException.outOfRange("year", "Year must be between 1 and 9999.") }
            return .bool(DateValue.isLeap(c.int(0)))
        }
        t.staticMethod("FromFileTime", "datetime", "long fileTime") { c in
            guard c.int64(0) >= 0, c.int64(0) <= DateValue.maxTicks - DateValue.fileTimeEpochTicks else {
                throw DotNetException.outOfRange("fileTime", "Not a valid Win32 FileTime.")
            }
            return make(c, DateValue(ticks: c.int64(0) + DateValue.fileTimeEpochTicks, kind: 1).toLocal())
        }
        t.staticMethod("FromFileTimeUtc", "datetime", "long fileTime") { c in
            guard c.int64(0) >= 0, c.int64(0) <= DateValue.maxTicks - DateValue.fileTimeEpochTicks else {
                throw DotNetException.outOfRange("fileTime", "Not a valid Win32 FileTime.")
            }
            return make(c, DateValue(ticks: c.int64(0) + DateValue.fileTimeEpochTicks, kind: 1))
        }
        t.staticMethod("SpecifyKind", "datetime", "datetime value, System.DateTimeKind kind") { c in
            var d = dateArgument(c, 0)
            d.kind = c.enumValue(1)
            return make(c, d)
        }
        t.staticMethod("Compare", "int", "datetime t1, datetime t2") { c in
            let a = dateArgument(c, 0).ticks, b = dateArgument(c, 1).ticks
            return .int32(a < b ? -1 : a > b ? 1 : 0)
        }
        t.staticMethod("op_Subtraction", "datetime", "datetime d, timespan t") { c in
            make(c, try dateArgument(c, 0).adding(0 &- spanArgument(c, 1), parameter: "t"))
        }
        t.staticMethod("op_Subtraction", "timespan", "datetime d1, datetime d2") { c in
            makeSpan(c, dateArgument(c, 0).ticks - dateArgument(c, 1).ticks)
        }
        t.staticMethod("op_Addition", "datetime", "datetime d, timespan t") { c in
            make(c, try dateArgument(c, 0).adding(spanArgument(c, 1), parameter: "t"))
        }
        t.staticMethod("op_Equality", "bool", "datetime d1, datetime d2") { c in
            .bool(dateArgument(c, 0).ticks == dateArgument(c, 1).ticks)
        }
        t.converts { value, _, engine in
            guard case .string(let s) = value else { return nil }
            guard let type = engine.types.type(named: "System.DateTime") else { return nil }
            return .object(DotNetObject(type, payload: try DateParsing.parse(s), engine: engine))
        }
        t.convertsToString { c in DateFormatting.invariant(date(c)) }
        t.displays { c in (try? DateFormatting.format(date(c), "D")).map { $0 + " " + ((try? DateFormatting.format(date(c), "T")) ?? "") } ?? "" }

        // Instance members, in the order Get-Member and Format-List show them.
        t.property("Date", "datetime") { c in make(c, date(c).date) }
        t.property("Day", "int") { c in .int32(Int32(date(c).day)) }
        t.property("DayOfWeek", "System.DayOfWeek") { c in c.enumeration("System.DayOfWeek", Int64(date(c).dayOfWeek)) }
        t.property("DayOfYear", "int") { c in .int32(Int32(date(c).dayOfYear)) }
        t.property("Hour", "int") { c in .int32(Int32(date(c).hour)) }
        t.property("Kind", "System.DateTimeKind") { c in c.enumeration("System.DateTimeKind", date(c).kind) }
        t.property("Millisecond", "int") { c in .int32(Int32(date(c).millisecond)) }
        t.property("Minute", "int") { c in .int32(Int32(date(c).minute)) }
        t.property("Month", "int") { c in .int32(Int32(date(c).month)) }
        t.property("Second", "int") { c in .int32(Int32(date(c).second)) }
        t.property("Ticks", "long") { c in .int64(date(c).ticks) }
        t.property("TimeOfDay", "timespan") { c in makeSpan(c, date(c).ticks % DateValue.ticksPerDay) }
        t.property("Year", "int") { c in .int32(Int32(date(c).year)) }
        t.property("DateTime", "System.Object") { c in
            .string(((try? DateFormatting.format(date(c), "D")) ?? "") + " " + ((try? DateFormatting.format(date(c), "T")) ?? ""))
        }
        let units: [(String, Double)] = [("AddDays", 864_000_000_000), ("AddHours", 36_000_000_000),
                                         ("AddMinutes", 600_000_000), ("AddSeconds", 10_000_000), ("AddMilliseconds", 10_000)]
        for (name, perUnit) in units {
            t.method(name, "datetime", "double value") { c in
                let v = c.double(0)
                let millis = v * perUnit / 10_000 + (v >= 0 ? 0.5 : -0.5)
                guard millis.isFinite, abs(millis) < 315_537_897_600_000 else {
                    throw DotNetException.outOfRange("value", "Value to add was out of range.")
                }
                return make(c, try date(c).adding(Int64(millis) * 10_000))
            }
        }
        t.method("AddTicks", "datetime", "long value") { c in make(c, try date(c).adding(c.int64(0))) }
        t.method("AddMonths", "datetime", "int months") { c in make(c, try date(c).addingMonths(c.int64(0))) }
        t.method("AddYears", "datetime", "int value") { c in
            guard c.int64(0) >= -10_000 && c.int64(0) <= 10_000 else {
                throw DotNetException.outOfRange("years", "The added or subtracted value results in an un-representable DateTime.")
            }
            return make(c, try date(c).addingMonths(c.int64(0) * 12))
        }
        t.method("Add", "datetime", "timespan value") { c in make(c, try date(c).adding(spanArgument(c, 0))) }
        t.method("Subtract", "timespan", "datetime value") { c in makeSpan(c, date(c).ticks - dateArgument(c, 0).ticks) }
        t.method("Subtract", "datetime", "timespan value") { c in make(c, try date(c).adding(0 &- spanArgument(c, 0))) }
        t.method("CompareTo", "int", "System.Object value") { c in
            if c.value(0).isNull { return .int32(1) }
            guard let other = c.payload(0, DateValue.self) else { throw DotNetException.argument("Object must be of type DateTime.") }
            return .int32(date(c).ticks < other.ticks ? -1 : date(c).ticks > other.ticks ? 1 : 0)
        }
        t.method("Equals", "bool", "System.Object value") { c in .bool(c.payload(0, DateValue.self)?.ticks == date(c).ticks) }
        t.method("ToUniversalTime", "datetime") { c in make(c, date(c).toUniversal()) }
        t.method("ToLocalTime", "datetime") { c in make(c, date(c).toLocal()) }
        t.method("ToFileTime", "long") { c in
            let utc = date(c).toUniversal().ticks - DateValue.fileTimeEpochTicks
            guard utc >= 0 else { throw DotNetException.outOfRange("", "Not a valid Win32 FileTime.") }
            return .int64(utc)
        }
        t.method("ToFileTimeUtc", "long") { c in
            let utc = (date(c).kind == 2 ? date(c).toUniversal() : date(c)).ticks - DateValue.fileTimeEpochTicks
            guard utc >= 0 else { throw DotNetException.outOfRange("", "Not a valid Win32 FileTime.") }
            return .int64(utc)
        }
        t.method("ToString", "string") { c in .string(try DateFormatting.format(date(c), "G")) }
        t.method("ToString", "string", "string format") { c in .string(try DateFormatting.format(date(c), c.text(0))) }
        t.method("ToString", "string", "System.IFormatProvider provider") { c in .string(try DateFormatting.format(date(c), "G")) }
        t.method("ToString", "string", "string format, System.IFormatProvider provider") { c in
            .string(try DateFormatting.format(date(c), c.text(0)))
        }
        t.method("ToShortDateString", "string") { c in .string(try DateFormatting.format(date(c), "d")) }
        t.method("ToLongDateString", "string") { c in .string(try DateFormatting.format(date(c), "D")) }
        t.method("ToShortTimeString", "string") { c in .string(try DateFormatting.format(date(c), "t")) }
        t.method("ToLongTimeString", "string") { c in .string(try DateFormatting.format(date(c), "T")) }
        t.method("IsDaylightSavingTime", "bool") { _ in .bool(false) }
        t.method("GetHashCode", "int") { c in .int32(Int32(truncatingIfNeeded: date(c).ticks ^ (date(c).ticks >> 32))) }
    }

    /// TimeSpan.ToString(): `[-][d.]hh:mm:ss[.fffffff]`.
    static func format(_ ticks: Int64) -> String {
        let negative = ticks < 0
        let magnitude = ticks.magnitude
        let days = magnitude / UInt64(DateValue.ticksPerDay)
        let rest = magnitude % UInt64(DateValue.ticksPerDay)
        let h = rest / 36_000_000_000, m = rest / 600_000_000 % 60, s = rest / 10_000_000 % 60, f = rest % 10_000_000
        var text = (negative ? "-" : "") + (days > 0 ? "\(days)." : "")
        text += DateFormatting.two(Int(h)) + ":" + DateFormatting.two(Int(m)) + ":" + DateFormatting.two(Int(s))
        if f > 0 { text += "." + String(f).leftPadded(to: 7, with: "0") }
        return text
    }

    static func parseSpan(_ text: String) throws -> Int64 {
        let badFormat = DotNetException.format("String was not recognized as a valid TimeSpan.")
        let outOfRange = DotNetException.overflow("The TimeSpan could not be parsed because at least one of the numeric components is out of range or contains too many digits.")
        /// A component: digits only (a sign belongs to the whole span).
        func number<S: StringProtocol>(_ digits: S) throws -> Int64 {
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw badFormat }
            guard let value = Int64(digits) else { throw outOfRange }
            return value
        }
        var s = Substring(text.trimmedWhitespace)
        let negative = s.first == "-"
        if negative { s = s.dropFirst() }
        var days: Int64 = 0, h: Int64 = 0, m: Int64 = 0, seconds: Int64 = 0, fraction: Int64 = 0
        var timeText = s
        if let dot = s.firstIndex(of: "."), let colon = s.firstIndex(of: ":"), dot < colon {
            days = try number(s[..<dot])
            timeText = s[s.index(after: dot)...]
        } else if !s.contains(":") {
            days = try number(s)
            timeText = ""
        }
        if !timeText.isEmpty {
            let f = timeText.split(separator: ":", omittingEmptySubsequences: false)
            guard f.count >= 2, f.count <= 3 else { throw badFormat }
            h = try number(f[0])
            m = try number(f[1])
            if f.count == 3 {
                let p = f[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                seconds = try number(p.first ?? "")
                if p.count == 2 {
                    guard p[1].count <= 7 else { throw outOfRange }
                    fraction = try number(String(p[1]).padding(to: 7))
                }
            }
        }
        guard h < 24, m < 60, seconds < 60, days <= 10_675_199 else { throw outOfRange }
        // The magnitude of TimeSpan.MinValue is one tick more than Int64 holds: add in the negative.
        var total: Int64 = 0
        for (value, unit) in [(days, DateValue.ticksPerDay), (h, 36_000_000_000), (m, 600_000_000), (seconds, 10_000_000), (fraction, 1)] {
            let (product, tooLarge) = value.multipliedReportingOverflow(by: unit)
            let (next, overflow) = total.subtractingReportingOverflow(product)
            guard !tooLarge, !overflow else { throw outOfRange }
            total = next
        }
        guard negative || total != Int64.min else { throw outOfRange }
        return negative ? total : -total
    }

    static let timeSpan = DotNetType("System.TimeSpan", aliases: ["timespan"], kind: .valueType,
                                     interfaces: ["System.IComparable", "System.IFormattable"]) { t in
        t.constructor { c in makeSpan(c, 0) }
        t.constructor("long ticks") { c in makeSpan(c, c.int64(0)) }
        let fromParts: DotNetMethod.Body = { c in
            let n = c.args.map { LanguagePrimitives.toInt64($0) ?? 0 }
            let (d, h, m, s, ms): (Int64, Int64, Int64, Int64, Int64) = n.count == 3 ? (0, n[0], n[1], n[2], 0)
                : (n[0], n[1], n[2], n[3], n.count > 4 ? n[4] : 0)
            let total = (Double(d) * 86400 + Double(h) * 3600 + Double(m) * 60 + Double(s)) * 1000 + Double(ms)
            guard abs(total) <= 922_337_203_685_477 else {
                throw DotNetException.outOfRange("", "TimeSpan overflowed because the duration is too long.")
            }
            return makeSpan(c, Int64(total) * 10_000)
        }
        t.constructor("int hours, int minutes, int seconds", fromParts)
        t.constructor("int days, int hours, int minutes, int seconds", fromParts)
        t.constructor("int days, int hours, int minutes, int seconds, int milliseconds", fromParts)
        t.staticProperty("Zero", "timespan") { c in makeSpan(c, 0) }
        t.staticProperty("MaxValue", "timespan") { c in makeSpan(c, Int64.max) }
        t.staticProperty("MinValue", "timespan") { c in makeSpan(c, Int64.min) }
        for (name, value) in [("TicksPerDay", DateValue.ticksPerDay), ("TicksPerHour", 36_000_000_000), ("TicksPerMinute", 600_000_000),
                              ("TicksPerSecond", 10_000_000), ("TicksPerMillisecond", 10_000)] as [(String, Int64)] {
            t.staticProperty(name, "long") { _ in .int64(value) }
        }
        for (name, perUnit) in [("FromDays", 864_000_000_000.0), ("FromHours", 36_000_000_000), ("FromMinutes", 600_000_000),
                                ("FromSeconds", 10_000_000), ("FromMilliseconds", 10_000)] {
            t.staticMethod(name, "timespan", "double value") { c in makeSpan(c, try ticks(c.double(0), perUnit: perUnit)) }
        }
        t.staticMethod("FromTicks", "timespan", "long value") { c in makeSpan(c, c.int64(0)) }
        t.staticMethod("Parse", "timespan", "string s") { c in
            guard let s = c.string(0) else { throw DotNetException.argumentNull("input") }
            return makeSpan(c, try parseSpan(s))
        }
        t.staticMethod("TryParse", "bool", "string s, System.Management.Automation.PSReference result") { c in
            guard let s = c.string(0), let v = try? parseSpan(s) else { try c.setReference(1, makeSpan(c, 0)); return .bool(false) }
            try c.setReference(1, makeSpan(c, v))
            return .bool(true)
        }
        t.staticMethod("op_Addition", "timespan", "timespan t1, timespan t2") { c in
            let (sum, overflow) = spanArgument(c, 0).addingReportingOverflow(spanArgument(c, 1))
            guard !overflow else { throw DotNetException.overflow(tooLong) }
            return makeSpan(c, sum)
        }
        t.staticMethod("op_Subtraction", "timespan", "timespan t1, timespan t2") { c in
            let (difference, overflow) = spanArgument(c, 0).subtractingReportingOverflow(spanArgument(c, 1))
            guard !overflow else { throw DotNetException.overflow(tooLong) }
            return makeSpan(c, difference)
        }
        t.staticMethod("op_Equality", "bool", "timespan t1, timespan t2") { c in .bool(spanArgument(c, 0) == spanArgument(c, 1)) }
        t.converts { value, _, engine in
            guard let type = engine.types.type(named: "System.TimeSpan") else { return nil }
            switch value {
            case .string(let s): return .object(DotNetObject(type, payload: try parseSpan(s), engine: engine))
            case .int32, .int64, .uint32, .byte:
                return .object(DotNetObject(type, payload: LanguagePrimitives.toInt64(value) ?? 0, engine: engine))
            default: return nil
            }
        }
        t.property("Days", "int") { c in .int32(Int32(truncatingIfNeeded: span(c) / DateValue.ticksPerDay)) }
        t.property("Hours", "int") { c in .int32(Int32(span(c) / 36_000_000_000 % 24)) }
        t.property("Minutes", "int") { c in .int32(Int32(span(c) / 600_000_000 % 60)) }
        t.property("Seconds", "int") { c in .int32(Int32(span(c) / 10_000_000 % 60)) }
        t.property("Milliseconds", "int") { c in .int32(Int32(span(c) / 10_000 % 1000)) }
        t.property("Ticks", "long") { c in .int64(span(c)) }
        t.property("TotalDays", "double") { c in .double(Double(span(c)) / 864_000_000_000) }
        t.property("TotalHours", "double") { c in .double(Double(span(c)) / 36_000_000_000) }
        t.property("TotalMinutes", "double") { c in .double(Double(span(c)) / 600_000_000) }
        t.property("TotalSeconds", "double") { c in .double(Double(span(c)) / 10_000_000) }
        t.property("TotalMilliseconds", "double") { c in .double(min(max(Double(span(c)) / 10_000, -922_337_203_685_477), 922_337_203_685_477)) }
        t.method("Add", "timespan", "timespan ts") { c in
            let (sum, overflow) = span(c).addingReportingOverflow(spanArgument(c, 0))
            guard !overflow else { throw DotNetException.overflow(tooLong) }
            return makeSpan(c, sum)
        }
        t.method("Subtract", "timespan", "timespan ts") { c in
            let (difference, overflow) = span(c).subtractingReportingOverflow(spanArgument(c, 0))
            guard !overflow else { throw DotNetException.overflow(tooLong) }
            return makeSpan(c, difference)
        }
        t.method("Negate", "timespan") { c in
            guard span(c) != Int64.min else {
                throw DotNetException.overflow("Negating the minimum value of a twos complement number is invalid.")
            }
            return makeSpan(c, -span(c))
        }
        t.method("Duration", "timespan") { c in
            guard span(c) != Int64.min else {
                throw DotNetException.overflow("The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.")
            }
            return makeSpan(c, abs(span(c)))
        }
        t.method("CompareTo", "int", "System.Object value") { c in
            if c.value(0).isNull { return .int32(1) }
            guard let other = c.payload(0, Int64.self) else { throw DotNetException.argument("Object must be of type TimeSpan.") }
            return .int32(span(c) < other ? -1 : span(c) > other ? 1 : 0)
        }
        t.method("Equals", "bool", "System.Object value") { c in .bool(c.payload(0, Int64.self) == span(c)) }
        t.method("ToString", "string") { c in .string(format(span(c))) }
        t.method("ToString", "string", "string format") { c in
            switch c.text(0) {
            case "", "c", "t", "T": return .string(format(span(c)))
            case "g":
                var text = format(span(c))
                if text.hasPrefix("0") && !text.contains(".") { text.removeFirst() }
                return .string(text)
            default:
                let v = span(c).magnitude
                var out = ""
                var i = Array(c.text(0))[...]
                while let ch = i.popFirst() {
                    var run = 1
                    while i.first == ch { i.removeFirst(); run += 1 }
                    switch ch {
                    case "d": out += String(v / UInt64(DateValue.ticksPerDay)).leftPadded(to: run, with: "0")
                    case "h": out += String(v / 36_000_000_000 % 24).leftPadded(to: run, with: "0")
                    case "m": out += String(v / 600_000_000 % 60).leftPadded(to: run, with: "0")
                    case "s": out += String(v / 10_000_000 % 60).leftPadded(to: run, with: "0")
                    case "f", "F": out += String(String(v % 10_000_000).leftPadded(to: 7, with: "0").prefix(run))
                    case "\\": if let next = i.popFirst() { out.append(next) }
                    case "'":
                        while let q = i.popFirst(), q != "'" { out.append(q) }
                    default: throw DotNetException.format()
                    }
                }
                return .string(out)
            }
        }
    }
}
