/// Windows PowerShell 5.1's built-in aliases of the Microsoft.PowerShell.Management commands
/// (and of the `mkdir` function), one table: registration and Get-Alias read it.
enum ManagementAliases {
    static let table: [String: String] = [
        "cd": "Set-Location", "chdir": "Set-Location", "sl": "Set-Location",
        "pwd": "Get-Location", "gl": "Get-Location", "pushd": "Push-Location", "popd": "Pop-Location",
        "dir": "Get-ChildItem", "ls": "Get-ChildItem", "gci": "Get-ChildItem", "gi": "Get-Item", "ni": "New-Item",
        "md": "mkdir", "ri": "Remove-Item", "rm": "Remove-Item", "rmdir": "Remove-Item", "del": "Remove-Item",
        "erase": "Remove-Item", "rd": "Remove-Item", "cp": "Copy-Item", "copy": "Copy-Item", "cpi": "Copy-Item",
        "mv": "Move-Item", "move": "Move-Item", "mi": "Move-Item", "ren": "Rename-Item", "rni": "Rename-Item",
        "gc": "Get-Content", "cat": "Get-Content", "type": "Get-Content", "sc": "Set-Content", "ac": "Add-Content",
        "clc": "Clear-Content", "cli": "Clear-Item", "si": "Set-Item", "ii": "Invoke-Item",
        "gp": "Get-ItemProperty", "sp": "Set-ItemProperty", "rp": "Remove-ItemProperty", "gpv": "Get-ItemPropertyValue",
        "gdr": "Get-PSDrive", "ndr": "New-PSDrive", "rdr": "Remove-PSDrive", "mount": "New-PSDrive",
        "rvpa": "Resolve-Path", "cvpa": "Convert-Path",
    ]
}
