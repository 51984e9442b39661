// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "smbconfig-shell",
    products: [
        .executable(name: "smbconfig-shell", targets: ["smbconfig-shell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
        .target(
            name: "MailslotTransport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ShellEngine",
            dependencies: ["CmdletParser", "SMBPolicy", "MailslotTransport"],
            // The evaluator runs on one thread; dynamic exclusivity checks cost it ~5% per statement.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "smbconfig-shell",
            dependencies: [
                "ShellEngine", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CmdletParserTests", dependencies: ["CmdletParser"]),
        .testTarget(name: "SMBPolicyTests", dependencies: ["SMBPolicy"]),
        .testTarget(name: "RegularExpressionsTests", dependencies: ["RegularExpressions"]),
        .testTarget(name: "MailslotTransportTests", dependencies: ["MailslotTransport"]),
        .testTarget(name: "ShellEngineTests", dependencies: ["ShellEngine"]),
        .testTarget(name: "ConsoleTests", dependencies: ["smbconfig-shell"]),
    ],
    swiftLanguageModes: [.v6]
)
