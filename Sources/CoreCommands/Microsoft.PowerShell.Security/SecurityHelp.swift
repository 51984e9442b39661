import ShellEngine

/// Microsoft.PowerShell.Security's help beyond what each definition states.
enum SecurityHelp {
    private static let secureString = ["ConvertTo-SecureString", "ConvertFrom-SecureString", "Get-Credential"]
    private static let policy = ["Get-ExecutionPolicy", "Set-ExecutionPolicy", "about_Execution_Policies"]
    private static let keys = [
        "SecureKey": "A secure string whose characters are the key that encrypts or decrypts the standard string.",
        "Key": "The key, 16, 24 or 32 bytes, that encrypts or decrypts the standard string (AES).",
    ]

    static let table: [String: CommandHelp] = [
        "ConvertTo-SecureString": CommandHelp(
            description: "Converts an encrypted standard string (the output of ConvertFrom-SecureString) back to a secure string, or with -AsPlainText -Force converts plain text to a secure string. Without -Key or -SecureKey the string is decrypted with the Windows Data Protection API for the current user.",
            examples: [HelpExample(code: "$secure = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force",
                                   remarks: "Converts plain text to a secure string."),
                       HelpExample(code: "$secure = Get-Content .\\password.txt | ConvertTo-SecureString",
                                   remarks: "Reads an encrypted standard string saved by ConvertFrom-SecureString.")],
            notes: "Plain text typed in a command stays in the history; prefer Read-Host -AsSecureString or Get-Credential.",
            relatedLinks: secureString,
            parameters: keys.merging([
                "String": "The string to convert.",
                "AsPlainText": "Converts plain text; requires -Force.",
                "Force": "Confirms that you understand the risk of -AsPlainText.",
            ]) { $1 }, outputType: "System.Security.SecureString"),
        "ConvertFrom-SecureString": CommandHelp(
            description: "Converts a secure string to an encrypted standard string that can be saved in a file and converted back with ConvertTo-SecureString. Without -Key or -SecureKey only the same user on the same computer can decrypt it.",
            examples: [HelpExample(code: "Read-Host -AsSecureString | ConvertFrom-SecureString | Set-Content .\\password.txt",
                                   remarks: "Saves a password typed at the prompt, encrypted for the current user."),
                       HelpExample(code: "$secure | ConvertFrom-SecureString -Key (1..16)",
                                   remarks: "Encrypts with a 16-byte key, so another user or computer with the key can decrypt it.")],
            notes: "The output is not the plain text: it is encrypted.",
            relatedLinks: secureString,
            parameters: keys.merging(["SecureString": "The secure string to convert."]) { $1 }, outputType: "System.String"),
        "Get-ExecutionPolicy": CommandHelp(
            description: "Gets the execution policy of the session, or of one scope with -Scope; -List shows every scope in order of precedence (MachinePolicy, UserPolicy, Process, CurrentUser, LocalMachine).",
            examples: [HelpExample(code: "Get-ExecutionPolicy", remarks: "Shows the policy in effect."),
                       HelpExample(code: "Get-ExecutionPolicy -List", remarks: "Shows the policy of each scope.")],
            notes: "A policy set by Group Policy (MachinePolicy, UserPolicy) wins over the others.",
            relatedLinks: policy,
            parameters: ["Scope": "The scope whose policy is shown.", "List": "Shows the policy of every scope."],
            outputType: "Microsoft.PowerShell.ExecutionPolicy"),
        "Set-ExecutionPolicy": CommandHelp(
            description: "Sets the execution policy of a scope: which scripts and configuration files the session may run. The policy of LocalMachine and CurrentUser is kept in the registry; the Process scope lasts for the session.",
            examples: [HelpExample(code: "Set-ExecutionPolicy RemoteSigned -Scope CurrentUser",
                                   remarks: "Lets the current user run local scripts; downloaded scripts must be signed."),
                       HelpExample(code: "Set-ExecutionPolicy Bypass -Scope Process -Force",
                                   remarks: "Runs every script in this session only, without asking.")],
            notes: "Setting the LocalMachine scope needs an elevated session. A Group Policy setting overrides the policy set here.",
            relatedLinks: policy,
            parameters: ["ExecutionPolicy": "The policy: Restricted, AllSigned, RemoteSigned, Unrestricted, Bypass or Undefined.",
                         "Scope": "The scope to set: Process, CurrentUser or LocalMachine (the default).",
                         "Force": "Does not ask for confirmation."],
            outputType: "None"),
        "Get-Credential": CommandHelp(
            description: "Asks for a user name and a password and returns them as a PSCredential object whose password is a secure string.",
            examples: [HelpExample(code: "$credential = Get-Credential", remarks: "Asks for a user name and password."),
                       HelpExample(code: "Get-Credential -UserName CONTOSO\\admin -Message 'Password for the file server'",
                                   remarks: "Asks for the password of CONTOSO\\admin with a message.")],
            notes: "The password is never shown; $credential.GetNetworkCredential().Password returns it as plain text.",
            relatedLinks: secureString,
            parameters: ["Credential": "A user name (the prompt then asks only for the password) or a credential.",
                         "Message": "The message shown above the prompt.",
                         "UserName": "The user name to fill in.",
                         "Title": "The title of the prompt."],
            outputType: "System.Management.Automation.PSCredential"),
    ]
}
