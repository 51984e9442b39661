import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The engine's host: forwards everything to the real host and copies what the console shows
/// (output, errors, prompts and the answers typed to them) into the running transcripts.
final class TranscriptTee: PSHostUserInterface {
    let inner: PSHostUserInterface
    /// Running transcripts, oldest first; Stop-Transcript stops the newest (5.1 nests them).
    private(set) var transcripts: [TranscriptFile] = []

    init(wrapping inner: PSHostUserInterface) {
        self.inner = inner
    }

    func write(_ text: String, stream: HostStream) {
        inner.write(text, stream: stream)
        for transcript in transcripts { transcript.append(text) }
    }

    func readLine() -> HostInput {
        let input = inner.readLine()
        if case .line(let line) = input {
            for transcript in transcripts { transcript.append(line + "\n") }
        }
        return input
    }

    var isInteractive: Bool { inner.isInteractive }
    var bufferWidth: Int { inner.bufferWidth }
    func consumeInterrupt() -> Bool { inner.consumeInterrupt() }
    func clearScreen() { inner.clearScreen() }

    func push(_ transcript: TranscriptFile) { transcripts.append(transcript) }

    func pop() -> TranscriptFile? { transcripts.popLast() }

    /// Text that goes to the transcripts only (the command line as the console showed it).
    func record(_ text: String) {
        for transcript in transcripts { transcript.append(text) }
    }
}

/// One transcript file in Windows PowerShell 5.1's format: UTF-8 with a byte order mark, CRLF
/// line ends, the prologue and epilogue of InternalHostUserInterfaceStrings.
final class TranscriptFile {
    let path: String
    let startTime: TranscriptClock.Stamp
    var includeInvocationHeader = false
    private var file: UnsafeMutablePointer<FILE>?

    /// Opens (or appends to) the file. Throws the system's reason when it cannot be written.
    init(path: String, append: Bool, startTime: TranscriptClock.Stamp) throws(TranscriptError) {
        self.path = path
        self.startTime = startTime
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw TranscriptError(message: Messages.fill(LabMessages.invalidTranscriptFilePath, [path]))
        }
        let existing = stat(path, &info) == 0 && info.st_size > 0
        guard let handle = fopen(path, append ? "ab" : "wb") else {
            throw TranscriptError(message: TranscriptError.reason(errno, path: path))
        }
        file = handle
        if !(append && existing) { fwrite([0xEF, 0xBB, 0xBF] as [UInt8], 1, 3, handle) }
        fflush(handle)
    }

    /// Appends console text, turning LF into CRLF; flushed at once (AutoFlush, as in 5.1).
    func append(_ text: String) {
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

    func close() {
        if let file { fclose(file) }
        file = nil
    }

    deinit { close() }
}

struct TranscriptError: Error {
    let message: String

    static func reason(_ code: Int32, path: String) -> String {
        switch code {
        case ENOENT: return "Could not find a part of the path '\(path)'."
        case EACCES, EPERM, EROFS: return "Access to the path '\(path)' is denied."
        default: return String(cString: strerror(code)) + ": '\(path)'"
        }
    }
}

/// Local time stamps as the transcript prints them (`{0:yyyyMMddHHmmss}`).
enum TranscriptClock {
    struct Stamp: Sendable {
        let seconds: Int
        /// `yyyyMMddHHmmss` in local time.
        var compact: String {
            var time = time_t(seconds)
            var parts = tm()
            localtime_r(&time, &parts)
            func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(parts.tm_year + 1900)" + two(parts.tm_mon + 1) + two(parts.tm_mday) + two(parts.tm_hour)
                + two(parts.tm_min) + two(parts.tm_sec)
        }
    }

    static func now() -> Stamp { Stamp(seconds: Int(time(nil))) }
}

/// Message templates of the transcript and lab commands, keyed by PowerShell's resource keys
/// where Windows has one.
enum LabMessages {
    // InternalHostUserInterfaceStrings
    static let transcriptPrologue = """
    **********************
    Windows PowerShell transcript start
    Start time: {0}
    Username: {1}
    RunAs User: {2}
    Configuration Name: {3}
    Machine: {4} ({5})
    Host Application: {6}
    Process ID: {7}
    {8}
    **********************
    """
    static let transcriptEpilogue = """
    **********************
    Windows PowerShell transcript end
    End time: {0}
    **********************
    """
    static let hostNotTranscribing = "The host is not currently transcribing."
    static let invalidTranscriptFilePath = "File path {0} resolves to a directory."
    // TranscriptStrings (Microsoft.PowerShell.ConsoleHost)
    static let transcriptionStarted = "Transcript started, output file is {0}"
    static let transcriptionStopped = "Transcript stopped, output file is {0}"
    static let cannotStartTranscription = "Transcription cannot be started due to the error: {0}"
    static let errorStoppingTranscript = "An error occurred stopping transcription: {0}"
    static let transcriptFileExistsNoClobber = "File {0} already exists and {1} was specified."
    // Registry provider (SessionStateStrings, ProviderBaseSecurity)
    static let pathNotFound = "Cannot find path '{0}' because it does not exist."
    static let propertyNotFound = "Property {0} does not exist at path {1}."
    static let driveNotFound = "Cannot find drive. A drive with the name '{0}' does not exist."
    static let registryAccessDenied = "Requested registry access is not allowed."
    static let propertyAlreadyExists = "The property already exists."
}
