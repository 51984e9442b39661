<#
.SYNOPSIS
    Reports which SMB dialects and legacy components are enabled on this computer.
#>
[CmdletBinding()]
param()

$os = Get-CimInstance -ClassName Win32_OperatingSystem
$cs = Get-CimInstance -ClassName Win32_ComputerSystem
Write-Output ("Computer : {0} ({1})" -f $cs.Name, $cs.Domain)
Write-Output ("OS       : {0} build {1}" -f $os.Caption, $os.BuildNumber)

$server = Get-SmbServerConfiguration
$client = Get-SmbClientConfiguration
$params = Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters'

if ($os.ProductType -eq 1) {
    $feature = Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol
    $smb1Feature = $feature.State.ToString()
} else {
    $feature = Get-WindowsFeature -Name FS-SMB1
    $smb1Feature = $feature.InstallState.ToString()
}

$driver = Get-Service -Name mrxsmb10 -ErrorAction SilentlyContinue
$report = [ordered]@{
    'SMB1 server (cmdlet)'   = $server.EnableSMB1Protocol
    'SMB1 server (registry)' = if ($null -ne $params.SMB1) { $params.SMB1 } else { 'not set' }
    'SMB1 feature'           = $smb1Feature
    'SMB1 client driver'     = if ($driver) { $driver.StartType.ToString() } else { 'not installed' }
    'SMB2 server'            = $server.EnableSMB2Protocol
    'Server signing required'= $server.RequireSecuritySignature
    'Client signing required'= $client.RequireSecuritySignature
    'Encrypt data'           = $server.EncryptData
}
[pscustomobject]$report | Format-List
$audit = auditpol /get /subcategory:"File Share" | Select-String 'File Share'
Write-Output ("File share auditing: {0}" -f ($audit.Line -replace '^\s*File Share\s+', ''))
$events = Get-WinEvent -LogName 'Microsoft-Windows-SMBServer/Audit' -MaxEvents 50 -ErrorAction SilentlyContinue | Measure-Object
Write-Output ("SMB1 access attempts logged: {0}" -f $events.Count)
if ($server.EnableSMB1Protocol) { Write-Warning 'SMB1 is enabled on the server.' } else { Write-Output 'PASS: SMB1 server is disabled.' }
Write-Output 'Audit complete.'
