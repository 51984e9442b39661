<#
.SYNOPSIS
    Checks the File and Printer Sharing firewall rules and whether port 445 answers.
#>
$rules = Get-NetFirewallRule -DisplayGroup 'File and Printer Sharing' |
    Where-Object { $_.DisplayName -like '*SMB*' }
$rules | Select-Object DisplayName, Enabled, Direction, Action, Profile | Format-Table -AutoSize

$enabledIn = @($rules | Where-Object { $_.Enabled -eq 'True' -and $_.Direction -eq 'Inbound' })
if ($enabledIn.Count -gt 0) {
    Write-Warning "$($enabledIn.Count) inbound SMB rule(s) are enabled."
} else {
    Write-Output 'No inbound SMB rule is enabled.'
}

$adapter = Get-NetAdapter | Where-Object Status -eq 'Up' | Select-Object -First 1
Write-Output "Adapter: $($adapter.Name) ($($adapter.InterfaceDescription)) $($adapter.LinkSpeed)"

$listen = Get-NetTCPConnection -LocalPort 445 -State Listen -ErrorAction SilentlyContinue
Write-Output ("SMB server listening on 445: {0}; network category: {1}" -f [bool]$listen, (Get-NetConnectionProfile).NetworkCategory)

$test = Test-NetConnection -ComputerName localhost -Port 445 -WarningAction SilentlyContinue
Write-Output ("Port 445 on {0}: {1}" -f $test.ComputerName, $(if ($test.TcpTestSucceeded) { 'open' } else { 'closed' }))
Write-Output 'Firewall check complete.'
