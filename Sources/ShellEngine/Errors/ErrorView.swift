import CmdletParser

/// `$ErrorView` values.
public enum ErrorViewKind: String, Sendable {
    case normalView = "NormalView"
    case categoryView = "CategoryView"
    case conciseView = "ConciseView"
}

/// Renders error records as the console shows them.
public enum ErrorView {
    /// InvocationInfo.PositionMessage: `At line:L char:C`, the source line and the `~` squiggle.
    public static func positionMessage(_ info: InvocationInfo) -> String {
        guard let source = info.source, let extent = info.extent else { return "" }
        let line = source.lineNumber(at: extent.startOffset)
        let column = source.columnNumber(at: extent.startOffset)
        let location = source.file.map { "At \($0):\(line) char:\(column)" } ?? "At line:\(line) char:\(column)"
        let text = source.lineText(line)
        let endColumn = source.lineNumber(at: extent.endOffset) == line
            ? source.columnNumber(at: extent.endOffset) : text.utf16.count + 1
        let tildes = String(repeating: "~", count: Swift.max(1, endColumn - column))
        return location + "\n+ " + text + "\n+ " + String(repeating: " ", count: column - 1) + tildes
    }

    /// The whole record as the console prints it, each line ending in a newline.
    public static func render(_ record: ErrorRecord, view: ErrorViewKind, width: Int) -> String {
        var text = ""
        if let info = record.invocationInfo, let command = info.myCommand {
            text += command + " : "
        } else if let info = record.invocationInfo, !info.invocationName.isEmpty {
            text += info.invocationName + " : "
        }
        text += record.message + "\n"
        if let info = record.invocationInfo, info.myCommand != nil || record.categoryInfo.category != .ParserError {
            let position = positionMessage(info)
            if !position.isEmpty { text += position + "\n" }
        }
        text += "    + CategoryInfo          : " + record.categoryInfo.message + "\n"
        text += "    + FullyQualifiedErrorId : " + record.fullyQualifiedErrorId + "\n"
        text += " \n"
        return text
    }
}

extension ErrorView {
    /// The record PowerShell reports for parse errors.
    public static func parseErrorRecord(_ result: ParseResult, fromFile: Bool) -> ErrorRecord {
        let text = result.errors.prefix(10).map { error in
            positionMessage(InvocationInfo(myCommand: nil, source: result.source, extent: error.extent)) + "\n" + error.message
        }.joined(separator: "\n\n")
        let exception = PSExceptionObject(typeName: fromFile ? "System.Management.Automation.ParseException"
                                                             : "System.Management.Automation.ParentContainsErrorRecordException",
                                          message: text)
        return ErrorRecord(exception: exception, errorId: result.errors.first?.errorId ?? "ParseError",
                           category: .ParserError, targetObject: .null)
    }
}
