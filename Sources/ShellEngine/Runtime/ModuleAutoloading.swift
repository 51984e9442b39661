import CmdletParser
import FoundationEssentials

/// Command discovery as 5.1 does it: a command no loaded module has is looked for in the
/// modules of `$env:PSModulePath`, and the module that defines it is imported first.
extension Engine {
    package func resolveCommandAutoloading(_ name: String) throws -> ResolvedCommand {
        let resolved = resolveCommand(name)
        guard case .notFound = resolved, let module = autoloadCandidate(for: name) else { return resolved }
        let importing = Parser.parseInput("param($p) Import-Module -Name $p -ErrorAction Stop")
        _ = try? invokeScriptBlock(ScriptBlock(ast: importing.ast), arguments: [.string(module)])
        return resolveCommand(name)
    }

    /// The module file (in a folder of `$env:PSModulePath`) whose text defines or exports `name`.
    private func autoloadCandidate(for name: String) -> String? {
        guard name.contains("-"), !name.contains("/"), !name.contains("\\"),
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        let wanted = name.lowercased()
        let folders = (sessionState.environment["PSModulePath"] ?? "").split(separator: ";").map(String.init)
        for folder in folders where folder.hasPrefix("/") {
            for module in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                for file in [folder + "/" + module + "/" + module + ".psm1", folder + "/" + module + "/" + module + ".psd1"] {
                    guard let text = readTextFile(file)?.lowercased() else { continue }
                    if text.contains("function " + wanted) || text.contains("'" + wanted + "'")
                        || text.contains("\"" + wanted + "\"") {
                        return folder + "/" + module
                    }
                }
            }
        }
        return nil
    }
}
