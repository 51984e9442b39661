import CmdletParser
import Testing
@testable import ShellEngine

/// Error records built the way the engine builds them, rendered and compared with the golden
/// console sessions and the worked examples of the reference.
struct ErrorViewTests {
    // MARK: Helpers

    static let conformance: String = {
        let file = #filePath
        let dir = file[..<file.lastIndex(of: "/")!]
        return String(dir[..<dir.lastIndex(of: "/")!]) + "/Conformance/sessions/"
    }()

    /// The first error block (through its one-space line) of a golden session's output.
    static func goldenError(_ name: String) throws -> String {
        let text = try readFile(conformance + name + "/1.stdout")
        let end = try #require(text.firstRange(of: "\n \n"))
        return String(text[..<end.upperBound])
    }

    /// The byte range of the `occurrence`-th `token` in `line`.
    static func extent(of token: String, in line: String) -> SourceExtent {
        let start = line.utf8.count - line.firstRange(of: token).map { line[$0.lowerBound...] }!.utf8.count
        return SourceExtent(start, start + token.utf8.count)
    }

    /// A binding error of an SmbShare (CDXML, i.e. function) cmdlet: empty InvocationName,
    /// Activity = the command, FQID suffix = the command.
    static func bindingError(_ line: String, squiggle: SourceExtent, message: String, errorId: String,
                             category: ErrorCategory = .InvalidArgument,
                             exception: String = "System.Management.Automation.ParameterBindingException",
                             command: String = "Set-SmbClientConfiguration") -> ErrorRecord {
        let info = InvocationInfo(myCommand: command, commandKind: .function, invocationName: "",
                                  source: ScriptSource(text: line), extent: squiggle)
        let record = ErrorRecord(exception: PSExceptionObject(typeName: exception, message: message),
                                 errorId: errorId + "," + command, category: category, targetObject: .null,
                                 invocationInfo: info)
        record.categoryInfo.activity = command
        return record
    }

    static func commandNotFound(_ line: String, name: String) -> ErrorRecord {
        let message = "The term '\(name)' is not recognized as the name of a cmdlet, function, script file, or "
            + "operable program. Check the spelling of the name, or if a path was included, verify that the path "
            + "is correct and try again."
        let info = InvocationInfo(myCommand: nil, invocationName: name, source: ScriptSource(text: line),
                                  extent: extent(of: name, in: line))
        return ErrorRecord(exception: PSExceptionObject(typeName: "System.Management.Automation.CommandNotFoundException",
                                                        message: message),
                           errorId: "CommandNotFoundException", category: .ObjectNotFound,
                           targetObject: .string(name), invocationInfo: info)
    }

    static let transformation = "System.Management.Automation.ParameterBindingArgumentTransformationException"

    // MARK: Golden sessions (120 columns)

    @Test func boolRejectsString() throws {
        let line = "Set-SmbClientConfiguration -EnableMailslots 'yes'"
        let record = Self.bindingError(line, squiggle: Self.extent(of: "'yes'", in: line),
            message: "Cannot process argument transformation on parameter 'EnableMailslots'. Cannot convert value "
                + "\"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and "
                + "numbers, such as $True, $False, 1 or 0.",
            errorId: "ParameterArgumentTransformationError", category: .InvalidData, exception: Self.transformation)
        #expect(ErrorView.render(record, view: .normalView, width: 120) == (try Self.goldenError("bool-rejects-string")))
    }

    @Test func uintRejectsWord() throws {
        let line = "Set-SmbClientConfiguration -KeepConn abc"
        let record = Self.bindingError(line, squiggle: Self.extent(of: "abc", in: line),
            message: "Cannot process argument transformation on parameter 'KeepConn'. Cannot convert value \"abc\" "
                + "to type \"System.UInt32\". Error: \"Input string was not in a correct format.\"",
            errorId: "ParameterArgumentTransformationError", category: .InvalidData, exception: Self.transformation)
        #expect(ErrorView.render(record, view: .normalView, width: 120) == (try Self.goldenError("uint-rejects-word")))
    }

    @Test func ambiguousPrefix() throws {
        let line = "Set-SmbClientConfiguration -EnableM $true"
        let record = Self.bindingError(line, squiggle: Self.extent(of: "-EnableM", in: line),
            message: "Parameter cannot be processed because the parameter name 'EnableM' is ambiguous. Possible "
                + "matches include: -EnableMailslots -EnableMultiChannel.",
            errorId: "AmbiguousParameter")
        #expect(ErrorView.render(record, view: .normalView, width: 120) == (try Self.goldenError("ambiguous-prefix")))
    }

