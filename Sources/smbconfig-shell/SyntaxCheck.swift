import CmdletParser
import Glibc

/// `-SyntaxCheck`: parses a script without running it and prints one line per parse error,
/// `OFFSET<TAB>ERRORID<TAB>MESSAGE`, the offset in UTF-16 characters as PowerShell reports it.
struct SyntaxCheck {
    let file: String?
    let command: String?
    let input: InputLineReader

    func run() -> Int32 {
        let text: String
        var path: String?
        if let file {
            switch ScriptPath.resolve(file) {
            case .success(let resolved): path = resolved
            case .failure(let failure):
                ConsoleOutput(descriptor: STDERR_FILENO, colours: false).write(failure.message + "\n")
                return ExitCodes.badCommandLine
            }
            guard let contents = SourceFile.read(path!) else {
                ConsoleOutput(descriptor: STDERR_FILENO, colours: false).write("Unable to read from file '\(file)'.\n")
                return ExitCodes.badCommandLine
            }
            text = contents
        } else if let command, command != "-" {
            text = command
        } else {
            text = SourceFile.withoutByteOrderMark(input.readAll())
        }
        let result = Parser.parseInput(text, file: path)
        var report = ""
        for error in result.errors {
            let offset = result.source.characterOffset(at: error.extent.startOffset)
            report += "\(offset)\t\(error.errorId)\t\(error.message)\n"
        }
        ConsoleOutput.standardOutput.write(report)
        return result.errors.isEmpty ? 0 : 1
    }
}

/// The `-File` argument as powershell.exe checks it: a `.ps1` file that exists, made absolute
/// because error positions show the full path.
enum ScriptPath {
    struct Failure: Error {
        let message: String
    }

    static func resolve(_ argument: String) -> Result<String, Failure> {
        guard argument.lowercased().hasSuffix(".ps1") else {
            return .failure(Failure(message: "Processing -File '\(argument)' failed because the file does not have a '.ps1' extension. Specify a valid Windows PowerShell script file name, and then try again."))
        }
        var info = stat()
        guard stat(argument, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(Failure(message: "The argument '\(argument)' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter."))
        }
        guard let resolved = realpath(argument, nil) else { return .success(argument) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }
}

/// Reads a script or profile as text (UTF-8, a leading byte order mark dropped).
enum SourceFile {
    static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return withoutByteOrderMark(String(decoding: bytes, as: UTF8.self))
    }

    static func withoutByteOrderMark(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
