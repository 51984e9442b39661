#if canImport(Glibc)
import Glibc
#endif

/// Releases nested values without recursion. Each container's deinit hands its elements here;
/// only the outermost release on a thread drains them, one batch at a time, so a value nested
/// 100,000 deep (`foreach ($i in 1..100000) { $a = ,$a }; $a = $null`) costs heap, not stack.
/// No reference is inspected: a container still held elsewhere simply stays alive.
package final class ValueRelease {
    private var pending: [[PSValue]] = []
    private var draining = false

    /// Takes `values` (leaving it empty) when they hold containers whose release may nest.
    package static func releaseLater(_ values: inout [PSValue]) {
        guard values.contains(where: \.isContainer) else { return }
        let queue = current
        queue.pending.append(values)
        values = []
        guard !queue.draining else { return }
        queue.draining = true
        // Releasing a batch runs the deinits of its containers, which only append here.
        while let batch = queue.pending.popLast() { _ = batch }
        queue.draining = false
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<ValueRelease>.fromOpaque(pointer).release() }
        }
        return key
    }()

    /// This thread's queue: engines of jobs run on threads of their own.
    private static var current: ValueRelease {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<ValueRelease>.fromOpaque(existing).takeUnretainedValue()
        }
        let queue = ValueRelease()
        pthread_setspecific(key, Unmanaged.passRetained(queue).toOpaque())
        return queue
    }
}
