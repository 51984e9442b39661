import ShellEngine

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
