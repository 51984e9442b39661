import RegularExpressions

/// `System.Text.RegularExpressions`: `[regex]` with its constructors, statics and instance members,
/// `RegexOptions`, and the `Match`/`Group`/`Capture` objects. Self-contained so it can move into
/// the type library as one unit.
package enum RegexTypes {
    static let regexType = "System.Text.RegularExpressions.Regex"
    static let optionsType = "System.Text.RegularExpressions.RegexOptions"

    /// The compiled pattern a value carries, if it is a `[regex]`.
    package static func regex(from value: PSValue) -> RegularExpression? {
        if case .object(let o) = value, let r = o as? RegexObject { return r.regex }
        return nil
    }

    /// A `System.Text.RegularExpressions.Match` object for a match (Select-String's `Matches`).
    package static func matchValue(_ m: RegexMatch) -> PSValue { .object(MatchObject(m)) }

    /// `[regex]$value`.
    package static func cast(_ value: PSValue) throws -> PSValue {
        if regex(from: value) != nil { return value }
        let pattern = LanguagePrimitives.toString(value)
        do {
            return .object(RegexObject(try RegularExpression(pattern)))
        } catch {
            throw ConversionFailure("Cannot convert value \"\(pattern)\" to type \"\(regexType)\". Error: \"\(error.message)\"",
                                    errorId: "InvalidCastConstructorException")
        }
    }

    /// `RegexOptions` from an enum value, a number or a comma-separated list of names.
    static func options(_ value: PSValue) throws -> RegexOptions {
        if case .object(let o) = value, let e = o as? RegexOptionsValue { return e.options }
        if case .string(let s) = value {
            var result: RegexOptions = []
            for part in s.split(separator: ",") {
                let name = String(part).trimmedWhitespace
                guard let option = RegexOptions.names.first(where: { $0.name.caseInsensitiveEquals(name) }) else {
                    let names = RegexOptions.names.map(\.name).joined(separator: ", ")
                    throw ConversionFailure("Cannot convert value \"\(s)\" to type \"\(optionsType)\". Error: \"Unable to match the identifier name \(name) to a valid enumerator name. Specify one of the following enumerator names and try again:\r\n\(names)\"",
                                            errorId: "InvalidCastFromStringToEnum")
                }
                result.formUnion(option.value)
            }
            return result
        }
        return RegexOptions(rawValue: Int(truncatingIfNeeded: LanguagePrimitives.toInt64(value) ?? 0))
    }

    /// `[System.Text.RegularExpressions.RegexOptions]::Name`.
    package static func staticProperty(_ type: PSTypeInfo, _ name: String) -> PSValue? {
        guard type.fullName == optionsType,
              let option = RegexOptions.names.first(where: { $0.name.caseInsensitiveEquals(name) }) else { return nil }
        return .object(RegexOptionsValue(option.value))
    }

    /// Static methods and constructors of `[regex]`; nil for other types or unknown members.
    package static func invokeStatic(_ type: PSTypeInfo, _ name: String, _ args: [PSValue], engine: Engine) throws -> PSValue? {
        guard type.fullName == regexType else { return nil }
        func text(_ i: Int) -> String { i < args.count ? LanguagePrimitives.toString(args[i]) : "" }
        switch name.lowercased() {
        case "escape": return .string(RegularExpression.escape(text(0)))
        case "unescape": return .string(try dotNet { () throws(RegexError) in try RegularExpression.unescape(text(0)) })
        case "new":
            guard !args.isEmpty else { return nil }
            return .object(RegexObject(try compile(text(0), args.count > 1 ? try options(args[1]) : [])))
        case "ismatch", "match", "matches", "replace", "split":
            guard args.count >= 2 else { return nil }
            let optionIndex = name.lowercased() == "replace" ? 3 : 2
            let opts = args.count > optionIndex ? try options(args[optionIndex]) : []
            let object = RegexObject(try compile(text(1), opts))
            var rest = [args[0]]
            if name.lowercased() == "replace" { rest.append(args[2 < args.count ? 2 : 0]) }
            return try object.call(name, rest, engine: engine)
        default: return nil
        }
    }

    static func compile(_ pattern: String, _ options: RegexOptions) throws -> RegularExpression {
        try dotNet { () throws(RegexError) in try RegularExpression(pattern, options: options) }
    }

    /// Runs a regex call, reporting .NET's exception text as a method-call failure.
    static func dotNet<T>(_ body: () throws(RegexError) -> T) throws -> T {
        do { return try body() } catch { throw ConversionFailure(error.message, errorId: error.exceptionTypeName) }
    }
}

