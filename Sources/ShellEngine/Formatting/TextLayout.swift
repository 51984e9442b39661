/// Line splitting, word wrap and display-cell counting as Windows PowerShell 5.1's formatter does
/// them (`StringManipulationHelper` in ComplexWriter.cs, `DisplayCells` of the console host).
///
/// Text is measured in console cells: East Asian wide characters and characters outside the Basic
/// Multilingual Plane (two UTF-16 units in .NET) take two cells, every other character one.
package enum TextLayout {
    private static let softHyphen: Unicode.Scalar = "\u{00AD}"
    private static let hardHyphen: Unicode.Scalar = "\u{2011}"
    private static let nonBreakingSpace: Unicode.Scalar = "\u{00A0}"

    // MARK: Display cells

    /// The console cells one character takes.
    package static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v > 0xFFFF { return 2 }
        if v < 0x1100 { return 1 }
        // wcwidth's wide ranges (Hangul Jamo, CJK, Hangul syllables, compatibility and fullwidth forms).
        if v <= 0x115F || v == 0x2329 || v == 0x232A { return 2 }
        if v >= 0x2E80 && v <= 0xA4CF && v != 0x303F { return 2 }
        if v >= 0xAC00 && v <= 0xD7A3 { return 2 }
        if v >= 0xF900 && v <= 0xFAFF { return 2 }
        if v >= 0xFE30 && v <= 0xFE6F { return 2 }
        if v >= 0xFF00 && v <= 0xFF60 { return 2 }
        if v >= 0xFFE0 && v <= 0xFFE6 { return 2 }
        return 1
    }

    /// The console cells a string takes.
    package static func cells(_ s: String) -> Int {
        var n = 0
        for scalar in s.unicodeScalars { n += cellWidth(scalar) }
        return n
    }

    /// The longest head of `s` that fits in `cells` cells.
    package static func head(_ s: String, cells: Int) -> String {
        var used = 0
        var result = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let w = cellWidth(scalar)
            if used + w > cells { break }
            used += w
            result.append(scalar)
        }
        return String(result)
    }

    /// The longest tail of `s` that fits in `cells` cells.
    package static func tail(_ s: String, cells: Int) -> String {
        var used = 0
        var result: [Unicode.Scalar] = []
        for scalar in s.unicodeScalars.reversed() {
            let w = cellWidth(scalar)
            if used + w > cells { break }
            used += w
            result.append(scalar)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: result.reversed())
        return String(view)
    }

    package static func spaces(_ n: Int) -> String { n > 0 ? String(repeating: " ", count: n) : "" }

    // MARK: Lines

    /// StringManipulationHelper.SplitLines: carriage returns dropped, split at every line feed.
    package static func splitLines(_ s: String) -> [String] {
        if s.isEmpty { return [s] }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar == "\r" { continue }
            if scalar == "\n" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// StringManipulationHelper.TruncateAtNewLine: the text up to the first line break, then `...`.
    package static func truncateAtNewLine(_ s: String) -> String {
        guard let i = s.unicodeScalars.firstIndex(where: { $0 == "\n" || $0 == "\r" }) else { return s }
        return String(s.unicodeScalars[..<i]) + "..."
    }

    /// StringManipulationHelper.GenerateLinesWithWordWrap (en-US culture): each line of `value`
    /// broken into lines of at most `firstLineLength` (first) / `followingLinesLength` cells. Words
    /// end at a space or tab, which stays at the end of the line it ends; a word longer than a line
    /// is cut character by character.
    package static func generateLines(_ value: String, firstLineLength: Int, followingLinesLength: Int) -> [String] {
        if value.isEmpty { return [value] }
        var result: [String] = []
        for line in splitLines(value) {
            if cells(line) <= firstLineLength {
                result.append(line)
                continue
            }
            wrap(line, firstLineLength: firstLineLength, followingLinesLength: followingLinesLength, into: &result)
        }
        return result
    }

    private static func wrap(_ line: String, firstLineLength: Int, followingLinesLength: Int,
                             into result: inout [String]) {
        var spacesLeft = firstLineLength
        var lineWidth = firstLineLength
        var firstLine = true
        var current = String.UnicodeScalarView()

        func startNewLine() {
            result.append(String(current))
            current = String.UnicodeScalarView()
            if firstLine {
                firstLine = false
                lineWidth = followingLinesLength
            }
        }

        for (word, delimiter) in words(of: line) {
            var wordToAdd = word
            if delimiter == softHyphen {
                // The hyphen is shown only where the line breaks.
                if cells(String(wordToAdd)) + 1 == spacesLeft { wordToAdd.append("-") }
            } else if let delimiter {
                wordToAdd.append(delimiter)
            }
            let wordWidth = cells(String(wordToAdd))

            if lineWidth <= 0 {
                if firstLine {
                    firstLine = false
                    lineWidth = followingLinesLength
                }
                if lineWidth <= 0 { break }
                spacesLeft = lineWidth
            }

            if wordWidth > lineWidth {
                for scalar in wordToAdd {
                    var character = scalar
                    var characterWidth = cellWidth(scalar)
                    if characterWidth > lineWidth {
                        character = "?"
                        characterWidth = 1
                    }
                    if characterWidth > spacesLeft {
                        startNewLine()
                        current.append(character)
                        spacesLeft = lineWidth - characterWidth
                    } else {
                        current.append(character)
                        spacesLeft -= characterWidth
                    }
                }
            } else if wordWidth > spacesLeft {
                startNewLine()
                current.append(contentsOf: wordToAdd)
                spacesLeft = lineWidth - wordWidth
            } else {
                current.append(contentsOf: wordToAdd)
                spacesLeft -= wordWidth
            }
        }
        result.append(String(current))
    }

    /// StringManipulationHelper.GetWords: each word with the delimiter that ended it (nil at the end
    /// of the line and for the non-breaking characters, which end a word without being kept).
    private static func words(of line: String) -> [(String.UnicodeScalarView, Unicode.Scalar?)] {
        var words: [(String.UnicodeScalarView, Unicode.Scalar?)] = []
        var current = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == softHyphen {
                words.append((current, scalar))
                current = String.UnicodeScalarView()
            } else if scalar == hardHyphen || scalar == nonBreakingSpace {
                words.append((current, nil))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        words.append((current, nil))
        return words
    }
}
