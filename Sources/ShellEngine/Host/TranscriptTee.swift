import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The engine's host: forwards everything to the real host and copies what the console shows
/// (output, errors, prompts and the answers typed to them) into the running transcripts.
package final class TranscriptTee: PSHostUserInterface {
    package let inner: PSHostUserInterface
    /// Running transcripts, oldest first; Stop-Transcript stops the newest (5.1 nests them).
    package private(set) var transcripts: [TranscriptFile] = []

    package init(wrapping inner: PSHostUserInterface) {
        self.inner = inner
    }

    package func write(_ text: String, stream: HostStream) {
        inner.write(text, stream: stream)
        for transcript in transcripts { transcript.append(text) }
    }

    package func write(_ text: String, foreground: ConsoleColor?, background: ConsoleColor?) {
        inner.write(text, foreground: foreground, background: background)
        for transcript in transcripts { transcript.append(text) }
    }

    package func readLine() -> HostInput {
        let input = inner.readLine()
        if case .line(let line) = input {
            for transcript in transcripts { transcript.append(line + "\n") }
        }
        return input
    }

    package var isInteractive: Bool { inner.isInteractive }
    package var bufferWidth: Int { inner.bufferWidth }
    package func consumeInterrupt() -> Bool { inner.consumeInterrupt() }
    package func clearScreen() { inner.clearScreen() }

    package func push(_ transcript: TranscriptFile) { transcripts.append(transcript) }

    package func pop() -> TranscriptFile? { transcripts.popLast() }

    /// Text that goes to the transcripts only (the command line as the console showed it).
    package func record(_ text: String) {
        for transcript in transcripts { transcript.append(text) }
    }
}

/// One transcript file in Windows PowerShell 5.1's format: UTF-8 with a byte order mark, CRLF
/// line ends, the prologue and epilogue of InternalHostUserInterfaceStrings.
package final class TranscriptFile {
    /// The path as the user names it (`C:\Users\…`), which messages show.
    package let path: String
    package let startTime: TranscriptClock.Stamp
    package var includeInvocationHeader = false
    private var file: UnsafeMutablePointer<FILE>?

    /// Opens (or appends to) the file at `hostPath`. Throws the system's reason, naming `path`, when it
    /// cannot be written.
    package init(path: String, hostPath: String, append: Bool, startTime: TranscriptClock.Stamp) throws(TranscriptError) {
        self.path = path
        self.startTime = startTime
        var info = stat()
        if stat(hostPath, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw TranscriptError(message: Messages.fill(TranscriptMessages.invalidTranscriptFilePath, [path]))
        }
        let existing = stat(hostPath, &info) == 0 && info.st_size > 0
        guard let handle = fopen(hostPath, append ? "ab" : "wb") else {
            throw TranscriptError(message: TranscriptError.reason(errno, path: path))
        }
        file = handle
        if !(append && existing) { fwrite([0xEF, 0xBB, 0xBF] as [UInt8], 1, 3, handle) }
        fflush(handle)
    }

    /// Appends console text, turning LF into CRLF; flushed at once (AutoFlush, as in 5.1).
    package func append(_ text: String) {
        guard let file, !text.isEmpty else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D { bytes.append(0x0D) }
            bytes.append(byte)
            previous = byte
        }
        fwrite(bytes, 1, bytes.count, file)
        fflush(file)
    }

    package func close() {
        if let file { fclose(file) }
        file = nil
    }

    deinit { close() }
}

package struct TranscriptError: Error {
    package let message: String

    package init(message: String) {
        self.message = message
    }

    package static func reason(_ code: Int32, path: String) -> String {
        switch code {
        case ENOENT: return Messages.fill(ProviderMessages.partOfPathNotFound, [path])
        case EACCES, EPERM, EROFS: return "Access to the path '\(path)' is denied."
        default: return String(cString: strerror(code)) + ": '\(path)'"
        }
    }
}

/// Local time stamps as the transcript prints them (`{0:yyyyMMddHHmmss}`).
package enum TranscriptClock {
    package struct Stamp: Sendable {
        package let seconds: Int
        /// `yyyyMMddHHmmss` in local time.
        package var compact: String {
            var time = time_t(seconds)
            var parts = tm()
            localtime_r(&time, &parts)
            func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(parts.tm_year + 1900)" + two(parts.tm_mon + 1) + two(parts.tm_mday) + two(parts.tm_hour)
                + two(parts.tm_min) + two(parts.tm_sec)
        }
    }

    package static func now() -> Stamp { Stamp(seconds: Int(time(nil))) }
}
