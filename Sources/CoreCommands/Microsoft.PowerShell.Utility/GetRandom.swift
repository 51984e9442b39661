import ShellEngine

/// System.Random(seed) of .NET Framework (Knuth's subtractive generator), so that -SetSeed gives
/// the numbers Windows gives for the same seed.
struct DotNetRandom {
    private var seeds = [Int32](repeating: 0, count: 56)
    private var next = 0
    private var nextP = 21

    init(seed: Int32) {
        let big = Int32.max
        let subtraction = seed == Int32.min ? Int32.max : abs(seed)
        var mj = 161_803_398 - subtraction
        seeds[55] = mj
        var mk: Int32 = 1
        for i in 1..<55 {
            let ii = (21 * i) % 55
            seeds[ii] = mk
            mk = mj &- mk
            if mk < 0 { mk = mk &+ big }
            mj = seeds[ii]
        }
        for _ in 1..<5 {
            for i in 1..<56 {
                seeds[i] = seeds[i] &- seeds[1 + (i + 30) % 55]
                if seeds[i] < 0 { seeds[i] = seeds[i] &+ big }
            }
        }
    }

    mutating func nextDouble() -> Double {
        next = next + 1 >= 56 ? 1 : next + 1
        nextP = nextP + 1 >= 56 ? 1 : nextP + 1
        var value = seeds[next] &- seeds[nextP]
        if value == Int32.max { value -= 1 }
        if value < 0 { value = value &+ Int32.max }
        seeds[next] = value
        return Double(value) * (1.0 / Double(Int32.max))
    }
}

/// The session's generator: seeded by -SetSeed for this and the later Get-Random commands.
final class RandomGeneratorService: EngineService {
    var seeded: DotNetRandom?

    func nextDouble() -> Double {
        if seeded != nil { return seeded!.nextDouble() }
        return Double.random(in: 0..<1)
    }

    func shutdown() {}
}

/// Get-Random: an Int32, Int64 or Double between -Minimum and -Maximum (by their types, as 5.1
/// picks), or -Count objects of -InputObject in random order.
final class GetRandom: Cmdlet {
    static let minNotBelowMax = "Cannot process argument because the value of the \"Minimum\" parameter is greater than or equal to the value of the \"Maximum\" parameter."
    private var items: [PSValue] = []

    func begin(_ context: CommandContext) throws {
        let service = context.engine.service(RandomGeneratorService.self) { RandomGeneratorService() }
        if let seed = context.value("SetSeed").flatMap({ LanguagePrimitives.toInt64($0) }) {
            service.seeded = DotNetRandom(seed: Int32(truncatingIfNeeded: seed))
        }
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let input { items.append(input); return }
        if let list = context.value("InputObject") { items = list.enumerated ?? [list]; return }
        let generator = context.engine.service(RandomGeneratorService.self) { RandomGeneratorService() }
        let maximum = try number(context, "Maximum"), minimum = try number(context, "Minimum")
        func refuse() -> RuntimeError {
            RuntimeError(record: context.errorRecord(message: Self.minNotBelowMax, errorId: "MinGreaterThanOrEqualMax",
                                                     category: .InvalidArgument, exceptionType: "System.ArgumentException"))
        }
        let isDouble = [maximum, minimum].contains { if case .double? = $0 { return true } else { return false } }
        let isLong = [maximum, minimum].contains { if case .int64? = $0 { return true } else { return false } }
        if isDouble {
            let low = minimum.flatMap(LanguagePrimitives.toDouble) ?? 0
            let high = maximum.flatMap(LanguagePrimitives.toDouble) ?? Double(Int32.max)
            guard !(low >= high) else { throw refuse() }
            return try context.writeObject(.double(Self.randomDouble(low, high, generator)))
        }
        let low = minimum.flatMap(LanguagePrimitives.toInt64) ?? 0
        let high = maximum.flatMap(LanguagePrimitives.toInt64) ?? Int64(Int32.max)
        guard low < high else { throw refuse() }
        // The span of two Int64 values always fits an unsigned 64-bit number.
        let range = UInt64(bitPattern: high &- low)
        let value: Int64
        if range <= UInt64(Int32.max) {
            value = low &+ Int64(min(Double(range) - 1, generator.nextDouble() * Double(range)))
        } else {
            value = low &+ Int64(bitPattern: UInt64.random(in: 0..<range))
        }
        try context.writeObject(isLong ? .int64(value) : .int32(Int32(truncatingIfNeeded: value)))
    }

