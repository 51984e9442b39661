import CmdletParser

/// System.Management.Automation.ErrorCategory.
public enum ErrorCategory: String, Sendable, CaseIterable {
    case NotSpecified, OpenError, CloseError, DeviceError, DeadlockDetected, InvalidArgument, InvalidData
    case InvalidOperation, InvalidResult, InvalidType, MetadataError, NotImplemented, NotInstalled
    case ObjectNotFound, OperationStopped, OperationTimeout, SyntaxError, ParserError, PermissionDenied
    case ResourceBusy, ResourceExists, ResourceUnavailable, ReadError, WriteError, FromStdErr, SecurityError
    case ProtocolError, ConnectionError, AuthenticationError, LimitsExceeded, QuotaExceeded, NotEnabled
}

/// `$_.CategoryInfo`: `{Category}: ({TargetName}:{TargetType}) [{Activity}], {Reason}`.
public struct ErrorCategoryInfo {
    public var category: ErrorCategory
    public var activity: String
    public var reason: String
    public var targetName: String
    public var targetType: String

    public init(category: ErrorCategory, activity: String = "", reason: String, targetName: String = "",
                targetType: String = "") {
        self.category = category
        self.activity = activity
        self.reason = reason
        self.targetName = targetName
        self.targetType = targetType
    }

    /// ErrorCategoryInfo.GetMessage(): Windows PowerShell 5.1 cuts names over 40 characters to
    /// the first 15 + `...` + the last 15.
    public var message: String {
        "\(category.rawValue): (\(Self.ellipsize(targetName)):\(Self.ellipsize(targetType))) "
            + "[\(Self.ellipsize(activity))], \(reason)"
    }

    package static func ellipsize(_ s: String) -> String {
        guard s.count > 40 else { return s }
        return String(s.prefix(15)) + "..." + String(s.suffix(15))
    }
}

/// What kind of command raised an error; decides the `X : ` prefix of NormalView.
public enum CommandKind: Sendable {
    case cmdlet, function, externalScript, scriptBlock
}

/// `$_.InvocationInfo`.
public final class InvocationInfo {
    /// The command's name (nil when the error did not come from a command, e.g. `throw`).
    public var myCommand: String?
    public var commandKind: CommandKind
    /// The name as typed (an alias such as `gci`), empty for binding errors.
    public var invocationName: String
    /// Where the error points: the source text and extent the squiggle covers.
    public var source: ScriptSource?
    public var extent: SourceExtent?

    public init(myCommand: String?, commandKind: CommandKind = .cmdlet, invocationName: String = "",
                source: ScriptSource?, extent: SourceExtent?) {
        self.myCommand = myCommand
        self.commandKind = commandKind
        self.invocationName = invocationName
        self.source = source
        self.extent = extent
    }

    /// A function's or script's body, for `MyCommand.Definition` and `.ScriptBlock`.
    package var definition: ScriptBlockAst?
    package var isFilter = false
    package var pipelineLength = 1
    package var pipelinePosition = 1
    package var expectingInput = false
    package var boundParameters: [String: PSValue] = [:]
    package var unboundArguments: [PSValue] = []

    public var scriptName: String { source?.file ?? "" }
    public var scriptLineNumber: Int {
        guard let source, let extent else { return 0 }
        return source.lineNumber(at: extent.startOffset)
    }
    public var offsetInLine: Int {
        guard let source, let extent else { return 0 }
        return source.columnNumber(at: extent.startOffset)
    }
    public var line: String {
        guard let source, let extent else { return "" }
        return source.lineText(source.lineNumber(at: extent.startOffset))
    }
}

/// A .NET exception as scripts see it (`$_.Exception.Message`, `.GetType().FullName`).
public final class PSExceptionObject: PSObject {
    public let message: String
    public let innerException: PSExceptionObject?
    /// Extra properties, e.g. `NativeErrorCode` of a Win32Exception.
    public let extraProperties: [PSPropertyInfo]
    /// Set on exceptions that carry their own error record (RuntimeException and subclasses).
    public weak var errorRecord: ErrorRecord?
    /// True for the exception of a `throw` statement (ConciseView then says `Exception:`).
    public var wasThrownFromThrowStatement = false
    /// The error id and category of the record a RuntimeException carries from its creation
    /// (ParseException: the first parse error's id), for an exception no record holds yet.
    public var ownRecord: (errorId: String, category: ErrorCategory)?

