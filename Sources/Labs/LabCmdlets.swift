import ShellEngine
import EmulatedHost
import CmdletParser
import FoundationEssentials
import MailslotTransport
import SMBPolicy
#if canImport(Glibc)
import Glibc
#endif

/// Start-Lab, Get-LabTask, Test-Lab and Reset-Lab.
enum LabCmdlets {
    static let module = LabsModule.name
    /// The type names of Get-LabTask's and Test-Lab's rows (each has its own table view).
    static let taskTypeName = "SmbConfigShell.LabTask"
    static let resultTypeName = "SmbConfigShell.LabTaskResult"

    /// Tab completion of Start-Lab's path: a word that is not yet a path offers the labs found in
    /// `labs\*\lab.psd1`; a path completes as any path.
    static func completeLabPath(_ engine: Engine, parameter: String, word: String) -> [String]? {
        guard parameter == "Path" else { return nil }
        var typed = word
        if let first = typed.first, first == "'" || first == "\"" { typed.removeFirst() }
        if typed.contains(where: { $0 == "/" || $0 == "\\" }) || typed.hasSuffix(":") { return engine.pathCandidates(word) }
        guard let folders = try? engine.resolvePaths("labs\\*", literal: false) else { return [] }
        return folders.map(\.name).sorted().compactMap { name in
            let file = "labs\\" + name + "\\lab.psd1"
            // A wildcard resolves to existing items only.
            guard let found = try? engine.resolvePaths(file + "*", literal: false),
                  found.contains(where: { $0.name.lowercased() == "lab.psd1" }) else { return nil }
            return file.contains(" ") ? "'" + file + "'" : file
        }
    }

    static func definitions() -> [CmdletDefinition] {
        [
            CmdletDefinition(metadata: CommandMetadata(
                name: "Start-Lab", module: module, implementation: .function,
                parameters: [ParameterMetadata("Path", .string, position: 0, mandatory: true,
                                               help: "The lab's .psd1 file (for example labs/01-legacy-app/lab.psd1).")],
                synopsis: "Starts a training lab: simulated hosts, lmhosts, policy and legacy workloads (shell extension).",
                description: "Reads the lab's data file with the shell's parser (nothing in it runs except the task checks, and only on Test-Lab), resets EnableMailslots (local settings and Group Policy) to the profile defaults, applies the lab's settings, creates its local mailslots and simulated hosts, writes lmhosts (the previous file is kept and restored by Reset-Lab) and starts its workloads.",
                examples: [HelpExample(code: "Start-Lab labs/01-legacy-app/lab.psd1", remarks: "Starts lab 1.")]),
                completeArgument: completeLabPath) { StartLab() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Get-LabTask", module: module, implementation: .function, parameters: [],
                synopsis: "Lists the tasks of the running lab with their hints (shell extension).")) { GetLabTask() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Test-Lab", module: module, implementation: .function,
                parameters: [ParameterMetadata("Quiet", .switchParameter, help: "Returns only True when every task passes.")],
                synopsis: "Grades the running lab: one row per task with Passed and, for a failed task, its hint (shell extension).")) { TestLab() },
            CmdletDefinition(metadata: CommandMetadata(
                name: "Reset-Lab", module: module, implementation: .function, parameters: [],
                synopsis: "Stops the running lab and undoes what Start-Lab changed (shell extension).")) { ResetLab() },
        ]
    }

    /// Start-Lab, Test-Lab and Reset-Lab cannot run from inside a task's check.
    static func refusedInsideCheck(_ context: CommandContext) throws -> Bool {
        guard context.engine.labServices.checking else { return false }
        try context.writeError(context.errorRecord(
            message: "\(context.metadata.name) cannot run inside a lab task's Check script block.",
            errorId: "LabCommandInCheck", category: .InvalidOperation, exceptionType: "System.InvalidOperationException"))
        return true
    }

    static func noLab(_ context: CommandContext) -> ErrorRecord {
        context.errorRecord(message: "No lab is running. Start one with Start-Lab <path to lab.psd1>.", errorId: "NoLabRunning",
                            category: .InvalidOperation, exceptionType: "System.InvalidOperationException")
    }
}

