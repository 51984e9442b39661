import ShellTestSupport
import Testing

/// System.Security.Cryptography's hash classes, with the standard test vectors.
@Suite struct CryptographyTypeTests {
    @Test(arguments: [
        ("[BitConverter]::ToString((New-Object Security.Cryptography.SHA1CryptoServiceProvider).ComputeHash([Text.Encoding]::ASCII.GetBytes('abc')))",
         "A9-99-3E-36-47-06-81-6A-BA-3E-25-71-78-50-C2-6C-9C-D0-D8-9D"),
        ("([Security.Cryptography.SHA256]::Create().ComputeHash([byte[]](97,98,99)) | % { $_.ToString('x2') }) -join ''",
         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("[BitConverter]::ToString([Security.Cryptography.MD5]::Create().ComputeHash([byte[]]@())) -replace '-'",
         "D41D8CD98F00B204E9800998ECF8427E"),
        ("$h = [Security.Cryptography.HashAlgorithm]::Create('SHA512'); [void]$h.ComputeHash([byte[]](1,2,3), 1, 2); $h.Hash.Count; $h.HashSize", "64\n512"),
        ("[Security.Cryptography.HashAlgorithm]::Create('MD5').GetType().FullName", "System.Security.Cryptography.MD5CryptoServiceProvider"),
        ("(New-Object Security.Cryptography.SHA256Managed) -is [Security.Cryptography.HashAlgorithm]", "True"),
    ])
    func hashes(_ script: String, _ expected: String) {
        #expect(run(script) == expected + "\n")
    }

    @Test func computeHashChecksItsArguments() {
        #expect(run("[Security.Cryptography.SHA1]::Create().ComputeHash([byte[]](1,2), 1, 5)").contains("Value was invalid."))
        #expect(run("[Security.Cryptography.SHA1]::Create().Hash").contains("Hash must be finalized before the hash value is retrieved."))
    }
}
