import Foundation
import Testing

/// The built shell's output layout: narrow COLUMNS, bare script arguments, binary mailslot messages.
extension ScriptModeTests {
    @Test func columnsTooNarrowForATableUseTheDefaultBufferWidth() throws {
        let command = "[pscustomobject]@{Name='alpha'; Value=1}; Write-Error boom"
        let wide = try shell(["-NoProfile", "-Command", command], environment: ["COLUMNS": "120"])
        for columns in ["1", "2", "5", "19"] {
            let narrow = try shell(["-NoProfile", "-Command", command], environment: ["COLUMNS": columns])
            #expect(narrow.output == wide.output, "COLUMNS=\(columns)")
        }
        #expect(wide.output.contains("Name  Value"))
        #expect(wide.output.contains("Write-Error boom"))
        let twenty = try shell(["-NoProfile", "-Command", "[pscustomobject]@{Name='a'*30; Value=1}"],
                               environment: ["COLUMNS": "20"])
        #expect(twenty.output.contains("aaaaaaaaaaaaaaaa..."))
    }

    @Test func aBareArgumentIsACommandAsInPowershellExe() throws {
        let run = try shell(["-NoProfile", "t.ps1"], files: ["t.ps1": "'ran'\n"])
        #expect(run.output.hasPrefix("t.ps1 : The term 't.ps1' is not recognized as the name of a cmdlet"))
        #expect(run.status == 1)
        #expect(try shell(["-NoProfile", "./t.ps1"], files: ["t.ps1": "'ran'\n"]).output == "ran\n")
    }

    @Test func binaryMailslotMessagesAreShownAsBytes() throws {
        let command = "New-Mailslot bin | Out-Null; Send-MailslotMessage \\\\.\\mailslot\\bin -Bytes 1,0,255; "
            + "Receive-MailslotMessage bin -Timeout 1000; Send-MailslotMessage \\\\.\\mailslot\\bin 'hi'; "
            + "Receive-MailslotMessage bin -Timeout 1000"
        let run = try shell(["-NoProfile", "-Command", command])
        #expect(run.output == "1\n0\n255\nhi\n", "\(run.output)")
    }
}
