/// Which `catch` clause or `trap` handles an exception, by the type library's hierarchy, as
/// PowerShell's ExceptionHandlingOps.FindMatchingHandler chooses: the inner exception is tried
/// first (`1/0` raises a RuntimeException around a DivideByZeroException), then the exception
/// itself when no most specific handler was found; among matching handlers the most specific wins.
extension Engine {
    /// The index of the clause that handles `exception`; each clause lists its type names (none: catch-all).
    package func catchClauseIndex(for exception: PSExceptionObject, clauseTypes: [[String]]) -> Int? {
        var handlerTypes: [String?] = []
        var owners: [Int] = []
        for (clause, names) in clauseTypes.enumerated() {
            if names.isEmpty {
                handlerTypes.append(nil)
                owners.append(clause)
            }
            for name in names {
                handlerTypes.append(types.resolve(name)?.fullName ?? "")
                owners.append(clause)
            }
        }
        // A handler's rank: how many other handlers' types derive from its type (0: most specific).
        var ranks = [Int](repeating: 0, count: handlerTypes.count)
        for i in handlerTypes.indices {
            guard let a = handlerTypes[i] else { ranks[i] = handlerTypes.count - 1; continue }
            for j in handlerTypes.indices where j > i {
                if let b = handlerTypes[j], a != b, types.isAssignable(from: a, to: b) { ranks[j] += 1 }
            }
        }
        func handler(for e: PSExceptionObject) -> Int? {
            if let exact = handlerTypes.firstIndex(where: { $0 == e.typeName }) { return exact }
            if let derived = handlerTypes.firstIndex(where: { t in
                guard let t, !t.isEmpty else { return false }
                return e.typeNames.contains { types.isAssignable(from: $0, to: t) }
            }) { return derived }
            return handlerTypes.firstIndex { $0 == nil }
        }
        var best: (handler: Int, rank: Int)?
        func consider(_ e: PSExceptionObject) {
            guard let h = handler(for: e) else { return }
            if best == nil || ranks[h] < best!.rank || (ranks[h] == best!.rank && handlerTypes[best!.handler] == nil) {
                best = (h, ranks[h])
            }
        }
        if let inner = exception.innerException { consider(inner) }
        if (best?.rank ?? Int.max) > 0 { consider(exception) }
        return best.map { owners[$0.handler] }
    }

    /// `trap [T]`: T or one of its base types, of the exception or its inner exception.
    package func exceptionMatches(_ exception: PSExceptionObject, typeName: String) -> Bool {
        catchClauseIndex(for: exception, clauseTypes: [[typeName]]) != nil
    }
}
