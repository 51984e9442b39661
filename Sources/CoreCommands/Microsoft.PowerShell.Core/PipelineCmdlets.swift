import CmdletParser
import ShellEngine

final class ForEachObject: Cmdlet {
    func begin(_ context: CommandContext) throws {
        if case .scriptBlock(let b)? = context.value("Begin") {
            _ = try context.engine.invokeScriptBlockInCurrentScope(b, dollarUnder: .null, output: context.output)
        }
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input else { return }
        if let member = context.string("MemberName") {
            let args = context.value("ArgumentList")?.enumerated ?? []
            let engine = context.engine
            let value = try engine.getMember(input, member, isStatic: false, extent: context.invocation.extent ?? .empty)
            if case .null = value {
                try context.writeEnumerated(try engine.invokeMethod(input, member, args, isStatic: false,
                                                                    extent: context.invocation.extent ?? .empty))
            } else {
                try context.writeEnumerated(value)
            }
            return
        }
        for block in context.value("Process")?.enumerated ?? [] {
            guard case .scriptBlock(let b) = block else { continue }
            _ = try context.engine.invokeScriptBlockInCurrentScope(b, dollarUnder: input, output: context.output)
        }
    }

    func end(_ context: CommandContext) throws {
        if case .scriptBlock(let b)? = context.value("End") {
            _ = try context.engine.invokeScriptBlockInCurrentScope(b, dollarUnder: .null, output: context.output)
        }
    }
}

final class WhereObject: Cmdlet {
    static let operators = ["EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch", "Contains",
                            "NotContains", "In", "NotIn", "CEQ", "CNE", "CLike", "CMatch", "Is", "IsNot"]

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input else { return }
        let engine = context.engine
        if case .scriptBlock(let b)? = context.value("FilterScript") {
            if LanguagePrimitives.isTrue(try engine.invokeScriptBlockInCurrentScope(b, dollarUnder: input)) {
                try context.writeObject(input)
            }
            return
        }
        guard let property = context.string("Property") else { return }
        let value = try engine.getMember(input, property, isStatic: false, extent: .empty)
        let op = Self.operators.first { context.switchValue($0) }
        guard let op, let right = context.value("Value") else {
            if LanguagePrimitives.isTrue(value) { try context.writeObject(input) }
            return
        }
        let token: TokenKindName = TokenKindName(op)
        if LanguagePrimitives.isTrue(try Operators.binary(token.kind, value, right, engine: engine, extent: .empty)) {
            try context.writeObject(input)
        }
    }
}


/// Where-Object's operator switches mapped to the language's operators.
struct TokenKindName {
    let kind: TokenKind
    init(_ name: String) {
        switch name.lowercased() {
        case "eq": kind = .ieq
        case "ne": kind = .ine
        case "gt": kind = .igt
        case "ge": kind = .ige
        case "lt": kind = .ilt
        case "le": kind = .ile
        case "like": kind = .ilike
        case "notlike": kind = .inotlike
        case "match": kind = .imatch
        case "notmatch": kind = .inotmatch
        case "contains": kind = .icontains
        case "notcontains": kind = .inotcontains
        case "in": kind = .iin
        case "notin": kind = .inotin
        case "ceq": kind = .ceq
        case "cne": kind = .cne
        case "clike": kind = .clike
        case "cmatch": kind = .cmatch
        case "is": kind = .is
        default: kind = .isNot
        }
    }
}
