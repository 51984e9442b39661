import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// The .NET type table scripts/crash-matrix calls every member of: one JSON object a line per
/// declared type (constructors, static and instance methods with their parameter types, properties).
/// Written only when CRASH_MATRIX_TABLE names the file to write.
@Suite struct CrashMatrixTable {
    static let path = ProcessInfo.processInfo.environment["CRASH_MATRIX_TABLE"]

    @Test(.enabled(if: path != nil)) func writeTypeTable() throws {
        let (engine, _, folder) = makeEngine()
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        func methods(_ list: [DotNetMethod]) -> [[String: Any]] {
            list.map { ["name": $0.name, "parameters": $0.parameters.map(\.type), "params": $0.isParams] }
        }
        func properties(_ list: [DotNetProperty]) -> [[String: Any]] {
            list.map { ["name": $0.name, "type": $0.type, "settable": $0.set != nil] }
        }
        var lines: [String] = []
        for type in engine.types.allTypes.sorted(by: { $0.fullName < $1.fullName }) {
            let entry: [String: Any] = [
                "type": type.fullName, "kind": "\(type.kind)", "genericArity": type.genericArity,
                "enumValues": type.enumValues.map(\.name),
                "constructors": methods(type.constructors), "staticMethods": methods(type.staticMethods),
                "methods": methods(type.methods), "staticProperties": properties(type.staticProperties),
                "properties": properties(type.properties),
            ]
            let data = try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: Self.path ?? "", atomically: true, encoding: .utf8)
    }
}
