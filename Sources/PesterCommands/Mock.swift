import CmdletParser
import ShellEngine

/// One `Mock` call: the behaviour and the filter that selects it.
final class MockBehaviour {
    let command: String
    let body: ScriptBlock?
    let filter: ScriptBlock?
    let verifiable: Bool
    var verified = false
    init(command: String, body: ScriptBlock?, filter: ScriptBlock?, verifiable: Bool) {
        self.command = command
        self.body = body
        self.filter = filter
        self.verifiable = verifiable
    }
}

/// One call of a mocked command: its bound parameters, and the blocks it was made in.
struct MockCall {
    let command: String
    let parameters: PSHashtable
    let frames: [ObjectIdentifier]
    let test: Int
}

/// Mock: defines, in the scope of the Describe, Context or It that called it, a function of the
/// command's name and parameters that shadows the command until that block ends. Each call is
/// recorded and runs the newest behaviour whose -ParameterFilter accepts it.
final class MockCommand: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let state = PesterState.of(engine)
        guard let frame = state.frames.last else {
            throw PesterErrors.runtime(engine, "Mock may only be used inside a Describe block.", context)
        }
        let name = context.string("CommandName") ?? ""
        let parameters = engine.commandMetadata(name)?.parameters ?? []
        guard engine.commandMetadata(name) != nil || engine.sessionState.function(name) != nil else {
            throw PesterErrors.runtime(engine, "Could not find Command \(name)", context)
        }
        let behaviour = MockBehaviour(command: name, body: scriptBlock(context.value("MockWith")),
                                      filter: scriptBlock(context.value("ParameterFilter")),
                                      verifiable: context.switchValue("Verifiable"))
        frame.mocks.append(behaviour)
        let declared = parameters.filter { !Self.common.contains($0.name.lowercased()) }.map { parameter in
            (parameter.type == .switchParameter ? "[switch]" : "") + "$\(parameter.name)"
        }
        let text = "function \(name) { [CmdletBinding()] param(\(declared.joined(separator: ", "))) "
            + "Invoke-PesterMock -CommandName '\(name.replacing("'", with: "''"))' -BoundParameters $PSBoundParameters }"
        let parsed = Parser.parseInput(text)
        guard parsed.errors.isEmpty, let body = parsed.ast.endBlock else { return }
        try engine.executeStatements(body.statements, output: { _ in })
    }

    static let common: Set<String> = ["verbose", "debug", "erroraction", "warningaction", "errorvariable", "warningvariable",
                                      "outvariable", "outbuffer", "pipelinevariable", "informationaction",
                                      "informationvariable", "whatif", "confirm"]
}

func scriptBlock(_ value: PSValue?) -> ScriptBlock? {
    if case .scriptBlock(let block)? = value { return block }
    return nil
}

/// What the function a Mock defines calls: records the call and runs the matching behaviour.
final class InvokeMock: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let state = PesterState.of(engine)
        let name = context.string("CommandName") ?? ""
        var parameters = PSHashtable()
        if case .hashtable(let bound)? = context.value("BoundParameters") { parameters = bound }
        else if case .object(let object)? = context.value("BoundParameters") {
            for property in object.properties { parameters[.string(property.name)] = property.value }
        }
        state.calls.append(MockCall(command: name, parameters: parameters, frames: state.frames.map(ObjectIdentifier.init),
                                    test: state.testSerial))
        let behaviours = state.frames.reversed().flatMap { $0.mocks.reversed() }
            .filter { $0.command.caseInsensitiveEquals(name) }
        for behaviour in behaviours {
            guard try state.accepts(behaviour.filter, parameters, engine: engine) else { continue }
            behaviour.verified = true
            guard let body = behaviour.body else { return }
            try engine.sessionState.withNewScope {
                for (key, value) in zip(parameters.keys, parameters.values) {
                    engine.sessionState.setLocal(LanguagePrimitives.toString(key), value)
                }
                _ = try engine.invokeScriptBlockInCurrentScope(body, dollarUnder: .null, output: context.output)
            }
            return
        }
    }
}

/// Assert-MockCalled and Assert-VerifiableMocks.
final class AssertMockCalled: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let state = PesterState.of(engine)
        let name = context.string("CommandName") ?? ""
        let times = Int(LanguagePrimitives.toString(context.value("Times") ?? .int32(1))) ?? 1
        let filter = scriptBlock(context.value("ParameterFilter"))
        let scope = (context.string("Scope") ?? "").lowercased()
        let calls = state.calls.filter { call in
            guard call.command.caseInsensitiveEquals(name) else { return false }
            switch scope {
            case "it": return call.test == state.testSerial
            case "describe": return state.frames.first.map { call.frames.contains(ObjectIdentifier($0)) } ?? true
            default: return state.frames.last.map { call.frames.contains(ObjectIdentifier($0)) } ?? true
            }
        }
        var count = 0
        for call in calls {
            if try state.accepts(filter, call.parameters, engine: engine) { count += 1 }
        }
        if context.switchValue("Exactly") {
            if count != times {
                throw PesterErrors.signal(context, errorId: "PesterAssertionFailed",
                                          message: "Expected \(name) to be called \(times) times exactly but was called \(count) times")
            }
        } else if times == 0 ? count != 0 : count < times {
            let message = times == 0 ? "Expected \(name) to be called 0 times exactly but was called \(count) times"
                : "Expected \(name) to be called at least \(times) times but was called \(count) times"
            throw PesterErrors.signal(context, errorId: "PesterAssertionFailed", message: message)
        }
    }
}

final class AssertVerifiableMocks: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let state = PesterState.of(context.engine)
        let unverified = state.frames.flatMap(\.mocks).filter { $0.verifiable && !$0.verified }
        guard !unverified.isEmpty else { return }
        let message = unverified.map { "\n Expected \($0.command) to be called with \($0.filter.map(\.text) ?? "$True")" }.joined()
        throw PesterErrors.signal(context, errorId: "PesterAssertionFailed", message: message)
    }
}

extension PesterState {
    /// Whether a -ParameterFilter accepts a call's parameters (no filter accepts every call).
    func accepts(_ filter: ScriptBlock?, _ parameters: PSHashtable, engine: Engine) throws -> Bool {
        guard let filter else { return true }
        return try engine.sessionState.withNewScope {
            for (key, value) in zip(parameters.keys, parameters.values) {
                engine.sessionState.setLocal(LanguagePrimitives.toString(key), value)
            }
            return LanguagePrimitives.isTrue(try engine.invokeScriptBlockInCurrentScope(filter, dollarUnder: .null))
        }
    }
}
