// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "smbconfig-shell",
    products: [
        .executable(name: "smbconfig-shell", targets: ["smbconfig-shell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CmdletParser"),
        .target(name: "SMBPolicy"),
        .target(name: "RegularExpressions"),
        .target(name: "MailslotTransport"),
        // The runtime: values, evaluator, binding, formatting, errors, completion and the
        // module table. Command modules register into it; it knows none of them.
        .target(name: "ShellEngine", dependencies: ["CmdletParser", "RegularExpressions"]),
        // The emulated Windows machine the modules below share: OS profile, policy, mailslots.
        .target(name: "EmulatedHost", dependencies: ["ShellEngine", "SMBPolicy", "MailslotTransport"]),
        // Command modules: each imports the runtime and the layers below it, never another module.
        .target(name: "CoreCommands", dependencies: ["ShellEngine", "CmdletParser", "MailslotTransport", "RegularExpressions"]),
        .target(name: "SmbShareCommands", dependencies: ["ShellEngine", "EmulatedHost", "SMBPolicy"]),
        .target(name: "MailslotCommands", dependencies: ["ShellEngine", "EmulatedHost", "MailslotTransport"]),
        .target(name: "WindowsHost", dependencies: ["ShellEngine", "EmulatedHost", "SMBPolicy"]),
        .target(name: "CimCmdlets", dependencies: ["ShellEngine", "EmulatedHost", "SMBPolicy"]),
        .target(name: "Labs", dependencies: ["ShellEngine", "EmulatedHost", "SMBPolicy", "MailslotTransport", "CmdletParser"]),
        .target(name: "PesterCommands", dependencies: ["ShellEngine", "CmdletParser"]),
        .target(name: "PSReadLine", dependencies: ["ShellEngine"]),
        .executableTarget(
            name: "smbconfig-shell",
            dependencies: [
                "ShellEngine", "CoreCommands", "SmbShareCommands", "MailslotCommands", "WindowsHost", "Labs",
                "PesterCommands", "CimCmdlets", "PSReadLine", "SMBPolicy", "CmdletParser", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CmdletParserTests", dependencies: ["CmdletParser"]),
        .testTarget(name: "SMBPolicyTests", dependencies: ["SMBPolicy"]),
        .testTarget(name: "RegularExpressionsTests", dependencies: ["RegularExpressions"]),
        .testTarget(name: "MailslotTransportTests", dependencies: ["MailslotTransport"]),
        // What the engine and module tests share: a recording host and the shell's module list.
        .target(
            name: "ShellTestSupport",
            dependencies: ["ShellEngine", "CoreCommands", "SmbShareCommands", "MailslotCommands", "WindowsHost", "Labs",
                           "CimCmdlets"],
            path: "Tests/ShellTestSupport"
        ),
        .testTarget(name: "ShellEngineTests", dependencies: ["ShellEngine", "ShellTestSupport", "CmdletParser"]),
        .testTarget(name: "CoreCommandsTests", dependencies: ["CoreCommands", "ShellEngine", "ShellTestSupport"]),
        .testTarget(name: "SmbShareCommandsTests",
                    dependencies: ["SmbShareCommands", "ShellEngine", "ShellTestSupport", "SMBPolicy"]),
        .testTarget(name: "MailslotCommandsTests", dependencies: ["MailslotCommands", "ShellTestSupport"]),
        .testTarget(name: "CimCmdletsTests", dependencies: ["CimCmdlets", "ShellEngine", "ShellTestSupport"]),
        .testTarget(name: "LabsTests",
                    dependencies: ["Labs", "EmulatedHost", "ShellEngine", "ShellTestSupport", "SMBPolicy", "MailslotTransport"]),
        .testTarget(name: "WindowsHostTests",
                    dependencies: ["WindowsHost", "EmulatedHost", "ShellEngine", "ShellTestSupport", "SMBPolicy"]),
        .testTarget(name: "PesterCommandsTests", dependencies: ["PesterCommands", "ShellEngine", "ShellTestSupport"]),
        .testTarget(name: "ConsoleTests", dependencies: ["smbconfig-shell"]),
    ],
    swiftLanguageModes: [.v6]
)
