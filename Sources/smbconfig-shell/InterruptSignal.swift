import Glibc
import Synchronization

/// Ctrl-C. The handler only records the key press: the line editor sees its read interrupted
/// (no `SA_RESTART`), a prompt returns `.interrupted`, and a running command polls `consume()`.
enum InterruptSignal {
    /// Set by the handler, cleared by whoever acts on it.
    static let pending = Atomic<Bool>(false)
    /// Without a console to return to, a second Ctrl-C before the first was acted on ends the
    /// process, so a command that never polls cannot trap the user.
    static let exitOnRepeat = Atomic<Bool>(false)

    static func install(exitOnRepeat: Bool) {
        Self.exitOnRepeat.store(exitOnRepeat, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if InterruptSignal.pending.exchange(true, ordering: .relaxed),
               InterruptSignal.exitOnRepeat.load(ordering: .relaxed) {
                _exit(130)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent (a test runner's worker thread, a job-control shell) may have left SIGINT blocked.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// The console keeps running on the terminal's other job-control keys, as the Windows console
    /// (which has none) and an interactive POSIX shell do: Ctrl-\ (SIGQUIT) would end the process
    /// with a core dump and Ctrl-Z (SIGTSTP) would stop it in the middle of a line.
    static func ignoreJobControlKeys() {
        signal(SIGQUIT, SIG_IGN)
        signal(SIGTSTP, SIG_IGN)
    }

    /// True once per Ctrl-C.
    static func consume() -> Bool {
        pending.exchange(false, ordering: .relaxed)
    }

    static func clear() {
        pending.store(false, ordering: .relaxed)
    }
}
