import CmdletParser

/// A region of execution that may read the session's state but not change it (a lab task's
/// check). The engine asks it before a cmdlet runs, before a file is written and before a function
/// is defined outside the region; the module that opens it decides what a command may do and words
/// the refusal. Every refusal is kept, so a script that catches the error is still known to have tried.
package final class ExecutionSandbox {
    package enum Action {
        case command(CommandMetadata)
        case writeFile(String)
        case defineFunction(name: String, scope: String)
    }

    /// The refusal's message and error id, or nil when the action is allowed.
    package struct Refusal {
        package let message: String
        package let errorId: String
        package init(message: String, errorId: String) {
            self.message = message
            self.errorId = errorId
        }
    }

    private let decide: (Action) -> Refusal?
    package private(set) var refused: [ErrorRecord] = []
    /// The refusals a `catch` took, which no one has seen yet. A refused file write surfaces as
    /// its provider's or method's own error, which carries the refusal's message.
    package var unreported: [ErrorRecord] {
        refused.filter { r in !shown.contains { $0 === r || $0.message.contains(r.message) } }
    }
    private var shown: [ErrorRecord] = []

    package init(decide: @escaping (Action) -> Refusal?) { self.decide = decide }

    fileprivate func refusal(_ action: Action) -> Refusal? { decide(action) }
    fileprivate func record(_ record: ErrorRecord) { refused.append(record) }
    func reported(_ record: ErrorRecord) { shown.append(record) }
}

extension Engine {
    /// Runs `body` inside `sandbox` (sandboxes nest: the innermost decides).
    package func withSandbox<T>(_ sandbox: ExecutionSandbox, _ body: () throws -> T) rethrows -> T {
        let saved = self.sandbox
        self.sandbox = sandbox
        defer { self.sandbox = saved }
        return try body()
    }

    /// Throws the sandbox's error when the running region may not do `action`.
    package func enforceSandbox(_ action: ExecutionSandbox.Action, extent: SourceExtent,
                                invocation: InvocationInfo? = nil) throws {
        guard let sandbox, let refusal = sandbox.refusal(action) else { return }
        let record: ErrorRecord
        if case .writeFile(let path) = action {
            // What Windows says when a file may not be written, whatever the reason.
            record = runtimeErrorRecord(message: Messages.fill(ProviderMessages.accessDenied, [path]),
                                        errorId: refusal.errorId, category: .PermissionDenied, extent: extent,
                                        exceptionType: "System.UnauthorizedAccessException", target: .string(path))
        } else {
            record = runtimeErrorRecord(message: refusal.message, errorId: refusal.errorId, category: .PermissionDenied,
                                        extent: extent, exceptionType: "System.Management.Automation.PSSecurityException")
            if let invocation { record.invocationInfo = invocation }
        }
        sandbox.record(record)
        throw RuntimeError(record: record)
    }

    /// For file writes deep in a provider, which report their own error: true when refused (and recorded).
    package func sandboxRefusesWrite(_ path: String) -> Bool {
        guard sandbox != nil else { return false }
        do { try enforceSandbox(.writeFile(path), extent: .empty) } catch { return true }
        return false
    }
}
