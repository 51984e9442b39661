#!/usr/bin/env python3
"""Writes a deterministic admin-style PowerShell script of about SIZE bytes: SMB cmdlet calls,
functions with param blocks, hashtables and splatting, here-strings, loops, switch, try/catch.
Both parsers the benchmark compares accept it without error (bench_parser.py checks that)."""
import sys

BLOCK = r'''
function Set-LabShare{n} {{
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory, Position = 0)][ValidateSet('Lab', 'Prod')][string]$Tier,
        [uint32]$Timeout = {n},
        [switch]$Force
    )
    $params = @{{
        Name        = "Share{n}"
        Path        = "C:\Shares\Share{n}"
        FullAccess  = 'CONTOSO\Admins', 'CONTOSO\Ops'
        Description = 'Lab share {n}'
    }}
    if (-not (Get-SmbShare -Name $params.Name -ErrorAction SilentlyContinue)) {{
        New-SmbShare @params -CachingMode None -EncryptData:$true | Out-Null
    }} elseif ($Force) {{
        Set-SmbShare -Name "Share{n}" -FolderEnumerationMode AccessBased -Confirm:$false
    }}
    # Parameters whose names hold a digit are splatted: tree-sitter-powershell reads `-Name1` as an error.
    $server = @{{ EnableSMB1Protocol = $false; RequireSecuritySignature = $true }}
    Set-SmbServerConfiguration @server -Force
    Set-SmbClientConfiguration -EnableMailslots $false -SessionTimeout $Timeout -Confirm:$false
    $report = @"
Share {n} on $env:COMPUTERNAME
Tier: $Tier, timeout $($Timeout * 2) s
"@
    foreach ($session in Get-SmbSession | Where-Object {{ $_.ClientUserName -like '*svc*' }}) {{
        switch -Wildcard ($session.Dialect) {{
            '3.*' {{ Write-Verbose "SMB3 session $($session.SessionId)" }}
            '2.*' {{ Write-Warning ("Old dialect {{0}} from {{1}}" -f $session.Dialect, $session.ClientComputerName) }}
            default {{ Close-SmbSession -SessionId $session.SessionId -Force }}
        }}
    }}
    for ($i = 0; $i -lt 3; $i++) {{
        try {{
            $cfg = Get-SmbServerConfiguration | Select-Object -Property 'EnableSMB1Protocol', 'EnableSMB2Protocol', 'EncryptData'
            if ($cfg.EnableSMB1Protocol -or $i -ge 2) {{ throw "SMB1 still on ($i)" }}
            break
        }} catch [System.Exception] {{
            Start-Sleep -Milliseconds (100 * ($i + 1))
        }} finally {{
            $log += ,[pscustomobject]@{{ Attempt = $i; Time = [datetime]::Now.ToString('s') }}
        }}
    }}
    icacls "C:\Shares\Share{n}" /inheritance:e /grant 'CONTOSO\Ops:(OI)(CI)M' *> $null
    return $report.Trim()
}}
'''

def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10 * 1024 * 1024
    out = sys.argv[2] if len(sys.argv) > 2 else '-'
    parts = ['#Requires -Version 5.1\n<# Generated SMB hardening script #>\n$ErrorActionPreference = "Stop"\n$log = @()\n']
    total = len(parts[0])
    n = 0
    while total < size:
        block = BLOCK.format(n=n)
        parts.append(block)
        total += len(block)
        n += 1
    text = ''.join(parts)
    if out == '-':
        sys.stdout.write(text)
    else:
        with open(out, 'w', newline='\n') as f:
            f.write(text)

if __name__ == '__main__':
    main()
