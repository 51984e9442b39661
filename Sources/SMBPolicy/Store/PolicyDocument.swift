// The on-disk policy file as a JSON tree: typed access to the fields we own, the rest kept as is.
//
// {
//   "version": 1,
//   "client": { "EnableMailslots": true, "SessionTimeout": 30 },
//   "server": { "Smb2DialectMin": "SMB300" },
//   "groupPolicy": { "client": { "EnableMailslots": { "type": "REG_DWORD", "data": 1 } }, "server": {} }
// }
//
// "client"/"server" hold only the properties that were explicitly set (Set-*), even to their default
// value; Reset-* removes them, so the profile default shows again with source `default`. Values are
// JSON booleans, numbers, and strings (enum members by name). "groupPolicy" holds the values under
// the policy keys (client: ...\Windows\NetworkProvider, server: ...\Windows\Bowser).

struct PolicyDocument {
    static let currentVersion: UInt64 = 1

    var root: [String: JSONValue]

    init() {
        root = ["version": .unsigned(PolicyDocument.currentVersion)]
    }

    enum Problem: Error {
        case corrupt(String)
    }

    /// Parses the file; throws `.corrupt` for anything that is not a versioned policy object.
    init(bytes: [UInt8]) throws(Problem) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw .corrupt("it is not valid JSON")
        }
        guard let object = value.objectValue else { throw .corrupt("it is not a JSON object") }
        guard let version = object["version"]?.unsignedValue, version >= 1 else {
            throw .corrupt("it has no valid \"version\" field")
        }
        for side in PolicySide.allCases {
            if let member = object[side.rawValue], member.objectValue == nil {
                throw .corrupt("its \"\(side.rawValue)\" field is not an object")
            }
        }
        if let policy = object["groupPolicy"] {
            guard let sides = policy.objectValue else { throw .corrupt("its \"groupPolicy\" field is not an object") }
            for side in PolicySide.allCases where sides[side.rawValue] != nil && sides[side.rawValue]?.objectValue == nil {
                throw .corrupt("its \"groupPolicy.\(side.rawValue)\" field is not an object")
            }
        }
        root = object
    }

    var version: UInt64 {
        root["version"]?.unsignedValue ?? PolicyDocument.currentVersion
    }

    func serialized() -> [UInt8] { JSONValue.object(root).serialized() }

    // MARK: Local settings

    /// Raw local entries of a side, including names this schema does not know.
    func localEntries(_ side: PolicySide) -> [String: JSONValue] {
        root[side.rawValue]?.objectValue ?? [:]
    }

    mutating func setLocal(_ side: PolicySide, name: String, value: PolicyValue) {
        var entries = localEntries(side)
        // One spelling per property: drop an entry that differs only in case.
        for key in entries.keys where key != name && key.lowercased() == name.lowercased() {
            entries[key] = nil
        }
        entries[name] = PolicyDocument.json(value)
        root[side.rawValue] = .object(entries)
    }

    mutating func removeLocal(_ side: PolicySide, name: String) {
        var entries = localEntries(side)
        for key in entries.keys where key.lowercased() == name.lowercased() { entries[key] = nil }
        root[side.rawValue] = .object(entries)
    }

    // MARK: Group Policy

    func groupPolicyEntries(_ side: PolicySide) -> [String: JSONValue] {
        root["groupPolicy"]?.objectValue?[side.rawValue]?.objectValue ?? [:]
    }

    mutating func setGroupPolicy(_ side: PolicySide, name: String, data: RegistryData?) {
        var policy = root["groupPolicy"]?.objectValue ?? [:]
        var entries = policy[side.rawValue]?.objectValue ?? [:]
        for key in entries.keys where key.lowercased() == name.lowercased() { entries[key] = nil }
        if let data { entries[name] = PolicyDocument.json(data) }
        policy[side.rawValue] = .object(entries)
        root["groupPolicy"] = .object(policy)
    }

    // MARK: Conversions

    static func json(_ value: PolicyValue) -> JSONValue {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .uint32(let number): return .unsigned(UInt64(number))
        case .uint64(let number): return .unsigned(number)
        case .string(let text), .enumeration(let text): return .string(text)
        }
    }

    /// The stored value as a value of `type`, or nil if it does not fit.
    static func policyValue(_ json: JSONValue, type: PolicyType) -> PolicyValue? {
        switch (type, json) {
        case (.boolean, .bool(let flag)): return .bool(flag)
        case (.uint32, .number):
            guard let number = json.unsignedValue, let narrow = UInt32(exactly: number) else { return nil }
            return .uint32(narrow)
        case (.uint64, .number): return json.unsignedValue.map { .uint64($0) }
        case (.string, .string(let text)): return .string(text)
        case (.enumeration, .string(let text)): return .enumeration(text)
        default: return nil
        }
    }

    static func json(_ data: RegistryData) -> JSONValue {
        let payload: JSONValue
        switch data {
        case .dword(let number): payload = .unsigned(UInt64(number))
        case .qword(let number): payload = .unsigned(number)
        case .string(let text), .expandString(let text): payload = .string(text)
        case .multiString(let items): payload = .array(items.map { .string($0) })
        case .binary(let bytes): payload = .array(bytes.map { .unsigned(UInt64($0)) })
        }
        return .object(["type": .string(data.kind.rawValue), "data": payload])
    }

    static func registryData(_ json: JSONValue) -> RegistryData? {
        guard let object = json.objectValue, case .string(let typeName)? = object["type"],
              let kind = RegistryValueKind(rawValue: typeName), let payload = object["data"] else { return nil }
        switch (kind, payload) {
        case (.dword, .number):
            return payload.unsignedValue.flatMap { UInt32(exactly: $0) }.map { .dword($0) }
        case (.qword, .number): return payload.unsignedValue.map { .qword($0) }
        case (.string, .string(let text)): return .string(text)
        case (.expandString, .string(let text)): return .expandString(text)
        case (.binary, .array(let items)):
            let bytes = items.compactMap { $0.unsignedValue.flatMap { UInt8(exactly: $0) } }
            return bytes.count == items.count ? .binary(bytes) : nil
        case (.multiString, .array(let items)):
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else { return nil }
                texts.append(text)
            }
            return .multiString(texts)
        default: return nil
        }
    }
}
