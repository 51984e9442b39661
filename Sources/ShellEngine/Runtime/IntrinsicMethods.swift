import FoundationEssentials

/// PowerShell's own methods, which no .NET type declares: `.ForEach()`/`.Where()` on collections
/// and `.Invoke()` on script blocks.
package enum IntrinsicMethods {
    package static func invoke(_ target: PSValue, _ name: String, _ args: [PSValue], engine: Engine) throws -> PSValue? {
        switch target {
        case .array(let a):
            switch name {
            case "foreach":
                guard case .scriptBlock(let block)? = args.first else { return nil }
                let collector = OutputCollector()
                for item in a.items { _ = try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: item, output: collector.sink) }
                return .array(PSArray(collector.items))
            case "where":
                guard case .scriptBlock(let block)? = args.first else { return nil }
                var results: [PSValue] = []
                for item in a.items where LanguagePrimitives.isTrue(try engine.invokeScriptBlockInCurrentScope(block, dollarUnder: item)) {
                    results.append(item)
                }
                return .array(PSArray(results))
            default: return nil
            }
        case .scriptBlock(let block):
            switch name {
            // Invoke returns Collection<PSObject> (even for one object or none); InvokeReturnAsIs the output as it is.
            case "invoke":
                return .array(PSArray(try engine.invokeScriptBlockOutput(block, arguments: args), elementTypeName: "System.Management.Automation.PSObject",
                    collectionType: GenericName.fullName("System.Collections.ObjectModel.Collection`1",
                                                         ["System.Management.Automation.PSObject"])))
            case "invokereturnasis": return try engine.invokeScriptBlock(block, arguments: args)
            // The shell's script blocks resolve variables when they run; the closure is the block itself.
            case "getnewclosure": return target
            default: return nil
            }
        default:
            return nil
        }
    }
}

extension PSValue {
    /// Int64 results that fit in Int32 become Int32, as .NET overloads would return.
    package var narrowed: PSValue {
        if case .int64(let v) = self, let i = Int32(exactly: v) { return .int32(i) }
        return self
    }
}
