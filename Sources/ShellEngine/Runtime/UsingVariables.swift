import CmdletParser

/// `$using:x` reads the caller's variable only in a job's or remote session's engine; anywhere
/// else 5.1 refuses it when it is evaluated.
extension Engine {
    /// Marks this engine as one that runs a job or remote script block.
    package func allowUsingVariables() {
        _ = service(UsingVariableScope.self) { UsingVariableScope() }
    }

    func checkUsingAllowed(_ expression: UsingExpressionAst) throws {
        guard existingService(UsingVariableScope.self) == nil else { return }
        throw RuntimeError(record: runtimeErrorRecord(message: Messages.template("UsingWithoutInvokeCommand"),
            errorId: "UsingWithoutInvokeCommand", category: .InvalidOperation, extent: expression.extent))
    }
}

package final class UsingVariableScope: EngineService {
    package func shutdown() {}
}
