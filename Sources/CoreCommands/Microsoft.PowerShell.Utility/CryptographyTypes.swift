import ShellEngine

/// System.Security.Cryptography's hash algorithms over the digests Get-FileHash uses:
/// `[Security.Cryptography.SHA256]::Create().ComputeHash($bytes)`,
/// `New-Object Security.Cryptography.SHA1CryptoServiceProvider`.
enum CryptographyTypes {
    static let namespace = "System.Security.Cryptography."

    /// The concrete classes of each algorithm, and the abstract class whose Create() makes the first.
    static let classes: [(algorithm: HashAlgorithm, abstract: String, concrete: [String])] = [
        (.md5, "MD5", ["MD5CryptoServiceProvider"]),
        (.sha1, "SHA1", ["SHA1CryptoServiceProvider", "SHA1Managed", "SHA1Cng"]),
        (.sha256, "SHA256", ["SHA256Managed", "SHA256CryptoServiceProvider", "SHA256Cng"]),
        (.sha384, "SHA384", ["SHA384Managed", "SHA384CryptoServiceProvider", "SHA384Cng"]),
        (.sha512, "SHA512", ["SHA512Managed", "SHA512CryptoServiceProvider", "SHA512Cng"]),
    ]

    /// The last hash an instance computed (its Hash property).
    final class State: @unchecked Sendable {
        let algorithm: HashAlgorithm
        var hash: [UInt8]?
        init(_ algorithm: HashAlgorithm) { self.algorithm = algorithm }
    }

    static func all() -> [DotNetType] {
        var types = [base]
        for entry in classes {
            let concrete = namespace + entry.concrete[0]
            types.append(DotNetType(namespace + entry.abstract, base: namespace + "HashAlgorithm") { t in
                t.staticMethod("Create", namespace + entry.abstract) { c in c.make(concrete, State(entry.algorithm)) }
            })
            for name in entry.concrete {
                types.append(DotNetType(namespace + name, base: namespace + entry.abstract) { t in
                    t.constructor { c in c.make(namespace + name, State(entry.algorithm)) }
                })
            }
        }
        return types
    }

    static let base = DotNetType(namespace + "HashAlgorithm", interfaces: ["System.IDisposable"]) { t in
        @Sendable func state(_ c: DotNetCall) -> State { c.payload(State.self) ?? State(.sha256) }
        t.staticMethod("Create", namespace + "HashAlgorithm") { c in c.make(namespace + "SHA1CryptoServiceProvider", State(.sha1)) }
        t.staticMethod("Create", namespace + "HashAlgorithm", "string hashName") { c in
            let name = c.text(0).split(separator: ".").last.map(String.init) ?? ""
            guard let entry = classes.first(where: { e in
                e.algorithm.rawValue.caseInsensitiveEquals(name) || e.concrete.contains { $0.caseInsensitiveEquals(name) }
            }) else { return .null }
            return c.make(namespace + entry.concrete[0], State(entry.algorithm))
        }
        t.method("ComputeHash", "byte[]", "byte[] buffer") { c in
            let s = state(c)
            s.hash = s.algorithm.digest(try ConvertTypes.byteArgument(c, 0, "buffer"))
            return ConvertTypes.bytes(s.hash!)
        }
        t.method("ComputeHash", "byte[]", "byte[] buffer, int offset, int count") { c in
            let buffer = try ConvertTypes.byteArgument(c, 0, "buffer"), offset = c.int64(1), count = c.int64(2)
            guard offset >= 0 else { throw DotNetException.outOfRange("offset", "Non-negative number required.") }
            guard count >= 0, count <= Int64(buffer.count) - offset else {
                throw DotNetException.argument("Value was invalid.")
            }
            let s = state(c)
            s.hash = s.algorithm.digest(Array(buffer[Int(offset)..<Int(offset + count)]))
            return ConvertTypes.bytes(s.hash!)
        }
        t.property("Hash", "byte[]") { c in
            guard let hash = state(c).hash else {
                throw DotNetException("System.Security.Cryptography.CryptographicUnexpectedOperationException",
                                      "Hash must be finalized before the hash value is retrieved.")
            }
            return ConvertTypes.bytes(hash)
        }
        t.property("HashSize", "int") { c in .int32(Int32(state(c).algorithm.digest([]).count * 8)) }
        t.property("CanReuseTransform", "bool") { _ in .bool(true) }
        t.method("Clear", "void") { c in state(c).hash = nil; return .null }
        t.method("Dispose", "void") { _ in .null }
        t.method("Initialize", "void") { _ in .null }
    }
}
