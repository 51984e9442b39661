import FoundationEssentials
import ShellEngine
#if canImport(Glibc)
import Glibc
#endif

/// The running lab of one emulated computer, kept in the state folder so that a shell started
/// again resumes it: the lab file, the lmhosts file Start-Lab replaced (Reset-Lab puts it back
/// even after a restart) and the tasks Test-Lab last found passed.
struct LabProgress: Codable, Equatable {
    var path: String
    var savedLmhosts: [UInt8]?
    var passed: [Int]

    /// One file per computer name: labs of differently named hosts sharing a folder do not mix.
    static func file(_ engine: Engine) -> String {
        engine.configuration.stateFolder + "/labs/" + engine.computerName.uppercased() + ".progress.json"
    }

    static func load(_ engine: Engine) -> LabProgress? {
        guard let bytes = FileSystemHelpers.read(file(engine)) else { return nil }
        return try? JSONDecoder().decode(LabProgress.self, from: Data(bytes))
    }

    func save(_ engine: Engine) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        let path = Self.file(engine)
        try? FileSystemHelpers.makeFolder(for: path)
        _ = FileSystemHelpers.write(path, [UInt8](data))
    }

    static func remove(_ engine: Engine) {
        unlink(file(engine))
    }
}

extension LabCmdlets {
    /// The running lab, resumed from the saved progress when this shell has not started one yet.
    /// A lab that cannot be resumed (its file gone or changed) is forgotten.
    static func runningLab(_ context: CommandContext) -> RunningLab? {
        let engine = context.engine
        if let lab = engine.labServices.lab { return lab }
        guard !engine.labServices.checking, let progress = LabProgress.load(engine) else { return nil }
        do {
            let definition = try StartLab.definition(at: progress.path, given: progress.path, context)
            guard definition.profile == engine.osProfile else { throw LabFileError(message: "") }
            try StartLab.setUp(definition, context, resuming: progress)
        } catch {
            engine.tearDownLab()
            LabProgress.remove(engine)
            return nil
        }
        return engine.labServices.lab
    }
}
