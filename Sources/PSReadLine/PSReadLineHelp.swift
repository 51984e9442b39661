import ShellEngine

/// The PSReadLine module's help beyond what each definition states.
enum PSReadLineHelp {
    static let table: [String: CommandHelp] = [
        "Get-PSReadLineOption": CommandHelp(
            notes: "The colour properties hold escape sequences; the list view shows each in its own colour. The options belong to the current console and are lost when it closes.",
            relatedLinks: ["Set-PSReadLineOption", "Get-PSReadLineKeyHandler", "about_PSReadLine"]),
        "Set-PSReadLineOption": CommandHelp(
            notes: "The changes last for the current session. To keep them, add the command to your PowerShell profile ($PROFILE).",
            relatedLinks: ["Get-PSReadLineOption", "Get-PSReadLineKeyHandler", "about_PSReadLine"]),
        "Get-PSReadLineKeyHandler": CommandHelp(
            notes: "Ctrl+Space shows a menu of completions, Ctrl+Z undoes the last edit and Ctrl+Y redoes it. Press Esc to clear the line.",
            relatedLinks: ["Get-PSReadLineOption", "Set-PSReadLineOption", "about_PSReadLine"]),
    ]
}

extension PSReadLineHelp {
    /// about_PSReadLine: the editing keys of the console.
    static var aboutTopic: String {
        let keys = KeyHandlers.windows.map { binding in
            "    " + binding.key + String(repeating: " ", count: Swift.max(1, 20 - binding.key.count)) + binding.function.description
        }.joined(separator: "\n")
        return """

        TOPIC
            about_PSReadLine

        SHORT DESCRIPTION
            PSReadLine provides an improved command line editing experience in the
            PowerShell console.

        LONG DESCRIPTION
            PSReadLine colours the command line as you type (commands, parameters,
            strings, variables, numbers, operators and comments each in their own
            colour; the end of the prompt turns red while the input has a syntax
            error), keeps a history of commands across sessions, completes names
            with Tab and Ctrl+Space, undoes edits with Ctrl+Z and edits input of
            several lines: when a command is not complete, Enter starts a new line
            with the continuation prompt (>> ) and Shift+Enter always does.

            Set-PSReadLineOption changes the colours and other options;
            Get-PSReadLineOption shows them. F7 lists the commands of the history.

        KEYS
        \(keys)

        SEE ALSO
            Get-PSReadLineOption
            Set-PSReadLineOption
            Get-PSReadLineKeyHandler

        """
    }
}