extension Engine {
    /// Puts EnableMailslots (local and Group Policy, both sides) back to the profile defaults.
    func resetMailslotPolicy() throws(PolicyStoreError) {
        let store = policyStore
        _ = policySnapshot()
        for side in PolicySide.allCases {
            if PolicySchema.property(named: "EnableMailslots", side: side, profile: osProfile) != nil {
                applyPolicy(try store.reset(side: side, properties: ["EnableMailslots"]))
            }
            if policySnapshot().groupPolicyValues(side: side).keys.contains(where: { $0.caseInsensitiveEquals("EnableMailslots") }) {
                applyPolicy(try store.removeGroupPolicy(side: side, valueName: "EnableMailslots"))
            }
        }
    }

    /// Stops workloads, hosts and capture, restores lmhosts, removes the lab's mailslots.
    func tearDownLab() {
        let labs = labServices
        _ = labs.stopCapture()
        labs.stopAll()
        labs.events.clear()
        guard let lab = labs.lab else { return }
        labs.restoreLmhosts()
        for name in lab.createdMailslots { try? mailslotService.deleteMailslot(name: name) }
        labs.lab = nil
    }
}

final class StartLab: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        if try LabCmdlets.refusedInsideCheck(context) { return }
        let given = context.string("Path") ?? ""
        let definition = try Self.definition(at: engine.absolutePath(given), given: given, context)
        guard definition.profile == engine.osProfile else {
            try context.throwTerminatingError(context.errorRecord(
                message: "The lab '\(definition.title)' runs on \(definition.profile.displayName); this shell emulates \(engine.osProfile.displayName). Start the shell with SMBCONFIG_OS_PROFILE=\(definition.profile.rawValue) and run Start-Lab again.",
                errorId: "LabProfileMismatch", category: .InvalidOperation,
                exceptionType: "System.InvalidOperationException", target: .string(given)))
        }
        engine.tearDownLab()
        do {
            try Self.setUp(definition, context, resuming: nil)
        } catch let error as LabFileError {
            engine.tearDownLab()
            LabProgress.remove(engine)
            try context.throwTerminatingError(context.errorRecord(message: error.message, errorId: "LabSetupFailed",
                category: .InvalidOperation, exceptionType: "System.InvalidOperationException", target: .string(given)))
        }
        LabProgress(path: definition.path, savedLmhosts: engine.labServices.lab?.savedLmhosts, passed: []).save(engine)
        let o = PSCustomObject(typeNames: ["SmbConfigShell.Lab", "System.Object"])
        o.add("Title", .string(definition.title))
        o.add("OSProfile", .string(definition.profile.rawValue))
        o.add("Hosts", .array(PSArray(definition.hosts.map { .string($0.name) }, elementTypeName: "System.String")))
        o.add("Workloads", .array(PSArray(definition.workloads.map { .string($0.name) }, elementTypeName: "System.String")))
        o.add("Tasks", .int32(Int32(definition.tasks.count)))
        o.add("Description", .string(definition.description))
        try context.writeObject(.object(o))
    }

    /// The lab file read with the shell's parser; `given` is the path as the user wrote it.
    static func definition(at path: String, given: String, _ context: CommandContext) throws -> LabDefinition {
        guard let text = context.engine.readTextFile(path) else {
            try context.throwTerminatingError(context.pathNotFoundError(given))
        }
        do {
            return try LabDefinition(data: try LabDataFile.read(text: text, file: given), path: path)
        } catch {
            try context.throwTerminatingError(context.errorRecord(message: error.message, errorId: "InvalidLabFile",
                category: .InvalidData, exceptionType: "System.IO.InvalidDataException", target: .string(given)))
        }
    }

    /// Starts the lab; `resuming` a lab of an earlier session keeps the SMB settings the learner
    /// has made since and the lmhosts file saved then.
    static func setUp(_ definition: LabDefinition, _ context: CommandContext, resuming: LabProgress?) throws {
        let engine = context.engine
        let labs = engine.labServices
        var names: Set<String> = [engine.computerName.uppercased()]
        for host in definition.hosts {
            guard host.name.utf8.count <= 15, !host.name.contains(where: { $0 == "\\" || $0 == "/" || $0 == " " }) else {
                throw LabFileError(message: "The lab host name '\(host.name)' is not a NetBIOS name (at most 15 characters, no spaces or slashes).")
            }
            guard names.insert(host.name.uppercased()).inserted else {
                throw LabFileError(message: "The lab host name '\(host.name)' is used twice, or is this computer's own name (COMPUTERNAME).")
            }
        }
        let workloadNames = definition.workloads.map { $0.name.lowercased() }
        guard Set(workloadNames).count == workloadNames.count else {
            throw LabFileError(message: "Two workloads of the lab have the same Name.")
        }
        if resuming == nil { do {
            try engine.resetMailslotPolicy()
            for (side, values) in Dictionary(grouping: definition.settings, by: { $0.side }) {
                var set: [String: PolicyValue] = [:]
                for v in values { set[v.name] = .bool(v.value) }
                engine.applyPolicy(try engine.policyStore.update(side: side, set: set))
            }
            for gp in definition.groupPolicy {
                engine.applyPolicy(try engine.policyStore.setGroupPolicy(side: gp.side, valueName: gp.name, value: .dword(gp.value)))
            }
        } catch {
            throw LabFileError(message: "The lab's SMB settings cannot be applied: \(error.message)")
        } }
        let service = engine.mailslotService
        var created: [String] = []
        for name in definition.mailslots {
            do throws(Win32Error) {
                try service.createMailslot(name: name)
                created.append(name)
            } catch where error == .alreadyExists {
                continue
            } catch {
                throw LabFileError(message: "The lab's mailslot '\(name)' cannot be created: \(error.message)")
            }
        }
        for warning in service.drainWarnings() { context.writeWarning(warning) }
        let lmhostsPath = service.configuration.lmhostsPath
        var lab = RunningLab(definition: definition, lmhostsPath: lmhostsPath,
                             savedLmhosts: resuming.map(\.savedLmhosts)
                                ?? lmhostsPath.flatMap { FileManager.default.contents(atPath: $0) }.map { [UInt8]($0) },
                             createdMailslots: created)
        labs.lab = lab
        for spec in definition.hosts {
            let gated = spec.profile.gatesRemoteMailslots
            let policy = gated ? TransportPolicy(outboundRemoteAllowed: spec.outbound, inboundRemoteAllowed: spec.inbound) : .allowed
            do throws(Win32Error) {
                labs.add(try LabHost(name: spec.name, profile: spec.profile, policy: policy, workgroup: engine.workgroup,
                                     lmhostsPath: lmhostsPath, mailslots: spec.mailslots))
            } catch {
                throw LabFileError(message: "The lab host '\(spec.name)' cannot be started: \(error.message)")
            }
        }
        if let lmhostsPath {
            var lines = ["# lmhosts written by Start-Lab for '\(definition.title)'; Reset-Lab restores the previous file."]
            for line in definition.lmhosts { lines.append(try substitute(line, engine: engine)) }
            do {
                try FileSystemHelpers.makeFolder(for: lmhostsPath)
                let written = FileSystemHelpers.write(lmhostsPath, Array((lines.joined(separator: "\n") + "\n").utf8))
                MailslotService.lmhostsMayHaveChanged()
                guard written else {
                    throw LabFileError(message: "The lab cannot write lmhosts to '\(lmhostsPath)'.")
                }
            } catch let error as LabFileError {
                throw error
            } catch {
                throw LabFileError(message: "The lab cannot write lmhosts to '\(lmhostsPath)': \(error)")
            }
        }
        lab.createdMailslots = created
        labs.lab = lab
        for spec in definition.workloads {
            let hostService: MailslotService
            let computer: String
            if let name = spec.computer, !name.caseInsensitiveEquals(engine.computerName) {
                guard let host = labs.host(named: name) else {
                    throw LabFileError(message: "Workload '\(spec.name)' runs on '\(name)', which is not one of the lab's Hosts.")
                }
                hostService = host.service
                computer = host.name
            } else {
                hostService = service
                computer = engine.computerName
            }
            guard let target = spec.target ?? spec.kind.defaultTarget(workgroup: engine.workgroup) else {
                throw LabFileError(message: "Workload '\(spec.name)' (LineOfBusiness) needs a Target.")
            }
            let app = LegacyApp(name: spec.name, kind: spec.kind, computer: computer, target: target,
                                text: spec.message ?? "legacy \(spec.kind.rawValue) message",
                                intervalMilliseconds: spec.interval, service: hostService, log: labs.events,
                                nameType: spec.nameType)
            labs.add(app)
            app.start()
        }
    }

    /// `{HOST}` → the lab host's address, `{SELF}` → this computer's, `{COMPUTERNAME}`, `{WORKGROUP}`.
    private static func substitute(_ line: String, engine: Engine) throws -> String {
        var result = line.replacing("{COMPUTERNAME}", with: engine.computerName).replacing("{WORKGROUP}", with: engine.workgroup)
        if result.contains("{SELF}") {
            guard let own = engine.mailslotService.boundEndpoint else {
                throw LabFileError(message: "lmhosts uses {SELF}, but this computer has no datagram endpoint: list a mailslot under Mailslots, and check SMBCONFIG_DATAGRAM_ENDPOINT.")
            }
            result = result.replacing("{SELF}", with: own.description)
        }
        for host in engine.labServices.hosts where result.contains("{" + host.name + "}") {
            guard let address = host.address else {
                throw LabFileError(message: "lmhosts uses {\(host.name)}, but that host has no mailslot and so no address yet.")
            }
            result = result.replacing("{" + host.name + "}", with: address.description)
        }
        return result
    }
}