    /// `typeName` is the full .NET name; base types are added for `catch [BaseType]` matching.
    public init(typeName: String, message: String, innerException: PSExceptionObject? = nil,
                extraProperties: [PSPropertyInfo] = []) {
        self.message = message
        self.innerException = innerException
        self.extraProperties = extraProperties
        super.init(typeNames: [typeName] + ExceptionTypes.baseTypes(of: typeName))
    }

    public var typeName: String { typeNames[0] }
    public var shortName: String { String(typeName.split(separator: ".").last ?? "") }

    public override var properties: [PSPropertyInfo] {
        var list = [PSPropertyInfo(name: "Message", value: .string(message), isSettable: false)]
        if let record = errorRecord {
            list.append(PSPropertyInfo(name: "ErrorRecord", value: .object(record)))
        } else if let own = ownRecord {
            let record = ErrorRecord(exception: self, errorId: own.errorId, category: own.category, targetObject: .null)
            list.append(PSPropertyInfo(name: "ErrorRecord", value: .object(record)))
        }
        list.append(PSPropertyInfo(name: "InnerException",
                                   value: innerException.map { .object($0) } ?? .null, typeName: "System.Exception"))
        return list + extraProperties
    }

    public override func toString() -> String { typeName + ": " + message }
}

/// The base types of an exception type, from the type library's declarations.
package enum ExceptionTypes {
    package static func baseTypes(of typeName: String) -> [String] {
        var result: [String] = []
        var current = typeName
        while let parent = StandardTypes.baseType(of: current), result.count < 16 {
            result.append(parent)
            current = parent
        }
        if !result.contains("System.Exception") && typeName != "System.Exception" {
            result.removeAll { $0 == "System.Object" }
            result += ["System.Exception", "System.Object"]
        }
        return result
    }
}

/// System.Management.Automation.ErrorRecord.
public final class ErrorRecord: PSObject {
    public let exception: PSExceptionObject
    public let targetObject: PSValue
    /// The error id with its `,<command>` suffix when it came from a command.
    public var fullyQualifiedErrorId: String
    public var categoryInfo: ErrorCategoryInfo
    /// `ErrorDetails.Message`, which NormalView shows instead of the exception's message.
    public var errorDetails: String?
    public var invocationInfo: InvocationInfo?

    public init(exception: PSExceptionObject, errorId: String, category: ErrorCategory, targetObject: PSValue,
                invocationInfo: InvocationInfo? = nil) {
        self.exception = exception
        self.targetObject = targetObject
        self.fullyQualifiedErrorId = errorId
        self.categoryInfo = ErrorCategoryInfo(category: category, reason: exception.shortName,
                                              targetName: targetObject.isNull ? "" : LanguagePrimitives.toString(targetObject),
                                              targetType: targetObject.isNull ? "" : targetObject.shortTypeName)
        self.invocationInfo = invocationInfo
        super.init(typeNames: ["System.Management.Automation.ErrorRecord", "System.Object"])
        if exception.errorRecord == nil { exception.errorRecord = self }
    }

    /// The message NormalView and `"$_"` show.
    public var message: String { errorDetails ?? exception.message }

