<#
.SYNOPSIS
    Audits remote mailslots and the Computer Browser on this computer.
#>
$client = Get-SmbClientConfiguration
$server = Get-SmbServerConfiguration
$gpo = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\LanmanWorkstation' -ErrorAction SilentlyContinue

$browser = Get-Service -Name Browser -ErrorAction SilentlyContinue
$result = [pscustomobject]@{
    ClientMailslots = $client.EnableMailslots
    ServerMailslots = $server.EnableMailslots
    PolicyValue     = if ($gpo -and $null -ne $gpo.EnableMailslots) { $gpo.EnableMailslots } else { '(not configured)' }
    BrowserService  = if ($browser) { "$($browser.Status)/$($browser.StartType)" } else { 'not present' }
}
$result | Format-List

$config = net config workstation
$domain = ($config | Select-String 'Workstation domain').ToString() -replace '\s{2,}', ': '
Write-Output $domain
if ($client.EnableMailslots -or $server.EnableMailslots) {
    Write-Output 'FAIL: remote mailslots are enabled.'
} else {
    Write-Output 'PASS: remote mailslots are disabled.'
}
