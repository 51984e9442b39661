import CmdletParser
import Testing
@testable import ShellEngine

/// InvocationInfo.PositionMessage: the layout rules of PositionUtilities.VerboseMessage.
struct PositionMessageTests {
    static func message(_ text: String, _ start: Int, _ end: Int, file: String? = nil) -> String {
        ErrorView.positionMessage(InvocationInfo(myCommand: nil, source: ScriptSource(text: text, file: file),
                                                 extent: SourceExtent(start, end)))
    }

    static func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

    @Test func interactiveAndFileHeaders() {
        #expect(Self.message("Get-Thing -Foo 1", 10, 14) == "At line:1 char:11\n+ Get-Thing -Foo 1\n+           ~~~~")
        #expect(Self.message("a\nGet-Thing", 2, 11, file: "C:\\labs\\t.ps1")
                == "At C:\\labs\\t.ps1:2 char:1\n+ Get-Thing\n+ ~~~~~~~~~")
    }

    @Test func noPositionGivesAnEmptyMessage() {
        #expect(ErrorView.positionMessage(InvocationInfo(myCommand: "x", source: nil, extent: nil)) == "")
    }

    @Test func emptyExtentGetsOneTilde() {
        #expect(Self.message("1 +", 3, 3) == "At line:1 char:4\n+ 1 +\n+    ~")
    }

    @Test func trailingWhitespaceIsTrimmed() {
        #expect(Self.message("foo   ", 0, 3) == "At line:1 char:1\n+ foo\n+ ~~~")
    }

    @Test func blankSourceLineLeavesABarePlus() {
        #expect(Self.message("\n\nfoo", 0, 0) == "At line:1 char:1\n+ ")
        #expect(Self.message("   \nfoo", 1, 2) == "At line:1 char:2\n+ ")
    }

    @Test func tabsBecomeFourSpacesAndMoveTheSquiggle() {
        #expect(Self.message("\tGet-Thing -Foo", 11, 15) == "At line:1 char:12\n+     Get-Thing -Foo\n+               ~~~~")
        #expect(Self.message("a\tb", 0, 3) == "At line:1 char:1\n+ a    b\n+ ~~~~~~")
    }

    @Test func multiLineExtentRunsToTheEndOfItsFirstLine() {
        #expect(Self.message("Get-Thing @(1,\n2)", 10, 17) == "At line:1 char:11\n+ Get-Thing @(1,\n+           ~~~~")
    }

    @Test func longLineCutOnTheRight() {
        let line = Self.repeated("x", 30) + "ERR" + Self.repeated("y", 67)
        #expect(Self.message(line, 30, 33) == "At line:1 char:31\n+ " + Self.repeated("x", 30) + "ERR"
                + Self.repeated("y", 36) + " ...\n+ " + Self.repeated(" ", 30) + "~~~")
    }

    @Test func longLineCutOnTheLeft() {
        let line = Self.repeated("x", 90) + "ERR" + "yy"
        #expect(Self.message(line, 90, 93) == "At line:1 char:91\n+ ... " + Self.repeated("x", 64) + "ERRyy\n+ "
                + Self.repeated(" ", 68) + "~~~")
    }

    @Test func longErrorCutOnBothSides() {
        let line = Self.repeated("x", 20) + Self.repeated("E", 80) + Self.repeated("y", 10)
        #expect(Self.message(line, 20, 100) == "At line:1 char:21\n+ ... " + Self.repeated("x", 12)
                + Self.repeated("E", 57) + " ...\n+ " + Self.repeated(" ", 16) + Self.repeated("~", 57))
    }

    @Test func lineOfExactlySixtyNineIsNotCut() {
        let line = Self.repeated("a", 69)
        #expect(Self.message(line, 68, 69) == "At line:1 char:69\n+ " + line + "\n+ " + Self.repeated(" ", 68) + "~")
    }

    @Test func columnsCountUTF16Units() {
        // "é" is two UTF-8 bytes but one UTF-16 unit: the squiggle sits under "x".
        #expect(Self.message("é x", 3, 4) == "At line:1 char:3\n+ é x\n+   ~")
    }

    @Test func extentsOutsideTheTextNeverTrap() {
        _ = Self.message("abc", 5, 2)
        _ = Self.message("", 0, 0)
        _ = Self.message("\tab\t", 3, 400)
        _ = Self.message(Self.repeated("\t", 40), 10, 30)
    }
}
