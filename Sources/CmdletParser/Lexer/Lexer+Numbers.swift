// Number literals with Windows PowerShell 5.1's typing: Int32 when the value fits, else Int64,
// else Double; hex literals take the two's-complement value of 8 (Int32) or 16 (Int64) digits;
// suffixes L and D; multipliers KB MB GB TB PB.

struct NumberScan {
    var text = ""          // sign, digits, '.', exponent (as .NET would parse it)
    var hex = false
    var real = false
    var long = false
    var decimal = false
    var multiplier: Int64 = 1
}

extension Lexer {
    mutating func scanNumber(first: UInt32) -> Tok {
        guard let scan = scanNumberHelper(first: first) else {
            index = tokenStart
            return scanGenericToken()
        }
        let value = NumberParsing.value(of: scan)
        if value == nil {
            if !inExpressionMode {
                index = tokenStart
                return scanGenericToken()
            }
            // The whole literal, as PowerShell marks it (tokenizer.cs ScanNumber).
            reportError(SourceExtent(tokenStart, Swift.min(index, limit)), "BadNumericConstant", text(tokenStart, index))
        }
        numbers.append(value)
        return newToken(.number, payload: Int32(numbers.count - 1))
    }

    /// Scans the characters of a number; nil when they do not form one (`77z.exe`).
    mutating func scanNumberHelper(first: UInt32) -> NumberScan? {
        var scan = NumberScan()
        var notNumber = false
        var firstChar = first
        if Char.isDash(firstChar) || firstChar == 0x2B {
            if Char.isDash(firstChar) { scan.text.append("-") }
            firstChar = getChar()
        }
        if firstChar == 0x2E {
            scan.text.append("0.")
            scanNumberAfterDot(&scan, &notNumber)
            scan.real = true
        } else {
            let c = peekChar()
            if firstChar == 0x30 && (c == 0x78 || c == 0x58) {
                skipChar()
                scan.hex = true
                var digits = 0
                while Char.isHexDigit(peekChar()) { scan.text.unicodeScalars.append(Unicode.Scalar(UInt8(getChar()))); digits += 1 }
                if digits == 0 { notNumber = true }
            } else {
                scan.text.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: firstChar)))
                scanDecimalDigits(&scan)
                let c1 = peekChar()
                if c1 == 0x2E {
                    skipChar()
                    if peekChar() == 0x2E {
                        ungetChar()  // the range operator
                    } else {
                        scan.text.append(".")
                        scan.real = true
                        scanNumberAfterDot(&scan, &notNumber)
                    }
                } else if c1 == 0x65 || c1 == 0x45 {
                    skipChar()
                    scan.text.append("e")
                    scan.real = true
                    scanExponent(&scan, &notNumber)
                }
            }
        }
        var c = peekChar()
        if Char.isTypeSuffix(c) {
            skipChar()
            if c == 0x6C || c == 0x4C { scan.long = true } else { scan.decimal = true }
            c = peekChar()
        }
        if Char.isMultiplierStart(c) {
            skipChar()
            switch c | 0x20 {
            case 0x6B: scan.multiplier = 1 << 10
            case 0x6D: scan.multiplier = 1 << 20
            case 0x67: scan.multiplier = 1 << 30
            case 0x74: scan.multiplier = 1 << 40
            default: scan.multiplier = 1 << 50
            }
            let c1 = peekChar()
            if c1 == 0x62 || c1 == 0x42 {
                skipChar()
                c = peekChar()
            } else {
                notNumber = true
            }
        }
        if !Char.forceStartNewToken(c) {
            if !inExpressionMode || !Char.forceStartNewTokenAfterNumber(c) { notNumber = true }
        }
        return notNumber ? nil : scan
    }

    mutating func scanDecimalDigits(_ scan: inout NumberScan) {
        while Char.isDecimalDigit(peekChar()) { scan.text.unicodeScalars.append(Unicode.Scalar(UInt8(getChar()))) }
    }

    mutating func scanNumberAfterDot(_ scan: inout NumberScan, _ notNumber: inout Bool) {
        scanDecimalDigits(&scan)
        let c = peekChar()
        if c == 0x65 || c == 0x45 {
            skipChar()
            scan.text.append("e")
            scanExponent(&scan, &notNumber)
        }
    }

    mutating func scanExponent(_ scan: inout NumberScan, _ notNumber: inout Bool) {
        let c = peekChar()
        if c == 0x2B || Char.isDash(c) {
            skipChar()
            scan.text.append(c == 0x2B ? "+" : "-")
        }
        let before = scan.text.utf8.count
        scanDecimalDigits(&scan)
        if scan.text.utf8.count == before { notNumber = true }
    }
}

