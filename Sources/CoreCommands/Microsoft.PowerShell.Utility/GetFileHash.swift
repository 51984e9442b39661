import ShellEngine

/// Get-FileHash: Microsoft.Powershell.Utility.FileHash objects (Algorithm, upper-case Hash, Path)
/// of files named by path or of a stream given as -InputStream.
final class GetFileHash: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let algorithm = HashAlgorithm(name: context.string("Algorithm") ?? "SHA256") ?? .sha256
        guard context.has("Path") || context.has("LiteralPath") else { return }
        try context.forEachFileContent { path, bytes in
            let hash = algorithm.digest(bytes).map { byte in
                let digits = String(byte, radix: 16, uppercase: true)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
            let o = PSCustomObject(typeNames: ["Microsoft.Powershell.Utility.FileHash", "System.Object"])
            o.add("Algorithm", .string(algorithm.rawValue), typeName: "System.String")
            o.add("Hash", .string(hash), typeName: "System.String")
            o.add("Path", .string(path.path), typeName: "System.String")
            try context.writeObject(.object(o))
        }
    }
}
