/// A Win32 error code with its symbolic name and its en-US `FormatMessage` text.
///
/// Every failure of the mailslot API is reported as one of these, so the shell can render the same
/// message and error id Windows would (`Win32Exception`, `RemoteMailslotsDeprecated`, ...).
public struct Win32Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// The numeric code, as `GetLastError` returns it.
    public let code: UInt32
    /// The symbolic name from `winerror.h`, e.g. `ERROR_SEM_TIMEOUT`.
    public let name: String
    /// The system message text (`FormatMessage`, en-US), byte-exact and without a trailing newline.
    public let message: String

    public init(code: UInt32, name: String, message: String) {
        self.code = code
        self.name = name
        self.message = message
    }

    /// The known error for `code`, or a generic one naming the code.
    public init(code: UInt32) {
        if let known = Win32Error.known.first(where: { $0.code == code }) {
            self = known
        } else {
            self.init(code: code, name: "ERROR_\(code)", message: "Unknown error (0x\(String(code, radix: 16))).")
        }
    }

    public var description: String { "\(name) (\(code)): \(message)" }

    /// The name in PascalCase without `ERROR_`, as PowerShell error ids spell it:
    /// `ERROR_REMOTE_MAILSLOTS_DEPRECATED` gives `RemoteMailslotsDeprecated`.
    public var pascalCaseName: String {
        let words = name.hasPrefix("ERROR_") ? name.dropFirst(6) : Substring(name)
        return words.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }

    /// The PowerShell `ErrorCategory` this failure fits (by name), for the engine's error records.
    public var errorCategoryName: String {
        switch self {
        case .fileNotFound, .pathNotFound, .badNetPath: return "ObjectNotFound"
        case .accessDenied: return "PermissionDenied"
        case .invalidHandle, .invalidParameter, .insufficientBuffer, .invalidName: return "InvalidArgument"
        case .semTimeout: return "OperationTimeout"
        case .alreadyExists: return "ResourceExists"
        case .operationAborted: return "OperationStopped"
        case .notEnoughQuota: return "LimitsExceeded"
        case .remoteMailslotsDeprecated: return "NotEnabled"
        default: return "NotSpecified"
        }
    }

    public static func == (lhs: Win32Error, rhs: Win32Error) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public static let fileNotFound = Win32Error(
        code: 2, name: "ERROR_FILE_NOT_FOUND", message: "The system cannot find the file specified.")
    public static let pathNotFound = Win32Error(
        code: 3, name: "ERROR_PATH_NOT_FOUND", message: "The system cannot find the path specified.")
    public static let accessDenied = Win32Error(
        code: 5, name: "ERROR_ACCESS_DENIED", message: "Access is denied.")
    public static let invalidHandle = Win32Error(
        code: 6, name: "ERROR_INVALID_HANDLE", message: "The handle is invalid.")
    public static let badNetPath = Win32Error(
        code: 53, name: "ERROR_BAD_NETPATH", message: "The network path was not found.")
    public static let invalidParameter = Win32Error(
        code: 87, name: "ERROR_INVALID_PARAMETER", message: "The parameter is incorrect.")
    public static let semTimeout = Win32Error(
        code: 121, name: "ERROR_SEM_TIMEOUT", message: "The semaphore timeout period has expired.")
    public static let insufficientBuffer = Win32Error(
        code: 122, name: "ERROR_INSUFFICIENT_BUFFER", message: "The data area passed to a system call is too small.")
    public static let invalidName = Win32Error(
        code: 123, name: "ERROR_INVALID_NAME",
        message: "The filename, directory name, or volume label syntax is incorrect.")
    public static let alreadyExists = Win32Error(
        code: 183, name: "ERROR_ALREADY_EXISTS", message: "Cannot create a file when that file already exists.")
    public static let operationAborted = Win32Error(
        code: 995, name: "ERROR_OPERATION_ABORTED",
        message: "The I/O operation has been aborted because of either a thread exit or an application request.")
    public static let notEnoughQuota = Win32Error(
        code: 1816, name: "ERROR_NOT_ENOUGH_QUOTA", message: "Not enough quota is available to process this command.")
    public static let remoteMailslotsDeprecated = Win32Error(
        code: 3025, name: "ERROR_REMOTE_MAILSLOTS_DEPRECATED",
        message: "The requested operation failed. Remote mailslots have been deprecated.")

    /// Every error this module raises, for lookup by code.
    public static let known: [Win32Error] = [
        .fileNotFound, .pathNotFound, .accessDenied, .invalidHandle, .badNetPath, .invalidParameter,
        .semTimeout, .insufficientBuffer, .invalidName, .alreadyExists, .operationAborted, .notEnoughQuota,
        .remoteMailslotsDeprecated,
    ]
}
