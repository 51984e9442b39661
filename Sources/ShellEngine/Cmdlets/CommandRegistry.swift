/// Registers every cmdlet and the common Windows PowerShell 5.1 aliases in a new engine.
enum CommandRegistry {
    static let aliases: [String: String] = [
        "select": "Select-Object", "where": "Where-Object", "?": "Where-Object", "%": "ForEach-Object",
        "foreach": "ForEach-Object", "fl": "Format-List", "ft": "Format-Table", "gcm": "Get-Command",
        "gal": "Get-Alias", "cls": "Clear-Host", "clear": "Clear-Host", "echo": "Write-Output", "write": "Write-Output",
        "sort": "Sort-Object", "measure": "Measure-Object", "gm": "Get-Member", "gv": "Get-Variable",
        "sv": "Set-Variable", "set": "Set-Variable", "rv": "Remove-Variable", "nv": "New-Variable", "help": "Get-Help",
        "man": "Get-Help", "sleep": "Start-Sleep", "oh": "Out-Host", "iex": "Invoke-Expression", "pwd": "Get-Location",
        "gl": "Get-Location",
    ]

    static func install(in engine: Engine) {
        let definitions = CoreCmdlets.definitions() + UtilityCmdlets.definitions()
            + SmbShareCmdlets.definitions(profile: engine.osProfile)
            + MailslotCmdlets.definitions() + LabRegistry.definitions()
        for definition in definitions {
            engine.cmdlets[NameKey(definition.metadata.name)] = definition
        }
        engine.aliases = Dictionary(uniqueKeysWithValues: aliases.map { (NameKey($0.key), $0.value) })
    }
}
