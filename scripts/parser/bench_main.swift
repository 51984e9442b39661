// Parser throughput harness: times `Parser.parseInput` alone on each file given, best of N runs.
// Prints one line per file: "<path> <bytes> <best seconds> <errors>".
import Foundation

@main struct Bench {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        var runs = 3
        if let i = args.firstIndex(of: "--runs"), i + 1 < args.count {
            runs = Int(args[i + 1]) ?? 3
            args.removeSubrange(i...(i + 1))
        }
        for path in args {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path) unreadable")
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            var best = Double.infinity
            var errors = 0
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                let result = Parser.parseInput(text)
                let end = DispatchTime.now().uptimeNanoseconds
                errors = result.errors.count
                best = min(best, Double(end - start) / 1e9)
                withExtendedLifetime(result) {}
            }
            print("\(path) \(data.count) \(best) \(errors)")
        }
    }
}
