import Foundation
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Tab pressed anywhere in odd input (unclosed strings and blocks, NULs, surrogates, combining
/// marks, a cursor outside the line) answers with candidates or none, never a trap.
@Suite struct CompletionEdgeTests {
    static let inputs = [
        "", " ", "-", "--", "$", "${", "${}", "@", "@(", "@{", "[", "[int]::", "[int]::Max", "[System.", "[::]::", "::", ".",
        "'", "\"", "\"$(", "\"$(Get-", "@'\n", "@\"\nx", "Get-ChildItem -", "Get-ChildItem -Path ", "Get-ChildItem -Path '",
        "Get-ChildItem C:\\", "Get-ChildItem \\\\?\\C:\\", "Get-ChildItem ..\\..\\..\\", "Get-Item HKLM:\\", "gci | ",
        "gci | select ", "gci | % { $_.", "$PSVersionTable.", "$host.UI.RawUI.", "$x = @{ a = 1 }; $x.", "(1..3).",
        "'abc'.", "[datetime]::Now.", "Set-Location -Path ", "& ", ". ", "&{", "{ param(", "function f { param($a) }; f -",
        "Get-Command -Module ", "Get-Command -Name \u{0}", "\u{0}\u{0}\u{0}", "é\u{301}-\u{301}", "😀 -😀 $😀.", "\u{FEFF}Get-",
        "`", "``", "Get-Item `", "Write-Host -ForegroundColor ", "-ErrorAction ", "Get-Date -Format ", "#", "<#", "<# x",
        "if (", "switch -", "foreach ($i in ", "Get-SmbShare -Name ", "Set-SmbServerConfiguration -", "New-Object ",
        "New-Object System.", "[System.IO.File]::", "$env:", "$env:P", "${env:", "Get-Variable -Name ", "Get-Help about_",
    ] + [String(repeating: "(", count: 3000), String(repeating: "$(", count: 1000), String(repeating: "x", count: 20_000),
         String(repeating: "-", count: 10_000), "Get-ChildItem " + String(repeating: "a\\", count: 2000)]

    @Test func tabAnywhereAnswers() {
        let (engine, _, folder) = makeEngine()
        defer {
            engine.shutdown()
            try? FileManager.default.removeItem(atPath: folder)
        }
        for input in Self.inputs {
            let length = input.utf16.count
            let cursors = length > 200 ? [0, 1, length / 2, length - 1, length, length + 1, -1]
                : Array(-1...(length + 1))
            for cursor in cursors {
                let result = engine.complete(input, cursor: cursor)
                #expect(result.replacementStart >= 0 && result.replacementLength >= 0)
            }
        }
    }
}