    public override var properties: [PSPropertyInfo] {
        [
            PSPropertyInfo(name: "Exception", value: .object(exception), typeName: "System.Exception"),
            PSPropertyInfo(name: "TargetObject", value: targetObject, typeName: "System.Object"),
            PSPropertyInfo(name: "CategoryInfo", value: .object(CategoryInfoObject(categoryInfo)),
                           typeName: "System.Management.Automation.ErrorCategoryInfo"),
            PSPropertyInfo(name: "FullyQualifiedErrorId", value: .string(fullyQualifiedErrorId)),
            PSPropertyInfo(name: "ErrorDetails", value: errorDetails.map { .string($0) } ?? .null,
                           typeName: "System.Management.Automation.ErrorDetails"),
            PSPropertyInfo(name: "InvocationInfo", value: invocationInfo.map { .object(InvocationInfoObject($0)) } ?? .null,
                           typeName: "System.Management.Automation.InvocationInfo"),
            PSPropertyInfo(name: "ScriptStackTrace", value: .string(""), typeName: "System.String"),
            PSPropertyInfo(name: "PipelineIterationInfo", value: .array(PSArray([])),
                           typeName: "System.Collections.ObjectModel.ReadOnlyCollection`1[[System.Int32]]"),
        ]
    }

    public override func toString() -> String { message }
}

/// `$_.CategoryInfo` as an object.
package final class CategoryInfoObject: PSObject {
    package let info: ErrorCategoryInfo
    package init(_ info: ErrorCategoryInfo) {
        self.info = info
        super.init(typeNames: ["System.Management.Automation.ErrorCategoryInfo", "System.Object"])
    }
    package override var properties: [PSPropertyInfo] {
        [
            PSPropertyInfo(name: "Category", value: .string(info.category.rawValue),
                           typeName: "System.Management.Automation.ErrorCategory"),
            PSPropertyInfo(name: "Activity", value: .string(info.activity)),
            PSPropertyInfo(name: "Reason", value: .string(info.reason)),
            PSPropertyInfo(name: "TargetName", value: .string(info.targetName)),
            PSPropertyInfo(name: "TargetType", value: .string(info.targetType)),
        ]
    }
    package override func toString() -> String { info.message }
}

/// `$_.InvocationInfo` as an object.
package final class InvocationInfoObject: PSObject {
    package let info: InvocationInfo
    package init(_ info: InvocationInfo) {
        self.info = info
        super.init(typeNames: ["System.Management.Automation.InvocationInfo", "System.Object"])
    }
    package override var properties: [PSPropertyInfo] {
        [
            PSPropertyInfo(name: "MyCommand", value: info.myCommand.map { .object(CommandInfoObject(name: $0, info: info)) } ?? .null),
            PSPropertyInfo(name: "BoundParameters", value: .hashtable(boundTable)),
            PSPropertyInfo(name: "UnboundArguments", value: .array(PSArray(info.unboundArguments))),
            PSPropertyInfo(name: "ScriptName", value: .string(info.scriptName)),
            PSPropertyInfo(name: "ScriptLineNumber", value: .int32(Int32(info.scriptLineNumber))),
            PSPropertyInfo(name: "OffsetInLine", value: .int32(Int32(info.offsetInLine))),
            PSPropertyInfo(name: "Line", value: .string(info.line)),
            PSPropertyInfo(name: "PositionMessage", value: .string(ErrorView.positionMessage(info))),
            PSPropertyInfo(name: "HistoryId", value: .int64(1)),
            PSPropertyInfo(name: "PSScriptRoot", value: .string(info.scriptName.isEmpty ? "" : Self.directory(of: info.scriptName))),
            PSPropertyInfo(name: "PSCommandPath", value: .string(info.scriptName)),
            PSPropertyInfo(name: "InvocationName", value: .string(info.invocationName)),
            PSPropertyInfo(name: "PipelineLength", value: .int32(Int32(clamping: info.pipelineLength))),
            PSPropertyInfo(name: "PipelinePosition", value: .int32(Int32(clamping: info.pipelinePosition))),
            PSPropertyInfo(name: "ExpectingInput", value: .bool(info.expectingInput)),
            PSPropertyInfo(name: "CommandOrigin", value: .string("Internal")),
        ]
    }

    private var boundTable: PSHashtable {
        let table = PSHashtable()
        for (name, value) in info.boundParameters.sorted(by: { $0.key < $1.key }) { table[string: name] = value }
        return table
    }

    /// The folder of a script path (`C:\x\s.ps1` → `C:\x`, `/tmp/s.ps1` → `/tmp`).
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return "" }
        return slash == path.startIndex ? String(path[...slash]) : String(path[..<slash])
    }
}
