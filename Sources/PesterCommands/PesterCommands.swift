import ShellEngine

/// The command table of the Pester module.
enum PesterCommands {
    static let names = ["Describe", "Context", "It", "BeforeEach", "AfterEach", "BeforeAll", "AfterAll",
                        "Should", "Invoke-Pester", "Set-TestInconclusive", "Mock", "Invoke-PesterMock",
                        "Assert-MockCalled", "Assert-VerifiableMocks", "In", "InModuleScope", "Setup"]

    static func definitions() -> [CmdletDefinition] {
        let module = PesterModule.name
        func command(_ name: String, _ parameters: [ParameterMetadata], _ synopsis: String,
                     _ make: @escaping () -> Cmdlet) -> CmdletDefinition {
            CmdletDefinition(metadata: CommandMetadata(name: name, module: module, implementation: .function,
                                                       parameters: parameters, synopsis: synopsis), make: make)
        }
        let block = { (name: String) -> [ParameterMetadata] in
            [ParameterMetadata("Name", .string, position: 0, mandatory: true),
             ParameterMetadata("Tags", .array(.string), aliases: ["Tag"]),
             ParameterMetadata("Fixture", .scriptBlock, position: 1)]
        }
        let hook = [ParameterMetadata("Scriptblock", .scriptBlock, position: 0, mandatory: true)]
        return [
            command("Describe", block("Describe"), "Groups tests; prints Describing <Name>.") { BlockCommand(kind: .describe) },
            command("Context", block("Context"), "Groups tests inside a Describe.") { BlockCommand(kind: .context) },
            command("It", [ParameterMetadata("Name", .string, position: 0, mandatory: true),
                           ParameterMetadata("Test", .scriptBlock, position: 1),
                           ParameterMetadata("TestCases", .array(.hashtable)),
                           ParameterMetadata("Pending", .switchParameter),
                           ParameterMetadata("Skip", .switchParameter, aliases: ["Ignore"])],
                    "Runs one test.") { ItCommand() },
            command("BeforeEach", hook, "Runs before each It of its Describe or Context.") { HookCommand(kind: .beforeEach) },
            command("AfterEach", hook, "Runs after each It of its Describe or Context.") { HookCommand(kind: .afterEach) },
            command("BeforeAll", hook, "Runs once before the Its of its Describe or Context.") { HookCommand(kind: .beforeAll) },
            command("AfterAll", hook, "Runs once after the Its of its Describe or Context.") { HookCommand(kind: .afterAll) },
            command("Should", ShouldCommand.parameters, "Asserts a value.") { ShouldCommand() },
            command("Set-TestInconclusive", [ParameterMetadata("Message", .string, position: 0)],
                    "Marks the running test inconclusive.") { SetInconclusive() },
            command("Mock", [ParameterMetadata("CommandName", .string, position: 0, mandatory: true),
                             ParameterMetadata("MockWith", .scriptBlock, position: 1),
                             ParameterMetadata("Verifiable", .switchParameter),
                             ParameterMetadata("ParameterFilter", .scriptBlock),
                             ParameterMetadata("ModuleName", .string)],
                    "Replaces a command within the current Describe, Context or It.") { MockCommand() },
            command("Invoke-PesterMock", [ParameterMetadata("CommandName", .string, position: 0, mandatory: true),
                                          ParameterMetadata("BoundParameters", .object, position: 1)],
                    "Runs a mocked command (called by the functions Mock defines).") { InvokeMock() },
            command("Assert-MockCalled", [ParameterMetadata("CommandName", .string, position: 0, mandatory: true),
                                          ParameterMetadata("Times", .int32, position: 1),
                                          ParameterMetadata("ParameterFilter", .scriptBlock),
                                          ParameterMetadata("ModuleName", .string),
                                          ParameterMetadata("Scope", .string),
                                          ParameterMetadata("Exactly", .switchParameter)],
                    "Checks how often a mocked command was called.") { AssertMockCalled() },
            command("Assert-VerifiableMocks", [], "Checks that every -Verifiable mock was called.") { AssertVerifiableMocks() },
            command("In", [ParameterMetadata("Path", .object, position: 0, mandatory: true),
                           ParameterMetadata("Execute", .scriptBlock, position: 1, mandatory: true)],
                    "Runs a script block with the location set to a folder.") { InCommand() },
            command("Setup", [ParameterMetadata("Dir", .switchParameter), ParameterMetadata("File", .switchParameter),
                              ParameterMetadata("Path", .object, position: 0), ParameterMetadata("Content", .object, position: 1),
                              ParameterMetadata("PassThru", .switchParameter)],
                    "Creates a file or folder in TestDrive.") { SetupCommand() },
            command("InModuleScope", [ParameterMetadata("ModuleName", .string, position: 0, mandatory: true),
                                      ParameterMetadata("ScriptBlock", .scriptBlock, position: 1, mandatory: true)],
                    "Runs a script block as if inside a module.") { InModuleScope() },
            command("Invoke-Pester", [ParameterMetadata("Script", .array(.object), aliases: ["Path", "relative_path"], position: 0),
                                      ParameterMetadata("TestName", .array(.string), aliases: ["Name"], position: 1),
                                      ParameterMetadata("EnableExit", .switchParameter, position: 2),
                                      ParameterMetadata("Tag", .array(.string), aliases: ["Tags"]),
                                      ParameterMetadata("ExcludeTag", .array(.string)),
                                      ParameterMetadata("PassThru", .switchParameter),
                                      ParameterMetadata("Quiet", .switchParameter),
                                      ParameterMetadata("OutputFile", .string),
                                      ParameterMetadata("OutputFormat", .string),
                                      ParameterMetadata("Strict", .switchParameter)],
                    "Runs *.Tests.ps1 files and summarises the results.") { InvokePester() },
        ]
    }
}
