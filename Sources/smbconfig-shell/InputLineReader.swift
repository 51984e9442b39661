import Glibc
import ShellEngine

/// Reads lines from a descriptor through one buffer, so that the piped command loop and the
/// prompts' answers (the next stdin line) take turns on the same input.
final class InputLineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line without its line terminator; `.interrupted` when Ctrl-C arrived while waiting.
    func readLine() -> HostInput {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = newline + 1
                compact()
                return .line(line)
            }
            if atEnd {
                guard position < buffer.count else { return .endOfInput }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = buffer.count
                compact()
                return .line(line)
            }
            switch fill() {
            case .interrupted: return .interrupted
            case .ok: continue
            }
        }
    }

    /// Everything left on the descriptor (the script of `-SyntaxCheck` or `-Command -`).
    func readAll() -> String {
        while !atEnd {
            if case .interrupted = fill() { break }
        }
        let text = String(decoding: buffer[position...], as: UTF8.self)
        position = buffer.count
        return text
    }

    private enum FillResult { case ok, interrupted }

    private func fill() -> FillResult {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return .ok
            }
            if count == 0 { atEnd = true; return .ok }
            if errno == EINTR {
                if InterruptSignal.consume() { return .interrupted }
                continue
            }
            atEnd = true
            return .ok
        }
    }

    private func compact() {
        if position > 65536 || position == buffer.count {
            buffer.removeSubrange(0..<position)
            position = 0
        }
    }
}
