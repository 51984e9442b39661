import CmdletParser
/// A .NET exception a member raises: its type and .NET Framework 4.8's message text. The adapter
/// wraps it as PowerShell does (MethodInvocationException, with this as the inner exception).
package struct DotNetException: Error, @unchecked Sendable {
    package let typeName: String
    package let message: String
    package var innerException: PSExceptionObject?
    /// The error id of the record the exception carries (a RuntimeException's ErrorRecord).
    package var errorId: String?
    package var category: ErrorCategory = .NotSpecified

    package init(_ typeName: String, _ message: String, inner: PSExceptionObject? = nil) {
        self.typeName = typeName
        self.message = message
        self.innerException = inner
    }

    /// The exception itself when it already exists (an error escaping a class member's script).
    package var existing: PSExceptionObject?

    /// An exception the member's own script raised, as the caller receives it.
    package init(raised exception: PSExceptionObject) {
        self.init(exception.typeName, exception.message, inner: exception.innerException)
        existing = exception
    }

    package var object: PSExceptionObject {
        if let existing { return existing }
        let exception = PSExceptionObject(typeName: typeName, message: message, innerException: innerException)
        if let errorId { exception.ownRecord = (errorId, category) }
        return exception
    }

    /// ParseException for a script that did not parse: its record's id is the first error's.
    package static func parse(_ errors: [ParseError]) -> DotNetException {
        var exception = DotNetException("System.Management.Automation.ParseException", errors.first?.message ?? "")
        exception.errorId = errors.first?.errorId ?? "Parse"
        exception.category = .ParserError
        return exception
    }

    /// `ArgumentOutOfRangeException` with its `Parameter name:` line.
    package static func outOfRange(_ parameter: String, _ text: String) -> DotNetException {
        DotNetException("System.ArgumentOutOfRangeException", text + "\r\nParameter name: " + parameter)
    }
    package static func argument(_ text: String, _ parameter: String? = nil) -> DotNetException {
        DotNetException("System.ArgumentException", text + (parameter.map { "\r\nParameter name: " + $0 } ?? ""))
    }
    package static func argumentNull(_ parameter: String) -> DotNetException {
        DotNetException("System.ArgumentNullException", "Value cannot be null.\r\nParameter name: " + parameter)
    }
    package static func format(_ text: String = FrameworkText.badFormat) -> DotNetException {
        DotNetException("System.FormatException", text)
    }
    package static func overflow(_ text: String) -> DotNetException {
        DotNetException("System.OverflowException", text)
    }
    package static func invalidOperation(_ text: String) -> DotNetException {
        DotNetException("System.InvalidOperationException", text)
    }
    package static func notSupported(_ text: String) -> DotNetException {
        DotNetException("System.NotSupportedException", text)
    }
    package static let outOfMemory = DotNetException("System.OutOfMemoryException",
                                                     "Exception of type 'System.OutOfMemoryException' was thrown.")
    package static let indexOutOfRange = DotNetException("System.IndexOutOfRangeException",
                                                          "Index was outside the bounds of the array.")
    package static let divideByZero = DotNetException("System.DivideByZeroException", "Attempted to divide by zero.")
}

/// .NET Framework 4.8's exception texts (mscorlib resources), one place for each.
package enum FrameworkText {
    static let badFormat = "Input string was not in a correct format."
    static let negativeCount = "Count cannot be less than zero."
    static let negativeLength = "Length cannot be less than zero."
    static let needNonNegative = "Non-negative number required."
    static let indexLength = "Index and length must refer to a location within the string."
    static let indexLengthBuffer = "Index and count must refer to a location within the string."
    static let startIndexLarger = "startIndex cannot be larger than length of string."
    static let startIndexLess = "StartIndex cannot be less than zero."
    static let index = "Index was out of range. Must be non-negative and less than the size of the collection."
    static let indexString = "Index was out of range. Must be non-negative and less than the length of the string."
    static let badBase = "Invalid Base."
    static let negateTwosComplement = "Negating the minimum value of a twos complement number is invalid."
    static let emptyString = "String cannot be of zero length."
    static let noElements = "Sequence contains no elements."
    static let emptyStack = "Stack empty."
    static let emptyQueue = "Queue empty."
    static let digitsRange = "Rounding digits must be between 0 and 15, inclusive."
    static let invalidEnum = "The value of argument '{0}' ({1}) is invalid for Enum type '{2}'."
    static func overflowOf(_ noun: String) -> String { "Value was either too large or too small for \(noun)." }
}
