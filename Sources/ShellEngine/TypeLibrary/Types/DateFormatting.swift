/// DateTime formatting and parsing with the en-US culture (ToString) and the invariant culture
/// (PowerShell's string conversion), as .NET Framework 4.8 does them.
enum DateFormatting {
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// en-US standard formats.
    static func pattern(forStandard f: Character) -> String? {
        switch f {
        case "d": return "M/d/yyyy"
        case "D": return "dddd, MMMM d, yyyy"
        case "t": return "h:mm tt"
        case "T": return "h:mm:ss tt"
        case "f": return "dddd, MMMM d, yyyy h:mm tt"
        case "F", "U": return "dddd, MMMM d, yyyy h:mm:ss tt"
        case "g": return "M/d/yyyy h:mm tt"
        case "G": return "M/d/yyyy h:mm:ss tt"
        case "m", "M": return "MMMM d"
        case "y", "Y": return "MMMM yyyy"
        case "s": return "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
        case "u": return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"
        case "r", "R": return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"
        case "o", "O": return "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffffffK"
        default: return nil
        }
    }

    /// DateTime.ToString(format).
    static func format(_ date: DateValue, _ format: String) throws -> String {
        if format.isEmpty { return try self.format(date, "G") }
        if format.count == 1, let f = format.first {
            guard let pattern = pattern(forStandard: f) else { throw DotNetException.format() }
            if f == "U" { return try custom(date.toUniversal(), pattern) }
            return try custom(date, pattern)
        }
        return try custom(date, format)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func padded(_ n: Int, _ width: Int) -> String { String(n).leftPadded(to: width, with: "0") }

    static func custom(_ date: DateValue, _ format: String) throws -> String {
        let chars = Array(format)
        var out = ""
        var i = 0
        let p = date.parts
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count && chars[i + run] == c { run += 1 }
            switch c {
            case "y":
                out += run == 1 ? String(p.year % 100) : run == 2 ? two(p.year % 100) : padded(p.year, run)
            case "M":
                out += run >= 4 ? months[p.month - 1] : run == 3 ? String(months[p.month - 1].prefix(3)) : run == 2 ? two(p.month) : String(p.month)
            case "d":
                out += run >= 4 ? days[date.dayOfWeek] : run == 3 ? String(days[date.dayOfWeek].prefix(3)) : run == 2 ? two(p.day) : String(p.day)
            case "H": out += run >= 2 ? two(date.hour) : String(date.hour)
            case "h":
                let h12 = date.hour % 12 == 0 ? 12 : date.hour % 12
                out += run >= 2 ? two(h12) : String(h12)
            case "m": out += run >= 2 ? two(date.minute) : String(date.minute)
            case "s": out += run >= 2 ? two(date.second) : String(date.second)
            case "f", "F":
                guard run <= 7 else { throw DotNetException.format() }
                var digits = padded(Int(date.fraction), 7).prefix(run)
                if c == "F" { while digits.last == "0" { digits.removeLast() } }
                if c == "F" && digits.isEmpty && out.last == "." { out.removeLast() }
                out += digits
            case "t": out += run >= 2 ? (date.hour < 12 ? "AM" : "PM") : (date.hour < 12 ? "A" : "P")
            case "g": out += "A.D."
            case "K":
                if date.kind == 1 { out += "Z" } else if date.kind == 2 { out += offset(date.utcOffsetSeconds, colon: true, width: 2) }
                run = 1
            case "z":
                let seconds = date.utcOffsetSeconds
                out += run == 1 ? offset(seconds, colon: false, width: 1) : run == 2 ? offset(seconds, colon: false, width: 2)
                    : offset(seconds, colon: true, width: 2)
            case ":", "/": out += String(repeating: String(c), count: run)
            case "'", "\"":
                var j = i + 1
                while j < chars.count && chars[j] != c { out.append(chars[j]); j += 1 }
                guard j < chars.count else {
                    throw DotNetException.format("Cannot find a matching quote character for the character '\(c)'.")
                }
                i = j + 1
                continue
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                i += 2
                continue
            case "%":
                i += 1
                continue
            default: out += String(repeating: String(c), count: run)
            }
            i += run
        }
        return out
    }

    static func offset(_ seconds: Int64, colon: Bool, width: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let hours = Int(minutes / 60)
        let hourText = width == 1 ? String(hours) : two(hours)
        if !colon { return sign + hourText }
        return sign + hourText + ":" + two(Int(minutes % 60))
    }

