import ShellEngine

final class GetLocation: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let o = PSCustomObject(typeNames: ["System.Management.Automation.PathInfo", "System.Object"])
        o.add("Path", .string("C:\\"))
        try context.writeObject(.object(o))
    }
}

final class JoinPath: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let child = context.string("ChildPath") ?? ""
        for path in (context.value("Path")?.enumerated ?? []).map({ LanguagePrimitives.toString($0) }) {
            let separator = path.hasSuffix("\\") || path.hasSuffix("/") || child.hasPrefix("\\") ? "" : "\\"
            try context.writeObject(.string(path + separator + child))
        }
    }
}

final class SplitPath: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        for path in (context.value("Path")?.enumerated ?? []).map({ LanguagePrimitives.toString($0) }) {
            let cut = path.lastIndex { $0 == "\\" || $0 == "/" }
            if context.switchValue("Leaf") {
                try context.writeObject(.string(cut.map { String(path[path.index(after: $0)...]) } ?? path))
            } else {
                try context.writeObject(.string(cut.map { String(path[..<$0]) } ?? ""))
            }
        }
    }
}
