/// Multi-line input as PSReadLine shows it, in libedit's one buffer: every line after the first
/// starts with the continuation prompt (`>> `). The prompt is kept in the buffer so libedit draws
/// it and moves over it; it is taken out of the text that is run, and an edit that breaks one
/// (Backspace at the start of a line) joins the two lines, as PSReadLine's BackwardDeleteChar does.
struct ContinuationLines {
    let prompt: [Unicode.Scalar]

    init(prompt: String) {
        self.prompt = Array(prompt.unicodeScalars)
    }

    /// The text to run: the buffer without the prompts.
    func strip(_ buffer: String) -> String {
        guard !prompt.isEmpty else { return buffer }
        return buffer.replacing("\n" + String(String.UnicodeScalarView(prompt)), with: "\n")
    }

    /// A text with a prompt after every newline (a recalled multi-line history entry).
    func addPrompts(_ text: String) -> String {
        text.replacing("\n", with: "\n" + String(String.UnicodeScalarView(prompt)))
    }

    /// How many scalars of the prompt follow the newline at `index`.
    private func promptLength(after index: Int, in scalars: [Unicode.Scalar]) -> Int {
        var k = 0
        while k < prompt.count, index + 1 + k < scalars.count, scalars[index + 1 + k] == prompt[k] { k += 1 }
        return k
    }

    /// The buffer after an edit, repaired: broken prompts join their line to the one above; a
    /// buffer with newlines but no prompt at all (recalled from history) gets them; a cursor that
    /// landed inside a prompt moves past it in the direction it was going. Nil: nothing to change.
    func repair(_ edited: [Unicode.Scalar], cursor: Int, previous: [Unicode.Scalar], previousCursor: Int)
        -> (scalars: [Unicode.Scalar], cursor: Int)? {
        guard !prompt.isEmpty else { return nil }
        var scalars = edited
        var deletedNewline = false
        // Delete at the end of a line took the newline: the next line's prompt goes with it.
        if previous.count == scalars.count + 1, cursor < previous.count, previous[cursor] == "\n",
           cursor + prompt.count <= scalars.count, Array(scalars[cursor..<(cursor + prompt.count)]) == prompt {
            scalars.removeSubrange(cursor..<(cursor + prompt.count))
            deletedNewline = true
        }
        guard scalars.contains("\n") else { return deletedNewline ? (scalars, cursor) : nil }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count + prompt.count)
        var newCursor = cursor
        var changed = deletedNewline
        let newlines = scalars.indices.filter { scalars[$0] == "\n" }
        let recalled = newlines.allSatisfy { promptLength(after: $0, in: scalars) == 0 }
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "\n" else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let k = promptLength(after: i, in: scalars)
            if k == prompt.count {
                out.append(contentsOf: scalars[i...(i + k)])
                i += k + 1
            } else if recalled {
                out.append("\n")
                out.append(contentsOf: prompt)
                if cursor > i { newCursor += prompt.count }
                changed = true
                i += 1
            } else {
                // Backspace or a word deletion reached into the prompt: the line joins the one above.
                let removed = 1 + k
                if cursor > i { newCursor -= Swift.min(removed, cursor - i) }
                changed = true
                i += removed
            }
        }
        // The cursor may not rest inside a prompt.
        var index = 0
        while index < out.count {
            if out[index] == "\n" {
                let first = index + 1, last = index + prompt.count
                if newCursor >= first && newCursor <= last && newCursor < index + 1 + prompt.count {
                    newCursor = previousCursor <= index ? index + 1 + prompt.count : index
                    changed = true
                }
                index += 1 + prompt.count
                continue
            }
            index += 1
        }
        return changed ? (out, Swift.min(newCursor, out.count)) : nil
    }
}
