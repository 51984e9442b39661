<#
.SYNOPSIS
    Turns SMBv1 off everywhere: server, client driver and the optional feature.
#>
[CmdletBinding(SupportsShouldProcess)]
param([switch]$NoRestart = $true)

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script as an administrator.'
}
Write-Output "Running as $(whoami) on $(hostname)"

$before = (Get-SmbServerConfiguration).EnableSMB1Protocol
Write-Output "SMB1 server before: $before"

Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force
Set-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters' -Name SMB1 -Type DWORD -Value 0 -Force

$out = sc.exe config lanmanworkstation depend= bowser/mrxsmb20/nsi
Write-Output ($out | Where-Object { $_ }) 
if (Get-Service -Name mrxsmb10 -ErrorAction SilentlyContinue) {
    $out = sc.exe config mrxsmb10 start= disabled
    Write-Output ($out | Where-Object { $_ })
} else {
    Write-Output 'The SMB1 client driver is not installed.'
}

$os = Get-CimInstance Win32_OperatingSystem
if ($os.ProductType -eq 1) {
    $result = Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart
    Write-Output "Feature SMB1Protocol: restart needed = $($result.RestartNeeded)"
} else {
    $result = Uninstall-WindowsFeature -Name FS-SMB1 -WarningAction SilentlyContinue
    Write-Output "Feature FS-SMB1: success = $($result.Success), restart = $($result.RestartNeeded)"
}

$after = Get-SmbServerConfiguration | Select-Object EnableSMB1Protocol, EnableSMB2Protocol
$after | Format-Table -AutoSize
Get-Service LanmanServer, LanmanWorkstation | Select-Object Name, Status, StartType | Format-Table -AutoSize
Write-Output 'SMB1 has been disabled.'
