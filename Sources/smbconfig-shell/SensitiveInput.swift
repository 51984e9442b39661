import CmdletParser

/// PSReadLine's default AddToHistoryHandler rule: an input that mentions `password`, `asplaintext`,
/// `token`, `apikey` or `secret` (any case) stays in the session's history but is not saved to the
/// file, unless the syntax tree shows every mention is harmless: a variable that is only read, or
/// assigned from a command or a member; a parameter given a variable or a command's output, or
/// used as a switch; a property only read (or set from a variable or a command); one of the
/// SecretManagement commands or the cloud CLIs' token commands. Input that does not parse is kept
/// out whenever it mentions one of the words.
enum SensitiveInput {
    static let words = ["password", "asplaintext", "token", "apikey", "secret"].map { Array($0.utf8) }

    /// Commands that read or manage secrets without showing one on the command line.
    static let secretManagementCommands: Set<String> = [
        "get-secret", "get-secretinfo", "get-secretvault", "register-secretvault", "remove-secret",
        "set-secretinfo", "set-secretvaultdefault", "test-secretvault", "unlock-secretvault",
        "unregister-secretvault", "get-azaccesstoken",
    ]

    /// True when the input must not be written to the history file.
    static func isSensitive(_ input: String) -> Bool {
        let bytes = Array(input.utf8)
        guard var match = firstMatch(in: bytes, from: 0) else { return false }
        let parsed = Parser.parseInput(input)
        guard parsed.errors.isEmpty else { return true }
        var children: [ObjectIdentifier: [Ast]] = [:]
        while true {
            let path = innermostPath(parsed.ast, containing: match, children: &children)
            guard let inner = path.last else { return true }
            var next: Int?   // where to look for the next mention; nil: the input is sensitive
            switch inner {
            case is VariableExpressionAst:
                let assignment = enclosingAssignment(path)
                if let assignment, assignment.leftSide, !isSafeRightSide(rightSide(of: assignment.node)) { return true }
                next = match.upperBound
            case let constant as StringConstantExpressionAst:
                if let command = path.dropLast().last as? CommandAst,
                   isSecretManagement(constant, in: command) || isCloudTokenOrSecretAccess(constant, in: command) {
                    next = command.extent.endOffset
                } else if isSafePropertyUsage(path) {
                    next = match.upperBound
                }
            case let parameter as CommandParameterAst:
                // Compared as PSReadLine does: exactly this spelling.
                if parameter.parameterName == "AsPlainText" { return true }
                let command = path.dropLast().last as? CommandAst
                switch command.flatMap({ argument(of: parameter, in: $0) }) {
                case nil: next = match.upperBound   // a switch such as -UseDefaultPassword
                case let variable as VariableExpressionAst: next = variable.extent.endOffset
                case let paren as ParenExpressionAst:
                    if let pipeline = paren.pipeline as? PipelineAst,
                       let first = pipeline.pipelineElements.first, !(first is CommandExpressionAst) {
                        next = match.upperBound
                    }
                default: break
                }
            default: break
            }
            guard let next, let following = firstMatch(in: bytes, from: next) else { return next == nil }
            match = following
        }
    }

    /// The first mention of a word at or after `start` (case-insensitive ASCII), leftmost first.
    static func firstMatch(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard start >= 0 else { return nil }
        var index = start
        while index < bytes.count {
            for word in words where index + word.count <= bytes.count {
                var equal = true
                for offset in 0..<word.count {
                    var byte = bytes[index + offset]
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                    if byte != word[offset] { equal = false; break }
                }
                if equal { return index..<(index + word.count) }
            }
            index += 1
        }
        return nil
    }

