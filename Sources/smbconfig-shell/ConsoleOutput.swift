import Glibc

/// Unbuffered writes to a file descriptor: output and error text reach the terminal or the pipe in
/// the order they were produced, whichever descriptor each goes to.
struct ConsoleOutput {
    let descriptor: Int32
    /// The descriptor is a terminal and colours are wanted.
    let colours: Bool

    static let standardOutput = ConsoleOutput(descriptor: STDOUT_FILENO, colours: false)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let written = Glibc.write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {
                        // A descriptor someone left non-blocking: wait until it takes more.
                        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, 1000)
                        continue
                    }
                    return
                }
                pointer += written
                left -= written
            }
        }
    }

    /// Writes `text` in the console host's colour for `code` (an SGR number) when colours are on.
    func write(_ text: String, colour code: String?) {
        guard colours, let code else { return write(text) }
        write(Self.coloured(text, code: code))
    }

    /// `text` coloured line by line, so that each line's colour ends before its newline.
    static func coloured(_ text: String, code: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        var line = ""
        func flushLine() {
            if !line.isEmpty { out += "\u{1B}[\(code)m" + line + "\u{1B}[0m" }
            line = ""
        }
        for character in text {
            if character == "\n" || character == "\r\n" {
                flushLine()
                out.append(character)
            } else {
                line.append(character)
            }
        }
        flushLine()
        return out
    }
}
