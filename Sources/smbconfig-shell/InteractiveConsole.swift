import Glibc
import PSReadLine
import ShellEngine

/// The interactive console: prompt from the `prompt` function, `>> ` while the input is
/// incomplete, history, completion, Ctrl-C and Ctrl-D.
struct InteractiveConsole {
    let engine: Engine
    let host: ConsoleHost

    static let continuationPrompt = ">> "

    func run() -> Int32 {
        let folder = engine.configuration.stateFolder
        guard let history = HistoryStore(folder: folder),
              let editor = LineEditor(history: history, completer: { [engine] line, cursor in
                  engine.complete(line, cursor: cursor)
              }, isIncomplete: { [engine] text in
                  engine.isIncomplete(text)
              }, settings: { [engine, host] in
                  let options = PSReadLineOptions.of(engine)
                  return LineEditor.Settings(continuationPrompt: options.continuationPrompt, colours: options.colors,
                                             colouring: host.coloursOutput, editMode: options.editMode,
                                             historyNoDuplicates: options.historyNoDuplicates,
                                             maximumHistoryCount: options.maximumHistoryCount)
              }) else {
            return PipedCommands(engine: engine, input: InputLineReader(descriptor: STDIN_FILENO)).run()
        }
        while true {
            InterruptSignal.clear()
            reportProblem(history)
            guard let text = readInput(editor: editor, history: history) else { return 0 }
            // The whole input is one history entry, however many lines it took.
            history.add(text)
            reportProblem(history)
            guard text.contains(where: { !$0.isWhitespace }) else { continue }
            let outcome = engine.execute(text)
            if host.takeCommandInterrupt() { host.write("\n", stream: .host) }
            if case .exitRequested(let code) = outcome { return code }
        }
    }

    /// A history file that cannot be used is reported once, in PSReadLine's words.
    private func reportProblem(_ history: HistoryStore) {
        if let problem = history.takeProblem() { host.write(problem + "\n", stream: .error) }
    }

    /// One unit of input: a line, or several while the parser says the input goes on (an empty
    /// line ends it, as in the 5.1 console). Nil when the user leaves with Ctrl-D.
    private func readInput(editor: LineEditor, history: HistoryStore) -> String? {
        var text: String?
        while true {
            let prompt = text == nil ? engine.promptText() : Self.continuationPrompt
            if !host.atLineStart { host.write("\n", stream: .host) }
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                return nil
            case .interrupted:
                return ""
            case .line(let line):
                guard let sofar = text else {
                    if !engine.isIncomplete(line) { return line }
                    text = line
                    continue
                }
                if line.isEmpty { return sofar }
                let joined = sofar + "\n" + line
                if !engine.isIncomplete(joined) { return joined }
                text = joined
            }
        }
    }
}
