import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Get-CimInstance and Get-WmiObject over the emulated host: classes, namespaces, WQL filters and
/// queries, and 5.1's errors for what does not exist.
@Suite struct CimInstanceTests {
    @Test func operatingSystemFollowsTheProfile() {
        let server = run("$os = Get-CimInstance Win32_OperatingSystem; $os.Caption; $os.BuildNumber; $os.Version; $os.ProductType",
                         profile: "WindowsServer2022")
        #expect(server == "Microsoft Windows Server 2022 Standard\n20348\n10.0.20348\n3\n")
        let client = run("(Get-WmiObject -Class Win32_OperatingSystem).Caption; (gcim Win32_OperatingSystem).CSName")
        #expect(client == "Microsoft Windows 11 Pro\nTESTHOST\n")
    }

    @Test func computerSystemNamesTheHost() {
        let text = run("Get-CimInstance -ClassName Win32_ComputerSystem | ForEach-Object { $_.Name + ' ' + $_.Domain + ' ' + $_.PartOfDomain }")
        #expect(text == "TESTHOST WORKGROUP False\n")
    }

    @Test func accountsEnclosureAndBatteryOfAFreshVirtualMachine() {
        let text = run("$u = Get-WmiObject -Class Win32_UserAccount -Filter \"LocalAccount='True'\"",
                       "($u | Where-Object { -not $_.Disabled }).Name; $u.Count",
                       "($u | Where-Object Name -eq 'Guest').SID -like 'S-1-5-21-*-501'",
                       "(Get-WmiObject -Class win32_systemenclosure).ChassisTypes",
                       "@(Get-CimInstance Win32_Battery).Count")
        #expect(text == "Administrator\n4\nTrue\n3\n0\n")
    }

    @Test func smbClassesAreTheSameStateAsTheCmdlets() {
        let text = run("Set-SmbServerConfiguration -EnableMailslots $true -Force",
                       "(Get-CimInstance -Namespace root/Microsoft/Windows/SMB -ClassName MSFT_SmbServerConfiguration).EnableMailslots",
                       "(Get-CimInstance -Namespace root\\Microsoft\\Windows\\SMB -ClassName MSFT_SmbShare -Filter \"Name = 'IPC$'\").Description",
                       "(Get-WmiObject -Namespace root/Microsoft/Windows/SMB -Class MSFT_SmbShare).Count")
        #expect(text == "True\nRemote IPC\n3\n")
    }

    @Test func wqlQueriesAndFilters() {
        let text = run("(Get-CimInstance -Query \"SELECT * FROM Win32_Share WHERE Name LIKE '%$' AND NOT Name = 'IPC$'\").Name",
                       "Get-WmiObject -Query 'select Name from Win32_Share where Path = \"C:\\\\\"' | % Name",
                       "(Get-CimInstance Win32_Share -Filter \"Type >= 2147483648 OR (Name <> 'x' AND Path IS NULL)\").Count")
        #expect(text == "ADMIN$\nC$\nC$\n3\n")
    }

