import CmdletParser

/// `$ErrorView` values.
public enum ErrorViewKind: String, Sendable {
    case normalView = "NormalView"
    case categoryView = "CategoryView"
    case conciseView = "ConciseView"
}

/// Renders error records as the console shows them: Windows PowerShell 5.1's `ErrorInstance` view
/// (NormalView, CategoryView) and PowerShell 7's ConciseView.
public enum ErrorView {
    /// InvocationInfo.PositionMessage (PositionUtilities.VerboseMessage): `At line:L char:C` or
    /// `At <file>:L char:C`, `+ <source line>`, `+ <squiggle>`, joined by "\n"; "" without a position.
    public static func positionMessage(_ info: InvocationInfo) -> String {
        guard let source = info.source, let extent = info.extent else { return "" }
        return PositionMessage.verbose(source: source, extent: extent)
    }

    /// The whole record as the console prints it at a buffer `width`, each line ending in "\n".
    public static func render(_ record: ErrorRecord, view: ErrorViewKind, width: Int) -> String {
        lines(record, view: view, bufferWidth: width, columns: width - 1).map { $0 + "\n" }.joined()
    }

    /// The lines the formatter writes for a record: the view's text broken by ComplexWriter at
    /// `columns` (5.1 word wrap for NormalView and CategoryView; ConciseView is not re-wrapped).
    package static func lines(_ record: ErrorRecord, view: ErrorViewKind, bufferWidth: Int, columns: Int) -> [String] {
        switch view {
        case .normalView, .categoryView:
            let text = viewText(record, view: view, bufferWidth: bufferWidth)
            return TextLayout.generateLines(text, firstLineLength: columns, followingLinesLength: columns)
        case .conciseView:
            return TextLayout.splitLines(ConciseErrorView.text(record, windowWidth: bufferWidth))
        }
    }

    /// The text of 5.1's `ErrorInstance` custom view before the formatter wraps it.
    package static func viewText(_ record: ErrorRecord, view: ErrorViewKind, bufferWidth: Int) -> String {
        if record.fullyQualifiedErrorId == "NativeCommandErrorMessage" { return record.exception.message }
        if view == .categoryView { return record.categoryInfo.message }

        var positionText = ""
        if let info = record.invocationInfo, info.myCommand != nil || record.categoryInfo.category != .ParserError {
            positionText = positionMessage(info)
        }
        if !positionText.isEmpty { positionText = "\n" + positionText }

        // `$host.UI.RawUI.BufferSize.Width - $indent - 2`: the chunk width of the `+ ...` lines.
        let chunkWidth = Swift.max(1, bufferWidth - 6)
        positionText += "\n" + indentedChunks("+ CategoryInfo          : " + record.categoryInfo.message, chunkWidth)
        positionText += "\n" + indentedChunks("+ FullyQualifiedErrorId : " + record.fullyQualifiedErrorId, chunkWidth)

        let body: String
        if let details = record.errorDetails, !details.isEmpty {
            body = details + positionText
        } else {
            // Without ErrorDetails the view ends in "`n " -> the closing one-space line.
            body = record.exception.message + positionText + "\n "
        }
        return prefix(record) + body
    }

    /// The `X : ` before the message: the script path, the script block text, or the command's
    /// name (InvocationName when the command was called by another name, e.g. an alias).
    package static func prefix(_ record: ErrorRecord) -> String {
        guard let info = record.invocationInfo else { return "" }
        if let command = info.myCommand {
            switch info.commandKind {
            case .externalScript:
                let path = command.isEmpty ? info.scriptName : command
                return path.isEmpty ? "" : path + " : "
            case .scriptBlock:
                return command + " : "
            case .cmdlet, .function:
                if info.invocationName.isEmpty || info.invocationName == "&" || info.invocationName == "." {
                    return command.isEmpty ? "" : command + " : "
                }
                return info.invocationName + " : "
            }
        }
        return info.invocationName.isEmpty ? "" : info.invocationName + " : "
    }

    /// `$s -split "(.{$width})"` with each non-empty piece prefixed by four spaces, concatenated:
    /// 5.1 cuts the CategoryInfo / FullyQualifiedErrorId lines into chunks of `width` characters
    /// (UTF-16 units, newlines never inside a chunk) without adding line breaks.
    package static func indentedChunks(_ s: String, _ width: Int) -> String {
        let units = Array(s.utf16)
        var pieces: [ArraySlice<UInt16>] = []
        var pendingStart = 0
        var i = 0
        while i + width <= units.count {
            if let newline = units[i..<(i + width)].firstIndex(of: 0x0A) {
                i = newline + 1
                continue
            }
            pieces.append(units[pendingStart..<i])
            pieces.append(units[i..<(i + width)])
            i += width
            pendingStart = i
        }
        pieces.append(units[pendingStart...])
        return pieces.filter { !$0.isEmpty }.map { "    " + String(decoding: $0, as: UTF16.self) }.joined()
    }

    // MARK: Parse errors

    /// The record PowerShell reports for a failed parse: ParseException (script file) or
    /// ParentContainsErrorRecordException (console input), message = every error as its position
    /// message + "\n" + text, errors separated by a blank line, at most 10 then TooManyErrors;
    /// FullyQualifiedErrorId = the first error's id; category ParserError.
    public static func parseErrorRecord(_ result: ParseResult, fromFile: Bool) -> ErrorRecord {
        let source = result.source
        var parts = result.errors.prefix(ParseError.maxReported).map {
            PositionMessage.verbose(source: source, extent: $0.extent) + "\n" + $0.message
        }
        // Past the limit only the TooManyErrors text follows, without a position.
        if result.errors.count > ParseError.maxReported {
            parts.append(ParserStrings.format("TooManyErrors", []))
        }
        let typeName = fromFile ? "System.Management.Automation.ParseException"
                                : "System.Management.Automation.ParentContainsErrorRecordException"
        let exception = PSExceptionObject(typeName: typeName, message: parts.joined(separator: "\n\n"))
        let first = result.errors.first
        // The position of the first error, for views that show it themselves (ConciseView);
        // NormalView leaves it out because the message already holds every position.
        let info = InvocationInfo(myCommand: nil, source: source, extent: first?.extent)
        return ErrorRecord(exception: exception, errorId: first?.errorId ?? "ParseException", category: .ParserError,
                           targetObject: .null, invocationInfo: info)
    }
}