final class GetLabTask: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        guard let lab = LabCmdlets.runningLab(context) else { return try context.writeError(LabCmdlets.noLab(context)) }
        for task in lab.definition.tasks {
            let o = PSCustomObject(typeNames: [LabCmdlets.taskTypeName, "System.Object"])
            o.add("Id", .int32(Int32(task.id)))
            o.add("Task", .string(task.title))
            o.add("Hint", .string(task.hint))
            try context.writeObject(.object(o))
        }
    }
}

final class TestLab: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        if try LabCmdlets.refusedInsideCheck(context) { return }
        guard let lab = LabCmdlets.runningLab(context) else { return try context.writeError(LabCmdlets.noLab(context)) }
        var allPassed = true
        var rows: [PSValue] = []
        for task in lab.definition.tasks {
            let (passed, unreported) = engine.runLabCheck(task.check)
            // A check that tried to change the computer fails, and says what it tried even where
            // it caught the error.
            for record in unreported { try context.writeError(record) }
            allPassed = allPassed && passed
            let o = PSCustomObject(typeNames: [LabCmdlets.resultTypeName, "System.Object"])
            o.add("Id", .int32(Int32(task.id)))
            o.add("Task", .string(task.title))
            o.add("Passed", .bool(passed))
            o.add("Hint", .string(passed ? "" : task.hint))
            rows.append(.object(o))
        }
        if var progress = LabProgress.load(engine) {
            progress.passed = lab.definition.tasks.indices.filter { k in
                if case .object(let row) = rows[k], case .bool(true)? = row.property("Passed") { return true }
                return false
            }.map { lab.definition.tasks[$0].id }
            progress.save(engine)
        }
        if context.switchValue("Quiet") { return try context.writeObject(.bool(allPassed)) }
        for row in rows { try context.writeObject(row) }
    }
}

