/// A terminating error travelling up to the nearest `try`/`trap` or to the console.
// @unchecked: the engine runs on one thread; a RuntimeError never crosses to another.
struct RuntimeError: Error, @unchecked Sendable {
    let record: ErrorRecord
    /// `throw` and `-ErrorAction Stop` end the whole script; other errors (command not found,
    /// binding errors, runtime exceptions) end only their statement, as in PowerShell.
    var terminatesScript = false
}

/// `break` / `continue`, optionally to a labelled loop.
struct BreakSignal: Error {
    let label: String?
}

struct ContinueSignal: Error {
    let label: String?
}

/// `return`: its pipeline's output has already been written.
struct ReturnSignal: Error {}

/// `exit N`.
struct ExitSignal: Error {
    let code: Int32
}

/// The pipeline was stopped (Ctrl-C, or a prompt that cannot be answered).
struct PipelineStoppedSignal: Error {}

/// Where a pipeline element writes its objects.
typealias OutputSink = (PSValue) throws -> Void

/// Collects output, e.g. for `$( … )`, `( … )`, assignments and `Out-String`.
final class OutputCollector {
    var items: [PSValue] = []

    lazy var sink: OutputSink = { [unowned self] value in self.items.append(value) }

    /// A pipeline's result as a value: nothing → `$null`, one object → itself, more → an array.
    var asValue: PSValue {
        switch items.count {
        case 0: return .null
        case 1: return items[0]
        default: return .array(PSArray(items))
        }
    }
}