/// A `[regex]` instance.
final class RegexObject: PSObject {
    let regex: RegularExpression

    init(_ regex: RegularExpression) {
        self.regex = regex
        super.init(typeNames: [RegexTypes.regexType, "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Options", value: .object(RegexOptionsValue(regex.options)), typeName: RegexTypes.optionsType, isSettable: false),
         PSPropertyInfo(name: "RightToLeft", value: .bool(regex.rightToLeft), typeName: "System.Boolean", isSettable: false)]
    }

    override var methodNames: [String] {
        ["GetGroupNames", "GetGroupNumbers", "GroupNameFromNumber", "GroupNumberFromName", "IsMatch", "Match",
         "Matches", "Replace", "Split"]
    }

    override func toString() -> String { regex.pattern }

    override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        try call(name, arguments, engine: nil)
    }

    func call(_ name: String, _ args: [PSValue], engine: Engine?) throws -> PSValue? {
        func text(_ i: Int) -> String { i < args.count ? LanguagePrimitives.toString(args[i]) : "" }
        func int(_ i: Int) -> Int? { i < args.count ? LanguagePrimitives.toInt64(args[i]).map { Int(clamping: $0) } : nil }
        var cancel: RegularExpression.Cancellation?
        if let engine { cancel = { engine.interruptRequested() } }
        let r = regex
        switch name.lowercased() {
        case "getgroupnames": return .array(PSArray(r.groupNames().map { .string($0) }, elementTypeName: "System.String"))
        case "getgroupnumbers": return .array(PSArray(r.groupNumbers().map { .int32(Int32(clamping: $0)) }, elementTypeName: "System.Int32"))
        case "groupnamefromnumber": return .string(r.groupName(fromNumber: int(0) ?? -1))
        case "groupnumberfromname": return .int32(Int32(clamping: r.groupNumber(fromName: text(0))))
        case "ismatch":
            return .bool(try RegexTypes.dotNet { () throws(RegexError) in try r.isMatch(text(0), startAt: int(1), cancellation: cancel) })
        case "match":
            let m = try RegexTypes.dotNet { () throws(RegexError) in try r.match(in: text(0), startAt: int(1), cancellation: cancel) }
            return .object(MatchObject(m))
        case "matches":
            let all = try RegexTypes.dotNet { () throws(RegexError) in try r.matches(in: text(0), startAt: int(1), cancellation: cancel) }
            return .array(PSArray(all.map { .object(MatchObject($0)) }, elementTypeName: "System.Text.RegularExpressions.Match"))
        case "replace":
            guard args.count >= 2 else { return nil }
            if case .scriptBlock(let block) = args[1], let engine {
                var failure: (any Error)?
                let result = try RegexTypes.dotNet { () throws(RegexError) -> String in
                    do {
                        return try r.replace(text(0), count: int(2) ?? -1, startAt: int(3), cancellation: cancel) { m in
                            LanguagePrimitives.toString(try engine.invokeScriptBlock(block, arguments: [.object(MatchObject(m))]))
                        }
                    } catch let e as RegexError { throw e } catch { failure = error; return "" }
                }
                if let failure { throw failure }
                return .string(result)
            }
            return .string(try RegexTypes.dotNet { () throws(RegexError) in
                try r.replace(text(0), with: text(1), count: int(2) ?? -1, startAt: int(3), cancellation: cancel)
            })
        case "split":
            let pieces = try RegexTypes.dotNet { () throws(RegexError) in
                try r.split(text(0), count: int(1) ?? 0, startAt: int(2), cancellation: cancel)
            }
            return .array(PSArray(pieces.map { .string($0) }, elementTypeName: "System.String"))
        default: return nil
        }
    }
}

