import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// System.Math: checked integer overloads, banker's rounding by default, .NET's argument checks.
enum MathTypes {
    static func all() -> [DotNetType] { [math] }

    static let arithmeticOverflow = "Arithmetic operation resulted in an overflow."

    /// Math.Round(double, digits, mode) as .NET Framework computes it.
    static func round(_ value: Double, _ digits: Int, awayFromZero: Bool) -> Double {
        guard abs(value) < 1e16 else { return value }
        let power = pow(10.0, Double(digits))
        let scaled = value * power
        let rounded = awayFromZero ? scaled.rounded(.toNearestOrAwayFromZero) : scaled.rounded(.toNearestOrEven)
        return rounded / power
    }

    static func mode(_ c: DotNetCall, _ i: Int) throws -> Bool {
        let mode = c.enumValue(i)
        guard mode == 0 || mode == 1 else {
            throw DotNetException.argument("The value '\(mode)' is not valid for this usage of the type MidpointRounding.", "mode")
        }
        return mode == 1
    }

    static func digits(_ c: DotNetCall, _ i: Int) throws -> Int {
        let d = c.int64(i)
        guard d >= 0 && d <= 15 else { throw DotNetException.outOfRange("digits", FrameworkText.digitsRange) }
        return Int(d)
    }

    static func decimalRound(_ c: DotNetCall, decimals: Int64, awayFromZero: Bool) throws -> PSValue {
        guard decimals >= 0 && decimals <= 28 else {
            throw DotNetException.outOfRange("decimals", "Decimal can only round to between 0 and 28 digits of precision.")
        }
        return .decimal(DecimalRounding.round(LanguagePrimitives.toDecimal(c.value(0)), scale: Int(decimals),
                                              awayFromZero ? .awayFromZero : .toEven))
    }

