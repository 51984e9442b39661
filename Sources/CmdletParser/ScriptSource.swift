/// The text of one parse: a script file, a `-Command` string or one console input. Maps the byte
/// offsets of `SourceExtent` to PowerShell's 1-based line and column numbers.
public final class ScriptSource: Sendable {
    public let text: String
    /// The script's full path, or nil for interactive input.
    public let file: String?
    public let utf8: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    public init(text: String, file: String? = nil) {
        self.text = text
        self.file = file
        let bytes = Array(text.utf8)
        self.utf8 = bytes
        var starts = [0]
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.lineStarts = starts
    }

    /// 1-based line number of a byte offset.
    public func lineNumber(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// 1-based column of a byte offset, counted in UTF-16 code units as PowerShell counts them.
    public func columnNumber(at offset: Int) -> Int {
        let start = lineStarts[lineNumber(at: offset) - 1]
        let end = Swift.min(Swift.max(offset, start), utf8.count)
        return String(decoding: utf8[start..<end], as: UTF8.self).utf16.count + 1
    }

    /// The text of a line (1-based) without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : utf8.count
        while end > start && (utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }

    /// The source text an extent covers.
    public func text(of extent: SourceExtent) -> String {
        let s = Swift.max(0, Swift.min(extent.startOffset, utf8.count))
        let e = Swift.max(s, Swift.min(extent.endOffset, utf8.count))
        return String(decoding: utf8[s..<e], as: UTF8.self)
    }

    /// Character (UTF-16) offset of a byte offset, as `-SyntaxCheck` and PowerShell's `Offset` report it.
    public func characterOffset(at offset: Int) -> Int {
        String(decoding: utf8[0..<Swift.max(0, Swift.min(offset, utf8.count))], as: UTF8.self).utf16.count
    }
}
