import CmdletParser

/// `$ErrorActionPreference` / `-ErrorAction` values.
package enum ActionPreference: String {
    case SilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend

    package init?(value: PSValue) {
        let text = LanguagePrimitives.toString(value)
        guard let match = ActionPreference.allNames.first(where: { $0.caseInsensitiveEquals(text) }) else { return nil }
        self.init(rawValue: match)
    }

    package static let allNames = ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"]
}

/// A compiled cmdlet's implementation: begin, process (per input object) and end.
package protocol Cmdlet: AnyObject {
    func begin(_ context: CommandContext) throws
    /// `input` is nil when the cmdlet is first in the pipeline.
    func process(_ context: CommandContext, input: PSValue?) throws
    func end(_ context: CommandContext) throws
}

extension Cmdlet {
    package func begin(_ context: CommandContext) throws {}
    package func end(_ context: CommandContext) throws {}
}

/// A registered cmdlet: its metadata (the single table for binding, completion and help), a
/// factory for one invocation's instance, and what Tab completion offers for it.
package struct CmdletDefinition {
    package var metadata: CommandMetadata
    package let make: () -> Cmdlet
    /// The property names of the objects the command writes (completion after `| Select-Object`).
    package var outputProperties: ((Engine) -> [String])?
    /// The values Tab completion offers for one of its parameters (parameter name, typed word),
    /// matched against the word by the engine; nil when the parameter has no completer of its own.
    package var completeArgument: ((Engine, _ parameter: String, _ word: String) -> [String]?)?

    package init(metadata: CommandMetadata, outputProperties: ((Engine) -> [String])? = nil,
         completeArgument: ((Engine, String, String) -> [String]?)? = nil, make: @escaping () -> Cmdlet) {
        self.metadata = metadata
        self.make = make
        self.outputProperties = outputProperties
        self.completeArgument = completeArgument
    }
}

/// What a running command can do (System.Management.Automation.Cmdlet's runtime surface).
package final class CommandContext {
    package unowned let engine: Engine
    package let metadata: CommandMetadata
    package let invocation: InvocationInfo
    /// Bound parameters by canonical name.
    package var bound: [String: PSValue] = [:]
    /// The extent of each bound argument, for errors about its value.
    package var boundExtents: [String: SourceExtent] = [:]
    /// Arguments no parameter took (commands declared without CmdletBinding only).
    package var remainingArguments: [PSValue] = []
    package var output: OutputSink = { _ in }
    /// The parameter set the arguments selected.
    package var parameterSetName = "__AllParameterSets"
    package var errorAction: ActionPreference
    package var warningAction: ActionPreference
    package var verbose: Bool
    package var whatIf: Bool
    /// `-Confirm` (true), `-Confirm:$false` (false) or absent (nil).
    package var confirm: Bool?
    package var yesToAll = false
    package var noToAll = false

    package init(engine: Engine, metadata: CommandMetadata, invocation: InvocationInfo) {
        self.engine = engine
        self.metadata = metadata
        self.invocation = invocation
        self.errorAction = engine.errorActionPreference
        self.warningAction = ActionPreference(value: engine.variableValue("WarningPreference")) ?? .Continue
        self.verbose = ActionPreference(value: engine.variableValue("VerbosePreference")) == .Continue
        self.whatIf = LanguagePrimitives.isTrue(engine.variableValue("WhatIfPreference"))
    }

    /// What a command throws when it needs no more input: the commands before it in the
    /// pipeline stop, and the pipeline ends from this command on.
    package func stopUpstream() -> EvalError { .stopUpstream(ObjectIdentifier(self)) }

    package func has(_ name: String) -> Bool { bound[name] != nil }

    package func value(_ name: String) -> PSValue? { bound[name] }

    package func string(_ name: String) -> String? { bound[name].map { LanguagePrimitives.toString($0) } }

    package func switchValue(_ name: String) -> Bool { bound[name].map { LanguagePrimitives.isTrue($0) } ?? false }

    /// Reads the common parameters once binding is done.
    package func applyCommonParameters() {
        if let v = bound["ErrorAction"], let p = ActionPreference(value: v) { errorAction = p }
        if let v = bound["WarningAction"], let p = ActionPreference(value: v) { warningAction = p }
        if let v = bound["Verbose"] { verbose = LanguagePrimitives.isTrue(v) }
        if let v = bound["WhatIf"] { whatIf = LanguagePrimitives.isTrue(v) }
        if let v = bound["Confirm"] { confirm = LanguagePrimitives.isTrue(v) }
    }

    package func writeObject(_ value: PSValue) throws {
        if engine.interruptRequested() { throw EvalError.stopped }
        try output(value)
    }

    /// Writes each element of an array separately (WriteObject(value, enumerateCollection: true)).
    package func writeEnumerated(_ value: PSValue) throws {
        try Engine.enumerate(value, into: output)
    }

    /// A non-terminating error, subject to `-ErrorAction`.
    package func writeError(_ record: ErrorRecord) throws {
        engine.lastSucceeded = false
        switch errorAction {
        case .Stop:
            throw RuntimeError(record: record, terminatesScript: true)
        case .Ignore:
            engine.streamCapture?.add(.object(record), to: .error)
            return
        case .SilentlyContinue:
            engine.appendError(record)
        default:
            engine.appendError(record)
            if let redirect = engine.errorRedirection, try redirect(record) { return }
            engine.reportError(record)
        }
    }

    /// Stops the command with a terminating error.
    package func throwTerminatingError(_ record: ErrorRecord) throws -> Never {
        throw RuntimeError(record: record)
    }

    package func writeWarning(_ text: String) {
        engine.streamCapture?.add(.object(InformationalRecord(kind: .warning, message: text, invocation: invocation)),
                                  to: .warning)
        guard warningAction != .SilentlyContinue && warningAction != .Ignore else { return }
        engine.host.write("WARNING: " + text + "\n", stream: .warning)
    }

    /// An InformationRecord (Write-Information, Write-Host) for `-InformationVariable`.
    package func writeInformation(_ data: PSValue) {
        engine.streamCapture?.add(.object(InformationalRecord(kind: .information, data: data, invocation: invocation)),
                                  to: .information)
    }

    package func writeVerbose(_ text: String) {
        guard verbose else { return }
        engine.host.write("VERBOSE: " + text + "\n", stream: .verbose)
    }

    /// An error record raised by this command: the FullyQualifiedErrorId gets the command's
    /// suffix, the activity is the command name, the position is the whole command.
    package func errorRecord(message: String, errorId: String, category: ErrorCategory, exceptionType: String,
                     target: PSValue = .null, extraProperties: [PSPropertyInfo] = []) -> ErrorRecord {
        let exception = PSExceptionObject(typeName: exceptionType, message: message, extraProperties: extraProperties)
        let record = ErrorRecord(exception: exception, errorId: errorId + "," + metadata.errorIdSuffix,
                                 category: category, targetObject: target, invocationInfo: invocation)
        record.categoryInfo.activity = metadata.name
        return record
    }
}