final class ResetLab: Cmdlet {
    func process(_ context: CommandContext, input: PSValue?) throws {
        let engine = context.engine
        if try LabCmdlets.refusedInsideCheck(context) { return }
        guard LabCmdlets.runningLab(context) != nil else { return try context.writeError(LabCmdlets.noLab(context)) }
        engine.tearDownLab()
        LabProgress.remove(engine)
        do {
            try engine.resetMailslotPolicy()
        } catch {
            try context.writeError(context.errorRecord(message: error.message, errorId: "PolicyStoreError",
                category: .WriteError, exceptionType: "System.IO.IOException"))
        }
    }
}

extension Engine {
    /// Runs a task's check script block in the lab sandbox; passed when it returns a true value
    /// and tried nothing the sandbox refuses. Its non-terminating errors are not shown (a check
    /// that fails with an error is simply not passed); refusals it caught are returned to be shown.
    func runLabCheck(_ check: ScriptBlockAst) -> (passed: Bool, unreported: [ErrorRecord]) {
        let savedRedirection = errorRedirection
        let savedSucceeded = lastSucceeded
        errorRedirection = { _ in true }
        labServices.checking = true
        defer {
            errorRedirection = savedRedirection
            lastSucceeded = savedSucceeded
            labServices.checking = false
        }
        let sandbox = LabCheckSandbox.make()
        let passed = withSandbox(sandbox) {
            do {
                return LanguagePrimitives.isTrue(try invokeScriptBlock(ScriptBlock(ast: check), arguments: []))
            } catch {
                return false
            }
        }
        return (passed && sandbox.refused.isEmpty, sandbox.unreported)
    }
}
