import CLibEdit
import Glibc

/// Command history as PSReadLine keeps it: one file in the state folder (mode 0600, size-limited,
/// no duplicate neighbours, one entry per input however many lines it has), inputs that may show a
/// credential (`SensitiveInput`) kept for the session only. The file is read the first time history
/// is needed, not at start-up, and created only when there is an entry to save. A history file that
/// is a symbolic link (or anything but a regular file) is neither read nor written; the console
/// says so once, as PSReadLine reports a history file it cannot use.
final class HistoryStore {
    /// PSReadLine's MaximumHistoryCount.
    static let maximumCount: Int32 = 4096

    let path: String
    private let folder: String
    private let limit: Int
    /// What the editor walks with Up/Down and Ctrl-R: the file's entries and every entry of this session.
    let session: OpaquePointer
    private(set) var isLoaded = false
    /// Entries in the file as far as this shell knows (for the size limit and duplicate neighbours).
    private var savedCount = 0
    private var lastSaved: String?
    /// Set when the file cannot be used: nothing more is read from or written to it.
    private var refused = false
    private var pendingProblem: String?

    init?(folder: String, limit: Int32 = maximumCount) {
        guard let session = history_init() else { return nil }
        self.folder = folder
        self.path = folder + "/history"
        self.limit = max(1, Int(limit))
        self.session = session
        _ = clibedit_history_setsize(session, limit)
        _ = clibedit_history_setunique(session, 1)
    }

    deinit {
        history_end(session)
    }

    func loadIfNeeded() {
        guard !isLoaded else { return }
        isLoaded = true
        do {
            let (entries, legacy) = try HistoryFile.read(path)
            for entry in entries.suffix(limit) { _ = clibedit_history_enter(session, entry) }
            // A file in libedit's format is rewritten in PSReadLine's at the first save.
            savedCount = legacy ? Int.max : entries.count
            lastSaved = entries.last
        } catch {
            refuse(error)
        }
    }

    /// Records an entered input (all its lines) and saves it unless it is blank or sensitive.
    func add(_ entry: String) {
        guard entry.contains(where: { !$0.isWhitespace }) else { return }
        loadIfNeeded()
        _ = clibedit_history_enter(session, entry)
        guard !refused, entry != lastSaved, !SensitiveInput.isSensitive(entry) else { return }
        guard StateFolder.create(folder) else { return }
        do {
            if savedCount >= limit + limit / 2 {
                savedCount = try HistoryFile.rewrite(path, keepingLast: limit - 1, thenAdding: entry)
            } else {
                try HistoryFile.append(entry, to: path)
                savedCount += 1
            }
            lastSaved = entry
        } catch {
            refuse(error)
        }
    }

    /// The line to show once when the file could not be used (PSReadLine's wording), then nil.
    func takeProblem() -> String? {
        defer { pendingProblem = nil }
        return pendingProblem
    }

    private func refuse(_ error: HistoryFile.Failure) {
        guard !refused else { return }
        refused = true
        pendingProblem = "Error reading or writing history file '\(path)': \(error.reason)"
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
