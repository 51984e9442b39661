// Parser throughput harness: times `Parser.parseInput` and the release of its result on each
// file given, best of N runs.
// Prints one line per file: "<path> <bytes> <best seconds> <errors>".
import Foundation

/// glibc's malloc_trim(3) (malloc.h is not in the Glibc module).
@_silgen_name("malloc_trim") func malloc_trim(_ pad: Int) -> Int32

@main struct Bench {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        var runs = 3
        if let i = args.firstIndex(of: "--runs"), i + 1 < args.count {
            runs = Int(args[i + 1]) ?? 3
            args.removeSubrange(i...(i + 1))
        }
        // Runs alternate between the files so that both see the same machine load.
        var texts: [(String, Int, String)] = []
        for path in args {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path) unreadable")
                continue
            }
            texts.append((path, data.count, String(decoding: data, as: UTF8.self)))
        }
        var best = [Double](repeating: .infinity, count: texts.count)
        var errors = [Int](repeating: 0, count: texts.count)
        for _ in 0..<runs {
            for (i, entry) in texts.enumerated() {
                do {
                    // Timed: the parse and the release of its tree, as on the tree-sitter side.
                    let start = DispatchTime.now().uptimeNanoseconds
                    errors[i] = parseAndRelease(entry.2)
                    let end = DispatchTime.now().uptimeNanoseconds
                    best[i] = min(best[i], Double(end - start) / 1e9)
                }
                // The freed tree of this run would otherwise be consolidated by malloc inside the
                // next timed parse (a cost of freeing, growing with the previous input): settle it
                // here, untimed, so each parse starts from a clean heap as in a fresh process.
                _ = malloc_trim(0)
            }
        }
        for (i, entry) in texts.enumerated() {
            print("\(entry.0) \(entry.1) \(best[i]) \(errors[i])")
        }
    }

    /// Parses and lets the result go before returning: the number of parse errors.
    @inline(never) static func parseAndRelease(_ text: String) -> Int {
        Parser.parseInput(text).errors.count
    }
}
