/// ShouldProcess: `-WhatIf`, `-Confirm`, `$ConfirmPreference` and the console's choice prompt
/// (MshCommandRuntime.DoShouldProcess, ConsoleHostUserInterface.PromptForChoice).
extension CommandContext {

    /// ShouldProcess(target, action): `Performing the operation "action" on target "target".`
    package func shouldProcess(target: String, action: String? = nil, force: Bool = false) throws -> Bool {
        let description = Messages.format("ShouldProcessMessage", action ?? metadata.name, target)
        return try shouldProcess(verboseDescription: description, force: force)
    }

    /// ShouldProcess(verboseDescription, null, null): the description is shown as is (the form
    /// CIM cmdlets use: `Performing operation 'Modify' on Target 'SMB Client Configuration'.`).
    package func shouldProcess(verboseDescription: String, force: Bool = false) throws -> Bool {
        if whatIf {
            engine.host.write(Messages.format("ShouldProcessWhatIfMessage", verboseDescription) + "\n", stream: .host)
            return false
        }
        if noToAll { return false }
        if yesToAll { return true }
        let preference: ConfirmImpact
        switch confirm {
        case .some(true): preference = .low
        case .some(false): preference = .none
        case .none: preference = force ? .none : engine.confirmPreference
        }
        if preference == .none || metadata.confirmImpact < preference {
            writeVerbose(verboseDescription)
            return true
        }
        let message = Messages.format("ShouldProcessWarningFallback", verboseDescription)
        switch try engine.promptForChoice(caption: Messages.template("InquireCaptionDefault"), message: message,
                                          context: self) {
        case .yes: return true
        case .yesToAll: yesToAll = true; return true
        case .no: return false
        case .noToAll: noToAll = true; return false
        }
    }
}

package enum ConfirmChoice {
    case yes, yesToAll, no, noToAll
}

extension Engine {

    /// The console's confirmation prompt, re-shown on unknown input, `?` for help, `S` to suspend.
    package func promptForChoice(caption: String, message: String, context: CommandContext) throws -> ConfirmChoice {
        guard host.isInteractive else {
            throw RuntimeError(record: context.errorRecord(message: Messages.template("ReadFailsOnNonInteractiveFlag"),
                errorId: "InvalidOperation", category: .InvalidOperation,
                exceptionType: "System.Management.Automation.PSInvalidOperationException"))
        }
        let labels: [(hotkey: String, label: String, help: String, choice: ConfirmChoice?)] = [
            ("Y", "Yes", Messages.template("ContinueOneHelpMessage"), .yes),
            ("A", "Yes to All", Messages.template("ContinueAllHelpMessage"), .yesToAll),
            ("N", "No", Messages.template("SkipOneHelpMessage"), .no),
            ("L", "No to All", Messages.template("SkipAllHelpMessage"), .noToAll),
            ("S", "Suspend", Messages.format("PauseHelpMessage", "exit"), nil),
        ]
        let choiceLine = wrapChoiceLine(labels.map { "[\($0.hotkey)] \($0.label)  " }
            + [Messages.template("PromptForChoiceHelp"), Messages.format("DefaultChoicePrompt", "Y")])
        host.write("\n" + caption + "\n" + message + "\n", stream: .host)
        while true {
            host.write(choiceLine, stream: .host)
            let answer: String
            switch host.readLine() {
            case .line(let text): answer = text.trimmedWhitespace
            case .endOfInput, .interrupted: throw EvalError.stopped
            }
            if answer.isEmpty { return .yes }
            if answer == "?" {
                host.write(labels.map { "\($0.hotkey) - \($0.help)" }.joined(separator: "\n") + "\n", stream: .host)
                continue
            }
            let entry = labels.first { $0.label.caseInsensitiveEquals(answer) }
                ?? labels.first { $0.hotkey.caseInsensitiveEquals(answer) }
            guard let entry else { continue }
            if let choice = entry.choice { return choice }
            try runNestedPrompt()
            host.write("\n" + caption + "\n" + message + "\n", stream: .host)
        }
    }

    /// Lays out the choice pieces at the console width: a piece that would pass width-1 starts a
    /// new line (trimmed at its end).
    private func wrapChoiceLine(_ pieces: [String]) -> String {
        let limit = host.bufferWidth - 1
        var lines = [""]
        for piece in pieces {
            if lines[lines.count - 1].count + piece.count > limit && !lines[lines.count - 1].isEmpty {
                lines.append(String(piece.reversed().drop { $0 == " " }.reversed()))
            } else {
                lines[lines.count - 1] += piece
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Suspend: a nested prompt (`PS C:\>> `) that runs commands until `exit`.
    package func runNestedPrompt() throws {
        nestingLevel += 1
        defer { nestingLevel -= 1 }
        while true {
            host.write(promptText(), stream: .host)
            guard case .line(let line) = host.readLine() else { return }
            // `exit`, alone or inside a longer line, leaves the nested prompt, not the shell.
            if case .exitRequested = execute(line) { return }
        }
    }
}
