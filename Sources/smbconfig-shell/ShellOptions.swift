import ArgumentParser

/// The command line, declared once: parsing and `-Help` read these declarations. Arguments arrive
/// canonicalized by `CommandLineSwitches` (powershell.exe's case-insensitive abbreviations).
struct ShellOptions: ParsableCommand {
    @Option(name: .customLong("File", withSingleDash: true), parsing: .unconditional,
            help: ArgumentHelp("Runs a script file, binding the arguments after it to its param() block or $args, then exits (unless -NoExit).", valueName: "path"))
    var file: String?

    @Option(name: .customLong("Command", withSingleDash: true), parsing: .unconditional,
            help: ArgumentHelp("Runs the rest of the command line as commands, then exits (unless -NoExit). With '-', reads the commands from standard input.", valueName: "text"))
    var command: String?

    @Flag(name: .customLong("NonInteractive", withSingleDash: true),
          help: "Does not present an interactive prompt: confirmation and Read-Host fail instead of asking.")
    var nonInteractive = false

    @Flag(name: .customLong("NoProfile", withSingleDash: true), help: "Does not run $SMBCONFIG_HOME/profile.ps1.")
    var noProfile = false

    @Flag(name: .customLong("NoLogo", withSingleDash: true), help: "Hides the banner at start-up.")
    var noLogo = false

    @Flag(name: .customLong("NoExit", withSingleDash: true), help: "Does not exit after running -Command or -File.")
    var noExit = false

    @Flag(name: .customLong("SyntaxCheck", withSingleDash: true),
          help: "Parses the -File script (or standard input) without running it: one line per error, OFFSET<TAB>ERRORID<TAB>MESSAGE; exit status 1 on errors.")
    var syntaxCheck = false

    @Argument(parsing: .postTerminator, help: ArgumentHelp("Arguments of the -File script.", visibility: .hidden))
    var scriptArguments: [String] = []

    static let configuration = CommandConfiguration(
        commandName: "smbconfig-shell",
        abstract: "A Windows PowerShell 5.1 console for the SMB client and server configuration and mailslots.",
        discussion: """
            Switches are case-insensitive and may be shortened (-nop, -noni, -c, -f). Without -File or -Command the shell is interactive at a terminal and reads commands line by line from a pipe.

            Environment: SMBCONFIG_HOME (state folder), SMBCONFIG_OS_PROFILE, COMPUTERNAME, SMBCONFIG_DATAGRAM_ENDPOINT, COLUMNS, NO_COLOR.
            """,
        helpNames: [.customLong("Help", withSingleDash: true), .customShort("?")]
    )
}
