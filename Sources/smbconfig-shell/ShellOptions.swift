import ArgumentParser

/// The `-Help` page: swift-argument-parser's layout of the switches `CommandLineSwitches` declares
/// (names and texts come from there). Arguments arrive canonicalized.
struct ShellOptions: ParsableCommand {
    private typealias S = CommandLineSwitches

    @Option(name: .customLong(S.file.name, withSingleDash: true), parsing: .unconditional,
            help: ArgumentHelp(S.file.help, valueName: "path"))
    var file: String?

    @Option(name: .customLong(S.command.name, withSingleDash: true), parsing: .unconditional,
            help: ArgumentHelp(S.command.help, valueName: "text"))
    var command: String?

    @Flag(name: .customLong(S.nonInteractive.name, withSingleDash: true), help: ArgumentHelp(S.nonInteractive.help))
    var nonInteractive = false

    @Flag(name: .customLong(S.noProfile.name, withSingleDash: true), help: ArgumentHelp(S.noProfile.help))
    var noProfile = false

    @Flag(name: .customLong(S.noLogo.name, withSingleDash: true), help: ArgumentHelp(S.noLogo.help))
    var noLogo = false

    @Flag(name: .customLong(S.noExit.name, withSingleDash: true), help: ArgumentHelp(S.noExit.help))
    var noExit = false

    @Flag(name: .customLong(S.syntaxCheck.name, withSingleDash: true), help: ArgumentHelp(S.syntaxCheck.help))
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
        helpNames: [.customLong(S.help.name, withSingleDash: true), .customShort("?")]
    )
}
