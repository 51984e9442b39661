// PowerShell's parser calls EnsureSufficientExecutionStack and reports ScriptTooComplicated
// when the stack runs short. The same here: the parser asks the thread how much stack it has
// and stops nesting well before the end, whatever thread (and stack size) it runs on.

#if canImport(Glibc)
import Glibc
#endif

struct StackGuard {
    /// Lowest stack address the parser may reach (0: unknown, no check), and the stack's top.
    private let floor: UInt
    private let top: UInt

    /// Stack kept free below the parser's deepest frame, for the frames between two checks.
    static let reserve: UInt = 128 * 1024

    init() {
        var low: UInt = 0
        var high: UInt = 0
        #if os(Linux)
        // `pthread_getattr_np` is a GNU extension the Glibc module does not import: look it up.
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        var attr = pthread_attr_t()
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np"),
           unsafeBitCast(symbol, to: GetAttr.self)(pthread_self(), &attr) == 0 {
            var address: UnsafeMutableRawPointer?
            var size = 0
            if pthread_attr_getstack(&attr, &address, &size) == 0, let address {
                low = UInt(bitPattern: address)
                high = low + UInt(size)
            }
            pthread_attr_destroy(&attr)
        }
        #endif
        floor = low == 0 ? 0 : low + StackGuard.reserve
        top = high
    }

    /// True when the current frame is too close to the end of the stack.
    @inline(never)
    func isExhausted() -> Bool {
        guard floor != 0 else { return false }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        // A frame outside the thread's stack (AddressSanitizer's fake stacks) tells nothing.
        guard here < top && here + StackGuard.reserve >= floor else { return false }
        return here < floor
    }
}
