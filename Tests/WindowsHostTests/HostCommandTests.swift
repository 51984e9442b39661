import ShellTestSupport
import Testing

/// The commands admin scripts run besides the SMB cmdlets, over the emulated host's one state.
@Suite struct HostCommandTests {
    /// The text without the spaces that pad a table's last column.
    static func trimmed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// The text as trimmed(), without the blank lines that end a table or list.
    static func shown(_ text: String) -> String {
        String(trimmed(text).reversed().drop { $0 == "\n" }.reversed())
    }

    @Test func netShareCreatesListsShowsAndDeletesShares() {
        let output = run("New-Item C:\\Public -ItemType Directory | Out-Null",
                         "net share Public=C:\\Public /GRANT:Everyone,READ /GRANT:Administrators,FULL \"/REMARK:Public files\"",
                         "net share", "net share Public", "(Get-SmbShareAccess Public).AccountName -join ','",
                         "net share Public /delete", "net share Public", "$LASTEXITCODE",
                         "net share Nope=C:\\Nope", "$LASTEXITCODE")
        #expect(output == """
            Public was shared successfully.


            Share name   Resource                        Remark

            -------------------------------------------------------------------------------
            C$           C:\\                             Default share
            IPC$                                         Remote IPC
            ADMIN$       C:\\Windows                      Remote Admin
            Public       C:\\Public                       Public files
            The command completed successfully.

            Share name        Public
            Path              C:\\Public
            Remark            Public files
            Maximum users     No limit
            Users
            Caching           Manual caching of documents
            Permission        Everyone, READ
                              BUILTIN\\Administrators, FULL

            The command completed successfully.

            Everyone,BUILTIN\\Administrators
            Public was deleted successfully.

            This shared resource does not exist.

            More help is available by typing NET HELPMSG 2310.

            2
            The device or directory does not exist.

            More help is available by typing NET HELPMSG 2116.

            2

            """)
    }

    @Test func netUseSessionUserAndLocalgroup() {
        let output = run("net use", "net session", "net localgroup Users", "net user Guest | Select-Object -Index 5",
                         "net localgroup Nope", "$LASTEXITCODE")
        #expect(output == """
            New connections will be remembered.

            There are no entries in the list.

            There are no entries in the list.

            Alias name     Users
            Comment        Users are prevented from doing dangerous changes to the system and can run most applications

            Members

            -------------------------------------------------------------------------------
            NT AUTHORITY\\Authenticated Users
            NT AUTHORITY\\INTERACTIVE
            The command completed successfully.

            Account active               No
            The specified local group does not exist.

            More help is available by typing NET HELPMSG 3783.

            2

            """)
    }

    @Test func whoamiHostnameAndSysteminfo() {
        let output = run("whoami", "whoami /user", "hostname", "(systeminfo /fo csv | ConvertFrom-Csv).'OS Name'",
                         "systeminfo | Select-Object -First 4", "whoami /bogus", "$LASTEXITCODE",
                         "(whoami /groups | Select-String 'S-1-16-12288') -ne $null")
        #expect(output == """
            testhost\\administrator

            USER INFORMATION
            ----------------

            User Name              SID
            ====================== ===========================================
            testhost\\administrator S-1-5-21-3623811015-3361044348-30300820-500

            TESTHOST
            Microsoft Windows 11 Pro

            Host Name:                 TESTHOST
            OS Name:                   Microsoft Windows 11 Pro
            OS Version:                10.0.26100 N/A Build 26100
            ERROR: Invalid argument/option - '/bogus'.
            Type "WHOAMI /?" for usage.
            1
            True

            """)
        #expect(run("(systeminfo /fo csv | ConvertFrom-Csv).'OS Configuration'", profile: "WindowsServer2022")
                == "Standalone Server\n")
    }

    @Test func localAccountsCmdlets() {
        #expect(Self.shown(run("Get-LocalUser")) == """

            Name               Enabled Description
            ----               ------- -----------
            Administrator      True    Built-in account for administering the computer/domain
            DefaultAccount     False   A user account managed by the system.
            Guest              False   Built-in account for guest access to the computer/domain
            WDAGUtilityAccount False   A user account managed and used by the system for Windows Defender Application Guard scen...
            """)
        #expect(run("(Get-LocalGroupMember -Group Administrators).Name", "(Get-LocalGroup -SID S-1-5-32-546).Name",
                    "(Get-LocalUser -Name G*).SID") == "TESTHOST\\Administrator\nGuests\nS-1-5-21-3623811015-3361044348-30300820-501\n")
        #expect(run("net user Guest /active:yes", "(Get-LocalUser Guest).Enabled", "Disable-LocalUser -Name Guest",
                    "(net user Guest | Select-String 'Account active').Line", "Get-LocalUser Guest | Enable-LocalUser",
                    "(Get-CimInstance Win32_UserAccount -Filter \"Name='Guest'\").Disabled")
                == "The command completed successfully.\n\nTrue\nAccount active               No\nFalse\n")
        #expect(run("net localgroup Administrators Guest /add", "(Get-LocalGroupMember Administrators).Name -join ','",
                    "Remove-LocalGroupMember -Group Administrators -Member Guest", "(net user Guest | Select-String 'Local Group').Line",
                    "net localgroup Administrators Guest /delete", "$LASTEXITCODE")
                == "The command completed successfully.\n\nTESTHOST\\Administrator,TESTHOST\\Guest\nLocal Group Memberships      *Guests\n"
                + "System error 1377 has occurred.\n\nThe specified account name is not a member of the group.\n\n2\n")
        let missing = run("Get-LocalUser -Name Nobody")
        #expect(missing.hasPrefix("Get-LocalUser : User Nobody was not found.\n"))
        #expect(missing.contains("FullyQualifiedErrorId : UserNotFound,Microsoft.PowerShell.Commands.GetLocalUserCommand"))
        #expect(run("(Get-CimInstance Win32_UserAccount -Filter \"Name='Guest'\").Disabled") == "True\n")
    }

    @Test func getAclOnFoldersAndRegistryKeys() {
        let output = run("New-Item C:\\Data -ItemType Directory | Out-Null",
                         "$acl = Get-Acl C:\\Data", "$acl.Owner", "$acl.Access[0].FileSystemRights.ToString()",
                         "$acl.Access[0].IdentityReference.Value", "$acl.Access.Count",
                         "$acl.AccessToString.Split(\"`n\")[4]",
                         "$acl.GetType().FullName",
                         "(Get-Acl HKLM:\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters).Owner",
                         "(Get-Acl HKLM:\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters).Sddl")
        #expect(output == """
            BUILTIN\\Administrators
            FullControl
            BUILTIN\\Administrators
            7
            BUILTIN\\Users Allow  ReadAndExecute, Synchronize
            System.Security.AccessControl.DirectorySecurity
            NT AUTHORITY\\SYSTEM
            O:SYG:SYD:AI(A;CIID;KR;;;AU)(A;CIID;KA;;;BA)(A;CIID;KA;;;SY)(A;CIIOID;KA;;;CO)(A;CIID;KR;;;AC)

            """)
        let table = run("New-Item C:\\Data -ItemType Directory | Out-Null", "Get-Acl C:\\Data")
        #expect(Self.trimmed(table).hasPrefix("\n\n    Directory: C:\\\n\n\nPath Owner                  Access\n"))
        #expect(Self.trimmed(table).contains("\nData BUILTIN\\Administrators BUILTIN\\Administrators Allow  FullControl...\n"))
        let missing = run("Get-Acl C:\\Nope")
        #expect(missing.hasPrefix("Get-Acl : Cannot find path 'C:\\Nope' because it does not exist.\n"))
        #expect(missing.contains("GetAcl_PathNotFound_Exception,Microsoft.PowerShell.Commands.GetAclCommand"))
    }

    @Test func setAclKeepsTheRulesAScriptAdds() {
        let output = run("New-Item C:\\Data -ItemType Directory | Out-Null",
                         "$acl = Get-Acl C:\\Data",
                         "$rule = New-Object System.Security.AccessControl.FileSystemAccessRule('Users', 'Modify', 'ContainerInherit, ObjectInherit', 'None', 'Allow')",
                         "$acl.SetAccessRuleProtection($true, $false)", "$acl.AddAccessRule($rule)",
                         "Set-Acl -Path C:\\Data -AclObject $acl",
                         "(Get-Acl C:\\Data).AccessToString", "(Get-Acl C:\\Data).AreAccessRulesProtected",
                         "$bad = New-Object System.Security.AccessControl.FileSystemAccessRule('CONTOSO\\nobody', 'Read', 'Allow')",
                         "try { $acl.AddAccessRule($bad) } catch { $_.Exception.InnerException.GetType().Name }")
        #expect(output == "BUILTIN\\Users Allow  Modify, Synchronize\nTrue\nIdentityNotMappedException\n")
    }

    @Test func firewallRulesAndConnectionTests() {
        let output = run("(Get-NetFirewallRule -Name FPS-SMB-In-TCP).Enabled.ToString()",
                         "Enable-NetFirewallRule -Name FPS-SMB-In-TCP",
                         "(Get-NetFirewallRule -Name FPS-SMB-In-TCP).Enabled.ToString()",
                         "@(Get-NetFirewallRule -DisplayGroup 'File and Printer Sharing' -Enabled True).Count",
                         "Test-NetConnection -ComputerName localhost -Port 445 -InformationLevel Quiet",
                         "Stop-Service LanmanServer -Force",
                         "Test-NetConnection -ComputerName localhost -CommonTCPPort SMB -InformationLevel Quiet -WarningAction SilentlyContinue",
                         "(Get-NetAdapter).Name")
        #expect(output == "False\nTrue\n1\nTrue\nFalse\nEthernet\n")
        #expect(run("Set-NetFirewallRule -DisplayGroup 'File and Printer Sharing' -Enabled True",
                    "@(Get-NetFirewallRule -DisplayGroup 'File and Printer Sharing' -Enabled False).Count",
                    "Set-NetFirewallRule -Name 'FPS-NB*' -Enabled False",
                    "@(Get-NetFirewallRule -Enabled True).Count") == "0\n8\n")
        #expect(run("(Get-NetFirewallRule -Name FPS-SMB-In-TCP).Enabled.ToString()", profile: "WindowsServer2022") == "True\n")
        let missing = run("Get-NetFirewallRule -Name Nope")
        #expect(missing.hasPrefix("Get-NetFirewallRule : No MSFT_NetFirewallRule objects found with property 'ID' equal to 'Nope'.  Verify the value of \nthe property and retry.\n"))
        #expect(Self.shown(run("Test-NetConnection -ComputerName localhost -Port 445")) == """


            ComputerName     : localhost
            RemoteAddress    : ::1
            RemotePort       : 445
            InterfaceAlias   : Loopback Pseudo-Interface 1
            SourceAddress    : ::1
            TcpTestSucceeded : True
            """)
    }

    @Test func policyAndAuditTools() {
        #expect(run("gpupdate /force", "$LASTEXITCODE") == """
            Updating policy...

            Computer Policy update has completed successfully.
            User Policy update has completed successfully.

            0

            """)
        #expect(run("auditpol /get /subcategory:\"File Share\"",
                    "auditpol /set /subcategory:\"File Share\" /success:enable /failure:enable",
                    "auditpol /get /category:\"Object Access\" | Select-String 'File Share'",
                    "auditpol /get /subcategory:Nope", "$LASTEXITCODE").replacing("\n\n  File Share", with: "\n  File Share") == """
            System audit policy
            Category/Subcategory                      Setting
            Object Access
              File Share                              No Auditing
            The command was successfully executed.
              File Share                              Success and Failure
              Detailed File Share                     No Auditing


            Error 0x00000057 occurred:
            The parameter is incorrect.

            87

            """)
        #expect((run("whoami /priv") as String).contains("\nSeChangeNotifyPrivilege                   Bypass traverse checking                                           Enabled\n"))
    }

    @Test func tcpListenersAddressesProfileAndEventLogs() {
        #expect(run("(Get-NetTCPConnection -LocalPort 445 -State Listen).LocalAddress -join ','", "Stop-Service LanmanServer -Force",
                    "@(Get-NetTCPConnection -State Listen -LocalPort 445 -ErrorAction SilentlyContinue).Count",
                    "(Get-NetIPAddress -AddressFamily IPv4 -InterfaceAlias Ethernet).PrefixLength",
                    "(Get-NetConnectionProfile).NetworkCategory.ToString()",
                    "Set-NetConnectionProfile -InterfaceAlias Ethernet -NetworkCategory Private",
                    "(Get-NetConnectionProfile).NetworkCategory.ToString()") == "::,0.0.0.0\n0\n24\nPublic\nPrivate\n")
        let missing = run("Get-NetTCPConnection -LocalPort 8080")
        #expect(missing.contains("((LocalPort = 8080)). Verify query parameters and retry."))
        #expect(missing.contains("FullyQualifiedErrorId : CmdletizationQuery_NotFound,Get-NetTCPConnection"))
        let events = run("Get-WinEvent -LogName 'Microsoft-Windows-SMBServer/Audit' -MaxEvents 10")
        #expect(events.hasPrefix("Get-WinEvent : No events were found that match the specified selection criteria.\n"))
        #expect(events.contains("NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand"))
        #expect(run("Get-WinEvent -LogName Nope").hasPrefix("Get-WinEvent : There is not an event log on the localhost computer that matches \"Nope\".\n"))
    }

    @Test func dismExeReportsFeaturesAndUnknownNames() {
        let output = run("dism /online /get-featureinfo /featurename:Foo | Select-Object -Skip 6", "$LASTEXITCODE",
                         "dism /online /enable-feature /featurename:SMB1Protocol-Server /norestart | Select-Object -Skip 6", "$LASTEXITCODE")
        #expect(output == """
            Error: 0x800f080c

            Feature name Foo is unknown.
            A Windows feature name was not recognized.
            Use the /Get-Features option to find the name of the feature in the image and try the command again.

            The DISM log file can be found at C:\\Windows\\Logs\\DISM\\dism.log
            -2146498548
            Error: 50

            One or several parent features are disabled so current feature can not be enabled.

            The DISM log file can be found at C:\\Windows\\Logs\\DISM\\dism.log
            50

            """)
    }

    @Test func startProcessRunsTheBuiltInPrograms() {
        let output = run("$p = Start-Process -FilePath dism.exe -ArgumentList '/online /enable-feature /featurename:SMB1Protocol /all /norestart' -Wait -PassThru",
                         "$p.ExitCode", "(Get-WindowsOptionalFeature -Online -FeatureName SMB1Protocol).State",
                         "Start-Process C:\\Windows\\System32\\sc.exe -ArgumentList 'query','lanmanserver' -NoNewWindow -Wait | Out-Null")
        #expect(output.hasPrefix("3010\nEnabled\n\nSERVICE_NAME: LanmanServer\n"))
        let missing = run("Start-Process notepad.exe")
        #expect(missing.hasPrefix("Start-Process : This command cannot be run due to the error: The system cannot find the file specified.\n"))
    }

    @Test(arguments: ["Windows11-24H2", "WindowsServer2022"]) func computerInfoAgreesWithCimAndSysteminfo(profile: String) {
        let output = run("$info = Get-ComputerInfo", "$info.OsName -eq (Get-CimInstance Win32_OperatingSystem).Caption",
                         "$info.OsName -eq (systeminfo /fo csv | ConvertFrom-Csv).'OS Name'",
                         "$info.OsBuildNumber -eq (Get-CimInstance Win32_OperatingSystem).BuildNumber",
                         "$info.OsHotFixes.Count -eq @(Get-HotFix).Count", "$info.WindowsProductName", profile: profile)
        #expect(output == "True\nTrue\nTrue\nTrue\n" + (profile.contains("Server") ? "Windows Server 2022 Standard\n" : "Windows 10 Pro\n"))
    }

    @Test func closeSmbSessionAndOpenFile() {
        let output = run("New-SmbMapping -LocalPath Z: -RemotePath \\\\localhost\\C$ | Out-Null",
                         "Get-SmbSession | Close-SmbSession -Force -Verbose", "Close-SmbSession -Force", "\"closed\"")
        #expect(output == "VERBOSE: Performing operation 'Close' on Target '17592186044417'.\nclosed\n")
        #expect(run("Close-SmbOpenFile -FileId 5 -Force").hasPrefix(
            "Close-SmbOpenFile : No MSFT_SmbOpenFile objects found with property 'FileId' equal to '5'.  Verify the value of the \nproperty and retry.\n"))
    }

    @Test func versionKeyAndNetbiosOverTcpip() {
        let output = run("$v = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'",
                         "\"$($v.ProductName)|$($v.CurrentBuild).$($v.UBR)|$($v.DisplayVersion)\"",
                         "$v.CurrentBuild -eq (Get-CimInstance Win32_OperatingSystem).BuildNumber",
                         "$nic = Get-WmiObject Win32_NetworkAdapterConfiguration -Filter 'IPEnabled=True'",
                         "$nic.TcpipNetbiosOptions", "$nic.SetTcpipNetbios(2).ReturnValue",
                         "(Get-CimInstance Win32_NetworkAdapterConfiguration).TcpipNetbiosOptions",
                         "(Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces\\Tcpip_*').NetbiosOptions",
                         "(Get-CimInstance Win32_LogicalDisk).DeviceID")
        #expect(output == "Windows 10 Pro|26100.2161|24H2\nTrue\n0\n0\n2\n2\nC:\n")
        #expect(run("(Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion').ProductName", profile: "WindowsServer2022")
                == "Windows Server 2022 Standard\n")
    }

    @Test func getHotFixUsesItsTableView() {
        #expect(Self.shown(run("Get-HotFix -Id KB5044033")) == """

            Source        Description      HotFixID      InstalledBy          InstalledOn
            ------        -----------      --------      -----------          -----------
            TESTHOST      Update           KB5044033     NT AUTHORITY\\SYSTEM  10/8/2024 12:00:00 AM
            """)
    }

    @Test func cimClassesSessionsAndTheHostsServices() {
        let output = run("$s = New-CimSession", "$s.Name",
                         "(Get-CimInstance -CimSession $s Win32_Service -Filter \"Name='LanmanServer'\").State",
                         "Stop-Service LanmanServer -Force",
                         "(Get-CimInstance Win32_Service -Filter \"Name='LanmanServer'\").State",
                         "(Get-CimInstance Win32_OptionalFeature -Filter \"Name='SMB1Protocol'\").InstallState",
                         "Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol -NoRestart | Out-Null",
                         "(Get-CimInstance Win32_OptionalFeature -Filter \"Name='SMB1Protocol'\").InstallState",
                         "(Get-CimClass Win32_Share).CimClassMethods.Name -join ','",
                         "Remove-CimSession $s", "@(Get-CimSession).Count")
        #expect(output == "CimSession1\nRunning\nStopped\n2\n1\nCreate,Delete\n0\n")
        let missing = run("Get-CimSession -Id 7")
        #expect(missing.hasPrefix("Get-CimSession : Could not find CimSession with the given Id = 7\n"))
    }

    @Test func dismAsksToRestartUnlessToldNotTo() {
        let no = run("Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol | Select-Object -ExpandProperty RestartNeeded",
                     answers: ["N"])
        #expect(no == "Do you want to restart the computer to complete this operation now?\n[Y] Yes  [N] No  [?] Help (default is \"Y\"): N\nTrue\n")
        let yes = run("Disable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol | Out-Null",
                      "Enable-WindowsOptionalFeature -Online -FeatureName SMB1Protocol", answers: ["N", "y"])
        #expect(yes.hasSuffix("[Y] Yes  [N] No  [?] Help (default is \"Y\"): y\n"))
    }
}
