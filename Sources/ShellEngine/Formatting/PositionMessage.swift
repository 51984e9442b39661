import CmdletParser

/// PositionUtilities.VerboseMessage of Windows PowerShell 5.1 (engine/parser/Position.cs):
/// `At line:L char:C`, the source line and the `~` squiggle under the extent.
///
/// Columns and lengths are counted in UTF-16 units, as .NET counts them.
package enum PositionMessage {
    /// The widest source line shown: an 80-column console minus `+ `, `... `, ` ...` and one spare.
    package static let maxLineLength = 69

    package static func verbose(source: ScriptSource, extent: SourceExtent) -> String {
        let startOffset = Swift.max(0, Swift.min(extent.startOffset, source.utf8.count))
        let endOffset = Swift.max(startOffset, Swift.min(extent.endOffset, source.utf8.count))
        let startLine = source.lineNumber(at: startOffset)
        let startColumn = source.columnNumber(at: startOffset)
        let endLine = source.lineNumber(at: endOffset)
        let endColumn = source.columnNumber(at: endOffset)
        let fileName = (source.file?.isEmpty ?? true) ? "line" : source.file!

        let header = "At \(fileName):\(startLine) char:\(startColumn)\n+ "
        var line = Array(source.lineText(startLine).trimmingTrailingWhitespace().utf16)
        if line.isEmpty { return header }

        var spacesBefore = startColumn - 1
        var errorLength = startLine == endLine ? endColumn - startColumn : line.count - startColumn + 1

        if line.contains(0x09) {
            // Tabs become four spaces; the offsets follow the expanded text.
            let split1 = clamp(spacesBefore, 0, line.count)
            let split2 = clamp(spacesBefore + Swift.max(errorLength, 0), split1, line.count)
            let before = expandTabs(line[0..<split1])
            let error = expandTabs(line[split1..<split2])
            let after = expandTabs(line[split2...])
            spacesBefore = before.count + Swift.max(0, spacesBefore - split1)
            errorLength = error.count + Swift.max(0, errorLength - (split2 - split1))
            line = before + error + after
        }

        var needsPrefixDots = false
        var needsSuffixDots = false
        if line.count > maxLineLength {
            let totalPrefix = spacesBefore
            var prefix = Swift.min(totalPrefix, 12)
            let totalSuffix = line.count - errorLength - spacesBefore
            var suffix = Swift.min(totalSuffix, 8)
            var candidateLength = prefix + errorLength + suffix
            if candidateLength >= maxLineLength {
                // The squiggle itself is too long: keep its start, cut the line on the right.
                if prefix + errorLength >= maxLineLength { errorLength = maxLineLength - prefix }
                needsSuffixDots = true
            } else {
                // Spare room goes to more context before the error first, then after it.
                let prefixAvailable = totalPrefix - prefix
                if prefixAvailable > 0 {
                    prefix += Swift.min(prefixAvailable, maxLineLength - candidateLength)
                    candidateLength = prefix + errorLength + suffix
                }
                if candidateLength < maxLineLength && totalSuffix > 0 {
                    suffix += Swift.min(totalSuffix, maxLineLength - candidateLength)
                }
                needsSuffixDots = suffix < totalSuffix
            }
            needsPrefixDots = prefix < totalPrefix
            let startIndex = clamp(spacesBefore - prefix, 0, Swift.max(0, line.count - maxLineLength))
            line = Array(line[startIndex..<(startIndex + maxLineLength)])
            spacesBefore = Swift.min(spacesBefore, prefix)
            errorLength = Swift.min(errorLength, maxLineLength - spacesBefore)
        }

        var text = header
        if needsPrefixDots { text += "... " }
        text += String(decoding: line, as: UTF16.self)
        if needsSuffixDots { text += " ..." }
        text += "\n+ "
        text += TextLayout.spaces(spacesBefore + (needsPrefixDots ? 4 : 0))
        // An empty extent (end of input, just after an operator) still gets one tilde.
        text += String(repeating: "~", count: errorLength > 0 ? errorLength : 1)
        return text
    }

    private static func expandTabs(_ units: ArraySlice<UInt16>) -> [UInt16] {
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        for unit in units {
            if unit == 0x09 { result.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) } else { result.append(unit) }
        }
        return result
    }

    private static func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { Swift.max(lo, Swift.min(v, hi)) }
}

extension String {
    /// String.TrimEnd() of .NET: trailing white space removed.
    package func trimmingTrailingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...last])
    }
}