/// A `RegexOptions` enum value.
final class RegexOptionsValue: PSObject {
    let options: RegexOptions

    init(_ options: RegexOptions) {
        self.options = options
        super.init(typeNames: [RegexTypes.optionsType, "System.Enum", "System.ValueType", "System.Object"])
    }

    override func toString() -> String {
        if options.isEmpty { return "None" }
        let named = RegexOptions.names.filter { !$0.value.isEmpty && options.contains($0.value) }
        let covered = named.reduce(RegexOptions()) { $0.union($1.value) }
        if covered != options { return String(options.rawValue) }
        return named.map(\.name).joined(separator: ", ")
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "value__", value: .int32(Int32(truncatingIfNeeded: options.rawValue)), typeName: "System.Int32")]
    }
}

/// `Capture`, `Group` and `Match` share one shape: `Match` adds `Groups`.
class CaptureObject: PSObject {
    let index: Int
    let length: Int
    let value: String

    init(_ c: RegexCapture, typeNames: [String] = ["System.Text.RegularExpressions.Capture", "System.Object"]) {
        index = c.index
        length = c.length
        value = c.value
        super.init(typeNames: typeNames)
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Index", value: .int32(Int32(clamping: index)), typeName: "System.Int32", isSettable: false),
         PSPropertyInfo(name: "Length", value: .int32(Int32(clamping: length)), typeName: "System.Int32", isSettable: false),
         PSPropertyInfo(name: "Value", value: .string(value), typeName: "System.String", isSettable: false)]
    }

    override func toString() -> String { value }
}

class GroupObject: CaptureObject {
    let group: RegexGroup

    init(_ g: RegexGroup, typeNames: [String] = ["System.Text.RegularExpressions.Group",
                                                 "System.Text.RegularExpressions.Capture", "System.Object"]) {
        group = g
        super.init(RegexCapture(index: g.index, length: g.length, value: g.value), typeNames: typeNames)
    }

    var captureList: PSValue {
        .array(PSArray(group.captures.map { .object(CaptureObject($0)) }, elementTypeName: "System.Text.RegularExpressions.Capture"))
    }

    override var properties: [PSPropertyInfo] {
        [PSPropertyInfo(name: "Success", value: .bool(group.success), typeName: "System.Boolean", isSettable: false),
         PSPropertyInfo(name: "Name", value: .string(group.name), typeName: "System.String", isSettable: false),
         PSPropertyInfo(name: "Captures", value: captureList, typeName: "System.Text.RegularExpressions.CaptureCollection", isSettable: false)]
            + super.properties
    }
}

final class MatchObject: GroupObject {
    let match: RegexMatch

    init(_ m: RegexMatch) {
        match = m
        super.init(m.groups[0], typeNames: ["System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
                                           "System.Text.RegularExpressions.Capture", "System.Object"])
    }

    override var properties: [PSPropertyInfo] {
        let groups = PSArray(match.groups.map { .object(GroupObject($0)) }, elementTypeName: "System.Text.RegularExpressions.Group")
        return [PSPropertyInfo(name: "Groups", value: .array(groups), typeName: "System.Text.RegularExpressions.GroupCollection", isSettable: false)]
            + super.properties
    }

    override var methodNames: [String] { ["NextMatch", "Result"] }

    override func invokeMethod(_ name: String, _ arguments: [PSValue]) throws -> PSValue? {
        switch name.lowercased() {
        case "nextmatch":
            return .object(MatchObject(try RegexTypes.dotNet { () throws(RegexError) in try match.nextMatch() }))
        case "result":
            let pattern = arguments.first.map { LanguagePrimitives.toString($0) } ?? ""
            return .string(try RegexTypes.dotNet { () throws(RegexError) in try match.result(pattern) })
        default: return nil
        }
    }
}
