// PowerShell's parse error texts (RES: ParserStrings.resx), keyed by resource key, which is also
// the error id. Texts are byte-exact; `{0}` placeholders are filled by `ParserStrings.format`.

public enum ParserStrings {
    /// The message template of a parse error id, nil for an unknown id.
    public static func template(_ errorId: String) -> String? { texts[errorId] }

    /// The message of an error id with its arguments. Like `string.Format`, `{{` and `}}` are
    /// unescaped only when arguments are given (PowerShell formats only then).
    public static func format(_ errorId: String, _ args: [String]) -> String {
        let t = texts[errorId] ?? "An error '\(errorId)' occurred while processing this script. Text describing this error could not be loaded."
        if args.isEmpty { return t }
        var out = ""
        var chars = Array(t.unicodeScalars)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{" {
                if chars.first == "{" { out.unicodeScalars.append("{"); chars = chars.dropFirst(); continue }
                var digits = ""
                while let d = chars.first, d != "}" { digits.unicodeScalars.append(d); chars = chars.dropFirst() }
                chars = chars.dropFirst()
                if let n = Int(digits), n < args.count { out += args[n] }
                continue
            }
            if c == "}" && chars.first == "}" { chars = chars.dropFirst() }
            out.unicodeScalars.append(c)
        }
        return out
    }

    static let texts: [String: String] = [
        "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
        "MissingEndCurlyBrace": "Missing closing '}' in statement block or type definition.",
        "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
        "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
        "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
        "MissingArgument": "Missing argument in parameter list.",
        "MissingExpression": "Missing expression after '{0}' in pipeline element.",
        "MissingExpressionAfterToken": "Missing expression after '{0}'.",
        "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
        "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
        "EmptyPipeElement": "An empty pipe element is not allowed.",
        "TooManyErrors": "Not all parse errors were reported.  Correct the reported errors and try again.",
        "IncompleteVariableReference": "Incomplete variable reference token.",
        "IncompleteString": "Incomplete string token.",
        "NumberBothLongAndFloatingPoint": "A number cannot be both a long and floating point.",
        "BadNumericConstant": "The numeric constant {0} is not valid.",
        "EmptyVariableReference": "An empty ${} variable reference was found. A name is required inside the braces.",
        "InvalidVariableReference": "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
        "SplattingNotPermitted": "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'.",
        "ParameterRequiresArgument": "Parameter {0} requires an argument.",
        "ParameterCannotHaveArgument": "Parameter {0} cannot have an argument.",
        "DuplicateFormalParameter": "Duplicate parameter ${0} in parameter list.",
        "SplattingNotPermittedInArgumentList": "Splatted variables like '@{0}' cannot be part of a comma-separated list of arguments.",
        "MissingFileSpecification": "Missing file specification after redirection operator.",
        "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
        "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
        "InvalidLeftHandSide": "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
        "OrderedAttributeOnlyOnHashLiteralNode": "The {0} attribute can be specified only on a hash literal node.",
        "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
        "MissingPropertyName": "Missing property name after reference operator.",
        "IncompleteDollarVariableReference": "${{variable}} reference starting is missing the closing '}}'.",
        "IncompleteDollarSubexpressionReference": "$(subexpression) is missing the closing ')'.",
        "DuplicateKeyInHashLiteral": "Duplicate keys '{0}' are not allowed in hash literals.",
        "DuplicateNamedArgument": "Duplicate named arguments '{0}' are not allowed.",
        "ExpectedExpression": "An expression was expected after '('.",
        "MissingKeyInHashLiteral": "Missing key before '=' in hash literal.",
        "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
        "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
        "MissingExpressionInNamedArgument": "Missing statement after '=' in named argument.",
        "MissingPropertyTerminator": "Missing ';' or end-of-line in property definition.",
        "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
        "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
        "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
        "IncompleteSwitchStatement": "The switch statement was incomplete.",
        "MissingFilenameOption": "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
        "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
        "InvalidForeachFlag": "The parameter {0} is not valid for the foreach statement.",
        "PipelineValueRequired": "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
        "MissingSwitchValueExpression": "Missing expression after '(' in switch statement.",
        "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
        "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
        "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
        "MissingForeachExpression": "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingForeachStatement": "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "OnlyOneParameterListAllowed": "The param statement cannot be used if arguments were specified in the function declaration.",
        "MissingEndMultiLineComment": "The terminator '{0}' is missing from the multiline comment.",
        "InvalidEndOfLine": "The token '{0}' is not a valid statement separator in this version.",
        "ReservedKeywordNotAllowed": "The '{0}' keyword is not supported in this version of the language.",
        "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
        "MissingLoopStatement": "Missing statement body in {0} loop.",
        "MissingTrapStatement": "The 'trap' statement was incomplete. A trap statement requires a body.",
        "InvalidFunctionParameter": "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
        "MissingFunctionBody": "Missing function body in function declaration.",
        "DuplicateScriptCommandClause": "Script command clause '{0}' has already been defined.",
        "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
        "MissingEndSquareBracket": "Missing ']' after array index expression.",
        "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
        "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
        "MissingEndParenthesisInSwitchStatement": "Missing ')' after expression in switch statement.",
        "MissingCurlyBraceInSwitchStatement": "Missing '{' in switch statement.",
        "MissingVariableNameAfterForeach": "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingInInForeach": "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingEndParenthesisAfterForeach": "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
        "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
        "MissingNameAfterKeyword": "Missing name after {0} keyword.",
        "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
        "UnrecognizedToken": "Unrecognized token in source text.",
        "WhitespaceBeforeHereStringFooter": "White space is not allowed before the string terminator.",
        "EndSquareBracketExpectedAtEndOfType": "Missing ] at end of type token.",
        "OpenBraceNeedsToBeBackTickedInVariableName": "Use `{ instead of { in variable names.",
        "MissingStatementBlockForDataSection": "The Data section is missing its statement block.",
        "InvalidParameterForDataSectionStatement": "The \"{0}\" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.",
        "MissingValueForSupportedCommandInDataSectionStatement": "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.",
        "UnexpectedAttribute": "Unexpected attribute '{0}'.",
        "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
        "MissingTryStatementBlock": "The Try statement is missing its statement block.",
        "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
        "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
        "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
        "ExceptionTypeAlreadyCaught": "Exception type {0} is already handled by a previous handler.",
        "EmptyCatchNotLast": "Catch block must be the last catch block.",
        "MissingTypeLiteralToken": "Missing type literal.",
        "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
        "UnexpectedCharactersAfterHereStringHeader": "No characters are allowed after a here-string header but before the end of the line.",
        "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
        "TypeNotAllowedBeforeParam": "Unexpected type [{0}] was found in the parameter statement.",
        "TypeNotAllowedBeforeStatement": "Unexpected type [{0}] was found before statement.",
        "InvalidNullKey": "A null key is not allowed in a hash literal.",
        "MissingAssemblyNameSpecification": "The type name is missing the assembly name specification.",
        "ControlLeavingFinally": "Flow of control cannot leave a Finally block.",
        "InvalidBracedVariableReference": "Variable reference is not valid. The variable name is missing.",
        "InvalidVariableReferenceWithDrive": "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
        "MissingTypename": "Missing type name after '['.",
        "StreamAlreadyRedirected": "The {0} for this command is already redirected.",
        "MissingStatementAfterKeyword": "Missing statement body after keyword '{0}'.",
        "UnexpectedKeyword": "Unexpected keyword '{0}'.",
        "VoidTypeConstraintNotAllowed": "[void] cannot be used as a parameter type, or on the left side of an assignment.",
        "ConfigurationNameMissing": "The configuration name is missing or '{' was not found for a default definition.",
        "MissingCurlyInConfigurationStatement": "Missing '{' in configuration statement.",
        "MissingConfigurationName": "The name for the configuration is missing. Provide the missing name as a simple name, string, or string-valued expression.",
        "RequiredNameOrExpressionMissing": "A required name or expression was missing.",
        "MissingThrottleLimit": "The ThrottleLimit parameter of the foreach statement is missing a value. Supply a throttle limit to the parameter.",
        "ThrottleLimitRequiresParallelFlag": "The ThrottleLimit parameter is only supported on foreach statements that use the Parallel parameter.",
        "MissingTypeBody": "Missing '{0}' body in '{0}' declaration.",
        "MissingMethodParameterList": "Missing '(' in class method parameter list.",
        "TypeNameExpected": "Type name expected.",
        "MissingBaseCtorCall": "Missing 'base' after ':' in a base class constructor call.",
        "UsingMustBeAtStartOfScript": "A 'using' statement must appear before any other statements in a script.",
        "UsingStatementNotSupported": "This syntax of the 'using' statement is not supported.",
        "MissingUsingStatementDirective": "Missing using directive",
        "MissingUsingItemName": "Missing using name",
        "MissingNamespaceAlias": "Missing namespace alias",
        "MissingTypeAlias": "Missing type alias",
        "MissingEqualsInUsingAlias": "Missing '=' operator",
        "MissingStatementTerminator": "Missing a newline or semicolon.",
        "DuplicateQualifier": "Duplicate '{0}' qualifier",
        "IncompleteMemberDefinition": "Missing a property name or method definition.",
        "MemberAlreadyDefined": "The member '{0}' is already defined.",
        "TooManyTypes": "Only one type may be specified on class members.",
        "ScriptTooComplicated": "Processing was stopped because the script is too complex.",
        "AmpersandNotAllowed": "The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks (\"&\") to pass it as part of a string.",
        "ParserError": "{0}",
        "InvalidValueForUsingItemName": "'{0}' is not a valid value for using name.",
        "ParamBlockNotAllowedInMethod": "A param block is not allowed in a class method.",
        "NamedBlockNotAllowedInMethod": "A named block is not allowed in a class method.",
    ]
}
