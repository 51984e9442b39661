/// Windows PowerShell's utility cmdlets that scripts around the SMB cmdlets use.
enum CoreCmdlets {
    static func compiled(_ name: String, _ className: String, module: String = "Microsoft.PowerShell.Utility",
                         _ parameters: [ParameterMetadata], synopsis: String,
                         shouldProcess: Bool = false) -> CommandMetadata {
        CommandMetadata(name: name, module: module, implementation: .compiled(className: "Microsoft.PowerShell.Commands." + className),
                        parameters: parameters, supportsShouldProcess: shouldProcess, synopsis: synopsis)
    }

    static func definitions() -> [CmdletDefinition] {
        let input = ParameterMetadata("InputObject", .psObject, valueFromPipeline: true, help: "The objects to process.")
        return [
            CmdletDefinition(metadata: compiled("Write-Output", "WriteOutputCommand",
                [ParameterMetadata("InputObject", .array(.psObject), position: 0, mandatory: true, valueFromPipeline: true),
                 ParameterMetadata("NoEnumerate", .switchParameter)],
                synopsis: "Sends the specified objects to the next command in the pipeline.")) { WriteOutput() },
            CmdletDefinition(metadata: compiled("Write-Host", "WriteHostCommand",
                [ParameterMetadata("Object", .object, position: 0, valueFromPipeline: true),
                 ParameterMetadata("NoNewline", .switchParameter), ParameterMetadata("Separator", .object),
                 ParameterMetadata("ForegroundColor", .string), ParameterMetadata("BackgroundColor", .string)],
                synopsis: "Writes customized output to a host.")) { WriteHost() },
            CmdletDefinition(metadata: compiled("Write-Error", "WriteErrorCommand",
                [ParameterMetadata("Message", .string, aliases: ["Msg"], position: 0, valueFromPipeline: true),
                 ParameterMetadata("Category", .enumeration(typeName: "System.Management.Automation.ErrorCategory",
                                                            values: ErrorCategory.allCases.map(\.rawValue))),
                 ParameterMetadata("ErrorId", .string), ParameterMetadata("TargetObject", .object),
                 ParameterMetadata("ErrorRecord", .object), ParameterMetadata("RecommendedAction", .string)],
                synopsis: "Writes an object to the error stream.")) { WriteError() },
            CmdletDefinition(metadata: compiled("Write-Warning", "WriteWarningCommand",
                [ParameterMetadata("Message", .string, aliases: ["Msg"], position: 0, mandatory: true, valueFromPipeline: true)],
                synopsis: "Writes a warning message.")) { WriteStream(kind: .warning) },
            CmdletDefinition(metadata: compiled("Write-Verbose", "WriteVerboseCommand",
                [ParameterMetadata("Message", .string, aliases: ["Msg"], position: 0, mandatory: true, valueFromPipeline: true)],
                synopsis: "Writes text to the verbose message stream.")) { WriteStream(kind: .verbose) },
            CmdletDefinition(metadata: compiled("Write-Debug", "WriteDebugCommand",
                [ParameterMetadata("Message", .string, aliases: ["Msg"], position: 0, mandatory: true, valueFromPipeline: true)],
                synopsis: "Writes a debug message to the console.")) { WriteStream(kind: .debug) },
            CmdletDefinition(metadata: compiled("ForEach-Object", "ForEachObjectCommand", module: "Microsoft.PowerShell.Core",
                [input, ParameterMetadata("Process", .array(.scriptBlock), position: 0, parameterSets: ["ScriptBlockSet"]),
                 ParameterMetadata("Begin", .scriptBlock), ParameterMetadata("End", .scriptBlock),
                 ParameterMetadata("MemberName", .string, position: 0, parameterSets: ["PropertyAndMethodSet"]),
                 ParameterMetadata("ArgumentList", .array(.object), aliases: ["Args"])],
                synopsis: "Performs an operation against each item in a collection of input objects.")) { ForEachObject() },
            CmdletDefinition(metadata: compiled("Where-Object", "WhereObjectCommand", module: "Microsoft.PowerShell.Core",
                [input, ParameterMetadata("FilterScript", .scriptBlock, position: 0),
                 ParameterMetadata("Property", .string, position: 0), ParameterMetadata("Value", .object, position: 1)]
                + WhereObject.operators.map { ParameterMetadata($0, .switchParameter) },
                synopsis: "Selects objects from a collection based on their property values.")) { WhereObject() },
            CmdletDefinition(metadata: compiled("Select-Object", "SelectObjectCommand",
                [input, ParameterMetadata("Property", .array(.object), position: 0),
                 ParameterMetadata("ExcludeProperty", .array(.string)), ParameterMetadata("ExpandProperty", .string),
                 ParameterMetadata("Unique", .switchParameter), ParameterMetadata("Last", .int32),
                 ParameterMetadata("First", .int32), ParameterMetadata("Skip", .int32), ParameterMetadata("Index", .array(.int32))],
                synopsis: "Selects objects or object properties.")) { SelectObject() },
            CmdletDefinition(metadata: compiled("Sort-Object", "SortObjectCommand",
                [input, ParameterMetadata("Property", .array(.object), position: 0),
                 ParameterMetadata("Descending", .switchParameter), ParameterMetadata("Unique", .switchParameter),
                 ParameterMetadata("CaseSensitive", .switchParameter)],
                synopsis: "Sorts objects by property values.")) { SortObject() },
            CmdletDefinition(metadata: compiled("Measure-Object", "MeasureObjectCommand",
                [input, ParameterMetadata("Property", .array(.string), position: 0),
                 ParameterMetadata("Sum", .switchParameter), ParameterMetadata("Average", .switchParameter),
                 ParameterMetadata("Maximum", .switchParameter), ParameterMetadata("Minimum", .switchParameter)],
                synopsis: "Calculates the numeric properties of objects.")) { MeasureObject() },
            CmdletDefinition(metadata: compiled("Format-List", "FormatListCommand",
                [input, ParameterMetadata("Property", .array(.object), position: 0)],
                synopsis: "Formats the output as a list of properties in which each property appears on a new line.")) { FormatCmdlet(shape: .list) },
            CmdletDefinition(metadata: compiled("Format-Table", "FormatTableCommand",
                [input, ParameterMetadata("Property", .array(.object), position: 0),
                 ParameterMetadata("AutoSize", .switchParameter), ParameterMetadata("Wrap", .switchParameter),
                 ParameterMetadata("HideTableHeaders", .switchParameter)],
                synopsis: "Formats the output as a table.")) { FormatCmdlet(shape: .table) },
            CmdletDefinition(metadata: compiled("Out-Null", "OutNullCommand", module: "Microsoft.PowerShell.Core",
                [input], synopsis: "Hides the output instead of sending it down the pipeline or displaying it.")) { OutNull() },
            CmdletDefinition(metadata: compiled("Out-Default", "OutDefaultCommand", module: "Microsoft.PowerShell.Core",
                [input], synopsis: "Sends the output to the default formatter and to the default output cmdlet.")) { OutDefault() },
            CmdletDefinition(metadata: compiled("Out-Host", "OutHostCommand", module: "Microsoft.PowerShell.Core",
                [input, ParameterMetadata("Paging", .switchParameter)], synopsis: "Sends output to the command line.")) { OutDefault() },
            CmdletDefinition(metadata: compiled("Out-String", "OutStringCommand",
                [input, ParameterMetadata("Width", .int32), ParameterMetadata("Stream", .switchParameter)],
                synopsis: "Sends objects to the host as a series of strings.")) { OutString() },
            CmdletDefinition(metadata: compiled("Start-Sleep", "StartSleepCommand",
                [ParameterMetadata("Seconds", .double, aliases: ["s"], position: 0), ParameterMetadata("Milliseconds", .int32, aliases: ["ms"])],
                synopsis: "Suspends the activity in a script or session for the specified period of time.")) { StartSleep() },
            CmdletDefinition(metadata: compiled("Read-Host", "ReadHostCommand",
                [ParameterMetadata("Prompt", .object, position: 0), ParameterMetadata("AsSecureString", .switchParameter)],
                synopsis: "Reads a line of input from the console.")) { ReadHost() },
            CmdletDefinition(metadata: compiled("Clear-Host", "ClearHostCommand", module: "Microsoft.PowerShell.Core", [],
                synopsis: "Clears the display in the host program.")) { ClearHost() },
            CmdletDefinition(metadata: compiled("New-Object", "NewObjectCommand",
                [ParameterMetadata("TypeName", .string, position: 0), ParameterMetadata("ArgumentList", .array(.object), aliases: ["Args"], position: 1),
                 ParameterMetadata("Property", .hashtable)],
                synopsis: "Creates an instance of a .NET Framework object.")) { NewObject() },
            CmdletDefinition(metadata: compiled("Set-StrictMode", "SetStrictModeCommand", module: "Microsoft.PowerShell.Core",
                [ParameterMetadata("Version", .string, aliases: ["v"]), ParameterMetadata("Off", .switchParameter)],
                synopsis: "Establishes and enforces coding rules in expressions, scripts, and script blocks.")) { SetStrictMode() },
        ] + SessionCmdlets.definitions()
    }
}

