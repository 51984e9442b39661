<#
.SYNOPSIS
    Lists local administrators and enabled local accounts, as both cmdlets and net.exe see them.
#>
Get-LocalUser | Select-Object Name, Enabled, PasswordRequired, LastLogon | Format-Table -AutoSize
$admins = Get-LocalGroupMember -Group Administrators
$admins | Format-Table Name, ObjectClass, PrincipalSource -AutoSize
$guest = Get-LocalUser -Name Guest
if ($guest.Enabled) { Write-Warning 'The Guest account is enabled.' } else { Write-Output 'PASS: Guest is disabled.' }

Get-LocalGroup | Where-Object Name -in 'Administrators', 'Users', 'Guests' | Format-Table Name, Description -AutoSize
net localgroup Administrators
net user
net user Administrator | Select-String 'Account active'
Write-Output "Identity: $([Security.Principal.WindowsIdentity]::GetCurrent().Name)"
whoami /user
Write-Output 'Account audit complete.'
