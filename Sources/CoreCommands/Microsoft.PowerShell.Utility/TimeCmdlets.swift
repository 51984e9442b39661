import ShellEngine

/// System.TimeSpan values of the type library, built from ticks.
enum TimeSpanValue {
    static let typeName = "System.TimeSpan"
    static let ticksPerSecond: Int64 = 10_000_000

    static func make(ticks: Int64, _ engine: Engine) throws -> PSValue {
        try engine.types.convert(.int64(ticks), toTypeNamed: typeName, engine: engine) ?? .int64(ticks)
    }

    static func ticks(of date: PSValue, _ engine: Engine) throws -> Int64 {
        LanguagePrimitives.toInt64(try engine.getMember(date, "Ticks", isStatic: false, extent: .empty)) ?? 0
    }
}

/// New-TimeSpan: End - Start (each defaulting to now), or the Days/Hours/Minutes/Seconds given.
final class NewTimeSpan: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        if context.parameterSetName == "Time" || ["Days", "Hours", "Minutes", "Seconds"].contains(where: context.has) {
            let part = { (name: String) in Int64(context.value(name).flatMap { LanguagePrimitives.toInt64($0) } ?? 0) }
            // new TimeSpan(days, hours, minutes, seconds): the total in seconds must stay in range.
            let seconds = (part("Days") * 3600 * 24 + part("Hours") * 3600) + part("Minutes") * 60 + part("Seconds")
            guard seconds <= Int64.max / TimeSpanValue.ticksPerSecond, seconds >= Int64.min / TimeSpanValue.ticksPerSecond else {
                throw RuntimeError(record: context.errorRecord(message: "TimeSpan overflowed because the duration is too long.",
                    errorId: "System.ArgumentOutOfRangeException", category: .NotSpecified,
                    exceptionType: "System.ArgumentOutOfRangeException"))
            }
            return try context.writeObject(try TimeSpanValue.make(ticks: seconds * TimeSpanValue.ticksPerSecond, engine))
        }
        let dateType = PSTypeInfo(fullName: "System.DateTime")
        let now = try engine.staticMember(dateType, "Now") ?? .null
        let start = try date(context.value("Start"), "Start", context) ?? now
        let end = try date(context.value("End"), "End", context) ?? now
        let (difference, overflow) = try TimeSpanValue.ticks(of: end, engine).subtractingReportingOverflow(TimeSpanValue.ticks(of: start, engine))
        try context.writeObject(try TimeSpanValue.make(ticks: overflow ? Int64.max : difference, engine))
    }

    private func date(_ value: PSValue?, _ name: String, _ context: CommandContext) throws -> PSValue? {
        guard let value, !value.isNull else { return nil }
        let engine = context.engine
        do {
            return try engine.types.convert(value, toTypeNamed: "System.DateTime", engine: engine)
        } catch {
            throw RuntimeError(record: context.errorRecord(message: "Cannot bind parameter '\(name)'. " + error.message,
                errorId: "CannotConvertArgumentNoMessage", category: .InvalidArgument,
                exceptionType: "System.Management.Automation.ParameterBindingException", target: value))
        }
    }
}

/// Measure-Command: runs the script block (once per input object, with it as `$_`), discards
/// its output and returns the time it took.
final class MeasureCommand: Cmdlet {
    private var elapsed: Duration = .zero
    private var ran = false

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard case .scriptBlock(let block)? = context.value("Expression") else { return }
        let dollarUnder = input ?? context.value("InputObject") ?? .null
        let clock = ContinuousClock()
        let start = clock.now
        defer { elapsed += clock.now - start }
        ran = true
        _ = try context.engine.invokeScriptBlockInCurrentScope(block, dollarUnder: dollarUnder, output: { _ in })
    }

    func end(_ context: CommandContext) throws {
        let parts = elapsed.components
        let ticks = parts.seconds.multipliedReportingOverflow(by: TimeSpanValue.ticksPerSecond).partialValue
            &+ parts.attoseconds / 100_000_000_000
        try context.writeObject(try TimeSpanValue.make(ticks: ran ? ticks : 0, context.engine))
    }
}