final class WriteOutput: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let value = context.value("InputObject") else { return }
        if context.switchValue("NoEnumerate") { try context.writeObject(value) } else { try context.writeEnumerated(value) }
    }
}

final class WriteHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let separator = context.value("Separator").map { LanguagePrimitives.toString($0) } ?? " "
        let object = context.value("Object") ?? .string("")
        let text = (object.enumerated ?? [object]).map { LanguagePrimitives.toString($0) }.joined(separator: separator)
        context.engine.host.write(text + (context.switchValue("NoNewline") ? "" : "\n"), stream: .host)
    }
}

final class WriteError: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        if case .object(let record as ErrorRecord)? = context.value("ErrorRecord") {
            try context.writeError(record)
            return
        }
        let message = context.string("Message") ?? ""
        let category = context.string("Category").flatMap(ErrorCategory.init(rawValue:)) ?? .NotSpecified
        let exception = PSExceptionObject(typeName: "Microsoft.PowerShell.Commands.WriteErrorException", message: message)
        // The error belongs to the code that called Write-Error: the function or script (with
        // their name as FullyQualifiedErrorId suffix), or the console input itself.
        var errorId = context.string("ErrorId") ?? "Microsoft.PowerShell.Commands.WriteErrorException"
        let invocation = context.engine.callerInvocation ?? context.invocation
        switch invocation.commandKind {
        case .function: errorId += "," + (invocation.myCommand ?? "")
        case .externalScript: errorId += "," + (invocation.myCommand?.split(separator: "/").last.map(String.init) ?? "")
        default: break
        }
        let record = ErrorRecord(exception: exception, errorId: errorId, category: category,
                                 targetObject: context.value("TargetObject") ?? .null, invocationInfo: invocation)
        record.categoryInfo.activity = "Write-Error"
        try context.writeError(record)
    }
}