    static let math = DotNetType("System.Math", aliases: [], kind: .staticClass) { t in
        t.staticProperty("PI", "double") { _ in .double(Double.pi) }
        t.staticProperty("E", "double") { _ in .double(M_E) }
        t.staticMethod("Abs", "int", "int value") { c in
            let v = c.int64(0)
            guard v != Int64(Int32.min) else { throw DotNetException.overflow(FrameworkText.negateTwosComplement) }
            return .int32(Int32(abs(v)))
        }
        t.staticMethod("Abs", "long", "long value") { c in
            let v = c.int64(0)
            guard v != Int64.min else { throw DotNetException.overflow(FrameworkText.negateTwosComplement) }
            return .int64(abs(v))
        }
        t.staticMethod("Abs", "double", "double value") { c in .double(abs(c.double(0))) }
        t.staticMethod("Abs", "decimal", "decimal value") { c in
            let d = LanguagePrimitives.toDecimal(c.value(0))
            return .decimal(d < 0 ? -d : d)
        }
        for (name, wantMax) in [("Max", true), ("Min", false)] {
            let pick: @Sendable (DotNetCall) -> PSValue = { c in
                let order = Operators.ordering(c.value(0), c.value(1), caseSensitive: true) ?? 0
                if case .double(let a) = c.value(0), a.isNaN { return c.value(0) }
                if case .double(let b) = c.value(1), b.isNaN { return c.value(1) }
                return (order >= 0) == wantMax ? c.value(0) : c.value(1)
            }
            for type in ["int", "long", "uint", "ulong", "double", "decimal", "byte"] {
                t.staticMethod(name, type, "\(type) val1, \(type) val2") { c in pick(c) }
            }
        }
        t.staticMethod("Round", "double", "double a") { c in .double(c.double(0).rounded(.toNearestOrEven)) }
        t.staticMethod("Round", "double", "double value, int digits") { c in
            .double(round(c.double(0), try digits(c, 1), awayFromZero: false))
        }
        t.staticMethod("Round", "double", "double value, System.MidpointRounding mode") { c in
            .double(round(c.double(0), 0, awayFromZero: try mode(c, 1)))
        }
        t.staticMethod("Round", "double", "double value, int digits, System.MidpointRounding mode") { c in
            .double(round(c.double(0), try digits(c, 1), awayFromZero: try mode(c, 2)))
        }
        t.staticMethod("Round", "decimal", "decimal d") { c in try decimalRound(c, decimals: 0, awayFromZero: false) }
        t.staticMethod("Round", "decimal", "decimal d, int decimals") { c in
            try decimalRound(c, decimals: c.int64(1), awayFromZero: false)
        }
        t.staticMethod("Floor", "double", "double d") { c in .double(c.double(0).rounded(.down)) }
        t.staticMethod("Floor", "decimal", "decimal d") { c in
            .decimal(DecimalRounding.round(LanguagePrimitives.toDecimal(c.value(0)), scale: 0, .down))
        }
        t.staticMethod("Ceiling", "double", "double a") { c in .double(c.double(0).rounded(.up)) }
        t.staticMethod("Ceiling", "decimal", "decimal d") { c in
            .decimal(DecimalRounding.round(LanguagePrimitives.toDecimal(c.value(0)), scale: 0, .up))
        }
        t.staticMethod("Truncate", "double", "double d") { c in .double(c.double(0).rounded(.towardZero)) }
        t.staticMethod("Truncate", "decimal", "decimal d") { c in
            .decimal(DecimalRounding.round(LanguagePrimitives.toDecimal(c.value(0)), scale: 0, .towardZero))
        }
        let unary: [(String, @Sendable (Double) -> Double)] = [
            ("Sqrt", { $0.squareRoot() }), ("Log10", { log10($0) }), ("Exp", { exp($0) }), ("Sin", { sin($0) }),
            ("Cos", { cos($0) }), ("Tan", { tan($0) }), ("Asin", { asin($0) }), ("Acos", { acos($0) }), ("Atan", { atan($0) }),
            ("Sinh", { sinh($0) }), ("Cosh", { cosh($0) }), ("Tanh", { tanh($0) }),
        ]
        for (name, f) in unary { t.staticMethod(name, "double", "double d") { c in .double(f(c.double(0))) } }
        t.staticMethod("Log", "double", "double d") { c in .double(log(c.double(0))) }
        t.staticMethod("Log", "double", "double a, double newBase") { c in
            let a = c.double(0), b = c.double(1)
            if a.isNaN { return .double(a) }
            if b.isNaN { return .double(b) }
            if b == 1 || (a != 1 && (b == 0 || b.isInfinite)) { return .double(.nan) }
            return .double(log(a) / log(b))
        }
        t.staticMethod("Pow", "double", "double x, double y") { c in .double(pow(c.double(0), c.double(1))) }
        t.staticMethod("Atan2", "double", "double y, double x") { c in .double(atan2(c.double(0), c.double(1))) }
        t.staticMethod("IEEERemainder", "double", "double x, double y") { c in .double(remainder(c.double(0), c.double(1))) }
        t.staticMethod("Sign", "int", "int value") { c in .int32(Int32(c.int64(0).signum())) }
        t.staticMethod("Sign", "int", "long value") { c in .int32(Int32(c.int64(0).signum())) }
        t.staticMethod("Sign", "int", "double value") { c in
            let d = c.double(0)
            guard !d.isNaN else {
                throw DotNetException("System.ArithmeticException", "Function does not accept floating point Not-a-Number values.")
            }
            return .int32(d > 0 ? 1 : d < 0 ? -1 : 0)
        }
        t.staticMethod("Sign", "int", "decimal value") { c in
            let d = LanguagePrimitives.toDecimal(c.value(0))
            return .int32(d > 0 ? 1 : d < 0 ? -1 : 0)
        }
        t.staticMethod("BigMul", "long", "int a, int b") { c in .int64(c.int64(0) * c.int64(1)) }
        t.staticMethod("DivRem", "int", "int a, int b, System.Management.Automation.PSReference result") { c in
            let a = Int32(truncatingIfNeeded: c.int64(0)), b = Int32(truncatingIfNeeded: c.int64(1))
            guard b != 0 else { throw DotNetException.divideByZero }
            guard !(a == Int32.min && b == -1) else { throw DotNetException.overflow(arithmeticOverflow) }
            try c.setReference(2, .int32(a % b))
            return .int32(a / b)
        }
        t.staticMethod("DivRem", "long", "long a, long b, System.Management.Automation.PSReference result") { c in
            let a = c.int64(0), b = c.int64(1)
            guard b != 0 else { throw DotNetException.divideByZero }
            guard !(a == Int64.min && b == -1) else { throw DotNetException.overflow(arithmeticOverflow) }
            try c.setReference(2, .int64(a % b))
            return .int64(a / b)
        }
    }
}

/// Decimal rounding on the decimal digits (no binary floating point in between).
enum DecimalRounding {
    enum Mode { case toEven, awayFromZero, down, up, towardZero }

    static func round(_ value: Decimal, scale: Int, _ mode: Mode) -> Decimal {
        var text = value.description
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        let integer = String(parts.first ?? "0")
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard fraction.count > scale else { return value }
        let kept = String(fraction.prefix(scale)), dropped = Array(fraction.dropFirst(scale))
        let first = dropped.first?.wholeNumberValue ?? 0
        let restNonZero = dropped.dropFirst().contains { $0 != "0" }
        let anyDropped = first != 0 || restNonZero
        var digits = Array(integer + kept)
        let lastDigit = digits.last?.wholeNumberValue ?? 0
        let increment: Bool
        switch mode {
        case .toEven: increment = first > 5 || (first == 5 && (restNonZero || lastDigit % 2 == 1))
        case .awayFromZero: increment = first >= 5
        case .towardZero: increment = false
        case .down: increment = negative && anyDropped
        case .up: increment = !negative && anyDropped
        }
        if increment {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == "9" { digits[i] = "0"; i -= 1 } else {
                    digits[i] = Character(String((digits[i].wholeNumberValue ?? 0) + 1))
                    break
                }
            }
            if i < 0 { digits.insert("1", at: 0) }
        }
        let integerCount = digits.count - kept.count
        var result = String(digits[..<integerCount])
        if scale > 0 { result += "." + String(digits[integerCount...]) }
        return Decimal(string: (negative ? "-" : "") + result) ?? value
    }
}
