import CmdletParser

/// The lists of one command's `-ErrorVariable`, `-WarningVariable` and `-InformationVariable`,
/// linked to those of the command that runs it: an error written while a command runs goes into
/// its list and into the lists of every command around it (a function's `-ErrorVariable` also
/// collects the errors of the commands it calls).
package final class StreamCapture {
    package let parent: StreamCapture?
    package var errors: PSArray?
    package var warnings: PSArray?
    package var information: PSArray?

    package init(parent: StreamCapture?) {
        self.parent = parent
    }

    package enum Stream { case error, warning, information }

    /// Adds `value` to this capture's list of `stream` and to those of the captures around it;
    /// a record already in a list (an error passing up through several commands) is not added again.
    package func add(_ value: PSValue, to stream: Stream) {
        var node: StreamCapture? = self
        while let capture = node {
            let list: PSArray?
            switch stream {
            case .error: list = capture.errors
            case .warning: list = capture.warnings
            case .information: list = capture.information
            }
            if let list, !list.items.contains(where: { Self.same($0, value) }) { list.items.append(value) }
            node = capture.parent
        }
    }

    private static func same(_ a: PSValue, _ b: PSValue) -> Bool {
        if case .object(let x) = a, case .object(let y) = b { return x === y }
        return false
    }
}

/// `-OutVariable`, `-PipelineVariable` and the stream variables of one command invocation, opened
/// in the caller's scope when the command starts (PowerShell's CommonParameters).
package struct StreamVariables {
    /// The capture the command's blocks run under: its own lists, or its caller's capture.
    package let capture: StreamCapture?
    private let outVariable: PSArray?
    private let pipelineVariable: (name: String, scope: VariableScope)?

    /// Creates (or, for `+name`, appends to) the variables named by the bound common parameters.
    /// Only the last command of a pipeline writes where its caller's output goes, so only its
    /// errors reach the caller's lists (PowerShell keeps these lists on the output pipe).
    package init(bound: [String: PSValue], engine: Engine, isLast: Bool) throws {
        let parent = isLast ? engine.streamCapture : nil
        func open(_ parameter: String) throws -> PSArray? {
            guard let value = bound[parameter] else { return nil }
            var text = LanguagePrimitives.toString(value)
            guard !text.isEmpty else { return nil }
            let append = text.hasPrefix("+")
            if append { text.removeFirst() }
            let (name, scope) = Self.split(text)
            let list = PSArray([], elementTypeName: "System.Collections.ArrayList")
            if append, let existing = engine.sessionState.lookup(name, scope: scope)?.value, !existing.isNull {
                if case .array(let a) = existing, a.elementTypeName == "System.Collections.ArrayList" { return a }
                list.items = existing.enumerated ?? [existing]
            }
            try engine.assignVariable(name, scope: scope, .array(list), extent: .empty)
            return list
        }
        outVariable = try open("OutVariable")
        let errors = try open("ErrorVariable")
        let warnings = try open("WarningVariable")
        let information = try open("InformationVariable")
        if errors != nil || warnings != nil || information != nil {
            let own = StreamCapture(parent: parent)
            own.errors = errors
            own.warnings = warnings
            own.information = information
            capture = own
        } else {
            capture = parent
        }
        if let value = bound["PipelineVariable"], case let text = LanguagePrimitives.toString(value), !text.isEmpty {
            pipelineVariable = Self.split(text)
        } else {
            pipelineVariable = nil
        }
    }

    /// `scope:name` as written after `-OutVariable`.
    package static func split(_ text: String) -> (String, VariableScope) {
        guard let colon = text.firstIndex(of: ":") else { return (text, .unqualified) }
        let name = String(text[text.index(after: colon)...])
        switch text[..<colon].lowercased() {
        case "global": return (name, .global)
        case "script": return (name, .script)
        case "local": return (name, .local)
        case "private": return (name, .private)
        default: return (text, .unqualified)
        }
    }

    /// The sink that records each output object in `-OutVariable` and `-PipelineVariable`
    /// before passing it on.
    package func wrap(_ next: @escaping OutputSink, engine: Engine) -> OutputSink {
        guard outVariable != nil || pipelineVariable != nil else { return next }
        let list = outVariable
        let pipeline = pipelineVariable
        return { [unowned engine] (value: PSValue) throws(EvalError) in
            list?.items.append(value)
            if let pipeline { try engine.assignVariable(pipeline.name, scope: pipeline.scope, value, extent: .empty) }
            try next(value)
        }
    }
}

extension Engine {
    /// Runs one block of a command under its stream capture; a terminating error leaving the
    /// command goes into its `-ErrorVariable` too.
    package func withCapture<T, E: Error>(_ capture: StreamCapture?, _ body: () throws(E) -> T) throws(E) -> T {
        let saved = streamCapture
        streamCapture = capture
        defer { streamCapture = saved }
        do {
            return try body()
        } catch {
            if let failure = error.runtimeError { capture?.add(.object(failure.record), to: .error) }
            throw error
        }
    }
}

/// A warning, verbose or debug record (System.Management.Automation.WarningRecord, …), or an
/// InformationRecord of Write-Information and Write-Host, as the stream variables hold them.
package final class InformationalRecord: PSObject {
    package enum Kind { case warning, verbose, debug, information }
    package let kind: Kind
    package let message: PSValue
    package let invocation: InvocationInfo?

    package convenience init(kind: Kind, message: String, invocation: InvocationInfo?) {
        self.init(kind: kind, data: .string(message), invocation: invocation)
    }

    package init(kind: Kind, data: PSValue, invocation: InvocationInfo?) {
        self.kind = kind
        self.message = data
        self.invocation = invocation
        let name: String
        switch kind {
        case .warning: name = "System.Management.Automation.WarningRecord"
        case .verbose: name = "System.Management.Automation.VerboseRecord"
        case .debug: name = "System.Management.Automation.DebugRecord"
        case .information: name = "System.Management.Automation.InformationRecord"
        }
        super.init(typeNames: kind == .information ? [name, "System.Object"]
                   : [name, "System.Management.Automation.InformationalRecord", "System.Object"])
    }

    package override var properties: [PSPropertyInfo] {
        let invocationValue: PSValue = invocation.map { .object(InvocationInfoObject($0)) } ?? .null
        if kind == .information {
            return [PSPropertyInfo(name: "MessageData", value: message),
                    PSPropertyInfo(name: "Source", value: .string(invocation?.myCommand ?? "")),
                    PSPropertyInfo(name: "Tags", value: .array(PSArray([], elementTypeName: "System.String")))]
        }
        return [PSPropertyInfo(name: "Message", value: message),
                PSPropertyInfo(name: "InvocationInfo", value: invocationValue)]
    }

    package override func toString() -> String { LanguagePrimitives.toString(message) }
}
