// Parser throughput harness: times `Parser.parseInput` on each file given, and the parse plus the
// release of its result, best of N runs each.
// Prints one line per file: "<path> <bytes> <best parse seconds> <best parse+release seconds> <errors>".
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
        var parse = [Double](repeating: .infinity, count: texts.count)
        var parseAndRelease = [Double](repeating: .infinity, count: texts.count)
        var errors = [Int](repeating: 0, count: texts.count)
        for _ in 0..<runs {
            for (i, entry) in texts.enumerated() {
                // Timed apart: the parse, then the release of its result (tokens, tree, errors).
                let start = DispatchTime.now().uptimeNanoseconds
                var result: ParseResult? = Parser.parseInput(entry.2)
                let parsed = DispatchTime.now().uptimeNanoseconds
                errors[i] = result?.errors.count ?? 0
                let released = DispatchTime.now().uptimeNanoseconds
                result = nil
                let end = DispatchTime.now().uptimeNanoseconds
                withExtendedLifetime(result) {}
                parse[i] = min(parse[i], Double(parsed - start) / 1e9)
                parseAndRelease[i] = min(parseAndRelease[i], Double(parsed - start + end - released) / 1e9)
                // The freed tree would otherwise be consolidated by malloc inside the next timed
                // parse: settle it here, untimed, so each parse starts from a clean heap.
                _ = malloc_trim(0)
            }
        }
        for (i, entry) in texts.enumerated() {
            print("\(entry.0) \(entry.1) \(parse[i]) \(parseAndRelease[i]) \(errors[i])")
        }
    }
}