enum NumberParsing {
    /// The value of a scanned number, nil when it does not fit its type.
    static func value(of scan: NumberScan) -> NumberValue? {
        var text = Substring(scan.text)
        var negative = false
        if text.hasPrefix("-") { negative = true; text = text.dropFirst() }
        if scan.real {
            if scan.decimal {
                guard fitsDecimal(text) else { return nil }
                return .decimal(canonicalDecimal(String(text), negative: negative, multiplier: scan.multiplier))
            }
            // .NET Framework's Double.TryParse fails on overflow (`1e999`): a bad numeric constant.
            guard var d = Double(String(text)), d.isFinite else { return nil }
            d *= Double(scan.multiplier)
            if negative { d = -d }
            if scan.long {
                guard d.isFinite, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return nil }
                return .int64(Int64(d.rounded(.toNearestOrEven)))
            }
            return .double(d)
        }
        if scan.hex {
            let digits = text.drop { $0 == "0" }
            guard digits.count <= 16 else { return nil }
            guard let bits = UInt64(digits.isEmpty ? "0" : String(digits), radix: 16) else { return nil }
            let asLong = scan.long || text.count > 8
            var signed: Int64 = asLong ? Int64(bitPattern: bits) : Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: bits)))
            let (m, o1) = signed.multipliedReportingOverflow(by: scan.multiplier)
            if o1 { return nil }
            if negative {
                let (n, o2) = Int64(0).subtractingReportingOverflow(m)
                if o2 { return nil }
                signed = n
            } else {
                signed = m
            }
            if scan.decimal { return .decimal(String(signed)) }
            if asLong { return .int64(signed) }
            if let i = Int32(exactly: signed) { return .int32(i) }
            return .int64(signed)
        }
        // Decimal integer.
        if let v = Int64(String(text)) {
            let (m, o) = v.multipliedReportingOverflow(by: scan.multiplier)
            if !o {
                let s = negative ? -m : m
                if scan.decimal { return .decimal(String(s)) }
                if scan.long { return .int64(s) }
                if let i = Int32(exactly: s) { return .int32(i) }
                return .int64(s)
            }
        }
        if scan.decimal {
            guard fitsDecimal(text) else { return nil }
            return .decimal(canonicalDecimal(String(text), negative: negative, multiplier: scan.multiplier))
        }
        if scan.long { return nil }
        guard var d = Double(String(text)) else { return nil }
        d *= Double(scan.multiplier)
        return .double(negative ? -d : d)
    }

    /// Decimal.TryParse succeeds: the magnitude is at most Decimal.MaxValue (about 7.9e28).
    static func fitsDecimal(_ text: Substring) -> Bool {
        guard let d = Double(String(text)) else { return false }
        return d.isFinite && d <= 79_228_162_514_264_337_593_543_950_335.0
    }

    /// The text of a decimal literal: sign, digits and point, with the multiplier applied to integers.
    static func canonicalDecimal(_ text: String, negative: Bool, multiplier: Int64) -> String {
        var t = text
        if multiplier != 1 {
            if let v = Int64(t), case let (m, false) = v.multipliedReportingOverflow(by: multiplier) {
                t = String(m)
            } else if let d = Double(t) {
                t = String(d * Double(multiplier))
            }
        }
        return negative ? "-" + t : t
    }
}
