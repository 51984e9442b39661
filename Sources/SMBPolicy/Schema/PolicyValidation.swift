// Validation of values before they reach the store.

/// A validation rule beyond the type itself.
public enum PolicyValidation: Sendable, Hashable {
    case none
    /// Inclusive range (the 9 PiB cap of CompressibilitySamplingSize / CompressibleThreshold is
    /// documented; whether Windows rejects a larger value at binding or in the provider is not).
    case range(min: UInt64, max: UInt64)
    /// The documented "Accepted values" (`SmbServerNameHardeningLevel`: 0, 1, 2), a ValidateSet.
    case allowedValues([UInt64])
    /// A comma-separated list of cipher names, each one of these (case-insensitive). Whether Windows
    /// accepts other tokens is not documented.
    case cipherList([String])
}

/// Why a value was rejected. The engine renders these with PowerShell's message templates.
public enum PolicyValidationFailure: Error, Sendable, Hashable {
    /// The value has the wrong type (e.g. a string for a UInt32 property).
    case typeMismatch(expected: PolicyType, got: PolicyValue)
    /// Above the maximum of a range.
    case aboveMaximum(value: UInt64, maximum: UInt64)
    /// Below the minimum of a range.
    case belowMinimum(value: UInt64, minimum: UInt64)
    /// Not one of the accepted values; `allowed` in documented order.
    case notInSet(value: String, allowed: [String])
    /// Not a member name of the enum; `allowed` in declaration order.
    case unknownEnumName(value: String, enumType: PolicyEnumType)
    /// A cipher token that is not known.
    case unknownCipher(token: String, allowed: [String])

    /// A plain English description (the engine uses Windows' own templates instead).
    public var message: String {
        switch self {
        case .typeMismatch(let expected, let got):
            return "Cannot convert value \"\(got.displayText)\" to type \"\(expected.dotNetTypeName)\"."
        case .aboveMaximum(let value, let maximum):
            return "The \(value) argument is greater than the maximum allowed range of \(maximum)."
        case .belowMinimum(let value, let minimum):
            return "The \(value) argument is less than the minimum allowed range of \(minimum)."
        case .notInSet(let value, let allowed):
            return "The argument \"\(value)\" does not belong to the set \"\(allowed.joined(separator: ","))\"."
        case .unknownEnumName(let value, let enumType):
            return "Cannot convert value \"\(value)\" to type \"\(enumType.fullName)\". "
                + "Specify one of the following enumerator names and try again: "
                + enumType.memberNames.joined(separator: ", ")
        case .unknownCipher(let token, let allowed):
            return "The cipher \"\(token)\" is not one of \(allowed.joined(separator: ", "))."
        }
    }
}

struct PolicyValidator {
    let type: PolicyType
    let validation: PolicyValidation

    func validate(_ value: PolicyValue) -> Result<PolicyValue, PolicyValidationFailure> {
        let typed: PolicyValue
        switch (type, value) {
        case (.boolean, .bool), (.uint32, .uint32), (.uint64, .uint64), (.string, .string):
            typed = value
        case (.uint64, .uint32(let number)):
            typed = .uint64(UInt64(number))
        case (.enumeration(let enumType), .enumeration(let name)),
             (.enumeration(let enumType), .string(let name)):
            guard let member = enumType.member(named: name) else {
                return .failure(.unknownEnumName(value: name, enumType: enumType))
            }
            typed = .enumeration(member.name)
        case (.enumeration(let enumType), .uint32(let number)):
            guard let member = enumType.member(value: number) else {
                return .failure(.unknownEnumName(value: String(number), enumType: enumType))
            }
            typed = .enumeration(member.name)
        default:
            return .failure(.typeMismatch(expected: type, got: value))
        }
        return check(typed)
    }

    private func check(_ value: PolicyValue) -> Result<PolicyValue, PolicyValidationFailure> {
        switch validation {
        case .none:
            return .success(value)
        case .range(let minimum, let maximum):
            guard let number = value.unsignedNumber else { return .success(value) }
            if number > maximum { return .failure(.aboveMaximum(value: number, maximum: maximum)) }
            if number < minimum { return .failure(.belowMinimum(value: number, minimum: minimum)) }
            return .success(value)
        case .allowedValues(let allowed):
            guard let number = value.unsignedNumber, !allowed.contains(number) else { return .success(value) }
            return .failure(.notInSet(value: String(number), allowed: allowed.map { String($0) }))
        case .cipherList(let names):
            guard case .string(let text) = value else { return .success(value) }
            for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
                let token = String(piece).trimmingBlanks()
                guard names.contains(where: { $0.lowercased() == token.lowercased() }) else {
                    return .failure(.unknownCipher(token: token, allowed: names))
                }
            }
            // Kept as typed: how Windows normalises the list is not documented.
            return .success(value)
        }
    }
}

extension PolicyValue {
    var unsignedNumber: UInt64? {
        switch self {
        case .uint32(let number): return UInt64(number)
        case .uint64(let number): return number
        default: return nil
        }
    }
}
