#if canImport(Glibc)
import Glibc
#endif

/// The digests Get-FileHash offers (System.Security.Cryptography's SHA1, SHA256, SHA384, SHA512
/// and MD5), computed in Swift over the file's bytes.
enum HashAlgorithm: String, CaseIterable {
    case sha1 = "SHA1", sha256 = "SHA256", sha384 = "SHA384", sha512 = "SHA512", md5 = "MD5"

    init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.caseInsensitiveEquals(name) }) else { return nil }
        self = match
    }

    func digest(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha1: return Self.sha1(bytes)
        case .sha256: return Self.sha2(bytes, initial: Self.sha256Initial, k: Self.k256, Self.rotations32)
        case .sha384: return Array(Self.sha2(bytes, initial: Self.sha384Initial, k: Self.k512, Self.rotations64).prefix(48))
        case .sha512: return Self.sha2(bytes, initial: Self.sha512Initial, k: Self.k512, Self.rotations64)
        case .md5: return Self.md5(bytes)
        }
    }

    /// The message padded to whole blocks: 0x80, zeros, and the bit length (big or little endian).
    private static func padded(_ bytes: [UInt8], block: Int, lengthBytes: Int, bigEndian: Bool) -> [UInt8] {
        var message = bytes
        message.append(0x80)
        while message.count % block != block - lengthBytes { message.append(0) }
        let bits = UInt64(bytes.count) &* 8
        var length = (0..<8).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) }
        if bigEndian { length.reverse() }
        message += Array(repeating: 0, count: lengthBytes - 8) + (bigEndian ? length : [])
        if !bigEndian { message += length }
        return message
    }

    private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }

    private static func bigEndianWords(_ block: ArraySlice<UInt8>) -> [UInt32] {
        stride(from: block.startIndex, to: block.endIndex, by: 4).map { (i: Int) -> UInt32 in
            let high: UInt32 = UInt32(block[i]) << 24 | UInt32(block[i + 1]) << 16
            return high | UInt32(block[i + 2]) << 8 | UInt32(block[i + 3])
        }
    }

    private static func bytes(_ words: [UInt32], bigEndian: Bool = true) -> [UInt8] {
        words.flatMap { w in bigEndian ? [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: w >> $0) }
                                       : [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: w >> $0) } }
    }

    private static func sha1(_ input: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        let message = padded(input, block: 64, lengthBytes: 8, bigEndian: true)
        for start in stride(from: 0, to: message.count, by: 64) {
            var w = bigEndianWords(message[start..<start + 64])
            for t in 16..<80 { w.append(rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1)) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for t in 0..<80 {
                let (f, k): (UInt32, UInt32) = t < 20 ? ((b & c) | (~b & d), 0x5A827999)
                    : t < 40 ? (b ^ c ^ d, 0x6ED9EBA1) : t < 60 ? ((b & c) | (b & d) | (c & d), 0x8F1BBCDC) : (b ^ c ^ d, 0xCA62C1D6)
                let temp = rotl(a, 5) &+ f &+ e &+ k &+ w[t]
                (e, d, c, b, a) = (d, c, rotl(b, 30), a, temp)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return bytes(h)
    }

    private static let k256: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
        0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
        0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
        0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
        0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
        0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private static let sha256Initial: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]

    /// The rotation and shift counts of one SHA-2 word size (FIPS 180-4's σ0, σ1, Σ0, Σ1).
    private struct SHA2Rotations {
        let sigma0: (Int, Int, Int), sigma1: (Int, Int, Int), bigSigma0: (Int, Int, Int), bigSigma1: (Int, Int, Int)
    }

    private static let rotations32 = SHA2Rotations(sigma0: (7, 18, 3), sigma1: (17, 19, 10), bigSigma0: (2, 13, 22), bigSigma1: (6, 11, 25))
    private static let rotations64 = SHA2Rotations(sigma0: (1, 8, 7), sigma1: (19, 61, 6), bigSigma0: (28, 34, 39), bigSigma1: (14, 18, 41))

    private static func rotr<W: FixedWidthInteger>(_ x: W, _ n: Int) -> W { x >> n | x << (W.bitWidth - n) }

    private static func sigma<W: FixedWidthInteger>(_ x: W, _ r: (Int, Int, Int), shiftLast: Bool) -> W {
        rotr(x, r.0) ^ rotr(x, r.1) ^ (shiftLast ? x >> r.2 : rotr(x, r.2))
    }

    /// SHA-256 (32-bit words, 64 rounds) and SHA-384/512 (64-bit words, 80 rounds).
    private static func sha2<W: FixedWidthInteger & UnsignedInteger>(_ input: [UInt8], initial: [W], k: [W],
                                                                     _ r: SHA2Rotations) -> [UInt8] {
        let wordBytes = W.bitWidth / 8, block = wordBytes * 16
        var h = initial
        let message = padded(input, block: block, lengthBytes: wordBytes * 2, bigEndian: true)
        for start in stride(from: 0, to: message.count, by: block) {
            var w: [W] = (0..<16).map { i in
                (0..<wordBytes).reduce(W(0)) { word, j in word << 8 | W(message[start + i * wordBytes + j]) }
            }
            for t in 16..<k.count {
                let s0 = sigma(w[t - 15], r.sigma0, shiftLast: true), s1 = sigma(w[t - 2], r.sigma1, shiftLast: true)
                w.append(w[t - 16] &+ s0 &+ w[t - 7] &+ s1)
            }
            var v = h
            for t in 0..<k.count {
                let choose = (v[4] & v[5]) ^ (~v[4] & v[6])
                let t1 = v[7] &+ sigma(v[4], r.bigSigma1, shiftLast: false) &+ choose &+ k[t] &+ w[t]
                let majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2])
                let t2 = sigma(v[0], r.bigSigma0, shiftLast: false) &+ majority
                v = [t1 &+ t2, v[0], v[1], v[2], v[3] &+ t1, v[4], v[5], v[6]]
            }
            for i in 0..<8 { h[i] = h[i] &+ v[i] }
        }
        return h.flatMap { word in stride(from: W.bitWidth - 8, through: 0, by: -8).map { UInt8(truncatingIfNeeded: word >> $0) } }
    }

    private static let sha512Initial: [UInt64] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ]
    private static let sha384Initial: [UInt64] = [
        0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
        0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
    ]
    private static let k512: [UInt64] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
        0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
        0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ]

    private static let md5Shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
    private static let md5Constants: [UInt32] = (0..<64).map { i in
        // floor(abs(sin(i + 1)) * 2^32), as RFC 1321 defines them.
        UInt32(truncatingIfNeeded: Int64((abs(sin(Double(i + 1))) * 4_294_967_296).rounded(.down)))
    }

    private static func md5(_ input: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]
        let message = padded(input, block: 64, lengthBytes: 8, bigEndian: false)
        for start in stride(from: 0, to: message.count, by: 64) {
            let m: [UInt32] = stride(from: start, to: start + 64, by: 4).map { (i: Int) -> UInt32 in
                let low: UInt32 = UInt32(message[i]) | UInt32(message[i + 1]) << 8
                return low | UInt32(message[i + 2]) << 16 | UInt32(message[i + 3]) << 24
            }
            var (a, b, c, d) = (h[0], h[1], h[2], h[3])
            for i in 0..<64 {
                let (f, g): (UInt32, Int) = i < 16 ? ((b & c) | (~b & d), i) : i < 32 ? ((d & b) | (~d & c), (5 * i + 1) % 16)
                    : i < 48 ? (b ^ c ^ d, (3 * i + 5) % 16) : (c ^ (b | ~d), (7 * i) % 16)
                let rotated = rotl(a &+ f &+ md5Constants[i] &+ m[g], md5Shifts[i / 16 * 4 + i % 4])
                (a, d, c, b) = (d, c, b, b &+ rotated)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d]
        }
        return bytes(h, bigEndian: false)
    }
}
