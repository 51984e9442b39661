import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A System.DateTime: 100-nanosecond ticks since 0001-01-01 and its Kind (0 Unspecified, 1 Utc, 2 Local).
package struct DateValue: Sendable, Equatable {
    package var ticks: Int64
    package var kind: Int64

    static let ticksPerSecond: Int64 = 10_000_000
    static let ticksPerDay: Int64 = 864_000_000_000
    static let maxTicks: Int64 = 3_155_378_975_999_999_999
    static let unixEpochTicks: Int64 = 621_355_968_000_000_000
    static let fileTimeEpochTicks: Int64 = 504_911_232_000_000_000

    package init(ticks: Int64, kind: Int64) {
        self.ticks = ticks
        self.kind = kind
    }

    /// A date from its parts; nil when they are out of range (the caller raises .NET's error).
    init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0, kind: Int64 = 0) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year, month),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second), (0...999).contains(millisecond)
        else { return nil }
        let days = Self.daysFromCivil(year, month, day)
        ticks = days * Self.ticksPerDay + Int64(hour) * 36_000_000_000 + Int64(minute) * 600_000_000
            + Int64(second) * Self.ticksPerSecond + Int64(millisecond) * 10_000
        self.kind = kind
    }

    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][max(0, min(11, m - 1))]
    }

    /// Days since 0001-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(year - 1)
        let monthDays = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1]
        return y * 365 + y / 4 - y / 100 + y / 400 + Int64(monthDays) + (month > 2 && isLeap(year) ? 1 : 0) + Int64(day - 1)
    }

    var dayNumber: Int64 { ticks / Self.ticksPerDay }
    var parts: (year: Int, month: Int, day: Int) {
        var n = dayNumber
        let y400 = n / 146_097; n -= y400 * 146_097
        var y100 = n / 36_524; if y100 == 4 { y100 = 3 }; n -= y100 * 36_524
        let y4 = n / 1461; n -= y4 * 1461
        var y1 = n / 365; if y1 == 4 { y1 = 3 }; n -= y1 * 365
        let year = Int(y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1)
        var month = 1
        while n >= Int64(Self.daysInMonth(year, month)) { n -= Int64(Self.daysInMonth(year, month)); month += 1 }
        return (year, month, Int(n) + 1)
    }
    var year: Int { parts.year }
    var month: Int { parts.month }
    var day: Int { parts.day }
    var hour: Int { Int(ticks / 36_000_000_000 % 24) }
    var minute: Int { Int(ticks / 600_000_000 % 60) }
    var second: Int { Int(ticks / Self.ticksPerSecond % 60) }
    var millisecond: Int { Int(ticks / 10_000 % 1000) }
    var fraction: Int64 { ticks % Self.ticksPerSecond }
    /// 0 = Sunday.
    var dayOfWeek: Int { Int((dayNumber + 1) % 7) }
    var dayOfYear: Int { Int(dayNumber - Self.daysFromCivil(year, 1, 1)) + 1 }
    var date: DateValue { DateValue(ticks: dayNumber * Self.ticksPerDay, kind: kind) }

    /// Adds ticks with .NET's range check.
    func adding(_ delta: Int64, parameter: String = "value") throws -> DateValue {
        let (sum, overflow) = ticks.addingReportingOverflow(delta)
        guard !overflow, sum >= 0, sum <= Self.maxTicks else {
            throw DotNetException.outOfRange(parameter, "The added or subtracted value results in an un-representable DateTime.")
        }
        return DateValue(ticks: sum, kind: kind)
    }

    func addingMonths(_ months: Int64) throws -> DateValue {
        guard months >= -120_000 && months <= 120_000 else {
            throw DotNetException.outOfRange("months", "Months value must be between +/-120000.")
        }
        let p = parts
        let total = Int64(p.year) * 12 + Int64(p.month - 1) + months
        let year = Int(total / 12), month = Int(total % 12) + 1
        guard (1...9999).contains(year) else {
            throw DotNetException.outOfRange("months", "The added or subtracted value results in an un-representable DateTime.")
        }
        let day = min(p.day, Self.daysInMonth(year, month))
        return DateValue(ticks: Self.daysFromCivil(year, month, day) * Self.ticksPerDay + ticks % Self.ticksPerDay, kind: kind)
    }

    // MARK: Time zone

    /// The local time zone's offset from UTC at a UTC instant, in seconds.
    static func localOffset(utcTicks: Int64) -> Int64 {
        var t = time_t((utcTicks - unixEpochTicks) / ticksPerSecond)
        var parts = tm()
        localtime_r(&t, &parts)
        return Int64(parts.tm_gmtoff)
    }

    static func now() -> DateValue {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let utc = unixEpochTicks + Int64(spec.tv_sec) * ticksPerSecond + Int64(spec.tv_nsec) / 100
        return DateValue(ticks: utc + localOffset(utcTicks: utc) * ticksPerSecond, kind: 2)
    }

    static func utcNow() -> DateValue {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return DateValue(ticks: unixEpochTicks + Int64(spec.tv_sec) * ticksPerSecond + Int64(spec.tv_nsec) / 100, kind: 1)
    }

    func toUniversal() -> DateValue {
        if kind == 1 { return self }
        let offset = Self.localOffset(utcTicks: ticks) * Self.ticksPerSecond
        return DateValue(ticks: min(max(ticks - offset, 0), Self.maxTicks), kind: 1)
    }

    func toLocal() -> DateValue {
        if kind == 2 { return self }
        let offset = Self.localOffset(utcTicks: ticks) * Self.ticksPerSecond
        return DateValue(ticks: min(max(ticks + offset, 0), Self.maxTicks), kind: 2)
    }

    /// The UTC offset shown by `zzz` and `K` for local dates.
    var utcOffsetSeconds: Int64 {
        kind == 1 ? 0 : Self.localOffset(utcTicks: toUniversal().ticks)
    }
}
