import Glibc

/// Runs the session on a thread with a large stack, so that deep recursion in a script ends in
/// CallDepthOverflow at a depth like Windows PowerShell's (whose limit is its stack, not a count)
/// rather than at the process's default stack. Only the pages used are ever committed.
enum SessionThread {
    static let stackSize = 32 << 20

    /// Calls `body` on the new thread with its stack size, or here with nil when no such thread
    /// can be made; returns what `body` returns.
    static func run(_ body: @escaping (Int?) -> Int32) -> Int32 {
        let job = Job(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0,
              pthread_create(&thread, &attributes, { context in
                  let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
                  job.status = job.body(SessionThread.stackSize)
                  return nil
              }, context) == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return body(nil)
        }
        // Signals sent to the process (Ctrl-C, a resized window) go to the session thread, which
        // reads the console and waits on them, not to this one, which only waits for it to end.
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
        pthread_join(thread, nil)
        return job.status
    }

    private final class Job {
        let body: (Int?) -> Int32
        var status: Int32 = 0
        init(_ body: @escaping (Int?) -> Int32) { self.body = body }
    }
}
