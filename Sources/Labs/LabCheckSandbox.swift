import ShellEngine

/// What a lab task's Check script block may do: read the computer's state (Get-, Test-, Read-,
/// the pipeline and formatting cmdlets, the output streams), never change it. A check that tries
/// gets an error and its task fails, so a check can never solve a lab, or break it, by itself.
enum LabCheckSandbox {
    /// Verbs whose cmdlets only read.
    static let readingVerbs: Set<String> = [
        "get", "test", "read", "select", "where", "foreach", "sort", "group", "measure", "compare", "format",
        "convertto", "convertfrom", "join", "split", "resolve", "find",
    ]
    /// Cmdlets of other verbs that change nothing outside the check.
    static let readingCmdlets: Set<String> = [
        "out-string", "out-null", "out-default", "out-host", "write-output", "write-host", "write-verbose",
        "write-warning", "write-error", "write-debug", "write-information", "write-progress", "new-object",
        "new-timespan", "import-csv",
    ]

    static let reason = "a check can read the computer's state but not change it."

    static func allows(_ command: String) -> Bool {
        let name = command.lowercased()
        if readingCmdlets.contains(name) { return true }
        guard let dash = name.firstIndex(of: "-") else { return false }
        return readingVerbs.contains(String(name[..<dash]))
    }

    static func make() -> ExecutionSandbox {
        ExecutionSandbox { action in
            switch action {
            case .command(let metadata):
                if allows(metadata.name) { return nil }
                return .init(message: "The command '\(metadata.name)' cannot run in a lab task's Check script block: \(reason)",
                             errorId: "CommandNotAllowedInLabCheck")
            case .writeFile:
                return .init(message: "", errorId: "FileWriteNotAllowedInLabCheck")
            case .defineFunction(let name, _):
                return .init(message: "The function '\(name)' cannot be defined in a lab task's Check script block: \(reason)",
                             errorId: "FunctionNotAllowedInLabCheck")
            }
        }
    }
}
