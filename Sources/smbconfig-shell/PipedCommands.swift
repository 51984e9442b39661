import ShellEngine

/// Piped mode (and `-Command -`): commands from stdin line by line, no banner, prompt or echo; a
/// line that leaves a statement open is joined with the next ones until it is complete.
struct PipedCommands {
    let engine: Engine
    let input: InputLineReader

    func run() -> Int32 {
        var pending: String?
        var status: Int32 = 0
        while true {
            switch input.readLine() {
            case .line(let line):
                let text = pending.map { $0 + "\n" + line } ?? line
                if engine.isIncomplete(text) {
                    pending = text
                    continue
                }
                pending = nil
                guard text.contains(where: { !$0.isWhitespace }) else { continue }
                let outcome = engine.execute(text)
                InterruptSignal.clear()
                if case .exitRequested(let code) = outcome { return code }
                status = ExitStatus.of(outcome)
            case .interrupted:
                pending = nil
            case .endOfInput:
                if let text = pending {
                    let outcome = engine.execute(text)
                    if case .exitRequested(let code) = outcome { return code }
                    status = ExitStatus.of(outcome)
                }
                return status
            }
        }
    }
}