    @Test func commandNotFound() throws {
        let record = Self.commandNotFound("Set-SmbClientConfig -EnableMailslots $true", name: "Set-SmbClientConfig")
        #expect(ErrorView.render(record, view: .normalView, width: 120) == (try Self.goldenError("command-not-found")))
    }

    @Test func missingArgument() throws {
        let line = "Set-SmbClientConfiguration -EnableMailslots"
        let record = Self.bindingError(line, squiggle: Self.extent(of: "-EnableMailslots", in: line),
            message: "Missing an argument for parameter 'EnableMailslots'. Specify a parameter of type "
                + "'System.Boolean' and try again.", errorId: "MissingArgument")
        #expect(ErrorView.render(record, view: .normalView, width: 120) == (try Self.goldenError("missing-argument")))
    }

    @Test func parameterNotFound() throws {
        for (name, line) in [("param-not-found", "Set-SmbClientConfiguration -Foo 1"),
                             ("profile-server2022-has-no-mailslot-setting",
                              "Set-SmbClientConfiguration -EnableMailslots $true -Force")] {
            let token = String(line.split(separator: " ")[1])
            let record = Self.bindingError(line, squiggle: Self.extent(of: token, in: line),
                message: "A parameter cannot be found that matches parameter name '\(token.dropFirst())'.",
                errorId: "NamedParameterNotFound")
            #expect(ErrorView.render(record, view: .normalView, width: 120) == (try Self.goldenError(name)))
        }
    }

    @Test func positionalNotFoundCoversTheWholeCommand() throws {
        let line = "Set-SmbClientConfiguration 5"
        let record = Self.bindingError(line, squiggle: SourceExtent(0, line.utf8.count),
            message: "A positional parameter cannot be found that accepts argument '5'.",
            errorId: "PositionalParameterNotFound")
        #expect(ErrorView.render(record, view: .normalView, width: 120) == (try Self.goldenError("positional-not-found")))
    }

