import ShellEngine

/// PSReadLine's options for one console (Get-PSReadLineOption, Set-PSReadLineOption). The line
/// editor reads them before each line: the token colours, the continuation prompt, the edit mode
/// and whether history keeps duplicates.
public final class PSReadLineOptions: EngineService {
    /// The token classes `-Colors` names, in PSReadLine 2.0's order.
    public enum TokenClass: String, CaseIterable, Sendable {
        case continuationPrompt = "ContinuationPrompt", emphasis = "Emphasis", error = "Error",
             defaultToken = "Default", comment = "Comment", keyword = "Keyword", string = "String",
             `operator` = "Operator", variable = "Variable", command = "Command", parameter = "Parameter",
             type = "Type", number = "Number", member = "Member", selection = "Selection"

        /// The option's property name (`CommandColor`, `DefaultTokenColor`).
        public var propertyName: String { self == .defaultToken ? "DefaultTokenColor" : rawValue + "Color" }
    }

    public static let editModes = ["Windows", "Emacs", "Vi"]
    public static let bellStyles = ["None", "Visual", "Audible"]
    public static let historySaveStyles = ["SaveIncrementally", "SaveAtExit", "SaveNothing"]
    public static let viModeStyles = ["None", "Prompt", "Cursor", "Script"]

    /// Each token class's colour as a VT escape sequence.
    public private(set) var colors: [TokenClass: String] = [:]
    public var editMode = "Windows"
    public var continuationPrompt = ">> "
    public var historyNoDuplicates = true
    public var historySavePath: String
    public var historySaveStyle = "SaveIncrementally"
    public var historySearchCaseSensitive = false
    public var historySearchCursorMovesToEnd = false
    public var maximumHistoryCount: Int32 = 4096
    public var extraPromptLineCount: Int32 = 0
    public var promptText: [String] = []
    public var bellStyle = "Audible"
    public var dingDuration: Int32 = 50
    public var dingTone: Int32 = 1221
    public var completionQueryItems: Int32 = 100
    public var maximumKillRingCount: Int32 = 10
    public var showToolTips = true
    public var viModeIndicator = "None"
    public var wordDelimiters = ";:,.[]{}()/\\|^&*-=+'\"\u{2013}\u{2014}\u{2015}"
    public var ansiEscapeTimeout: Int32 = 100
    /// Bumped by every Set-PSReadLineOption, so the editor knows to re-read.
    public private(set) var generation = 0

    init(historySavePath: String) {
        self.historySavePath = historySavePath
        resetColors()
    }

    package func shutdown() {}

    /// The options of `engine`'s console.
    public static func of(_ engine: Engine) -> PSReadLineOptions {
        engine.service(PSReadLineOptions.self) {
            PSReadLineOptions(historySavePath: (engine.environmentValue("APPDATA") ?? #"C:\Users\"# + engine.userName + #"\AppData\Roaming"#)
                + #"\Microsoft\Windows\PowerShell\PSReadLine\ConsoleHost_history.txt"#)
        }
    }

    /// PSReadLine 2.0's defaults: its `Default*Color` constants (MemberColor takes NumberColor's, as
    /// 2.0's ResetColors does); the default token and continuation prompt keep the console's colour.
    func resetColors() {
        colors = [
            .continuationPrompt: "\u{1B}[39m", .defaultToken: "\u{1B}[39m",
            .comment: ConsoleColors.foreground["DarkGreen"]!, .keyword: ConsoleColors.foreground["Green"]!,
            .string: ConsoleColors.foreground["DarkCyan"]!, .operator: ConsoleColors.foreground["DarkGray"]!,
            .variable: ConsoleColors.foreground["Green"]!, .command: ConsoleColors.foreground["Yellow"]!,
            .parameter: ConsoleColors.foreground["DarkGray"]!, .type: ConsoleColors.foreground["Gray"]!,
            .number: ConsoleColors.foreground["White"]!, .member: ConsoleColors.foreground["White"]!,
            .emphasis: ConsoleColors.foreground["Cyan"]!, .error: ConsoleColors.foreground["Red"]!,
            .selection: "\u{1B}[30;47m",
        ]
        generation += 1
    }

    func setColor(_ tokenClass: TokenClass, _ sequence: String) {
        colors[tokenClass] = sequence
    }

    func changed() { generation += 1 }
}

/// ConsoleColor names and the VT sequences PSReadLine writes for them.
public enum ConsoleColors {
    public static let names = ["Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
                               "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"]
    static let codes = [30, 34, 32, 36, 31, 35, 33, 37, 90, 94, 92, 96, 91, 95, 93, 97]

    public static let foreground: [String: String] = Dictionary(uniqueKeysWithValues: zip(names, codes).map { ($0, "\u{1B}[\($1)m") })

    /// A `-Colors` value as PSReadLine takes it: a ConsoleColor name (or its number) or an escape
    /// sequence; nil when it is neither.
    static func sequence(for value: PSValue) -> String? {
        let text = LanguagePrimitives.toString(value)
        if let name = names.first(where: { $0.equalsIgnoringCase(text) }) { return foreground[name] }
        if let number = Int(text), number >= 0, number < names.count { return foreground[names[number]] }
        if text.hasPrefix("\u{1B}") { return text }
        // An RGB value, `#ff8000` or `ff8000`.
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if hex.count == 6, let rgb = Int(hex, radix: 16) {
            return "\u{1B}[38;2;\(rgb >> 16);\((rgb >> 8) & 0xFF);\(rgb & 0xFF)m"
        }
        return nil
    }
}

extension String {
    func equalsIgnoringCase(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