    @Test func invalidClassNamespaceAndQueryAreWindowsErrors() {
        let host = RecordingHost()
        let (engine, _, folder) = makeEngine(host)
        defer { engine.shutdown(); try? FileManager.default.removeItem(atPath: folder) }
        for line in ["Get-CimInstance -ClassName Win32_Nope", "$Error[0].FullyQualifiedErrorId",
                     "Get-CimInstance -Namespace root/nope -ClassName Win32_OperatingSystem -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId",
                     "Get-WmiObject Win32_Nope", "$Error[0].FullyQualifiedErrorId",
                     "Get-WmiObject Win32_Share -Filter 'Name =' -ErrorAction SilentlyContinue; $Error[0].Exception.Message"] {
            _ = engine.execute(line)
        }
        #expect(host.text.contains("Get-CimInstance : Invalid class \n"))
        #expect(host.text.contains("MetadataError: (root\\cimv2:Win32_Nope:String) [Get-CimInstance], CimException"))
        #expect(host.text.contains("Get-WmiObject : Invalid class \"Win32_Nope\"\n"))
        #expect(host.text(of: .output) == """
            HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand
            HRESULT 0x8004100e,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand
            GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand
            Invalid query "select * from Win32_Share where Name ="

            """)
    }

    @Test func wmiObjectsCarryTheSystemPropertiesAndDisplaySet() {
        let text = run("$o = Get-WmiObject Win32_OperatingSystem; $o.__CLASS; $o.__NAMESPACE; $o.PSObject.TypeNames[0]",
                       "Get-WmiObject Win32_OperatingSystem | Out-String -Stream | Where-Object { $_ } | ForEach-Object { $_.Split(':')[0].Trim() }")
        #expect(text == """
            Win32_OperatingSystem
            root\\cimv2
            System.Management.ManagementObject#root\\cimv2\\Win32_OperatingSystem
            SystemDirectory
            Organization
            BuildNumber
            RegisteredUser
            SerialNumber
            Version

            """)
    }

    @Test func win32ShareMethodsCreateAndDeleteShares() {
        let text = run("New-Item -ItemType Directory C:\\Data | Out-Null",
                       "$a = @{ Path = 'C:\\Data'; Name = 'Data'; Type = [uint32]0 }",
                       "(Invoke-CimMethod -ClassName Win32_Share -MethodName Create -Arguments $a).ReturnValue",
                       "(Invoke-CimMethod -ClassName Win32_Share -MethodName Create -Arguments $a).ReturnValue",
                       "(Invoke-CimMethod -ClassName Win32_Share -MethodName Create -Arguments @{ Path = 'C:\\Nope'; Name = 'N'; Type = 0 }).ReturnValue",
                       "(Get-SmbShare -Name Data).Description -eq ''",
                       "(Get-WmiObject Win32_Share -Filter \"Name = 'Data'\").Delete().ReturnValue",
                       "Get-SmbShare -Name Data -ErrorAction SilentlyContinue; 'deleted'",
                       "(Get-CimInstance Win32_Share -Filter \"Name = 'C$'\" | Invoke-CimMethod -MethodName Delete).ReturnValue",
                       "(Get-SmbShare).Name -join ','")
        #expect(text == "0\n22\n24\nTrue\n0\ndeleted\n0\nADMIN$,IPC$\n")
    }

    @Test func propertySelectionLeavesOtherPropertiesEmpty() {
        let text = run("$s = Get-CimInstance Win32_Share -Filter \"Name = 'C$'\" -Property Name; $s.Name; $null -eq $s.Path",
                       "(Get-WmiObject Win32_Share -Property Name -Filter \"Name = 'C$'\").PSObject.Properties.Name -contains 'Path'")
        #expect(text == "C$\nTrue\nFalse\n")
    }

    @Test func instancesConvertToStringsAsWindowsShowsThem() {
        let text = run("\"$(Get-SmbShare C$)\"", "\"$(Get-CimInstance Win32_ComputerSystem)\"",
                       "\"$(Get-WmiObject Win32_Share -Filter \"Name = 'IPC$'\")\"")
        #expect(text == "MSFT_SmbShare (Name = \"C$\", ScopeName = \"*\")\nWin32_ComputerSystem (Name = \"TESTHOST\")\n"
            + "\\\\TESTHOST\\root\\cimv2:Win32_Share.Name=\"IPC$\"\n")
    }

    @Test func removeCimInstanceDeletesSharesAndRefusesOtherClasses() {
        let text = run("Get-CimInstance Win32_Share -Filter \"Name = 'C$'\" | Remove-CimInstance",
                       "Get-CimInstance -Namespace root/Microsoft/Windows/SMB MSFT_SmbShare -Filter \"Name = 'ADMIN$'\" | Remove-CimInstance",
                       "(Get-SmbShare).Name -join ','",
                       "Get-CimInstance Win32_OperatingSystem | Remove-CimInstance -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
        #expect(text == "IPC$\nHRESULT 0x8004100c,Microsoft.Management.Infrastructure.CimCmdlets.RemoveCimInstanceCommand\n")
    }

    @Test func otherComputersAreUnreachableOverDcomAndWinRM() {
        let text = run("Get-WmiObject Win32_Share -ComputerName FS01 -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId",
                       "(Get-WmiObject Win32_Share -ComputerName localhost).Count",
                       "Get-CimInstance Win32_Share -ComputerName FS01 -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
        #expect(text == "GetWMICOMException,Microsoft.PowerShell.Commands.GetWmiObjectCommand\n3\n"
            + "HRESULT 0x80338126,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand\n")
    }
}
