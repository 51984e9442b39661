import CmdletParser
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations scripts need: reading scripts, redirecting output to files.
extension Engine {

    /// The host path of a script or data file the user names: through the path layer (so
    /// `C:\\…` is the emulated drive and a relative path follows the current location).
    package func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if let fs = fileSystemProvider as? FileSystemProvider, let item = try? resolveItemPath(path),
           item.provider === fs, let host = fs.hostPath(item.providerPath, self) {
            return host
        }
        var cwd = [CChar](repeating: 0, count: 4096)
        let base = getcwd(&cwd, cwd.count) != nil
            ? String(decoding: cwd.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "."
        var relative = path
        if relative.hasPrefix("./") || relative.hasPrefix(".\\") { relative.removeFirst(2) }
        return base + "/" + relative.replacing("\\", with: "/")
    }

    /// The full provider path (`C:\Users\…`) of a path the user names, for messages; the text itself
    /// when it does not resolve.
    package func providerPathText(_ path: String) -> String {
        (try? resolveItemPath(path))?.providerPath ?? path
    }

    package func fileName(_ path: String) -> String {
        guard let slash = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return path }
        return String(path[path.index(after: slash)...])
    }

    package func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Reads a UTF-8 text file (a BOM is skipped); nil when it cannot be read.
    package func readTextFile(_ path: String) -> String? {
        FileSystemHelpers.read(path).map(TextEncoding.utf8.decode)
    }

    /// Loads a `.ps1` for `& path` / `. path`.
    package func loadScript(_ path: String, extent: SourceExtent) throws -> ParseResult {
        let full = absolutePath(path)
        guard let text = readTextFile(full) else {
            let exception = PSExceptionObject(typeName: "System.Management.Automation.CommandNotFoundException",
                                              message: Messages.format("CommandNotFoundException", path))
            throw RuntimeError(record: ErrorRecord(exception: exception, errorId: "CommandNotFoundException",
                category: .ObjectNotFound, targetObject: .string(path),
                invocationInfo: InvocationInfo(myCommand: nil, invocationName: path, source: currentSource, extent: extent)))
        }
        let result = Parser.parseInput(text, file: full)
        if !result.errors.isEmpty {
            throw RuntimeError(record: ErrorView.parseErrorRecord(result, fromFile: true))
        }
        types.use(result.ast.usingStatements)
        return result
    }

    /// Writes text to an item with Windows line ends (CR LF); the encoding's preamble unless
    /// appending to an existing file.
    package func writeText(to target: ItemPath, _ text: String, append: Bool, encoding: TextEncoding) throws(ProviderError) {
        let windowsText = text.replacing("\r\n", with: "\n").replacing("\n", with: "\r\n")
        let exists = target.provider.itemExists(target.providerPath, self)
        try target.provider.writeContent(target.providerPath, encoding.encode(windowsText, preamble: !(append && exists)),
                                         append: append, self)
    }

    /// Writes redirected output (`> file`, `>> file`) through the path layer, as Out-File does in
    /// Windows PowerShell 5.1: Unicode (UTF-16 LE with a byte order mark), lines ending in CR LF.
    package func writeTextFile(_ path: String, _ text: String, append: Bool, encoding: TextEncoding = .unicode) throws {
        do {
            try writeText(to: try resolveItemPath(path), text, append: append, encoding: encoding)
        } catch {
            throw RuntimeError(record: runtimeErrorRecord(message: error.message, errorId: error.errorId,
                category: error.category, extent: .empty, exceptionType: error.exceptionType, target: .string(path)))
        }
    }
}