final class WriteStream: Cmdlet {
    let kind: HostStream
    init(kind: HostStream) { self.kind = kind }
    func process(_ context: CommandContext, input: PSValue?) throws {
        let message = context.string("Message") ?? ""
        switch kind {
        case .warning: context.writeWarning(message)
        case .verbose: context.writeVerbose(message)
        default:
            if context.switchValue("Debug") || ActionPreference(value: context.engine.variableValue("DebugPreference")) == .Continue {
                context.engine.host.write("DEBUG: " + message + "\n", stream: .debug)
            }
        }
    }
}

final class ForEachObject: Cmdlet {
    func begin(_ context: CommandContext) throws {
        if case .scriptBlock(let b)? = context.value("Begin") {
            _ = try context.engine.invokeScriptBlockInCurrentScope(b, dollarUnder: .null, output: context.output)
        }
    }

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input else { return }
        if let member = context.string("MemberName") {
            let args = context.value("ArgumentList")?.enumerated ?? []
            let engine = context.engine
            let value = try engine.getMember(input, member, isStatic: false, extent: context.invocation.extent ?? .empty)
            if case .null = value {
                try context.writeEnumerated(try engine.invokeMethod(input, member, args, isStatic: false,
                                                                    extent: context.invocation.extent ?? .empty))
            } else {
                try context.writeEnumerated(value)
            }
            return
        }
        for block in context.value("Process")?.enumerated ?? [] {
            guard case .scriptBlock(let b) = block else { continue }
            _ = try context.engine.invokeScriptBlockInCurrentScope(b, dollarUnder: input, output: context.output)
        }
    }

    func end(_ context: CommandContext) throws {
        if case .scriptBlock(let b)? = context.value("End") {
            _ = try context.engine.invokeScriptBlockInCurrentScope(b, dollarUnder: .null, output: context.output)
        }
    }
}

