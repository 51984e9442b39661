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
    /// The operator switches of 5.1's Where-Object, each with its token and its `I` alias.
    static let operatorTable: [(name: String, kind: TokenKind, alias: String?)] = [
        ("EQ", .ieq, "IEQ"), ("CEQ", .ceq, nil), ("NE", .ine, "INE"), ("CNE", .cne, nil),
        ("GT", .igt, "IGT"), ("CGT", .cgt, nil), ("LT", .ilt, "ILT"), ("CLT", .clt, nil),
        ("GE", .ige, "IGE"), ("CGE", .cge, nil), ("LE", .ile, "ILE"), ("CLE", .cle, nil),
        ("Like", .ilike, "ILike"), ("CLike", .clike, nil), ("NotLike", .inotlike, "INotLike"), ("CNotLike", .cnotlike, nil),
        ("Match", .imatch, "IMatch"), ("CMatch", .cmatch, nil), ("NotMatch", .inotmatch, "INotMatch"), ("CNotMatch", .cnotmatch, nil),
        ("Contains", .icontains, "IContains"), ("CContains", .ccontains, nil),
        ("NotContains", .inotcontains, "INotContains"), ("CNotContains", .cnotcontains, nil),
        ("In", .iin, "IIn"), ("CIn", .cin, nil), ("NotIn", .inotin, "INotIn"), ("CNotIn", .cnotin, nil),
        ("Is", .is, nil), ("IsNot", .isNot, nil),
    ]
    static let operatorNotSpecified = "An operator is required to compare the two specified values. Include a valid operator in the command, and then try the command again. For example, Get-Process | Where-Object -Property Name -eq Idle"
    static let valueNotSpecified = "The specified operator requires both the -Property and -Value parameters. Provide values for both parameters, and then try the command again."

    static var parameters: [ParameterMetadata] {
        operatorTable.map { ParameterMetadata($0.name, .switchParameter, aliases: $0.alias.map { [$0] } ?? []) }
    }

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
        // A switch given as $false selects no operator: the property is then read as a Boolean.
        let op = Self.operatorTable.first { context.switchValue($0.name) }?.kind
        let right = context.value("Value")
        func argumentError(_ message: String, _ id: String) -> RuntimeError {
            RuntimeError(record: context.errorRecord(message: message, errorId: id, category: .InvalidArgument,
                                                     exceptionType: "System.Management.Automation.PSArgumentException"))
        }
        if right == nil, op != nil { throw argumentError(Self.valueNotSpecified, "ValueNotSpecifiedForWhereObject") }
        if right != nil, op == nil { throw argumentError(Self.operatorNotSpecified, "OperatorNotSpecified") }
        let value = try engine.getMember(input, property, isStatic: false, extent: .empty)
        guard let op, let right else {
            if LanguagePrimitives.isTrue(value) { try context.writeObject(input) }
            return
        }
        var operand = right
        if op == .is || op == .isNot, case .string(let text) = right, text.count > 2, text.hasPrefix("["), text.hasSuffix("]") {
            operand = .string(String(text.dropFirst().dropLast()))
        }
        if LanguagePrimitives.isTrue(try Operators.binary(op, value, operand, engine: engine, extent: .empty)) {
            try context.writeObject(input)
        }
    }
}