    @Test func nonInteractivePrompt() throws {
        let line = "Set-SmbClientConfiguration -EnableMailslots $true"
        let record = Self.bindingError(line, squiggle: SourceExtent(0, line.utf8.count),
            message: "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
            errorId: "InvalidOperation", category: .InvalidOperation,
            exception: "System.Management.Automation.PSInvalidOperationException")
        #expect(ErrorView.render(record, view: .normalView, width: 120)
                == (try Self.goldenError("noninteractive-prompt-fails")))
    }

    @Test func remoteMailslotBlocked() throws {
        let line = "Send-MailslotMessage -Path '\\\\LABSRV\\mailslot\\lab' -Message 'hello'"
        let info = InvocationInfo(myCommand: "Send-MailslotMessage", commandKind: .cmdlet,
                                  invocationName: "Send-MailslotMessage", source: ScriptSource(text: line),
                                  extent: SourceExtent(0, line.utf8.count))
        let record = ErrorRecord(
            exception: PSExceptionObject(typeName: "System.ComponentModel.Win32Exception",
                                         message: "The requested operation failed. Remote mailslots have been deprecated."),
            errorId: "RemoteMailslotsDeprecated,Send-MailslotMessage", category: .NotEnabled,
            targetObject: .string("\\\\LABSRV\\mailslot\\lab"), invocationInfo: info)
        record.categoryInfo.activity = "Send-MailslotMessage"
        #expect(ErrorView.render(record, view: .normalView, width: 120)
                == (try Self.goldenError("remote-mailslot-blocked")))
    }

    @Test func interactiveParseError() throws {
        let line = "Write-Output 'a' )"
        let error = ParseError(errorId: "UnexpectedToken", message: "Unexpected token ')' in expression or statement.",
                               extent: Self.extent(of: ")", in: line), incompleteInput: false)
        let record = ErrorView.parseErrorRecord(Self.parseResult(line, errors: [error]), fromFile: false)
        #expect(record.fullyQualifiedErrorId == "UnexpectedToken")
        #expect(ErrorView.render(record, view: .normalView, width: 120)
                == (try Self.goldenError("parse-error-unexpected-token")))
    }

    static func parseResult(_ text: String, file: String? = nil, errors: [ParseError]) -> ParseResult {
        let source = ScriptSource(text: text, file: file)
        let extent = SourceExtent(0, source.utf8.count)
        let block = ScriptBlockAst(extent: extent, source: source, paramBlock: nil, beginBlock: nil, processBlock: nil,
                                   endBlock: NamedBlockAst(extent: extent, blockKind: .end, unnamed: true,
                                                           statements: [], traps: []),
                                   dynamicParamBlock: nil)
        return ParseResult(ast: block, tokens: [], errors: errors)
    }

    // MARK: Reference examples

    @Test func scriptFileParseErrorUsesParseException() {
        let text = "Write-Output 'x'\nWrite-Output 'a' )\n"
        let offset = text.utf8.count - 2
        let error = ParseError(errorId: "UnexpectedToken", message: "Unexpected token ')' in expression or statement.",
                               extent: SourceExtent(offset, offset + 1), incompleteInput: false)
        let record = ErrorView.parseErrorRecord(Self.parseResult(text, file: "C:\\labs\\t.ps1", errors: [error]),
                                                fromFile: true)
        #expect(ErrorView.render(record, view: .normalView, width: 120) == """
            At C:\\labs\\t.ps1:2 char:18
            + Write-Output 'a' )
            +                  ~
            Unexpected token ')' in expression or statement.
                + CategoryInfo          : ParserError: (:) [], ParseException
                + FullyQualifiedErrorId : UnexpectedToken
             \n
            """)
    }

    @Test func parseErrorsAreSeparatedByABlankLineAndCappedAtTen() {
        let text = String(repeating: ")", count: 12)
        let errors = (0..<12).map {
            ParseError(errorId: "UnexpectedToken", message: "Unexpected token ')' in expression or statement.",
                       extent: SourceExtent($0, $0 + 1), incompleteInput: false)
        }
        let record = ErrorView.parseErrorRecord(Self.parseResult(text, errors: errors), fromFile: false)
        let blocks = record.exception.message.split(separator: "\n\n", omittingEmptySubsequences: false)
        #expect(blocks.count == 11)
        #expect(blocks[1] == "At line:1 char:2\n+ ))))))))))))\n+  ~\nUnexpected token ')' in expression or statement.")
        #expect(blocks[10] == "Not all parse errors were reported.  Correct the reported errors and try again.")
    }

    @Test func commandNotFoundAt80Columns() {
        let record = Self.commandNotFound("foo", name: "foo")
        #expect(ErrorView.render(record, view: .normalView, width: 80) == """
            foo : The term 'foo' is not recognized as the name of a cmdlet, function, 
            script file, or operable program. Check the spelling of the name, or if a path 
            was included, verify that the path is correct and try again.
            At line:1 char:1
            + foo
            + ~~~
                + CategoryInfo          : ObjectNotFound: (foo:String) [], CommandNotFound 
               Exception
                + FullyQualifiedErrorId : CommandNotFoundException
             \n
            """)
    }

    @Test func transformationErrorAt80Columns() {
        let line = "Set-SmbClientConfiguration -KeepConn abc"
        let record = Self.bindingError(line, squiggle: Self.extent(of: "abc", in: line),
            message: "Cannot process argument transformation on parameter 'KeepConn'. Cannot convert value \"abc\" "
                + "to type \"System.UInt32\". Error: \"Input string was not in a correct format.\"",
            errorId: "ParameterArgumentTransformationError", category: .InvalidData, exception: Self.transformation)
        #expect(ErrorView.render(record, view: .normalView, width: 80) == """
            Set-SmbClientConfiguration : Cannot process argument transformation on 
            parameter 'KeepConn'. Cannot convert value "abc" to type "System.UInt32". 
            Error: "Input string was not in a correct format."
            At line:1 char:38
            + Set-SmbClientConfiguration -KeepConn abc
            +                                      ~~~
                + CategoryInfo          : InvalidData: (:) [Set-SmbClientConfiguration], P 
               arameterBindingArgumentTransformationException
                + FullyQualifiedErrorId : ParameterArgumentTransformationError,Set-SmbClie 
               ntConfiguration
             \n
            """)
    }

    @Test func commandNotFoundAt120ColumnsBreaksAfterCheckThe() {
        let text = ErrorView.render(Self.commandNotFound("foo", name: "foo"), view: .normalView, width: 120)
        #expect(text.hasPrefix("foo : The term 'foo' is not recognized as the name of a cmdlet, function, script file, "
            + "or operable program. Check the \nspelling of the name, or if a path was included, verify that the path "
            + "is correct and try again.\nAt line:1 char:1\n"))
    }

    @Test func aliasInvocationNameIsThePrefix() {
        let info = InvocationInfo(myCommand: "Get-ChildItem", commandKind: .cmdlet, invocationName: "gci",
                                  source: ScriptSource(text: "gci foo"), extent: SourceExtent(0, 7))
        let record = ErrorRecord(exception: PSExceptionObject(typeName: "System.Management.Automation.ItemNotFoundException",
                                                              message: "Cannot find path."),
                                 errorId: "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand",
                                 category: .ObjectNotFound, targetObject: .null, invocationInfo: info)
        #expect(ErrorView.prefix(record) == "gci : ")
        info.invocationName = "&"
        #expect(ErrorView.prefix(record) == "Get-ChildItem : ")
    }

    @Test func scriptPathPrefixForExternalScript() {
        let info = InvocationInfo(myCommand: "C:\\labs\\t.ps1", commandKind: .externalScript,
                                  source: ScriptSource(text: "Write-Error 'x'", file: "C:\\labs\\t.ps1"),
                                  extent: SourceExtent(0, 15))
        let record = ErrorRecord(exception: PSExceptionObject(typeName: "Microsoft.PowerShell.Commands.WriteErrorException",
                                                              message: "x"),
                                 errorId: "Microsoft.PowerShell.Commands.WriteErrorException", category: .NotSpecified,
                                 targetObject: .null, invocationInfo: info)
        let text = ErrorView.render(record, view: .normalView, width: 120)
        #expect(text.hasPrefix("C:\\labs\\t.ps1 : x\nAt C:\\labs\\t.ps1:1 char:1\n+ Write-Error 'x'\n+ ~~~~~~~~~~~~~~~\n"))
    }

    @Test func throwHasNoPrefixAndErrorDetailsReplaceTheMessage() {
        let info = InvocationInfo(myCommand: nil, source: ScriptSource(text: "throw 'boom'"), extent: SourceExtent(0, 12))
        let exception = PSExceptionObject(typeName: "System.Management.Automation.RuntimeException", message: "boom")
        let record = ErrorRecord(exception: exception, errorId: "boom", category: .OperationStopped,
                                 targetObject: .string("boom"), invocationInfo: info)
        #expect(ErrorView.render(record, view: .normalView, width: 120) == """
            boom
            At line:1 char:1
            + throw 'boom'
            + ~~~~~~~~~~~~
                + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException
                + FullyQualifiedErrorId : boom
             \n
            """)
        record.errorDetails = "details"
        // With ErrorDetails the view has no closing one-space line.
        #expect(ErrorView.render(record, view: .normalView, width: 120).hasSuffix("FullyQualifiedErrorId : boom\n"))
        #expect(ErrorView.render(record, view: .normalView, width: 120).hasPrefix("details\nAt line:1"))
    }

    @Test func positionBlockNeedsACommandOrANonParserCategory() {
        let source = ScriptSource(text: "Get-Thing")
        func record(command: String?, category: ErrorCategory) -> ErrorRecord {
            ErrorRecord(exception: PSExceptionObject(typeName: "System.Exception", message: "m"), errorId: "E",
                        category: category, targetObject: .null,
                        invocationInfo: InvocationInfo(myCommand: command, source: source, extent: SourceExtent(0, 9)))
        }
        let at = "\nAt line:1 char:1\n+ Get-Thing\n+ ~~~~~~~~~\n"
        #expect(ErrorView.render(record(command: nil, category: .ParserError), view: .normalView, width: 120)
                == "m\n    + CategoryInfo          : ParserError: (:) [], Exception\n    + FullyQualifiedErrorId : E\n \n")
        #expect(ErrorView.render(record(command: "Get-Thing", category: .ParserError), view: .normalView, width: 120)
                .hasPrefix("Get-Thing : m" + at))
        #expect(ErrorView.render(record(command: nil, category: .InvalidData), view: .normalView, width: 120)
                .hasPrefix("m" + at))
    }

    @Test func longCategoryNamesAreEllipsizedInTheView() {
        let target = String(repeating: "a", count: 20) + String(repeating: "b", count: 21)
        let record = ErrorRecord(exception: PSExceptionObject(typeName: "System.Exception", message: "m"), errorId: "E",
                                 category: .ObjectNotFound, targetObject: .string(target))
        #expect(ErrorView.render(record, view: .normalView, width: 120) == "m\n    + CategoryInfo          : ObjectNotFound: "
                + "(aaaaaaaaaaaaaaa...bbbbbbbbbbbbbbb:String) [], Exception\n    + FullyQualifiedErrorId : E\n \n")
    }

    @Test func categoryViewIsTheCategoryMessage() throws {
        let line = "Set-SmbClientConfiguration -Foo 1"
        let record = Self.bindingError(line, squiggle: Self.extent(of: "-Foo", in: line),
            message: "A parameter cannot be found that matches parameter name 'Foo'.", errorId: "NamedParameterNotFound")
        #expect(ErrorView.render(record, view: .categoryView, width: 120)
                == "InvalidArgument: (:) [Set-SmbClientConfiguration], ParameterBindingException\n")
    }

    @Test func chunkingCutsAtWidthMinusSix() {
        #expect(ErrorView.indentedChunks("abcdefgh", 3) == "    abc    def    gh")
        #expect(ErrorView.indentedChunks("abcdef", 3) == "    abc    def")
        #expect(ErrorView.indentedChunks("ab\ncdef", 3) == "    ab\n    cde    f")
    }

    @Test func wordWrapKeepsTheSpaceAndCutsLongWords() {
        #expect(TextLayout.generateLines("aaa bbb ccc", firstLineLength: 8, followingLinesLength: 8)
                == ["aaa bbb ", "ccc"])
        #expect(TextLayout.generateLines("abcdefghij", firstLineLength: 4, followingLinesLength: 4)
                == ["abcd", "efgh", "ij"])
        #expect(TextLayout.generateLines("a\n\nb", firstLineLength: 4, followingLinesLength: 4) == ["a", "", "b"])
        #expect(TextLayout.generateLines("", firstLineLength: 4, followingLinesLength: 4) == [""])
    }

    // MARK: ConciseView

    @Test func conciseViewOneLine() {
        let line = "Set-SmbClientConfiguration -KeepConn abc"
        let record = Self.bindingError(line, squiggle: Self.extent(of: "abc", in: line),
            message: "Cannot process argument transformation on parameter 'KeepConn'. Cannot convert value \"abc\" "
                + "to type \"System.UInt32\". Error: \"The input string 'abc' was not in a correct format.\"",
            errorId: "ParameterArgumentTransformationError", category: .InvalidData, exception: Self.transformation)
        #expect(ErrorView.render(record, view: .conciseView, width: 120) == "Set-SmbClientConfiguration: Cannot process "
            + "argument transformation on parameter 'KeepConn'. Cannot convert value \"abc\" to type \"System.UInt32\". "
            + "Error: \"The input string 'abc' was not in a correct format.\"\n")
    }

    @Test func conciseViewScriptParseError() {
        let text = "Write-Output 'x'\nWrite-Output 'a' )\n"
        let offset = text.utf8.count - 2
        let error = ParseError(errorId: "UnexpectedToken", message: "Unexpected token ')' in expression or statement.",
                               extent: SourceExtent(offset, offset + 1), incompleteInput: false)
        let record = ErrorView.parseErrorRecord(Self.parseResult(text, file: "C:\\labs\\t.ps1", errors: [error]),
                                                fromFile: true)
        #expect(ErrorView.render(record, view: .conciseView, width: 120) == """
            ParserError: C:\\labs\\t.ps1:2
            Line |
               2 |  Write-Output 'a' )
                 |                   ~
                 | Unexpected token ')' in expression or statement.
            \n
            """)
    }

    @Test func conciseViewWrapsLongMessagesWithTheBarPrefix() {
        let source = ScriptSource(text: "x\nGet-Thing", file: "/t.ps1")
        let info = InvocationInfo(myCommand: "Get-Thing", commandKind: .function, source: source,
                                  extent: SourceExtent(2, 11))
        let record = ErrorRecord(exception: PSExceptionObject(typeName: "System.Exception",
                                                              message: "one two three four five six"),
                                 errorId: "X", category: .NotSpecified, targetObject: .null, invocationInfo: info)
        let text = ErrorView.render(record, view: .conciseView, width: 20)
        #expect(text == "Get-Thing: /t.ps1:2\nLine |\n   2 |  Get-Thing\n     |  ~~~~~~~~~\n     | one two\n"
                + "     | three four\n     | five six\n\n")
    }
}

/// Reads a whole file as UTF-8 (the golden outputs).
func readFile(_ path: String) throws -> String {
    struct Missing: Error { let path: String }
    guard let handle = fopen(path, "rb") else { throw Missing(path: path) }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, handle)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

#if canImport(Glibc)
import Glibc
#endif
