import ShellEngine

/// Microsoft.PowerShell.Core's help beyond what each definition states.
enum CoreHelp {
    private static let help = ["Get-Help", "Get-Command", "Update-Help", "Save-Help", "about_Command_Syntax"]
    private static let history = ["Get-History", "Invoke-History", "Clear-History", "about_History"]
    private static let pipeline = ["ForEach-Object", "Where-Object", "Select-Object", "Sort-Object", "about_Pipelines"]
    private static let output = ["Out-Default", "Out-Host", "Out-Null", "Out-String", "Write-Output"]
    private static let modules = ["Get-Module", "Import-Module", "Remove-Module", "New-Module", "about_Modules"]

    static let table: [String: CommandHelp] = [
        "Get-Help": CommandHelp(
            description: "Displays information about PowerShell concepts and commands, including cmdlets, functions, scripts and about_ topics. A name with wildcard characters lists the matching commands and topics.",
            examples: [HelpExample(code: "Get-Help Set-SmbClientConfiguration -Examples", remarks: "Shows the examples of a cmdlet."),
                       HelpExample(code: "Get-Help about_*", remarks: "Lists the conceptual topics.")],
            notes: "-Detailed adds the parameter descriptions and examples, -Full adds the parameter attributes, inputs, outputs and notes, -Parameter shows one parameter.",
            relatedLinks: help,
            parameters: ["Name": "A command or topic name; wildcards list every match.",
                         "Parameter": "Shows only the named parameter (wildcards allowed).",
                         "Full": "Shows the whole help.", "Examples": "Shows only the name, synopsis and examples.",
                         "Detailed": "Adds the parameter descriptions and examples."],
            outputType: "System.String, HelpInfoShort"),
        "Get-Command": CommandHelp(
            description: "Gets the commands of the session and of the modules in $env:PSModulePath: cmdlets, functions, aliases and programs, filtered by name, verb, noun, module or command type.",
            examples: [HelpExample(code: "Get-Command -Module SmbShare", remarks: "Lists the SMB cmdlets."),
                       HelpExample(code: "Get-Command -Noun SmbShare* -Syntax", remarks: "Shows the syntax of the share cmdlets.")],
            notes: "Without a name Get-Command lists cmdlets, functions and aliases, not programs.",
            relatedLinks: help,
            parameters: ["Name": "Command names (wildcards allowed).", "Module": "Gets the commands of these modules.",
                         "Syntax": "Shows each command's syntax instead of the command.", "Noun": "Gets the commands with these nouns.",
                         "Verb": "Gets the commands with these verbs.", "CommandType": "Gets the commands of these types.",
                         "All": "Also gets commands hidden by others with the same name.",
                         "TotalCount": "Gets at most this many commands."],
            outputType: "System.Management.Automation.CommandInfo"),
        "ForEach-Object": CommandHelp(
            description: "Runs a script block for each object of the pipeline; $_ is the current object. -Begin and -End run once before and after; -MemberName gets a property or calls a method of each object.",
            examples: [HelpExample(code: "1..3 | ForEach-Object { $_ * 2 }", remarks: "Doubles each number."),
                       HelpExample(code: "Get-SmbShare | ForEach-Object Name", remarks: "Gets the name of each share.")],
            notes: "% and foreach are aliases of ForEach-Object in a pipeline.",
            relatedLinks: pipeline,
            parameters: ["Process": "The script block run for each object.", "Begin": "Runs before the first object.",
                         "End": "Runs after the last object.", "MemberName": "A property to get or a method to call on each object.",
                         "ArgumentList": "The arguments of the method -MemberName calls."],
            outputType: "System.Object"),
        "Where-Object": CommandHelp(
            description: "Passes on the objects of the pipeline for which a condition holds: a script block ($_ is the current object) or a property compared with a value (Where-Object Name -like 'A*').",
            examples: [HelpExample(code: "Get-Service | Where-Object Status -eq Running", remarks: "Lists the running services."),
                       HelpExample(code: "Get-SmbShare | Where-Object { $_.Name -notlike '*$' }", remarks: "Lists the shares that are not administrative.")],
            notes: "? and where are aliases of Where-Object.",
            relatedLinks: pipeline,
            parameters: [
                "FilterScript": "The condition: a script block that returns $true for the objects to keep.",
                "Property": "The property the comparison reads.", "Value": "The value the property is compared with.",
                "EQ": "Equal.", "NE": "Not equal.", "GT": "Greater than.", "GE": "Greater than or equal.", "LT": "Less than.",
                "LE": "Less than or equal.", "Like": "Matches a wildcard pattern.", "NotLike": "Does not match a wildcard pattern.",
                "Match": "Matches a regular expression.", "NotMatch": "Does not match a regular expression.",
                "Contains": "The property's collection contains the value.", "NotContains": "The collection does not contain the value.",
                "In": "The property's value is in the collection.", "NotIn": "The property's value is not in the collection.",
                "CEQ": "Equal, case-sensitively.", "CNE": "Not equal, case-sensitively.", "CLike": "Matches a wildcard pattern, case-sensitively.",
                "CMatch": "Matches a regular expression, case-sensitively.", "Is": "Is of the type.", "IsNot": "Is not of the type.",
            ],
            outputType: "System.Object"),
        "Out-Null": CommandHelp(
            description: "Deletes the output instead of sending it down the pipeline or to the console.",
            examples: [HelpExample(code: "New-Item note.txt | Out-Null", remarks: "Creates a file without showing it."),
                       HelpExample(code: "$null = New-Item note.txt", remarks: "The same, by assigning to $null.")],
            notes: "Errors are not output: they are still shown.", relatedLinks: output, outputType: "None"),
        "Out-Default": CommandHelp(
            description: "Sends the output to the default formatter and the console. PowerShell adds it to the end of every pipeline typed at the prompt.",
            examples: [HelpExample(code: "Get-Date | Out-Default", remarks: "Shows the date, as Get-Date alone does."),
                       HelpExample(code: "1..3 | Out-Default", remarks: "Shows the numbers.")],
            notes: "Tables are sized from the first objects and then written as the objects arrive.", relatedLinks: output, outputType: "None"),
        "Out-Host": CommandHelp(
            description: "Sends the output to the console, formatted as Out-Default formats it.",
            examples: [HelpExample(code: "Get-Help Get-Command -Full | Out-Host -Paging", remarks: "Shows the help a page at a time."),
                       HelpExample(code: "Get-Process | Out-Host", remarks: "Shows the processes.")],
            notes: "The output is not passed down the pipeline.", relatedLinks: output,
            parameters: ["Paging": "Shows one page at a time and waits for a key."], outputType: "None"),
        "Clear-Host": CommandHelp(
            description: "Clears the console and puts the prompt at its top.",
            examples: [HelpExample(code: "Clear-Host", remarks: "Clears the console."), HelpExample(code: "cls", remarks: "The same, with its alias.")],
            notes: "Ctrl+L also clears the console.", relatedLinks: ["Out-Host"], outputType: "None"),
        "Get-History": CommandHelp(
            description: "Gets the commands entered in this session, with their ids, execution status and times.",
            examples: [HelpExample(code: "Get-History", remarks: "Lists this session's commands."),
                       HelpExample(code: "Get-History -Count 5", remarks: "Lists the last five commands.")],
            notes: "The line editor keeps its own history across sessions: Up arrow, F7 and F8 search it.", relatedLinks: history,
            parameters: ["Id": "The ids of the entries to get.", "Count": "The number of most recent entries to get."],
            outputType: "Microsoft.PowerShell.Commands.HistoryInfo"),
        "Invoke-History": CommandHelp(
            description: "Runs a command of the session history again: the last one, or the one with the given id or starting with the given text.",
            examples: [HelpExample(code: "Invoke-History", remarks: "Runs the last command again."), HelpExample(code: "r 3", remarks: "Runs the command with id 3.")],
            notes: "r is an alias of Invoke-History.", relatedLinks: history,
            parameters: ["Id": "The id of the command, or the start of its text."], outputType: "System.Object"),
        "Clear-History": CommandHelp(
            description: "Deletes entries from the session history: all of them, or those selected by id, count or command line.",
            examples: [HelpExample(code: "Clear-History", remarks: "Deletes the whole session history."),
                       HelpExample(code: "Clear-History -CommandLine *password*", remarks: "Deletes the entries that mention a password.")],
            notes: "The line editor's history file is not changed.", relatedLinks: history,
            parameters: ["Id": "The ids of the entries to delete.", "Count": "The number of entries to delete.",
                         "CommandLine": "Deletes the entries whose text matches (wildcards allowed).",
                         "Newest": "With -Count, deletes the newest entries instead of the oldest."],
            outputType: "None"),
        "Set-StrictMode": CommandHelp(
            description: "Turns on rules that make common mistakes errors: with -Version 1.0 an uninitialized variable, 2.0 also a missing property and a function called like a method, Latest the strictest rules.",
            examples: [HelpExample(code: "Set-StrictMode -Version Latest", remarks: "Turns on every rule."),
                       HelpExample(code: "Set-StrictMode -Off", remarks: "Turns the rules off.")],
            notes: "Strict mode applies to the scope where it is set and the scopes below it.", relatedLinks: ["about_Scopes", "Set-PSDebug"],
            parameters: ["Version": "The rules: 1.0, 2.0, 3.0 or Latest.", "Off": "Turns strict mode off."], outputType: "None"),
        "Update-Help": CommandHelp(
            description: "Downloads the newest help files of the modules and installs them on the computer.",
            examples: [HelpExample(code: "Update-Help", remarks: "Updates the help of every module."),
                       HelpExample(code: "Update-Help -Module SmbShare -UICulture en-US", remarks: "Updates the English help of SmbShare.")],
            notes: "Updating needs an elevated session and access to the internet; this computer has none, so the command fails.",
            relatedLinks: help,
            parameters: ["Module": "The modules whose help is updated.", "UICulture": "The languages of the help.",
                         "Force": "Updates even when the help was updated in the last 24 hours.",
                         "SourcePath": "A folder with help files saved by Save-Help."],
            outputType: "None"),
        "Save-Help": CommandHelp(
            description: "Downloads the newest help files of the modules and saves them in a folder, for Update-Help -SourcePath on computers without internet access.",
            examples: [HelpExample(code: "Save-Help -DestinationPath \\\\server\\help", remarks: "Saves the help of every module."),
                       HelpExample(code: "Save-Help -Module SmbShare -DestinationPath C:\\Help", remarks: "Saves the help of SmbShare.")],
            notes: "This computer has no internet access, so the command fails.", relatedLinks: help,
            parameters: ["DestinationPath": "The folder the help files are saved in.", "Module": "The modules whose help is saved.",
                         "UICulture": "The languages of the help.", "Force": "Saves even when the help was saved in the last 24 hours."],
            outputType: "None"),
        "Get-Module": CommandHelp(
            description: "Gets the modules imported in the session, or with -ListAvailable the modules installed in the folders of $env:PSModulePath.",
            examples: [HelpExample(code: "Get-Module", remarks: "Lists the imported modules."),
                       HelpExample(code: "Get-Module -ListAvailable Smb*", remarks: "Lists the installed modules whose names start with Smb.")],
            notes: "A module is imported automatically the first time one of its commands runs.", relatedLinks: modules,
            parameters: ["Name": "Module names (wildcards allowed).", "ListAvailable": "Gets the installed modules.",
                         "All": "With -ListAvailable, gets every module file of each module folder."],
            outputType: "System.Management.Automation.PSModuleInfo"),
    ]
}
