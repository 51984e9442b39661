import CmdletParser
import ShellTestSupport
import Testing
@testable import ShellEngine

/// Out-Default's layout: objects built as the cmdlets build them, printed through OutputFormatter.
struct FormattingTests {
    static func object(_ properties: [(String, PSValue)], typeName: String? = nil) -> PSValue {
        let object = typeName.map { PSCustomObject(typeNames: [$0, "System.Management.Automation.PSCustomObject",
                                                                "System.Object"]) } ?? PSCustomObject()
        for (name, value) in properties { object.add(name, value) }
        return .object(object)
    }

    /// Everything Out-Default prints for the objects of one console input.
    static func outDefault(_ values: [PSValue], width: Int = 120) -> String {
        let formatter = OutputFormatter(width: width)
        return values.map { formatter.process($0) }.joined() + formatter.finish()
    }

    static func golden(_ name: String) throws -> String {
        try readFile(ErrorViewTests.conformance + name + "/1.stdout")
    }

    // MARK: Golden sessions

    @Test func formatListSelected() throws {
        // Get-SmbClientConfiguration | Format-List EnableMailslots, RequireSecuritySignature
        let data = FormattedData(shape: .list, entries: [[("EnableMailslots", .bool(false)),
                                                           ("RequireSecuritySignature", .bool(true))]])
        #expect(Self.outDefault([.object(data)]) == (try Self.golden("format-list-selected")))
    }

    @Test func selectObjectTable() throws {
        // Get-SmbServerConfiguration | Select-Object EnableSMB1Protocol
        let selected = Self.object([("EnableSMB1Protocol", .bool(false))],
                                   typeName: "Selected.Microsoft.Management.Infrastructure.CimInstance")
        #expect(Self.outDefault([selected]) == (try Self.golden("select-object-table")))
    }

    @Test func scalarsPrintOneLineEach() throws {
        #expect(Self.outDefault([.bool(false), .bool(false)]) == (try Self.golden("defaults-mailslots-off")))
        #expect(Self.outDefault([.int32(2), .int32(4), .int32(6)]) == (try Self.golden("pipeline-foreach")))
        #expect(Self.outDefault([.uint32(60), .string("System.UInt32")]) == "60\nSystem.UInt32\n")
        #expect(Self.outDefault([.string(""), .null, .string("a")]) == "\na\n")
        #expect(Self.outDefault([.double(1.5), .char("x")]) == "1.5\nx\n")
    }

    // MARK: Lists

