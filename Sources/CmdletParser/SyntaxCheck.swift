// The `-SyntaxCheck` report: one line per error, `OFFSET<TAB>ERRORID<TAB>MESSAGE`, offsets
// 0-based in UTF-16 characters as PowerShell counts them.

extension ParseResult {
    /// The `-SyntaxCheck` lines, empty when the script parses cleanly. A message's own line
    /// breaks become spaces so that each error stays on one line.
    public var syntaxCheckLines: [String] {
        errors.map { error in
            let offset = source.characterOffset(at: error.extent.startOffset)
            var message = ""
            var lastWasCR = false
            for u in error.message.unicodeScalars {
                if u == "\n" {
                    if !lastWasCR { message.append(" ") }
                    lastWasCR = false
                } else if u == "\r" {
                    message.append(" ")
                    lastWasCR = true
                } else {
                    message.unicodeScalars.append(u)
                    lastWasCR = false
                }
            }
            return "\(offset)\t\(error.errorId)\t\(message)"
        }
    }

    /// The whole `-SyntaxCheck` output (each line ends with a newline), empty when valid.
    public var syntaxCheckReport: String {
        syntaxCheckLines.map { $0 + "\n" }.joined()
    }
}
