import ShellTestSupport
import Testing

/// reg.exe, sc.exe and net.exe, run in process over the same registry and services.
@Suite struct NativeToolTests {
    static let parameters = #"HKLM\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters"#

    @Test func regAddQueryDeleteGoThroughTheOneRegistry() {
        let output = run("reg add \(Self.parameters) /v SMB2 /t REG_DWORD /d 0 /f",
                         "$LASTEXITCODE",
                         "(Get-SmbServerConfiguration).EnableSMB2Protocol",
                         "reg query \(Self.parameters) /v SMB2",
                         "reg delete \(Self.parameters) /v SMB2 /f",
                         "(Get-SmbServerConfiguration).EnableSMB2Protocol",
                         "reg query HKLM\\SOFTWARE\\Nothing",
                         "\"$LASTEXITCODE $?\"")
        #expect(output == """
            The operation completed successfully.
            0
            False

            HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters
                SMB2    REG_DWORD    0x0

            The operation completed successfully.
            True
            ERROR: The system was unable to find the specified registry key or value.
            1 False

            """)
    }

    @Test func regAddTypesAndBadSyntax() {
        let output = run(#"reg add HKCU\Software\Contoso /v Names /t REG_MULTI_SZ /d "a\0b" /f | Out-Null"#,
                         #"reg add HKCU\Software\Contoso /v Blob /t REG_BINARY /d 01ff /f | Out-Null"#,
                         #"(Get-ItemProperty HKCU:\Software\Contoso).Names -join ','"#,
                         #"(Get-ItemProperty HKCU:\Software\Contoso).Blob -join ','"#,
                         #"reg add HKCU\Software\Contoso /v X /t REG_DWORD /d nope /f"#, "$LASTEXITCODE")
        #expect(output == "a,b\n1,255\nERROR: Invalid syntax.\nType \"REG ADD /?\" for usage.\n\n1\n")
    }

    @Test func scQueryStopAndMissingServices() {
        let output = run("sc.exe stop LanmanWorkstation | Select-Object -First 3",
                         "$LASTEXITCODE",
                         "sc.exe stop LanmanWorkstation | Select-Object -First 1",
                         "$LASTEXITCODE",
                         "sc.exe qc nope", "$LASTEXITCODE")
        #expect(output == """

            SERVICE_NAME: LanmanWorkstation
                    TYPE               : 20  WIN32_SHARE_PROCESS
            0
            [SC] ControlService FAILED 1062:
            1062
            [SC] OpenService FAILED 1060:

            The specified service does not exist as an installed service.

            1060

            """)
    }

    @Test func regQueryRecursesWithSAndScQueryAloneListsRunningServices() {
        let output = run(#"reg add HKCU\Software\Contoso\Sub /v Level /t REG_DWORD /d 2 /f | Out-Null"#,
                         #"reg query HKCU\Software\Contoso /s"#,
                         "(sc.exe query | Where-Object { $_ -like 'SERVICE_NAME:*' }) -join ','")
        #expect(output == "\nHKEY_CURRENT_USER\\Software\\Contoso\n\nHKEY_CURRENT_USER\\Software\\Contoso\\Sub\n"
            + "    Level    REG_DWORD    0x2\n\n"
            + "SERVICE_NAME: LanmanServer,SERVICE_NAME: LanmanWorkstation,SERVICE_NAME: lmhosts,SERVICE_NAME: NSI,"
            + "SERVICE_NAME: RpcSs,SERVICE_NAME: SamSS\n")
    }

    @Test func scAloneIsStillSetContent() {
        let output = run("Get-Alias sc | ForEach-Object Definition")
        #expect(output == "Set-Content\n")
    }

    @Test func netStartAndStopUseDisplayNamesAndExitCodes() {
        let output = run("net stop netlogon | Select-Object -First 1", "$LASTEXITCODE",
                         "net start Netlogon", "$LASTEXITCODE", "(Get-Service Netlogon).Status.ToString()",
                         "net stop Server /y | Out-Null", "(Get-Service LanmanServer).Status.ToString()")
        #expect(output == "The Netlogon service is not started.\n2\n"
            + "The Netlogon service is starting.\nThe Netlogon service was started successfully.\n\n0\nRunning\nStopped\n")
    }
}
