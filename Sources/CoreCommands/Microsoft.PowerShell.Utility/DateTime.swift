import ShellEngine
#if canImport(Glibc)
import Glibc
#endif

final class GetDate: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        var date = DateTimeObject(seconds: time(nil))
        if case .object(let given as DateTimeObject)? = context.value("Date") { date = given }
        if let format = context.string("Format") {
            try context.writeObject(.string(date.standardFormat(format)))
        } else if let uformat = context.string("UFormat") {
            let mapped = uformat.replacing("%Y", with: "yyyy").replacing("%m", with: "MM").replacing("%d", with: "dd")
                .replacing("%H", with: "HH").replacing("%M", with: "mm").replacing("%S", with: "ss")
            try context.writeObject(.string(date.format(mapped)))
        } else {
            try context.writeObject(.object(date))
        }
    }
}
