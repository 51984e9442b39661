import CLibEdit
import Glibc

/// Command history as PSReadLine keeps it: one file in the state folder (mode 0600, size-limited,
/// no duplicate neighbours), lines that look like they hold a credential kept for the session only.
/// The file is read the first time history is needed, not at start-up, and created only when there
/// is a line to save.
final class HistoryStore {
    /// PSReadLine's MaximumHistoryCount.
    static let maximumCount: Int32 = 4096
    /// PSReadLine leaves lines out of the file when they mention one of these.
    static let sensitiveWords = ["password", "secret", "token"]

    let path: String
    private let folder: String
    /// What the editor walks with Up/Down and Ctrl-R: the file's lines and every line of this session.
    let session: OpaquePointer
    /// What is written to the file.
    private let persisted: OpaquePointer
    private(set) var isLoaded = false

    init?(folder: String, limit: Int32 = maximumCount) {
        guard let session = history_init() else { return nil }
        guard let persisted = history_init() else { history_end(session); return nil }
        self.folder = folder
        self.path = folder + "/history"
        self.session = session
        self.persisted = persisted
        for history in [session, persisted] {
            _ = clibedit_history_setsize(history, limit)
            _ = clibedit_history_setunique(history, 1)
        }
    }

    deinit {
        history_end(session)
        history_end(persisted)
    }

    func loadIfNeeded() {
        guard !isLoaded else { return }
        isLoaded = true
        guard access(path, R_OK) == 0 else { return }
        _ = clibedit_history_load(session, path)
        _ = clibedit_history_load(persisted, path)
    }

    /// Records an entered line and saves the file unless the line is blank or sensitive.
    func add(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        loadIfNeeded()
        _ = clibedit_history_enter(session, line)
        guard !Self.isSensitive(line) else { return }
        _ = clibedit_history_enter(persisted, line)
        save()
    }

    static func isSensitive(_ line: String) -> Bool {
        let lower = line.lowercased()
        return sensitiveWords.contains { lower.contains($0) }
    }

    private func save() {
        guard StateFolder.create(folder) else { return }
        // Create the file 0600 before libedit opens it (fopen would use 0666 minus the umask).
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        close(descriptor)
        _ = clibedit_history_save(persisted, path)
        chmod(path, 0o600)
    }
}

/// The state folder is made on the first write, never at start-up.
enum StateFolder {
    static func create(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