    /// PowerShell's string conversion of a DateTime (invariant culture, `G`).
    static func invariant(_ date: DateValue) -> String {
        (try? custom(date, "MM/dd/yyyy HH:mm:ss")) ?? ""
    }
}

/// DateTime.Parse with the en-US and invariant cultures: ISO 8601, `M/d/yyyy [h:mm[:ss] [AM|PM]]`,
/// `yyyy-MM-dd[ HH:mm[:ss]]`, month names.
enum DateParsing {
    static let notRecognized = "String was not recognized as a valid DateTime."

    static func parse(_ text: String) throws -> DateValue {
        guard let value = try? attempt(text.trimmedWhitespace) else { throw DotNetException.format(notRecognized) }
        return value
    }

    private static func attempt(_ text: String) throws -> DateValue {
        var s = Substring(text)
        var kind: Int64 = 0
        var offsetSeconds: Int64? = nil
        if s.hasSuffix("Z") || s.hasSuffix("z") { s = s.dropLast(); kind = 1; offsetSeconds = 0 }
        // A trailing +hh:mm offset after a time.
        if let signIndex = s.lastIndex(where: { $0 == "+" || $0 == "-" }), s[..<signIndex].contains(":"),
           s[s.index(after: signIndex)...].count == 5 || s[s.index(after: signIndex)...].count == 2 {
            let tail = s[s.index(after: signIndex)...].split(separator: ":")
            if let h = Int(tail[0]), tail.count == 1 || Int(tail[1]) != nil {
                let m = tail.count > 1 ? Int(tail[1]) ?? 0 : 0
                offsetSeconds = Int64((h * 60 + m) * 60) * (s[signIndex] == "-" ? -1 : 1)
                s = s[..<signIndex]
            }
        }
        var datePart = s, timePart: Substring = ""
        if let t = s.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = s[..<t]
            timePart = s[s.index(after: t)...]
        }
        var year = 0, month = 0, day = 0
        let now = DateValue.now()
        if datePart.contains("-") && datePart.first?.isNumber == true {
            let f = datePart.split(separator: "-").map { Int($0) }
            guard f.count == 3, let a = f[0], let b = f[1], let c = f[2] else { throw DotNetException.format(notRecognized) }
            (year, month, day) = (a, b, c)
        } else if datePart.contains("/") || datePart.contains(".") {
            let f = datePart.split(whereSeparator: { $0 == "/" || $0 == "." }).map { Int($0) }
            guard f.count >= 2, f.allSatisfy({ $0 != nil }) else { throw DotNetException.format(notRecognized) }
            if f[0]! > 31 { (year, month, day) = (f[0]!, f[1]!, f.count > 2 ? f[2]! : 1) } else {
                (month, day, year) = (f[0]!, f[1]!, f.count > 2 ? f[2]! : now.year)
            }
            if f.count > 2, year < 100 { year += year < 50 ? 2000 : 1900 }
        } else if datePart.contains(":") {
            timePart = s
            (year, month, day) = (now.year, now.month, now.day)
        } else {
            // "December 2, 2026", "2 December 2026", "Wednesday, December 2, 2026 7:05:10 AM".
            let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            var numbers: [Int] = []
            var time: [String] = []
            for word in words {
                if let m = DateFormatting.months.firstIndex(where: { $0.lowercased().hasPrefix(word.lowercased()) && word.count >= 3 }) {
                    month = m + 1
                } else if let n = Int(word) { numbers.append(n) } else if word.contains(":") || ["am", "pm"].contains(word.lowercased()) {
                    time.append(word)
                } else if !DateFormatting.days.contains(where: { $0.lowercased().hasPrefix(word.lowercased()) }) {
                    throw DotNetException.format(notRecognized)
                }
            }
            guard month > 0, !numbers.isEmpty else { throw DotNetException.format(notRecognized) }
            day = numbers[0]
            year = numbers.count > 1 ? numbers[1] : now.year
            timePart = Substring(time.joined(separator: " "))
        }
        var hour = 0, minute = 0, second = 0, fractionTicks: Int64 = 0
        var time = timePart.trimmingCharacters()
        if !time.isEmpty {
            var pm: Bool? = nil
            let lower = time.lowercased()
            if lower.hasSuffix("am") || lower.hasSuffix("pm") {
                pm = lower.hasSuffix("pm")
                time = String(time.dropLast(2)).trimmedWhitespace
            }
            let f = time.split(separator: ":")
            guard f.count >= 2, f.count <= 3, let h = Int(f[0]), let m = Int(f[1]) else { throw DotNetException.format(notRecognized) }
            hour = h; minute = m
            if f.count == 3 {
                let secondParts = f[2].split(separator: ".", maxSplits: 1)
                guard let sec = Int(secondParts[0]) else { throw DotNetException.format(notRecognized) }
                second = sec
                if secondParts.count == 2 {
                    let digits = String(secondParts[1].prefix(7)).padding(to: 7)
                    guard let fraction = Int64(digits) else { throw DotNetException.format(notRecognized) }
                    fractionTicks = fraction
                }
            }
            if let pm {
                guard (1...12).contains(hour) else { throw DotNetException.format(notRecognized) }
                hour = hour % 12 + (pm ? 12 : 0)
            }
        }
        guard var value = DateValue(year: year, month: month, day: day, hour: hour, minute: minute, second: second, kind: kind)
        else { throw DotNetException.format(notRecognized) }
        value.ticks += fractionTicks
        if let offsetSeconds {
            // A time with an offset is converted to local time, as DateTime.Parse does.
            let utc = DateValue(ticks: value.ticks - offsetSeconds * DateValue.ticksPerSecond, kind: 1)
            value = utc.toLocal()
        }
        return value
    }

    /// DateTime.ParseExact with a custom or standard format.
    static func parseExact(_ text: String, _ format: String) throws -> DateValue {
        var pattern = format
        if format.count == 1, let f = format.first, let standard = DateFormatting.pattern(forStandard: f) { pattern = standard }
        let p = Array(pattern), s = Array(text)
        var i = 0, j = 0
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, pm: Bool? = nil, fraction: Int64 = 0
        func number(_ maxDigits: Int, exact: Bool) throws -> Int {
            var digits = ""
            while j < s.count, s[j].isNumber, digits.count < maxDigits { digits.append(s[j]); j += 1 }
            guard !digits.isEmpty, !exact || digits.count == maxDigits, let n = Int(digits) else {
                throw DotNetException.format(notRecognized)
            }
            return n
        }
        while i < p.count {
            let c = p[i]
            var run = 1
            while i + run < p.count && p[i + run] == c { run += 1 }
            switch c {
            case "y": year = try number(run <= 2 ? 2 : max(run, 4), exact: run != 1); if run <= 2 { year += 2000 }
            case "M":
                if run >= 3 {
                    let names = DateFormatting.months.map { run == 3 ? String($0.prefix(3)) : $0 }
                    guard let m = names.firstIndex(where: { name in
                        j + name.count <= s.count && String(s[j..<(j + name.count)]).caseInsensitiveEquals(name) }) else {
                        throw DotNetException.format(notRecognized)
                    }
                    j += names[m].count
                    month = m + 1
                } else { month = try number(2, exact: run == 2) }
            case "d":
                if run >= 3 {
                    let names = DateFormatting.days.map { run == 3 ? String($0.prefix(3)) : $0 }
                    guard let d = names.first(where: { name in
                        j + name.count <= s.count && String(s[j..<(j + name.count)]).caseInsensitiveEquals(name) }) else {
                        throw DotNetException.format(notRecognized)
                    }
                    j += d.count
                } else { day = try number(2, exact: run == 2) }
            case "H", "h": hour = try number(2, exact: run == 2)
            case "m": minute = try number(2, exact: run == 2)
            case "s": second = try number(2, exact: run == 2)
            case "f", "F":
                let n = try number(run, exact: c == "f")
                fraction = Int64(String(String(n).leftPadded(to: run, with: "0")).padding(to: 7)) ?? 0
            case "t":
                guard j < s.count else { throw DotNetException.format(notRecognized) }
                pm = s[j] == "P" || s[j] == "p"
                j += min(run, 2)
            case "'", "\"":
                var k = i + 1
                while k < p.count && p[k] != c {
                    guard j < s.count, s[j] == p[k] else { throw DotNetException.format(notRecognized) }
                    j += 1; k += 1
                }
                i = k + 1
                continue
            case "\\":
                guard i + 1 < p.count, j < s.count, s[j] == p[i + 1] else { throw DotNetException.format(notRecognized) }
                j += 1; i += 2
                continue
            default:
                for _ in 0..<run {
                    guard j < s.count, s[j] == c else { throw DotNetException.format(notRecognized) }
                    j += 1
                }
            }
            i += run
        }
        guard j == s.count else { throw DotNetException.format(notRecognized) }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        guard var value = DateValue(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { throw DotNetException.format(notRecognized) }
        value.ticks += fraction
        return value
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmedWhitespace }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: "0", count: width - count) }
}
