import CmdletParser
import ShellEngine

final class InvokeExpression: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        let result = Parser.parseInput(context.string("Command") ?? "")
        if !result.errors.isEmpty { throw RuntimeError(record: ErrorView.parseErrorRecord(result, fromFile: false)) }
        let saved = engine.currentSource
        engine.currentSource = result.source
        defer { engine.currentSource = saved }
        if let end = result.ast.endBlock {
            try engine.executeStatements(end.statements, traps: end.traps, output: context.output)
        }
    }
}
