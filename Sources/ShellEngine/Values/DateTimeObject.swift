#if canImport(Glibc)
import Glibc
#endif

/// System.DateTime: a local time to the second (Get-Date, file times).
package final class DateTimeObject: PSObject {
    package let seconds: Int
    package let parts: tm

    package init(seconds: Int) {
        self.seconds = seconds
        var t = time_t(seconds)
        var value = tm()
        localtime_r(&t, &value)
        parts = value
        super.init(typeNames: ["System.DateTime", "System.ValueType", "System.Object"])
    }

    package static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    package static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    package var year: Int { Int(parts.tm_year) + 1900 }
    package var month: Int { Int(parts.tm_mon) + 1 }
    package var day: Int { Int(parts.tm_mday) }
    package var hour: Int { Int(parts.tm_hour) }
    package var minute: Int { Int(parts.tm_min) }
    package var second: Int { Int(parts.tm_sec) }

    package override var properties: [PSPropertyInfo] {
        [("Date", PSValue.string(format("M/d/yyyy") + " 12:00:00 AM")), ("Day", .int32(Int32(day))),
         ("DayOfWeek", .string(Self.days[Int(parts.tm_wday)])), ("DayOfYear", .int32(Int32(parts.tm_yday) + 1)),
         ("Hour", .int32(Int32(hour))), ("Kind", .string("Local")), ("Millisecond", .int32(0)),
         ("Minute", .int32(Int32(minute))), ("Month", .int32(Int32(month))), ("Second", .int32(Int32(second))),
         ("Year", .int32(Int32(year)))].map { PSPropertyInfo(name: $0.0, value: $0.1, isSettable: false) }
    }

    /// .NET custom date formats: yyyy, yy, MMMM, MMM, MM, M, dddd, ddd, dd, d, HH, H, hh, h, mm, m, ss, s, tt.
    package func format(_ pattern: String) -> String {
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
    package func standardFormat(_ f: String) -> String {
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

    package override func toString() -> String { standardFormat("G") }

    /// This date moved by some seconds, kept within years 1..9999 as DateTime is.
    private func shifted(_ delta: Double) -> DateTimeObject {
        let limit = 253_402_300_799.0  // 9999-12-31T23:59:59Z
        let target = min(max(Double(seconds) + (delta.isNaN ? 0 : delta), -62_135_596_800), limit)
        return DateTimeObject(seconds: Int(target))
    }

    package override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        let n = arguments.first.flatMap { LanguagePrimitives.toDouble($0) } ?? 0
        switch name.lowercased() {
        case "tostring":
            return .string(arguments.isEmpty ? toString() : standardFormat(LanguagePrimitives.toString(arguments[0])))
        case "adddays": return .object(shifted(n * 86400))
        case "addhours": return .object(shifted(n * 3600))
        case "addminutes": return .object(shifted(n * 60))
        case "addseconds": return .object(shifted(n))
        case "toshortdatestring": return .string(standardFormat("d"))
        case "tolongdatestring": return .string(standardFormat("D"))
        case "toshorttimestring": return .string(standardFormat("t"))
        case "tolongtimestring": return .string(standardFormat("T"))
        default: return nil
        }
    }
}

extension Engine {
    /// A date as the library's System.DateTime (local time), which has every member of the type.
    package func libraryDateTime(_ date: DateTimeObject) -> PSValue {
        guard let type = types.type(named: "System.DateTime") else { return .object(date) }
        let utc = DateValue.unixEpochTicks + Int64(date.seconds) * DateValue.ticksPerSecond
        let local = DateValue(ticks: utc + DateValue.localOffset(utcTicks: utc) * DateValue.ticksPerSecond, kind: 2)
        return .object(DotNetObject(type, payload: local, engine: self))
    }
}
