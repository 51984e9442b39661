<#
.SYNOPSIS
    Writes an HTML report of the SMB hardening state of this computer.
#>
param([string]$Path = (Join-Path $env:TEMP 'smb-report.html'))

$os = Get-CimInstance Win32_OperatingSystem
$info = systeminfo /fo csv | ConvertFrom-Csv
$hotfixes = Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 5 HotFixID, Description, InstalledOn

$server = Get-SmbServerConfiguration
$checks = @(
    [pscustomobject]@{ Check = 'SMB1 disabled';          Expected = $false; Actual = $server.EnableSMB1Protocol }
    [pscustomobject]@{ Check = 'Signing required';       Expected = $true;  Actual = $server.RequireSecuritySignature }
    [pscustomobject]@{ Check = 'Mailslots disabled';     Expected = $false; Actual = $server.EnableMailslots }
    [pscustomobject]@{ Check = 'Insecure guest logons';  Expected = $false; Actual = (Get-SmbClientConfiguration).EnableInsecureGuestLogons }
) | ForEach-Object { $_ | Add-Member -NotePropertyName Result -NotePropertyValue $(if ($_.Expected -eq $_.Actual) { 'PASS' } else { 'FAIL' }) -PassThru }

$head = '<style>td,th{border:1px solid #ccc;padding:2px 6px}</style>'
$body = @(
    "<h1>SMB report for $($info.'Host Name')</h1>"
    "<p>$($os.Caption) $($os.Version), last boot $($os.LastBootUpTime)</p>"
    ($checks | ConvertTo-Html -Fragment -PreContent '<h2>Checks</h2>')
    ($hotfixes | ConvertTo-Html -Fragment -PreContent '<h2>Recent updates</h2>')
)
ConvertTo-Html -Head $head -Body ($body -join "`n") -Title 'SMB report' | Out-File -FilePath $Path -Encoding utf8
$checks | Format-Table Check, Expected, Actual, Result -AutoSize
Write-Output ("{0} of {1} checks passed; report: {2}" -f @($checks | Where-Object Result -eq 'PASS').Count, $checks.Count, (Split-Path $Path -Leaf))
