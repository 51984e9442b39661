import ShellEngine

/// Add-Type: the .NET Framework assemblies a Windows machine has load silently; C# source is not
/// compiled here, so it fails as a compilation that reported errors does.
final class AddType: Cmdlet {
    /// Assemblies of the .NET Framework 4.x global assembly cache that scripts load by name.
    static let knownAssemblies: Set<String> = [
        "mscorlib", "system", "system.core", "system.data", "system.xml", "system.xml.linq", "system.drawing",
        "system.windows.forms", "system.web", "system.web.extensions", "system.net", "system.net.http",
        "system.io.compression", "system.io.compression.filesystem", "system.security", "system.management",
        "system.management.automation", "system.directoryservices", "system.directoryservices.accountmanagement",
        "system.directoryservices.protocols", "system.serviceprocess", "system.configuration",
        "system.runtime.serialization", "system.transactions", "system.numerics", "system.speech", "microsoft.csharp",
        "microsoft.visualbasic", "presentationframework", "presentationcore", "windowsbase", "system.xaml",
        "system.runtime.interopservices", "system.componentmodel.dataannotations", "system.deployment",
        "system.enterpriseservices", "system.printing", "system.messaging", "system.security.cryptography",
    ]

    func process(_ context: CommandContext, input: PSValue?) throws {
        if let names = context.value("AssemblyName").map({ $0.enumerated ?? [$0] }) {
            for value in names {
                let name = LanguagePrimitives.toString(value)
                let simple = name.split(separator: ",").first.map { String($0).trimmedWhitespace.lowercased() } ?? ""
                guard !Self.knownAssemblies.contains(simple) else { continue }
                try context.writeError(context.errorRecord(
                    message: "Cannot add type. The assembly '\(name)' could not be found.", errorId: "ASSEMBLY_NOT_FOUND",
                    category: .ObjectNotFound, exceptionType: "System.Exception", target: .string(name)))
            }
            return
        }
        if context.has("Path") || context.has("LiteralPath") {
            let path = context.string("Path") ?? context.string("LiteralPath") ?? ""
            if path.lowercased().hasSuffix(".dll") {
                try context.writeError(context.errorRecord(
                    message: "Could not load file or assembly '\(path)' or one of its dependencies. The system cannot find the file specified.",
                    errorId: "System.IO.FileNotFoundException", category: .NotSpecified,
                    exceptionType: "System.IO.FileNotFoundException"))
                return
            }
        }
        try context.throwTerminatingError(context.errorRecord(
            message: "Cannot add type. Compilation errors occurred.", errorId: "COMPILER_ERRORS", category: .InvalidData,
            exceptionType: "System.InvalidOperationException"))
    }
}
