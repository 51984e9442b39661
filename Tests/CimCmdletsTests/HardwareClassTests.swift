import ShellTestSupport
import Testing

/// The virtual machine's hardware classes, their CIM base classes, and the dates objects hold.
@Suite struct HardwareClassTests {
    @Test(arguments: [
        ("(Get-CimInstance Win32_BIOS).SMBIOSBIOSVersion", "Hyper-V UEFI Release v4.1"),
        ("(Get-CimInstance CIM_BIOSElement).PSObject.TypeNames[0]", "Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_BIOS"),
        ("(Get-WmiObject Win32_BIOS).Manufacturer", "Microsoft Corporation"),
        ("(Get-CimInstance Win32_Processor).NumberOfLogicalProcessors -eq (Get-CimInstance Win32_ComputerSystem).NumberOfLogicalProcessors", "True"),
        ("(Get-CimInstance CIM_Processor).DeviceID", "CPU0"),
        ("(Get-CimInstance Win32_PhysicalMemory | Measure-Object Capacity -Sum).Sum -eq (Get-CimInstance Win32_ComputerSystem).TotalPhysicalMemory", "True"),
        ("(Get-CimInstance CIM_DiskDrive).Model", "Microsoft Virtual Disk"),
        ("(Get-CimInstance Win32_LogicalDisk).FreeSpace -eq (Get-PSDrive C).Free", "True"),
        // Dates: WMI gives DMTF text and converts it; CIM and file items give DateTime with its members.
        ("$os = Get-WmiObject Win32_OperatingSystem; $os.LastBootUpTime -match '^\\d{14}\\.000000[+-]\\d{3}$'", "True"),
        ("$os = Get-WmiObject Win32_OperatingSystem; $os.ConvertToDateTime($os.LastBootUpTime) -eq (Get-CimInstance Win32_OperatingSystem).LastBootUpTime", "True"),
        ("(Get-WmiObject Win32_OperatingSystem).ConvertFromDateTime([datetime]'2024-01-15 10:20:30').Substring(0, 21)", "20240115102030.000000"),
        ("(Get-CimInstance Win32_OperatingSystem).InstallDate -is [datetime]", "True"),
        ("(Get-Item C:\\Windows).LastWriteTime.AddDays(1) -gt (Get-Item C:\\Windows).LastWriteTime", "True"),
    ])
    func values(_ script: String, _ expected: String) {
        #expect(run(script) == expected + "\n")
    }

    @Test func biosIsAListOfItsDisplaySet() {
        #expect(run("Get-CimInstance Win32_BIOS") == "\n\nSMBIOSBIOSVersion : Hyper-V UEFI Release v4.1\nManufacturer      : Microsoft Corporation\n"
                + "Name              : Hyper-V UEFI Release v4.1\nSerialNumber      : 0000-0000-0000-0000-0000-0000-00\n"
                + "Version           : VRTUAL - 1\n\n\n\n")
    }

    @Test func aDateAnObjectHoldsIsShownAsDateTime() {
        let text = run("(Get-CimInstance Win32_OperatingSystem).InstallDate")
        #expect(text == "\nMonday, January 15, 2024 12:00:00 AM\n\n\n")
    }
}
