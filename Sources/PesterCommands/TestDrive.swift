import CmdletParser
import FoundationEssentials
import ShellEngine

/// TestDrive: a fresh folder under %TEMP% for each top-level Describe, as the `TestDrive:` drive
/// and `$TestDrive`, removed with its contents when the Describe ends.
enum TestDrive {
    static func create(_ engine: Engine) -> String? {
        let setUp = """
            param($id)
            $path = "$env:TEMP\\$id"
            $null = New-Item -ItemType Directory -Path $path -Force -ErrorAction Stop
            $null = New-PSDrive -Name TestDrive -PSProvider FileSystem -Root $path -ErrorAction SilentlyContinue
            $path
            """
        guard let path = try? run(engine, setUp, [.string(UUID().uuidString.lowercased())]), !path.isNull else { return nil }
        return LanguagePrimitives.toString(path)
    }

    static func remove(_ engine: Engine, _ path: String) {
        _ = try? run(engine, """
            param($path)
            Remove-PSDrive -Name TestDrive -ErrorAction SilentlyContinue
            Remove-Item -LiteralPath $path -Recurse -Force -ErrorAction SilentlyContinue
            """, [.string(path)])
    }

    static func run(_ engine: Engine, _ text: String, _ arguments: [PSValue]) throws -> PSValue {
        try asInTry(engine) { try engine.invokeScriptBlock(ScriptBlock(ast: Parser.parseInput(text).ast), arguments: arguments) }
    }
}

/// In: runs a script block with the location set to a folder, then returns to where it was.
final class InCommand: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let path = context.value("Path"), let block = scriptBlock(context.value("Execute")) else { return }
        _ = try TestDrive.run(context.engine, "param($p, $b) Push-Location -Path $p; try { . $b } finally { Pop-Location }",
                              [path, .scriptBlock(block)])
    }
}

/// InModuleScope: the shell's modules have no script scope of their own, so the block runs in
/// the caller's scope.
final class InModuleScope: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let block = scriptBlock(context.value("ScriptBlock")) else { return }
        _ = try context.engine.invokeScriptBlockInCurrentScope(block, dollarUnder: .null, output: context.output)
    }
}

/// Setup (kept by 3.4 for older tests): creates a folder (-Dir) or a file with -Content (-File)
/// in TestDrive; -PassThru returns the item.
final class SetupCommand: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let script = """
            param($dir, $file, $path, $content, $passThru)
            $root = Get-PSDrive TestDrive | Select-Object -ExpandProperty Root
            if ($dir) { $item = New-Item -Name $path -Path "$root\\" -Type Container -Force }
            if ($file) { $item = $content | New-Item -Name $path -Path "$root\\" -Type File -Force }
            if ($passThru) { $item }
            """
        let content = context.value("Content") ?? .string("")
        let result = try TestDrive.run(context.engine, script, [
            .bool(context.switchValue("Dir")), .bool(context.switchValue("File")), context.value("Path") ?? .null, content,
            .bool(context.switchValue("PassThru")),
        ])
        for item in result.enumerated ?? (result.isNull ? [] : [result]) { try context.writeObject(item) }
    }
}
