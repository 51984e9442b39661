// The syntax tree, named and shaped after System.Management.Automation.Language so that anyone who
// knows PowerShell's AST finds their way. Nodes are immutable; every node carries its extent.

/// A half-open range of UTF-8 byte offsets into a `ScriptSource`.
public struct SourceExtent: Sendable, Hashable {
    public var startOffset: Int
    public var endOffset: Int

    public init(_ startOffset: Int, _ endOffset: Int) {
        self.startOffset = startOffset
        self.endOffset = endOffset
    }

    public static let empty = SourceExtent(0, 0)

    /// The smallest extent covering both.
    public func union(_ other: SourceExtent) -> SourceExtent {
        SourceExtent(Swift.min(startOffset, other.startOffset), Swift.max(endOffset, other.endOffset))
    }
}

/// The base of every node.
public class Ast: @unchecked Sendable {
    public let extent: SourceExtent

    init(extent: SourceExtent) {
        self.extent = extent
    }
}
