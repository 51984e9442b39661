/// Windows PowerShell 5.1's message templates, keyed by their resource key (ParameterBinderStrings,
/// ExtendedTypeSystem, Metadata, DiscoveryExceptions, CommandBaseStrings, ConsoleHost strings).
/// `{0}`, `{1}`, … are filled by `Messages.format`.
package enum Messages {
    package static let templates: [String: String] = [
        "NamedParameterNotFound": "A parameter cannot be found that matches parameter name '{1}'.",
        "AmbiguousParameter": "Parameter cannot be processed because the parameter name '{1}' is ambiguous. Possible matches include:{6}.",
        "MissingArgument": "Missing an argument for parameter '{1}'. Specify a parameter of type '{2}' and try again.",
        "PositionalParameterNotFound": "A positional parameter cannot be found that accepts argument '{1}'.",
        "ParameterAlreadyBound": "Cannot bind parameter because parameter '{1}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
        "ParameterArgumentTransformationError": "Cannot process argument transformation on parameter '{1}'. {6}",
        "CannotConvertArgumentNoMessage": "Cannot bind parameter '{1}'. {6}",
        "CannotConvertArgument": "Cannot convert '{6}' to the type '{2}' required by parameter '{1}'. {7}",
        "ParameterArgumentValidationError": "Cannot validate argument on parameter '{1}'. {6}",
        "ParameterArgumentValidationErrorNullNotAllowed": "Cannot bind argument to parameter '{1}' because it is null.",
        "ParameterArgumentValidationErrorEmptyStringNotAllowed": "Cannot bind argument to parameter '{1}' because it is an empty string.",
        "MissingMandatoryParameter": "Cannot process command because of one or more missing mandatory parameters:{1}.",
        "AmbiguousParameterSet": "Parameter set cannot be resolved using the specified named parameters.",
        "DefaultPrompt": "PS>",
        "PromptCaption": "cmdlet {0} at command pipeline position {1}",
        "PromptMessage": "Supply values for the following parameters:",
        "InvalidCastExceptionForBooleanArgumentValue": "Cannot convert value \"{0}\" to type \"{1}\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
        "InvalidCastExceptionWithInnerException": "Cannot convert value \"{0}\" to type \"{1}\". Error: \"{2}\"",
        "InvalidCastCannotRetrieveString": "Cannot convert value to type System.String.",
        "InvalidCastExceptionEnumerationNoValue": "Cannot convert value \"{0}\" to type \"{1}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{2}\".",
        "InvalidCastFromNull": "Cannot convert null to type \"{0}\".",
        "ValidateSetFailure": "The argument \"{0}\" does not belong to the set \"{1}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
        "ValidateRangeSmallerThanMinRangeFailure": "The {0} argument is less than the minimum allowed range of {1}. Supply an argument that is greater than or equal to {1} and then try the command again.",
        "ValidateRangeGreaterThanMaxRangeFailure": "The {0} argument is greater than the maximum allowed range of {1}. Supply an argument that is less than or equal to {1} and then try the command again.",
        "ValidateNotNullOrEmptyFailure": "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
        "ValidateLengthMaxLengthFailure": "The character length of the {1} argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"{0}\" characters, and then try the command again.",
        "ParameterArgumentValidationErrorEmptyArrayNotAllowed": "Cannot bind argument to parameter '{1}' because it is an empty array.",
        "ParameterArgumentValidationErrorEmptyCollectionNotAllowed": "Cannot bind argument to parameter '{1}' because it is an empty collection.",
        "InputObjectNotBound": "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.",
        "ValidateNotNullFailure": "The argument is null. Provide a valid value for the argument, and then try running the command again.",
        "ValidateNotNullCollectionFailure": "The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again.",
        "ValidateNotNullOrEmptyCollectionFailure": "The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.",
        "ValidateCountMinLengthFailure": "The number of provided arguments ({1}) is fewer than the minimum number of allowed arguments ({0}). Provide more than {0} arguments, and then try the command again.",
        "ValidateCountMaxLengthFailure": "The number of provided arguments, ({1}), exceeds the maximum number of allowed arguments ({0}). Provide fewer than {0} arguments, and then try the command again.",
        "ValidateLengthMinLengthFailure": "The character length ({1}) of the argument is too short. Specify an argument with a length that is greater than or equal to \"{0}\", and then try the command again.",
        "ValidateScriptFailure": "The \"{1}\" validation script for the argument with value \"{0}\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
        "ValidatePatternFailure": "The argument \"{0}\" does not match the \"{1}\" pattern. Supply an argument that matches \"{1}\" and try the command again.",
        "RequiresPSVersionNotCompatible": "The script '{0}' cannot be run because it contained a \"#requires\" statement for Windows PowerShell {1}. The version of Windows PowerShell that is required by the script does not match the currently running version of Windows PowerShell {2}.",
        "RequiresPSEditionNotCompatible": "The script '{0}' cannot be run because it contained a \"#requires\" statement for PowerShell editions '{1}'. The edition of PowerShell that is required by the script does not match the currently running PowerShell {2} edition.",
        "RequiresMissingModules": "The script '{0}' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: {1}.",
        "CommandNotFoundException": "The term '{0}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        "VariableIsUndefined": "The variable '${0}' cannot be retrieved because it has not been set.",
        "TextForPositionMessage": "At {0}:{1} char:{2}\n+ {3}",
        "TextForWordLine": "line",
        "ShouldProcessMessage": "Performing the operation \"{0}\" on target \"{1}\".",
        "ShouldProcessWhatIfMessage": "What if: {0}",
        "ShouldProcessWarningFallback": "Are you sure you want to perform this action?\n{0}",
        "InquireCaptionDefault": "Confirm",
        "ShouldContinuePromptCaption": "Continue with this operation?",
        "ContinueOneLabel": "&Yes",
        "ContinueOneHelpMessage": "Continue with only the next step of the operation.",
        "ContinueAllLabel": "Yes to &All",
        "ContinueAllHelpMessage": "Continue with all the steps of the operation.",
        "SkipOneLabel": "&No",
        "SkipOneHelpMessage": "Skip this operation and proceed with the next operation.",
        "SkipAllLabel": "No to A&ll",
        "SkipAllHelpMessage": "Skip this operation and all subsequent operations.",
        "PauseLabel": "&Suspend",
        "PauseHelpMessage": "Pause the current pipeline and return to the command prompt. Type \"{0}\" to resume the pipeline.",
        "HaltLabel": "&Halt Command",
        "HaltHelpMessage": "Stop this command.",
        "InquireHalt": "The running command stopped because the user selected the Stop option.",
        "InquireCtrlC": "The running command stopped because the user interrupted the command.",
        "PromptForChoiceHelp": "[?] Help ",
        "DefaultChoicePrompt": "(default is \"{0}\"): ",
        "PromptCanceledError": "The prompt was canceled.",
        "ReadFailsOnNonInteractiveFlag": "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
        "PromptHelp": "(Type !? for Help.)",
        "PromptFieldPromptInputSeparatorTemplate": "{0}: ",
        "NoObjectSpecified": "You must specify an object for the Get-Member cmdlet.",
        "FailedToUpdateHelpForModuleWithCulture": "Failed to update Help for the module(s) '{0}' with UI culture(s) {{{1}}} : {2}",
        "FailedToSaveHelpForModuleWithCulture": "Failed to save Help for the module(s) '{0}' with UI culture(s) {{{1}}} : {2}",
        "UnableToConnect": "Unable to connect to Help content. The server on which Help content is stored might not be available. Verify that the server is available, or wait until the server is back online, and then try the command again.",
        "MethodNotFound": "Method invocation failed because [{0}] does not contain a method named '{1}'.",
        "TypeNotFound": "Unable to find type [{0}].",
        "UsingWithoutInvokeCommand": "A Using variable cannot be retrieved. A Using variable can be used only with Invoke-Command, Start-Job, or InlineScript in the script workflow. When it is used with Invoke-Command, the Using variable is valid only if the script block is invoked on a remote computer.",
        "InvokeMethodOnNull": "You cannot call a method on a null-valued expression.",
        "NullArrayIndex": "Cannot index into a null array.",
        "PropertyNotFound": "The property '{0}' cannot be found on this object. Verify that the property exists and can be set.",
        "ConvertToFinalInvalidCastException": "Cannot convert the \"{0}\" value of type \"{1}\" to type \"{2}\".",
        "InvalidCastException": "Cannot convert value \"{0}\" to type \"{1}\". Error: \"{2}\"",
        "InvalidCastFromStringToInteger": "Cannot convert value \"{0}\" to type \"{1}\". Error: \"{2}\"",
        "VariableNotWritable": "Cannot overwrite variable {0} because it is read-only or constant.",
        "RuntimeExceptionDivideByZero": "Attempted to divide by zero.",
        "FormatError": "Error formatting a string: {0}.",
        "OperatorNotSupported": "The operation '[{0}] {1} [{2}]' is not defined.",
        "MethodInvocationException": "Exception calling \"{0}\" with \"{1}\" argument(s): \"{2}\"",
        "MethodArgumentConversionException": "Cannot convert argument \"{0}\", with value: \"{1}\", for \"{2}\" to type \"{3}\": \"{4}\"",
        "ReadOnlyProperty": "'{0}' is a ReadOnly property.",
        "CannotFindAppropriateCtor": "A constructor was not found. Cannot find an appropriate constructor for type {0}.",
        "PropertyNotFoundStrict": "The property '{0}' cannot be found on this object. Verify that the property exists.",
        "MethodCountCouldNotFindBest": "Cannot find an overload for \"{0}\" and the argument count: \"{1}\".",
        "ArgumentOutOfRange": "Index was outside the bounds of the array.",
        "AsJobNotSupported": "The -AsJob parameter is not supported: background jobs are not available in this shell.",
    ]

    /// The template for a resource key; a missing key is a programming error shown as the key.
    package static func template(_ key: String) -> String { templates[key] ?? key }

    /// Fills `{0}`, `{1}`, … in a resource key's template.
    package static func format(_ key: String, _ arguments: String...) -> String {
        fill(template(key), arguments)
    }

    package static func fill(_ template: String, _ arguments: [String]) -> String {
        var result = ""
        var chars = template.makeIterator()
        var pendingBrace = false
        while let c = chars.next() {
            // .NET's escapes: `}}` is one `}` (and `{{`, below, one `{`).
            if c == "}" {
                if pendingBrace { pendingBrace = false; continue }
                pendingBrace = true
                result.append(c)
                continue
            }
            pendingBrace = false
            guard c == "{" else { result.append(c); continue }
            var digits = ""
            var closed = false
            while let d = chars.next() {
                if d == "{" && digits.isEmpty {
                    // `{{`: a literal brace.
                    break
                }
                if d == "}" { closed = true; break }
                digits.append(d)
            }
            if !closed && digits.isEmpty {
                result.append("{")
                continue
            }
            if closed, let i = Int(digits) {
                result += i < arguments.count ? arguments[i] : ""
            } else {
                result += "{" + digits + (closed ? "}" : "")
            }
        }
        return result
    }
}