    @Test func listHasTwoBlankLinesBeforeOneBetweenThreeAfter() {
        let data = FormattedData(shape: .list, entries: [[("EnableMailslots", .bool(true)), ("RequireSecuritySignature", .bool(false))],
                                                         [("EnableMailslots", .bool(true)), ("RequireSecuritySignature", .bool(false))]])
        #expect(Self.outDefault([.object(data)]) == """
            \n
            EnableMailslots          : True
            RequireSecuritySignature : False

            EnableMailslots          : True
            RequireSecuritySignature : False
            \n\n\n
            """)
    }

    @Test func moreThanFourPropertiesMakeAList() {
        let selected = Self.object([("EnableMailslots", .bool(true)), ("RequireSecuritySignature", .bool(false)),
                                    ("EnableSecuritySignature", .bool(true)), ("SessionTimeout", .uint32(60)),
                                    ("KeepConn", .uint32(600))])
        #expect(Self.outDefault([selected]) == """
            \n
            EnableMailslots          : True
            RequireSecuritySignature : False
            EnableSecuritySignature  : True
            SessionTimeout           : 60
            KeepConn                 : 600
            \n\n\n
            """)
    }

    @Test func listIsWrittenAtOnceAndEmptyValuesKeepTheSeparator() {
        let formatter = OutputFormatter(width: 120)
        let first = formatter.process(Self.object([("A", .string("")), ("B", .null), ("C", .int32(1)),
                                                   ("D", .int32(2)), ("Eee", .int32(3))]))
        #expect(first == "\n\nA   : \nB   : \nC   : 1\nD   : 2\nEee : 3\n\n")
        #expect(formatter.finish() == "\n\n")
    }

    @Test func listValuesWrapUnderTheValueColumn() {
        let data = FormattedData(shape: .list, entries: [[("Description", .string("alpha beta gamma delta")),
                                                          ("Name", .string("x\ny"))]])
        #expect(Self.outDefault([.object(data)], width: 30) == """
            \n
            Description : alpha beta 
                          gamma delta
            Name        : x
                          y
            \n\n\n
            """)
    }

    @Test func firstObjectFixesTheShapeAndListsShowEachObjectsOwnProperties() {
        let five = Self.object([("A", .int32(1)), ("B", .int32(2)), ("C", .int32(3)), ("D", .int32(4)), ("E", .int32(5))])
        #expect(Self.outDefault([five, Self.object([("X", .int32(9))])])
                == "\n\nA : 1\nB : 2\nC : 3\nD : 4\nE : 5\n\nX : 9\n\n\n\n")
    }

    // MARK: Tables

    @Test func tableHasOneBlankLineBeforeAndTwoAfter() {
        let data = FormattedData(shape: .table, entries: [[("EnableMailslots", .bool(true)),
                                                           ("RequireSecuritySignature", .bool(false))]])
        #expect(Self.outDefault([.object(data)]) == """

            EnableMailslots RequireSecuritySignature
            --------------- ------------------------
                       True                    False
            \n\n
            """)
    }

    @Test func rightAlignedLabelsAndPaddedLastColumn() {
        #expect(Self.outDefault([Self.object([("Id", .int32(12345)), ("Name", .string("a"))])])
                == "\n   Id Name\n   -- ----\n12345 a   \n\n\n")
    }

    @Test func mixedTypesAlignByTheFirstValue() {
        let row = Self.object([("Name", .string("IPC$")), ("Enabled", .bool(true)), ("Timeout", .int32(60)),
                               ("Path", .string(""))])
        #expect(Self.outDefault([row]) == "\nName Enabled Timeout Path\n---- ------- ------- ----\nIPC$    True      60     \n\n\n")
    }

    @Test func widthsCoverEveryRowOfTheGroup() {
        let rows = [Self.object([("Name", .string("x")), ("Timeout", .int32(60))]),
                    Self.object([("Name", .string("a-longer-name")), ("Timeout", .int32(3600))])]
        #expect(Self.outDefault(rows) == """

            Name          Timeout
            ----          -------
            x                  60
            a-longer-name    3600
            \n\n
            """)
    }

    @Test func tableIsHeldBackUntilTheEndButTheLeadingBlankLineIsNot() {
        let formatter = OutputFormatter(width: 120)
        #expect(formatter.process(Self.object([("a", .int32(1))])) == "\n")
        #expect(formatter.process(.string("x")) == "")
        #expect(formatter.process(Self.object([("a", .int32(22))])) == "")
        // Out-of-band text keeps its place among the rows.
        #expect(formatter.finish() == " a\n -\n 1\nx\n22\n\n\n")
    }

    @Test func laterObjectsUseTheFirstObjectsColumns() {
        #expect(Self.outDefault([Self.object([("a", .int32(1))]), Self.object([("b", .int32(2))])])
                == "\na\n-\n1\n \n\n\n")
    }

    @Test func lastColumnShrinksToFitWithEllipsis() {
        let row = Self.object([("Name", .string("a-very-long-name-value")),
                               ("Desc", .string("this is a long description text"))])
        #expect(Self.outDefault([row], width: 30) == """

            Name                   Desc  
            ----                   ----  
            a-very-long-name-value thi...
            \n\n
            """)
    }

    @Test func lastColumnIsHiddenWhenItCannotFit() {
        let row = Self.object([("Name", .string("a-very-long-name-value")),
                               ("Desc", .string("this is a long description text"))])
        #expect(Self.outDefault([row], width: 20) == "\nName               \n----               \na-very-long-name...\n\n\n")
    }

    @Test func cellTruncation() {
        #expect(TableWriter.field("1234567", width: 5, alignment: .right) == "...67")
        #expect(TableWriter.field("abcdef", width: 3, alignment: .left) == "abc")
        #expect(TableWriter.field("abcdef", width: 3, alignment: .right) == "def")
        #expect(TableWriter.field("a\nb", width: 6, alignment: .left) == "a...  ")
        #expect(TableWriter.field("ab", width: 6, alignment: .center) == "  ab  ")
        #expect(TableWriter.field("漢字", width: 3, alignment: .left) == "漢 ")
    }

    @Test func fixedWidthColumnsWrapTheirLabelsAndRowsWithWrap() {
        let data = FormattedData(shape: .table, entries: [[("A", .string("one two three")), ("B", .string("x"))]],
                                 columns: [.init(label: "A", width: 6), .init(label: "B", width: 3)], wrap: true)
        #expect(Self.outDefault([.object(data)]) == "\nA      B  \n-      -  \none    x  \ntwo       \nthree     \n\n\n")
        let long = FormattedData(shape: .table, entries: [[("LongHeader", .string("x"))]],
                                 columns: [.init(label: "LongHeader", width: 4)])
        #expect(Self.outDefault([.object(long)]) == "\nLong\nHead\ner  \n----\nx   \n\n\n")
    }

    @Test func hideTableHeadersAndExplicitAlignment() {
        let data = FormattedData(shape: .table, entries: [[("N", .string("ab")), ("V", .int32(7))]],
                                 columns: [.init(label: "N", alignment: .right), .init(label: "V", alignment: .left)],
                                 autoSize: true, hideTableHeaders: true)
        #expect(Self.outDefault([.object(data)]) == "\nab 7\n\n\n")
    }

    @Test func hashtableIsANameValueTable() {
        let table = PSHashtable()
        table[string: "a"] = .int32(1)
        let formatter = OutputFormatter(width: 120)
        let name = "Name" + String(repeating: " ", count: 26)
        let printed = formatter.process(.hashtable(table))
        // A fixed first column means no caching: the table is written at once.
        #expect(printed == "\n" + name + " Value" + String(repeating: " ", count: 83) + "\n"
                + "----" + String(repeating: " ", count: 26) + " -----" + String(repeating: " ", count: 83) + "\n"
                + "a" + String(repeating: " ", count: 29) + " 1" + String(repeating: " ", count: 87) + "\n")
        #expect(formatter.finish() == "\n\n")
    }

    @Test func typeLiteralsUseTheTypeView() {
        let text = Self.outDefault([.type(PSTypeInfo(fullName: "System.Int32"))])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7)
        #expect(lines[1].hasPrefix("IsPublic IsSerial Name                                     BaseType"))
        #expect(lines[3].hasPrefix("True     True     Int32                                    System.ValueType"))
        #expect(lines[3].count == 119)
    }

    @Test func enumsAreScalarsAndRightAligned() {
        final class Dialect: PSObject {
            init() { super.init(typeNames: ["SmbDialect", "System.Enum", "System.ValueType", "System.Object"]) }
            override func toString() -> String { "SMB311" }
        }
        #expect(Self.outDefault([.object(Dialect())]) == "SMB311\n")
        #expect(Self.outDefault([Self.object([("Smb2DialectMax", .object(Dialect()))])])
                == "\nSmb2DialectMax\n--------------\n        SMB311\n\n\n")
    }

    // MARK: Values, errors, sequences

    @Test func collectionValuesAreEnumeratedUpToTheLimit() {
        let five = PSValue.array(PSArray((1...5).map { .int32(Int32($0)) }))
        #expect(FormatValue.displayText(five) == "{1, 2, 3, 4...}")
        #expect(FormatValue.displayText(.array(PSArray([.int32(1), .null]))) == "{1, $null}")
        #expect(FormatValue.displayText(.array(PSArray([]))) == "{}")
        let table = PSHashtable()
        table[string: "x"] = .int32(1)
        table[string: "y"] = .int32(2)
        #expect(FormatValue.displayText(.hashtable(table)) == "{x, y}")
        #expect(FormatValue.displayText(five, enumerationLimit: -1) == "{1, 2, 3, 4, 5}")
        #expect(FormatValue.displayText(Self.object([("a", .int32(1))])) == "@{a=1}")
    }

    @Test func errorRecordsInTheOutputUseTheErrorView() throws {
        let record = ErrorViewTests.commandNotFound("Set-SmbClientConfig -EnableMailslots $true", name: "Set-SmbClientConfig")
        let formatter = OutputFormatter(width: 120)
        #expect(formatter.process(Self.object([("a", .int32(1))])) == "\n")
        #expect(formatter.process(.object(record)) == "")
        #expect(formatter.finish() == "a\n-\n1\n" + (try ErrorViewTests.goldenError("command-not-found")) + "\n\n")
        #expect(OutputFormatter(width: 120, errorView: .categoryView).process(.object(record))
                == "ObjectNotFound: (Set-SmbClientConfig:String) [], CommandNotFoundException\n")
    }

    final class RecordingHost: PSHostUserInterface {
        var writes: [(String, HostStream)] = []
        func write(_ text: String, stream: HostStream) { writes.append((text, stream)) }
        func readLine() -> HostInput { .endOfInput }
        var isInteractive: Bool { false }
        var bufferWidth: Int { 120 }
        func consumeInterrupt() -> Bool { false }
        func clearScreen() {}
    }

    @Test func errorStreamRecordsKeepTheirPlaceAndStreamInsideATable() throws {
        let record = ErrorViewTests.commandNotFound("foo", name: "foo")
        let host = RecordingHost()
        let formatter = OutputFormatter(width: 120)
        formatter.write(Self.object([("a", .int32(1))]), to: host)
        formatter.write(.object(record), stream: .error, to: host)
        formatter.write(Self.object([("a", .int32(2))]), to: host)
        formatter.finish(to: host)
        #expect(host.writes.map(\.1) == [.output, .output, .error, .output])
        #expect(host.writes.map(\.0) == ["\n", "a\n-\n1\n", ErrorView.render(record, view: .normalView, width: 120),
                                         "2\n\n\n"])
    }

    @Test func formatOutputAndDefaultOutputAreSeparateSequences() {
        let list = FormattedData(shape: .list, entries: [[("A", .int32(1))]])
        #expect(Self.outDefault([.object(list), Self.object([("b", .string("x"))])]) == "\n\nA : 1\n\n\n\n\nb\n-\nx\n\n\n")
        // A streaming cmdlet's pieces of one sequence print as one list.
        let sequence = FormatSequence()
        let pieces = [FormattedData(shape: .list, entries: [[("A", .int32(1))]], sequence: sequence, isLastInSequence: false),
                      FormattedData(shape: .list, entries: [[("A", .int32(2))]], sequence: sequence)]
        #expect(Self.outDefault(pieces.map { .object($0) }) == "\n\nA : 1\n\nA : 2\n\n\n\n")
        #expect(Self.outDefault([.object(FormattedData(shape: .table, entries: []))]) == "")
    }

    @Test func outStringEndsEveryLineWithANewline() {
        #expect(OutputFormatter.outString([.string("abc")], width: 120) == "abc\n")
        #expect(OutputFormatter.outString([], width: 120) == "")
        #expect(OutputFormatter.outStringLines([Self.object([("a", .int32(1))])], width: 120) == ["", "a", "-", "1", "", ""])
        #expect(OutputFormatter.outString([.string("a-long-value")], width: 120, columns: 5) == "a-long-value\n")
    }

    @Test func defaultPropertiesFollowTheDisplaySet() {
        final class Config: PSObject, PSDefaultDisplayPropertySet {
            init() { super.init(typeNames: ["Config", "System.Object"]) }
            override var properties: [PSPropertyInfo] {
                ["A", "B", "C", "D", "E", "F"].map { PSPropertyInfo(name: $0, value: .int32(1)) }
            }
            var defaultDisplayPropertySet: [String] { ["b", "D"] }
        }
        #expect(FormatSelection.defaultProperties(of: .object(Config())).map(\.name) == ["B", "D"])
        #expect(FormatSelection.defaultShape(of: .object(Config())) == .table)
        #expect(Self.outDefault([.object(Config())]) == "\nB D\n- -\n1 1\n\n\n")
        #expect(FormatSelection.defaultShape(of: Self.object((1...5).map { ("P\($0)", .int32(1)) })) == .list)
    }

    // MARK: Get-Member

    static func members(_ typeName: String) -> [PSValue] {
        [("Equals", "Method", "bool Equals(System.Object obj)"), ("GetHashCode", "Method", "int GetHashCode()"),
         ("GetType", "Method", "type GetType()"), ("ToString", "Method", "string ToString()"),
         ("a", "NoteProperty", "int a=1")].map {
            .object(MemberDefinition(typeName: typeName, name: $0.0, memberType: $0.1, definition: $0.2))
        }
    }

    static func padded(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: width - s.count) }

    @Test func getMemberIsGroupedByTypeNameAndAutoSized() {
        let text = Self.outDefault(Self.members("System.Management.Automation.PSCustomObject"))
        let rows = [("Name", "MemberType", "Definition"), ("----", "----------", "----------"),
                    ("Equals", "Method", "bool Equals(System.Object obj)"), ("GetHashCode", "Method", "int GetHashCode()"),
                    ("GetType", "Method", "type GetType()"), ("ToString", "Method", "string ToString()"),
                    ("a", "NoteProperty", "int a=1")]
            .map { Self.padded($0.0, 11) + " " + Self.padded($0.1, 12) + " " + Self.padded($0.2, 30) + "\n" }
        #expect(text == "\n\n   TypeName: System.Management.Automation.PSCustomObject\n\n" + rows.joined() + "\n\n")
    }

    @Test func getMemberStartsANewGroupForEachTypeName() {
        let text = Self.outDefault(Array(Self.members("A").prefix(1)) + Array(Self.members("B").prefix(1)))
        let header = "Name   MemberType Definition                    \n----   ---------- ----------                    \n"
        let row = "Equals Method     bool Equals(System.Object obj)\n"
        #expect(text == "\n\n   TypeName: A\n\n" + header + row + "\n" + "\n   TypeName: B\n\n" + header + row + "\n\n")
    }

    @Test func formattedDataWithGroupHeadersMatchesTheMemberView() {
        let sequence = FormatSequence()
        let pieces = ["A", "B"].map { type -> PSValue in
            let data = FormattedData(shape: .table, entries: [[("Name", .string("Equals")), ("MemberType", .string("Method")),
                                                               ("Definition", .string("bool Equals(System.Object obj)"))]],
                                     autoSize: true, sequence: sequence, isLastInSequence: type == "B")
            data.groupHeader = "   TypeName: " + type
            return .object(data)
        }
        let members = Array(Self.members("A").prefix(1)) + Array(Self.members("B").prefix(1))
        #expect(Self.outDefault(pieces) == Self.outDefault(members))
    }

    @Test func getMemberCutsLongDefinitions() {
        let text = Self.outDefault(Self.members("T"), width: 40)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 39 })
        // The Definition column is shrunk to 39 - 11 - 12 - 2 = 14 cells; 5.1's view does not
        // wrap, so a longer definition is cut with `...`.
        let equals = lines.firstIndex { $0.hasPrefix("Equals") }!
        #expect(lines[equals] == "Equals      Method       bool Equals...")
        #expect(lines[equals + 1].hasPrefix("GetHashCode "))
    }

    @Test func spareWidthGoesToUnsizedColumnsLeftToRight() {
        var widths = [5, 0, 0]
        ColumnWidthManager.fit(&widths, tableWidth: 20)
        #expect(widths == [5, 7, 6])
    }

    @Test func hugeWidthsAreCappedAtTheConsoleMaximum() {
        let table = PSHashtable()
        table[string: "k"] = .string("v")
        let text = OutputFormatter.outString([.hashtable(table)], width: Int.max, columns: Int.max)
        #expect(text.split(separator: "\n").allSatisfy { $0.count == 32767 })
    }

    @Test func largeTablesAndScalarStreams() {
        let rows = (0..<10_000).map { Self.object([("Id", .int32(Int32($0))), ("Name", .string("item\($0)"))]) }
        let lines = Self.outDefault(rows).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1 + 2 + 10_000 + 3)
        #expect(lines[3] == "   0 item0   ")
        let formatter = OutputFormatter(width: 120)
        var total = 0
        for i in 0..<100_000 { total += formatter.process(.int32(Int32(i))).utf8.count }
        #expect(total == (0..<100_000).reduce(0) { $0 + String($1).utf8.count + 1 })
    }

    @Test func narrowConsoleNeverTraps() {
        for width in 0...8 {
            let row = Self.object([("Name", .string("value")), ("Other", .string("text"))])
            let list = Self.object((1...6).map { ("Property\($0)", .string("some value here")) })
            _ = Self.outDefault([row, list, .string("s")], width: width)
            _ = Self.outDefault([list, row], width: width)
            let record = ErrorViewTests.commandNotFound("foo", name: "foo")
            _ = ErrorView.render(record, view: .normalView, width: width)
            _ = ErrorView.render(record, view: .conciseView, width: width)
        }
    }
}