final class WhereObject: Cmdlet {
    static let operators = ["EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch", "Contains",
                            "NotContains", "In", "NotIn", "CEQ", "CNE", "CLike", "CMatch", "Is", "IsNot"]

    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input else { return }
        let engine = context.engine
        if case .scriptBlock(let b)? = context.value("FilterScript") {
            if LanguagePrimitives.isTrue(try engine.invokeScriptBlockInCurrentScope(b, dollarUnder: input)) {
                try context.writeObject(input)
            }
            return
        }
        guard let property = context.string("Property") else { return }
        let value = try engine.getMember(input, property, isStatic: false, extent: .empty)
        let op = Self.operators.first { context.switchValue($0) }
        guard let op, let right = context.value("Value") else {
            if LanguagePrimitives.isTrue(value) { try context.writeObject(input) }
            return
        }
        let token: TokenKindName = TokenKindName(op)
        if LanguagePrimitives.isTrue(try Operators.binary(token.kind, value, right, engine: engine, extent: .empty)) {
            try context.writeObject(input)
        }
    }
}

import CmdletParser

/// Where-Object's operator switches mapped to the language's operators.
struct TokenKindName {
    let kind: TokenKind
    init(_ name: String) {
        switch name.lowercased() {
        case "eq": kind = .ieq
        case "ne": kind = .ine
        case "gt": kind = .igt
        case "ge": kind = .ige
        case "lt": kind = .ilt
        case "le": kind = .ile
        case "like": kind = .ilike
        case "notlike": kind = .inotlike
        case "match": kind = .imatch
        case "notmatch": kind = .inotmatch
        case "contains": kind = .icontains
        case "notcontains": kind = .inotcontains
        case "in": kind = .iin
        case "notin": kind = .inotin
        case "ceq": kind = .ceq
        case "cne": kind = .cne
        case "clike": kind = .clike
        case "cmatch": kind = .cmatch
        case "is": kind = .is
        default: kind = .isNot
        }
    }
}

final class OutNull: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {}
}

final class OutDefault: Cmdlet {
    private var formatter: OutputFormatter?
    func begin(_ context: CommandContext) throws {
        formatter = OutputFormatter(width: context.engine.host.bufferWidth, errorView: context.engine.errorView)
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
final class OutString: Cmdlet {
    private var formatter: OutputFormatter?
    private var text = ""
    func begin(_ context: CommandContext) throws {
        let columns = context.value("Width").flatMap { LanguagePrimitives.toInt64($0) }.map { Int(max(1, $0)) }
        formatter = OutputFormatter(width: context.engine.host.bufferWidth, columns: columns,
                                    errorView: context.engine.errorView)
    }
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let input = input ?? context.value("InputObject") else { return }
        if context.switchValue("Stream") {
            for line in formatter!.processLines(of: input) { try context.writeObject(.string(line)) }
        } else {
            text += formatter!.process(input)
        }
    }
    func end(_ context: CommandContext) throws {
        if context.switchValue("Stream") {
            for line in formatter!.finishedLines() { try context.writeObject(.string(line)) }
        } else {
            try context.writeObject(.string(text + formatter!.finish()))
        }
    }
}

final class StartSleep: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var milliseconds = context.value("Milliseconds").flatMap { LanguagePrimitives.toInt64($0) } ?? 0
        if let seconds = context.value("Seconds").flatMap({ LanguagePrimitives.toDouble($0) }) {
            milliseconds = milliseconds &+ (seconds * 1000).clampedInt64
        }
        var remaining = milliseconds
        while remaining > 0 {
            if context.engine.interruptRequested() { throw PipelineStoppedSignal() }
            let slice = min(remaining, 50)
            usleep(UInt32(slice * 1000))
            remaining -= slice
        }
    }
}

