import CmdletParser

/// `{ … }` as a value: its syntax tree and the text PowerShell shows for it.
public final class ScriptBlock {
    public let ast: ScriptBlockAst

    public init(ast: ScriptBlockAst) {
        self.ast = ast
    }

    /// ScriptBlock.ToString(): the text between the braces.
    public var text: String {
        let whole = ast.source.text(of: ast.extent)
        if whole.hasPrefix("{") && whole.hasSuffix("}") { return String(whole.dropFirst().dropLast()) }
        return whole
    }
}
