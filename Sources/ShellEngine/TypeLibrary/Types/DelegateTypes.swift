/// Delegates a script block converts to (`[System.Action]{ … }`, `[Func[int]]{ … }`): invoking
/// one runs the block with the arguments as `$args`; a Func converts the block's output to its
/// last type argument.
enum DelegateTypes {
    static func all() -> [DotNetType] {
        [delegate("System.Action", arity: 0, returns: false)]
            + (1...8).map { delegate("System.Action`\($0)", arity: $0, returns: false) }
            + (1...9).map { delegate("System.Func`\($0)", arity: $0, returns: true) }
    }

    private static func delegate(_ name: String, arity: Int, returns: Bool) -> DotNetType {
        DotNetType(name, base: "System.MulticastDelegate", genericArity: arity) { t in
            t.converts { value, arguments, engine in
                guard case .scriptBlock(let block) = value, let type = engine.types.type(named: name) else { return nil }
                return .object(DotNetObject(type, payload: block, typeArguments: arguments, engine: engine))
            }
            @Sendable func invoke(_ c: DotNetCall) throws -> PSValue {
                guard let block = c.payload(ScriptBlock.self) else { return .null }
                // Each argument converts to its parameter type, as the delegate's signature declares.
                let parameterTypes = returns ? Array(c.typeArguments.dropLast()) : c.typeArguments
                var arguments = c.rest(0)
                for i in arguments.indices where i < parameterTypes.count {
                    arguments[i] = try c.engine.types.convertArgument(arguments[i], to: parameterTypes[i], engine: c.engine)
                }
                let output = try c.engine.invokeScriptBlock(block, arguments: arguments)
                guard returns else { return .null }
                let result = c.typeArguments.last ?? "System.Object"
                return try c.engine.types.convertArgument(output, to: result, engine: c.engine)
            }
            t.method("Invoke", returns ? "TResult" : "void", "params object[] args") { c in try invoke(c) }
            t.method("DynamicInvoke", "System.Object", "params object[] args") { c in try invoke(c) }
        }
    }
}
