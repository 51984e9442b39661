import CmdletParser
import RegularExpressions

/// `-split`: by pattern (with PowerShell's options and limits) or by a script-block predicate.
extension RegexOperators {
    /// `System.Management.Automation.SplitOptions`.
    static let splitOptionNames: [(String, Int)] = [
        ("SimpleMatch", 1), ("RegexMatch", 2), ("CultureInvariant", 4), ("IgnorePatternWhitespace", 8),
        ("Multiline", 16), ("Singleline", 32), ("IgnoreCase", 64), ("ExplicitCapture", 128),
    ]

    /// Unary `-split`: each item trimmed, then split on runs of whitespace.
    package static func unarySplit(_ operand: PSValue, engine: Engine, extent: SourceExtent) throws -> PSValue {
        let items = (operand.enumerated ?? [operand]).map { LanguagePrimitives.toString($0).trimmedWhitespace }
        let r = try regex("\\s+", [], engine: engine)
        var results: [PSValue] = []
        for text in items {
            let pieces = try run(engine, extent: extent) { (c) throws(RegexError) in try r.split(text, cancellation: c) }
            results += pieces.map { .string($0) }
        }
        return .array(PSArray(results))
    }

    static func split(_ left: PSValue, _ right: PSValue, caseSensitive: Bool, engine: Engine,
                      extent: SourceExtent) throws -> PSValue {
        let args = right.enumerated ?? [right]
        guard let first = args.first else {
            throw RuntimeError(record: engine.runtimeErrorRecord(
                message: "The argument to operator '-split' is not valid: \(LanguagePrimitives.toString(right)).",
                errorId: "BadOperatorArgument", category: .InvalidOperation, extent: extent, target: right))
        }
        let content = (left.enumerated ?? [left]).map { LanguagePrimitives.toString($0) }
        var limit = 0
        if args.count >= 2 { limit = Int(clamping: LanguagePrimitives.toInt64(args[1]) ?? 0) }
        var options = 0
        var predicate: ScriptBlock?
        if case .scriptBlock(let block) = first { predicate = block }
        if args.count >= 3, !args[2].isNull, !isEmptyString(args[2]) {
            options = try splitOptions(args[2], engine: engine, extent: extent)
            if predicate != nil {
                throw parseError(extent, "Options are not allowed on the -split operator with a predicate.",
                                 "InvalidSplitOptionWithPredicate", engine)
            }
        }
        if !caseSensitive { options |= 64 }
        if let predicate {
            return .array(PSArray(try splitWithPredicate(content, predicate, limit, engine).map { .string($0) }))
        }
        if options & 3 == 0 { options |= 2 }
        var pattern = LanguagePrimitives.toString(first)
        if options & 1 != 0 {
            if options & ~(1 | 64) != 0 {
                throw parseError(extent, "The combination of options with the -split operator is not valid.",
                                 "InvalidSplitOptionCombination", engine)
            }
            pattern = RegularExpression.escape(pattern)
        }
        var regexOptions: RegexOptions = []
        if options & 4 != 0 { regexOptions.insert(.cultureInvariant) }
        if options & 8 != 0 { regexOptions.insert(.ignorePatternWhitespace) }
        if options & 16 != 0 { regexOptions.insert(.multiline) }
        if options & 32 != 0 { regexOptions.insert(.singleline) }
        if options & 64 != 0 { regexOptions.insert(.ignoreCase) }
        if options & 128 != 0 { regexOptions.insert(.explicitCapture) }
        if limit < 0 {
            regexOptions.insert(.rightToLeft)
            limit = limit == Int.min ? Int.max : -limit
        }
        let r = try regex(pattern, regexOptions, engine: engine, extent: extent)
        var results: [PSValue] = []
        for text in content {
            let count = limit
            results += try run(engine, extent: extent) { (c) throws(RegexError) in try r.split(text, count: count, cancellation: c) }
                .map { .string($0) }
        }
        return .array(PSArray(results))
    }

    private static func isEmptyString(_ value: PSValue) -> Bool {
        if case .string(let s) = value { return s.isEmpty }
        return false
    }

    private static func parseError(_ extent: SourceExtent, _ message: String, _ id: String, _ engine: Engine) -> RuntimeError {
        RuntimeError(record: engine.runtimeErrorRecord(message: message, errorId: id, category: .ParserError,
            extent: extent, exceptionType: "System.Management.Automation.ParseException"))
    }

    /// Converts the third `-split` argument to `SplitOptions` flags.
    private static func splitOptions(_ value: PSValue, engine: Engine, extent: SourceExtent) throws -> Int {
        if case .string = value {} else if let n = LanguagePrimitives.toInt64(value) { return Int(truncatingIfNeeded: n) }
        var flags = 0
        for part in LanguagePrimitives.toString(value).split(separator: ",") {
            let name = String(part).trimmedWhitespace
            guard let option = splitOptionNames.first(where: { $0.0.caseInsensitiveEquals(name) }) else {
                let names = splitOptionNames.map(\.0).joined(separator: ", ")
                throw RuntimeError(record: engine.runtimeErrorRecord(
                    message: "Cannot convert value \"\(LanguagePrimitives.toString(value))\" to type \"System.Management.Automation.SplitOptions\". Error: \"Unable to match the identifier name \(name) to a valid enumerator name. Specify one of the following enumerator names and try again:\r\n\(names)\"",
                    errorId: "InvalidCastFromStringToEnum", category: .InvalidArgument, extent: extent))
            }
            flags |= option.1
        }
        return flags
    }

    /// Splits each item wherever the predicate is true for a character (`$_` is the character,
    /// the arguments are the item and the index).
    private static func splitWithPredicate(_ content: [String], _ predicate: ScriptBlock, _ limit: Int,
                                           _ engine: Engine) throws -> [String] {
        if limit == 1 { return content }
        var results: [String] = []
        for item in content {
            let units = Array(item.utf16)
            var pieces: [[UInt16]] = []
            var cursor = 0
            var delimiters: [Int] = []
            while cursor < units.count {
                let ch = String(decoding: [units[cursor]], as: UTF16.self)
                let saved = engine.sessionState.current.variables["_"]
                engine.sessionState.setLocal("_", .string(ch))
                defer { engine.sessionState.current.variables["_"] = saved }
                let verdict = try engine.invokeScriptBlock(predicate, arguments: [.string(item), .int32(Int32(clamping: cursor))])
                if LanguagePrimitives.isTrue(verdict) { delimiters.append(cursor) }
                cursor += 1
            }
            // Positive limits keep the first pieces; negative ones the last.
            var used = delimiters
            if limit > 0 && used.count > limit - 1 { used = Array(used.prefix(limit - 1)) }
            if limit < 0 && used.count > -limit - 1 { used = Array(used.suffix(-limit - 1)) }
            var start = 0
            for d in used {
                pieces.append(Array(units[start..<d]))
                start = d + 1
            }
            pieces.append(Array(units[start...]))
            results += pieces.map { String(decoding: $0, as: UTF16.self) }
        }
        return results
    }
}
