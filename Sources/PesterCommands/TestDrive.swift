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
