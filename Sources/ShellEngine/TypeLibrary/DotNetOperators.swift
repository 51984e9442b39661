import CmdletParser

/// Operators on library values: `+`, `-`, `*`, `/` through the types' `op_Addition`…,
/// `-eq` through `op_Equality` (after converting the right operand to the left's type) and
/// `-lt`/`-gt` through `CompareTo`.
extension Engine {
    package func operatorOverload(_ op: TokenKind, _ left: PSValue, _ right: PSValue, extent: SourceExtent) throws -> PSValue? {
        let name: String
        switch op {
        case .plus: name = "op_Addition"
        case .minus: name = "op_Subtraction"
        case .multiply: name = "op_Multiply"
        case .divide: name = "op_Division"
        default: return nil
        }
        for operand in [left, right] {
            guard case .object(let o as DotNetObject) = operand, !o.type.isEnum else { continue }
            let info = PSTypeInfo(fullName: o.type.fullName)
            let overloads = o.type.staticMethods.filter { $0.name == name }
            guard !overloads.isEmpty else { continue }
            // Only overloads whose operands both convert.
            let fits = overloads.contains { m in
                m.parameters.count == 2 && types.cost(left, to: m.parameters[0].type, engine: self) != nil
                    && types.cost(right, to: m.parameters[1].type, engine: self) != nil
            }
            guard fits else { continue }
            return try invokeStatic(info, name, [left, right], extent: extent)
        }
        return nil
    }

    package func libraryEquals(_ left: DotNetObject, _ right: PSValue) -> Bool {
        guard let converted = try? types.convert(right, toTypeNamed: left.type.fullName, engine: self),
              let equality = left.type.staticMethods.first(where: { $0.name == "op_Equality" }) else { return false }
        let call = DotNetCall(engine: self, this: .null, args: [.object(left), converted], typeArguments: left.typeArguments)
        return (try? equality.body(call)).map(LanguagePrimitives.isTrue) ?? false
    }

    package func libraryOrdering(_ left: DotNetObject, _ right: PSValue) -> Int? {
        guard let converted = try? types.convert(right, toTypeNamed: left.type.fullName, engine: self),
              let compare = types.instanceMethods(of: left.type, named: "CompareTo").first else { return nil }
        let call = DotNetCall(engine: self, this: .object(left), args: [converted], typeArguments: left.typeArguments)
        return (try? compare.body(call)).flatMap { LanguagePrimitives.toInt64($0) }.map { Int($0.signum()) }
    }
}