    /// The nodes from the root down to the last node in tree order whose extent covers `range`
    /// (PowerShell's `FindAll(...).Last()`). A node's extent holds its children's, which come in
    /// source order, so the walk goes down through the last covering child at each level, found by
    /// binary search; `children` keeps each node's child list for the next mention.
    private static func innermostPath(_ root: Ast, containing range: Range<Int>,
                                      children: inout [ObjectIdentifier: [Ast]]) -> [Ast] {
        func covers(_ node: Ast) -> Bool {
            node.extent.startOffset <= range.lowerBound && node.extent.endOffset >= range.upperBound
        }
        guard covers(root) else { return [] }
        var path = [root]
        while true {
            let node = path[path.count - 1]
            let list: [Ast]
            if let known = children[ObjectIdentifier(node)] {
                list = known
            } else {
                list = node.children
                children[ObjectIdentifier(node)] = list
            }
            // The first child that starts after the mention, then back to the last one covering it.
            var low = 0, high = list.count
            while low < high {
                let middle = low + (high - low) / 2
                if list[middle].extent.startOffset <= range.lowerBound { low = middle + 1 } else { high = middle }
            }
            guard let next = list[..<low].last(where: covers) else { return path }
            path.append(next)
        }
    }

    /// The nearest assignment above the last node of `path`, and whether the path reaches it
    /// through its left side.
    private static func enclosingAssignment(_ path: [Ast]) -> (node: AssignmentStatementAst, leftSide: Bool)? {
        var index = path.count - 1
        while index > 0 {
            if let assignment = path[index - 1] as? AssignmentStatementAst {
                return (assignment, assignment.left === path[index])
            }
            index -= 1
        }
        return nil
    }

    /// The right side of an assignment as PowerShell's AssignmentStatementAst holds it: a lone,
    /// not backgrounded expression without its pipeline.
    private static func rightSide(of assignment: AssignmentStatementAst) -> StatementAst {
        if let pipeline = assignment.right as? PipelineAst, !pipeline.background, pipeline.pipelineElements.count == 1,
           let expression = pipeline.pipelineElements[0] as? CommandExpressionAst {
            return expression
        }
        return assignment.right
    }

    /// A command, or a member access or method call, assigned: nothing secret is typed.
    private static func isSafeRightSide(_ right: StatementAst) -> Bool {
        if right is PipelineAst { return true }
        if let expression = right as? CommandExpressionAst, expression.expression is MemberExpressionAst { return true }
        return false
    }

    private static func isSecretManagement(_ constant: StringConstantExpressionAst, in command: CommandAst) -> Bool {
        command.commandElements.first === constant && secretManagementCommands.contains(constant.value.lowercased())
    }

    /// `gcloud auth print-access-token`, `az account get-access-token`, `kubectl get|describe secret[s]`.
    private static func isCloudTokenOrSecretAccess(_ constant: StringConstantExpressionAst, in command: CommandAst) -> Bool {
        let elements = command.commandElements
        guard elements.count >= 3, elements[2] === constant,
              let name = (elements[0] as? StringConstantExpressionAst)?.value.lowercased(),
              let first = (elements[1] as? StringConstantExpressionAst)?.value.lowercased() else { return false }
        let second = constant.value.lowercased()
        switch name {
        case "gcloud": return first == "auth" && second == "print-access-token"
        case "az": return first == "account" && second == "get-access-token"
        case "kubectl": return (first == "get" || first == "describe") && (second == "secrets" || second == "secret")
        default: return false
        }
    }

    /// A property name that is read, or set from a command or a variable.
    private static func isSafePropertyUsage(_ path: [Ast]) -> Bool {
        guard path.count >= 2, path[path.count - 2] is MemberExpressionAst else { return false }
        guard let assignment = enclosingAssignment(Array(path.dropLast())), assignment.leftSide else { return true }
        let right = rightSide(of: assignment.node)
        if right is PipelineAst { return true }
        if let expression = right as? CommandExpressionAst, expression.expression is VariableExpressionAst { return true }
        return false
    }

    /// The value given to a parameter: `-Name:value`, or the element after `-Name` when it is an
    /// expression.
    private static func argument(of parameter: CommandParameterAst, in command: CommandAst) -> ExpressionAst? {
        if let argument = parameter.argument { return argument }
        let elements = command.commandElements
        guard let index = elements.firstIndex(where: { $0 === parameter }), index + 1 < elements.count else { return nil }
        return elements[index + 1] as? ExpressionAst
    }
}
