import EmulatedHost
import ShellEngine

/// Start-Process for the Windows programs the console has built in (dism.exe, sc.exe, net.exe,
/// reg.exe, …): the program runs in process; with -NoNewWindow its lines reach the console, in a
/// new window they are not seen. Any other program is not found, as nothing on the machine is run.
enum StartProcessCmdlet {
    static var programs: [String: NativeTool.Type] { [
        "reg": RegTool.self, "sc": ScTool.self, "net": NetTool.self, "hostname": HostnameTool.self, "whoami": WhoamiTool.self,
        "systeminfo": SystemInfoTool.self, "gpupdate": GpupdateTool.self, "auditpol": AuditpolTool.self, "dism": DismTool.self,
    ] }

    /// The built-in program a file path names (`dism`, `dism.exe`, `C:\Windows\System32\dism.exe`).
    static func program(_ path: String) -> NativeTool.Type? {
        var name = path.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init)?.lowercased() ?? ""
        if name.hasSuffix(".exe") { name.removeLast(4) }
        return programs[name]
    }

    /// The command line split as a program's argv (CommandLineToArgvW: spaces separate, double
    /// quotes group).
    static func split(_ line: String) -> [String] {
        var result: [String] = [], current = "", quoted = false, started = false
        for character in line {
            if character == "\"" { quoted.toggle(); started = true; continue }
            if character == " " && !quoted {
                if started { result.append(current) }
                current = ""
                started = false
                continue
            }
            current.append(character)
            started = true
        }
        if started { result.append(current) }
        return result
    }

    static func definition(module: String) -> CmdletDefinition {
        CmdletDefinition(metadata: CommandMetadata(
            name: "Start-Process", module: module,
            implementation: .compiled(className: "Microsoft.PowerShell.Commands.StartProcessCommand"),
            parameters: [
                ParameterMetadata("FilePath", .string, aliases: ["PSPath"], position: 0, mandatory: true,
                                  help: "Specifies the program to run."),
                ParameterMetadata("ArgumentList", .array(.string), aliases: ["Args"], position: 1,
                                  help: "Specifies the arguments of the program, joined by spaces into its command line."),
                ParameterMetadata("Credential", .object, aliases: ["RunAs"], help: "Specifies a user account to run the program as."),
                ParameterMetadata("WorkingDirectory", .string, help: "Specifies the folder the program starts in."),
                ParameterMetadata("LoadUserProfile", .switchParameter, aliases: ["Lup"], help: "Loads the user profile."),
                ParameterMetadata("NoNewWindow", .switchParameter, aliases: ["nnw"], help: "Runs the program in the console's window."),
                ParameterMetadata("PassThru", .switchParameter, help: "Returns a process object for the program."),
                ParameterMetadata("RedirectStandardError", .string, aliases: ["RSE"], help: "Sends the program's errors to a file."),
                ParameterMetadata("RedirectStandardInput", .string, aliases: ["RSI"], help: "Reads the program's input from a file."),
                ParameterMetadata("RedirectStandardOutput", .string, aliases: ["RSO"], help: "Sends the program's output to a file."),
                ParameterMetadata("Verb", .string, help: "Specifies a verb to use when starting the program (RunAs)."),
                ParameterMetadata("Wait", .switchParameter, help: "Waits for the program to end."),
                ParameterMetadata("WindowStyle", .string, validations: [.set(["Normal", "Hidden", "Minimized", "Maximized"], ignoreCase: true)],
                                  help: "Specifies the state of the program's window."),
                ParameterMetadata("UseNewEnvironment", .switchParameter, help: "Uses new environment variables."),
            ],
            synopsis: "Starts one or more processes on the local computer.",
            description: "Starts a program. The Windows programs built into the console (dism, sc, net, reg, whoami, systeminfo, gpupdate, auditpol, hostname) run at once; -PassThru returns an object with their ExitCode.",
            examples: [HelpExample(code: "Start-Process dism.exe -ArgumentList '/online /disable-feature /featurename:SMB1Protocol /norestart' -Wait -NoNewWindow",
                                   remarks: "Turns SMB1 off with dism and shows its output."),
                       HelpExample(code: "(Start-Process sc.exe -ArgumentList 'stop lanmanserver' -Wait -PassThru).ExitCode",
                                   remarks: "Runs sc.exe and returns its exit code.")],
            outputType: "System.Diagnostics.Process")) { StartProcess() }
    }
}

final class StartProcess: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let path = context.string("FilePath") ?? ""
        guard let program = StartProcessCmdlet.program(path) else {
            return try context.writeError(context.errorRecord(
                message: "This command cannot be run due to the error: The system cannot find the file specified.",
                errorId: "InvalidOperationException", category: .InvalidOperation,
                exceptionType: "System.InvalidOperationException"))
        }
        let line = (context.value("ArgumentList").map { ($0.enumerated ?? [$0]).map { LanguagePrimitives.toString($0) } } ?? [])
            .joined(separator: " ")
        let arguments = StartProcessCmdlet.split(line)
        let engine = context.engine
        let visible = context.switchValue("NoNewWindow")
        let saved = context.output
        var lines: [String] = []
        context.output = { value throws(EvalError) in lines.append(LanguagePrimitives.toString(value)) }
        let code: Int32
        do {
            code = try program.run(arguments, context)
        } catch {
            context.output = saved
            throw error
        }
        context.output = saved
        if visible { for text in lines { engine.host.write(text + "\n", stream: .output) } }
        if let file = context.string("RedirectStandardOutput") {
            try? engine.writeTextFile(file, lines.map { $0 + "\r\n" }.joined(), append: false, encoding: .oem)
        }
        guard context.switchValue("PassThru") else { return }
        var name = path.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init) ?? path
        if name.lowercased().hasSuffix(".exe") { name.removeLast(4) }
        try context.writeObject(.object(WindowsObject(typeNames: ["System.Diagnostics.Process", "System.ComponentModel.Component",
                                                               "System.MarshalByRefObject"], properties: [
            ("Name", .string(name)), ("Id", .int32(4000 + Int32(abs(code % 1000)))), ("ProcessName", .string(name)),
            ("HasExited", .bool(true)), ("ExitCode", .int32(code)), ("Handles", .int32(0)),
        ], text: "System.Diagnostics.Process (\(name))")))
    }
}
