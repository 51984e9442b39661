import CmdletParser

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

/// How evaluation leaves its normal path. Every evaluator function throws this one type, so the
/// compiler makes each place that runs code decide what a `break`, an `exit` or an error means there.
package enum EvalError: Error {
    /// A terminating error, travelling to the nearest `try`/`trap` or to the console.
    case error(RuntimeError)
    /// `break` / `continue`, optionally to a labelled loop.
    case `break`(String?)
    case `continue`(String?)
    /// `return`: its pipeline's output has already been written.
    case `return`
    /// `exit N`: ends the script it is in (or the shell, at the top).
    case exit(Int32)
    /// The pipeline was stopped (Ctrl-C, or a prompt that cannot be answered).
    case stopped
    /// A command has all the input it wants (Select-Object -First): the commands before it in its
    /// pipeline stop producing; the pipeline ends from that command on.
    case stopUpstream(ObjectIdentifier)
}

extension EvalError {
    /// A terminating error from its record.
    package static func failure(_ record: ErrorRecord, terminatesScript: Bool = false) -> EvalError {
        .error(RuntimeError(record: record, terminatesScript: terminatesScript))
    }

    /// What an untyped error (from a cmdlet, a .NET member, a provider) means to the evaluator:
    /// flow control passes through; any other error becomes an ErrorRecord, never dropped.
    package init(_ error: any Error) {
        switch error {
        case let flow as EvalError: self = flow
        case let runtime as RuntimeError: self = .error(runtime)
        default:
            let (exception, errorId, category) = Self.exception(of: error)
            self = .failure(ErrorRecord(exception: exception, errorId: errorId, category: category, targetObject: .null))
        }
    }

    /// The .NET exception an error that is neither flow control nor an ErrorRecord stands for, with
    /// the error id and category PowerShell gives it.
    package static func exception(of error: any Error) -> (PSExceptionObject, errorId: String, ErrorCategory) {
        switch error {
        case let dotNet as DotNetException:
            return (dotNet.object, dotNet.typeName, .NotSpecified)
        case let conversion as ConversionFailure:
            return (PSExceptionObject(typeName: "System.Management.Automation.PSInvalidCastException",
                                      message: conversion.message), conversion.errorId, .InvalidArgument)
        case let provider as ProviderError:
            return (PSExceptionObject(typeName: provider.exceptionType, message: provider.message),
                    provider.errorId, provider.category)
        default:
            return (PSExceptionObject(typeName: "System.Management.Automation.RuntimeException",
                                      message: String(describing: error)), "RuntimeException", .NotSpecified)
        }
    }
}

extension Engine {
    /// Fails with CallDepthOverflow when the stack has no room for one more level of evaluation.
    package func ensureStackRoom() throws(EvalError) {
        guard stackGuard.hasRoom() else { throw .failure(callDepthOverflow(), terminatesScript: true) }
    }

    /// 5.1's ScriptCallDepthException, for recursion too deep to go on.
    package func callDepthOverflow() -> ErrorRecord {
        let exception = PSExceptionObject(typeName: "System.Management.Automation.ScriptCallDepthException",
                                          message: "The script failed due to call depth overflow.")
        let record = ErrorRecord(exception: exception, errorId: "CallDepthOverflow", category: .InvalidOperation,
                                 targetObject: .int32(0))
        record.categoryInfo.reason = "ParentContainsErrorRecordException"
        return record
    }
}

/// Runs code that throws untyped errors (a cmdlet, a .NET member, an operator) inside the evaluator.
package func converting<T>(_ body: () throws -> T) throws(EvalError) -> T {
    do { return try body() } catch { throw EvalError(error) }
}

extension Error {
    /// The terminating error an untyped error carries (a raw RuntimeError or one inside EvalError).
    package var runtimeError: RuntimeError? {
        if let error = self as? RuntimeError { return error }
        if case .error(let error)? = self as? EvalError { return error }
        return nil
    }
}

/// An error a running catch block caught, and where that block is written.
package struct CaughtError {
    package let record: ErrorRecord
    package let source: ScriptSource?
    package let body: SourceExtent
}

/// Where a pipeline element writes its objects.
package typealias OutputSink = (PSValue) throws(EvalError) -> Void

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
