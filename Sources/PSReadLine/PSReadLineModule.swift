import ShellEngine

/// PSReadLine 2.0.0, the line editor module Windows PowerShell 5.1 loads in the console (a binary
/// module in Program Files).
public enum PSReadLineModule: CommandModule {
    public static let name = "PSReadLine"
    public static let version = "2.0.0"
    public static let commandType = ModuleCommandType.cmdlet
    public static let directory: String? = ModuleInfo.programFilesModulesDirectory

    public static func register(in registration: ModuleRegistration) {
        registration.commands { definitions().map { $0.withHelp(PSReadLineHelp.table[$0.metadata.name]) } }
        registration.helpTopic("about_PSReadLine", PSReadLineHelp.aboutTopic)
        registration.tableView(typeName: GetPSReadLineKeyHandler.typeName, TableViewDefinition(
            columns: [("Key", 0, .left), ("Function", 0, .left), ("Description", 0, .left)], wrap: true))
    }

    static func definitions() -> [CmdletDefinition] {
        let colorNames = PSReadLineOptions.TokenClass.allCases.map(\.rawValue).joined(separator: ", ")
        return [
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-PSReadLineOption", module: "",
                implementation: .compiled(className: "Microsoft.PowerShell.GetPSReadLineOption"),
                parameters: [],
                synopsis: "Gets values for the options that can be configured.",
                description: "The Get-PSReadLineOption cmdlet gets the current values of the PSReadLine options: the edit mode, the continuation prompt, the history settings, the bell, completion and the colours of each kind of token. Set-PSReadLineOption changes them for the current session.",
                examples: [
                    HelpExample(code: "Get-PSReadLineOption", remarks: "Lists every option with its current value."),
                    HelpExample(code: "(Get-PSReadLineOption).ContinuationPrompt",
                                remarks: "Gets the prompt shown at the start of each additional line of multi-line input."),
                ],
                outputType: "Microsoft.PowerShell.PSConsoleReadLineOptions")) { GetPSReadLineOption() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Set-PSReadLineOption", module: "",
                implementation: .compiled(className: "Microsoft.PowerShell.SetPSReadLineOption"),
                parameters: [
                    ParameterMetadata("EditMode", .enumeration(typeName: "Microsoft.PowerShell.EditMode", values: PSReadLineOptions.editModes),
                                      help: "The key bindings: Windows (the default), Emacs or Vi."),
                    ParameterMetadata("ContinuationPrompt", .string,
                                      help: "The text shown at the start of each line after the first of multi-line input. The default is >> (two greater-than signs and a space)."),
                    ParameterMetadata("HistoryNoDuplicates", .switchParameter,
                                      help: "Recalls a command that appears several times in the history only once."),
                    ParameterMetadata("HistorySearchCursorMovesToEnd", .switchParameter,
                                      help: "Moves the cursor to the end of a command found by a history search."),
                    ParameterMetadata("MaximumHistoryCount", .int32, help: "The number of commands kept in the history."),
                    ParameterMetadata("MaximumKillRingCount", .int32, help: "The number of items kept in the kill ring."),
                    ParameterMetadata("ShowToolTips", .switchParameter,
                                      help: "Shows a description of the selected completion in the completion menu."),
                    ParameterMetadata("ExtraPromptLineCount", .int32,
                                      help: "The number of extra lines the prompt function writes before the prompt line."),
                    ParameterMetadata("DingTone", .int32, help: "The tone of the bell, in hertz."),
                    ParameterMetadata("DingDuration", .int32, help: "The length of the bell, in milliseconds."),
                    ParameterMetadata("BellStyle", .enumeration(typeName: "Microsoft.PowerShell.BellStyle", values: PSReadLineOptions.bellStyles),
                                      help: "How an error is signalled: None, Visual or Audible."),
                    ParameterMetadata("CompletionQueryItems", .int32,
                                      help: "The number of completions shown without asking first."),
                    ParameterMetadata("WordDelimiters", .string,
                                      help: "The characters that end a word for the word movement and deletion keys."),
                    ParameterMetadata("HistorySearchCaseSensitive", .switchParameter,
                                      help: "Makes history searches case-sensitive."),
                    ParameterMetadata("HistorySaveStyle", .enumeration(typeName: "Microsoft.PowerShell.HistorySaveStyle",
                                                                         values: PSReadLineOptions.historySaveStyles),
                                      help: "When the history is written to its file: SaveIncrementally, SaveAtExit or SaveNothing."),
                    ParameterMetadata("HistorySavePath", .string, help: "The file the history is saved in."),
                    ParameterMetadata("AnsiEscapeTimeout", .int32,
                                      help: "How long, in milliseconds, to wait for the rest of an escape sequence."),
                    ParameterMetadata("PromptText", .array(.string),
                                      help: "The end of the prompt, shown in the error colour while the input has a syntax error."),
                    ParameterMetadata("ViModeIndicator", .enumeration(typeName: "Microsoft.PowerShell.ViModeStyle",
                                                                        values: PSReadLineOptions.viModeStyles),
                                      help: "How the Vi mode shows insert and command mode."),
                    ParameterMetadata("Colors", .hashtable,
                                      help: "The colours of the kinds of tokens, as a hash table of a kind (\(colorNames)) and a ConsoleColor name, an escape sequence or an RGB value such as #ff8000."),
                ],
                synopsis: "Customizes the behavior of command line editing in PSReadLine.",
                description: "The Set-PSReadLineOption cmdlet changes the behaviour of the line editor: the key bindings, the continuation prompt, how history is kept and searched, and the colours used to show each kind of token as you type. The changes apply to the current session from the next line on; put the command in your profile to keep them.",
                examples: [
                    HelpExample(code: "Set-PSReadLineOption -Colors @{ Command = 'Magenta'; String = \"$([char]0x1b)[36m\" }",
                                remarks: "Shows command names in magenta and strings with the escape sequence for dark cyan."),
                    HelpExample(code: "Set-PSReadLineOption -ContinuationPrompt '.. '",
                                remarks: "Starts each additional line of multi-line input with two dots and a space."),
                ],
                outputType: "None")) { SetPSReadLineOption() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-PSReadLineKeyHandler", module: "",
                implementation: .compiled(className: "Microsoft.PowerShell.GetKeyHandlerCommand"),
                parameters: [
                    ParameterMetadata("Bound", .switchParameter, help: "Gets the keys that are bound to a function. This is the default."),
                    ParameterMetadata("Unbound", .switchParameter, help: "Gets the functions that no key is bound to."),
                ],
                synopsis: "Gets the key bindings for the PSReadLine module.",
                description: "The Get-PSReadLineKeyHandler cmdlet lists the keys of the line editor, the function each key calls and what the function does, grouped as basic editing, cursor movement, history and completion functions.",
                examples: [
                    HelpExample(code: "Get-PSReadLineKeyHandler", remarks: "Lists every bound key."),
                    HelpExample(code: "Get-PSReadLineKeyHandler | Where-Object Function -like '*History*'",
                                remarks: "Lists the keys that recall or search the command history."),
                ],
                outputType: "Microsoft.PowerShell.KeyHandler")) { GetPSReadLineKeyHandler() },
        ]
    }
}
