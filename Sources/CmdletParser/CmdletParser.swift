// The PowerShell language front end: tokens, the AST and parse errors with PowerShell's ids.
