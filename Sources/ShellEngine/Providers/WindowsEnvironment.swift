#if canImport(Glibc)
import Glibc
#endif

/// The environment variables a fresh Windows session has (`$env:COMPUTERNAME`, `windir`,
/// `TEMP`, …). The process's own variables stay: one of these is added only where the process
/// has no variable of that name.
package enum WindowsEnvironment {
    package static func temp(user: String) -> String { #"C:\Users\"# + user + #"\AppData\Local\Temp"# }

    package static func variables(identity: HostIdentity, user: String) -> [(String, String)] {
        let profile = #"C:\Users\"# + user
        let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        return [
            ("ALLUSERSPROFILE", #"C:\ProgramData"#), ("APPDATA", profile + #"\AppData\Roaming"#),
            ("CommonProgramFiles", #"C:\Program Files\Common Files"#),
            ("CommonProgramFiles(x86)", #"C:\Program Files (x86)\Common Files"#),
            ("COMPUTERNAME", identity.computerName), ("ComSpec", #"C:\Windows\system32\cmd.exe"#),
            ("HOMEDRIVE", "C:"), ("HOMEPATH", #"\Users\"# + user), ("LOCALAPPDATA", profile + #"\AppData\Local"#),
            ("LOGONSERVER", #"\\"# + identity.computerName), ("NUMBER_OF_PROCESSORS", String(processors)),
            ("OS", "Windows_NT"), ("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC;.CPL"),
            ("PROCESSOR_ARCHITECTURE", "AMD64"), ("ProgramData", #"C:\ProgramData"#),
            ("ProgramFiles", #"C:\Program Files"#), ("ProgramFiles(x86)", #"C:\Program Files (x86)"#),
            ("ProgramW6432", #"C:\Program Files"#),
            ("PSModulePath", ([profile + #"\Documents\WindowsPowerShell\Modules"#] + ModuleInfo.modulePath).joined(separator: ";")),
            ("PUBLIC", #"C:\Users\Public"#), ("SystemDrive", "C:"), ("SystemRoot", #"C:\Windows"#),
            ("TEMP", temp(user: user)), ("TMP", temp(user: user)), ("USERDOMAIN", identity.computerName),
            ("USERNAME", user), ("USERPROFILE", profile), ("windir", #"C:\Windows"#),
        ]
    }

    package static func install(in engine: Engine) {
        let state = engine.sessionState
        for (name, value) in variables(identity: engine.identity, user: engine.userName)
        where !state.environment.keys.contains(where: { $0.caseInsensitiveEquals(name) }) {
            state.environment[name] = value
        }
    }
}
