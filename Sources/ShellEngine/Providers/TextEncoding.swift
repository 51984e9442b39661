/// The text encodings of the content cmdlets (Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding)
/// and how Windows PowerShell 5.1 picks them: Out-File and `>` write Unicode (UTF-16 LE with a
/// byte order mark), Set-Content and Add-Content the ANSI code page (Windows-1252), and reading
/// follows a byte order mark when there is one.
package enum TextEncoding: String, CaseIterable {
    case unknown = "Unknown", string = "String", unicode = "Unicode", byte = "Byte"
    case bigEndianUnicode = "BigEndianUnicode", utf8 = "UTF8", utf7 = "UTF7", utf32 = "UTF32"
    case ascii = "Ascii", `default` = "Default", oem = "Oem"

    package static let names = allCases.map(\.rawValue)

    package init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(name) }) else { return nil }
        self = match
    }

    package func encode(_ text: String, preamble: Bool = true) -> [UInt8] {
        switch self {
        case .unicode, .string, .unknown:
            var bytes: [UInt8] = preamble ? [0xFF, 0xFE] : []
            for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return bytes
        case .bigEndianUnicode:
            var bytes: [UInt8] = preamble ? [0xFE, 0xFF] : []
            for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            return bytes
        case .utf8:
            return (preamble ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        case .utf32:
            var bytes: [UInt8] = preamble ? [0xFF, 0xFE, 0, 0] : []
            for scalar in text.unicodeScalars {
                let v = scalar.value
                bytes += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
            }
            return bytes
        case .ascii:
            return text.unicodeScalars.map { $0.value < 0x80 ? UInt8($0.value) : 0x3F }
        case .default, .oem, .byte, .utf7:
            return text.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : 0x3F }
        }
    }

    /// Decodes bytes: a byte order mark decides; otherwise this encoding (valid UTF-8 is read as
    /// UTF-8 under Default, as most files a script meets are).
    package func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return Self.utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Self.utf16(bytes.dropFirst(2), littleEndian: false) }
        switch self {
        case .unicode: return Self.utf16(bytes[...], littleEndian: true)
        case .bigEndianUnicode: return Self.utf16(bytes[...], littleEndian: false)
        case .ascii: return String(decoding: bytes.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
        case .default, .oem, .unknown, .string, .byte, .utf7:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .utf8, .utf32: return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The lines of a text (`\r\n`, `\n` or `\r` end one).
    package static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\n" {
                if !previousCR { lines.append(current) }
                current = ""
                previousCR = false
            } else if c == "\r" {
                lines.append(current)
                current = ""
                previousCR = true
            } else {
                current.unicodeScalars.append(c)
                previousCR = false
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
