import Foundation
import Testing

/// The emulated host's tables as the built shell prints them, state kept in a real SMBCONFIG_HOME
/// between two runs of the program.
@Suite struct EmulatedHostLayoutTests {
    func shell(_ command: String, home: String) throws -> String {
        let result = try Spawn.run(TestEnvironment.shellBinary, ["-NoProfile", "-Command", command],
                                   environment: TestEnvironment.shellEnvironment(home: home, extra: [:]), directory: home)
        #expect(!result.timedOut)
        return result.output
    }

    @Test func registryHiveViewAndServiceTableSurviveARestartOfTheShell() throws {
        let home = try TestEnvironment.makeScratchFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try shell(#"New-Item HKCU:\Software\Contoso | Out-Null; Set-ItemProperty HKCU:\Software\Contoso -Name Level -Value 2; "#
                      + "Stop-Service LanmanServer -Force", home: home)
        func lines(_ command: String) throws -> [String] {
            try shell(command, home: home).split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.reversed().drop { $0 == " " }.reversed())
            }
        }
        #expect(try lines(#"Get-ChildItem HKCU:\Software"#) == [
            "", "", "    Hive: HKEY_CURRENT_USER\\Software", "", "",
            "Name                           Property",
            "----                           --------",
            "Contoso                        Level : 2",
            "Microsoft", "", "", ""])
        #expect(try lines("Get-Service LanmanServer") == [
            "", "Status   Name               DisplayName",
            "------   ----               -----------",
            "Stopped  LanmanServer       Server", "", "", ""])
        #expect(try lines(#"reg query HKCU\Software\Contoso"#) == [
            "", "HKEY_CURRENT_USER\\Software\\Contoso", "    Level    REG_DWORD    0x2", "", ""])
    }
}
