/// PowerShell 7's ConciseView (`Get-ConciseViewPositionMessage` in PowerShellCore_format_ps1xml.cs):
/// `{reason}: {message}` for a one-line console command, and a `Line |` block for parse errors and
/// errors raised in a script file or on a later input line.
package enum ConciseErrorView {
    package static func text(_ record: ErrorRecord, windowWidth: Int) -> String {
        let info = record.invocationInfo
        let isParserError = record.categoryInfo.category == .ParserError
        let scriptName = info?.scriptName ?? ""
        let showsPosition = (!scriptName.isEmpty || (info?.scriptLineNumber ?? 0) > 1 || isParserError)
            && !scriptName.lowercased().hasSuffix(".psm1")

        var position = ""
        var message = ""
        var prefix = ""
        if showsPosition {
            position = scriptName.isEmpty ? "\n" : "\(scriptName):\(info?.scriptLineNumber ?? 0)\n"
            let lineNumber = info?.scriptLineNumber ?? 0
            let digits = String(lineNumber).count
            let headerWhitespace = TextLayout.spaces(digits - 4)
            position += headerWhitespace + "Line |\n"

            let positionLines = info.map { ErrorView.positionMessage($0) }.map { $0.split(separator: "\n",
                omittingEmptySubsequences: false).map(String.init) } ?? []
            var line = positionLines.count > 1 ? String(positionLines[1].dropFirst()) : ""
            let highlight = positionLines.count > 1 ? String(positionLines[positionLines.count - 1].dropFirst()) : ""
            if !line.hasSuffix("\n") { line += "\n" }
            position += TextLayout.spaces(4 - digits) + "\(lineNumber) | " + line
            prefix = headerWhitespace + "     | "
            if !highlight.isEmpty { position += prefix + highlight + "\n" }
            message = prefix
        }

        if let details = record.errorDetails, !details.isEmpty {
            message += details
        } else if isParserError, let range = record.exception.message.firstRange(of: "~\n") {
            // Only the first parse error's text, cut from the pre-rendered position messages.
            let rest = record.exception.message[range.upperBound...]
            message += rest.firstRange(of: "\n\n").map { String(rest[..<$0.lowerBound]) } ?? String(rest)
        } else {
            message += record.exception.message
        }

        if !scriptName.isEmpty || isParserError {
            message = message.replacingAll("\n", with: " ").replacingAll("\t", with: " ")
            message = wrap(message, prefix: prefix, windowWidth: windowWidth) + "\n"
        }
        return reason(record) + ": " + position + message
    }

    /// The message broken at the last white space before the window edge, continuation lines
    /// starting with the `     | ` prefix.
    private static func wrap(_ message: String, prefix: String, windowWidth: Int) -> String {
        let text = Array(message.utf16)
        guard windowWidth > 0 && text.count > windowWidth else { return message }
        let prefixUnits = Array(prefix.utf16)
        var result = truncated(text, windowWidth)
        var remaining = trim(Array(text[result.count...]))
        result.append(0x0A)
        while remaining.count + prefixUnits.count > windowWidth {
            let line = truncated(prefixUnits + remaining, windowWidth)
            guard line.count - prefixUnits.count > 0 else { break }
            result += line + [0x0A]
            remaining = trim(Array(remaining[(line.count - prefixUnits.count)...]))
        }
        result += prefixUnits + trim(remaining)
        return String(decoding: result, as: UTF16.self)
    }

    /// Get-TruncatedString: the first `length` units cut back to the last white space.
    private static func truncated(_ s: [UInt16], _ length: Int) -> [UInt16] {
        if s.count <= length { return s }
        let head = s[0..<length]
        guard let cut = head.lastIndex(where: isWhitespace) else { return Array(head) }
        return Array(head[..<cut])
    }

    private static func trim(_ s: [UInt16]) -> [UInt16] {
        guard let first = s.firstIndex(where: { !isWhitespace($0) }),
              let last = s.lastIndex(where: { !isWhitespace($0) }) else { return [] }
        return Array(s[first...last])
    }

    private static func isWhitespace(_ u: UInt16) -> Bool {
        u == 0x20 || (u >= 0x09 && u <= 0x0D) || u == 0x85 || u == 0xA0 || u == 0x1680
            || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F || u == 0x3000
    }

    /// `Exception` for `throw`; else the command; else CategoryInfo.Activity; else the name typed;
    /// else the category (`ParserError`); else the exception type's short name.
    private static func reason(_ record: ErrorRecord) -> String {
        if record.exception.wasThrownFromThrowStatement { return "Exception" }
        let info = record.invocationInfo
        if let command = info?.myCommand, !command.isEmpty, info?.commandKind != .scriptBlock { return command }
        if !record.categoryInfo.activity.isEmpty { return record.categoryInfo.activity }
        if let command = info?.myCommand, !command.isEmpty { return command }
        if let name = info?.invocationName, !name.isEmpty { return name }
        return record.categoryInfo.category.rawValue
    }
}

extension String {
    /// Every occurrence of `target` replaced (ordinal), without Foundation.
    package func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