final class ReadHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let host = context.engine.host
        guard host.isInteractive else {
            throw RuntimeError(record: context.errorRecord(message: Messages.template("ReadFailsOnNonInteractiveFlag"),
                errorId: "InvalidOperation", category: .InvalidOperation,
                exceptionType: "System.Management.Automation.PSInvalidOperationException"))
        }
        if let prompt = context.string("Prompt") { host.write(prompt + ": ", stream: .host) }
        switch host.readLine() {
        case .line(let text): try context.writeObject(.string(text))
        case .endOfInput, .interrupted: throw PipelineStoppedSignal()
        }
    }
}

final class ClearHost: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws { context.engine.host.clearScreen() }
}

final class SetStrictMode: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        context.engine.strictMode = !context.switchValue("Off")
    }
}

final class NewObject: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let typeName = (context.string("TypeName") ?? "").lowercased()
        let value: PSValue
        switch typeName {
        case "psobject", "pscustomobject", "system.management.automation.psobject", "system.object", "object":
            let object = PSCustomObject()
            if case .hashtable(let h)? = context.value("Property") {
                for (k, v) in h.entries { object.add(LanguagePrimitives.toString(k), v) }
            }
            value = .object(object)
        case "system.collections.arraylist", "collections.arraylist", "system.collections.generic.list[string]",
             "system.collections.generic.list[object]", "collections.generic.list[string]", "collections.generic.list[object]":
            value = .array(PSArray([], elementTypeName: "System.Collections.ArrayList"))
        case "hashtable", "system.collections.hashtable", "collections.hashtable":
            value = .hashtable(PSHashtable())
        case "system.collections.specialized.ordereddictionary":
            value = .hashtable(PSHashtable(ordered: true))
        case "system.componentmodel.win32exception", "componentmodel.win32exception":
            let code = context.value("ArgumentList")?.enumerated?.first.flatMap { LanguagePrimitives.toInt64($0) } ?? 0
            value = .object(PSExceptionObject(typeName: "System.ComponentModel.Win32Exception",
                message: Win32Messages.text(Int(code)),
                extraProperties: [PSPropertyInfo(name: "NativeErrorCode", value: .int32(Int32(truncatingIfNeeded: code)))]))
        case let t where t.hasSuffix("exception"):
            let message = context.value("ArgumentList")?.enumerated?.first.map { LanguagePrimitives.toString($0) } ?? ""
            let full = DotNetTypes.resolve(context.string("TypeName") ?? "")?.fullName ?? (context.string("TypeName") ?? "")
            value = .object(PSExceptionObject(typeName: full, message: message))
        default:
            throw RuntimeError(record: context.errorRecord(
                message: "Cannot find type [\(context.string("TypeName") ?? "")]: verify that the assembly containing this type is loaded.",
                errorId: "TypeNotFound", category: .InvalidType,
                exceptionType: "System.Management.Automation.PSArgumentException"))
        }
        try context.writeObject(value)
    }
}

import MailslotTransport

enum Win32Messages {
    static func text(_ code: Int) -> String {
        Win32Error(code: UInt32(truncatingIfNeeded: code)).message
    }
}

#if canImport(Glibc)
import Glibc
#endif
