import ShellEngine

final class OutNull: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {}
}

final class OutDefault: Cmdlet {
    private var formatter: OutputFormatter?
    func begin(_ context: CommandContext) throws {
        formatter = context.engine.makeFormatter()
    }
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        formatter!.write(input, to: context.engine.host)
    }
    func end(_ context: CommandContext) throws {
        formatter!.finish(to: context.engine.host)
    }
}

/// Out-String: `-Width N` is the usable line width, as in 5.1.
final class ClearHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws { context.engine.host.clearScreen() }
}

final class SetStrictMode: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        context.engine.strictMode = !context.switchValue("Off")
    }
}
