import CmdletParser
import RegularExpressions
import Synchronization

/// PowerShell's regular-expression operators (`-match`, `-replace`, `-split`, `switch -regex`) over
/// the .NET-compatible engine, with PowerShell's pattern cache and error records.
package enum RegexOperators {
    private struct CacheKey: Hashable {
        let pattern: String
        let options: Int
    }

    private static let cache = Mutex<[CacheKey: RegularExpression]>([:])
    private static let cacheLimit = 1000

    /// A compiled pattern from the cache; parse failures escape as .NET's `ArgumentException`.
    package static func regex(_ pattern: String, _ options: RegexOptions, engine: Engine,
                              extent: SourceExtent = .empty) throws -> RegularExpression {
        let key = CacheKey(pattern: pattern, options: options.rawValue)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        do {
            let compiled = try RegularExpression(pattern, options: options)
            cache.withLock {
                if $0.count > cacheLimit { $0.removeAll() }
                $0[key] = compiled
            }
            return compiled
        } catch {
            throw dotNetError(error, engine: engine, extent: extent)
        }
    }

    /// A .NET exception escaping an operator: `OperationStopped`, id = the exception's type name.
    package static func dotNetError(_ error: RegexError, engine: Engine, extent: SourceExtent = .empty) -> RuntimeError {
        RuntimeError(record: engine.runtimeErrorRecord(message: error.message, errorId: error.exceptionTypeName,
            category: .OperationStopped, extent: extent, exceptionType: error.exceptionTypeName))
    }

    /// Runs a match, turning Ctrl-C into a stopped pipeline.
    package static func run<T>(_ engine: Engine, extent: SourceExtent = .empty,
                               _ body: (@escaping RegularExpression.Cancellation) throws(RegexError) -> T) throws -> T {
        do {
            return try body({ engine.interruptRequested() })
        } catch let error where error.kind == .matchTimeout {
            throw EvalError.stopped
        } catch {
            throw dotNetError(error, engine: engine, extent: extent)
        }
    }

    // MARK: -match

    /// `$Matches` for a successful match: every successful group, numbered groups under int keys.
    package static func matchesTable(_ m: RegexMatch, _ regex: RegularExpression) -> PSHashtable {
        let table = PSHashtable()
        for (name, number) in zip(regex.groupNames(), regex.groupNumbers()) {
            guard let value = m.groupValue(number: number) else { continue }
            let key: PSValue = Int32(name).map { .int32($0) } ?? .string(name)
            table[key] = .string(value)
        }
        return table
    }

    /// The first match of `pattern` in `input`, as `$Matches` would hold it; nil when none.
    package static func firstMatch(_ input: String, _ pattern: String, caseSensitive: Bool,
                                   engine: Engine) throws -> PSHashtable? {
        let r = try regex(pattern, caseSensitive ? [] : .ignoreCase, engine: engine)
        let m = try run(engine) { (c) throws(RegexError) in try r.match(in: input, cancellation: c) }
        return m.success ? matchesTable(m, r) : nil
    }

    static func match(_ left: PSValue, _ right: PSValue, negated: Bool, caseSensitive: Bool,
                      engine: Engine, extent: SourceExtent = .empty) throws -> PSValue {
        let r = try RegexTypes.regex(from: right) ?? regex(LanguagePrimitives.toString(right),
                                                               caseSensitive ? [] : .ignoreCase, engine: engine, extent: extent)
        if case .array(let a) = left {
            var results: [PSValue] = []
            for item in a.items {
                let text = item.isNull ? "" : LanguagePrimitives.toString(item)
                let ok = try run(engine, extent: extent) { (c) throws(RegexError) in try r.match(in: text, cancellation: c).success }
                if ok != negated { results.append(item) }
            }
            return .array(PSArray(results))
        }
        let text = left.isNull ? "" : LanguagePrimitives.toString(left)
        let m = try run(engine, extent: extent) { (c) throws(RegexError) in try r.match(in: text, cancellation: c) }
        if m.success { engine.sessionState.setLocal("Matches", .hashtable(matchesTable(m, r))) }
        return .bool(m.success != negated)
    }

    // MARK: -replace

    static func replace(_ left: PSValue, _ right: PSValue, caseSensitive: Bool, engine: Engine,
                        extent: SourceExtent) throws -> PSValue {
        var pattern: PSValue = .string("")
        var substitute = ""
        if case .array(let list) = right {
            if list.items.count > 2 {
                throw RuntimeError(record: engine.runtimeErrorRecord(
                    message: "The -\(caseSensitive ? "creplace" : "replace") operator allows only two elements to follow it, not \(list.items.count).",
                    errorId: "BadReplaceArgument", category: .InvalidOperation, extent: extent, target: right))
            }
            if let first = list.items.first { pattern = first }
            if list.items.count > 1 { substitute = LanguagePrimitives.toString(list.items[1]) }
        } else {
            pattern = right
        }
        let r: RegularExpression
        if let given = RegexTypes.regex(from: pattern) {
            r = given
        } else {
            let text = LanguagePrimitives.toString(pattern)
            do {
                r = try RegularExpression(text, options: caseSensitive ? [] : .ignoreCase)
            } catch {
                throw RuntimeError(record: engine.runtimeErrorRecord(
                    message: "The regular expression pattern \(text) is not valid.",
                    errorId: "InvalidRegularExpression", category: .InvalidOperation, extent: extent, target: pattern))
            }
        }
        let replacement = try run(engine, extent: extent) { (_) throws(RegexError) in try RegexReplacement(substitute, regex: r) }
        func one(_ value: PSValue) throws -> PSValue {
            let text = LanguagePrimitives.toString(value)
            return .string(try run(engine, extent: extent) { (c) throws(RegexError) in
                try r.replace(text, with: replacement, cancellation: c)
            })
        }
        if case .array(let a) = left { return .array(PSArray(try a.items.map(one))) }
        return try one(left)
    }
}