    /// .NET's draw between two doubles: a NaN bound gives NaN. An infinite maximum is drawn below
    /// Double.MaxValue, where .NET would draw infinity and retry for ever.
    static func randomDouble(_ low: Double, _ high: Double, _ generator: RandomGeneratorService) -> Double {
        let top = high == .infinity ? Double.greatestFiniteMagnitude : high
        var diff = top - low
        var value: Double
        if diff.isInfinite {
            repeat {
                let r = generator.nextDouble()
                value = low + r * top - r * low
            } while value >= top
        } else {
            repeat {
                let r = generator.nextDouble()
                value = low + r * diff
                diff *= r
            } while value >= top
        }
        return value
    }

    /// -Maximum/-Minimum as the number type they were given in (strings are read as numbers).
    private func number(_ context: CommandContext, _ name: String) throws -> PSValue? {
        guard let value = context.value(name), !value.isNull else { return nil }
        switch value {
        case .int32, .int64, .double: return value
        case .byte, .uint32: return .int64(LanguagePrimitives.toInt64(value) ?? 0)
        case .uint64, .decimal: return .double(LanguagePrimitives.toDouble(value) ?? 0)
        case .string(let text):
            if let scaled = Self.withMultiplier(text) { return scaled }
            fallthrough
        default:
            guard let d = LanguagePrimitives.toDouble(value) else {
                throw RuntimeError(record: context.errorRecord(
                    message: "Cannot convert value \"\(LanguagePrimitives.toString(value))\" to type \"System.Double\". Error: \"Input string was not in a correct format.\"",
                    errorId: "System.Management.Automation.PSInvalidCastException", category: .NotSpecified,
                    exceptionType: "System.Management.Automation.PSInvalidCastException"))
            }
            if let i = Int32(exactly: d) { return .int32(i) }
            if let l = Int64(exactly: d) { return .int64(l) }
            return .double(d)
        }
    }

    /// A number written with a KB, MB, GB, TB or PB multiplier, as the parser reads `1mb`.
    static func withMultiplier(_ text: String) -> PSValue? {
        let t = text.trimmedWhitespace.lowercased()
        let shifts: [(String, Int64)] = [("kb", 10), ("mb", 20), ("gb", 30), ("tb", 40), ("pb", 50)]
        guard let (suffix, shift) = shifts.first(where: { t.hasSuffix($0.0) }) else { return nil }
        guard let base = Int64(t.dropLast(suffix.count)) else { return nil }
        let (product, overflow) = base.multipliedReportingOverflow(by: Int64(1) << shift)
        if overflow { return nil }
        if let small = Int32(exactly: product) { return .int32(small) }
        return .int64(product)
    }

    func end(_ context: CommandContext) throws {
        guard !items.isEmpty else { return }
        let generator = context.engine.service(RandomGeneratorService.self) { RandomGeneratorService() }
        let count = context.value("Count").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(clamping: $0) } ?? 1
        // A partial Fisher-Yates shuffle driven by the session's generator.
        var pool = items
        var chosen: [PSValue] = []
        while chosen.count < max(0, count) && !pool.isEmpty {
            let index = min(pool.count - 1, Int(generator.nextDouble() * Double(pool.count)))
            chosen.append(pool.remove(at: index))
        }
        for item in chosen { try context.writeObject(item) }
    }
}
