#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the evaluator's recursion (nested expressions, statements and calls) off the end of the
/// thread's stack: past the limit, evaluation fails with CallDepthOverflow instead of the process
/// dying, whatever the nesting of the input.
package struct StackGuard {
    /// Room kept for the work between two checks (a .NET member, a cmdlet, formatting).
    private static let margin: UInt = 512 * 1024
    private var thread: pthread_t?
    private var limit: UInt = 0

    package init() {}

    /// True while the running thread's stack has room for one more level of evaluation.
    package mutating func hasRoom() -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let current = pthread_self()
        if thread == nil || pthread_equal(thread!, current) == 0 {
            // The first check on a thread is near the top of its stack (the stack grows down).
            thread = current
            limit = here > Self.budget ? here - Self.budget : 0
        }
        return here > limit
    }

    /// How much of a thread's stack evaluation may use: glibc gives the main thread and new
    /// threads the soft RLIMIT_STACK (2 MiB when it is unlimited), less the margin.
    private static let budget: UInt = {
        var size: UInt = 2 << 20
        #if canImport(Glibc)
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            size = UInt(limit.rlim_cur)
        }
        #endif
        return size > 2 * margin ? size - margin : size / 2
    }()
}
