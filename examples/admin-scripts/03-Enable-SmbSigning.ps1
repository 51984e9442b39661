<#
.SYNOPSIS
    Requires SMB signing on the server and the client, through the cmdlets and the registry.
#>
$ErrorActionPreference = 'Stop'
$server = 'HKLM:\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters'
$client = 'HKLM:\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters'

$settings = @(
    @{ Path = $server; Name = 'RequireSecuritySignature'; Value = 1 },
    @{ Path = $server; Name = 'EnableSecuritySignature'; Value = 1 },
    @{ Path = $client; Name = 'RequireSecuritySignature'; Value = 1 },
    @{ Path = $client; Name = 'EnableSecuritySignature'; Value = 1 }
)
foreach ($s in $settings) {
    if (-not (Test-Path $s.Path)) { New-Item -Path $s.Path -Force | Out-Null }
    $current = Get-ItemProperty -Path $s.Path -Name $s.Name -ErrorAction SilentlyContinue
    if ($null -eq $current -or $current.($s.Name) -ne $s.Value) {
        New-ItemProperty -Path $s.Path -Name $s.Name -Value $s.Value -PropertyType DWord -Force | Out-Null
        Write-Output "Set $($s.Name) = $($s.Value) under $($s.Path | Split-Path -Leaf)"
    }
}
Set-SmbServerConfiguration -RequireSecuritySignature $true -EnableSecuritySignature $true -Confirm:$false
Set-SmbClientConfiguration -RequireSecuritySignature $true -Confirm:$false

$check = [pscustomobject]@{
    ServerRequires = (Get-SmbServerConfiguration).RequireSecuritySignature
    ClientRequires = (Get-SmbClientConfiguration).RequireSecuritySignature
    RegistryServer = (Get-ItemPropertyValue -Path $server -Name RequireSecuritySignature)
    RegistryClient = (Get-ItemPropertyValue -Path $client -Name RequireSecuritySignature)
}
$check | Format-Table -AutoSize
if ($check.ServerRequires -and $check.ClientRequires) { 'Signing is required on both sides.' }
