<#
.SYNOPSIS
    Checks the SMB services, the SMB configuration over a CIM session and the server's interfaces.
#>
param([string]$ComputerName = $env:COMPUTERNAME)

$session = New-CimSession -ComputerName $ComputerName
try {
    $services = Get-CimInstance -CimSession $session -ClassName Win32_Service -Filter "Name='LanmanServer' OR Name='LanmanWorkstation'"
    $services | Select-Object Name, State, StartMode | Format-Table -AutoSize
    $config = Get-SmbServerConfiguration -CimSession $session
    Write-Output ("SMB1={0} SMB2={1} Signing={2}" -f $config.EnableSMB1Protocol, $config.EnableSMB2Protocol, $config.RequireSecuritySignature)
    $os = Get-CimInstance -CimSession $session -ClassName Win32_OperatingSystem
    Write-Output ("{0} on {1}" -f $os.Caption, $os.CSName)
    $class = Get-CimClass -ClassName Win32_Share
    Write-Output ("Win32_Share methods: {0}" -f (($class.CimClassMethods | ForEach-Object Name) -join ', '))
    $feature = Get-CimInstance -CimSession $session -ClassName Win32_OptionalFeature -Filter "Name='SMB1Protocol'"
    if ($feature) { Write-Output "SMB1Protocol InstallState: $($feature.InstallState)" }
} finally {
    Remove-CimSession -CimSession $session
}
Get-Service LanmanServer, LanmanWorkstation | Format-Table -AutoSize
Get-SmbServerNetworkInterface | Format-Table -AutoSize
net config server | Select-String 'Server Name|Software version'
Write-Output 'Health check complete.'
