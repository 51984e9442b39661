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
    private let budget: UInt

    /// `stackSize`: the size of the stack of the thread evaluation runs on, when known.
    package init(stackSize: Int? = nil) {
        let size = stackSize.map { UInt(max($0, 0)) } ?? Self.systemStackSize
        budget = size > 2 * Self.margin ? size - Self.margin : size / 2
    }

    /// True while the running thread's stack has room for one more level of evaluation.
    package mutating func hasRoom() -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let current = pthread_self()
        if thread == nil || pthread_equal(thread!, current) == 0 {
            // The first check on a thread is near the top of its stack (the stack grows down).
            thread = current
            limit = here > budget ? here - budget : 0
        }
        return here > limit
    }

    /// The stack glibc gives the main thread and new threads: the soft RLIMIT_STACK (2 MiB when
    /// it is unlimited).
    private static let systemStackSize: UInt = {
        var size: UInt = 2 << 20
        #if canImport(Glibc)
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            size = UInt(limit.rlim_cur)
        }
        #endif
        return size
    }()
}
