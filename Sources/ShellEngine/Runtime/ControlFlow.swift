/// A terminating error travelling up to the nearest `try`/`trap` or to the console.
// @unchecked: the engine runs on one thread; a RuntimeError never crosses to another.
package struct RuntimeError: Error, @unchecked Sendable {
    package let record: ErrorRecord
    /// `throw` and `-ErrorAction Stop` end the whole script; other errors (command not found,
    /// binding errors, runtime exceptions) end only their statement, as in PowerShell.
    package var terminatesScript = false

    package init(record: ErrorRecord, terminatesScript: Bool = false) {
        self.record = record
        self.terminatesScript = terminatesScript
    }
}

/// `break` / `continue`, optionally to a labelled loop.
package struct BreakSignal: Error {
    package let label: String?
}

package struct ContinueSignal: Error {
    package let label: String?
}

/// `return`: its pipeline's output has already been written.
package struct ReturnSignal: Error {}

/// `exit N`.
package struct ExitSignal: Error {
    package let code: Int32
}

/// The pipeline was stopped (Ctrl-C, or a prompt that cannot be answered).
package struct PipelineStoppedSignal: Error {
    package init() {}
}

/// Where a pipeline element writes its objects.
package typealias OutputSink = (PSValue) throws -> Void

/// Collects output, e.g. for `$( … )`, `( … )`, assignments and `Out-String`.
package final class OutputCollector {
    package var items: [PSValue] = []

    package lazy var sink: OutputSink = { [unowned self] value in self.items.append(value) }

    /// A pipeline's result as a value: nothing → `$null`, one object → itself, more → an array.
    package var asValue: PSValue {
        switch items.count {
        case 0: return .null
        case 1: return items[0]
        default: return .array(PSArray(items))
        }
    }
}
