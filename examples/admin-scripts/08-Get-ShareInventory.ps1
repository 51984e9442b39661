<#
.SYNOPSIS
    Inventories shares, mapped drives and sessions through net.exe and WMI and compares them.
#>
New-Item -Path C:\Public -ItemType Directory -Force | Out-Null
net share Public=C:\Public /GRANT:Everyone,READ /REMARK:"Public files" | Out-Null

$netShares = net share | Select-Object -Skip 4 | Where-Object { $_ -match '^\S' -and $_ -notmatch 'command completed' } |
    ForEach-Object { ($_ -split '\s+')[0] }
$wmiShares = Get-WmiObject -Class Win32_Share | Select-Object -ExpandProperty Name
$cimShares = Get-CimInstance -ClassName Win32_Share -Filter "Type = 0" | Select-Object -ExpandProperty Name
$smbShares = Get-SmbShare | Select-Object -ExpandProperty Name

Write-Output "net share : $($netShares -join ', ')"
Write-Output "WMI       : $($wmiShares -join ', ')"
Write-Output "CIM disk  : $($cimShares -join ', ')"
Write-Output "SmbShare  : $($smbShares -join ', ')"
$diff = Compare-Object -ReferenceObject ($smbShares | Sort-Object) -DifferenceObject ($wmiShares | Sort-Object)
if ($diff) { Write-Warning 'The views disagree.' } else { Write-Output 'All views agree.' }

net share Public
net use
net session
Get-SmbMapping | Format-Table -AutoSize
net share Public /delete
Write-Output 'Inventory complete.'
