import CmdletParser

/// Comment-based help (PowerShell's HelpCommentsParser): the `.SYNOPSIS`, `.DESCRIPTION`, … sections
/// of the comment block that documents a function, found where PowerShell looks for it: just
/// before the `function` keyword (at most one line between), else at the start of the body,
/// else at its end.
package struct CommentHelpInfo {
    package var synopsis: String?
    package var description: String?
    package var notes: String?
    package var links: [String] = []
    package var examples: [String] = []
    package var inputs: [String] = []
    package var outputs: [String] = []
    package var component: String?
    package var role: String?
    package var functionality: String?
    /// `.PARAMETER name` sections, by upper-cased name.
    package var parameters: [String: String] = [:]
}

package enum CommentHelp {
    /// How many lines may separate a help block from the `function` keyword it documents.
    static let proximity = 2

    /// The help of a function, nil when no comment block documents it.
    package static func of(_ function: FunctionInfo) -> CommentHelpInfo? {
        find(body: function.definition, declaration: function.declaration, isScript: false)
    }

    /// The help of a script file: its first help block, unless that block documents the script's
    /// first function; else the help block at its end.
    package static func ofScript(_ ast: ScriptBlockAst) -> CommentHelpInfo? {
        find(body: ast, declaration: nil, isScript: true)
    }

    private static func find(body: ScriptBlockAst, declaration: SourceExtent?, isScript: Bool) -> CommentHelpInfo? {
        let source = body.source
        let tokens = Parser.parseInput(source.text, file: source.file).tokens
        guard !tokens.isEmpty else { return nil }
        func endLine(_ t: Token) -> Int { source.lineNumber(at: Swift.max(t.extent.endOffset - 1, t.extent.startOffset)) }
        func startLine(_ t: Token) -> Int { source.lineNumber(at: t.extent.startOffset) }
        func firstToken(at offset: Int) -> Int { tokens.firstIndex { $0.extent.startOffset >= offset } ?? tokens.count }
        func lastToken(before offset: Int) -> Int { (tokens.lastIndex { $0.extent.endOffset <= offset } ?? 0) }

        /// Comments directly above a token: each within a line of the next, the last within `proximity`.
        func precedingBlock(_ index: Int, proximity: Int) -> [Token] {
            guard index < tokens.count else { return [] }
            var result: [Token] = []
            var minEndLine = startLine(tokens[index]) - proximity
            var i = index - 1
            while i >= 0 {
                let t = tokens[i]
                if endLine(t) < minEndLine { break }
                if t.kind == .comment {
                    result.append(t)
                    minEndLine = startLine(t) - 1
                } else if t.kind != .newline {
                    break
                }
                i -= 1
            }
            return result.reversed()
        }

        /// The comments from `start` on, each on the line of the previous one or the next.
        func followingBlock(_ start: inout Int) -> [Token] {
            var result: [Token] = []
            var nextMaxStartLine = Int.max
            var i = start
            while i < tokens.count {
                let t = tokens[i]
                if startLine(t) > nextMaxStartLine { break }
                if t.kind == .comment {
                    result.append(t)
                    nextMaxStartLine = endLine(t) + 1
                } else if t.kind != .newline {
                    break
                }
                i += 1
            }
            start = i
            return result
        }

        func help(_ block: [Token]) -> CommentHelpInfo? {
            guard !block.isEmpty else { return nil }
            return analyze(block.flatMap { commentLines(source.text(of: $0.extent)) })
        }

        var startIndex: Int
        var lastIndex: Int
        if let declaration {
            let keyword = firstToken(at: declaration.startOffset)
            if let found = help(precedingBlock(keyword, proximity: proximity)) { return found }
            startIndex = firstToken(at: body.extent.startOffset) + 1
            lastIndex = lastToken(before: declaration.endOffset)
        } else {
            startIndex = firstToken(at: body.extent.startOffset)
            if startIndex < tokens.count, tokens[startIndex].kind == .lCurly { startIndex += 1 }
            lastIndex = lastToken(before: body.extent.endOffset)
        }
        while startIndex < tokens.count {
            let block = followingBlock(&startIndex)
            if block.isEmpty { break }
            guard let found = help(block) else { continue }
            // A script's leading block within two lines of its first function is that function's.
            if isScript, let end = body.endBlock, end.unnamed,
               let function = end.statements.first as? FunctionDefinitionAst, let last = block.last {
                if source.lineNumber(at: function.extent.startOffset) - endLine(last) > proximity { return found }
                break
            }
            return found
        }
        guard lastIndex < tokens.count else { return nil }
        return help(precedingBlock(lastIndex, proximity: startLine(tokens[lastIndex])))
    }

    /// The lines of one comment: a `<# … #>` block's lines, or a line comment without its leading `#`s.
    static func commentLines(_ text: String) -> [String] {
        if text.hasPrefix("<#") {
            var inner = Substring(text.dropFirst(2))
            if inner.hasSuffix("#>") { inner = inner.dropLast(2) }
            return inner.replacing("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { $0.split(separator: "\r", omittingEmptySubsequences: false) }.map(String.init)
        }
        return [String(text.drop { $0 == "#" })]
    }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }

    /// `.NAME` or `.NAME argument` (`^\s*\.(\w+)(\s+(\S.*))?\s*$`); nil for any other line.
    private static func directive(_ line: String) -> (name: String, argument: String?)? {
        let rest = line.drop { $0.isWhitespace }
        guard rest.first == "." else { return nil }
        let afterDot = rest.dropFirst()
        let name = afterDot.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty else { return nil }
        let tail = afterDot.dropFirst(name.count)
        if tail.allSatisfy(\.isWhitespace) { return (String(name), nil) }
        guard tail.first?.isWhitespace == true else { return nil }
        return (String(name), String(tail.drop { $0.isWhitespace }))
    }

    /// A section's text: its lines up to the next directive, without the leading blank lines and
    /// without as much indentation as its first line has; each line ends in `\n`.
    private static func section(_ lines: [String], _ i: inout Int) -> String {
        var capturing = false
        var indentation = 0
        var text = ""
        i += 1
        while i < lines.count {
            let line = lines[i]
            if !capturing && isBlank(line) { i += 1; continue }
            if directive(line) != nil { i -= 1; break }
            func isIndent(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{A0}" }
            if !capturing { indentation = line.prefix(while: isIndent).count }
            capturing = true
            var start = line.startIndex
            var skipped = 0
            while start < line.endIndex, skipped < indentation, isIndent(line[start]) {
                start = line.index(after: start)
                skipped += 1
            }
            text += line[start...] + "\n"
            i += 1
        }
        return text
    }

    /// The sections of a comment block; nil when it is not help (no directive, an unknown one,
    /// or a line that is neither blank nor part of a section).
    static func analyze(_ lines: [String]) -> CommentHelpInfo? {
        var info = CommentHelpInfo()
        var found = false
        var i = 0
        while i < lines.count {
            if let (name, argument) = directive(lines[i]) {
                found = true
                if let argument {
                    switch name.uppercased() {
                    case "PARAMETER":
                        let key = argument.trimmedWhitespace.uppercased()
                        let text = section(lines, &i)
                        if info.parameters[key] == nil { info.parameters[key] = text }
                    case "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE", "EXTERNALHELP": break
                    default: return nil
                    }
                } else {
                    switch name.uppercased() {
                    case "SYNOPSIS": info.synopsis = section(lines, &i)
                    case "DESCRIPTION": info.description = section(lines, &i)
                    case "NOTES": info.notes = section(lines, &i)
                    case "LINK": info.links.append(section(lines, &i).trimmedWhitespace)
                    case "EXAMPLE": info.examples.append(section(lines, &i))
                    case "INPUTS": info.inputs.append(section(lines, &i))
                    case "OUTPUTS": info.outputs.append(section(lines, &i))
                    case "COMPONENT": info.component = section(lines, &i).trimmedWhitespace
                    case "ROLE": info.role = section(lines, &i).trimmedWhitespace
                    case "FUNCTIONALITY": info.functionality = section(lines, &i).trimmedWhitespace
                    default: return nil
                    }
                }
            } else if !isBlank(lines[i]) {
                return nil
            }
            i += 1
        }
        return found ? info : nil
    }

    /// An `.EXAMPLE` section split as PowerShell splits it: the prompt (text up to the first `>`
    /// of its first line, else `PS > `), the code (up to the first blank line) and the remarks.
    package static func exampleParts(_ content: String) -> (prompt: String, code: String, remarks: String) {
        var body = Substring(content)
        var prompt = "PS > "
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r" }
        if let gt = firstLine.firstIndex(of: ">") {
            prompt = String(body[...gt])
            body = body[body.index(after: gt)...]
        }
        let normalized = String(body).replacing("\r\n", with: "\n")
        if let range = normalized.firstRange(of: "\n\n") {
            return (prompt, String(normalized[..<range.lowerBound]).trimmedWhitespace, String(normalized[range.upperBound...]))
        }
        return (prompt, normalized.trimmedWhitespace, "")
    }
}
